"""`refund-desk stats …`: the monthly tables, their lifecycle, reconciliation and analytics.

    refund-desk stats cs|finance --month YYYY-MM [--xlsx FILE] [--pdf FILE] [--json]
    refund-desk stats reconcile --month YYYY-MM [--json]
    refund-desk stats status --month YYYY-MM
    refund-desk stats prepare|approve|submit|archive cs|finance --month YYYY-MM --user NAME
    refund-desk stats adjust FORM_NO --amount -8.50 --reason TEXT --user NAME
    refund-desk stats analytics --from YYYY-MM-DD --to YYYY-MM-DD [--by week|month] [--json|--xlsx]
    refund-desk stats plant-demo [--month YYYY-MM]

Lifecycle steps are signed by a user of the app: `--user NAME`, password from the terminal or
one line of standard input."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal

from ..domain.calendar import YEARS, month_key, parse_month
from ..domain.errors import Text
from ..domain.money import format_yuan
from ..domain.report_flow import ReportAction, ReportKind, ReportState
from ..reports import closing
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
    for kind in ReportKind:
        q = sub.add_parser(kind.value, help=kind.title.get())
        q.add_argument("--month", required=True, type=month_argument, metavar="YYYY-MM")
        q.add_argument("--xlsx", metavar="FILE", help=t("导出 Excel", "export to Excel"))
        q.add_argument("--pdf", metavar="FILE", help=t("导出 PDF（打印版式）", "export the PDF"))
        q.add_argument(
            "--json", action="store_true", help=t("以 JSON 输出行与合计", "rows and total as JSON")
        )
        q.set_defaults(func=cmd_table, kind=kind.value)
    q = sub.add_parser("reconcile", help=t("核对客服表与财务表", "reconcile the two tables"))
    q.add_argument("--month", required=True, type=month_argument, metavar="YYYY-MM")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_reconcile)
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
    q = sub.add_parser("analytics", help=t("退款分析", "analytics for a period"))
    q.add_argument("--from", dest="date_from", required=True, type=_day, metavar="YYYY-MM-DD")
    q.add_argument("--to", dest="date_to", required=True, type=_day, metavar="YYYY-MM-DD")
    q.add_argument("--by", choices=["week", "month"], default="month")
    q.add_argument("--json", action="store_true")
    q.add_argument("--xlsx", metavar="FILE")
    q.set_defaults(func=cmd_analytics)
    q = sub.add_parser(
        "plant-demo",
        help=t("在演示数据库中造一个有差异的月份", "plant a month with differences (demo only)"),
    )
    q.add_argument("--month", type=month_argument, metavar="YYYY-MM")
    q.set_defaults(func=cmd_plant)


def money(amount: Decimal) -> str:
    """Money for scripts: "1280.00" (no grouping, two decimals)."""
    return format_yuan(amount, grouping=False)


def sheet_json(sheet) -> dict:
    from ..reports.sheet import COLUMNS

    columns = COLUMNS[sheet.kind]
    rows = []
    for line in sheet.lines:
        row = {}
        for attr, _ in columns:
            value = getattr(line, attr)
            row[attr] = money(value) if isinstance(value, Decimal) else value
        rows.append(row)
    return {
        "kind": sheet.kind,
        "month": sheet.month,
        "number": sheet.number,
        "prepared_by": sheet.prepared_by,
        "prepared_on": sheet.prepared_on.isoformat(),
        "approved_by": sheet.approved_by,
        "columns": [[attr, label] for attr, label in columns],
        "rows": rows,
        "total": {"count": sheet.total_count, "amount": money(sheet.total_amount)},
    }


def _print_sheet(sheet) -> None:
    from ..reports.sheet import COLUMNS, TITLES

    columns = COLUMNS[sheet.kind]
    print(f"{TITLES[sheet.kind]}  {sheet.month}  编号 {sheet.number}")
    print("\t".join(label for _, label in columns))
    for line in sheet.lines:
        values = [getattr(line, attr) for attr, _ in columns]
        print("\t".join(format_yuan(v) if isinstance(v, Decimal) else str(v) for v in values))
    print(f"合计\t{sheet.total_count} 笔\t{format_yuan(sheet.total_amount)}")
    who, approver = sheet.prepared_by or "—", sheet.approved_by or "—"
    print(f"制表人 {who}  制表日期 {sheet.prepared_on}  审批人 {approver}")


def _written(path: str, size: int) -> None:
    print(
        Text(
            f"已写入 {path}（{size // 1024 + 1} KB）", f"Written {path} ({size // 1024 + 1} KB)"
        ).get(),
        file=sys.stderr,
    )


def cmd_table(args: argparse.Namespace) -> int:
    from ..reports import monthly, xlsx

    session.open_store(args.db)
    year, month = parse_month(args.month)
    sheet = monthly.statistics_sheet(args.kind, year, month)
    if args.xlsx:
        data = xlsx.stats_workbook(sheet)
        with open(args.xlsx, "wb") as f:
            f.write(data)
        _written(args.xlsx, len(data))
    if args.pdf:
        from ..printing import jobs

        data = jobs.stats_pdf(Actor.command_line(), sheet, log=False)
        with open(args.pdf, "wb") as f:
            f.write(data)
        _written(args.pdf, len(data))
    if args.json:
        json.dump(sheet_json(sheet), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif not (args.xlsx or args.pdf):
        _print_sheet(sheet)
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    from ..reports.reconcile import reconcile

    session.open_store(args.db)
    result = reconcile(*parse_month(args.month))
    if args.json:
        out = {
            "month": result.month,
            "cs_count": result.cs_count,
            "finance_count": result.finance_count,
            "matched": result.matched,
            "differences": [
                {
                    "kind": d.kind,
                    "form_no": d.form_no,
                    "order_no": d.order_no,
                    "cs": d.cs_value,
                    "finance": d.finance_value,
                }
                for d in result.differences
            ],
            "carried": result.carried,
            "open_refunds": result.open_refunds,
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(
            Text(
                f"{result.month}：客服表 {result.cs_count} 笔，财务表 {result.finance_count} 笔，"
                f"对上 {result.matched} 笔，差异 {len(result.differences)} 处",
                f"{result.month}: CS table {result.cs_count}, finance table "
                f"{result.finance_count}, matched {result.matched}, "
                f"{len(result.differences)} differences",
            ).get()
        )
        for d in result.differences:
            print("  " + d.text())
        if result.carried:
            print(
                Text("跨月（已对上）：", "Across months (matched): ").get()
                + ", ".join(result.carried)
            )
        if result.open_refunds:
            print(
                Text("未办结：", "Still in progress: ").get()
                + f"{len(result.open_refunds)} — "
                + ", ".join(result.open_refunds[:10])
            )
    return 1 if result.differences else 0


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


def analytics_json(a) -> dict:
    from ..domain.money import from_fen

    def groups(items):
        return [{"key": g.key, "count": g.count, "amount": money(g.amount)} for g in items]

    return {
        "from": a.date_from.isoformat(),
        "to": a.date_to.isoformat(),
        "count": a.count,
        "amount": money(from_fen(a.amount_fen)),
        "closed": a.closed,
        "paid": a.paid,
        "success_rate": a.success_rate,
        "by_category": groups(a.by_category),
        "by_bank": groups(a.by_bank),
        "by_step": groups(a.by_step),
        "step_times": [
            {"state": t.state.value, "count": t.count, "median_s": t.median_s, "p90_s": t.p90_s}
            for t in a.step_times
        ],
        "sla": [
            {"clock": c.clock.value, "measured": c.measured, "met": c.met, "missed": c.missed}
            for c in a.sla
        ],
        "overdue": [
            {
                "form_no": o.form_no,
                "clock": o.clock.value,
                "due_at": o.due_at.isoformat(),
                "late_by_s": int(o.late_by.total_seconds()),
            }
            for o in a.overdue
        ],
        "trend": groups(a.trend),
    }


def cmd_analytics(args: argparse.Namespace) -> int:
    from ..reports import analytics, analytics_export

    session.open_store(args.db)
    a = analytics.analyse(args.date_from, args.date_to, args.by)
    if args.xlsx:
        data = analytics_export.workbook(a)
        with open(args.xlsx, "wb") as f:
            f.write(data)
        _written(args.xlsx, len(data))
    if args.json or not args.xlsx:
        json.dump(analytics_json(a), sys.stdout, ensure_ascii=False, indent=1)
        print()
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
