"""Shared fixtures: a store bound to a fresh SQLite file, and the same on a real PostgreSQL
server when REFUND_DESK_TEST_PG points at one (`.ci/run` starts a throwaway cluster)."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# This PC's own folders (audit anchors, log-in tokens, log file, remembered database, embedded
# default) are the test run's, never the developer's: once for the run here (processes started
# by module fixtures inherit it), and per test below.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="refund-desk-test-local-")

from refund_desk.domain import errors, workflow
from refund_desk.domain.roles import Role
from refund_desk.domain.workflow import State
from refund_desk.store import db as dbmod
from refund_desk.store import refunds, session, users
from refund_desk.store.actors import Actor

PG_ENV = "REFUND_DESK_TEST_PG"
# The test offices' password (8 characters: the minimum), and a cheap scrypt cost for the hashes
# the tests make (a stored hash carries its cost: the product's own cost is tested in test_users).
PASSWORD = "demo-pass"
users.SCRYPT = {"n": 2**4, "r": 8, "p": 1}


def pytest_report_header(config):
    url = os.environ.get(PG_ENV)
    return f"PostgreSQL tests: {'on ' + url if url else 'skipped (set ' + PG_ENV + ')'}"


def _fresh_pg_database() -> tuple[str, callable]:
    """Create an empty database on the test server; returns its URL and a dropper."""
    import psycopg2

    url, drop = _pg_name()
    admin = psycopg2.connect(os.environ[PG_ENV])
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{urlsplit(url).path.lstrip("/")}"')
    admin.close()
    return url, drop


def _pg_name() -> tuple[str, callable]:
    """A new database name on the test server (nothing made yet): its URL and a dropper."""
    import psycopg2

    base = os.environ[PG_ENV]
    name = "rd_test_" + uuid.uuid4().hex[:12]
    parts = urlsplit(base)
    url = urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))

    def drop():
        if dbmod.DB.obj is not None and not dbmod.DB.obj.is_closed():
            dbmod.DB.obj.close()
        con = psycopg2.connect(base)
        con.autocommit = True
        con.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        con.close()

    return url, drop


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def dialect(request) -> str:
    """Each test that asks runs twice: on SQLite, then on PostgreSQL (skipped without one)."""
    if request.param == "postgres" and not os.environ.get(PG_ENV):
        pytest.skip(f"no PostgreSQL server given ({PG_ENV} unset)")
    return request.param


@pytest.fixture
def db_url(dialect, tmp_path, _pg):
    """A database location for one test: a new SQLite file, then a new PostgreSQL database."""
    if dialect == "sqlite":
        yield str(tmp_path / "refunds.db")
    else:
        yield from _pg(create=True)


@pytest.fixture
def pg_url(_pg):
    """A new, empty database on the test server (skipped without one)."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"no PostgreSQL server given ({PG_ENV} unset)")
    yield from _pg(create=True)


@pytest.fixture
def _pg():
    """A PostgreSQL database for the test, dropped after it: `create` makes it empty, else
    its name is only reserved (an office is made as a copy of the template under it)."""

    def database(create: bool):
        if create:
            url, drop = _fresh_pg_database()
        else:
            url, drop = _pg_name()
        try:
            yield url
        finally:
            drop()

    return database


@pytest.fixture
def sqlite_url(tmp_path):
    return str(tmp_path / "refunds.db")


@pytest.fixture(autouse=True)
def _qt_widgets_live_until_teardown(request):
    """pytest-qt keeps only weak references to the widgets given to `qtbot.addWidget`. A tab
    whose signal lambdas refer back to it sits in a reference cycle, so Python's cyclic
    collector destroyed it at a moment of its own choosing, sometimes while Qt was delivering
    an event to it: a segfault in ~QObject about one run in five. Keep every such widget until
    pytest-qt has closed and deleted it, then collect at a quiet moment."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    qtbot = request.getfixturevalue("qtbot")
    kept: list = []
    add_widget = qtbot.addWidget

    def keep(widget, *args, **kwargs):
        kept.append(widget)
        return add_widget(widget, *args, **kwargs)

    qtbot.addWidget = keep
    yield
    kept.clear()
    gc.collect()


@pytest.fixture(autouse=True)
def _no_real_printer(request, monkeypatch):
    """A test prints to a PDF file, never to a printer this machine may have: a print sent
    anywhere else fails the test before a page is built."""
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtPrintSupport import QPrinter

    from refund_desk.ui import printing

    start_print = printing.PrintRun.start_print

    def to_a_file_only(run, printer, build):
        assert printer.outputFormat() == QPrinter.OutputFormat.PdfFormat, (
            f"a test printed to {printer.printerName()!r}: print to a PDF file"
        )
        assert printer.outputFileName(), "a test printed to a PDF printer without a file"
        return start_print(run, printer, build)

    monkeypatch.setattr(printing.PrintRun, "start_print", to_a_file_only)


@pytest.fixture(autouse=True)
def _this_pc(tmp_path, monkeypatch):
    """Each test is a PC of its own: its audit anchors, log-in tokens, log file and remembered
    database start empty."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "local-data"))


@pytest.fixture(autouse=True)
def _chinese_messages():
    errors.set_language("zh")
    yield
    errors.set_language("zh")


@dataclass
class Office:
    """A bound store with one user per role (password `PASSWORD`)."""

    url: str
    people: dict[str, Actor]

    def __getitem__(self, name: str) -> Actor:
        return self.people[name]

    def new_refund(self, by: str = "clerk", **fields) -> refunds.Saved:
        return refunds.create_refund(self.people[by], refund_data(**fields), uuid.uuid4().hex)

    def carry(self, saved: refunds.Saved, *steps) -> refunds.Saved:
        """Apply (who, action[, kwargs]) steps in order, each on the version the last returned."""
        for step in steps:
            who, action, *rest = step
            kw = rest[0] if rest else {}
            kw.setdefault("opinion", "原因：已核实。方案：原卡退款。")
            saved = refunds.act(self.people[who], saved.refund_id, saved.version, action, **kw)
        return saved


# Who of the test office takes the flow's forward steps, by the step's first role; a role with
# two steps the separations keep apart has a second person for the second.
CAST: dict[Role, tuple[str, ...]] = {
    Role.CLERK: ("clerk",),
    Role.CS_LEAD: ("lead",),
    Role.TECH: ("tech", "tech2"),
    Role.CASHIER: ("cashier", "cashier2"),
    Role.ACCOUNTANT: ("accountant",),
    Role.FINANCE_DIRECTOR: ("director",),
}


def forward(until: State, start: State = State.DRAFT, blank: bool = False) -> list[tuple]:
    """The (person, action) steps that carry a new refund along the flow's forward path from
    `start` until it reaches `until`, read off the flow table: a step added there is taken here.
    `blank`: a step that asks no opinion is given none (`Office.carry` gives every step one)."""
    return [
        (who, t.action, {"opinion": ""}) if blank and not t.opinion else (who, t.action)
        for t, who in workflow.cast_path(CAST, "clerk", until, start)
    ]


OFFICE_ROLES = {
    "clerk": {Role.CLERK},
    "clerk2": {Role.CLERK},
    "lead": {Role.CS_LEAD},
    "tech": {Role.TECH},
    "tech2": {Role.TECH},
    "cashier": {Role.CASHIER},
    "cashier2": {Role.CASHIER},
    "accountant": {Role.ACCOUNTANT},
    "director": {Role.FINANCE_DIRECTOR},
    "president": {Role.PRESIDENT},
    "admin": {Role.ADMIN},
    "sysadmin": {Role.SYSADMIN},
    "all_finance": {Role.CASHIER, Role.ACCOUNTANT, Role.FINANCE_DIRECTOR, Role.CLERK},
}


def build_office(url: str) -> None:
    """A new database with one user per role, made through the services."""
    session.open_store(url, create=True)
    admin = users.create_first_sysadmin("sysadmin", "Sysadmin", PASSWORD, "tests")
    by = Actor.from_user(admin)
    for name, roles in OFFICE_ROLES.items():
        if name != "sysadmin":
            users.add_user(name, name.title(), frozenset(roles), PASSWORD, by)


_TEMPLATES: dict[str, str] = {}


@pytest.fixture(scope="session", autouse=True)
def _drop_templates():
    yield
    made = [url for url in _TEMPLATES.values() if "://" in url]
    if made and os.environ.get(PG_ENV):
        import psycopg2

        admin = psycopg2.connect(os.environ[PG_ENV])
        admin.autocommit = True
        for url in made:
            name = urlsplit(url).path.lstrip("/")
            admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _template(dialect: str, build=build_office, kind: str = "office") -> str:
    """A database built once per test session, dialect and kind; each test gets a copy of it
    (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL)."""
    key = dialect if kind == "office" else f"{dialect} {kind}"
    if key not in _TEMPLATES:
        if dialect == "sqlite":
            where = os.path.join(tempfile.mkdtemp(prefix=f"rd-{kind}-"), f"{kind}.db")
        else:
            where, _drop = _fresh_pg_database()
        # built on a PC of its own: whichever test comes first (under pytest-xdist, a different
        # one in each worker), what the build leaves on this PC is never in that test's folders
        pc = os.environ.get("XDG_DATA_HOME")
        os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix=f"rd-{kind}-pc-")
        try:
            build(where)
            dbmod.DB.obj.close()
        finally:
            if pc is None:
                del os.environ["XDG_DATA_HOME"]
            else:
                os.environ["XDG_DATA_HOME"] = pc
        _TEMPLATES[key] = where
    return _TEMPLATES[key]


def make_office(url: str, build=build_office, kind: str = "office") -> Office:
    """A copy of the session's office (or of another `kind` of database `build` makes)."""
    if "://" in url:
        _copy_pg(_template("postgresql", build, kind), url)
    else:
        shutil.copy(_template("sqlite", build, kind), url)
    session.open_store(url)
    people = {u.username: Actor.from_user(u) for u in users.list_users()}
    return Office(url, people)


def build_demo(url: str) -> None:
    """The demo office of `demo_office`: 30 refunds in every state (seed 4)."""
    from refund_desk.store import demo

    demo.create(url, count=30, seed=4)


def _copy_pg(template: str, url: str) -> None:
    import psycopg2

    admin = psycopg2.connect(os.environ[PG_ENV])
    admin.autocommit = True
    source = urlsplit(template).path.lstrip("/")
    target = urlsplit(url).path.lstrip("/")
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')  # an empty one
    admin.cursor().execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    admin.close()


@pytest.fixture
def office(office_url) -> Office:
    """One office per test, on SQLite and on PostgreSQL."""
    yield make_office(office_url)
    if dbmod.DB.obj is not None and not dbmod.DB.obj.is_closed():
        dbmod.DB.obj.close()


@pytest.fixture
def office_url(dialect, tmp_path, _pg):
    """Where `office` and `demo_office` put their copy: a file, or a database name not made
    yet (the copy makes it: one CREATE DATABASE … TEMPLATE)."""
    if dialect == "sqlite":
        yield str(tmp_path / "refunds.db")
    else:
        yield from _pg(create=False)


@pytest.fixture
def demo_office(office_url) -> Office:
    """A demo database (`demo.create`): the demo's own users (clerk1, lead1, …, password
    "demo") and refunds in every state; a copy of one made once per session."""
    yield make_office(office_url, build_demo, "demo")
    if dbmod.DB.obj is not None and not dbmod.DB.obj.is_closed():
        dbmod.DB.obj.close()


@pytest.fixture
def sqlite_office(sqlite_url) -> Office:
    """An office on SQLite only (for tests about the file itself)."""
    return make_office(sqlite_url)


def refund_data(**overrides) -> dict:
    now = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    data = {
        "order_no": "TK" + str(uuid.uuid4().int)[:12],
        "phone": "13800138000",
        "purchase_time": now.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime(
            "%Y-%m-%d %H:%M"
        ),
        "bank": "icbc",
        "amount": "128.50",
        "fault_category": "no_ticket_code",
        "fault_description": "扣款成功但未收到出票验证码",
        "customer_view": "要求原卡退款",
    }
    data.update(overrides)
    return data
