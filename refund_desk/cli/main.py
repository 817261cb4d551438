"""`refund-desk`: the admin command line, and with no command the desktop app.

Every command that changes users, roles, passwords, settings, the calendar, categories,
adjustments, the monthly lifecycle, or restores a backup is signed by a user of the database
(`--user NAME`, password from the terminal or standard input) who holds the permission, and is
audited under that name. Read-only commands need no log-in. Every error a person can cause ends
as one sentence on stderr, in the chosen language, and a non-zero exit; never a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import logging
import os
import socket
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..domain import errors
from ..domain.errors import DatabaseError, RefundDeskError, Text, ValidationError
from ..domain.office_settings import SETTINGS
from ..domain.roles import parse_roles
from ..store import maintenance, migrations, session, users
from ..store.actors import Actor
from . import argparse_text, printing, refunds, stats
from .common import fail, log_in, read_password, say, signed, t

log = logging.getLogger("refund_desk")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (not the whole usage block) and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = t("（refund-desk --help 查看用法）", " (refund-desk --help shows the usage)")
        self.exit(2, f"refund-desk: {message}{hint}\n")


def _new_password(name: str) -> str:
    return read_password(Text(f"{name} 的新密码", f"New password for {name}"))


def cmd_init(args) -> int:
    """A new database and its first system administrator (the password is checked first, so a
    refused one leaves no database behind)."""
    from ..domain import validation

    name = validation.username(args.admin)
    password = _new_password(name)
    validation.password(password, validation.DEFAULT_PASSWORD_MIN)
    location = session.open_store(args.db, create=True, actor=_cli_name())
    users.create_first_sysadmin(name, args.display or name, password, _cli_name())
    say(
        f"数据库已就绪：{location.display}；已建系统管理员 {name}",
        f"Database ready: {location.display}; system administrator {name} created",
    )
    return 0


def _cli_name() -> str:
    return f"cli:{Actor.command_line().username}@{socket.gethostname()}"


def cmd_user(args) -> int:
    session.open_store(args.db)
    if args.user_command == "list":
        for user in users.list_users():
            state = Text("启用", "active") if user.active else Text("停用", "disabled")
            last = user.last_login_at.strftime("%Y-%m-%d %H:%M") if user.last_login_at else "—"
            print(f"{user.username}\t{user.display_name}\t{user.roles}\t{state}\t{last}")
        for alert in users.login_alerts():
            say(
                f"注意：用户名“{alert.name}”近 24 小时登录失败 {alert.failures} 次",
                f"Note: {alert.failures} failed log-ins under “{alert.name}” in 24 hours",
            )
        return 0
    by = log_in(args)
    if args.user_command == "add":
        roles = parse_roles(args.role)
        if not roles:
            raise ValidationError("bad_role", field="roles", role=args.role)
        users.add_user(args.name, args.display or args.name, roles, _new_password(args.name), by)
        say(f"已添加用户 {args.name}", f"User {args.name} added")
    elif args.user_command == "passwd":
        users.get_user(args.name)
        users.set_password(args.name, _new_password(args.name), by)
        say(f"已修改 {args.name} 的密码", f"Password of {args.name} changed")
    elif args.user_command in ("disable", "enable"):
        users.set_active(args.name, args.user_command == "enable", by)
        say(
            f"已{'启用' if args.user_command == 'enable' else '停用'}用户 {args.name}",
            f"User {args.name} {args.user_command}d",
        )
    elif args.user_command == "roles":
        users.set_roles(args.name, parse_roles(args.role), by)
        say(f"已修改 {args.name} 的角色", f"Roles of {args.name} changed")
    elif args.user_command == "unlock":
        users.unlock(args.name, by)
        say(f"已清除 {args.name} 的登录失败记录", f"Failed log-ins of {args.name} cleared")
    return 0


def cmd_recover_admin(args) -> int:
    """Reset (or make) a sysadmin when no one can log in as one: for whoever can write the
    file anyway, and loud: audited as a recovery by this OS user and host, listed by `check`."""
    session.open_store(args.db)
    if not args.yes:
        raise ValidationError("recovery_confirm", field="yes")
    password = _new_password(args.name)
    users.recover_sysadmin(args.name, password, _cli_name())
    say(
        f"已恢复系统管理员 {args.name}；此事已记入审计记录，refund-desk check 会列出它",
        f"System administrator {args.name} recovered; this is in the audit log and "
        "refund-desk check lists it",
    )
    return 0


def cmd_migrate(args) -> int:
    """Upgrade an older database to this program's schema: a sysadmin signs, after confirming
    that the other PCs have closed the app; a backup is made first."""
    if not args.yes:
        raise ValidationError("upgrade_confirm", field="yes")
    password = read_password(Text(f"{args.user} 的密码", f"Password for {args.user}"), False)
    done = session.upgrade(args.db, args.user, password)
    if done.found == migrations.LATEST:
        say(
            f"数据库已经是结构版本 {migrations.LATEST}，不用升级。",
            f"The database has schema version {migrations.LATEST} already: nothing to do.",
        )
        return 0
    kept = done.backup or t(
        "（PostgreSQL：请用 pg_dump 备份）", "(PostgreSQL: back up with pg_dump)"
    )
    say(
        f"已从结构版本 {done.found} 升级到 {migrations.LATEST}；升级前的备份：{kept}",
        f"Upgraded from schema version {done.found} to {migrations.LATEST}; the backup made "
        f"first: {kept}",
    )
    return 0


def cmd_demo(args) -> int:
    from ..store import demo

    location = demo.create(args.db, count=args.refunds, seed=args.seed)
    names = "、".join(name for name, _, _ in demo.DEMO_USERS)
    say(
        f"演示数据库已建好：{location.display}（只有演示数据）；用户 {names}，密码均为 "
        f"{demo.DEMO_PASSWORD}",
        f"Demo database made: {location.display} (demo data only); users "
        f"{names.replace('、', ', ')}, password {demo.DEMO_PASSWORD}",
    )
    return 0


def cmd_check(args) -> int:
    session.open_store(args.db)
    report = maintenance.check()
    label = maintenance.CHECK_LABELS
    for what, ok, detail in report.lines:
        print(f"{'OK  ' if ok else 'FAIL'} {label[what].get()}: {detail}")
    for what, detail in report.warnings:
        print(f"WARN {label[what].get()}: {detail}")
    for what, detail in report.notes:
        print(f"NOTE {label[what].get()}: {detail}")
    return 0 if report.ok else 1


def cmd_backup(args) -> int:
    session.open_store(args.db)
    path = maintenance.backup_to(args.dest, by=Actor.command_line())
    say(f"已备份到 {path}（integrity_check 通过）", f"Backed up to {path} (integrity_check ok)")
    return 0


def cmd_restore(args) -> int:
    """Signed by a sysadmin of the database being replaced; when that one cannot be opened (the
    usual reason to restore), by a sysadmin of the backup."""
    from ..domain.roles import Role
    from ..store import db as dbmod

    try:
        session.open_store(args.db)
        by = log_in(args)
    except DatabaseError:
        dbmod.bind(dbmod.parse_location(session.resolve(args.db)), must_exist=False)
        by = users.verify_in_backup(
            args.src,
            args.user,
            read_password(Text(f"{args.user} 的密码", f"Password for {args.user}"), False),
        )
    if Role.SYSADMIN not in by.roles:
        raise errors.NotAllowed(
            action=Text("从备份恢复", "restore a backup"), roles=Role.SYSADMIN.label
        )
    safety = maintenance.restore_from(args.src, by, migrations.LATEST)
    session.open_store(args.db)
    if safety:
        say(
            f"已恢复；原数据库另存为 {safety}",
            f"Restored; the previous database is kept as {safety}",
        )
    else:
        say("已恢复", "Restored")
    return 0


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            t(f"日期应为 YYYY-MM-DD：{text}", f"the date must be YYYY-MM-DD: {text}")
        ) from None
    if not 2000 <= day.year <= 2099:
        raise argparse.ArgumentTypeError(
            t(f"日期应在 2000 年至 2099 年之间：{text}", f"the date must be in 2000–2099: {text}")
        )
    return day


def cmd_calendar(args) -> int:
    from ..store import settings

    session.open_store(args.db)
    by = log_in(args)
    working = {"working": True, "off": False, "clear": None}[args.kind]
    settings.set_holiday_override(args.date, working, args.note or "", by)
    cal = settings.calendar()
    day = args.date
    state = Text("工作日", "working day") if cal.is_working_day(day) else Text("休息日", "day off")
    say(f"{day} 现为{state.zh}", f"{day} is now a {state.en}")
    return 0


def cmd_category(args) -> int:
    from ..store import settings

    session.open_store(args.db)
    if args.category_command == "add":
        by = log_in(args)
        settings.add_fault_category(args.code, args.label, args.en or "", by)
        say(f"已添加故障现象：{args.label}", f"Fault category added: {args.label}")
    else:
        for code, label in settings.fault_categories():
            print(f"{code}\t{label.zh}\t{label.en}")
    return 0


def cmd_setting(args) -> int:
    from ..store import settings

    session.open_store(args.db)
    if args.setting_command == "list":
        for key, spec in SETTINGS.items():
            stored = settings.get(key)
            print(f"{key}\t{spec.label.get()}\t{spec.show(stored) if stored else ''}")
        return 0
    by = log_in(args)
    stored = settings.put(args.key, args.value, by)
    shown = SETTINGS[args.key].show(stored)
    say(f"已修改设置 {args.key} = {shown}", f"Setting {args.key} = {shown}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="refund-desk",
        description=t(
            "退款台 Refund Desk — 客户退款流程（不带命令时打开桌面程序）",
            "Refund Desk — the customer-refund process (with no command: the desktop app)",
        ),
    )
    parser.add_argument(
        "--db",
        help=t(
            "数据库：文件路径（含 \\\\server\\share\\x.db、Z:\\x.db）"
            "或 sqlite:///… / postgresql://…；也可用环境变量 REFUND_DESK_DB",
            "the database: a file path (also \\\\server\\share\\x.db, Z:\\x.db) or "
            "sqlite:///… / postgresql://…; or the environment variable REFUND_DESK_DB",
        ),
    )
    parser.add_argument("--lang", choices=["zh", "en"], help=t("界面语言", "language"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"refund-desk {__version__}",
        help=t("显示版本号并退出", "show the version and exit"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=t(
            "在临时文件夹新建演示数据库并打开桌面程序",
            "open the desktop app on a new demo database in a temporary folder",
        ),
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    sysadmin = Text("系统管理员", "a system administrator")

    p = sub.add_parser(
        "init",
        help=t(
            "新建数据库和第一个系统管理员", "make a new database and its first system administrator"
        ),
    )
    p.add_argument(
        "--admin",
        metavar="NAME",
        required=True,
        help=t(
            "第一个系统管理员的用户名（密码从终端或标准输入读）",
            "the first system administrator's user name (password from the terminal or "
            "standard input)",
        ),
    )
    p.add_argument("--display", help=t("显示姓名", "display name"))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("user", help=t("用户管理", "users"))
    us = p.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    q = us.add_parser(
        "add",
        help=t(
            "添加用户（先读签署人的密码，再读新用户的密码）",
            "add a user (the signer's password first, then the new user's)",
        ),
    )
    q.add_argument("name")
    q.add_argument(
        "--role",
        required=True,
        help=t("角色，逗号分隔：", "roles, comma-separated: ")
        + "clerk,cs_lead,tech,cashier,accountant,finance_director,president,admin,sysadmin",
    )
    q.add_argument("--display", help=t("显示姓名", "display name"))
    signed(q, sysadmin)
    us.add_parser("list", help=t("列出用户", "list the users"))
    for name, zh, en in (
        (
            "passwd",
            "改密码（先读签署人的密码，再读新密码）",
            "set a password (the signer's first, then the new one)",
        ),
        ("disable", "停用", "disable"),
        ("enable", "启用", "enable"),
        ("unlock", "清除登录失败记录", "clear failed log-ins"),
    ):
        q = us.add_parser(name, help=t(zh, en))
        q.add_argument("name")
        signed(q, sysadmin)
    q = us.add_parser("roles", help=t("改角色", "set the roles"))
    q.add_argument("name")
    q.add_argument("--role", required=True)
    signed(q, sysadmin)
    p.set_defaults(func=cmd_user)

    p = sub.add_parser(
        "migrate",
        help=t(
            "把旧版本的数据库升级到本程序的结构（先备份）",
            "upgrade an older database to this program's schema (a backup first)",
        ),
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help=t("确认其他电脑都已关闭退款台", "confirm that every other PC has closed the app"),
    )
    signed(p, sysadmin)
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser(
        "recover-admin",
        help=t(
            "忘记系统管理员密码时重置（会记入审计记录）",
            "reset a lost sysadmin password (recorded in the audit log)",
        ),
    )
    p.add_argument("name")
    p.add_argument("--yes", action="store_true", help=t("确认要这样做", "confirm"))
    p.set_defaults(func=cmd_recover_admin)

    p = sub.add_parser(
        "demo",
        help=t(
            "新建一个只有演示数据的数据库（各角色用户，密码 demo）",
            "make a new database of demo data only (users of every role, password demo)",
        ),
    )
    p.add_argument("--refunds", type=int, default=200, metavar="N")
    p.add_argument("--seed", type=int, default=7, metavar="S")
    p.set_defaults(func=cmd_demo)

    sub.add_parser(
        "check",
        help=t(
            "完整性、结构、审计链与每行封记检查", "integrity, schema, audit chain and row seals"
        ),
    ).set_defaults(func=cmd_check)
    p = sub.add_parser(
        "backup", help=t("用 SQLite 备份接口备份", "back up with SQLite's backup API")
    )
    p.add_argument("dest")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser(
        "restore", help=t("从备份恢复（原库另存）", "restore a backup (the old file is kept)")
    )
    p.add_argument("src")
    signed(p, sysadmin)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "calendar",
        help=t("工作日历调整（调休、临时放假）", "working calendar (make-up days, days off)"),
    )
    p.add_argument("date", type=_date, help="YYYY-MM-DD")
    p.add_argument("kind", choices=["working", "off", "clear"])
    p.add_argument("--note")
    signed(p, Text("系统管理员或行政部", "a system administrator or the admin department"))
    p.set_defaults(func=cmd_calendar)

    p = sub.add_parser("category", help=t("故障现象列表（可扩充）", "fault categories"))
    cs = p.add_subparsers(dest="category_command", required=True, parser_class=_Parser)
    cs.add_parser("list", help=t("列出", "list"))
    q = cs.add_parser("add", help=t("添加或恢复一个故障现象", "add or bring back a fault category"))
    q.add_argument("code")
    q.add_argument("label", help=t("中文名称", "Chinese name"))
    q.add_argument("--en", help="English label")
    signed(q, sysadmin)
    p.set_defaults(func=cmd_category)

    p = sub.add_parser(
        "setting",
        help=t(
            "设置（订单号格式、金额上限等）", "settings (order-number pattern, amount ceiling, …)"
        ),
    )
    ss = p.add_subparsers(dest="setting_command", required=True, parser_class=_Parser)
    ss.add_parser("list", help=t("列出", "list"))
    q = ss.add_parser("set", help=t("修改一项设置", "change a setting"))
    q.add_argument("key", choices=sorted(SETTINGS))
    q.add_argument("value")
    signed(q, sysadmin)
    p.set_defaults(func=cmd_setting)

    printing.register(sub)
    refunds.register(sub)
    stats.register(sub)
    return parser


def _open_app(args) -> int:
    from .. import app  # Qt only when the window is wanted: the commands never load it

    return app.main(args)


def _language(argv: Sequence[str]) -> str:
    """--lang from the arguments before they are parsed (the help is written in it)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("REFUND_DESK_LANG", "zh")


def _bad_argument(argv: Sequence[str]) -> str | None:
    """An argument that is not valid text (bytes that were not UTF-8 arrive as surrogates)."""
    for arg in argv:
        if any(0xD800 <= ord(c) <= 0xDFFF for c in arg) or "\x00" in arg:
            return arg.encode("utf-8", "replace").decode("utf-8")
    return None


_OS_ERRORS = {
    errno.ENOENT: Text("文件或文件夹不存在", "no such file or folder"),
    errno.EACCES: Text("没有权限", "permission denied"),
    errno.EPERM: Text("没有权限", "permission denied"),
    errno.ENOSPC: Text("磁盘已满", "the disk is full"),
    errno.EROFS: Text("磁盘是只读的", "the disk is read-only"),
    errno.EISDIR: Text("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.ENOTDIR: Text("路径中有一段不是文件夹", "a part of the path is not a folder"),
    errno.EEXIST: Text("文件已存在", "the file exists already"),
}


def _os_error(e: OSError) -> str:
    why = _OS_ERRORS.get(e.errno, Text(f"错误号 {e.errno}", f"error {e.errno}"))
    where = e.filename or ""
    return t(
        f"文件操作失败：{where}（{why.zh}）。", f"A file operation failed: {where} ({why.en})."
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    errors.set_language(_language(argv))
    argparse_text.install(errors.LANG)
    bad = _bad_argument(argv)
    if bad is not None:
        return fail(
            t(
                f"参数含有无法识别的字符（不是 UTF-8 文本）：{bad}",
                f"An argument is not valid text (not UTF-8): {bad}",
            ),
            2,
        )
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "func", _open_app)
    try:
        return handler(args)
    except RefundDeskError as e:
        return fail(e.text())
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output piped into `head` or a pager that quit: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit must not fail again
        return 0
    except OSError as e:
        return fail(_os_error(e))
    except Exception as e:  # a bug: one sentence here, the traceback in the log
        log.exception("command failed")
        return fail(
            t(
                f"程序内部错误（{type(e).__name__}），这次操作没有完成；详细信息已写入日志。",
                f"Internal error ({type(e).__name__}); the command did not complete. The details "
                "are in the log.",
            )
        )


if __name__ == "__main__":
    sys.exit(main())
