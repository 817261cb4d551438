"""A slow share stand-in: a FUSE passthrough (fusepy) that adds a delay to every file operation.

    python -m tests.reliability.slowfs BACKING MOUNTPOINT --delay-ms 2

Runs in the foreground until killed; killing it (-9) makes the share vanish mid-transaction.
Locks are POSIX locks kept by the kernel (no `lock` operation here), which is what several
processes on one machine need. Mounted with `big_writes`: without it libfuse 2 cuts every write
into 4 KiB pieces, so one journal record (4 + 4,096 + 4 bytes) would cost two round trips where
an SMB or NFS client sends one WRITE. `--op-log FILE` appends "time operation path" per call."""

from __future__ import annotations

import argparse
import ctypes.util
import errno
import os
import sys
import threading
import time

if not ctypes.util.find_library("fuse") and os.path.exists("/lib/x86_64-linux-gnu/libfuse.so.2"):
    os.environ.setdefault("FUSE_LIBRARY_PATH", "/lib/x86_64-linux-gnu/libfuse.so.2")

from fuse import FUSE, FuseOSError, Operations

CHANGING_THE_FOLDER = frozenset({"create", "mkdir", "rename", "rmdir", "unlink"})
WRITING = CHANGING_THE_FOLDER | {"write", "truncate", "chmod", "chown", "utimens", "create"}


def _writes(op: str, args: tuple) -> bool:
    """An open() or access() that asks for writing, or a write."""
    if op == "open":
        return bool(args[0] & (os.O_WRONLY | os.O_RDWR))
    if op == "access":
        return bool(args[0] & os.W_OK)
    return op in ("write", "truncate")


class SlowPassthrough(Operations):
    def __init__(self, root: str, delay_s: float, deny: str = "", op_log: str = "") -> None:
        self.root = os.path.realpath(root)
        self.delay = delay_s
        self.deny = deny  # "" | "files" (read-only files) | "folder" | "all" (read-only share)
        self.rwlock = threading.Lock()
        self.op_log = open(op_log, "a", buffering=1) if op_log else None  # noqa: SIM115

    # Not offered at all (ENOSYS, which the kernel remembers): with them, the kernel asks for
    # security.capability before every write, a round trip no SMB or NFS client makes.
    getxattr = None
    listxattr = None

    def _path(self, path: str) -> str:
        return os.path.join(self.root, path.lstrip("/"))

    def __call__(self, op, path, *args):
        if self.delay:
            time.sleep(self.delay)
        if self.op_log is not None:
            with self.rwlock:
                self.op_log.write(f"{time.monotonic():.6f} {op} {path}\n")
        if self.deny == "all" and (op in WRITING or _writes(op, args)):
            raise FuseOSError(errno.EROFS)
        if self.deny == "folder" and op in CHANGING_THE_FOLDER:
            raise FuseOSError(errno.EACCES)
        if self.deny == "files" and _writes(op, args):
            raise FuseOSError(errno.EACCES)
        return super().__call__(op, path, *args)

    def access(self, path, mode):
        if not os.access(self._path(path), mode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path, mode):
        return os.chmod(self._path(path), mode)

    def chown(self, path, uid, gid):
        return os.chown(self._path(path), uid, gid)

    def create(self, path, mode, fi=None):
        return os.open(self._path(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

    def flush(self, path, fh):
        return os.fsync(fh)

    def fsync(self, path, datasync, fh):
        return os.fdatasync(fh) if datasync else os.fsync(fh)

    def getattr(self, path, fh=None):
        st = os.lstat(self._path(path))
        keys = (
            "st_atime",
            "st_ctime",
            "st_gid",
            "st_mode",
            "st_mtime",
            "st_nlink",
            "st_size",
            "st_uid",
        )
        return {key: getattr(st, key) for key in keys}

    def mkdir(self, path, mode):
        return os.mkdir(self._path(path), mode)

    def open(self, path, flags):
        return os.open(self._path(path), flags)

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def readdir(self, path, fh):
        return [".", "..", *os.listdir(self._path(path))]

    def release(self, path, fh):
        return os.close(fh)

    def rename(self, old, new):
        return os.rename(self._path(old), self._path(new))

    def rmdir(self, path):
        return os.rmdir(self._path(path))

    def statfs(self, path):
        st = os.statvfs(self._path(path))
        keys = (
            "f_bavail",
            "f_bfree",
            "f_blocks",
            "f_bsize",
            "f_favail",
            "f_ffree",
            "f_files",
            "f_flag",
            "f_frsize",
            "f_namemax",
        )
        return {key: getattr(st, key) for key in keys}

    def truncate(self, path, length, fh=None):
        with open(self._path(path), "r+b") as f:
            f.truncate(length)

    def unlink(self, path):
        return os.unlink(self._path(path))

    def utimens(self, path, times=None):
        return os.utime(self._path(path), times)

    def write(self, path, data, offset, fh):
        return os.pwrite(fh, data, offset)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("backing")
    parser.add_argument("mountpoint")
    parser.add_argument("--delay-ms", type=float, default=2.0)
    parser.add_argument("--deny", choices=("", "files", "folder", "all"), default="")
    parser.add_argument("--op-log", default="")
    args = parser.parse_args(argv)
    ops = SlowPassthrough(args.backing, args.delay_ms / 1000, args.deny, args.op_log)
    FUSE(ops, args.mountpoint, foreground=True, nothreads=False, big_writes=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
