"""The benchmark's smoke run: every section runs end to end on a small database and prints its
rows. Missed targets are allowed here (exit 1: the figures are for the full run on a quiet
machine); a crash (exit 2) or a missing row is not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from refund_desk.domain import workflow

ROOT = Path(__file__).resolve().parents[2]
ROWS = (
    "1 start-up to idle window",
    "2 queue: clerk+lead",
    "2 search: newest",
    "2 open refund (longest history)",
    "3 save new form",
    "3 tell_customer",
    "4 CS table",
    "4 finance table",
    "4 analytics, whole period",
    "5 PDF: one refund form",
    "5 PDF: batch of 20, per form",
    "6 memory: peak RSS, queue open",
)


def test_quick_run_prints_every_row() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=240,
    )
    out = done.stdout
    assert done.returncode in (0, 1), done.stderr[-2000:] + out[-2000:]
    assert "error:" not in out, out
    for row in ROWS:
        assert row in out, f"{row!r} missing:\n{out}"
    assert "SQL per load: 2 at 200 rows, 2 at 2,000 (constant)" in out
    verdicts = [
        line.split()[-1] for line in out.splitlines() if line[:2] in {f"{n} " for n in "123456"}
    ]
    assert verdicts and set(verdicts) <= {"pass", "FAIL", "info"}, out
    assert ("missed" in out) and (done.returncode == 1) == ("FAIL" in verdicts)


# The action rows: a new form saved, then each forward step of the flow (the benchmark's chain).
ACTIONS = 1 + len(workflow.FORWARD_PATH)
REAL_SHARE_ROWS = [
    f"3 {name} (Samba, RTT {rtt} ms)"
    for rtt in (1, 3)
    for name in ("save new form", "lead_approve", "tell_customer")
]


REAL_SHARE_ARGS = ("--quick", "--only", "actions", "--real-share")


def _actions_real_share(extra_env: dict) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra_env)
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), *REAL_SHARE_ARGS],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def test_real_share_rows_give_time_and_round_trips_per_action() -> None:
    from tests.reliability.samba import require_samba

    require_samba("127.0.0.5")
    done = _actions_real_share({})
    out = done.stdout
    assert done.returncode in (0, 1), done.stderr[-2000:] + out[-2000:]
    assert "error:" not in out, out
    for row in REAL_SHARE_ROWS:
        assert row in out, f"{row!r} missing:\n{out}"
    assert out.count("SMB round trips, ") == 2 * ACTIONS, out  # one note per action and RTT
    assert "3 SMB round trips per action, most (Samba, RTT 3 ms)" in out


def test_share_rows_fail_saying_why_when_the_share_cannot_run() -> None:
    """Without FUSE or Samba the share rows fail; they never pass on local disk."""
    done = _actions_real_share({"FUSE_LIBRARY_PATH": "/nonexistent", "RD_SMBD": "/nonexistent"})
    out = done.stdout
    assert done.returncode == 1, done.stderr[-2000:] + out[-2000:]
    share_rows = [line for line in out.splitlines() if line.startswith("3 ")]
    assert len(share_rows) == 3 * ACTIONS, out  # on the stand-in and at two RTTs on Samba
    assert all(line.rstrip().endswith("FAIL") for line in share_rows), out
    assert out.count("error: the slow-share stand-in cannot run here: fusepy/libfuse") == ACTIONS
    assert out.count("error: the Samba share cannot run here: no smbd") == 2 * ACTIONS
