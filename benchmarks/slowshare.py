"""A stand-in for a slow office share: a FUSE passthrough of a local folder that sleeps a few
milliseconds on every file operation (network filesystems cannot be mounted here).

    python benchmarks/slowshare.py BACKING MOUNTPOINT --delay-ms 3     # runs in the foreground

`SlowShare(backing, mountpoint, delay_ms)` mounts it from Python as a context manager. Needs
fusepy (`pip install fusepy`), libfuse2 and /dev/fuse (root in a container)."""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.abspath(__file__)
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(ROOT, "tests", "reliability", "slowfs.py")


OP_LOG = os.environ.get("SLOWSHARE_OP_LOG", "")  # append "time op path" per operation


def server() -> list[str]:
    """The reliability tests' passthrough when the checkout has it (one stand-in for the whole
    project), else the one in this file."""
    if os.path.exists(SHARED) and not OP_LOG:
        return ["-m", "tests.reliability.slowfs"]
    return [HERE]


def available() -> str | None:
    """None when a slow share can be mounted here, else why not."""
    try:
        import fuse  # noqa: F401
    except (ImportError, OSError) as e:
        return f"fusepy/libfuse missing ({e})"
    if not os.path.exists("/dev/fuse") or not os.access("/dev/fuse", os.R_OK | os.W_OK):
        return "/dev/fuse is not usable"
    if shutil.which("fusermount") is None and shutil.which("fusermount3") is None:
        return "fusermount missing"
    return None


def _operations(root: str, delay: float):
    from fuse import FuseOSError, LoggingMixIn, Operations  # noqa: F401

    class Passthrough(Operations):
        """Every call reaches the backing folder after `delay` seconds."""

        def __init__(self) -> None:
            self.root = os.path.realpath(root)
            self.count = 0
            self.mutex = threading.Lock()

        def __call__(self, op, path, *args):
            if delay:
                time.sleep(delay)
            with self.mutex:
                self.count += 1
                if OP_LOG:
                    with open(OP_LOG, "a") as f:
                        f.write(f"{time.monotonic():.6f} {op} {path}\n")
            try:
                return super().__call__(op, self.root + path, *args)
            except OSError as e:
                raise FuseOSError(e.errno or errno.EIO) from e

        def access(self, path, mode):
            if not os.access(path, mode):
                raise FuseOSError(errno.EACCES)

        chmod = os.chmod
        chown = os.chown

        def create(self, path, mode, fi=None):
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

        def flush(self, path, fh):
            return 0

        def fsync(self, path, datasync, fh):
            return os.fdatasync(fh) if datasync else os.fsync(fh)

        def getattr(self, path, fh=None):
            st = os.lstat(path)
            keys = [
                "st_atime",
                "st_ctime",
                "st_gid",
                "st_mode",
                "st_mtime",
                "st_nlink",
                "st_size",
                "st_uid",
                "st_blocks",
            ]
            return {key: getattr(st, key) for key in keys}

        getxattr = None
        listxattr = None
        mkdir = os.mkdir
        mknod = os.mknod
        open = os.open

        def read(self, path, size, offset, fh):
            return os.pread(fh, size, offset)

        def readdir(self, path, fh):
            return [".", "..", *os.listdir(path)]

        readlink = os.readlink

        def release(self, path, fh):
            return os.close(fh)

        def rename(self, old, new):
            return os.rename(old, self.root + new)

        rmdir = os.rmdir

        def statfs(self, path):
            st = os.statvfs(path)
            keys = [
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
            ]
            return {key: getattr(st, key) for key in keys}

        def truncate(self, path, length, fh=None):
            with open(path, "r+b") as f:
                f.truncate(length)

        unlink = os.unlink
        utimens = os.utime

        def write(self, path, data, offset, fh):
            return os.pwrite(fh, data, offset)

    return Passthrough()


def serve(backing: str, mountpoint: str, delay_ms: float) -> None:
    from fuse import FUSE

    FUSE(_operations(backing, delay_ms / 1000), mountpoint, foreground=True, nothreads=False)


class SlowShare:
    """Mount `backing` at `mountpoint` with `delay_ms` per operation, in a child process."""

    def __init__(self, backing: str, mountpoint: str, delay_ms: float = 3.0):
        self.backing, self.mountpoint, self.delay_ms = backing, mountpoint, delay_ms
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> SlowShare:
        os.makedirs(self.backing, exist_ok=True)
        os.makedirs(self.mountpoint, exist_ok=True)
        if os.path.ismount(self.mountpoint):
            _unmount(self.mountpoint)
        command = [sys.executable, *server(), self.backing, self.mountpoint, "--delay-ms"]
        self.process = subprocess.Popen([*command, str(self.delay_ms)], cwd=ROOT)
        deadline = time.monotonic() + 10
        while not os.path.ismount(self.mountpoint):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the slow share did not mount")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        _unmount(self.mountpoint)
        if self.process is not None:
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _unmount(mountpoint: str) -> None:
    tool = shutil.which("fusermount") or shutil.which("fusermount3") or "fusermount"
    for _ in range(50):
        if subprocess.run([tool, "-u", mountpoint], capture_output=True).returncode == 0:
            return
        if not os.path.ismount(mountpoint):
            return
        time.sleep(0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backing")
    parser.add_argument("mountpoint")
    parser.add_argument("--delay-ms", type=float, default=3.0)
    args = parser.parse_args()
    serve(args.backing, args.mountpoint, args.delay_ms)


if __name__ == "__main__":
    main()
