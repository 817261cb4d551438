"""Fixtures of the adversarial suite: a slow share (FUSE passthrough with latency), a real SMB
share (Samba on 127.0.0.2, mounted by two PCs through our FUSE SMB client and a latency relay), a
fresh PostgreSQL database, writer processes, and the sizes (environment variables, small in CI)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from refund_desk.store import db as dbmod
from tests.reliability.samba import SambaServer, SmbMount, per_worker, require_samba

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


def other_pc(where: str) -> str:
    """The same file as the second PC sees it (on the Samba share: through the other mount);
    elsewhere the same location."""
    for pcs in _PCS:
        for i, pc in enumerate(pcs):
            if where.startswith(str(pc.mount) + os.sep):
                return str(pcs[1 - i].mount) + where[len(str(pc.mount)) :]
    return where


def pc_of(where: str, seed: int) -> str:
    """Writer `seed`'s location: odd seeds on the first PC, even seeds on the second."""
    return where if seed % 2 else other_pc(where)


_PCS: list[list[SmbMount]] = []
# the session server (each pytest-xdist worker its own)
SAMBA_ADDRESS = per_worker(os.environ.get("RD_REL_SMB_ADDRESS", "127.0.0.2"))


def smb_rtt_ms() -> float:
    """The round trip the relay adds on the Samba share (RD_REL_SMB_RTT_MS, 1 ms in CI)."""
    return float(os.environ.get("RD_REL_SMB_RTT_MS", "1"))


def start_pcs(server: SambaServer, base: Path, rtt_ms: float) -> list[SmbMount]:
    """Two PCs on `server`: two relays, two FUSE SMB clients, two SMB sessions."""
    pcs: list[SmbMount] = []
    try:
        for n in (1, 2):
            pcs.append(SmbMount(server, base / f"pc{n}", rtt_ms).start())
    except Exception:
        for pc in pcs:
            pc.stop()
        raise
    _SHARES.extend(pcs)
    _PCS.append(pcs)
    return pcs


def stop_pcs(pcs: list[SmbMount]) -> None:
    if dbmod.DB.obj is not None and not dbmod.DB.obj.is_closed():
        dbmod.DB.obj.close()
    for pc in pcs:
        pc.stop()
        if pc in _SHARES:
            _SHARES.remove(pc)
    if pcs in _PCS:
        _PCS.remove(pcs)


@pytest.fixture(scope="session")
def samba_server(tmp_path_factory):
    """Samba with the recommended settings for a Refund Desk share (samba.RECOMMENDED), one
    server for the whole run."""
    require_samba(SAMBA_ADDRESS)
    server = SambaServer(tmp_path_factory.mktemp("samba"), SAMBA_ADDRESS).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def samba_pcs(samba_server, tmp_path_factory):
    """Two PCs mounting the share, each through its own relay (smb_rtt_ms() round trip)."""
    pcs = start_pcs(samba_server, tmp_path_factory.mktemp("pcs"), smb_rtt_ms())
    try:
        yield pcs
    finally:
        stop_pcs(pcs)


@pytest.fixture
def samba_folder(samba_pcs):
    """A new folder on the share for one test: its path as the first PC sees it."""
    name = f"t-{uuid.uuid4().hex[:10]}"
    (samba_pcs[0].backing / name).mkdir()
    os.chmod(samba_pcs[0].backing / name, 0o777)
    yield samba_pcs[0].mount / name
    if dbmod.DB.obj is not None and not dbmod.DB.obj.is_closed():
        dbmod.DB.obj.close()


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
def where(request, tmp_path):
    """A database location by name: local SQLite file, SQLite on the slow share, SQLite on the
    Samba share (as the first PC sees it; `other_pc` gives the second), PostgreSQL."""
    kind = request.param
    if kind == "local":
        yield str(tmp_path / "refunds.db")
    elif kind == "slow_share":
        yield str(request.getfixturevalue("slow_share").mount / "refunds.db")
    elif kind == "samba":
        yield str(request.getfixturevalue("samba_folder") / "refunds.db")
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
