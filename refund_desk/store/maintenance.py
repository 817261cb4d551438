"""Backup, restore and the integrity check behind `refund-desk backup|restore|check`.

What `check` proves, and what it cannot, is written in the README ("How the data is kept
safe"): the file's integrity, its schema against its version's frozen description (tables,
columns, indexes, triggers), the audit chain, the seal of every row, this PC's anchor of the
chain, separation of duties, and the money invariants."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
from dataclasses import dataclass, field

import peewee as pw

from ..domain.duties import CONFLICT_PAIRS
from ..domain.errors import DatabaseError, Text
from ..domain.money import MAX_FEN
from . import anchor, audit, schema, seals
from . import db as dbmod
from .actors import Actor, utcnow
from .models import AuditLog, DutyConflict, DutyHolder, Refund, Setting


def _t(zh: str, en: str) -> str:
    """A sentence of the report, in the chosen language."""
    return Text(zh, en).get()


# What each line of the report is about, as a person reads it.
def _ok() -> str:
    return _t("无误", "ok")


CHECK_LABELS: dict[str, Text] = {
    "integrity_check": Text("文件完整性 integrity_check", "integrity_check"),
    "journal_mode": Text("日志模式 journal_mode", "journal_mode"),
    "foreign_key_check": Text("外键 foreign_key_check", "foreign_key_check"),
    "schema": Text("数据库结构", "schema"),
    "audit chain": Text("审计链", "audit chain"),
    "row seals": Text("每行封记", "row seals"),
    "audit anchor": Text("本机审计锚点", "audit anchor"),
    "separation of duties": Text("不相容职务分离", "separation of duties"),
    "one payment per order": Text("一单只付一次", "one payment per order"),
    "amounts whole fen, in range": Text("金额为整数分且在范围内", "amounts whole fen, in range"),
    "working calendar": Text("工作日历", "working calendar"),
    "version": Text("版本", "version"),
    "demo": Text("演示数据库", "demo"),
    "sysadmin recovery": Text("系统管理员恢复", "sysadmin recovery"),
    "restore": Text("恢复", "restore"),
}


@dataclass
class CheckReport:
    lines: list[tuple[str, bool, str]] = field(default_factory=list)  # (what, ok, detail)
    notes: list[tuple[str, str]] = field(default_factory=list)  # what to know, not a fault
    warnings: list[tuple[str, str]] = field(default_factory=list)  # to act on, not a fault

    @property
    def ok(self) -> bool:
        return all(ok for _, ok, _ in self.lines)

    def failures(self) -> list[str]:
        return [f"{what}: {detail}" for what, ok, detail in self.lines if not ok]


def _sqlite_only(what: Text) -> None:
    if not dbmod.location().is_sqlite:
        raise DatabaseError("sqlite_only", what=what)


def integrity_of(path: str) -> str:
    """SQLite's integrity_check of a file, or a sentence when it is not an SQLite database."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as e:
        return f"cannot open: {e}"
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as e:
        return f"not an SQLite database ({e})"
    finally:
        con.close()


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds: its schema version and the audit head it contains."""

    path: str
    schema_version: int
    head_seq: int
    head_hash: str
    database_id: str


def backup_info(path: str) -> BackupInfo:
    """Read a backup's version, head and identity (a sentence if it is not one of ours)."""
    result = integrity_of(path)
    if result != "ok":
        raise DatabaseError("not_a_backup", where=path, why=result)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = con.execute("SELECT version FROM schema_version WHERE id = 1").fetchone()[0]
        head = con.execute("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").fetchone()
        ident = ""
        if version >= 3:
            row = con.execute("SELECT value FROM setting WHERE key = 'database_id'").fetchone()
            ident = row[0] if row else ""
    except (sqlite3.DatabaseError, TypeError):
        raise DatabaseError("not_a_backup", where=path, why=_NOT_OURS) from None
    finally:
        con.close()
    return BackupInfo(path, version, head[0] if head else 0, head[1] if head else "", ident)


def backup_to(dest: str, by: Actor | None = None) -> str:
    """Copy the live database with SQLite's backup API (consistent while others write), then
    check the copy and write down in the live database which head it holds. Returns its path."""
    _sqlite_only(Text("备份", "backup"))
    dest = os.path.abspath(dest)
    if os.path.isdir(dest):
        base = os.path.basename(dbmod.location().target)
        dest = os.path.join(dest, base + ".bak")
    if _same_file(dest, dbmod.location().target):
        raise DatabaseError("backup_onto_itself", where=dest)
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
    if by is not None:
        info = backup_info(dest)
        with dbmod.write():
            audit.append(
                by.audit_name,
                "backup",
                "database",
                "-",
                {"file": dest, "head_seq": info.head_seq, "head_hash": info.head_hash},
                utcnow(),
            )
    return dest


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def restore_from(src: str, by: Actor, known_version: int | None = None) -> str:
    """Replace the bound database's content with `src` (after checking it), keeping a safety
    copy of what was there, and write the restore into the restored history. Refused for a
    backup of another schema version than this program's (migrate the backup first), for a
    backup of another database, and onto the file itself. Returns the safety copy's path ('' if
    there was nothing)."""
    _sqlite_only(Text("恢复", "restore"))
    if not os.path.isfile(src):
        raise DatabaseError("db_unreachable", where=src, why=Text("文件不存在。", "no such file."))
    target_path = dbmod.location().target
    if os.path.exists(target_path) and _same_file(src, target_path):
        raise DatabaseError("restore_onto_itself", where=src)
    info = backup_info(src)
    known_version = known_version or _latest()
    if info.schema_version > known_version:
        raise DatabaseError("backup_newer", found=info.schema_version, known=known_version)
    if info.schema_version != known_version:
        raise DatabaseError("backup_version", found=info.schema_version, known=known_version)
    replaced = (0, audit.GENESIS)
    current_id = ""
    safety = ""
    if os.path.exists(target_path) and os.path.getsize(target_path) > 0:
        try:
            replaced = audit.head()
            current_id = _setting("database_id")
        except DatabaseError:  # the file being replaced is unreadable: that is why we restore
            pass
        if current_id and info.database_id and current_id != info.database_id:
            raise DatabaseError("backup_other_database", where=src)
        safety = backup_to(target_path + ".before-restore.bak")
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        with dbmod.connection() as database, dbmod.translate_errors():
            source.backup(database.connection())
            dbmod.use_rollback_journal(database)
    finally:
        source.close()
    with dbmod.write():
        audit.append(
            by.audit_name,
            "restore",
            "database",
            "-",
            {
                "file": os.path.abspath(src),
                "backup_head_seq": info.head_seq,
                "backup_head_hash": info.head_hash,
                "replaced_head_seq": replaced[0],
                "replaced_head_hash": replaced[1],
                "kept_as": safety,
            },
            utcnow(),
        )
    anchor.bind(info.database_id or current_id, dbmod.location().display)
    seq, digest = audit.head()
    anchor.saw(seq, digest, force=True)
    return safety


def _setting(key: str) -> str:
    with dbmod.connection():
        row = Setting.get_or_none(Setting.key == key)
    return row.value if row else ""


_NOT_OURS = Text("不是退款台的数据库或备份。", "it is not a Refund Desk database or backup.")


# ---- check ----------------------------------------------------------------------------------


def _latest() -> int:
    from .migrations import LATEST

    return LATEST


def check(known_version: int | None = None) -> CheckReport:
    """Everything `refund-desk check` reports (see the module text)."""
    known_version = known_version or _latest()
    report = CheckReport()
    # This PC's anchor is read before anything of the database: another process of this PC may
    # commit (and move the anchor) while the check reads, and must not look like a lost row.
    kept = anchor.recall()
    with dbmod.connection() as database:
        if isinstance(database, pw.SqliteDatabase):
            rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
            healthy = rows == ["ok"]
            report.lines.append(
                ("integrity_check", healthy, _ok() if healthy else "; ".join(rows[:5]))
            )
            mode = database.execute_sql("PRAGMA journal_mode").fetchone()[0]
            report.lines.append(("journal_mode", mode == "delete", mode))
            fk = database.execute_sql("PRAGMA foreign_key_check").fetchall()
            report.lines.append(
                (
                    "foreign_key_check",
                    not fk,
                    _t(f"{len(fk)} 处引用断了", f"{len(fk)} broken references") if fk else _ok(),
                )
            )
        else:
            report.lines.append(
                (
                    "integrity_check",
                    True,
                    _t("PostgreSQL：由服务器检查", "PostgreSQL: checked by the server"),
                )
            )
        _check_schema(database, known_version, report)
        chain = audit.verify(with_seals=True)
        report.lines.append(
            (
                "audit chain",
                chain.ok,
                "; ".join(p.get() for p in chain.problems)
                or _t(f"{chain.rows} 行都验证无误", f"{chain.rows} rows verified"),
            )
        )
        _check_seals(chain, report)
        _check_anchor(chain, report, kept)
        _check_duties(report)
        _check_money(report)
        _notes(report, known_version)
    return report


def _check_schema(database: pw.Database, known_version: int, report: CheckReport) -> None:
    found = dbmod.schema_version_of(database)
    dialect = schema.dialect(database)
    if found != known_version:
        report.lines.append(
            (
                "schema",
                False,
                _t(
                    f"文件头里的结构版本是 {found}，本程序是 {known_version}",
                    f"version {found} in the file header, this program is {known_version}",
                ),
            )
        )
        return
    difference = schema.compare(schema.frozen(dialect, found), schema.describe(database))
    report.lines.append(
        (
            "schema",
            difference.same,
            _t(f"与发布的结构版本 {found} 一致", f"version {found} as released")
            if difference.same
            else _t(f"与结构版本 {found} 不一致：", f"differs from version {found}: ")
            + "; ".join(difference.lines(12)),
        )
    )


def _check_seals(chain: audit.ChainReport, report: CheckReport, limit: int = 20) -> None:
    """Every row of every sealed table against its newest seal in the chain."""
    findings: list[seals.SealFinding] = []
    latest = dict(chain.latest_seals)
    for model in seals.SEALED:
        for name, digest in seals.all_rows(model):
            sealed = latest.pop(name, None)
            if sealed is None or sealed[0] is None:
                findings.append(seals.SealFinding("unsealed", name, None))
            elif sealed[0] != digest:
                findings.append(seals.SealFinding("changed", name, sealed[1]))
    tables = {m._meta.table_name for m in seals.SEALED}
    for name, (digest, seq) in latest.items():
        if digest is not None and name.split("/", 1)[0] in tables:
            findings.append(seals.SealFinding("deleted", name, seq))
    if not chain.ok:
        # The seals past a break in the chain were not read: say so rather than guess.
        report.lines.append(
            (
                "row seals",
                False,
                _t("审计链断了，断处之后没有检查", "not checked past the break in the audit chain"),
            )
        )
        return
    detail = "; ".join(f.text().get() for f in findings[:limit])
    if len(findings) > limit:
        detail += _t(f"；…… 另有 {len(findings) - limit} 处", f"; … {len(findings) - limit} more")
    report.lines.append(
        (
            "row seals",
            not findings,
            detail or _t("每一行都与封记相符", "every row matches its seal"),
        )
    )


def _restores() -> list[dict]:
    rows = (
        AuditLog.select(AuditLog.seq, AuditLog.at, AuditLog.actor, AuditLog.detail)
        .where(AuditLog.action == "restore")
        .order_by(AuditLog.seq)
        .tuples()
    )
    return [
        {"seq": seq, "at": at, "actor": actor, **json.loads(detail)}
        for seq, at, actor, detail in rows
    ]


def calendar_warning(calendar, today: dt.date | None = None) -> str:
    """A sentence when the working calendar lacks the holiday arrangement it needs now."""
    from ..domain.errors import message
    from ..domain.sla import OFFICE_TZ

    today = today or dt.datetime.now(OFFICE_TZ).date()
    years = calendar.missing_arrangements(today)
    if not years:
        return ""
    return message(
        "calendar_stale", {"years": "、".join(map(str, years)), "example": f"{years[-1]}-02-06"}
    )


def anchor_warning() -> str:
    """ "" when this PC's newest sight of the chain is still in it (or a restore explains why
    not), else a sentence for the window to show (two statements, not a walk of the chain)."""
    kept = anchor.recall()
    if kept is None:
        seq, digest = audit.head()
        anchor.saw(seq, digest)
        return ""
    if audit.hash_at(kept.seq) == kept.hash:
        anchor.saw(*audit.head())
        return ""
    with dbmod.connection():
        explained = any(r.get("replaced_head_seq", 0) >= kept.seq for r in _restores())
    if explained:
        anchor.saw(*audit.head(), force=True)
        return ""
    return Text(
        f"这台电脑上次看到这个数据库的审计记录到第 {kept.seq} 行（{kept.at[:10]}），"
        "现在的数据库与之不符：它的历史被截短或改写过，或被换成了旧的副本。"
        "请通知系统管理员运行 refund-desk check。",
        f"This PC last saw this database's audit log up to row {kept.seq} ({kept.at[:10]}), and "
        "the database no longer matches it: its history was cut or rewritten, or an older copy "
        "was put in its place. Tell the system administrator to run refund-desk check.",
    ).get()


def _check_anchor(
    chain: audit.ChainReport, report: CheckReport, kept: anchor.Anchor | None
) -> None:
    """This PC's newest sight of the chain must still be in it, or be explained by a restore."""
    if kept is None:
        report.notes.append(
            (
                "audit anchor",
                _t(
                    "这台电脑以前没有看过这个数据库",
                    "this PC has no earlier sight of this database",
                ),
            )
        )
        return
    here = audit.hash_at(kept.seq)
    if here == kept.hash:
        report.lines.append(
            (
                "audit anchor",
                True,
                _t(
                    f"第 {kept.seq} 行与这台电脑 {kept.at[:10]} 看到的一致",
                    f"row {kept.seq} as this PC saw it on {kept.at[:10]}",
                ),
            )
        )
        if chain.ok:
            anchor.saw(*chain.head)
        return
    for r in reversed(_restores()):
        if r.get("replaced_head_seq", 0) >= kept.seq:
            report.notes.append(
                (
                    "audit anchor",
                    _t(
                        f"这台电脑 {kept.at[:10]} 看到第 {kept.seq} 行；之后 {r['actor']} 用 "
                        f"{r.get('file')}（到第 {r.get('backup_head_seq')} 行）恢复了数据库"
                        f"（审计记录第 {r['seq']} 行），"
                        f"换下的到第 {r.get('replaced_head_seq')} 行，"
                        f"另存在 {r.get('kept_as') or '（无副本）'}",
                        f"this PC saw row {kept.seq} on {kept.at[:10]}; the history was restored "
                        f"from {r.get('file')} (rows up to {r.get('backup_head_seq')}) by "
                        f"{r['actor']} at audit row {r['seq']}, replacing rows up to "
                        f"{r.get('replaced_head_seq')}, kept in {r.get('kept_as') or '(no copy)'}",
                    ),
                )
            )
            if chain.ok:
                anchor.saw(*chain.head, force=True)
            return
    shorter = chain.rows < kept.seq
    report.lines.append(
        (
            "audit anchor",
            False,
            _t(
                f"这台电脑 {kept.at[:10]} 看到过审计记录第 {kept.seq} 行，数据库"
                + (f"却只有 {chain.rows} 行" if shorter else "那一行却不一样")
                + "：它的历史被截短或改写过，或者有人没用 refund-desk restore 换上了旧副本",
                f"this PC saw audit row {kept.seq} on {kept.at[:10]}, but the database "
                + (f"has only {chain.rows} rows" if shorter else "has another row there")
                + ": its history was cut or rewritten, or an older copy was put in place "
                "without `refund-desk restore`",
            ),
        )
    )


def _check_duties(report: CheckReport) -> None:
    """No person holds two separated duties on one record (the history before the database
    enforced it included), and the database's own rule is the domain's."""
    a, b = DutyHolder.alias("a"), DutyHolder.alias("b")
    clashes = list(
        a.select(a.entity, a.entity_id, a.user, a.duty, b.duty)
        .join(b, on=((a.entity == b.entity) & (a.entity_id == b.entity_id) & (a.user == b.user)))
        .join(DutyConflict, on=((DutyConflict.duty == a.duty) & (DutyConflict.other == b.duty)))
        .where(a.duty < b.duty)
        .limit(20)
        .tuples()
    )
    stored = set(DutyConflict.select(DutyConflict.duty, DutyConflict.other).tuples())
    declared = {(x.value, y.value) for x, y in CONFLICT_PAIRS}
    detail = "; ".join(
        _t(f"{e} {i}：用户 {u} 同时担任 {x} 和 {y}", f"{e} {i}: user {u} holds {x} and {y}")
        for e, i, u, x, y in clashes
    )
    if stored != declared:
        detail = (detail + "; " if detail else "") + _t(
            "数据库里的规则与程序的不同", "the database's rule differs from the program's"
        )
    report.lines.append(("separation of duties", not detail, detail or _ok()))


def _check_money(report: CheckReport) -> None:
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
            _ok()
            if not doubled
            else _t("付了两次：", "paid twice: ") + ", ".join(o for (o,) in doubled[:10]),
        )
    )
    bad = [
        form_no
        for form_no, fen in Refund.select(Refund.form_no, Refund.amount_fen).tuples()
        if isinstance(fen, bool) or not isinstance(fen, int) or not 1 <= fen <= MAX_FEN
    ]
    report.lines.append(
        (
            "amounts whole fen, in range",
            not bad,
            _ok()
            if not bad
            else _t("不是整数分或超出范围：", "not whole fen or out of range: ")
            + ", ".join(bad[:10]),
        )
    )


def _notes(report: CheckReport, known_version: int) -> None:
    from .. import __version__
    from . import settings

    report.notes.append(
        (
            "version",
            _t(
                f"退款台 {__version__}，数据库结构 {known_version}",
                f"Refund Desk {__version__}, schema {known_version}",
            ),
        )
    )
    stale = calendar_warning(settings.calendar())
    if stale:
        report.warnings.append(("working calendar", stale))
    if _setting("database_kind") == "demo":
        report.notes.append(
            ("demo", _t("这是演示数据库（演示数据）", "this is a demo database (演示数据)"))
        )
    for seq, at, actor, detail in (
        AuditLog.select(AuditLog.seq, AuditLog.at, AuditLog.actor, AuditLog.detail)
        .where(AuditLog.action == "admin_recovery")
        .order_by(AuditLog.seq)
        .tuples()
    ):
        who = json.loads(detail).get("username", "?")
        report.notes.append(
            (
                "sysadmin recovery",
                _t(
                    f"{at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC：{actor} 重置了系统管理员 {who}"
                    f"（审计记录第 {seq} 行）",
                    f"{at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC: {actor} reset the sysadmin "
                    f"{who} (audit row {seq})",
                ),
            )
        )
    for r in _restores():
        report.notes.append(
            (
                "restore",
                _t(
                    f"审计记录第 {r['seq']} 行：{r['actor']} 用 {r.get('file')}（到第 "
                    f"{r.get('backup_head_seq')} 行）恢复，换下的到第 {r.get('replaced_head_seq')}"
                    f" 行（另存在 {r.get('kept_as') or '无副本'}）",
                    f"audit row {r['seq']}: {r['actor']} restored {r.get('file')} (its rows up "
                    f"to {r.get('backup_head_seq')}), replacing rows up to "
                    f"{r.get('replaced_head_seq')} (kept in {r.get('kept_as') or 'no copy'})",
                ),
            )
        )
