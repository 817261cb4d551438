"""Reconciliation of a month's CS table against its finance table (no paper process has it).

The two tables are matched by form number, then what is left by order number. Every
disagreement is listed:

- ``cs_only``: customer service says it submitted the form to finance (its own step) but
  finance's table has no such refund (finance never logged receiving it);
- ``finance_only``: finance has the refund (received, checked, paid) but no customer-service
  table knows it (nobody in customer service submitted it);
- ``form_differs``: one order number under two different form numbers in the two tables;
- ``amount_differs``: customer service's amount is not what finance's table shows (a
  correction finance recorded against a refund of the same month);
- ``date_differs``: the time customer service submitted the form to finance is not the time
  finance received it (compared to the minute), or one side has the time and the other not.

A refund submitted by customer service at the end of one month and received by finance in the
next is not a difference: it is listed in ``carried`` (it is in the CS table of one month and the
finance table of the other, with matching times). Refunds of the month that are still in progress
are listed in ``open_refunds``: archiving the month would freeze them, so admin waits. A draft
never submitted belongs to no month yet (the core counts a refund in the month it was submitted),
so closing a month never freezes one.

Two statements (the two tables), whatever the month's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..domain import workflow
from ..domain.calendar import month_key, parse_month
from ..domain.errors import Text
from ..domain.money import format_yuan, from_fen
from ..domain.sla import OFFICE_TZ
from .monthly import MonthTable, TableRow, build_table, local_month
from .report import FORM_NO, MONTH, ORDER_NO, Column, Figure, ReportResult, ReportSpec, Table
from .report import ColumnKind as K

DIFFERENCE_LABELS: dict[str, Text] = {
    "cs_only": Text(
        "客服已提交财务，财务表中没有", "Submitted by CS, missing from finance's table"
    ),
    "finance_only": Text("财务已处理，客服表中没有", "Handled by finance, unknown to CS"),
    "form_differs": Text("同一订单号，退单编号不同", "Same order, different form numbers"),
    "amount_differs": Text("金额不一致", "Amounts disagree"),
    "date_differs": Text("提交财务时间不一致", "Submission-to-finance times disagree"),
}


@dataclass(frozen=True)
class Difference:
    kind: str  # a key of DIFFERENCE_LABELS
    form_no: str
    order_no: str
    cs_value: str = ""  # what the CS table says
    finance_value: str = ""  # what the finance table says

    def text(self, lang: str = "zh") -> str:
        label = DIFFERENCE_LABELS[self.kind].get(lang)
        cs, fin = ("客服", "财务") if lang == "zh" else ("CS", "finance")
        parts = [f"{self.form_no} / {self.order_no}: {label}"]
        if self.cs_value or self.finance_value:
            parts.append(f"（{cs}: {self.cs_value or '—'}；{fin}: {self.finance_value or '—'}）")
        return "".join(parts)


@dataclass(frozen=True)
class Reconciliation:
    month: str
    cs_count: int
    finance_count: int
    matched: int
    differences: list[Difference] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)  # form numbers matched across months
    open_refunds: list[str] = field(default_factory=list)  # CS rows not yet closed

    @property
    def clean(self) -> bool:
        return not self.differences

    def by_kind(self) -> dict[str, list[Difference]]:
        out: dict[str, list[Difference]] = {}
        for d in self.differences:
            out.setdefault(d.kind, []).append(d)
        return out


def _minute(at: dt.datetime | None) -> str:
    return at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M") if at else ""


def _same_minute(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    return _minute(a) == _minute(b)


def _yuan(fen: int) -> str:
    return format_yuan(from_fen(fen), grouping=False)  # "1280.00": the same in text and JSON


def _compare(cs: TableRow, fin: TableRow) -> list[Difference]:
    out = []
    if cs.amount_fen != fin.amount_fen:
        out.append(
            Difference(
                "amount_differs",
                cs.form_no,
                cs.order_no,
                _yuan(cs.amount_fen),
                _yuan(fin.amount_fen),
            )
        )
    if not _same_minute(cs.to_finance_at, fin.finance_received_at):
        out.append(
            Difference(
                "date_differs",
                cs.form_no,
                cs.order_no,
                _minute(cs.to_finance_at),
                _minute(fin.finance_received_at),
            )
        )
    return out


def reconcile(
    year: int,
    month: int,
    tables: tuple[MonthTable, MonthTable] | None = None,
    lang: str | None = None,
) -> Reconciliation:
    """Every difference between the month's CS and finance tables (`tables`: the two, if
    already built; otherwise built in `lang`)."""
    key = month_key(year, month)
    cs_table, fin_table = tables or (
        build_table("cs", year, month, lang),
        build_table("finance", year, month, lang),
    )
    cs_rows = [r for r in cs_table.rows if r.adjustment_id is None]
    fin_rows = [r for r in fin_table.rows if r.adjustment_id is None]
    fin_by_form = {r.form_no: r for r in fin_rows}
    differences: list[Difference] = []
    carried: list[str] = []
    matched_forms: set[str] = set()
    left_cs: list[TableRow] = []
    for cs in cs_rows:
        fin = fin_by_form.get(cs.form_no)
        if fin is not None:
            matched_forms.add(cs.form_no)
            differences.extend(_compare(cs, fin))
            continue
        if cs.to_finance_at is None:
            continue  # not submitted to finance (yet): nothing for finance to have
        submitted_month = local_month(cs.to_finance_at)
        elsewhere = submitted_month != key
        arrived = local_month(cs.finance_received_at) == submitted_month
        if elsewhere and arrived and _same_minute(cs.to_finance_at, cs.finance_received_at):
            carried.append(cs.form_no)  # in finance's table of the month it reached them
            continue
        left_cs.append(cs)
    left_fin: list[TableRow] = []
    for fin in fin_rows:
        if fin.form_no in matched_forms:
            continue
        from_earlier = fin.cs_submitted_at is not None and local_month(fin.cs_submitted_at) != key
        if from_earlier and _same_minute(fin.to_finance_at, fin.finance_received_at):
            carried.append(fin.form_no)  # in the CS table of the month the clerk submitted it
            continue
        left_fin.append(fin)
    fin_by_order = {r.order_no: r for r in left_fin}
    for cs in left_cs:
        fin = fin_by_order.pop(cs.order_no, None)
        if fin is not None:
            differences.append(
                Difference("form_differs", cs.form_no, cs.order_no, cs.form_no, fin.form_no)
            )
            continue
        differences.append(
            Difference("cs_only", cs.form_no, cs.order_no, _minute(cs.to_finance_at), "")
        )
    for fin in fin_by_order.values():
        differences.append(
            Difference(
                "finance_only",
                fin.form_no,
                fin.order_no,
                "",
                f"{_minute(fin.finance_received_at)} {_yuan(fin.amount_fen)} {fin.note}".strip(),
            )
        )
    open_refunds = [r.form_no for r in cs_rows if r.state not in workflow.FINAL_STATES]
    return Reconciliation(
        month=key,
        cs_count=len(cs_rows),
        finance_count=len(fin_rows),
        matched=len(matched_forms),
        differences=differences,
        carried=carried,
        open_refunds=open_refunds,
    )


def total_difference(result: Reconciliation) -> Decimal:
    """How much money the amount differences add up to (finance minus CS)."""
    total = Decimal("0.00")
    for d in result.differences:
        if d.kind == "amount_differs":
            total += Decimal(d.finance_value.replace(",", "")) - Decimal(
                d.cs_value.replace(",", "")
            )
    return total


# --- as a report -----------------------------------------------------------------------------

COLUMNS = (
    Column("kind", Text("差异", "Difference")),
    FORM_NO,
    ORDER_NO,
    Column("cs", Text("客服表", "CS table")),
    Column("finance", Text("财务表", "Finance table")),
)
TITLE = Text("核对", "Reconciliation")
OPEN_LISTED = 20  # the still-open forms named in the note (the count is always whole)


def headline(r: Reconciliation) -> Text:
    n = len(r.differences)
    return Text(
        f"{r.month}：客服表 {r.cs_count} 笔，财务表 {r.finance_count} 笔，"
        f"对上 {r.matched} 笔，差异 {n} 处",
        f"{r.month}: CS table {r.cs_count}, finance table {r.finance_count}, "
        f"matched {r.matched}, {n} differences",
    )


def as_report(r: Reconciliation) -> ReportResult:
    rows = [
        (DIFFERENCE_LABELS[d.kind], d.form_no, d.order_no, d.cs_value, d.finance_value)
        for d in r.differences
    ]
    notes = []
    if r.carried:
        forms = ", ".join(r.carried)
        notes.append(Text(f"跨月已对上：{forms}", f"Matched across months: {forms}"))
    if r.open_refunds:
        n, forms = len(r.open_refunds), ", ".join(r.open_refunds[:OPEN_LISTED])
        notes.append(
            Text(
                f"尚未办结（{n} 张），办结后才能归档：{forms}",
                f"Still in progress ({n}), archiving waits: {forms}",
            )
        )
    figures = (
        Figure("cs_count", Text("客服表笔数", "CS table"), r.cs_count, K.COUNT),
        Figure("finance_count", Text("财务表笔数", "Finance table"), r.finance_count, K.COUNT),
        Figure("matched", Text("对上", "Matched"), r.matched, K.COUNT),
        Figure("differences", Text("差异", "Differences"), len(r.differences), K.COUNT),
    )
    return ReportResult(
        "reconcile",
        TITLE,
        {"month": r.month},
        (Table("differences", Text("差异明细", "Differences"), COLUMNS, rows),),
        figures=figures,
        headline=headline(r),
        notes=tuple(notes),
        ok=r.clean,
        source=r,
    )


def report(
    month: str, lang: str | None = None, tables: tuple[MonthTable, MonthTable] | None = None
) -> ReportResult:
    """The month's reconciliation as a report (`tables`: the two, if already built)."""
    return as_report(reconcile(*parse_month(month), tables, lang))


def as_json(result: ReportResult, lang: str) -> dict:
    """What `stats reconcile --json` has always written: kinds as codes, for scripts."""
    r = result.source
    assert isinstance(r, Reconciliation)
    return {
        "month": r.month,
        "cs_count": r.cs_count,
        "finance_count": r.finance_count,
        "matched": r.matched,
        "differences": [
            {
                "kind": d.kind,
                "form_no": d.form_no,
                "order_no": d.order_no,
                "cs": d.cs_value,
                "finance": d.finance_value,
            }
            for d in r.differences
        ],
        "carried": r.carried,
        "open_refunds": r.open_refunds,
    }


REPORT = ReportSpec("reconcile", TITLE, (MONTH,), report, json=as_json)
