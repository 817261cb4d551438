"""Where the shipped resources live (fonts, translations, icons)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
RESOURCES = PACKAGE.parent / "resources"
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"
CJK_FONT = FONTS / "wqy-microhei.ttc"
FORMS_SOURCE = PACKAGE.parent / "forms"
