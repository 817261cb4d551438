"""Crashes: writers killed with SIGKILL at random moments (RD_REL_KILLS, 30 by default; the
note's run used 200). After every kill: integrity_check ok, foreign keys ok, audit chain intact,
every acknowledged write present, no half-applied transition (see `crasher.py`)."""

from __future__ import annotations

import json
import subprocess

import pytest

from refund_desk.store import db as dbmod
from tests.reliability import worker
from tests.reliability.conftest import ROOT, env, python, record, size

pytestmark = pytest.mark.reliability


@pytest.mark.parametrize("where", ["local", "postgres"], indirect=True)
def test_kill_writers_at_random_moments(where, tmp_path, request):
    kills = size("kills", 30)
    worker.setup(where, size("refunds", 20), str(tmp_path / "setup.jsonl"))
    dbmod.DB.obj.close()
    done = subprocess.run(
        python(
            "-m",
            "tests.reliability.crasher",
            "--db",
            where,
            "--kills",
            str(kills),
            "--logs",
            str(tmp_path),
        ),
        env=env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.stdout, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    figures = result["figures"]
    record("crashes", {"where": request.node.callspec.params["where"], **figures})
    assert done.returncode == 0 and not result["problems"], result["problems"]
    assert figures["kills"] == kills and figures["checks"] == kills
    assert figures["rows_lost"] == 0 and figures["crashes"] == 0
    assert figures["acknowledged"] > kills  # the writers wrote between the kills
    if where.endswith(".db") and kills >= 20:
        assert figures["kills_with_hot_journal"] > 0  # some kills did land mid-transaction
