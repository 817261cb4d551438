"""Opening the database, one connection per unit of work, and turning driver errors into
sentences. SQLite on a shared drive follows SQLite's own rules for network use: rollback journal
(never WAL), synchronous=FULL, foreign keys on, 30 s busy timeout, every write BEGIN IMMEDIATE."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import peewee

from ..domain.errors import DatabaseError, RefundDeskError, Text

DB = peewee.DatabaseProxy()
BUSY_TIMEOUT_S = 30


def sqlite_pragmas() -> tuple[tuple[str, object], ...]:
    """What every connection sets. On a slow share each statement before BEGIN IMMEDIATE that
    needs the schema (PRAGMA synchronous or journal_mode) costs a lock cycle of about seven file
    operations, so: foreign_keys always (no file access); synchronous=FULL only when this SQLite
    does not already default to it; busy_timeout through the driver's `timeout`. The journal mode
    belongs to the file: `use_rollback_journal` sets it when the store is opened and after a
    restore, and `refund-desk check` reports it."""
    pragmas: tuple[tuple[str, object], ...] = (("foreign_keys", 1),)
    if _default_synchronous() != 2:
        pragmas = (("synchronous", 2), *pragmas)
    return pragmas


@functools.cache
def _default_synchronous() -> int:
    with tempfile.TemporaryDirectory() as folder:
        probe = sqlite3.connect(os.path.join(folder, "probe.db"))
        try:
            return probe.execute("PRAGMA synchronous").fetchone()[0]
        finally:
            probe.close()


@dataclass(frozen=True)
class Location:
    """Where the database lives: a SQLite file path (taken as given) or a PostgreSQL URL."""

    kind: str  # "sqlite" | "postgresql"
    target: str  # file path, or the URL
    display: str  # what the window title and messages show (no password)

    @property
    def is_sqlite(self) -> bool:
        return self.kind == "sqlite"


def parse_location(spec: str) -> Location:
    """`\\\\server\\share\\x.db`, `Z:\\x.db`, `./x.db`, `sqlite:///x.db`, `postgresql://…`."""
    spec = (spec or "").strip()
    if not spec:
        raise DatabaseError("bad_db_spec", spec="''")
    lower = spec.lower()
    if lower.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(spec)
        shown = f"postgresql://{parts.hostname or 'localhost'}"
        shown += f":{parts.port}" if parts.port else ""
        shown += parts.path
        return Location("postgresql", spec, shown)
    if lower.startswith("sqlite:///"):
        path = unquote(spec[len("sqlite:///") :])
        if path.startswith("/") and len(path) > 3 and path[2] == ":":
            path = path[1:]  # sqlite:////C:/x.db style
        return Location("sqlite", path, path)
    if "://" in spec:
        raise DatabaseError("bad_db_spec", spec=spec)
    # A plain path, including UNC (\\server\share\x.db) and drive (Z:\x.db) forms: untouched.
    return Location("sqlite", spec, spec)


def make_database(location: Location) -> peewee.Database:
    if location.is_sqlite:
        return peewee.SqliteDatabase(
            location.target,
            pragmas=sqlite_pragmas(),
            timeout=BUSY_TIMEOUT_S,  # the busy timeout, in seconds
            lock_type="IMMEDIATE",
            autoconnect=False,
        )
    parts = urlsplit(location.target)
    return peewee.PostgresqlDatabase(
        (parts.path or "/").lstrip("/") or "postgres",
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        host=parts.hostname or "localhost",
        port=parts.port or 5432,
        autoconnect=False,
        connect_timeout=10,
    )


def use_rollback_journal(database: peewee.Database) -> None:
    """Rollback journal, never WAL (a network share has no shared memory for WAL's index)."""
    if isinstance(database, peewee.SqliteDatabase):
        database.execute_sql("PRAGMA journal_mode=delete")


_location: Location | None = None


def bind(location: Location, must_exist: bool = True) -> peewee.Database:
    """Point the store at `location`. A missing SQLite file is an error unless `must_exist` is
    False (init, demo, restore create it)."""
    global _location, _may_create
    if location.is_sqlite:
        path = location.target
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise DatabaseError("db_unreachable", where=location.display, why=_WHY_NO_FOLDER)
        if must_exist and not os.path.exists(path):
            raise DatabaseError("db_unreachable", where=location.display, why=_WHY_NO_FILE)
    database = make_database(location)
    if DB.obj is not None and not DB.obj.is_closed():
        DB.obj.close()
    DB.initialize(database)
    _location = location
    _may_create = not must_exist
    return database


# SQLite creates a missing file on connect. Once bound to an existing file, a missing file
# means the share went away (its mount point is an empty local folder now): refuse, rather
# than start an empty database there.
_may_create = True


def _still_there() -> None:
    missing = _location is not None and _location.is_sqlite and not _may_create
    if missing and not os.path.exists(_location.target):
        raise DatabaseError("db_unreachable", where=_location.display, why=_WHY_NO_FILE)


def location() -> Location:
    if _location is None:
        raise DatabaseError("bad_db_spec", spec="(none)")
    return _location


@contextlib.contextmanager
def connection() -> Iterator[peewee.Database]:
    """A connection for one unit of work (nests; closes when the outermost one ends)."""
    if DB.obj is not None and DB.obj.is_closed():
        _still_there()
    with translate_errors(), DB.connection_context():
        yield DB.obj


@contextlib.contextmanager
def write() -> Iterator[peewee.Database]:
    """One short write transaction: BEGIN IMMEDIATE on SQLite; nested calls become savepoints."""
    with connection() as db, translate_errors(), db.atomic():
        yield db


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Driver errors become one sentence that a person can act on."""
    try:
        yield
    except RefundDeskError:
        raise
    except (peewee.OperationalError, sqlite3.OperationalError, peewee.InterfaceError) as e:
        raise classify(e) from e
    except (peewee.DatabaseError, sqlite3.DatabaseError) as e:
        if isinstance(e, peewee.IntegrityError):
            raise
        raise classify(e) from e


def classify(error: Exception) -> DatabaseError:
    if "cannot rollback" in str(error) and error.__context__ is not None:
        # A failed COMMIT that SQLite already ended: the rollback's complaint hides the cause.
        return classify(error.__context__)
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    low = text.lower()
    where = _location.display if _location else "?"
    if "locked" in low or "busy" in low:
        return DatabaseError("db_locked")
    if "disk is full" in low:
        return DatabaseError("db_full")
    if "readonly" in low or "read-only" in low or "read only" in low:
        return DatabaseError("db_readonly", where=where)
    if "unable to open" in low or "could not connect" in low or "connection refused" in low:
        return DatabaseError("db_unreachable", where=where, why=text)
    if "no such table" in low or ("does not exist" in low and "relation" in low):
        return DatabaseError("db_not_initialised", where=where)
    if "not a database" in low or "malformed" in low:
        return DatabaseError("db_unreachable", where=where, why=text)
    return DatabaseError("db_io", why=text)


_WHY_NO_FOLDER = Text(
    "文件夹不存在，或共享盘没有连接。", "the folder does not exist or the share is not connected."
)
_WHY_NO_FILE = Text("文件不存在。", "the file does not exist.")
