"""Language and font: Qt Linguist translations (Chinese by default) and the bundled CJK font."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import paths
from ..domain import errors

ORGANISATION = "RefundDesk"
APPLICATION = "RefundDesk"
LANGUAGE_KEY = "language"
DATABASE_KEY = "database"
_installed: list[QTranslator] = []
_font_family: list[str] = []  # registered once per process


def settings() -> QSettings:
    """The per-user settings (database location, language)."""
    return QSettings(ORGANISATION, APPLICATION)


def choose_language(requested: str | None) -> str:
    """`--lang` beats the saved choice beats Chinese."""
    if requested:
        return "en" if requested.lower().startswith("en") else "zh"
    saved = str(settings().value(LANGUAGE_KEY, "zh") or "zh")
    return "en" if saved.startswith("en") else "zh"


def install_language(app: QCoreApplication, lang: str) -> str:
    """Load the Chinese catalogue (English is the source language) and make the domain's error
    sentences follow. Returns the language in force."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    errors.set_language(lang)
    if lang == "zh":
        # Qt's own words (OK, Cancel, Close, calendar popups) come from Qt's catalogue.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ours = paths.resource_file(paths.CATALOGUE_ZH)
        for name, folder in (("qtbase_zh_CN.qm", qt_dir), (ours.name, str(ours.parent))):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    return lang


def register_font(app: QApplication, point_size: int = 10) -> str | None:
    """Register the bundled WenQuanYi Micro Hei and make it the application font, so the screen
    looks the same on every PC (and matches the printouts)."""
    if not _font_family:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource_file(paths.CJK_FONT)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            return None
        _font_family.append(families[0])
    family = _font_family[0]
    if app.font().family() != family:
        app.setFont(QFont(family, point_size))
    return family
