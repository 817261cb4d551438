"""Counting what reaches SQLite: every statement the driver runs (sqlite3's trace callback on
each new connection), sorted into queries, transaction control and connection pragmas."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import peewee


@dataclass
class Tally:
    statements: list[str] = field(default_factory=list)
    connections: int = 0

    def _kind(self, sql: str) -> str:
        head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if head == "PRAGMA":
            return "pragma"
        if head in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "END"):
            return "tx"
        return "sql"

    @property
    def sql(self) -> int:
        """Queries and writes (SELECT, INSERT, UPDATE, DELETE), not counting pragmas or BEGIN."""
        return sum(1 for s in self.statements if self._kind(s) == "sql")

    @property
    def transactions(self) -> int:
        return sum(1 for s in self.statements if s.lstrip().upper().startswith("BEGIN"))

    @property
    def pragmas(self) -> int:
        return sum(1 for s in self.statements if self._kind(s) == "pragma")

    def summary(self) -> str:
        return (
            f"{self.sql} SQL, {self.transactions} tx, {self.connections} conn"
            f" (+{self.pragmas} pragma)"
        )


_active: list[Tally] = []
_original = peewee.SqliteDatabase._add_conn_hooks


def _hooks(self, conn) -> None:
    _original(self, conn)
    if _active:
        tally = _active[-1]
        tally.connections += 1
        # pragmas ran before the callback was set: count them from the database's settings
        tally.statements.extend(f"PRAGMA {k}={v}" for k, v in self._pragmas)

        def trace(sql: str) -> None:
            if not sql.startswith("--"):  # statements inside triggers come as comments
                tally.statements.append(sql)

        conn.set_trace_callback(trace)


peewee.SqliteDatabase._add_conn_hooks = _hooks


@contextlib.contextmanager
def counting() -> Iterator[Tally]:
    """Count the statements of every connection opened inside the block (close any connection
    already open first, so the next unit of work opens a counted one)."""
    tally = Tally()
    _active.append(tally)
    try:
        yield tally
    finally:
        _active.remove(tally)
