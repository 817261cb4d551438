"""Opening a store: where it is, that it is reachable, and that its schema is current."""

from __future__ import annotations

import os

from .. import localdirs, remembered
from . import db as dbmod
from . import migrations

ENV_VAR = "REFUND_DESK_DB"


def default_location() -> str:
    """The embedded default: a SQLite file in this PC's local data folder (never the roaming
    profile, which would copy a database between PCs behind SQLite's back)."""
    return str(localdirs.data_dir() / "refund-desk.db")


def given(spec: str | None) -> str | None:
    """What the person named for this start: `--db`, else REFUND_DESK_DB, else the choice
    remembered on this PC; None when there is none of them."""
    return spec or os.environ.get(ENV_VAR) or remembered.database()


def resolve(spec: str | None) -> str:
    """--db beats REFUND_DESK_DB beats the remembered choice beats the embedded default."""
    return given(spec) or default_location()


def open_store(spec: str | None, create: bool = False) -> dbmod.Location:
    """Bind the store to `spec` and bring its schema up to date. `create` makes a new database
    (and the folder of the embedded default) when there is none."""
    location = dbmod.parse_location(resolve(spec))
    if create and location.is_sqlite and location.target == default_location():
        os.makedirs(os.path.dirname(location.target), exist_ok=True)
    dbmod.bind(location, must_exist=not create)
    migrations.ensure_schema(create=create)
    return location
