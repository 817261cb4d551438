"""Backup, restore and the integrity check behind `refund-desk backup|restore|check`."""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass, field

import peewee as pw

from ..domain.errors import DatabaseError, Text
from . import audit
from . import db as dbmod
from .models import Refund


@dataclass
class CheckReport:
    lines: list[tuple[str, bool, str]] = field(default_factory=list)  # (what, ok, detail)

    @property
    def ok(self) -> bool:
        return all(ok for _, ok, _ in self.lines)


def _sqlite_only(what: str) -> None:
    if not dbmod.location().is_sqlite:
        raise DatabaseError(
            "db_io",
            why=Text(
                f"{what}只适用于 SQLite 文件；PostgreSQL 请用 pg_dump / pg_restore。",
                f"{what} works on SQLite files; for PostgreSQL use pg_dump / pg_restore.",
            ),
        )


def integrity_of(path: str) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def backup_to(dest: str) -> str:
    """Copy the live database with SQLite's backup API (consistent while others write), then
    check the copy. Returns the copy's path."""
    _sqlite_only("backup")
    dest = os.path.abspath(dest)
    if os.path.isdir(dest):
        base = os.path.basename(dbmod.location().target)
        dest = os.path.join(dest, base + ".bak")
    tmp = dest + ".part"
    # The copy holds everything the database does: never more readable than the database.
    mode = stat.S_IMODE(os.stat(dbmod.location().target).st_mode) & 0o666
    if os.path.exists(tmp):
        os.remove(tmp)
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
    os.chmod(tmp, mode)  # os.open's mode passes through the umask, which may only narrow it
    with dbmod.connection() as database, dbmod.translate_errors():
        target = sqlite3.connect(tmp)
        try:
            database.connection().backup(target)
        finally:
            target.close()
    result = integrity_of(tmp)
    if result != "ok":
        os.remove(tmp)
        raise DatabaseError("db_io", why=f"backup copy failed integrity_check: {result}")
    os.replace(tmp, dest)
    return dest


def restore_from(src: str) -> str:
    """Replace the bound database's content with `src` (after checking it), keeping a safety
    copy of what was there. Returns the safety copy's path ('' if there was nothing)."""
    from .migrations import LATEST

    _sqlite_only("restore")
    if not os.path.isfile(src):
        raise DatabaseError("db_unreachable", where=src, why=Text("文件不存在。", "no such file."))
    result = integrity_of(src)
    if result != "ok":
        raise DatabaseError("db_io", why=f"{src}: integrity_check {result}")
    source = sqlite3.connect(src)
    try:
        try:
            version = source.execute("SELECT version FROM schema_version").fetchone()[0]
        except sqlite3.DatabaseError:
            raise DatabaseError("db_not_initialised", where=src) from None
        if version > LATEST:
            raise DatabaseError("db_newer", found=version, known=LATEST)
        safety = ""
        target_path = dbmod.location().target
        if os.path.exists(target_path) and os.path.getsize(target_path) > 0:
            safety = backup_to(target_path + ".before-restore.bak")
        with dbmod.connection() as database, dbmod.translate_errors():
            source.backup(database.connection())
            dbmod.use_rollback_journal(database)
    finally:
        source.close()
    return safety


def check() -> CheckReport:
    """integrity_check, foreign keys, the audit chain, and the money invariants."""
    report = CheckReport()
    with dbmod.connection() as database:
        if isinstance(database, pw.SqliteDatabase):
            rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
            report.lines.append(("integrity_check", rows == ["ok"], "; ".join(rows[:5])))
            mode = database.execute_sql("PRAGMA journal_mode").fetchone()[0]
            report.lines.append(("journal_mode", mode == "delete", mode))
            fk = database.execute_sql("PRAGMA foreign_key_check").fetchall()
            report.lines.append(
                ("foreign_key_check", not fk, f"{len(fk)} broken references" if fk else "ok")
            )
        else:
            report.lines.append(("integrity_check", True, "PostgreSQL: checked by the server"))
        chain = audit.verify()
        report.lines.append(
            ("audit chain", chain.ok, "; ".join(chain.problems) or f"{chain.rows} rows verified")
        )
        doubled = list(
            Refund.select(Refund.order_no)
            .where(Refund.paid_at.is_null(False))
            .group_by(Refund.order_no)
            .having(pw.fn.COUNT(Refund.id) > 1)
            .tuples()
        )
        report.lines.append(
            (
                "one payment per order",
                not doubled,
                "ok" if not doubled else "paid twice: " + ", ".join(o for (o,) in doubled[:10]),
            )
        )
    return report
