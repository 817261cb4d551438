"""The benchmark's smoke run: every section runs end to end on a small database and prints its
rows. Missed targets are allowed here (exit 1: the figures are for the full run on a quiet
machine); a crash (exit 2) or a missing row is not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
