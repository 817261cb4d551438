"""The two monthly statistics tables as data: one line per refund, the sheet, and the seed's
columns and titles. No reportlab here: the PDF layout (`printing.stats`) reads the sheet, and
every other output reads it as a report (`as_report`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..domain.errors import Text, field_label
from ..domain.report_flow import ReportKind
from .report import AMOUNT, FORM_NO, ORDER_NO, Column, Figure, ReportResult, Table
from .report import ColumnKind as K

Kind = Literal["cs", "finance"]


@dataclass(frozen=True)
class StatsLine:
    """One refund in a monthly table: one attribute per column of the paper tables."""

    seq: int  # 序号
    submitted_on: str  # 提交日期
    form_no: str  # 退单编号
    order_no: str  # 订单号
    bank: str  # 开户行 (the bank's name, not its code)
    amount: Decimal  # 金额
    submitted_by: str  # 提交人
    note: str = ""  # 备注
    # 客服退单统计表 only
    contact: str = ""  # 联系方式
    to_tech_at: str = ""  # 提交技术部时间
    to_finance_at: str = ""  # 提交财务时间
    finance_answered_at: str = ""  # 财务反馈时间
    customer_told_at: str = ""  # 反馈用户时间
    # 财务退单统计表 only
    cashier_checked: str = ""  # 出纳核实
    accountant_reviewed: str = ""  # 会计复核
    director_approved: str = ""  # 财务总监审核
    cs_told: str = ""  # 反馈客服


@dataclass(frozen=True)
class StatsSheet:
    """One month's table as it is printed and signed."""

    kind: Kind  # "cs" (客服退单统计表) | "finance" (财务退单统计表)
    month: str  # "YYYY-MM"
    number: str  # 编号
    prepared_by: str  # 制表人
    prepared_on: dt.date  # 制表日期
    approved_by: str  # 审批人 ("" until approved: the box stays empty)
    lines: list[StatsLine] = field(default_factory=list)
    total_count: int = 0  # 合计: how many refunds
    total_amount: Decimal = Decimal("0.00")  # 合计: their amount
    version: int = 0  # the saved monthly report's version (0: not saved yet)


# The seed's columns, in order: the StatsLine attribute, the printed label (the paper's own
# Chinese; the English for the screen), the kind.
_SEQ = Column("seq", Text("序号", "No."))
_COMMON_HEAD = (
    _SEQ,
    Column("submitted_on", Text("提交日期", "Submitted"), K.DATE),
    FORM_NO,
    ORDER_NO,
)
_BANK_AMOUNT_BY = (
    Column("bank", Text("开户行", "Bank")),
    AMOUNT,
    Column("submitted_by", Text("提交人", "Submitted by")),
)
_NOTE = Column("note", field_label("note"))
CS_COLUMNS: tuple[Column, ...] = (
    *_COMMON_HEAD,
    Column("contact", field_label("contact")),
    *_BANK_AMOUNT_BY,
    Column("to_tech_at", Text("提交技术部时间", "To tech"), K.TIME),
    Column("to_finance_at", Text("提交财务时间", "To finance"), K.TIME),
    Column("finance_answered_at", Text("财务反馈时间", "Finance answered"), K.TIME),
    Column("customer_told_at", Text("反馈用户时间", "Customer told"), K.TIME),
    _NOTE,
)
FINANCE_COLUMNS: tuple[Column, ...] = (
    *_COMMON_HEAD,
    *_BANK_AMOUNT_BY,
    Column("cashier_checked", Text("出纳核实", "Cashier check")),
    Column("accountant_reviewed", Text("会计复核", "Accountant review")),
    Column("director_approved", Text("财务总监审核", "Director approval")),
    Column("cs_told", Text("反馈客服", "CS told"), K.TIME),
    _NOTE,
)
COLUMNS: dict[str, tuple[Column, ...]] = {"cs": CS_COLUMNS, "finance": FINANCE_COLUMNS}
# The paper tables' own words (always Chinese, like every printout).
TITLES: dict[str, str] = {k.value: k.title.zh for k in ReportKind}
DEPARTMENTS: dict[str, str] = {k.value: k.department.zh for k in ReportKind}


def as_report(sheet: StatsSheet) -> ReportResult:
    """The sheet as a report: its header boxes, one line per refund, the 合计, 审批人."""
    kind = ReportKind(sheet.kind)
    columns = COLUMNS[sheet.kind]
    names = [c.name for c in columns]
    rows = [tuple(getattr(line, n) for n in names) for line in sheet.lines]
    table = Table(
        sheet.kind,
        kind.title,
        columns,
        rows,
        totals={"amount": sheet.total_amount},
        count_in="submitted_on",
    )
    figures = (
        Figure("number", Text("编号", "Number"), sheet.number),
        Figure("department", Text("部门", "Department"), kind.department),
        Figure("prepared_by", Text("制表人", "Prepared by"), sheet.prepared_by),
        Figure("prepared_on", Text("制表日期", "Prepared on"), sheet.prepared_on, K.DATE),
    )
    approver = (Figure("approved_by", Text("审批人", "Approved by"), sheet.approved_by),)
    return ReportResult(
        sheet.kind,
        kind.title,
        {"month": sheet.month},
        (table,),
        figures=figures,
        signatures=approver,
        source=sheet,
    )
