"""A stand-in for a slow office share: `tests/reliability/slowfs.py`, a FUSE passthrough of a
local folder that sleeps a few milliseconds on every file operation (network filesystems cannot
be mounted here), mounted from Python.

    python benchmarks/slowshare.py BACKING MOUNTPOINT --delay-ms 3     # runs in the foreground

`SlowShare(backing, mountpoint, delay_ms)` mounts it as a context manager; SLOWSHARE_OP_LOG=FILE
logs every operation. Needs fusepy (`pip install fusepy`), libfuse2 and /dev/fuse (root)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

HERE = os.path.abspath(__file__)
ROOT = os.path.dirname(os.path.dirname(HERE))


OP_LOG = os.environ.get("SLOWSHARE_OP_LOG", "")  # append "time op path" per operation


def server() -> list[str]:
    """The reliability tests' passthrough: one stand-in for the whole project."""
    return ["-m", "tests.reliability.slowfs", *(["--op-log", OP_LOG] if OP_LOG else [])]


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
        command = [sys.executable, *server()[:2], self.backing, self.mountpoint, *server()[2:]]
        command.append("--delay-ms")
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
    sys.path.insert(0, ROOT)
    from tests.reliability import slowfs

    sys.exit(slowfs.main(sys.argv[1:]))


if __name__ == "__main__":
    main()
