"""Opening a store: where it is, that it is reachable, and that its schema is current."""

from __future__ import annotations

import os
import sys

from . import db as dbmod
from . import migrations

ENV_VAR = "REFUND_DESK_DB"


def default_location() -> str:
    """A local SQLite file in the user's data folder: the embedded default."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or os.path.expanduser("~")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return os.path.join(base, "RefundDesk", "refund-desk.db")


def resolve(spec: str | None) -> str:
    """--db beats REFUND_DESK_DB beats the embedded default."""
    return spec or os.environ.get(ENV_VAR) or default_location()


def open_store(spec: str | None, create: bool = False) -> dbmod.Location:
    """Bind the store to `spec` and bring its schema up to date. `create` makes a new database
    (and the folder of the embedded default) when there is none."""
    location = dbmod.parse_location(resolve(spec))
    if create and location.is_sqlite and spec is None and not os.environ.get(ENV_VAR):
        os.makedirs(os.path.dirname(location.target), exist_ok=True)
    dbmod.bind(location, must_exist=not create)
    migrations.ensure_schema(create=create)
    return location
