"""Half-filled refund forms kept on this PC, so that a crash or a power cut loses at most a
minute of typing: one small file per person and database in the local data folder (never the
shared drive: a draft is nobody else's business). Pure Python, written whole or not at all."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import localdirs

FOLDER = "drafts"


@dataclass(frozen=True)
class Draft:
    """What the form held: its fields as typed, which refund (None: a new one) at which
    version, and the new form's complaint time and save key."""

    values: dict[str, str]
    refund_id: int | None = None
    version: int = 0
    opened_at: str = ""  # ISO time the new form's 10-minute clock started
    idem_key: str = ""
    kept_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())


def path(database: str, username: str) -> Path:
    """The draft file of this person on this database (its identity, else its location)."""
    digest = hashlib.sha256(f"{database}\0{username.casefold()}".encode()).hexdigest()[:24]
    return localdirs.data_dir() / FOLDER / f"{digest}.json"


def keep(database: str, username: str, draft: Draft) -> None:
    """Write the draft (a temporary file renamed into place: a crash keeps the older one)."""
    target = path(database, username)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(draft), ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, target)


def find(database: str, username: str) -> Draft | None:
    """The kept draft, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path(database, username).read_text(encoding="utf-8"))
        values = {str(k): str(v) for k, v in dict(data.pop("values")).items()}
        return Draft(values, **{k: v for k, v in data.items() if k in Draft.__annotations__})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def forget(database: str, username: str) -> None:
    with contextlib.suppress(OSError):
        path(database, username).unlink(missing_ok=True)
