"""Any report as .xlsx (openpyxl). A report of one table is one worksheet laid out like its
paper: the title, the header boxes (编号, 部门, 制表人, 制表日期), a bordered table under a frozen
column-header row, the 合计 row, the signatures (审批人) under it. A report of several tables
(the analytics) has a 汇总 sheet of its figures, then one plain sheet per table with its chart.
Money is written as Decimal with the '#,##0.00' format, rates with '0.0%'; widths fit the
text."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.errors import Text
from ..domain.sla import OFFICE_TZ
from .report import ChartKind, ColumnKind, Figure, ReportResult, Table

MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.0%"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
SUMMARY = Text("汇总", "Summary")
ITEM, VALUE = Text("项目", "Item"), Text("数值", "Value")
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


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


def _value(value: object, lang: str) -> object:
    """What a cell holds: the text in `lang`, numbers as numbers, times in office time."""
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, dt.datetime):  # Excel has no time zones
        return value.astimezone(OFFICE_TZ).replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value.isoformat()  # as the paper writes it (and the rows' dates are text)
    return value


def _put(ws: Worksheet, row: int, col: int, value: object, kind: ColumnKind, lang: str):
    cell = ws.cell(row, col, _value(value, lang))
    if isinstance(value, Decimal) or kind == ColumnKind.MONEY:
        cell.number_format = MONEY_FORMAT
    elif kind == ColumnKind.RATE:
        cell.number_format = RATE_FORMAT
    elif isinstance(value, dt.datetime):
        cell.number_format = TIME_FORMAT
    return cell


def _sheet_name(wb: Workbook, text: str) -> str:
    name = _NOT_IN_SHEET_NAMES.sub("-", text)[:31]
    base, n = name, 2
    while name in wb.sheetnames:
        suffix = f"({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    return name


def _table(ws: Worksheet, table: Table, head_row: int, lang: str, boxed: bool) -> int:
    """The column headers at `head_row`, the rows, the 合计; returns the last data row."""
    border = _BOX if boxed else Border()
    for i, column in enumerate(table.columns, start=1):
        cell = ws.cell(head_row, i, column.label.get(lang))
        cell.font, cell.border = _BOLD, border
        if boxed:
            cell.alignment = Alignment(horizontal="center")
    kinds = [c.kind for c in table.columns]
    r = head_row
    for row in table.rows:
        r += 1
        for i, (value, kind) in enumerate(zip(row, kinds, strict=True), start=1):
            _put(ws, r, i, value, kind, lang).border = border
    last = r
    if table.has_total:
        r += 1
        for i, (value, kind) in enumerate(zip(table.total_row(), kinds, strict=True), start=1):
            cell = _put(ws, r, i, value, kind, lang)
            cell.border = border
            if value is not None:
                cell.font = _BOLD
    ws.freeze_panes = ws.cell(head_row + 1, 1)
    _fit(ws, head_row, len(table.columns))
    return last


def _figures(ws: Worksheet, row: int, figures: Sequence[Figure], lang: str) -> None:
    """Label and value side by side, one figure every three columns (the paper's header)."""
    col = 1
    for f in figures:
        ws.cell(row, col, f.label.get(lang)).font = _BOLD
        _put(ws, row, col + 1, f.value, f.kind, lang)
        col += 3


def _charts(ws: Worksheet, table: Table, head_row: int, last: int, lang: str) -> None:
    """A native Excel chart of each of the table's chart hints, right of the table."""
    from openpyxl.chart import BarChart, PieChart, Reference

    if last <= head_row:
        return
    anchor_col = len(table.columns) + 2
    for n, hint in enumerate(table.charts):
        chart = PieChart() if hint.kind == ChartKind.PIE else BarChart()
        if isinstance(chart, BarChart):
            chart.type = "bar" if hint.kind == ChartKind.HBAR else "col"
        chart.title = table.title.get(lang)
        for name in hint.values:
            col = table.index(name) + 1
            data = Reference(ws, min_col=col, min_row=head_row, max_row=last)
            chart.add_data(data, titles_from_data=True)
        labels = table.index(hint.category) + 1
        chart.set_categories(Reference(ws, min_col=labels, min_row=head_row + 1, max_row=last))
        if len(hint.values) == 1 and not isinstance(chart, PieChart):
            chart.legend = None
        chart.height = max(7.5, 0.6 * (last - head_row))
        ws.add_chart(chart, f"{get_column_letter(anchor_col)}{head_row + 16 * n}")


def _notes(ws: Worksheet, row: int, result: ReportResult, lang: str) -> int:
    for text in ([result.headline] if result.headline else []) + list(result.notes):
        ws.cell(row, 1, text.get(lang))
        row += 1
    return row


def add_form_sheet(wb: Workbook, result: ReportResult, lang: str) -> Worksheet:
    """A report of one table on one sheet, laid out like its paper."""
    table = result.tables[0]
    ws = wb.create_sheet(_sheet_name(wb, f"{result.title.get(lang)}{result.caption}"))
    ncol = len(table.columns)
    brackets = "（{}）" if lang != "en" else " ({})"
    title = ws.cell(1, 1, result.title.get(lang) + brackets.format(result.caption))
    title.font = Font(bold=True, size=14)
    title.alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(ncol, 1))
    row = 2
    if result.figures:
        _figures(ws, row, result.figures, lang)
        row += 1
    if result.headline is not None:
        ws.cell(row, 1, result.headline.get(lang))
        row += 1
    head_row = row + 1
    last = _table(ws, table, head_row, lang, boxed=True)
    end = last + (1 if table.has_total else 0)
    _charts(ws, table, head_row, last, lang)
    row = end + 2
    if result.signatures:
        _figures(ws, row, result.signatures, lang)
        row += 2
    for text in result.notes:
        ws.cell(row, 1, text.get(lang))
        row += 1
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    return ws


def add_book_sheets(wb: Workbook, result: ReportResult, lang: str) -> None:
    """A report of several tables: its figures on a 汇总 sheet, then a sheet per table."""
    if result.figures or result.headline or result.notes:
        ws = wb.create_sheet(_sheet_name(wb, SUMMARY.get(lang)))
        ws.cell(1, 1, ITEM.get(lang)).font = _BOLD
        ws.cell(1, 2, VALUE.get(lang)).font = _BOLD
        for r, f in enumerate(result.figures, start=2):
            ws.cell(r, 1, f.label.get(lang))
            _put(ws, r, 2, f.value, f.kind, lang)
        _notes(ws, len(result.figures) + 3, result, lang)
        ws.freeze_panes = "A2"
        _fit(ws, 1, 2)
    for table in result.tables:
        ws = wb.create_sheet(_sheet_name(wb, table.title.get(lang)))
        last = _table(ws, table, 1, lang, boxed=False)
        _charts(ws, table, 1, last, lang)


def workbook(*results: ReportResult, lang: str = "zh") -> bytes:
    """The .xlsx of one or more reports."""
    wb = Workbook()
    wb.remove(wb.active)
    for result in results:
        if len(result.tables) == 1:
            add_form_sheet(wb, result, lang)
        else:
            add_book_sheets(wb, result, lang)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
