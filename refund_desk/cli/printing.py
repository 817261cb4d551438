"""`refund-desk print …`: the paper forms as PDF files from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.errors import Text
from ..store import session
from ..store.actors import Actor
from .common import t
from .stats import month_argument


def register(subparsers) -> None:
    p = subparsers.add_parser("print", help=t("把纸质表单打印成 A4 PDF", "print a form as a PDF"))
    sub = p.add_subparsers(dest="print_command", required=True, parser_class=type(p))
    q = sub.add_parser("refund", help=t("退款申请表", "refund form"))
    q.add_argument("form_no", help=t("编号，例如 TD-2026-000123", "e.g. TD-2026-000123"))
    _output(q)
    q = sub.add_parser("handover", help=t("客服部值班交接单", "shift handover sheet"))
    q.add_argument("id", type=int)
    _output(q)
    q = sub.add_parser("stats", help=t("客服/财务退单统计表", "monthly statistics table"))
    q.add_argument("kind", choices=["cs", "finance"])
    q.add_argument("--month", required=True, type=month_argument, metavar="YYYY-MM")
    _output(q)
    p.set_defaults(func=cmd_print)


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.pdf",
        help=t("“-”：标准输出", "“-”: standard output"),
    )


def cmd_print(args: argparse.Namespace) -> int:
    from ..printing import jobs

    session.open_store(args.db)
    actor = Actor.command_line()
    if args.print_command == "refund":
        data = jobs.refund_pdf(actor, form_no=args.form_no)
    elif args.print_command == "handover":
        data = jobs.handover_pdf(actor, args.id)
    else:
        data = jobs.report_pdf(actor, args.kind, {"month": args.month})
    write(args.output, data)
    return 0


def write(output: str, data: bytes) -> None:
    if output == "-":
        sys.stdout.buffer.write(data)
        return
    path = Path(output)
    path.write_bytes(data)
    print(
        Text(
            f"已写入 {path}（{len(data) // 1024 + 1} KB）",
            f"Written {path} ({len(data) // 1024 + 1} KB)",
        ).get()
    )
