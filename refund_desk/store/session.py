"""Opening a store: where it is, that it is reachable, and that its schema is current."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .. import localdirs, remembered
from ..domain.calendar import WorkCalendar
from ..domain.roles import Role
from . import anchor, migrations, settings
from . import db as dbmod
from .actors import Actor

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


def open_store(
    spec: str | None, create: bool = False, kind: str = "production", actor: str = ""
) -> dbmod.Location:
    """Bind the store to `spec` and bring its schema up to date. `create` makes a new database
    (and the folder of the embedded default) when there is none, of `kind` ("production" or
    "demo", fixed for the database's life)."""
    location = dbmod.parse_location(resolve(spec))
    if create and location.is_sqlite and location.target == default_location():
        os.makedirs(os.path.dirname(location.target), exist_ok=True)
    dbmod.bind(location, must_exist=not create)
    migrations.ensure_schema(create=create, kind=kind, actor=actor)
    anchor.bind(settings.get(migrations.ID_KEY) or None, location.display)
    return location


def is_demo() -> bool:
    """Whether the open database was made as a demo (it says so on screen and on paper)."""
    return settings.get(migrations.KIND_KEY) == "demo"


@dataclass(frozen=True)
class Opening:
    """What the window needs to know once someone has logged in (one background job)."""

    calendar: WorkCalendar
    demo: bool
    anchor_warning: str  # "" unless this PC's sight of the audit chain no longer holds
    login_alerts: tuple  # user names under repeated failed log-ins (shown to sysadmins)


def opening(actor: Actor) -> Opening:
    from . import maintenance, users

    alerts = tuple(users.login_alerts()) if Role.SYSADMIN in actor.roles else ()
    return Opening(settings.calendar(), is_demo(), maintenance.anchor_warning(), alerts)
