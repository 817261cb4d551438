"""Opening a store: where it is, that it is reachable, and that its schema is current."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from .. import localdirs, remembered
from ..domain.calendar import WorkCalendar
from ..domain.errors import DatabaseError, NotAllowed, Text
from ..domain.office_settings import IDLE_LOCK_MINUTES, idle_lock_minutes
from ..domain.roles import Role
from . import anchor, migrations, settings, users
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


def upgrade(spec: str | None, username: str, password: str) -> migrations.Upgrade:
    """Bring an older database to this program's schema, once a sysadmin has logged in and
    confirmed that the other PCs have closed the app: a backup first, then the migration, audited
    under the sysadmin's name (the old schema cannot record a log-in, so the password is checked
    without writing)."""
    location = dbmod.parse_location(resolve(spec))
    dbmod.bind(location)
    admin = users.verify_without_writing(username, password)
    if Role.SYSADMIN not in admin.roles:
        raise NotAllowed(action=UPGRADE, roles=Role.SYSADMIN.label)
    done = migrations.ensure_schema(create=False, actor=admin.username, upgrade=True)
    anchor.bind(settings.get(migrations.ID_KEY) or None, location.display)
    return done


UPGRADE = Text("升级数据库", "upgrade the database")


def open_snapshot(spec: str | None) -> dbmod.Location:
    """A read-only copy of an older SQLite database, made on this PC and brought to this
    program's schema there, for working read-only until the sysadmin upgrades the real one."""
    from . import maintenance

    location = dbmod.parse_location(resolve(spec))
    if not location.is_sqlite:
        raise DatabaseError("snapshot_sqlite_only")
    dbmod.bind(location)
    folder = localdirs.data_dir() / "read-only-copies"
    folder.mkdir(parents=True, exist_ok=True)
    stem = os.path.splitext(os.path.basename(location.target))[0]
    copy = str(folder / f"{stem}-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}.db")
    maintenance.backup_to(copy)
    mark = Text("（只读副本）", " (read-only copy)").get()
    snapshot = dbmod.Location("sqlite", copy, f"{location.display}{mark}")
    dbmod.bind(snapshot)
    migrations.ensure_schema(create=False, actor="read-only copy", upgrade=True, backup_dir=None)
    for old in folder.glob(f"{stem}-*.db.v*-*.bak"):  # the copy's own pre-migration backup
        old.unlink(missing_ok=True)
    dbmod.set_read_only(True)
    anchor.bind(None, snapshot.display)
    return snapshot


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
    calendar_warning: str = ""  # the holiday arrangement missing (to those who keep it)
    idle_lock_minutes: int = IDLE_LOCK_MINUTES  # the office's setting; 0: never lock
    database_id: str = ""  # the database's identity (drafts on this PC are kept under it)


def opening(actor: Actor) -> Opening:
    from . import maintenance

    alerts = tuple(users.login_alerts()) if Role.SYSADMIN in actor.roles else ()
    calendar = settings.calendar()
    keeps_calendar = actor.roles & {Role.SYSADMIN, Role.ADMIN}
    stale = maintenance.calendar_warning(calendar) if keeps_calendar else ""
    return Opening(
        calendar,
        is_demo(),
        maintenance.anchor_warning(),
        alerts,
        stale,
        idle_lock_minutes(settings.get("idle_lock_minutes")),
        settings.get(migrations.ID_KEY),
    )
