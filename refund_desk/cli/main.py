"""`refund-desk`: the admin command line, and with no command the desktop app.

Every error a person can cause ends as one sentence on stderr and a non-zero exit; never a
traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..domain import errors
from ..domain.errors import RefundDeskError, Text, ValidationError
from ..domain.roles import parse_roles
from ..store import maintenance, session, users
from ..store.actors import Actor
from . import printing, stats
from .common import fail, read_password, say

log = logging.getLogger("refund_desk")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (not the whole usage block) and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"refund-desk: {message}（refund-desk --help 查看用法）\n")


def cmd_init(args) -> int:
    location = session.open_store(args.db, create=True)
    say(f"数据库已就绪：{location.display}", f"Database ready: {location.display}")
    if args.admin:
        password = read_password(Text(f"{args.admin} 的密码", f"Password for {args.admin}"))
        users.add_user(
            args.admin, args.admin, parse_roles("sysadmin"), password, Actor.command_line()
        )
        say(f"已建系统管理员 {args.admin}", f"System administrator {args.admin} created")
    return 0


def cmd_user(args) -> int:
    session.open_store(args.db)
    by = Actor.command_line()
    if args.user_command == "add":
        roles = parse_roles(args.role)
        if not roles:
            raise ValidationError("bad_role", field="roles", role=args.role)
        password = read_password(Text(f"{args.name} 的密码", f"Password for {args.name}"))
        users.add_user(args.name, args.display or args.name, roles, password, by)
        say(f"已添加用户 {args.name}", f"User {args.name} added")
    elif args.user_command == "list":
        for user in users.list_users():
            state = Text("启用", "active") if user.active else Text("停用", "disabled")
            print(f"{user.username}\t{user.display_name}\t{user.roles}\t{state}")
    elif args.user_command == "passwd":
        users.get_user(args.name)
        users.set_password(args.name, read_password(Text("新密码", "New password")), by)
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
    return 0


def cmd_demo(args) -> int:
    from ..store import demo

    location = session.open_store(args.db, create=True)
    made = demo.fill(count=args.refunds, seed=args.seed)
    say(
        f"演示数据已写入 {location.display}：{made} 张退款单；用户 clerk1、lead1、tech1、"
        f"cashier1、accountant1、director1、president1、admin1、sysadmin，密码均为 demo",
        f"Demo data written to {location.display}: {made} refunds; users clerk1, lead1, tech1, "
        f"cashier1, accountant1, director1, president1, admin1, sysadmin, password demo",
    )
    return 0


def cmd_check(args) -> int:
    session.open_store(args.db)
    report = maintenance.check()
    for what, ok, detail in report.lines:
        print(f"{'OK  ' if ok else 'FAIL'} {what}: {detail}")
    return 0 if report.ok else 1


def cmd_backup(args) -> int:
    session.open_store(args.db)
    path = maintenance.backup_to(args.dest)
    say(f"已备份到 {path}（integrity_check 通过）", f"Backed up to {path} (integrity_check ok)")
    return 0


def cmd_restore(args) -> int:
    from ..store import db as dbmod

    location = dbmod.parse_location(session.resolve(args.db))
    dbmod.bind(location, must_exist=False)
    safety = maintenance.restore_from(args.src)
    session.open_store(args.db)  # migrates an older backup to the current schema
    if safety:
        say(
            f"已恢复；原数据库另存为 {safety}",
            f"Restored; the previous database is kept as {safety}",
        )
    else:
        say("已恢复", "Restored")
    return 0


def cmd_calendar(args) -> int:
    from ..store import settings

    session.open_store(args.db)
    day = dt.date.fromisoformat(args.date)
    working = {"working": True, "off": False, "clear": None}[args.kind]
    settings.set_holiday_override(day, working, args.note or "", Actor.command_line())
    cal = settings.calendar()
    state = Text("工作日", "working day") if cal.is_working_day(day) else Text("休息日", "day off")
    say(f"{day} 现为{state.zh}", f"{day} is now a {state.en}")
    return 0


def cmd_category(args) -> int:
    from ..store import settings

    session.open_store(args.db)
    if args.category_command == "add":
        settings.add_fault_category(args.code, args.label, args.en or "", Actor.command_line())
        say(f"已添加故障现象：{args.label}", f"Fault category added: {args.label}")
    else:
        for code, label in settings.fault_categories():
            print(f"{code}\t{label.zh}\t{label.en}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="refund-desk",
        description="退款台 Refund Desk — 客户退款流程（不带命令时打开桌面程序）",
    )
    parser.add_argument(
        "--db",
        help="数据库：文件路径（含 \\\\server\\share\\x.db、Z:\\x.db）"
        "或 sqlite:///… / postgresql://…；也可用环境变量 REFUND_DESK_DB",
    )
    parser.add_argument("--lang", choices=["zh", "en"], help="界面语言 / language")
    parser.add_argument("--version", action="version", version=f"refund-desk {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="在临时文件夹新建演示数据库并打开桌面程序"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="新建（或升级）数据库")
    p.add_argument("--admin", metavar="NAME", help="同时建第一个系统管理员")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("user", help="用户管理")
    us = p.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    q = us.add_parser("add", help="添加用户（密码从终端或标准输入读）")
    q.add_argument("name")
    q.add_argument(
        "--role",
        required=True,
        help="角色，逗号分隔：clerk,cs_lead,tech,cashier,"
        "accountant,finance_director,president,admin,sysadmin",
    )
    q.add_argument("--display", help="显示姓名")
    us.add_parser("list", help="列出用户")
    for name, text in (("passwd", "改密码"), ("disable", "停用"), ("enable", "启用")):
        us.add_parser(name, help=text).add_argument("name")
    q = us.add_parser("roles", help="改角色")
    q.add_argument("name")
    q.add_argument("--role", required=True)
    p.set_defaults(func=cmd_user)

    p = sub.add_parser("demo", help="写入演示数据（各角色用户，密码 demo）")
    p.add_argument("--refunds", type=int, default=200, metavar="N")
    p.add_argument("--seed", type=int, default=7, metavar="S")
    p.set_defaults(func=cmd_demo)

    sub.add_parser("check", help="完整性、外键、审计链检查").set_defaults(func=cmd_check)
    p = sub.add_parser("backup", help="用 SQLite 备份接口备份")
    p.add_argument("dest")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="从备份恢复（原库另存）")
    p.add_argument("src")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("calendar", help="工作日历调整（调休、临时放假）")
    p.add_argument("date", help="YYYY-MM-DD")
    p.add_argument("kind", choices=["working", "off", "clear"])
    p.add_argument("--note")
    p.set_defaults(func=cmd_calendar)

    p = sub.add_parser("category", help="故障现象列表（可扩充）")
    cs = p.add_subparsers(dest="category_command", required=True, parser_class=_Parser)
    cs.add_parser("list", help="列出")
    q = cs.add_parser("add", help="添加或恢复一个故障现象")
    q.add_argument("code")
    q.add_argument("label", help="中文名称")
    q.add_argument("--en", help="English label")
    p.set_defaults(func=cmd_category)

    printing.register(sub)
    stats.register(sub)
    return parser


def _open_app(args) -> int:
    from .. import app  # Qt only when the window is wanted: the commands never load it

    return app.main(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    errors.set_language(args.lang or os.environ.get("REFUND_DESK_LANG", "zh"))
    handler: Callable[[argparse.Namespace], int] = getattr(args, "func", _open_app)
    try:
        return handler(args)
    except RefundDeskError as e:
        return fail(e.text())
    except KeyboardInterrupt:
        return 130
    except (OSError, ValueError) as e:  # a file that cannot be written, a bad date
        return fail(str(e))


if __name__ == "__main__":
    sys.exit(main())
