"""Races: N writer processes x M random operations on the same refunds, on a local SQLite file,
on SQLite over the slow share, and on PostgreSQL. Afterwards every invariant holds: at most one
payment per order, totals paid = totals approved, no lost update, every conflict reported.

Sizes: RD_REL_PROCS, RD_REL_OPS, RD_REL_REFUNDS (the issue's full run: 8, 200, 50)."""

from __future__ import annotations

import subprocess
import time

import pytest

from refund_desk.store import db as dbmod
from refund_desk.store import session
from tests.reliability import invariants, worker
from tests.reliability.conftest import ROOT, env, python, record, size

pytestmark = pytest.mark.reliability

SIZES = {  # CI defaults (processes, operations each) per location
    "local": (4, 60),
    "slow_share": (3, 25),
    "postgres": (4, 60),
}


def run_writers(url: str, logs, procs: int, ops: int, timeout: float = 900) -> float:
    started = time.monotonic()
    children = [
        subprocess.Popen(
            python(
                "-m",
                "tests.reliability.worker",
                "run",
                "--db",
                url,
                "--ops",
                str(ops),
                "--seed",
                str(seed),
                "--log",
                str(logs / f"w{seed}.jsonl"),
            ),
            env=env(),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in range(1, procs + 1)
    ]
    for child in children:
        _, err = child.communicate(timeout=timeout)
        assert child.returncode == 0, err[-2000:]
    return time.monotonic() - started


@pytest.mark.parametrize("where", ["local", "slow_share", "postgres"], indirect=True)
def test_writers_race_on_the_same_refunds(where, tmp_path, request):
    kind = request.node.callspec.params["where"]
    procs, ops = SIZES[kind]
    procs, ops = size("procs", procs), size("ops", ops)
    refunds = size("refunds", 20)
    worker.setup(where, refunds, str(tmp_path / "setup.jsonl"))
    dbmod.DB.obj.close()
    seconds = run_writers(where, tmp_path, procs, ops)

    session.open_store(where)
    entries = [e for p in sorted(tmp_path.glob("*.jsonl")) for e in worker.read_log(p)]
    found = invariants.check(entries, strict=True)
    figures = {
        "where": kind,
        "processes": procs,
        "ops_each": ops,
        "refunds_at_start": refunds,
        "seconds": round(seconds, 1),
        **found.figures,
    }
    record("races", figures)
    assert not found.problems, found.problems
    assert found.figures["rows_lost"] == 0
    assert sum("w" in e and e["w"] != "setup" for e in entries) == procs * ops
    assert found.figures["acknowledged"] > refunds  # the writers did get work done
