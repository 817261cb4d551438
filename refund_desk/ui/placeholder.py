"""A tab whose module is not installed yet: a plain sentence instead of a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderTab(QWidget):
    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)
