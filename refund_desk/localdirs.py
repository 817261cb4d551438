"""This PC's own folders for the signed-in person (never the shared drive): where the embedded
default database, the log file and the audit anchors live. Pure Python (the command line has no
Qt), following the rules of Qt's QStandardPaths.AppLocalDataLocation: local, not roaming."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANISATION = "RefundDesk"
APPLICATION = "RefundDesk"


def data_dir() -> Path:
    """Per-user, per-PC data folder (Windows: %LOCALAPPDATA%, not the roaming %APPDATA%)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(base) / ORGANISATION / APPLICATION


def log_dir() -> Path:
    """Where this PC keeps the log files: `logs` in the data folder, so local, never roaming
    (Qt names no log location of its own)."""
    return data_dir() / "logs"
