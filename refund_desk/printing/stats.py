"""客服退单统计表 and 财务退单统计表 (Documents 3 and 4): the monthly tables on A4 landscape.

`StatsSheet` and `StatsLine` are the input: the reports package builds them from the database,
this module only lays them out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..domain.money import format_yuan
from . import layout
from .layout import para
from .meta import PrintMeta

Kind = Literal["cs", "finance"]
PAGE = landscape(A4)


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
TITLES: dict[str, str] = {"cs": "客服退单统计表", "finance": "财务退单统计表"}
DEPARTMENTS: dict[str, str] = {"cs": "客服部", "finance": "财务部"}


# Column widths in mm on A4 landscape; 备注 takes what is left.
_WIDTHS_MM: dict[str, tuple[float, ...]] = {
    "cs": (9, 18, 27, 25, 22, 24, 18, 15, 21, 21, 21, 21),
    "finance": (9, 18, 27, 25, 24, 20, 16, 26, 26, 26, 26),
}


def _cell(line: StatsLine, attr: str) -> str:
    value = getattr(line, attr)
    if attr == "amount":
        return format_yuan(value)
    return "" if value is None else str(value)


def _table(sheet: StatsSheet) -> Table:
    columns = COLUMNS[sheet.kind]
    width = layout.content_width(PAGE)
    widths = [w * mm for w in _WIDTHS_MM[sheet.kind]]
    widths.append(width - sum(widths))
    amount_col = [attr for attr, _ in columns].index("amount")
    rows: list[list] = [[para(label, "tiny_center") for _, label in columns]]
    for line in sheet.lines:
        rows.append(
            [
                para(_cell(line, attr), "small_right" if attr == "amount" else "small")
                for attr, _ in columns
            ]
        )
    total = [para("")] * len(columns)
    total[0] = para("合计", "small")
    total[2] = para(f"共 {sheet.total_count} 笔", "small")
    total[amount_col] = para(format_yuan(sheet.total_amount), "small_right")
    rows.append(total)
    last = len(rows) - 1
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
    table.setStyle(
        layout.table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, layout.GRID),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
            ("SPAN", (0, last), (1, last)),
            ("SPAN", (2, last), (amount_col - 1, last)),
            ("LINEABOVE", (0, last), (-1, last), 1.0, layout.GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        )
    )
    return table


def _header(sheet: StatsSheet) -> Table:
    width = layout.content_width(PAGE)
    day = sheet.prepared_on
    cells = [
        f"编号：{sheet.number}",
        f"部门：{DEPARTMENTS[sheet.kind]}",
        f"制表人：{sheet.prepared_by}",
        f"制表日期：{day.year} 年 {day.month:02d} 月 {day.day:02d} 日",
        f"统计月份：{sheet.month}",
    ]
    table = Table([[para(c) for c in cells]], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(layout.table_style(("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return table


def _approval(sheet: StatsSheet) -> Flowable:
    data = [
        [
            para("审批人"),
            para(sheet.approved_by),
            para("签字", "hint"),
            para("制表人"),
            para(sheet.prepared_by),
            para("签字", "hint"),
        ]
    ]
    widths = [16 * mm, 30 * mm, 45 * mm, 16 * mm, 30 * mm, 45 * mm]
    table = Table(data, colWidths=widths, minRowHeights=[11 * mm], hAlign="RIGHT")
    table.setStyle(
        layout.table_style(
            ("GRID", (0, 0), (-1, -1), 0.6, layout.GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (2, 0), (2, 0), "TOP"),
            ("VALIGN", (5, 0), (5, 0), "TOP"),
        )
    )
    return KeepTogether([Spacer(1, 4 * mm), table])


def story(sheet: StatsSheet, meta: PrintMeta) -> list[Flowable]:
    return [
        layout.StartForm(meta),
        para(TITLES[sheet.kind], "title"),
        _header(sheet),
        Spacer(1, 2 * mm),
        _table(sheet),
        _approval(sheet),
    ]


def render_stats(sheet: StatsSheet, meta: PrintMeta) -> bytes:
    """One month's table as PDF bytes (A4 landscape; the header row repeats on every page)."""
    if sheet.kind not in COLUMNS:
        raise ValueError(f"unknown statistics table {sheet.kind!r}")
    return layout.build(story(sheet, meta), f"{TITLES[sheet.kind]} {sheet.month}", PAGE)
