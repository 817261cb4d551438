"""The Samba rig itself: byte-range locks taken with fcntl through the FUSE SMB client reach the
server and hold between the two PCs and between two processes of one PC (shared locks coexist,
exclusive ones exclude, upgrades, downgrades, range and whole-file unlocks, the unlock on close,
F_GETLK), data written by one PC is read by the other at once (no client cache), the request
counts grow with what is sent and cost nothing to read, and the relay adds its latency."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.reliability import samba
from tests.reliability.conftest import ROOT, env, other_pc

pytestmark = pytest.mark.reliability

# SQLite's unix VFS lock bytes
PENDING = 0x40000000
RESERVED = PENDING + 1
SHARED_FIRST = PENDING + 2
SHARED_SIZE = 510

LOCKER = r"""
import fcntl, os, struct, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
kinds = {"rd": fcntl.LOCK_SH, "wr": fcntl.LOCK_EX, "un": fcntl.LOCK_UN}
tests = {"rd": fcntl.F_RDLCK, "wr": fcntl.F_WRLCK}
print("ready", flush=True)
for line in sys.stdin:
    cmd, *args = line.split()
    if cmd == "close":
        os.close(fd)
        fd = os.open(sys.argv[1], os.O_RDWR)
        print("ok", flush=True)
        continue
    kind, start, length = kinds[args[0]], int(args[1]), int(args[2])
    if cmd == "getlk":
        packed = struct.pack("hhqqi", tests[args[0]], 0, start, length, 0)
        got = struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_GETLK, packed))
        print("free" if got[0] == fcntl.F_UNLCK else "held", flush=True)
        continue
    try:
        nb = fcntl.LOCK_NB if cmd == "try" and kind != fcntl.LOCK_UN else 0
        fcntl.lockf(fd, kind | nb, length, start)
        print("ok", flush=True)
    except OSError as e:
        print("busy" if e.errno in (11, 13) else f"error {e.errno}", flush=True)
"""


class Locker:
    """A process holding one descriptor of `path`, locking as told."""

    def __init__(self, path: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LOCKER, path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env(),
            cwd=ROOT,
        )
        assert self.proc.stdout.readline().strip() == "ready"

    def __call__(self, command: str) -> str:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def end(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture
def lockers(samba_folder):
    """Three processes on one file: two on the first PC, one on the second."""
    path = str(samba_folder / "locks.db")
    made = [Locker(path), Locker(path), Locker(other_pc(path))]
    yield made
    for locker in made:
        locker.end()


def test_locks_hold_between_pcs_and_between_processes_of_one_pc(lockers):
    a, b, other = lockers  # a and b: one PC; other: the second PC
    shared = f"{SHARED_FIRST} {SHARED_SIZE}"
    assert a(f"try rd {shared}") == "ok"
    assert b(f"try rd {shared}") == "ok"  # shared locks coexist
    assert other(f"try rd {shared}") == "ok"
    assert other(f"try wr {shared}") == "busy"  # an upgrade waits for the other readers
    assert a(f"try wr {RESERVED} 1") == "ok"
    assert b(f"try wr {RESERVED} 1") == "busy"  # the same PC, another process
    assert other(f"try wr {RESERVED} 1") == "busy"
    assert other(f"getlk wr {RESERVED} 1") == "held"
    assert other(f"getlk wr {PENDING} 1") == "free"
    assert b(f"try un {shared}") == "ok"
    assert other(f"try un {shared}") == "ok"
    assert a(f"try wr {PENDING} 1") == "ok"
    assert a(f"try wr {shared}") == "ok"  # upgrade: the others have let go
    assert b(f"try rd {shared}") == "busy"
    assert other(f"try rd {PENDING} 1") == "busy"  # a new reader is kept out by PENDING
    assert a(f"try rd {shared}") == "ok"  # downgrade
    assert a(f"try un {PENDING} 2") == "ok"  # PENDING and RESERVED in one unlock
    assert b(f"try rd {shared}") == "ok"
    assert other(f"try wr {RESERVED} 1") == "ok"
    assert a("try un 0 0") == "ok"  # everything a holds
    assert b("try un 0 0") == "ok"
    assert other(f"try wr {shared}") == "ok"
    assert a("close") == "ok"
    assert other(f"try un {SHARED_FIRST + 10} 100") == "ok"  # part of a range: a split
    assert a(f"try rd {SHARED_FIRST + 20} 10") == "ok"
    assert a(f"try rd {SHARED_FIRST} 5") == "busy"  # the remainders are still held
    assert a(f"try rd {SHARED_FIRST + 200} 5") == "busy"
    assert other("close") == "ok"  # closing a descriptor lets go of every lock of the process
    assert a(f"try wr {SHARED_FIRST} {SHARED_SIZE}") == "ok"


def test_what_one_pc_writes_the_other_reads_at_once(samba_pcs, samba_folder):
    one = samba_folder / "data.bin"
    two = other_pc(str(one))
    with open(one, "wb") as f:
        f.write(b"a" * 10000)
    for n in range(20):
        with open(one, "r+b") as f:
            f.seek(n * 100)
            f.write(bytes([65 + n]) * 100)
        with open(two, "rb") as f:
            data = f.read()
        assert len(data) == 10000 and data[n * 100 : n * 100 + 100] == bytes([65 + n]) * 100
    os.truncate(two, 500)
    assert os.path.getsize(one) == 500
    os.unlink(two)
    assert not os.path.exists(one)


def test_requests_are_counted_and_the_relay_adds_latency(samba_pcs, samba_folder, tmp_path):
    pc = samba_pcs[0]
    before = pc.counts()
    assert pc.counts()["requests"] == before["requests"]  # reading the counts sends nothing
    path = samba_folder / "x.txt"
    path.write_text("hello")
    os.stat(path)
    after = pc.counts()
    sent = samba.difference(after, before)
    assert sent["by_kind"].get("create", 0) >= 2 and sent["by_kind"].get("write") == 1
    assert sent["round_trips"] <= sent["requests"]
    # every stat by path is one round trip (CREATE + CLOSE in a compound); with no cache the
    # kernel asks for the folder, the file (lookups) and then the file's attributes again
    before = pc.counts()
    started = time.perf_counter()
    for _ in range(20):
        os.stat(path)
    took = (time.perf_counter() - started) / 20 * 1000
    sent = samba.difference(pc.counts(), before)
    trips = sent["round_trips"]
    assert sent["by_kind"] == {"create": trips, "close": trips} and trips % 20 == 0
    assert trips // 20 == 3
    assert took >= 3 * pc.rtt_ms  # the relay's delay is in every round trip


def test_unavailable_says_why(monkeypatch):
    monkeypatch.setattr(samba, "SMBD", "/nonexistent/smbd")
    assert "smbd" in samba.samba_available()


MID_TRANSACTION = r"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size=2")  # dirty pages spill to the file before the commit
db.execute("BEGIN IMMEDIATE")
for n in range(400):
    db.execute("INSERT INTO t VALUES (?, ?)", (n, "x" * 500))
print("inside", flush=True)
sys.stdin.readline()
"""


def test_a_pc_that_vanishes_mid_transaction_leaves_no_lock_and_its_journal_is_undone(
    samba_server, samba_pcs, samba_folder, tmp_path
):
    """A third PC writes part of a transaction into the file (its cache spilled), then it is
    gone: its client killed, its connection closed. The other PC can lock the file at once and
    SQLite rolls the hot journal back: the rows committed before are all there, none of the
    half-written ones, and the file is intact."""
    import sqlite3

    gone = samba.SmbMount(samba_server, tmp_path / "pc3", samba_pcs[0].rtt_ms).start()
    name = samba_folder.name
    writer = None
    try:
        db = sqlite3.connect(str(gone.mount / name / "v.db"), isolation_level=None)
        db.execute("CREATE TABLE t (n INTEGER, pad TEXT)")
        db.execute("INSERT INTO t VALUES (-1, 'before')")
        db.close()
        writer = subprocess.Popen(
            [sys.executable, "-c", MID_TRANSACTION, str(gone.mount / name / "v.db")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert writer.stdout.readline().strip() == "inside"
        journal = samba_pcs[0].backing / name / "v.db-journal"
        assert journal.stat().st_size > 0  # the journal is on the server: a hot one, soon
        gone.client.kill()  # the PC is gone (its SMB connection closes)
        gone.client.wait()
        writer.kill()
        writer.wait()
        other = sqlite3.connect(other_pc(str(samba_folder / "v.db")), timeout=5)
        started = time.monotonic()
        rows = other.execute("SELECT n FROM t").fetchall()
        waited = time.monotonic() - started
        assert other.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        other.close()
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
            writer.wait()
        gone.stop()
    assert rows == [(-1,)]
    assert waited < 2  # no lock left behind by the vanished PC
    assert not journal.exists() or journal.stat().st_size == 0
