"""This PC's memory of the audit chain: the newest head (sequence number and hash) it has seen
of each database, kept outside the shared file (in the signed-in person's local data folder).
If the shared file's chain is later shorter, or has another hash at that row, its history was
cut or rewritten since this PC looked, and `refund-desk check` and the app say so, unless an
audited restore explains it. Best effort: a lost or unwritable anchor file only loses the
warning, never a write."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .. import localdirs

log = logging.getLogger(__name__)
_lock = threading.Lock()
_bound: list[tuple[str, str]] = []  # (anchor key, where) of the open store


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: str  # when this PC saw it (ISO, UTC)
    where: str  # the database location as this PC named it


def path() -> Path:
    return localdirs.data_dir() / "audit-anchors.json"


def bind(database_id: str | None, where: str) -> None:
    """The open store: its identity (the `database_id` setting) at the place this PC opens it
    (a backup copy elsewhere is another place, with a history of its own); None unbinds."""
    _bound[:] = [(f"{database_id}@{where}", where)] if database_id else []


def bound_key() -> str | None:
    return _bound[0][0] if _bound else None


def _read() -> dict:
    try:
        with open(path(), encoding="utf-8") as f:
            data = json.load(f)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def recall() -> Anchor | None:
    entry = _read().get(bound_key() or "")
    try:
        return Anchor(int(entry["seq"]), str(entry["hash"]), str(entry["at"]), str(entry["where"]))
    except (TypeError, KeyError, ValueError):
        return None


def saw(seq: int, digest: str, force: bool = False) -> None:
    """Remember (seq, digest) as the newest head seen, unless a newer one is already kept
    (`force`: after an explained restore or a sysadmin's acknowledgement)."""
    if not _bound:
        return
    key, where = _bound[0]
    with _lock:
        data = _read()
        old = data.get(key)
        if not force and isinstance(old, dict) and int(old.get("seq", 0)) >= seq:
            return
        data[key] = {
            "seq": seq,
            "hash": digest,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "where": where,
        }
        try:
            folder = path().parent
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".anchors-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1)
            os.replace(tmp, path())
        except OSError as e:
            log.warning("could not keep the audit anchor: %s", e)
