"""The two monthly statistics tables as data: one line per refund, the sheet, and the seed's
columns and titles. No reportlab here: the screen, the Excel export and the PDF layout
(`printing.stats`) all read these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..domain.report_flow import ReportKind

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


# The seed's columns, in order: (StatsLine attribute, printed label).
CS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "序号"),
    ("submitted_on", "提交日期"),
    ("form_no", "退单编号"),
    ("order_no", "订单号"),
    ("contact", "联系方式"),
    ("bank", "开户行"),
    ("amount", "金额"),
    ("submitted_by", "提交人"),
    ("to_tech_at", "提交技术部时间"),
    ("to_finance_at", "提交财务时间"),
    ("finance_answered_at", "财务反馈时间"),
    ("customer_told_at", "反馈用户时间"),
    ("note", "备注"),
)
FINANCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "序号"),
    ("submitted_on", "提交日期"),
    ("form_no", "退单编号"),
    ("order_no", "订单号"),
    ("bank", "开户行"),
    ("amount", "金额"),
    ("submitted_by", "提交人"),
    ("cashier_checked", "出纳核实"),
    ("accountant_reviewed", "会计复核"),
    ("director_approved", "财务总监审核"),
    ("cs_told", "反馈客服"),
    ("note", "备注"),
)
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {"cs": CS_COLUMNS, "finance": FINANCE_COLUMNS}
# The paper tables' own words (always Chinese, like every printout).
TITLES: dict[str, str] = {k.value: k.title.zh for k in ReportKind}
DEPARTMENTS: dict[str, str] = {k.value: k.department.zh for k in ReportKind}
