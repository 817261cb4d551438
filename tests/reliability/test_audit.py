"""Audit: a long chain verifies (and fast enough), `refund-desk check` stays quiet while the
office writes, direct changes are refused by the database, and a change that bypasses the
triggers is found at the row where it happened."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import subprocess
import time

import pytest

from refund_desk.store import audit, session
from refund_desk.store import db as dbmod
from tests.reliability import worker
from tests.reliability.conftest import ROOT, env, python, record, size, start_writer

pytestmark = pytest.mark.reliability


@pytest.mark.parametrize("where", ["local", "postgres"], indirect=True)
def test_check_while_writers_append_never_cries_wolf(where, tmp_path, request):
    """A live office: `check` walks the chain while others append. It must not report rows
    removed or links broken that are only the newest rows arriving."""
    worker.setup(where, 10, str(tmp_path / "setup.jsonl"))
    dbmod.DB.obj.close()
    ops = size("audit_ops", 150)
    writers = [
        start_writer(
            where,
            tmp_path / f"w{seed}.jsonl",
            ops,
            seed,
            think_ms=0,
            stdout=subprocess.DEVNULL,
            stderr=None,
        )
        for seed in (1, 2)
    ]
    checks, problems = 0, []
    while any(w.poll() is None for w in writers):
        report = audit.verify()
        checks += 1
        problems += report.problems
    for w in writers:
        assert w.wait() == 0
    record(
        "audit_live",
        {
            "where": request.node.callspec.params["where"],
            "checks": checks,
            "false_alarms": len(problems),
        },
    )
    assert checks > 1
    assert not problems, problems[:3]
    assert audit.verify().ok


def _ten_thousand(path: str, count: int) -> None:
    session.open_store(path, create=True)  # a new database's own first rows, then `count`
    at = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    with dbmod.write():
        for i in range(count):
            audit.append(
                f"user{i % 7}",
                "edit",
                "refund",
                f"TD-2026-{i % 500:06d}",
                {"amount_fen": str(1000 + i), "note": "退款 ✓", "version": i % 9 + 2},
                at + dt.timedelta(seconds=i),
            )
    dbmod.DB.obj.close()


def _check_cli(path: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        python("-m", "refund_desk", "--lang", "en", "--db", path, "check"),
        env=env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


TAMPERING = {
    # what someone with the file and a SQLite shell does, bypassing the triggers
    "detail": "UPDATE audit_log SET detail = replace(detail, '\"amount_fen\"', '\"amount_fen \"') "
    "WHERE seq = {seq}",
    "actor": "UPDATE audit_log SET actor = 'mallory' WHERE seq = {seq}",
    "time": "UPDATE audit_log SET at = '2026-03-01 00:00:00' WHERE seq = {seq}",
    "delete": "DELETE FROM audit_log WHERE seq = {seq}",
    "rehash": "UPDATE audit_log SET detail = '{{}}', hash = prev_hash WHERE seq = {seq}",
}


NEW_DATABASE_ROWS = 2  # the creation (migration to the current schema) and its row seals


@pytest.fixture(scope="module")
def long_chain(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("chain") / "audit.db")
    _ten_thousand(path, size("audit_events", 10_000))
    return path


def test_ten_thousand_events_verify(long_chain):
    session.open_store(long_chain)
    started = time.monotonic()
    report = audit.verify()
    seconds = time.monotonic() - started
    done = _check_cli(long_chain)
    record("audit_chain", {"events": report.rows, "verify_seconds": round(seconds, 2)})
    assert report.ok and report.rows == size("audit_events", 10_000) + NEW_DATABASE_ROWS
    assert done.returncode == 0 and "FAIL" not in done.stdout, done.stdout + done.stderr


def test_direct_update_and_delete_are_refused_by_the_database(long_chain, tmp_path):
    path = str(tmp_path / "copy.db")
    shutil.copy(long_chain, path)
    con = sqlite3.connect(path)
    for statement in (
        "UPDATE audit_log SET actor = 'mallory' WHERE seq = 5000",
        "DELETE FROM audit_log WHERE seq = 5000",
        "DELETE FROM audit_log",
        "UPDATE audit_log SET hash = hash",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute(statement)
    con.close()
    assert _check_cli(path).returncode == 0


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_tampering_is_found_at_its_row(long_chain, tmp_path, how):
    path = str(tmp_path / "copy.db")
    shutil.copy(long_chain, path)
    seq = random.Random(how).randint(2, size("audit_events", 10_000) - 1)
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("DROP TRIGGER audit_log_no_delete")
    assert con.execute(TAMPERING[how].format(seq=seq)).rowcount == 1
    con.commit()
    con.close()
    done = _check_cli(path)
    assert done.returncode == 1
    line = next(x for x in done.stdout.splitlines() if "audit chain" in x)
    assert line.startswith("FAIL") and f"audit row {seq}" in line, line


def test_rows_forged_after_the_head_are_found(long_chain, tmp_path):
    """A row appended outside the program (hash computed correctly, head not moved)."""
    path = str(tmp_path / "copy.db")
    shutil.copy(long_chain, path)
    con = sqlite3.connect(path)
    seq, prev = con.execute("SELECT last_seq, last_hash FROM audit_head").fetchone()
    at = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    detail = audit.canonical({"amount_fen": "999999"})
    digest = audit.row_hash(seq + 1, at, "mallory", "pay", "refund", "X", detail, prev, "{}")
    con.execute(
        "INSERT INTO audit_log VALUES (?, ?, 'mallory', 'pay', 'refund', 'X', ?, ?, ?, '{}')",
        (seq + 1, at.strftime("%Y-%m-%d %H:%M:%S.%f+00:00"), detail, prev, digest),
    )
    con.commit()
    con.close()
    done = _check_cli(path)
    assert done.returncode == 1 and "rows added" in done.stdout, done.stdout
