"""Races: N writer processes x M random operations on the same refunds, on a local SQLite file,
on SQLite over the slow share, on SQLite on a real Samba share (two PCs: odd writers through one
mount, even writers through the other), and on PostgreSQL. Afterwards every invariant holds: at
most one payment per order, totals paid = totals approved, no lost update, every conflict
reported.

Sizes: RD_REL_PROCS, RD_REL_OPS, RD_REL_REFUNDS (the issue's full run: 8, 200, 50)."""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from refund_desk.store import db as dbmod
from refund_desk.store import session
from tests.reliability import invariants, worker
from tests.reliability.conftest import (
    ROOT,
    behind_the_share,
    env,
    pc_of,
    python,
    record,
    size,
    start_writer,
)

pytestmark = pytest.mark.reliability

SIZES = {  # CI defaults (processes, operations each) per location
    "local": (4, 60),
    "slow_share": (3, 20),
    "samba": (4, 15),  # two PCs with two writers each
    "postgres": (4, 60),
}


def run_writers(url: str, logs, procs: int, ops: int, timeout: float = 900) -> float:
    """`procs` writers; on the Samba share the odd ones on the first PC, the even on the other."""
    started = time.monotonic()
    children = [
        start_writer(
            pc_of(url, seed), logs / f"w{seed}.jsonl", ops, seed, stdout=subprocess.DEVNULL
        )
        for seed in range(1, procs + 1)
    ]
    for child in children:
        _, err = child.communicate(timeout=timeout)
        assert child.returncode == 0, err[-2000:]
    return time.monotonic() - started


@pytest.mark.parametrize("where", ["local", "slow_share", "samba", "postgres"], indirect=True)
def test_writers_race_on_the_same_refunds(where, tmp_path, request):
    kind = request.node.callspec.params["where"]
    procs, ops = SIZES[kind]
    procs, ops = size("procs", procs), size("ops", ops)
    refunds = size("refunds", 20)
    worker.setup(behind_the_share(where), refunds, str(tmp_path / "setup.jsonl"))
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


FIRST_OF_YEAR = """
import datetime as dt, json, sys, uuid
from refund_desk.domain.errors import RefundDeskError
from refund_desk.store import refunds, session
from refund_desk.store.actors import Actor
from refund_desk.store.models import User
from refund_desk.store import db as dbmod
from tests.reliability.worker import form_data
session.open_store(sys.argv[1])
with dbmod.connection():
    clerk = Actor.from_user(User.get(User.username == "clerk"))
at = dt.datetime(int(sys.argv[2]), 1, 2, 1, 0, tzinfo=dt.UTC)
print("ready", flush=True)
sys.stdin.readline()
try:
    saved = refunds.create_refund(clerk, form_data(sys.argv[3], 12345), uuid.uuid4().hex, at=at)
    print(json.dumps({"form_no": saved.form_no}))
except RefundDeskError as e:
    print(json.dumps({"error": e.code}))
except Exception as e:
    print(json.dumps({"crash": f"{type(e).__name__}: {e}"}))
"""


@pytest.mark.parametrize("where", ["local", "postgres"], indirect=True)
def test_first_forms_of_a_new_year_at_once(where, tmp_path):
    """The year's form-number counter does not exist yet when several PCs create at once."""
    worker.setup(behind_the_share(where), 1)
    dbmod.DB.obj.close()
    script = tmp_path / "first.py"
    script.write_text(FIRST_OF_YEAR)
    results = []
    for year in (2031, 2032, 2033):
        procs = [
            subprocess.Popen(
                python(str(script), where, str(year), f"TK{year}{n:06d}"),
                env=env(),
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for n in range(4)
        ]
        for p in procs:
            assert p.stdout.readline().strip() == "ready"
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        results += [json.loads(p.communicate(timeout=120)[0]) for p in procs]
    record("first_of_year", {"creates": len(results), "ok": sum("form_no" in r for r in results)})
    assert all("form_no" in r for r in results), results
    numbers = [r["form_no"] for r in results]
    assert len(set(numbers)) == len(numbers)
