"""Kill -9 writers at random moments and check the database after every kill.

    python -m tests.reliability.crasher --db FILE --kills 200 --writers 2 --logs DIR [--db2 FILE]

Keeps `--writers` forked writer processes busy on the database; every round it waits a random
time, kills one of them with SIGKILL, and checks, while the other goes on writing:
integrity_check, foreign keys, the audit chain, every acknowledged write present, no half-applied
transition. `--db2`: the same file as a second PC sees it (the Samba share's other mount); the
writers take turns between the two. Prints one JSON line of figures; exit status 1 when anything
was wrong."""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from refund_desk.store import db as dbmod
from refund_desk.store import session
from tests.reliability import invariants
from tests.reliability.worker import Writer, read_log

PR_SET_PDEATHSIG = 1


def _spawn(url: str, log: Path, seed: int) -> int:
    pid = os.fork()
    if pid:
        return pid
    try:  # the child: a writer until it is killed (or its parent dies)
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        session.open_store(url)
        Writer(log.stem, seed, log, think_ms=1.0).run(-1)
    finally:
        os._exit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--db2", default="", help="the same file through a second PC")
    parser.add_argument(
        "--journal", default="", help="where to look for a hot journal (default: DB-journal)"
    )
    parser.add_argument("--kills", type=int, default=25)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--logs", required=True)
    parser.add_argument("--max-wait", type=float, default=0.25)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    logs = Path(args.logs)
    journal = args.journal or args.db + "-journal"
    session.open_store(args.db)
    dbmod.DB.obj.close()
    spawned = 0
    alive: dict[int, Path] = {}
    figures = {"kills": 0, "kills_with_hot_journal": 0, "checks": 0, "problems": 0}
    problems: list[str] = []
    started = time.monotonic()
    try:
        while figures["kills"] < args.kills:
            while len(alive) < args.writers:
                spawned += 1
                log = logs / f"c{spawned}.jsonl"
                url = args.db2 if args.db2 and spawned % 2 == 0 else args.db
                alive[_spawn(url, log, args.seed * 1000 + spawned)] = log
            time.sleep(rng.uniform(0.005, args.max_wait))
            victim = rng.choice(sorted(alive))
            os.kill(victim, signal.SIGKILL)
            os.waitpid(victim, 0)
            del alive[victim]
            figures["kills"] += 1
            with contextlib.suppress(OSError):  # the other writer may remove it meanwhile
                if os.path.getsize(journal) > 0:
                    figures["kills_with_hot_journal"] += 1
            entries = [e for p in sorted(logs.glob("*.jsonl")) for e in read_log(p)]
            found = invariants.check(entries, strict=False)
            figures["checks"] += 1
            if found.problems:
                figures["problems"] += len(found.problems)
                problems.extend(f"after kill {figures['kills']}: {p}" for p in found.problems[:5])
                break
    finally:  # never leave a writer behind, whatever happened
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    entries = [e for p in sorted(logs.glob("*.jsonl")) for e in read_log(p)]
    final = invariants.check(entries, strict=False)
    problems.extend(final.problems)
    figures.update(final.figures)
    figures["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps({"figures": figures, "problems": problems[:20]}, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
