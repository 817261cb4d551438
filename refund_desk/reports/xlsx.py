"""Monthly tables and analytics as .xlsx (openpyxl): Chinese sheet names, the paper header block
(编号, 部门, 制表人, 制表日期), money as Decimal with the '#,##0.00' format, a frozen column-header
row, column widths that fit the text, the 合计 row and 审批人 under it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .sheet import COLUMNS, DEPARTMENTS, TITLES, StatsSheet

MONEY_FORMAT = "#,##0.00"
SHEET_NAMES = {"cs": "客服退单统计表", "finance": "财务退单统计表"}
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)


def _width(value: object) -> int:
    """Display width: a CJK character takes two columns."""
    text = (
        value
        if isinstance(value, str)
        else (f"{value:,.2f}" if isinstance(value, Decimal) else str(value))
    )
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _fit(ws: Worksheet, first_row: int, columns: int) -> None:
    widths = [4] * columns
    for row in ws.iter_rows(min_row=first_row, max_col=columns):
        for i, cell in enumerate(row):
            if cell.value is not None:
                widths[i] = max(widths[i], _width(cell.value))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(w + 2, 60)


def add_stats_sheet(wb: Workbook, sheet: StatsSheet) -> Worksheet:
    """One monthly table on its own worksheet, laid out like the paper."""
    columns = COLUMNS[sheet.kind]
    ws = wb.create_sheet(f"{SHEET_NAMES[sheet.kind]}{sheet.month}")
    ncol = len(columns)
    ws.cell(1, 1, f"{TITLES[sheet.kind]}（{sheet.month}）").font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    header = (
        ("编号", sheet.number),
        ("部门", DEPARTMENTS[sheet.kind]),
        ("制表人", sheet.prepared_by),
        ("制表日期", sheet.prepared_on.isoformat()),
    )
    col = 1
    for label, value in header:
        ws.cell(2, col, label).font = _BOLD
        ws.cell(2, col + 1, value)
        col += 3
    head_row = 4
    for i, (_, label) in enumerate(columns, start=1):
        cell = ws.cell(head_row, i, label)
        cell.font = _BOLD
        cell.border = _BOX
        cell.alignment = Alignment(horizontal="center")
    money_col = [attr for attr, _ in columns].index("amount") + 1
    r = head_row
    for line in sheet.lines:
        r += 1
        for i, (attr, _) in enumerate(columns, start=1):
            cell = ws.cell(r, i, getattr(line, attr))
            cell.border = _BOX
        ws.cell(r, money_col).number_format = MONEY_FORMAT
    r += 1
    ws.cell(r, 1, "合计").font = _BOLD
    ws.cell(r, 2, f"{sheet.total_count} 笔")
    total = ws.cell(r, money_col, sheet.total_amount)
    total.number_format = MONEY_FORMAT
    total.font = _BOLD
    for i in range(1, ncol + 1):
        ws.cell(r, i).border = _BOX
    ws.cell(r + 2, 1, "审批人").font = _BOLD
    ws.cell(r + 2, 2, sheet.approved_by)
    ws.freeze_panes = ws.cell(head_row + 1, 1)
    _fit(ws, head_row, ncol)
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    return ws


def add_table(
    wb: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    money_columns: Sequence[int] = (),
) -> Worksheet:
    """A plain table (analytics): bold frozen header, money columns formatted, widths fitted."""
    ws = wb.create_sheet(title[:31])
    for i, h in enumerate(headers, start=1):
        ws.cell(1, i, h).font = _BOLD
    for r, row in enumerate(rows, start=2):
        for i, value in enumerate(row, start=1):
            cell = ws.cell(r, i, value)
            if i - 1 in money_columns:
                cell.number_format = MONEY_FORMAT
    ws.freeze_panes = "A2"
    _fit(ws, 1, len(headers))
    return ws


def add_bar_chart(ws: Worksheet, title: str, value_column: int, rows: int, anchor: str) -> None:
    """A native Excel bar chart of one column of a table sheet (labels in column A)."""
    from openpyxl.chart import BarChart, Reference

    if rows == 0:
        return
    chart = BarChart()
    chart.type = "bar" if rows > 8 else "col"
    chart.title = title
    chart.legend = None
    data = Reference(ws, min_col=value_column, min_row=1, max_row=rows + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=rows + 1))
    chart.height = max(7.5, 0.6 * rows)
    ws.add_chart(chart, anchor)


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def to_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def stats_workbook(*sheets: StatsSheet) -> bytes:
    """The .xlsx of one or more monthly tables."""
    wb = new_workbook()
    for sheet in sheets:
        add_stats_sheet(wb, sheet)
    return to_bytes(wb)


def write_stats(path: str | Path, *sheets: StatsSheet) -> Path:
    path = Path(path)
    path.write_bytes(stats_workbook(*sheets))
    return path
