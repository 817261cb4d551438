"""客服退单统计表 and 财务退单统计表 (Documents 3 and 4): the monthly tables on A4 landscape.

`StatsSheet` and `StatsLine` are the input: the reports package builds them from the database,
this module only lays them out."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..domain.money import format_yuan
from ..reports.sheet import COLUMNS, DEPARTMENTS, TITLES, StatsLine, StatsSheet
from . import layout
from .layout import para
from .meta import PrintMeta

PAGE = landscape(A4)


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
    names = [c.name for c in columns]
    amount_col = names.index("amount")
    rows: list[list] = [[para(c.label.zh, "tiny_center") for c in columns]]
    for line in sheet.lines:
        rows.append(
            [
                para(_cell(line, attr), "small_right" if attr == "amount" else "small")
                for attr in names
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
