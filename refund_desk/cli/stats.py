"""`refund-desk stats …`: every registered report (`reports.catalogue`), the monthly tables'
lifecycle and adjustments.

    refund-desk stats REPORT PARAMETERS [--xlsx FILE] [--pdf FILE] [--json]
        cs|finance|reconcile|by-state --month YYYY-MM
        analytics --from YYYY-MM-DD --to YYYY-MM-DD [--by week|month]
    refund-desk stats status --month YYYY-MM
    refund-desk stats prepare|approve|submit|archive cs|finance --month YYYY-MM --user NAME
    refund-desk stats adjust FORM_NO --amount -8.50 --reason TEXT --user NAME
    refund-desk stats plant-demo [--month YYYY-MM]

Lifecycle steps are signed by a user of the app: `--user NAME`, password from the terminal or
one line of standard input. A report exits 1 when it says something needs someone (the
reconciliation while the two tables differ)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal

from ..domain import errors
from ..domain.calendar import YEARS, month_key, parse_month
from ..domain.errors import Text
from ..domain.money import format_yuan
from ..domain.report_flow import ReportAction, ReportKind, ReportState
from ..domain.sla import OFFICE_TZ
from ..reports import catalogue, closing
from ..reports.report import Param, ParamKind, ReportResult, cell_text, result_json
from ..store import adjustments, monthly_reports, queries, session
from ..store.actors import Actor
from .common import log_in, say, signed, t


def month_argument(text: str) -> str:
    """A month as the commands take it ("2026-11"), or the usage error saying how to write it."""
    try:
        return month_key(*parse_month(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            Text(
                f"月份应为 YYYY-MM（2000–2099 年），例如 2026-11：{text}",
                f"the month must be YYYY-MM (2000–2099), e.g. 2026-11: {text}",
            ).get()
        ) from None


def _day(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        day = None
    if day is None or day.year not in YEARS:
        raise argparse.ArgumentTypeError(
            Text(
                f"日期应为 YYYY-MM-DD（2000–2099 年）：{text}",
                f"the date must be YYYY-MM-DD (2000–2099): {text}",
            ).get()
        )
    return day


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "stats",
        help=t("月度退单统计表、核对、分析", "monthly statistics, reconciliation, analytics"),
    )
    sub = p.add_subparsers(dest="stats_command", required=True, parser_class=type(p))
    for spec in catalogue.REPORTS:
        q = sub.add_parser(spec.name, help=spec.title.get())
        for param in spec.params:
            _add_param(q, param)
        q.add_argument("--xlsx", metavar="FILE", help=t("导出 Excel", "export to Excel"))
        q.add_argument("--pdf", metavar="FILE", help=t("导出 PDF（打印版式）", "export the PDF"))
        q.add_argument("--json", action="store_true", help=t("以 JSON 输出", "write JSON"))
        q.set_defaults(func=cmd_report, report=spec.name)
    q = sub.add_parser("status", help=t("两张表的流程状态与报送期限", "lifecycle and due date"))
    q.add_argument("--month", required=True, type=month_argument, metavar="YYYY-MM")
    q.set_defaults(func=cmd_status)
    for action in ReportAction:
        q = sub.add_parser(action.value, help=action.label.get())
        q.add_argument("kind", choices=[k.value for k in ReportKind])
        q.add_argument("--month", required=True, type=month_argument, metavar="YYYY-MM")
        signed(q, Text("签署这一步的人", "who signs this step"))
        q.set_defaults(func=cmd_lifecycle, step=action.value)
    q = sub.add_parser(
        "adjust", help=t("登记调整（记入当前月份，待财务总监审批）", "record an adjustment")
    )
    q.add_argument("form_no", help=t("原退款单编号", "the refund's form number"))
    q.add_argument("--amount", required=True, help=t("调整金额，例如 -8.50", "e.g. -8.50"))
    q.add_argument("--reason", required=True)
    signed(q, Text("出纳、会计、财务总监或行政部", "cashier, accountant, director or admin"))
    q.set_defaults(func=cmd_adjust)
    q = sub.add_parser("adjustments", help=t("待审批的调整", "adjustments awaiting approval"))
    q.set_defaults(func=cmd_adjustments)
    for name, zh, en in (
        ("approve-adjustment", "审批一项调整", "approve an adjustment"),
        ("reject-adjustment", "驳回一项调整", "reject an adjustment"),
    ):
        q = sub.add_parser(name, help=t(zh, en))
        q.add_argument("id", type=int)
        q.add_argument(
            "--opinion", required=True, help=t("审批意见或驳回原因", "opinion or reason")
        )
        signed(q, Text("财务总监（不是登记人）", "the finance director (not who recorded it)"))
        q.set_defaults(func=cmd_decide, approve=name.startswith("approve"))
    q = sub.add_parser(
        "plant-demo",
        help=t("在演示数据库中造一个有差异的月份", "plant a month with differences (demo only)"),
    )
    q.add_argument("--month", type=month_argument, metavar="YYYY-MM")
    q.set_defaults(func=cmd_plant)


def money(amount: Decimal) -> str:
    """Money for scripts: "1280.00" (no grouping, two decimals)."""
    return format_yuan(amount, grouping=False)


def _written(path: str, size: int) -> None:
    print(
        Text(
            f"已写入 {path}（{size // 1024 + 1} KB）", f"Written {path} ({size // 1024 + 1} KB)"
        ).get(),
        file=sys.stderr,
    )


def _add_param(parser: argparse.ArgumentParser, param: Param) -> None:
    if param.kind == ParamKind.MONTH:
        kind: dict = {"type": month_argument, "metavar": "YYYY-MM", "required": True}
    elif param.kind == ParamKind.DATE:
        kind = {"type": _day, "metavar": "YYYY-MM-DD", "required": True}
    else:
        choices = [code for code, _ in param.choices]
        kind = {
            "choices": choices,
            "default": param.default(dt.datetime.now(OFFICE_TZ).date())
            if param.default
            else choices[0],
        }
    parser.add_argument(param.option, dest=param.name, help=param.label.get(), **kind)


def print_result(result: ReportResult, lang: str) -> None:
    """A report as text: title, figures or headline, each table tab-separated, notes."""
    print(f"{result.title.get(lang)}  {result.caption}".rstrip())
    figures = "  ".join(
        f"{f.label.get(lang)} {cell_text(f.value, f.kind, lang) or '—'}" for f in result.figures
    )
    if figures and result.headline is None:  # a headline already sums them up
        print(figures)
    if result.headline is not None:
        print(result.headline.get(lang))
    for table in result.tables:
        if len(result.tables) > 1:
            print(f"\n{table.title.get(lang)}")
        kinds = [c.kind for c in table.columns]
        rows = list(table.rows) + ([table.total_row()] if table.has_total else [])
        print("\t".join(c.label.get(lang) for c in table.columns))
        for row in rows:
            print("\t".join(cell_text(v, k, lang) for v, k in zip(row, kinds, strict=True)))
    for f in result.signatures:
        print(f"{f.label.get(lang)} {cell_text(f.value, f.kind, lang) or '—'}")
    for note in result.notes:
        print(note.get(lang))


def cmd_report(args: argparse.Namespace) -> int:
    session.open_store(args.db)
    spec, lang = catalogue.get(args.report), errors.LANG
    params = {p.name: getattr(args, p.name) for p in spec.params}
    result = spec.run(lang=lang, **params)
    if args.xlsx:
        from ..reports import xlsx  # openpyxl loads only for an export

        data = xlsx.workbook(result, lang=lang)
        with open(args.xlsx, "wb") as f:
            f.write(data)
        _written(args.xlsx, len(data))
    if args.pdf:
        from ..printing import jobs

        data = jobs.report_pdf(Actor.command_line(), spec.name, params, log=False)
        with open(args.pdf, "wb") as f:
            f.write(data)
        _written(args.pdf, len(data))
    if args.json or (spec.default_json and not (args.xlsx or args.pdf)):
        out = spec.json(result, lang) if spec.json else result_json(result, lang)
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif not (args.xlsx or args.pdf):
        print_result(result, lang)
    return 0 if result.ok else 1


def cmd_status(args: argparse.Namespace) -> int:
    session.open_store(args.db)
    for kind in ReportKind:
        s = monthly_reports.status(kind, args.month)
        late = t("（逾期）", " (late)") if s.late and s.state != ReportState.NONE else ""
        print(f"{kind}\t{s.label}\tv{s.version}\t{t('报送期限', 'due')} {s.due}{late}")
    return 0


def cmd_lifecycle(args: argparse.Namespace) -> int:
    session.open_store(args.db)
    actor = log_in(args)
    action = ReportAction(args.step)
    if action == ReportAction.PREPARE:
        s = monthly_reports.prepare(actor, args.kind, args.month)
    else:
        current = monthly_reports.status(args.kind, args.month)
        if action == ReportAction.ARCHIVE:
            s = closing.archive(actor, args.kind, args.month, current.version)
        else:
            s = monthly_reports.step(actor, args.kind, args.month, action, current.version)
    print(f"{args.kind} {args.month}: {s.label}（v{s.version}）")
    return 0


def cmd_plant(args: argparse.Namespace) -> int:
    from ..reports import demo

    session.open_store(args.db)
    year, month = parse_month(args.month) if args.month else (None, None)
    planted = demo.plant_differences(year, month)
    print(
        Text(f"已在 {planted.month} 造出差异：", f"Differences planted in {planted.month}: ").get()
        + ", ".join(f"{kind} {form}" for kind, form in planted.differences)
    )
    return 0


def cmd_adjust(args: argparse.Namespace) -> int:
    session.open_store(args.db)
    refund = queries.get_refund(form_no=args.form_no)
    actor = log_in(args)
    adj = adjustments.record(actor, refund.id, args.amount, args.reason)
    say(
        f"已登记调整 #{adj.id}：{adj.form_no} {money(adj.amount)} 元，记入 {adj.month}，"
        "待财务总监审批",
        f"Adjustment #{adj.id} recorded: {adj.form_no} {money(adj.amount)} yuan, in "
        f"{adj.month}, awaiting the director's approval",
    )
    return 0


def cmd_adjustments(args: argparse.Namespace) -> int:
    session.open_store(args.db)
    for a in adjustments.pending():
        print(f"#{a.id}\t{a.form_no}\t{money(a.amount)}\t{a.month}\t{a.recorded_by}\t{a.reason}")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    session.open_store(args.db)
    current = adjustments.get(args.id)
    actor = log_in(args)
    adj = adjustments.decide(actor, args.id, current.version, args.approve, args.opinion)
    say(
        f"调整 #{adj.id}（{adj.form_no}）：{adj.state.label.zh}",
        f"Adjustment #{adj.id} ({adj.form_no}): {adj.state.label.en}",
    )
    return 0
