"""A TCP relay that adds a fixed delay each way: the office network between a PC and the server.

    python -m tests.reliability.smbrelay --to 127.0.0.2:445 --delay-ms 0.5

Listens on 127.0.0.1 (a free port unless `--listen HOST:PORT`), prints "listening HOST PORT" on
stdout once ready, and forwards every connection to `--to`. Each chunk read on one side is
written to the other `--delay-ms` after it arrived, in order (a round trip costs twice the
delay, plus the server's own time). One reader and one writer thread per direction, so a delay
never stalls the other direction or another connection. Runs until killed."""

from __future__ import annotations

import argparse
import collections
import contextlib
import socket
import sys
import threading
import time


def _pump(src: socket.socket, dst: socket.socket, delay: float) -> None:
    queue: collections.deque = collections.deque()
    ready = threading.Condition()

    def read() -> None:
        try:
            while True:
                data = src.recv(1 << 16)
                with ready:
                    queue.append((time.monotonic() + delay, data))
                    ready.notify()
                if not data:
                    return
        except OSError:
            with ready:
                queue.append((0.0, b""))
                ready.notify()

    def write() -> None:
        try:
            while True:
                with ready:
                    while not queue:
                        ready.wait()
                    due, data = queue.popleft()
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (dst, src):  # one side closed: close both, the other pump ends too
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    threading.Thread(target=read, daemon=True).start()
    threading.Thread(target=write, daemon=True).start()


def serve(listen: tuple[str, int], upstream: tuple[str, int], delay: float) -> None:
    server = socket.create_server(listen, reuse_port=False)
    host, port = server.getsockname()[:2]
    print(f"listening {host} {port}", flush=True)
    while True:
        client, _ = server.accept()
        try:
            up = socket.create_connection(upstream, timeout=10)
        except OSError:
            client.close()
            continue
        up.settimeout(None)
        for s in (client, up):
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        _pump(client, up, delay)
        _pump(up, client, delay)


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    return host, int(port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", default="127.0.0.1:0")
    parser.add_argument("--to", required=True, help="HOST:PORT of the SMB server")
    parser.add_argument("--delay-ms", type=float, default=0.5, help="added each way")
    args = parser.parse_args(argv)
    serve(_address(args.listen), _address(args.to), args.delay_ms / 1000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
