"""Opening, pragmas, migrations, backup and restore: things about the SQLite file itself."""

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from refund_desk.domain.errors import AuthError, Conflict, DatabaseError, NotAllowed
from refund_desk.domain.workflow import Action, State
from refund_desk.store import db as dbmod
from refund_desk.store import maintenance, migrations, queries, schema, session

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("spec", "kind", "target"),
    [
        (r"\\server\share\refunds.db", "sqlite", r"\\server\share\refunds.db"),
        (r"Z:\退款\refunds.db", "sqlite", r"Z:\退款\refunds.db"),
        ("sqlite:///relative.db", "sqlite", "relative.db"),
        ("sqlite:////srv/refunds.db", "sqlite", "/srv/refunds.db"),
        ("sqlite:///C:/data/refunds.db", "sqlite", "C:/data/refunds.db"),
        ("/srv/share/refunds.db", "sqlite", "/srv/share/refunds.db"),
        (
            "postgresql://rd:secret@db.local:5433/refunds",
            "postgresql",
            "postgresql://rd:secret@db.local:5433/refunds",
        ),
    ],
)
def test_locations_are_taken_as_given(spec, kind, target):
    location = dbmod.parse_location(spec)
    assert (location.kind, location.target) == (kind, target)
    assert "secret" not in location.display


def test_a_file_switched_to_wal_is_put_back_to_a_rollback_journal(sqlite_office):
    dbmod.DB.obj.close() if not dbmod.DB.obj.is_closed() else None
    other = sqlite3.connect(sqlite_office.url)
    assert other.execute("PRAGMA journal_mode=wal").fetchone()[0] == "wal"
    other.close()
    with dbmod.connection():  # connections do not ask (it costs file operations on a share)
        pass
    assert not maintenance.check().ok  # ... but the check says so
    session.open_store(sqlite_office.url)  # opening the store puts it right
    report = maintenance.check()
    assert report.ok and ("journal_mode", True, "delete") in report.lines
    assert not os.path.exists(sqlite_office.url + "-wal")


def test_unknown_scheme_is_refused():
    with pytest.raises(DatabaseError):
        dbmod.parse_location("mysql://x/y")


def test_sqlite_pragmas_for_a_network_share(sqlite_office):
    with dbmod.connection() as db:
        pragma = {
            name: db.execute_sql(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragma == {
        "journal_mode": "delete",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 30000,
    }
    assert not os.path.exists(sqlite_office.url + "-wal")


def test_connection_per_unit_of_work(sqlite_office):
    sqlite_office.new_refund()
    assert dbmod.DB.obj.is_closed()


def test_newer_database_is_refused(sqlite_url):
    session.open_store(sqlite_url, create=True)
    dbmod.DB.obj.close()
    con = sqlite3.connect(sqlite_url)
    con.execute("UPDATE schema_version SET version = 99")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as e:
        session.open_store(sqlite_url)
    assert "99" in e.value.text() and "升级" in e.value.text()


def test_a_file_that_is_not_ours_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.close()
    with pytest.raises(DatabaseError):
        session.open_store(str(path))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError):
        session.open_store(str(garbage))


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_v*.db")), ids=lambda p: p.name)
def test_every_released_schema_opens_with_todays_code(fixture, tmp_path):
    """TagStudio's way: one database per past schema version, kept as a fixture."""
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    con = sqlite3.connect(path)
    count, fen = con.execute("SELECT count(*), sum(amount_fen) FROM refund").fetchone()
    con.close()
    upgrade(str(path))
    with dbmod.connection() as db:
        assert migrations.current_version(db) == migrations.LATEST
    report = maintenance.check()
    assert report.ok, report.lines
    rows = queries.search(limit=1000)
    assert len(rows) == count > 0 and sum(r.amount for r in rows) * 100 == fen


def test_fixtures_cover_every_schema_version():
    """A database made by every released shape of every version, the current one included."""
    have = {p.stem.removeprefix("schema_v") for p in FIXTURES.glob("schema_v*.db")}
    assert have == {shape for shapes in migrations.SHAPES.values() for shape in shapes}


def test_backup_and_restore(sqlite_office, tmp_path):
    saved = sqlite_office.new_refund()
    copy = maintenance.backup_to(str(tmp_path / "copy.db"))
    assert maintenance.integrity_of(copy) == "ok"
    sqlite_office.carry(saved, ("clerk", Action.SUBMIT))
    safety = maintenance.restore_from(copy, sqlite_office["sysadmin"])
    assert os.path.exists(safety)
    assert queries.get_refund(saved.refund_id).version == 1  # back to the copy
    report = maintenance.check()
    assert report.ok, report.lines
    assert [what for what, _ in report.notes].count("restore") == 1  # said, not silent


TWO_PROCESS_SCRIPT = textwrap.dedent(
    """
    import sys, json
    from refund_desk.store import session, refunds, users
    from refund_desk.domain.errors import Conflict
    from tests.conftest import refund_data
    session.open_store(sys.argv[1])
    actor = users.authenticate(sys.argv[2], "demo-pass")
    refund_id, version = int(sys.argv[3]), int(sys.argv[4])
    print("loaded", flush=True)
    sys.stdin.readline()  # wait until both have loaded the same version
    try:
        saved = refunds.edit_refund(actor, refund_id, version,
                                    refund_data(order_no=sys.argv[5], amount=sys.argv[6]))
        print(json.dumps({"saved": saved.version}))
    except Conflict as e:
        print(json.dumps({"conflict": e.text()}))
    """
)


def test_two_processes_edit_the_same_refund(sqlite_office, tmp_path):
    saved = sqlite_office.new_refund()
    script = tmp_path / "editor.py"
    script.write_text(TWO_PROCESS_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(script),
                sqlite_office.url,
                who,
                str(saved.refund_id),
                str(saved.version),
                order,
                amount,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for who, order, amount in (
            ("clerk", "TK70000001", "11.11"),
            ("clerk2", "TK70000002", "22.22"),
        )
    ]
    for p in procs:
        assert p.stdout.readline().strip() == "loaded"
    outputs = []
    for p in procs:  # the first saves, then the second tries on the same version
        p.stdin.write("go\n")
        p.stdin.flush()
        outputs.append(__import__("json").loads(p.stdout.readline()))
        p.wait(timeout=30)
    assert outputs[0] == {"saved": 2}
    assert "conflict" in outputs[1] and "Clerk" in outputs[1]["conflict"]
    view = queries.get_refund(saved.refund_id)
    assert (view.order_no, str(view.amount), view.version) == ("TK70000001", "11.11", 2)
    assert Conflict  # the type the second process caught


def upgrade(spec: str):
    """What the sysadmin does (the fixtures' demo sysadmin, password "demo")."""
    return session.upgrade(spec, "sysadmin", "demo")


def test_an_older_database_waits_for_the_sysadmin(tmp_path):
    """Opening it (any user of the new app) changes nothing and says whom to ask."""
    path = tmp_path / "refunds.db"
    shutil.copy(FIXTURES / "schema_v2.db", path)
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as e:
        session.open_store(str(path))
    assert e.value.code == "db_older" and "系统管理员" in e.value.text()
    dbmod.DB.obj.close()
    assert path.read_bytes() == before and not list(tmp_path.glob("*.bak"))
    with pytest.raises(DatabaseError):  # nor does `init` upgrade it
        session.open_store(str(path), create=True)
    for who, password in (("clerk1", "demo"), ("sysadmin", "wrong"), ("nobody", "demo")):
        with pytest.raises((NotAllowed, AuthError)):
            session.upgrade(str(path), who, password)
    dbmod.DB.obj.close()
    assert path.read_bytes() == before


def test_an_older_database_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "refunds.db"
    shutil.copy(FIXTURES / "schema_v2.db", path)
    done = upgrade(str(path))
    assert done.found == 2 and done.backup.endswith(".bak")
    backups = list(tmp_path.glob("refunds.db.v2-*.bak"))
    assert len(backups) == 1 and maintenance.integrity_of(str(backups[0])) == "ok"
    with dbmod.connection() as db:
        assert migrations.current_version(db) == migrations.LATEST
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 2
    con.close()


def test_a_shape_no_release_had_is_refused_not_guessed(tmp_path):
    path = tmp_path / "odd.db"
    shutil.copy(FIXTURES / "schema_v2.db", path)
    con = sqlite3.connect(path)
    con.execute('CREATE INDEX "someone_added" ON "refund" ("contact")')
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as e:
        upgrade(str(path))
    assert e.value.code == "db_unknown_shape" and "someone_added" in e.value.text()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 2  # untouched
    con.close()


def _schema(db) -> dict[str, tuple]:
    """Every table's columns and indexes, as the database reports them."""
    return {
        table: (
            tuple(sorted((c.name, c.data_type.lower(), c.null) for c in db.get_columns(table))),
            tuple(sorted((i.name, i.sql, i.unique) for i in db.get_indexes(table))),
        )
        for table in sorted(db.get_tables())
    }


def test_a_migrated_v1_file_has_the_schema_of_a_new_one(tmp_path):
    fresh = tmp_path / "fresh.db"
    session.open_store(str(fresh), create=True)
    with dbmod.connection() as db:
        want = _schema(db)
    old = tmp_path / "schema_v1.db"
    shutil.copy(FIXTURES / "schema_v1.db", old)
    upgrade(str(old))
    with dbmod.connection() as db:
        got = _schema(db)
        names = {i.name for t in db.get_tables() for i in db.get_indexes(t)}
    assert got == want
    assert not names & set(migrations.UNUSED_V1_INDEXES)


PG_FIXTURES = sorted(FIXTURES.glob("pg_schema_v*.sql"))


@pytest.mark.postgres
@pytest.mark.parametrize("fixture", PG_FIXTURES, ids=lambda p: p.name)
def test_every_released_postgresql_shape_migrates(fixture, pg_url):
    """A database each release made on PostgreSQL (pg_dump of it) migrates to the current
    schema exactly, keeps its refunds, and passes check; the unused indexes are gone."""
    import psycopg2

    con = psycopg2.connect(pg_url)
    con.autocommit = True
    con.cursor().execute(fixture.read_text(encoding="utf-8"))
    cur = con.cursor()
    cur.execute("SELECT count(*), sum(amount_fen) FROM refund")
    count, fen = cur.fetchone()
    con.close()
    if fixture.stem.removeprefix("pg_schema_v").rstrip("abc") != str(migrations.LATEST):
        with pytest.raises(DatabaseError):  # not before the sysadmin says so
            session.open_store(pg_url)
    upgrade(pg_url)
    with dbmod.connection() as db:
        assert migrations.current_version(db) == migrations.LATEST
        names = {i.name for t in db.get_tables() for i in db.get_indexes(t)}
    assert not names & set(migrations.UNUSED_V1_INDEXES)
    report = maintenance.check()
    assert report.ok, report.lines
    rows = queries.search(limit=1000)
    assert len(rows) == count > 0 and sum(r.amount for r in rows) * 100 == fen


def test_fixtures_cover_every_postgresql_shape():
    """As on SQLite: a dump of a database each released shape made (`tests/fixtures/freeze.py`
    makes the newest version's)."""
    have = {p.stem.removeprefix("pg_schema_v") for p in PG_FIXTURES}
    assert have == {shape for shapes in migrations.SHAPES.values() for shape in shapes}


def test_demo_fills_every_state(sqlite_url):
    import datetime as dt

    from refund_desk.domain.workflow import Action, State
    from refund_desk.store import demo, settings
    from refund_desk.store.models import Refund, StepRecord

    demo.create(sqlite_url, count=200, seed=7)
    with dbmod.connection():
        states = {r.state for r in Refund.select(Refund.state).distinct()}
        outcomes = {r.outcome for r in Refund.select(Refund.outcome).distinct()}
        actions = {s.action for s in StepRecord.select(StepRecord.action).distinct()}
    assert states >= {s.value for s in State} - {State.NOT_CREDITED.value}
    assert outcomes >= {"refunded", "not_credited", "cancelled"}
    assert {Action.SEND_BACK, Action.PRESIDENT_OPINION, Action.TRACK} <= set(actions)
    now = dt.datetime.now(dt.UTC)
    rows = queries.search(limit=1000)
    overdue = [
        r for r in rows if any(c.overdue for c in r.clocks(now, settings.calendar()).values())
    ]
    assert overdue, "the demo shows some overdue cases"
    assert maintenance.check().ok


def _waits(refund_id: int) -> list[tuple[str, int | None]]:
    from refund_desk.store.models import StepRecord

    with dbmod.connection():
        steps = StepRecord.select().where(StepRecord.refund == refund_id).order_by(StepRecord.id)
        return [(s.action, s.waited_ms) for s in steps]


def test_version_2_works_out_the_time_of_each_earlier_step_as_the_services_write_it(office):
    """The steps a version-1 database holds get `waited_ms` from their history: the figures
    the services now write as each step is taken (a send-back included, and a request for the
    president's opinion, which changes no state and so has none)."""
    saved = office.carry(
        office.new_refund(),
        ("clerk", Action.SUBMIT),
        ("lead", Action.REQUEST_PRESIDENT, {"reason": "金额较大，请总裁批示。"}),
        ("lead", Action.SEND_BACK, {"reason": "资料不全，请补充", "target": State.DRAFT}),
        ("clerk", Action.SUBMIT),
        ("lead", Action.LEAD_APPROVE),
    )
    written = _waits(saved.refund_id)
    assert [w is None for _, w in written] == [False, True, False, False, False]
    with dbmod.write() as db:
        db.execute_sql("UPDATE step_record SET waited_ms = NULL")
        migrations.backfill_waited(db, schema.dialect(db))  # what the step to version 2 runs
    again = _waits(saved.refund_id)
    # SQLite's date functions keep milliseconds, so a difference of two stored times can be
    # rounded 1 ms the other way than the services' exact one.
    assert [a for a, _ in again] == [a for a, _ in written]
    for (_, new), (_, old) in zip(again, written, strict=True):
        assert (new is None and old is None) or abs(new - old) <= 1


def test_the_models_are_the_newest_frozen_schema():
    """A field added to (or dropped from) a model without a new migration and frozen schema
    fails here: the models must describe exactly the columns of schema LATEST."""
    import re

    from refund_desk.store.models import ALL_MODELS

    frozen = {}
    for line in schema.frozen("sqlite", migrations.LATEST):
        m = re.match(r"table (\w+) column (\w+) (\S+)( not null)?", line)
        if m:
            frozen[(m[1], m[2])] = bool(m[4])
    models = {
        (model._meta.table_name, field.column_name): not field.null
        for model in ALL_MODELS
        for field in model._meta.sorted_fields
    }
    assert models == frozen, {
        "in the models only": sorted(set(models) - set(frozen)),
        "in the schema only": sorted(set(frozen) - set(models)),
        "nullability differs": sorted(k for k in models if k in frozen and models[k] != frozen[k]),
    }
