"""Fixtures of the adversarial suite: a slow share (FUSE passthrough with latency), a fresh
PostgreSQL database, writer processes, and the sizes (environment variables, small in CI)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from refund_desk.store import db as dbmod
from tests.conftest import PG_ENV, _fresh_pg_database

ROOT = Path(__file__).resolve().parents[2]


def size(name: str, default: int) -> int:
    """A size of the suite: RD_REL_<NAME> in the environment, else the CI default."""
    return int(os.environ.get(f"RD_REL_{name.upper()}", default))


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def writer_command(url: str, log, ops: int, seed: int, think_ms: int | None = None) -> list[str]:
    """One `tests.reliability.worker run` process: `ops` operations, its acks logged to `log`."""
    args = ["run", "--db", url, "--ops", str(ops), "--seed", str(seed), "--log", str(log)]
    if think_ms is not None:
        args += ["--think-ms", str(think_ms)]
    return python("-m", "tests.reliability.worker", *args)


def start_writer(
    url: str,
    log,
    ops: int,
    seed: int,
    think_ms: int | None = None,
    stdout=subprocess.PIPE,
    stderr=subprocess.PIPE,
) -> subprocess.Popen:
    """`writer_command` started in the background (text pipes unless told otherwise)."""
    return subprocess.Popen(
        writer_command(url, log, ops, seed, think_ms),
        env=env(),
        cwd=ROOT,
        stdout=stdout,
        stderr=stderr,
        text=True,
    )


def fuse_available() -> str:
    """'' when a FUSE mount can be made here, else why not."""
    if not os.path.exists("/dev/fuse"):
        return "no /dev/fuse"
    if not shutil.which("fusermount"):
        return "no fusermount (Debian package fuse)"
    if importlib.util.find_spec("fuse") is None:
        return "fusepy is not installed"
    return ""


_SHARES: list = []


def behind_the_share(where: str) -> str:
    """The same file reached without the added latency (for setting up, not for testing)."""
    for share in _SHARES:
        if where.startswith(str(share.mount) + os.sep):
            return str(share.backing) + where[len(str(share.mount)) :]
    return where


class SlowShare:
    """A FUSE mount over a local folder that adds `delay_ms` to every file operation."""

    def __init__(self, base: Path, delay_ms: float) -> None:
        self.backing = base / "backing"
        self.mount = base / "share"
        self.backing.mkdir()
        self.mount.mkdir()
        self.delay_ms = delay_ms
        self.proc: subprocess.Popen | None = None
        _SHARES.append(self)

    def start(self, deny: str = "") -> None:
        """Mount (again); `deny`: "files" read-only files, "folder" read-only folder, "all"."""
        self.proc = subprocess.Popen(
            python(
                "-m",
                "tests.reliability.slowfs",
                str(self.backing),
                str(self.mount),
                "--delay-ms",
                str(self.delay_ms),
                "--deny",
                deny,
            ),
            env=env(),
            cwd=ROOT,
            stderr=open(self.backing.parent / "slowfs.log", "a"),  # noqa: SIM115
        )
        deadline = time.monotonic() + 15
        while not os.path.ismount(self.mount):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                log = (self.backing.parent / "slowfs.log").read_text()[-2000:]
                raise RuntimeError(f"the FUSE stand-in did not mount: {log}")
            time.sleep(0.05)

    def vanish(self) -> None:
        """The share goes away: the FUSE process dies (-9), the mount is torn down."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        subprocess.run(["fusermount", "-u", "-z", str(self.mount)], stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        self.vanish()


@pytest.fixture
def slow_share(tmp_path):
    why = fuse_available()
    if why:
        pytest.skip(why)
    share = SlowShare(tmp_path, float(os.environ.get("RD_REL_DELAY_MS", "2")))
    share.start()
    try:
        yield share
    finally:
        if dbmod.DB.obj is not None and not dbmod.DB.obj.is_closed():
            dbmod.DB.obj.close()
        share.stop()


@pytest.fixture
def pg_url():
    if not os.environ.get(PG_ENV):
        pytest.skip(f"no PostgreSQL server given ({PG_ENV} unset)")
    url, drop = _fresh_pg_database()
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def where(request, tmp_path):
    """A database location by name: local SQLite file, SQLite on the slow share, PostgreSQL."""
    kind = request.param
    if kind == "local":
        yield str(tmp_path / "refunds.db")
    elif kind == "slow_share":
        yield str(request.getfixturevalue("slow_share").mount / "refunds.db")
    else:
        yield request.getfixturevalue("pg_url")
    if dbmod.DB.obj is not None and not dbmod.DB.obj.is_closed():
        dbmod.DB.obj.close()


def record(test: str, figures: dict) -> None:
    """Print the figures, and append them to RD_REL_REPORT (a JSON-lines file) for the note."""
    import json

    line = json.dumps({"test": test, **figures}, ensure_ascii=False)
    print(line)
    report = os.environ.get("RD_REL_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as f:
            f.write(line + "\n")
