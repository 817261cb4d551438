"""Faults: disk full and I/O errors injected into writes and fsyncs (libfiu), a read-only
database file or folder, and the share vanishing mid-transaction (the FUSE stand-in killed).
Every time: one clear sentence and no traceback, every acknowledged row kept, no success claimed
for a write that failed, and everything works again once the fault clears."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections import Counter

import pytest

from refund_desk.store import db as dbmod
from refund_desk.store import session
from refund_desk.store.models import StepRecord, User
from tests.conftest import PASSWORD
from tests.reliability import invariants, worker
from tests.reliability.conftest import (
    ROOT,
    behind_the_share,
    env,
    python,
    record,
    size,
    start_writer,
    writer_command,
)

pytestmark = pytest.mark.reliability
needs_fiu = pytest.mark.skipif(not shutil.which("fiu-run"), reason="fiu-run (fiu-utils) missing")
WRITE_POINTS = "posix/io/rw/pwrite,posix/io/rw/write,posix/io/sync/*"


def _entries(folder):
    return [e for p in sorted(folder.glob("*.jsonl")) for e in worker.read_log(p)]


def _one_sentence(text: str) -> None:
    assert text and "\n" not in text.strip() and "Traceback" not in text, text


def _failed_but_saved(entries) -> int:
    """Actions reported as failed that the database holds all the same (the report was wrong)."""
    users = {u.username: u.id for u in User.select()}
    acked = {(e["rid"], e["version"]) for e in entries if "version" in e}
    count = 0
    for e in entries:
        # A retry of the same step on the same version that then succeeded owns that step.
        retried = (e.get("rid"), e.get("exp", -2) + 1) in acked
        if e.get("op") == "act" and str(e.get("err", "")).startswith("db_") and not retried:
            count += (
                StepRecord.select()
                .where(
                    (StepRecord.refund == e["rid"])
                    & (StepRecord.version_after == e["exp"] + 1)
                    & (StepRecord.action == e["action"])
                    & (StepRecord.executor == users[e["who"]])
                )
                .exists()
            )
    return count


def _healthy_again(url: str, folder, seed: int = 99) -> int:
    """After the fault: a plain writer gets work done and the check passes. Returns its acks."""
    log = folder / f"after{seed}.jsonl"
    done = subprocess.run(
        writer_command(url, log, 20, seed),
        env=env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    after = worker.read_log(log)
    assert not [e for e in after if "crash" in e or str(e.get("err", "")).startswith("db_")]
    return sum("version" in e for e in after)


@needs_fiu
@pytest.mark.parametrize("code", ["ENOSPC", "EIO"])
def test_errors_injected_into_writes_and_fsyncs(tmp_path, code):
    url = str(tmp_path / "refunds.db")
    worker.setup(behind_the_share(url), size("refunds", 20), str(tmp_path / "setup.jsonl"))
    dbmod.DB.obj.close()
    ops, probability = size("fault_ops", 150), 0.02
    done = subprocess.run(
        [
            "fiu-run",
            "-x",
            "-f",
            "",
            *python(
                "-m",
                "tests.reliability.faulty",
                "--db",
                url,
                "--ops",
                str(ops),
                "--log",
                str(tmp_path / "faulty.jsonl"),
                "--points",
                WRITE_POINTS,
                "--probability",
                str(probability),
                "--errno",
                code,
            ),
        ],
        env=env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    entries = _entries(tmp_path)
    faulty = [e for e in entries if e.get("w", "").startswith("f")]
    failed = [e for e in faulty if str(e.get("err", "")).startswith("db_")]
    for e in failed:
        _one_sentence(e["text"])
        assert "rollback" not in e["text"], e["text"]  # the cause, not the aftermath
    if code == "ENOSPC":
        assert any(e["err"] == "db_full" for e in failed)
    session.open_store(url)
    found = invariants.check(entries, strict=False)
    with dbmod.connection():
        wrong_reports = _failed_but_saved(faulty)
    acks_after = _healthy_again(url, tmp_path)
    figures = {
        "errno": code,
        "ops": len(faulty),
        "write_probability": probability,
        "writes_failed": len(failed),
        "failure_codes": dict(Counter(e["err"] for e in failed)),
        "reported_failed_but_saved": wrong_reports,
        "acks_after_fault": acks_after,
        **found.figures,
    }
    record("faults_fiu", figures)
    assert not found.problems, found.problems
    assert found.figures["crashes"] == 0 and found.figures["rows_lost"] == 0
    assert failed, "no fault was injected"
    assert wrong_reports == 0
    assert acks_after > 0


def _cli(url: str, *args: str, stdin: str = "", fiu: tuple[str, ...] = ()):
    command = python("-m", "refund_desk", "--db", url, *args)
    if fiu:
        command = ["fiu-run", "-x", "-f", "", *(x for c in fiu for x in ("-c", c)), *command]
    return subprocess.run(
        command, env=env(), cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300
    )


@needs_fiu
def test_cli_under_disk_full_says_one_sentence_and_never_lies(tmp_path):
    url = str(tmp_path / "refunds.db")
    assert _cli(url, "init", "--admin", "boss", stdin="Boss-pass-1\n").returncode == 0
    signer = ("--user", "boss")
    rounds = size("cli_faults", 12)
    # SQLite writes with pwrite; write() is left alone so that the terminal still works.
    fiu = tuple(
        f"enable_random name={p},probability=0.04,failinfo=28"
        for p in ("posix/io/rw/pwrite", "posix/io/sync/*")
    )
    claimed, refused, messages = [], 0, Counter()
    for i in range(rounds):
        done = _cli(
            url,
            "user",
            "add",
            f"u{i}",
            "--role",
            "clerk",
            *signer,
            stdin="Boss-pass-1\nSecret-123\n",
            fiu=fiu,
        )
        if done.returncode == 0:
            claimed.append(f"u{i}")
        else:
            refused += 1
            messages[done.stderr.strip()] += 1
            _one_sentence(done.stderr)
            assert done.stderr.startswith("refund-desk:"), done.stderr
    session.open_store(url)
    with dbmod.connection():
        present = {u.username for u in User.select()}
    record(
        "faults_cli",
        {"rounds": rounds, "claimed": len(claimed), "refused": refused, "said": dict(messages)},
    )
    assert set(claimed) <= present  # success was never claimed for a write that failed
    assert refused > 0
    after = _cli(
        url, "user", "add", "after", "--role", "clerk", *signer, stdin="Boss-pass-1\nSecret-123\n"
    )
    assert after.returncode == 0, after.stderr
    assert _cli(url, "check").returncode == 0


SIGNER = PASSWORD + "\n"  # the office's sysadmin signs


@pytest.mark.parametrize("deny", ["files", "folder", "all"])
def test_read_only_file_or_folder(slow_share, tmp_path, deny):
    url = str(slow_share.mount / "refunds.db")
    worker.setup(behind_the_share(url), 5, str(tmp_path / "setup.jsonl"))
    dbmod.DB.obj.close()
    slow_share.vanish()
    slow_share.start(deny=deny)
    signed = ("--user", "sysadmin")
    done = _cli(url, "user", "add", "ro", "--role", "clerk", *signed, stdin=SIGNER + "Secret-123\n")
    assert done.returncode != 0
    _one_sentence(done.stderr)
    assert "只读" in done.stderr, done.stderr  # says what is wrong: no write permission
    check = _cli(url, "check")  # reading still works on a read-only share
    slow_share.vanish()
    slow_share.start()
    session.open_store(url)
    found = invariants.check(_entries(tmp_path), strict=True)
    with dbmod.connection():
        assert not User.select().where(User.username == "ro").exists()
    record(
        "faults_readonly", {"deny": deny, "message": done.stderr.strip(), "check": check.returncode}
    )
    assert not found.problems, found.problems
    again = _cli(
        url, "user", "add", "ro", "--role", "clerk", *signed, stdin=SIGNER + "Secret-123\n"
    )
    assert again.returncode == 0, again.stderr


def test_share_vanishes_mid_transaction(slow_share, tmp_path):
    url = str(slow_share.mount / "refunds.db")
    worker.setup(behind_the_share(url), size("refunds", 20), str(tmp_path / "setup.jsonl"))
    dbmod.DB.obj.close()
    rounds = size("vanish_rounds", 2)
    figures = Counter()
    for r in range(rounds):
        writers = [start_writer(url, tmp_path / f"v{r}-{s}.jsonl", 40, 10 * r + s) for s in (1, 2)]
        for w in writers:
            assert w.stdout.readline().strip() == "ready"
        time.sleep(0.5 + 2.0 * r / max(1, rounds - 1))
        slow_share.vanish()
        figures["vanished"] += 1
        journal = slow_share.backing / "refunds.db-journal"
        figures["hot_journal_left"] += journal.exists() and journal.stat().st_size > 0
        for w in writers:
            _, err = w.communicate(timeout=300)
            assert w.returncode == 0, err[-2000:]
            assert "Traceback" not in err
        gone = _cli(url, "check")
        assert gone.returncode != 0
        _one_sentence(gone.stderr)
        # Nothing was made in the empty mount folder: an open never creates a database (a file
        # there would also keep the share from being mounted again).
        assert list(slow_share.mount.iterdir()) == []
        slow_share.start()
        session.open_store(url)
        found = invariants.check(_entries(tmp_path), strict=False)
        dbmod.DB.obj.close()
        assert not found.problems, found.problems
        entries = _entries(tmp_path)
        figures["failed_while_gone"] = sum(str(e.get("err", "")).startswith("db_") for e in entries)
        for e in entries:
            if str(e.get("err", "")).startswith("db_"):
                _one_sentence(e["text"])
    figures["acks_after"] = _healthy_again(url, tmp_path)
    assert _cli(url, "check").returncode == 0
    record("faults_vanish", {**figures, **found.figures})
    assert figures["failed_while_gone"] > 0 and found.figures["rows_lost"] == 0
