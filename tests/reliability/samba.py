"""A real SMB server for the tests: Samba's smbd on 127.0.0.x port 445 with its own smb.conf and
its own state, lock, cache, private and log folders under one temporary folder (no system
service, nothing in /etc), one share over a local folder and one user; and the PCs that mount
it: `smbfs.py` (FUSE SMB client) behind `smbrelay.py` (latency each way).

    server = SambaServer(base, "127.0.0.2", {"posix locking": "no"}).start()
    pc = SmbMount(server, base / "pc1", rtt_ms=1.0).start()   # pc.mount: the share
    ...
    pc.counts()          # SMB requests sent so far by this PC, by kind
    pc.stop(); server.stop()

`samba_available()` says why this cannot run here ('' when it can)."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARE = "refunds"
SMBD = os.environ.get("RD_SMBD") or shutil.which("smbd") or "/usr/sbin/smbd"  # RD_SMBD: tests
SMBPASSWD = shutil.which("smbpasswd") or "/usr/bin/smbpasswd"

# What a Refund Desk share should be (the IT page says why). The tests start from these and
# change one setting at a time to show what it does.
RECOMMENDED = {
    "posix locking": "no",
    "strict locking": "no",
    "oplocks": "no",
    "level2 oplocks": "no",
    "kernel oplocks": "no",
    "strict sync": "yes",
    "sync always": "no",
}


def _bindable(address: str, port: int) -> str:
    s = socket.socket()
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((address, port))
    except OSError as e:
        return f"cannot listen on {address}:{port} ({e.strerror})"
    finally:
        s.close()
    return ""


def per_worker(address: str) -> str:
    """`address` for this test process: under pytest-xdist, worker gwN serves N further on in
    the second number (127.0.0.2 → 127.1.0.2 for gw1), so that the workers' servers, each on
    port 445, never meet, nor meet the benchmark's 127.0.0.5. Without xdist: `address`."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    first, second, rest = address.split(".", 2)
    return f"{first}.{int(second) + worker}.{rest}"


def samba_available(address: str = "127.0.0.2") -> str:
    """'' when a Samba server and the FUSE SMB client can run here, else why not."""
    if not os.path.exists(SMBD):
        return "no smbd (Debian package samba)"
    if not os.path.exists(SMBPASSWD):
        return "no smbpasswd (Debian package samba-common-bin)"
    if os.geteuid() != 0:
        return "smbd needs root to listen on port 445 and to serve files"
    for module, package in (("smbprotocol", "smbprotocol"), ("fuse", "fusepy")):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed"
    try:
        import fuse  # noqa: F401  (fusepy loads libfuse when imported)
    except (ImportError, OSError) as e:
        return f"libfuse cannot be loaded ({e})"
    if not os.path.exists("/dev/fuse"):
        return "no /dev/fuse"
    if not shutil.which("fusermount"):
        return "no fusermount (Debian package fuse)"
    return _bindable(address, 445)


def require_samba(address: str) -> None:
    """Skip the calling test when Samba cannot run here, saying why; in CI (CI set, as .ci/run
    is started) fail instead: CI installs everything, so a skip there would hide a broken rig."""
    import pytest

    why = samba_available(address)
    if why and os.environ.get("CI"):
        pytest.fail(f"the Samba tests must run in CI: {why}")
    if why:
        pytest.skip(why)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


def _wait_port(address: str, port: int, proc: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + 20
    while True:
        with contextlib.suppress(OSError), socket.create_connection((address, port), 0.2):
            return
        if proc.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{what} did not start: {tail}")
        time.sleep(0.05)


class SambaServer:
    """smbd serving `base/share` as [refunds] on `address`:445 with `settings` for the share."""

    def __init__(self, base: Path, address: str = "127.0.0.2", settings: dict | None = None):
        self.base = Path(base)
        self.address = address
        self.settings = {**RECOMMENDED, **(settings or {})}
        self.backing = self.base / "share"
        self.user = os.environ.get("USER") or "root"
        if self.user != "root":
            import pwd

            self.user = pwd.getpwuid(os.geteuid()).pw_name
        self.password = secrets.token_urlsafe(12)
        self.proc: subprocess.Popen | None = None
        self.conf = self.base / "smb.conf"

    def _write_conf(self) -> None:
        b = self.base
        for d in ("run", "lock", "state", "cache", "private", "log", "ncalrpc", "share"):
            (b / d).mkdir(parents=True, exist_ok=True)
        os.chmod(b / "share", 0o777)
        share = "\n".join(f"   {k} = {v}" for k, v in self.settings.items())
        self.conf.write_text(
            f"""[global]
   server role = standalone server
   workgroup = RDTEST
   netbios name = RDTEST
   interfaces = {self.address}/8
   bind interfaces only = yes
   smb ports = 445
   disable netbios = yes
   server min protocol = SMB2_10
   pid directory = {b}/run
   lock directory = {b}/lock
   state directory = {b}/state
   cache directory = {b}/cache
   private dir = {b}/private
   ncalrpc dir = {b}/ncalrpc
   passdb backend = tdbsam:{b}/private/passdb.tdb
   log file = {b}/log/log.%m
   log level = 1
   max log size = 0
   load printers = no
   printing = bsd
   printcap name = /dev/null
   disable spoolss = yes
   usershare max shares = 0
   registry shares = no
   host msdfs = no
   smb encrypt = off
   map to guest = never

[{SHARE}]
   path = {self.backing}
   read only = no
   browseable = yes
   create mask = 0666
   directory mask = 0777
{share}
"""
        )

    def start(self) -> SambaServer:
        busy = _bindable(self.address, 445)
        if busy:  # another server there would answer in our place
            raise RuntimeError(busy)
        self._write_conf()
        done = subprocess.run(
            [SMBPASSWD, "-c", str(self.conf), "-s", "-a", self.user],
            input=f"{self.password}\n{self.password}\n",
            capture_output=True,
            text=True,
            timeout=30,
        )
        if done.returncode != 0:
            raise RuntimeError(f"smbpasswd failed: {done.stdout}{done.stderr}")
        log = self.base / "log" / "smbd.out"
        self.proc = subprocess.Popen(
            [SMBD, "--foreground", "--no-process-group", "--debug-stdout", "-s", str(self.conf)],
            stdout=open(log, "ab"),  # noqa: SIM115 (the server's own log for its lifetime)
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends smbd and its children
        )
        _wait_port(self.address, 445, self.proc, log, "smbd")
        return self

    def stop(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        with contextlib.suppress(ProcessLookupError):  # children still closing their clients
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc = None

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in (self.base / "log").glob("*"))


class SmbMount:
    """One PC: a latency relay in front of `server` (`rtt_ms` added to every round trip), and
    the FUSE SMB client mounted at `base/share` through it (one SMB session)."""

    def __init__(self, server: SambaServer, base: Path, rtt_ms: float = 1.0) -> None:
        self.server = server
        self.base = Path(base)
        self.mount = self.base / "share"
        self.backing = server.backing  # the same files, on the server's disk
        self.rtt_ms = rtt_ms  # the relay adds half of it each way
        self.relay: subprocess.Popen | None = None
        self.client: subprocess.Popen | None = None

    def start(self) -> SmbMount:
        self.base.mkdir(parents=True, exist_ok=True)
        self.mount.mkdir(exist_ok=True)
        self.relay = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.smbrelay",
                "--to",
                f"{self.server.address}:445",
                "--delay-ms",
                str(self.rtt_ms / 2),
            ],
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.relay.stdout.readline().split()
        if len(line) != 3 or line[0] != "listening":
            raise RuntimeError(f"the relay did not start: {line}")
        host, port = line[1], int(line[2])
        log = self.base / "smbfs.log"
        self.client = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.smbfs",
                host,
                str(port),
                SHARE,
                str(self.mount),
                "--user",
                self.server.user,
            ],
            cwd=ROOT,
            env={**_env(), "SMBFS_PASSWORD": self.server.password},
            stderr=open(log, "ab"),  # noqa: SIM115
        )
        deadline = time.monotonic() + 20
        while not os.path.ismount(self.mount):
            if self.client.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the SMB client did not mount: {log.read_text()[-3000:]}")
            time.sleep(0.05)
        return self

    def counts(self) -> dict:
        """What this PC has sent to the server so far (read from the client, no SMB request)."""
        with open(self.mount / ".smbfs-counts", "rb") as f:
            return json.loads(f.read())

    def stop(self) -> None:
        if self.client is not None:
            subprocess.run(["fusermount", "-u", "-z", str(self.mount)], stderr=subprocess.DEVNULL)
            try:
                self.client.wait(10)
            except subprocess.TimeoutExpired:
                self.client.kill()
                self.client.wait()
            self.client = None
        if self.relay is not None:
            self.relay.kill()
            self.relay.wait()
            self.relay = None


def difference(after: dict, before: dict) -> dict:
    """Requests between two `counts()`: total, round trips and by kind."""
    kinds = set(after["by_kind"]) | set(before["by_kind"])
    return {
        "requests": after["requests"] - before["requests"],
        "round_trips": after["round_trips"] - before["round_trips"],
        "by_kind": {
            k: after["by_kind"].get(k, 0) - before["by_kind"].get(k, 0)
            for k in sorted(kinds)
            if after["by_kind"].get(k, 0) != before["by_kind"].get(k, 0)
        },
    }
