"""客服退单统计表 and 财务退单统计表 (process.md, Documents 3 and 4) for any month.

Which refunds belong to a month (office time, Asia/Shanghai, `queries.month_bounds`):

- **CS table** of month M: every refund the clerk *submitted to the lead* (`submitted_at`, the
  提交日期) in M. That is also the month the core closes when M is archived
  (`store.refunds._month_of`), so archiving M freezes exactly the refunds of its CS table.
- **Finance table** of month M: every refund customer service *submitted to finance*
  (`finance_submitted_at`, when finance's 12-hour clock started; its 提交日期) in M.

Columns come from the refund row and from the step history (the newest step of each kind):
提交技术部时间 is the lead's approval to tech, 提交财务时间 is customer service's own
submit-to-finance step, 出纳核实 / 会计复核 / 财务总监审核 are the finance signer and the time
of the signed step, 反馈客服 / 财务反馈时间 is when finance answered (paid, not credited or sent
back), 反馈用户时间 is when the customer was told.

A correction recorded as an `Adjustment` in month M shows in both tables of M: folded into the
finance row's amount when the refund is a row of the finance table of M (finance paid a different
amount than the form says: reconciliation lists it), otherwise as its own line referring to the
original form and month.

Each table is one SQL statement for its rows (step times by conditional aggregation in a
sub-query, names by joins, the 合计 as window aggregates over integer fen) plus one for the
adjustment lines: the statement count does not grow with the month's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import peewee as pw

from ..domain.calendar import month_key, parse_month
from ..domain.errors import Text
from ..domain.money import fen_or_zero, from_fen
from ..domain.refund_fields import bank_label
from ..domain.report_flow import AdjustmentState, ReportKind
from ..domain.sla import OFFICE_TZ
from ..domain.workflow import Action, Outcome, State
from ..store import db as dbmod
from ..store import queries
from ..store.models import Adjustment, MonthlyReport, Refund, StepRecord, User
from .report import MONTH, ReportResult, ReportSpec
from .sheet import Kind, StatsLine, StatsSheet, as_report

KINDS: tuple[ReportKind, ...] = tuple(ReportKind)


@dataclass(frozen=True)
class TableRow:
    """One line of a monthly table, with the raw times reconciliation compares."""

    seq: int
    refund_id: int
    form_no: str
    order_no: str
    phone: str
    bank: str  # the bank's name
    amount_fen: int
    submitted_by: str
    submitted_on: dt.date | None  # 提交日期 (office date)
    state: State
    outcome: str | None
    note: str
    # times (aware UTC) behind the columns
    cs_submitted_at: dt.datetime | None = None  # the clerk's submission (CS 提交日期)
    to_tech_at: dt.datetime | None = None
    to_finance_at: dt.datetime | None = None  # CS's own submit-to-finance step
    finance_received_at: dt.datetime | None = None  # refund.finance_submitted_at
    finance_answered_at: dt.datetime | None = None
    customer_told_at: dt.datetime | None = None
    cashier: str = ""
    cashier_at: dt.datetime | None = None
    accountant: str = ""
    accountant_at: dt.datetime | None = None
    director: str = ""
    director_at: dt.datetime | None = None
    adjustment_id: int | None = None  # set on an adjustment line
    adjusted_fen: int = 0  # part of amount_fen that comes from adjustments (finance rows)

    @property
    def amount(self) -> Decimal:
        return from_fen(self.amount_fen)


@dataclass(frozen=True)
class MonthTable:
    kind: Kind
    month: str  # YYYY-MM
    rows: list[TableRow] = field(default_factory=list)
    total_count: int = 0
    total_fen: int = 0

    @property
    def total_amount(self) -> Decimal:
        return from_fen(self.total_fen)


def local_month(at: dt.datetime | None) -> str | None:
    return at.astimezone(OFFICE_TZ).strftime("%Y-%m") if at else None


def _utc(value) -> dt.datetime | None:
    """An aggregate's value (an ISO string on SQLite, naive on PostgreSQL) as aware UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        try:  # the stored naive text read as UTC: parsing the offset is cheaper than replace()
            return dt.datetime.fromisoformat(value + "+00:00")
        except ValueError:  # text that carries its own offset
            value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return None


def _step_times(refund_ids: pw.SelectQuery) -> pw.SelectQuery:
    """Newest time of each kind of step, per refund: one grouped sub-query."""

    def newest(*actions: Action):
        when = pw.Case(
            None,
            [(StepRecord.action.in_([a.value for a in actions]), StepRecord.executed_at)],
            None,
        )
        return pw.fn.MAX(when)

    return (
        StepRecord.select(
            StepRecord.refund.alias("rid"),
            newest(Action.LEAD_APPROVE).alias("to_tech"),
            newest(Action.SUBMIT_TO_FINANCE).alias("to_finance"),
            newest(Action.CASHIER_APPROVE).alias("cashier_step"),
            newest(Action.ACCOUNTANT_APPROVE).alias("accountant_step"),
            newest(Action.DIRECTOR_APPROVE).alias("director_step"),
            newest(Action.NOT_CREDITED).alias("not_credited_step"),
        )
        .where(StepRecord.refund.in_(refund_ids))
        .group_by(StepRecord.refund)
    )


def _note(state: State, outcome: str | None, lang: str) -> str:
    if state == State.CUSTOMER_TOLD:
        return Outcome(outcome or Outcome.REFUNDED).label.get(lang)
    if state in (State.CANCELLED, State.REFUNDED, State.NOT_CREDITED):
        return state.label.get(lang)  # 已取消 / 已退款，待反馈用户 / 未入帐，待反馈用户
    return Text("处理中：", "in progress: ").get(lang) + state.label.get(lang)


def _condition(kind: Kind, start: dt.datetime, end: dt.datetime):
    column = Refund.submitted_at if kind == "cs" else Refund.finance_submitted_at
    return (column >= start) & (column < end)


def build_table(kind: Kind, year: int, month: int, lang: str | None = None) -> MonthTable:
    """The month's table: one statement for the rows and the 合计, one for adjustment lines."""
    from ..domain import errors

    lang = lang or errors.LANG
    start, end = queries.month_bounds(year, month)
    key = month_key(year, month)
    members = Refund.select(Refund.id).where(_condition(kind, start, end))
    steps = _step_times(members).alias("st")
    submitter, cashier, accountant, director = (User.alias(n) for n in ("sub", "cas", "acc", "dir"))
    amount = Refund.amount_fen
    adjust = None
    if kind == "finance":
        adjust = (
            Adjustment.select(
                Adjustment.refund.alias("arid"), pw.fn.SUM(Adjustment.amount_fen).alias("fen")
            )
            .where((Adjustment.month == key) & (Adjustment.state == AdjustmentState.APPROVED))
            .group_by(Adjustment.refund)
            .alias("adj")
        )
        amount = Refund.amount_fen + pw.fn.COALESCE(adjust.c.fen, 0)
    order = Refund.submitted_at if kind == "cs" else Refund.finance_submitted_at
    query = (
        Refund.select(
            Refund.id,
            Refund.form_no,
            Refund.order_no,
            Refund.phone,
            Refund.bank,
            Refund.bank_other,
            amount.alias("amount"),
            Refund.state,
            Refund.outcome,
            Refund.submitted_at,
            Refund.finance_submitted_at,
            Refund.finance_answered_at,
            Refund.customer_told_at,
            submitter.display_name.alias("submitter"),
            cashier.display_name.alias("cashier_name"),
            accountant.display_name.alias("accountant_name"),
            director.display_name.alias("director_name"),
            steps.c.to_tech,
            steps.c.to_finance,
            steps.c.cashier_step,
            steps.c.accountant_step,
            steps.c.director_step,
            steps.c.not_credited_step,
            pw.fn.COUNT(Refund.id).over().alias("total_count"),
            pw.fn.SUM(amount).over().alias("total_fen"),
            *([adjust.c.fen.alias("adjusted")] if adjust is not None else []),
        )
        .join(steps, pw.JOIN.LEFT_OUTER, on=(steps.c.rid == Refund.id))
        .switch(Refund)
        .join(submitter, pw.JOIN.LEFT_OUTER, on=(Refund.submitted_by == submitter.id))
        .switch(Refund)
        .join(cashier, pw.JOIN.LEFT_OUTER, on=(Refund.cashier == cashier.id))
        .switch(Refund)
        .join(accountant, pw.JOIN.LEFT_OUTER, on=(Refund.accountant == accountant.id))
        .switch(Refund)
        .join(director, pw.JOIN.LEFT_OUTER, on=(Refund.director == director.id))
    )
    if adjust is not None:
        query = query.switch(Refund).join(
            adjust, pw.JOIN.LEFT_OUTER, on=(adjust.c.arid == Refund.id)
        )
    query = query.where(_condition(kind, start, end)).order_by(order, Refund.id)
    rows: list[TableRow] = []
    total_count = total_fen = 0
    with dbmod.connection():
        # The raw cursor: `_row` turns the stored times into aware UTC itself (`_utc`), so
        # peewee's conversion of each time column would be done twice.
        cursor = dbmod.DB.obj.execute(query)
        names = [d[0] for d in cursor.description]
        for seq, values in enumerate(cursor, start=1):
            r = dict(zip(names, values, strict=True))
            total_count, total_fen = int(r["total_count"]), fen_or_zero(r["total_fen"])
            rows.append(_row(kind, seq, r, lang))
        lines = _adjustment_lines(kind, key, start, end, len(rows), lang)
    rows.extend(lines)
    total_count += len(lines)
    total_fen += sum(line.amount_fen for line in lines)
    return MonthTable(kind, key, rows, total_count, total_fen)


def _row(kind: Kind, seq: int, r: dict, lang: str) -> TableRow:
    state = State(r["state"])
    submitted = _utc(r["submitted_at"])
    received = _utc(r["finance_submitted_at"])
    own_date = submitted if kind == "cs" else received
    not_credited = _utc(r["not_credited_step"])
    cashier_at = _utc(r["cashier_step"])
    accountant_at = _utc(r["accountant_step"])
    director_at = _utc(r["director_step"])
    # "Not credited" is signed in the block of whoever found it: show it as that step's time.
    if not_credited is not None and r["outcome"] == "not_credited":
        if r["director_name"] and director_at is None:
            director_at = not_credited
        elif r["accountant_name"] and accountant_at is None:
            accountant_at = not_credited
        elif cashier_at is None:
            cashier_at = not_credited
    return TableRow(
        seq=seq,
        refund_id=r["id"],
        form_no=r["form_no"],
        order_no=r["order_no"],
        phone=r["phone"],
        bank=bank_label(r["bank"], r["bank_other"]).get(lang),
        amount_fen=fen_or_zero(r["amount"]),
        submitted_by=r["submitter"] or "",
        submitted_on=own_date.astimezone(OFFICE_TZ).date() if own_date else None,
        state=state,
        outcome=r["outcome"],
        note=_note(state, r["outcome"], lang),
        cs_submitted_at=submitted,
        to_tech_at=_utc(r["to_tech"]),
        to_finance_at=_utc(r["to_finance"]),
        finance_received_at=received,
        finance_answered_at=_utc(r["finance_answered_at"]),
        customer_told_at=_utc(r["customer_told_at"]),
        cashier=r["cashier_name"] or "",
        cashier_at=cashier_at if r["cashier_name"] else None,
        accountant=r["accountant_name"] or "",
        accountant_at=accountant_at if r["accountant_name"] else None,
        director=r["director_name"] or "",
        director_at=director_at if r["director_name"] else None,
        adjusted_fen=int(r.get("adjusted") or 0),
    )


def _adjustment_lines(
    kind: Kind, key: str, start: dt.datetime, end: dt.datetime, after: int, lang: str
) -> list[TableRow]:
    """Adjustments recorded in the month whose refund is not a finance row of the month: the
    same lines in both tables (one statement)."""
    maker = User.alias("mk")
    in_month = (Refund.finance_submitted_at >= start) & (Refund.finance_submitted_at < end)
    query = (
        Adjustment.select(
            Adjustment.id,
            Adjustment.amount_fen,
            Adjustment.reason,
            Adjustment.created_at,
            Refund.id.alias("rid"),
            Refund.form_no,
            Refund.order_no,
            Refund.phone,
            Refund.bank,
            Refund.bank_other,
            Refund.state,
            Refund.outcome,
            Refund.submitted_at,
            Refund.finance_submitted_at,
            maker.display_name.alias("maker"),
        )
        .join(Refund, on=(Adjustment.refund == Refund.id))
        .switch(Adjustment)
        .join(maker, on=(Adjustment.created_by == maker.id))
        .where(
            (Adjustment.month == key)
            & (Adjustment.state == AdjustmentState.APPROVED)
            & ~(in_month & Refund.finance_submitted_at.is_null(False))
        )
        .order_by(Adjustment.created_at, Adjustment.id)
    )
    lines = []
    for i, r in enumerate(query.dicts(), start=after + 1):
        created = _utc(r["created_at"])
        original = local_month(_utc(r["finance_submitted_at"]) or _utc(r["submitted_at"])) or ""
        note = Text(
            f"调整（原{original}）：{r['reason']}", f"adjustment (of {original}): {r['reason']}"
        )
        lines.append(
            TableRow(
                seq=i,
                refund_id=r["rid"],
                form_no=r["form_no"],
                order_no=r["order_no"],
                phone=r["phone"],
                bank=bank_label(r["bank"], r["bank_other"]).get(lang),
                amount_fen=fen_or_zero(r["amount_fen"]),
                submitted_by=r["maker"] or "",
                submitted_on=created.astimezone(OFFICE_TZ).date() if created else None,
                state=State(r["state"]),
                outcome=r["outcome"],
                note=note.get(lang),
                adjustment_id=r["id"],
            )
        )
    return lines


# --- the printed sheet ---------------------------------------------------------------------


def _minute(at: dt.datetime | None) -> str:
    """ "10-05 14:03" in office time (what strftime("%m-%d %H:%M") gives, at half its cost:
    a month's sheet has tens of thousands of these)."""
    if not at:
        return ""
    local = at.astimezone(OFFICE_TZ)
    return f"{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d}"


def _signed(name: str, at: dt.datetime | None) -> str:
    return f"{name} {_minute(at)}".strip() if name else ""


def sheet_line(kind: Kind, row: TableRow):
    """A `sheet.StatsLine` for one table row."""
    common = dict(
        seq=row.seq,
        submitted_on=row.submitted_on.isoformat() if row.submitted_on else "",
        form_no=row.form_no,
        order_no=row.order_no,
        bank=row.bank,
        amount=row.amount,
        submitted_by=row.submitted_by,
        note=row.note,
    )
    if kind == "cs":
        return StatsLine(
            **common,
            contact=row.phone,
            to_tech_at=_minute(row.to_tech_at),
            to_finance_at=_minute(row.to_finance_at),
            finance_answered_at=_minute(row.finance_answered_at),
            customer_told_at=_minute(row.customer_told_at),
        )
    return StatsLine(
        **common,
        cashier_checked=_signed(row.cashier, row.cashier_at),
        accountant_reviewed=_signed(row.accountant, row.accountant_at),
        director_approved=_signed(row.director, row.director_at),
        cs_told=_minute(row.finance_answered_at),
    )


def sheet_number(kind: Kind, month: str) -> str:
    return f"{ReportKind(kind).number_prefix}-{month}"


def statistics_sheet(
    kind: Kind, year: int, month: int, lang: str | None = None, table: MonthTable | None = None
):
    """The month's table as `sheet.StatsSheet` (for the PDF layouts and the xlsx);
    `table` reuses one already built."""

    table = table or build_table(kind, year, month, lang)
    prepared_by, prepared_on, approved_by, version = _signatures(kind, table.month)
    return StatsSheet(
        kind=kind,
        month=table.month,
        number=sheet_number(kind, table.month),
        prepared_by=prepared_by,
        prepared_on=prepared_on,
        approved_by=approved_by,
        lines=[sheet_line(kind, row) for row in table.rows],
        total_count=table.total_count,
        total_amount=table.total_amount,
        version=version,
    )


def _signatures(kind: Kind, month: str) -> tuple[str, dt.date, str, int]:
    """制表人, 制表日期, 审批人 and version of the month's report record (empty until
    prepared)."""
    preparer, approver = User.alias("p"), User.alias("a")
    with dbmod.connection():
        row = (
            MonthlyReport.select(
                MonthlyReport.prepared_at,
                MonthlyReport.version,
                preparer.display_name.alias("prepared_by"),
                approver.display_name.alias("approved_by"),
            )
            .join(preparer, on=(MonthlyReport.prepared_by == preparer.id))
            .switch(MonthlyReport)
            .join(approver, pw.JOIN.LEFT_OUTER, on=(MonthlyReport.approved_by == approver.id))
            .where((MonthlyReport.kind == kind) & (MonthlyReport.month == month))
            .dicts()
            .first()
        )
    today = dt.datetime.now(OFFICE_TZ).date()
    if row is None:
        return "", today, "", 0
    prepared_at = _utc(row["prepared_at"])
    return (
        row["prepared_by"] or "",
        prepared_at.astimezone(OFFICE_TZ).date() if prepared_at else today,
        row["approved_by"] or "",
        int(row["version"]),
    )


def table_report(
    kind: Kind, month: str, lang: str | None = None, table: MonthTable | None = None
) -> ReportResult:
    """The month's table as a report (`table`: the rows, if already built)."""
    return as_report(statistics_sheet(kind, *parse_month(month), lang, table))


def _spec(kind: ReportKind) -> ReportSpec:
    def run(month: str, lang: str | None = None) -> ReportResult:
        return table_report(kind.value, month, lang)

    return ReportSpec(kind.value, kind.title, (MONTH,), run, paper="monthly_table")


CS_TABLE, FINANCE_TABLE = (_spec(k) for k in ReportKind)
