"""Opening a store: where it is, that it is reachable, and that its schema is current."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from ..domain.calendar import WorkCalendar
from ..domain.roles import Role
from . import anchor, migrations, settings
from . import db as dbmod
from .actors import Actor

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


def open_store(
    spec: str | None, create: bool = False, kind: str = "production", actor: str = ""
) -> dbmod.Location:
    """Bind the store to `spec` and bring its schema up to date. `create` makes a new database
    (and the folder of the embedded default) when there is none, of `kind` ("production" or
    "demo", fixed for the database's life)."""
    location = dbmod.parse_location(resolve(spec))
    if create and location.is_sqlite and spec is None and not os.environ.get(ENV_VAR):
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
