"""This PC's log-in tokens: after a first log-in as a user, the PC keeps a random token (only its
hash is in the database) and presents it at every later log-in as that user, so that failed
attempts elsewhere under the same name never slow this PC down (`store.users`). Kept in the
signed-in person's local data folder, per database."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path

from .. import localdirs
from . import anchor, users
from .actors import Actor

log = logging.getLogger(__name__)
_lock = threading.Lock()


def path() -> Path:
    return localdirs.data_dir() / "login-devices.json"


def _read() -> dict:
    try:
        with open(path(), encoding="utf-8") as f:
            data = json.load(f)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def token(username: str) -> str:
    entry = _read().get(anchor.bound_key() or "", {})
    value = entry.get(username.strip()) if isinstance(entry, dict) else None
    return value if isinstance(value, str) else ""


def keep(username: str, value: str) -> None:
    database = anchor.bound_key()
    if not database or not value:
        return
    with _lock:
        data = _read()
        data.setdefault(database, {})[username.strip()] = value
        try:
            folder = path().parent
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".devices-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path())
        except OSError as e:
            log.warning("could not keep this PC's log-in token: %s", e)


def log_in(username: str, password: str) -> Actor:
    """Log in from this PC (presenting its token for the user, keeping a new one if given)."""
    result = users.login(username, password, token(username))
    keep(username, result.device_token)
    return result.actor
