"""Any report on A4, in Chinese like every printout: the title and its period, the figures,
the headline, each table with its header row repeated on every page and the 合计, the
signatures and the notes. Landscape when a table is wide. (The seed's monthly tables have their
own paper layout, `stats`.)"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..reports.report import Figure, ReportResult, cell_text
from ..reports.report import Table as ReportTable
from . import layout
from .layout import para
from .meta import PrintMeta

LANG = "zh"  # paper is always Chinese
WIDE = 6  # more columns than this: landscape


def pagesize(result: ReportResult) -> tuple[float, float]:
    widest = max((len(t.columns) for t in result.tables), default=0)
    return landscape(A4) if widest > WIDE else A4


def _figures(figures: tuple[Figure, ...], width: float) -> Table:
    cells = [f"{f.label.zh}：{cell_text(f.value, f.kind, LANG)}" for f in figures]
    per_row = min(len(cells), 5)
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    table = Table([[para(c) for c in row] for row in rows], colWidths=[width / per_row] * per_row)
    table.setStyle(layout.table_style(("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return table


def _table(table: ReportTable, width: float) -> Table:
    kinds = [c.kind for c in table.columns]

    def cells(values) -> list:
        return [
            para(cell_text(v, k, LANG), "small_right" if k.numeric else "small")
            for v, k in zip(values, kinds, strict=True)
        ]

    rows = [[para(c.label.zh, "tiny_center") for c in table.columns]]
    rows += [cells(row) for row in table.rows]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, layout.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if table.has_total:
        rows.append(cells(table.total_row()))
        commands.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 1.0, layout.GRID))
    widths = _widths(table, width)
    out = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
    out.setStyle(layout.table_style(*commands))
    return out


def _widths(table: ReportTable, width: float) -> list[float]:
    """Numbers get a narrow column, texts share what is left by their longest cell."""
    sample = table.rows[:200]
    weights = []
    for i, column in enumerate(table.columns):
        longest = max(
            [len(cell_text(r[i], column.kind, LANG)) for r in sample] + [len(column.label.zh)]
        )
        weights.append(min(max(longest, 4), 12 if column.kind.numeric else 40))
    total = sum(weights) or 1
    return [width * w / total for w in weights]


def story(result: ReportResult, meta: PrintMeta) -> list[Flowable]:
    page = pagesize(result)
    width = layout.content_width(page)
    out: list[Flowable] = [layout.StartForm(meta), para(result.title.zh, "title")]
    caption = result.caption
    if caption:
        out.append(para(caption, "center"))
    if result.figures and result.headline is None:  # a headline already sums them up
        out += [Spacer(1, 2 * mm), _figures(result.figures, width)]
    if result.headline is not None:
        out += [Spacer(1, 2 * mm), para(result.headline.zh, "head")]
    for table in result.tables:
        out.append(Spacer(1, 3 * mm))
        if len(result.tables) > 1:
            out.append(para(table.title.zh, "head"))
        out.append(_table(table, width))
    if result.signatures:
        out.append(KeepTogether([Spacer(1, 4 * mm), _figures(result.signatures, width)]))
    for note in result.notes:
        out += [Spacer(1, 2 * mm), para(note.zh)]
    return out


def render_report(result: ReportResult, meta: PrintMeta) -> bytes:
    """A report's result as PDF bytes."""
    return layout.build(
        story(result, meta), f"{result.title.zh} {result.caption}", pagesize(result)
    )
