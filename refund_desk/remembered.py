"""The database this person chose on this PC, kept for next time in a one-line file of our own
in the local data folder. Both the desktop app and the command line read it (the command line
has no Qt, so not QSettings); `--db` and REFUND_DESK_DB come before it."""

from __future__ import annotations

import os

from . import localdirs

FILE_NAME = "database.txt"


def database() -> str | None:
    """The remembered choice, or None when there is none (or it cannot be read)."""
    try:
        text = (localdirs.data_dir() / FILE_NAME).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def remember(spec: str) -> None:
    """Keep `spec` for next time; written to a temporary file and renamed into place, so a
    crash never leaves half a path."""
    folder = localdirs.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / (FILE_NAME + ".tmp")
    temporary.write_text(spec.strip() + "\n", encoding="utf-8")
    os.replace(temporary, folder / FILE_NAME)
