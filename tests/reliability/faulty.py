"""A writer under libfiu: disk-full and I/O errors injected into the database's writes and
fsyncs, switched on only while a service call runs (the log and the terminal stay unharmed).
Must be started under `fiu-run -x`.

    fiu-run -x python -m tests.reliability.faulty --db FILE --ops 100 --log L \
        --points posix/io/rw/pwrite,posix/io/sync/* --probability 0.05 --errno 28
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import json
import sys
from pathlib import Path

from refund_desk.store import session
from tests.reliability.worker import Writer


def libfiu() -> ctypes.CDLL:
    lib = ctypes.CDLL("libfiu.so.0")
    lib.fiu_enable_random.argtypes = [
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_uint,
        ctypes.c_float,
    ]
    lib.fiu_disable.argtypes = [ctypes.c_char_p]
    return lib


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--ops", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--log", required=True)
    parser.add_argument("--points", default="posix/io/rw/pwrite,posix/io/sync/*")
    parser.add_argument("--probability", type=float, default=0.05)
    parser.add_argument("--errno", default="ENOSPC")
    args = parser.parse_args(argv)
    lib = libfiu()
    points = [p.encode() for p in args.points.split(",")]
    code = getattr(errno, args.errno)
    session.open_store(args.db)
    writer = Writer(f"f{args.seed}", args.seed, Path(args.log), think_ms=0)

    def around(on: bool) -> None:
        for point in points:
            if on:
                lib.fiu_enable_random(point, 1, ctypes.c_void_p(code), 0, args.probability)
            else:
                lib.fiu_disable(point)

    writer.around = around
    writer.run(args.ops)
    print(json.dumps({"ops": writer.ops}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
