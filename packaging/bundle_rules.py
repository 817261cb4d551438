"""What the PyInstaller spec (refund_desk.spec) needs to know about this app: the imports that
its analysis cannot see, the Qt modules the app does not use, and the Windows version
resource. Kept out of the spec so that tests/packaging can read and check it."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

# Imports made at run time by name, which PyInstaller's analysis does not follow:
# - reportlab's barcode widgets import their encoders lazily: a build without this line prints
#   "No module named 'reportlab.graphics.barcode.code128'" for every printout's QR code;
# - every module of the app itself, so that a lazy import added later cannot vanish;
# - `holidays.China` is looked up by name in holidays' registry, and peewee imports psycopg2
#   inside try/except: the analysis and PyInstaller's hooks find these today (a build without
#   the lines has them), declared so that a change in those packages cannot drop them.
HIDDEN_PACKAGES = ("refund_desk", "reportlab.graphics.barcode")
HIDDEN_MODULES = (
    # zoneinfo reads tzdata by name when the system has no time-zone database (Windows always):
    # a Linux build without it failed at start with "No time zone found with key Asia/Shanghai"
    # once PYTHONTZPATH pointed nowhere.
    "tzdata",
    "holidays.countries.china",
    "psycopg2",
    "psycopg2._psycopg",
    "psycopg2.extensions",
    "psycopg2.extras",
    "psycopg2.tz",
)
# Only the Chinese holiday names: holidays ships translations for every country.
HOLIDAYS_DATA = ["locale/*/LC_MESSAGES/CN.mo"]

# The Qt modules the app imports, and the ones their libraries need (Charts draws with
# OpenGL; Pdf needs Network; Gui needs DBus on Linux; the SVG icon needs Svg; the single
# instance guard is QLocalServer, in Network). Every other PySide6 module stays out.
QT_USED = frozenset(
    {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtNetwork",
        "QtPrintSupport",
        "QtCharts",  # PySide6-Addons
        "QtPdf",  # PySide6-Addons
        "QtPdfWidgets",  # PySide6-Addons
        "QtSvg",
        "QtDBus",
        "QtOpenGL",
        "QtOpenGLWidgets",
    }
)
UNUSED_PYTHON = ["tkinter", "PySide6.scripts"]
# Qt's own catalogues: only the languages the app offers (English needs none).
_QT_CATALOGUE = re.compile(r"[\\/]translations[\\/][a-z_]+?_([a-zA-Z_]+)\.qm$")
KEEP_QT_LANGUAGES = frozenset({"zh_CN"})


def hidden_imports(collect_submodules: Callable[[str], list[str]]) -> list[str]:
    """Every module to bundle beyond what the analysis finds."""
    found = [name for package in HIDDEN_PACKAGES for name in collect_submodules(package)]
    return sorted({*found, *HIDDEN_MODULES})


def unused_qt_modules(pyside_folder: str) -> list[str]:
    """`PySide6.QtX` for every Qt module in this PySide6 that the app does not use."""
    names = set()
    for entry in os.listdir(pyside_folder):
        match = re.match(r"(Qt[A-Za-z0-9]+)\.", entry)
        if match and entry.endswith((".so", ".pyd", ".pyi")):
            names.add(match.group(1))
    return sorted(f"PySide6.{name}" for name in names - QT_USED)


def keep_data(datas: Iterable[tuple]) -> list[tuple]:
    """Drops Qt's catalogues for languages the app does not offer, and the links PyInstaller
    makes to the libraries keep_binaries drops."""
    kept = []
    for entry in datas:
        if unused_binary(os.path.basename(entry[0])):
            continue
        match = _QT_CATALOGUE.search(entry[0])
        if match and "PySide6" in entry[0] and match.group(1) not in KEEP_QT_LANGUAGES:
            continue
        kept.append(entry)
    return kept


# PyInstaller collects every input-method plugin with QtGui, and with the on-screen keyboard's
# plugin come Qt Quick, Qml and Virtual Keyboard (17 MB), which nothing else here loads.
UNUSED_PLUGINS = ("qtvirtualkeyboardplugin",)
UNUSED_QT_LIBRARY = re.compile(
    r"^(lib)?Qt6(Qml|Quick|VirtualKeyboard|WebEngine|Multimedia|3D|Designer)\w*\.(so|dll|dylib)"
)


def keep_binaries(binaries: Iterable[tuple]) -> list[tuple]:
    """Drops those plugins and the libraries that only they need."""
    return [b for b in binaries if not unused_binary(os.path.basename(b[0]))]


def unused_binary(name: str) -> bool:
    return any(p in name for p in UNUSED_PLUGINS) or bool(UNUSED_QT_LIBRARY.match(name))


def unused_binaries_in(bundle: str) -> list[str]:
    """What a built bundle still carries of the above (packaging/smoke.sh fails on any)."""
    return sorted(
        os.path.relpath(os.path.join(folder, name), bundle)
        for folder, _dirs, names in os.walk(bundle)
        for name in names
        if unused_binary(name)
    )


def file_version(version: str) -> tuple[int, int, int, int]:
    """`0.2.1` → (0, 2, 1, 0): the four numbers of a Windows file version."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def windows_version_info(version: str, program: str) -> str:
    """The version resource of a Windows executable (Explorer's Details tab), from the
    package's one version number, in the text form PyInstaller's `version=` file takes (its
    classes import win32api, so they cannot be built off Windows; this text can, and is
    tested here)."""
    numbers = file_version(version)
    strings = {
        "CompanyName": "Refund Desk",
        "FileDescription": "退款台 Refund Desk",
        "FileVersion": version,
        "InternalName": program,
        "LegalCopyright": "Proprietary",
        "OriginalFilename": f"{program}.exe",
        "ProductName": "Refund Desk",
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0804 / 1200 (0x04B0): Simplified Chinese, Unicode
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3F, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""
