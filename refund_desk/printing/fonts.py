"""The Chinese font every printout uses: WenQuanYi Micro Hei from the bundled TrueType
collection, embedded as a subset. Never a CID font (STSong-Light is not embedded and prints
blank on a PC without it)."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths

FONT = "WenQuanYiMicroHei"
_lock = threading.Lock()


def register() -> str:
    """Register the font once per process (thread-safe); returns its reportlab name."""
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            font = TTFont(FONT, str(paths.resource_file(paths.CJK_FONT)), subfontIndex=0)
            pdfmetrics.registerFont(font)
            # The collection has one weight: <b> and <i> in a paragraph use the same face
            # rather than falling back to a non-embedded standard font.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
    return FONT
