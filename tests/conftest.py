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

from refund_desk.domain import errors
from refund_desk.domain.roles import Role
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

    base = os.environ[PG_ENV]
    name = "rd_test_" + uuid.uuid4().hex[:12]
    admin = psycopg2.connect(base)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    admin.close()
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
def db_url(request, tmp_path):
    """A database location for one test: a new SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "refunds.db")
        return
    if not os.environ.get(PG_ENV):
        pytest.skip(f"no PostgreSQL server given ({PG_ENV} unset)")
    url, drop = _fresh_pg_database()
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def pg_url():
    """A new, empty database on the test server (skipped without one)."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"no PostgreSQL server given ({PG_ENV} unset)")
    url, drop = _fresh_pg_database()
    try:
        yield url
    finally:
        drop()


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


OFFICE_ROLES = {
    "clerk": {Role.CLERK},
    "clerk2": {Role.CLERK},
    "lead": {Role.CS_LEAD},
    "tech": {Role.TECH},
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
    if "postgresql" in _TEMPLATES and os.environ.get(PG_ENV):
        import psycopg2

        admin = psycopg2.connect(os.environ[PG_ENV])
        admin.autocommit = True
        name = urlsplit(_TEMPLATES["postgresql"]).path.lstrip("/")
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _template(dialect: str) -> str:
    """The office built once per test session and dialect; each test gets a copy of it (a
    file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL)."""
    if dialect not in _TEMPLATES:
        if dialect == "sqlite":
            path = os.path.join(tempfile.mkdtemp(prefix="rd-office-"), "office.db")
            build_office(path)
            _TEMPLATES[dialect] = path
        else:
            url, _drop = _fresh_pg_database()
            build_office(url)
            _TEMPLATES[dialect] = url
        dbmod.DB.obj.close()
    return _TEMPLATES[dialect]


def make_office(url: str) -> Office:
    if "://" in url:
        _copy_pg(_template("postgresql"), url)
    else:
        shutil.copy(_template("sqlite"), url)
    session.open_store(url)
    people = {u.username: Actor.from_user(u) for u in users.list_users()}
    return Office(url, people)


def _copy_pg(template: str, url: str) -> None:
    import psycopg2

    admin = psycopg2.connect(os.environ[PG_ENV])
    admin.autocommit = True
    source = urlsplit(template).path.lstrip("/")
    target = urlsplit(url).path.lstrip("/")
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
    admin.cursor().execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    admin.close()


@pytest.fixture
def office(db_url) -> Office:
    """One office per test, on SQLite and on PostgreSQL."""
    yield make_office(db_url)
    if dbmod.DB.obj is not None and not dbmod.DB.obj.is_closed():
        dbmod.DB.obj.close()


@pytest.fixture
def demo_office(db_url) -> Office:
    """A demo database (`demo.create`): the demo's own users (clerk1, lead1, …, password
    "demo") and refunds in every state."""
    from refund_desk.store import demo

    demo.create(db_url, count=30, seed=4)
    people = {u.username: Actor.from_user(u) for u in users.list_users()}
    yield Office(db_url, people)
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
