"""Backup and restore while others write: every copy is a consistent snapshot (integrity, keys,
audit chain, no half-applied step) holding every write acknowledged before it began; a restore
under a running writer leaves a sound database and the writer only ever sees sentences."""

from __future__ import annotations

import time

import pytest

from refund_desk.store import db as dbmod
from refund_desk.store import maintenance, session, users
from refund_desk.store.actors import Actor
from tests.reliability import invariants, worker
from tests.reliability.conftest import record, size, start_writer

pytestmark = pytest.mark.reliability


def _writers(url, folder, ops, seeds):
    return [start_writer(url, folder / f"w{s}.jsonl", ops, s, think_ms=0) for s in seeds]


def _entries(folder):
    return [e for p in sorted(folder.glob("*.jsonl")) for e in worker.read_log(p)]


def test_backups_taken_while_writers_write(tmp_path):
    url = str(tmp_path / "refunds.db")
    worker.setup(url, size("refunds", 20), str(tmp_path / "setup.jsonl"))
    copies = tmp_path / "copies"
    copies.mkdir()
    writers = _writers(url, tmp_path, size("backup_ops", 150), (1, 2))
    taken = []
    while any(w.poll() is None for w in writers):
        before = _entries(tmp_path)  # acknowledged before this backup began
        session.open_store(url)
        taken.append((maintenance.backup_to(str(copies / f"copy{len(taken)}.db")), before))
        time.sleep(0.2)
    for w in writers:
        _, err = w.communicate()
        assert w.returncode == 0, err[-2000:]
    acked_in_copies = 0
    for path, before in taken:
        assert maintenance.integrity_of(path) == "ok"
        session.open_store(path)
        found = invariants.check(before, strict=False)
        assert not found.problems, (path, found.problems)
        acked_in_copies += found.figures["acknowledged"]
    dbmod.DB.obj.close()

    # Restore the newest copy while a writer is busy on the live file.
    writer = _writers(url, tmp_path, 80, (3,))[0]
    assert writer.stdout.readline().strip() == "ready"
    session.open_store(url)
    safety = maintenance.restore_from(taken[-1][0], Actor.from_user(users.get_user("sysadmin")))
    _, err = writer.communicate()
    assert writer.returncode == 0 and "Traceback" not in err, err[-2000:]
    session.open_store(url)
    report = maintenance.check()
    assert report.ok, report.lines
    assert maintenance.integrity_of(safety) == "ok"
    crashes = [e for e in worker.read_log(tmp_path / "w3.jsonl") if "crash" in e]
    record(
        "backup_live",
        {"backups": len(taken), "acks_checked_in_copies": acked_in_copies, "restore": "ok"},
    )
    assert len(taken) >= 2 and not crashes, crashes[:3]
