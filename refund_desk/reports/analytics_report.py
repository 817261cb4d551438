"""The analytics as a report: the headline numbers, and one table per view (by fault, bank and
current step; time per step; time limits met; overdue cases; trend), each with its chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..domain.errors import Text
from ..domain.money import format_yuan
from ..domain.refund_fields import bank_label
from ..domain.workflow import State
from ..store import settings
from . import analytics
from .analytics import Analytics, Group
from .report import (
    AMOUNT,
    COUNT,
    FORM_NO,
    PERIOD,
    Chart,
    ChartKind,
    Column,
    Figure,
    Param,
    ParamKind,
    ReportResult,
    ReportSpec,
    Table,
    cell_text,
)
from .report import ColumnKind as K

TITLE = Text("统计分析", "Analytics")
TREND_BY = Param(
    "trend_by",
    ParamKind.CHOICE,
    Text("趋势", "Trend"),
    flag="by",
    choices=(("month", Text("按月", "by month")), ("week", Text("按周", "by week"))),
    default=lambda _today: "month",
)


def _hours(seconds: float) -> float:
    return round(seconds / 3600, 2)


def _grouped(
    key: str, label: Text, groups: list[Group], name, chart: ChartKind = ChartKind.HBAR
) -> Table:
    """Count and amount per group, `name(code)` giving each group's label."""
    rows = [(name(g.key), g.count, g.amount) for g in groups]
    first = Column(key, label)
    return Table(key, label, (first, COUNT, AMOUNT), rows, charts=(Chart(chart, key, ("count",)),))


def _headline(a: Analytics) -> Text:
    rate = cell_text(a.success_rate, K.RATE, "zh")
    amount = format_yuan(a.amount)
    return Text(
        f"{a.date_from} 至 {a.date_to}：退款 {a.count} 笔，{amount} 元；"
        f"已办结 {a.closed} 笔，已退款 {a.paid} 笔；成功率 {rate}",
        f"{a.date_from} – {a.date_to}: {a.count} refunds, {amount} yuan; "
        f"closed {a.closed}, paid {a.paid}; success rate {rate}",
    )


def as_report(a: Analytics, categories: Mapping[str, Text]) -> ReportResult:
    """The analytics' tables; `categories` names the fault codes (the store's, with the ones an
    administrator added)."""
    states = {s.value: s.label for s in State}

    def category(code: str) -> Text:
        return categories.get(code) or Text(code, code)

    def state(value: str) -> Text:
        return states.get(value) or Text(value, value)

    step, clock = Column("step", Text("环节", "Step")), Column("clock", Text("时限", "Clock"))
    tables = (
        _grouped("category", Text("故障现象", "Fault"), a.by_category, category, ChartKind.PIE),
        _grouped("bank", Text("开户行", "Bank"), a.by_bank, bank_label),
        _grouped("current_step", Text("当前环节", "Current step"), a.by_step, state),
        Table(
            "step_times",
            Text("各环节用时", "Time per step"),
            (
                step,
                COUNT,
                Column("median_h", Text("中位数（小时）", "Median (h)"), K.HOURS),
                Column("p90_h", Text("90%分位（小时）", "P90 (h)"), K.HOURS),
            ),
            [(t.state.label, t.count, _hours(t.median_s), _hours(t.p90_s)) for t in a.step_times],
            charts=(Chart(ChartKind.HBAR, "step", ("median_h", "p90_h")),),
        ),
        Table(
            "sla",
            Text("时限达标", "SLA compliance"),
            (
                clock,
                Column("measured", Text("计入", "Measured"), K.COUNT),
                Column("met", Text("达标", "Met"), K.COUNT),
                Column("missed", Text("超时", "Missed"), K.COUNT),
                Column("rate", Text("达标率", "Rate"), K.RATE),
            ),
            [(c.clock.label, c.measured, c.met, c.missed, c.rate) for c in a.sla],
            charts=(Chart(ChartKind.BAR, "clock", ("met", "missed")),),
        ),
        Table(
            "overdue",
            Text("超时明细", "Overdue cases"),
            (
                FORM_NO,
                clock,
                Column("due_at", Text("期限", "Due"), K.TIME),
                Column("late_h", Text("超时（小时）", "Late by (h)"), K.HOURS),
                Column("status", Text("状态", "Status")),
            ),
            [
                (
                    o.form_no,
                    o.clock.label,
                    o.due_at,
                    _hours(o.late_by.total_seconds()),
                    Text("仍未完成", "still running")
                    if o.stopped_at is None
                    else Text("已完成（超时）", "done late"),
                )
                for o in a.overdue
            ],
        ),
        Table(
            "trend",
            Text("趋势", "Trend"),
            (Column("period", Text("期间", "Period")), COUNT, AMOUNT),
            [(g.key, g.count, g.amount) for g in a.trend],
            charts=(Chart(ChartKind.BAR, "period", ("count",)),),
        ),
    )
    figures = (
        Figure("period", Text("期间", "Period"), f"{a.date_from} – {a.date_to}"),
        Figure("count", COUNT.label, a.count, K.COUNT),
        Figure("amount", AMOUNT.label, a.amount, K.MONEY),
        Figure("closed", Text("已办结", "Closed"), a.closed, K.COUNT),
        Figure("paid", Text("已退款", "Paid"), a.paid, K.COUNT),
        Figure(
            "success_rate",
            Text("成功率（已退款/已办结）", "Success rate (paid / closed)"),
            a.success_rate,
            K.RATE,
        ),
    )
    notes = ()
    if not a.overdue_complete:
        total, shown = a.overdue_total, a.overdue_limit
        notes = (
            Text(
                f"共 {total} 条超时：这里按各项时限列出超时最久的 {shown} 条，"
                "导出的 Excel 含全部。",
                f"{total} overdue cases in all: the {shown} most overdue of each time limit "
                "are listed here; the Excel export has every one.",
            ),
        )
    params = {"date_from": a.date_from, "date_to": a.date_to, "trend_by": a.trend_by}
    return ReportResult(
        "analytics",
        TITLE,
        params,
        tables,
        figures=figures,
        headline=_headline(a),
        notes=notes,
        complete=a.overdue_complete,
        source=a,
    )


def report(
    date_from: dt.date,
    date_to: dt.date,
    trend_by: str = "month",
    lang: str | None = None,
    overdue_limit: int | None = None,
) -> ReportResult:
    """Analyse the period (with `overdue_limit`, only the most overdue cases of each clock)."""
    a = analytics.analyse(date_from, date_to, trend_by, overdue_limit=overdue_limit)
    return as_report(a, settings.fault_category_labels())


def as_json(result: ReportResult, lang: str) -> dict:
    """What `stats analytics` has always written for scripts: codes, seconds, plain yuan."""
    a = result.source
    assert isinstance(a, Analytics)

    def money(amount) -> str:
        return format_yuan(amount, grouping=False)

    def groups(items: list[Group]) -> list[dict]:
        return [{"key": g.key, "count": g.count, "amount": money(g.amount)} for g in items]

    return {
        "from": a.date_from.isoformat(),
        "to": a.date_to.isoformat(),
        "count": a.count,
        "amount": money(a.amount),
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


REPORT = ReportSpec(
    "analytics",
    TITLE,
    (*PERIOD, TREND_BY),
    report,
    # read when the screen runs it: the list on screen is the most overdue of each clock
    screen_options=lambda: {"overdue_limit": analytics.OVERDUE_SHOWN},
    json=as_json,
    default_json=True,
)
