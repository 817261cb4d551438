"""The Qt desktop application (PySide6). Nothing below this package imports Qt."""
