"""Crashes: writers killed with SIGKILL at random moments (RD_REL_KILLS, 30 by default; the
note's run used 200; RD_REL_SMB_KILLS, 14 by default, on the Samba share, where the writers
alternate between the two PCs). After every kill: integrity_check ok, foreign keys ok, audit
chain intact, every acknowledged write present, no half-applied transition (see `crasher.py`)."""

from __future__ import annotations

import json
import subprocess

import pytest

from refund_desk.store import db as dbmod
from tests.reliability import worker
from tests.reliability.conftest import (
    ROOT,
    behind_the_share,
    env,
    other_pc,
    python,
    record,
    size,
)

pytestmark = pytest.mark.reliability


@pytest.mark.parametrize("where", ["local", "samba", "postgres"], indirect=True)
def test_kill_writers_at_random_moments(where, tmp_path, request):
    kind = request.node.callspec.params["where"]
    kills = size("smb_kills", 14) if kind == "samba" else size("kills", 30)
    worker.setup(behind_the_share(where), size("refunds", 20), str(tmp_path / "setup.jsonl"))
    dbmod.DB.obj.close()
    # on the Samba share: the writers take turns between the two PCs and live a little longer
    # between kills (each one opens the store through the share first); the hot journal is
    # looked for on the server's disk, at once (through the share the survivor may roll it
    # back before a stat comes back)
    second = []
    if kind == "samba":
        second = ["--db2", other_pc(where), "--max-wait", "1.0"]
        second += ["--journal", behind_the_share(where) + "-journal"]
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
            *second,
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
    record("crashes", {"where": kind, **figures})
    assert done.returncode == 0 and not result["problems"], result["problems"]
    assert figures["kills"] == kills and figures["checks"] == kills
    assert figures["rows_lost"] == 0 and figures["crashes"] == 0
    assert figures["acknowledged"] > kills  # the writers wrote between the kills
    if where.endswith(".db") and kills >= (10 if kind == "samba" else 20):
        assert figures["kills_with_hot_journal"] > 0  # some kills did land mid-transaction
