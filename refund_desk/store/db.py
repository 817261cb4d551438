"""Opening the database, one connection per unit of work, and turning driver errors into
sentences. SQLite on a shared drive follows SQLite's own rules for network use: rollback journal
(never WAL), synchronous=FULL, foreign keys on, 30 s busy timeout, every write BEGIN IMMEDIATE."""

from __future__ import annotations

import contextlib
import functools
import ntpath
import os
import re
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

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


# A Windows network or drive path: on any other system it would name a local file literally.
_WINDOWS_PATH = re.compile(r"^(\\\\|//)[^\\/]+[\\/]|^[A-Za-z]:[\\/]")


def parse_location(spec: str) -> Location:
    """`\\\\server\\share\\x.db`, `Z:\\x.db`, `./x.db`, `sqlite:///x.db`, `postgresql://…`."""
    spec = (spec or "").strip()
    if not spec:
        raise DatabaseError("bad_db_spec", spec="''")
    if "\x00" in spec or any(0xD800 <= ord(ch) <= 0xDFFF for ch in spec):
        raise DatabaseError("bad_db_spec", spec=spec.encode("utf-8", "replace").decode())
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


def windows_only(path: str) -> bool:
    """A Windows share or drive path given on a system that would take it as a file name."""
    return sys.platform != "win32" and bool(_WINDOWS_PATH.match(path)) and not path.startswith("//")


def sqlite_uri(path: str, create: bool) -> str:
    """An SQLite URI for `path` that opens it read-write and, unless `create`, never makes a
    new file (a vanished share must not leave an empty database in its mount folder). Windows
    drive and UNC paths keep their form (SQLite reads file:///C:/… and file:////server/share/…)."""
    windows = sys.platform == "win32" or bool(_WINDOWS_PATH.match(path))
    if windows:
        full = ntpath.abspath(path) if sys.platform == "win32" else path
        drive, rest = ntpath.splitdrive(full)
        rest = rest.replace("\\", "/")
        if drive.startswith(("\\\\", "//")):  # \\server\share
            head = "//" + drive.replace("\\", "/").lstrip("/")
            uri_path = "//" + quote(head + rest, safe="/")
        else:
            uri_path = "///" + quote(drive + rest, safe="/:")
    else:
        uri_path = quote(os.path.abspath(path), safe="/")
    return f"file:{uri_path}?mode={'rwc' if create else 'rw'}"


def make_database(location: Location, create: bool = False) -> peewee.Database:
    if location.is_sqlite:
        return peewee.SqliteDatabase(
            sqlite_uri(location.target, create),
            uri=True,
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
        if windows_only(path):
            raise DatabaseError("windows_path", spec=path)
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise DatabaseError("db_unreachable", where=location.display, why=_WHY_NO_FOLDER)
        if must_exist and not os.path.exists(path):
            raise DatabaseError("db_unreachable", where=location.display, why=_WHY_NO_FILE)
    database = make_database(location, create=not must_exist)
    set_read_only(False)
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


_local = threading.local()
_begin_hooks: list[Callable[[], None]] = []
_expected_schema: list[int] = []  # the schema version this program writes (set once open)


_read_only: list[bool] = [False]


def set_read_only(on: bool) -> None:
    """A read-only copy is open: every write is refused with one sentence, nothing is tried."""
    _read_only[0] = on


def is_read_only() -> bool:
    return _read_only[0]


def on_write_begin(hook: Callable[[], None]) -> None:
    """Run `hook` before every outermost write transaction (it may write in its own)."""
    _begin_hooks.append(hook)


def expect_schema(version: int | None) -> None:
    """Every later write transaction first checks that the database still has `version`."""
    _expected_schema[:] = [] if version is None else [version]


def after_commit(key: str, action: Callable[[], None]) -> None:
    """Run `action` once the outermost write transaction has committed (the last action
    registered under a key wins); dropped when the transaction or its savepoint rolls back."""
    pending = getattr(_local, "after", None)
    if pending is None:  # outside any write: nothing to wait for
        action()
        return
    pending.append((key, action))


@contextlib.contextmanager
def write(check_schema: bool = True) -> Iterator[peewee.Database]:
    """One short write transaction: BEGIN IMMEDIATE on SQLite; nested calls become savepoints.
    The outermost one refuses to write to a database whose schema changed under the program
    (a newer Refund Desk upgraded it) and runs `after_commit` actions once committed."""
    if _read_only[0]:
        raise DatabaseError("read_only_mode")
    depth = getattr(_local, "depth", 0)
    if depth == 0:
        for hook in _begin_hooks:
            hook()
        _local.after = []
    mark = len(_local.after)
    _local.depth = depth + 1
    try:
        with connection() as db, translate_errors(), db.atomic():
            if depth == 0 and check_schema and _expected_schema:
                _check_schema(db, _expected_schema[0])
            yield db
    except BaseException:
        del _local.after[mark:]
        raise
    finally:
        _local.depth = depth
        if depth == 0:
            done, _local.after = _local.after, None
    if depth == 0:
        for action in dict(done).values():
            try:
                action()
            except Exception:  # the commit stands; an after-commit step is best effort
                import logging

                logging.getLogger(__name__).exception("after-commit action failed")


def schema_version_of(database: peewee.Database) -> int:
    """The schema version stored in the database (SQLite keeps it in the file header too, so
    reading it costs no page read beyond the one every transaction makes)."""
    if isinstance(database, peewee.SqliteDatabase):
        return database.execute_sql("PRAGMA user_version").fetchone()[0]
    row = database.execute_sql("SELECT version FROM schema_version WHERE id = 1").fetchone()
    return row[0] if row else 0


def _check_schema(database: peewee.Database, expected: int) -> None:
    found = schema_version_of(database)
    if found != expected:
        raise DatabaseError("db_schema_changed", found=found, known=expected)


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
            if "same_person" in str(e):  # the database's own separation-of-duties rule
                raise DatabaseError("db_same_person") from e
            if "amount_range" in str(e) or "amount_fen_check" in str(e):  # ours, or v1's CHECK
                raise DatabaseError("db_amount_range") from e
            raise
        raise classify(e) from e
    except UnicodeEncodeError as e:  # a lone surrogate reached the driver
        raise DatabaseError("db_bad_text") from e
    except ValueError as e:
        if "NUL" in str(e):  # psycopg2: "A string literal cannot contain NUL (0x00) characters."
            raise DatabaseError("db_bad_text") from e
        raise


def classify(error: Exception) -> DatabaseError:
    if "cannot rollback" in str(error) and error.__context__ is not None:
        # A failed COMMIT that SQLite already ended: the rollback's complaint hides the cause.
        return classify(error.__context__)
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    low = text.lower()
    where = _location.display if _location else "?"
    if "locked" in low or "busy" in low:
        return DatabaseError("db_locked")
    if "integer overflow" in low or "out of range" in low:
        return DatabaseError("db_overflow")
    if "schema_upgraded" in low:
        return DatabaseError("db_schema_changed", found="?", known="?")
    if "disk is full" in low:
        return DatabaseError("db_full")
    if "readonly" in low or "read-only" in low or "read only" in low:
        return DatabaseError("db_readonly", where=where)
    if "unable to open" in low:
        return DatabaseError("db_unreachable", where=where, why=_WHY_CANNOT_OPEN)
    if "could not connect" in low or "connection refused" in low:
        return DatabaseError("db_unreachable", where=where, why=text)
    if "no such table" in low or ("does not exist" in low and "relation" in low):
        return DatabaseError("db_not_initialised", where=where)
    if "not a database" in low or "malformed" in low:
        return DatabaseError("db_unreachable", where=where, why=_WHY_NOT_A_DATABASE)
    return DatabaseError("db_io", why=text)


_WHY_NO_FOLDER = Text(
    "文件夹不存在，或共享盘没有连接。", "the folder does not exist or the share is not connected."
)
_WHY_NO_FILE = Text("文件不存在。", "the file does not exist.")
_WHY_CANNOT_OPEN = Text(
    "文件不存在或没有读写权限（共享盘是否已连接？）。",
    "the file does not exist or cannot be read and written (is the share connected?).",
)
_WHY_NOT_A_DATABASE = Text(
    "这个文件不是 SQLite 数据库，或已损坏。", "the file is not an SQLite database, or is damaged."
)
