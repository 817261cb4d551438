"""Shared page machinery: styles, wrapping text cells, the page footer with the print stamp and
QR code, page numbers "第 x 页 共 y 页" counted per form (also inside a batch), and the build
that returns PDF bytes."""

from __future__ import annotations

import io
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from . import fonts
from .meta import DEMO_MARK, PrintMeta

MARGIN = 12 * mm
FOOTER = 20 * mm  # room under the frame for the print stamp and the QR code
QR_SIZE = 17 * mm
GRID = colors.black
FAINT = colors.HexColor("#777777")
NONE = "无"  # the seed: every item is required; write 无 where there is nothing


@cache
def styles() -> dict[str, ParagraphStyle]:
    font = fonts.register()
    base = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "cell": base,
        "label": ParagraphStyle("label", parent=base),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "hint": ParagraphStyle("hint", parent=base, fontSize=6.5, leading=8, textColor=FAINT),
        "small_right": ParagraphStyle(
            "small_right", parent=base, fontSize=7.5, leading=9.5, alignment=TA_RIGHT
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "title": ParagraphStyle(
            "title", parent=base, fontSize=17, leading=21, alignment=TA_CENTER, spaceAfter=2 * mm
        ),
        "head": ParagraphStyle("head", parent=base, fontSize=10, leading=13),
        "tiny_center": ParagraphStyle(
            "tiny_center", parent=base, fontSize=7.5, leading=9.5, alignment=TA_CENTER
        ),
    }


def table_style(*commands: tuple) -> TableStyle:
    """A table style on the embedded font (a table otherwise starts Helvetica, never embedded)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.register(), 9), *commands])


def para(text: object, style: str = "cell") -> Paragraph:
    """A wrapping cell: the text is escaped, line breaks kept, CJK wrapped at any character."""
    body = escape(str(text if text is not None else "")).replace("\n", "<br/>")
    return Paragraph(body, styles()[style])


def chunks(text: str, limit: int = 220) -> list[str]:
    """Cut a long text into pieces of at most `limit` characters, at line ends where possible,
    so each piece is one table row and a long text can continue on the next page."""
    pieces: list[str] = []
    current = ""
    for line in (text or "").splitlines() or [""]:
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        joined = f"{current}\n{line}" if current else line
        if current and len(joined) > limit:
            pieces.append(current)
            current = line
        else:
            current = joined
    pieces.append(current)
    return pieces


def or_none(text: str | None) -> str:
    return text.strip() if text and text.strip() else NONE


class LabelledTable(Table):
    """A table whose first column labels a section (考勤, 完成工作明细 …): where it runs on to
    another page, the continuation's first cell repeats the label with （续）."""

    def __init__(self, data: list, label: str = "", **kwargs) -> None:
        super().__init__(data, **kwargs)  # reportlab makes the split parts the same way
        self.label = label

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = super().split(avail_width, avail_height)
        for part in parts:
            part.label = self.label
        for part in parts[1:]:
            part._cellvalues[0][0] = para(f"{self.label}（续）")
        return parts


class StartForm(Flowable):
    """Zero-size mark at the start of each form: the pages after it carry its stamp and are
    numbered from 1 (a batch holds many forms)."""

    def __init__(self, meta: PrintMeta, on_draw: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.meta = meta
        self.on_draw = on_draw  # a batch reports progress and checks for cancel here

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.on_draw:
            self.on_draw()
        self.canv.start_form(self.meta)


class FormCanvas(Canvas):
    """Keeps every page until the end so each can be stamped "第 x 页 共 y 页" of its form."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self._form_meta: PrintMeta | None = None
        self._form_index = 0

    def start_form(self, meta: PrintMeta) -> None:
        self._form_meta = meta
        self._form_index += 1

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(state["_form_index"] for state in self._held)
        seen: Counter[int] = Counter()
        for state in self._held:
            self.__dict__.update(state)
            seen[self._form_index] += 1
            if self._form_meta is not None:
                stamp_page(self, self._form_meta, seen[self._form_index], totals[self._form_index])
            Canvas.showPage(self)
        Canvas.save(self)


def stamp_page(canvas: Canvas, meta: PrintMeta, page: int, pages: int) -> None:
    """The footer: print stamp on the left, page number in the middle, QR code on the right."""
    width, _ = canvas._pagesize
    font = fonts.register()
    top = MARGIN + FOOTER - 3 * mm
    canvas.saveState()
    canvas.setStrokeColor(FAINT)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, top, width - MARGIN, top)
    canvas.setFillColor(colors.black)
    canvas.setFont(font, 7.5)
    y = top - 5 * mm
    for line in meta.caption():
        canvas.drawString(MARGIN, y, line)
        y -= 4 * mm
    canvas.setFont(font, 8.5)
    canvas.drawCentredString(width / 2, top - 5 * mm, f"第 {page} 页 共 {pages} 页")
    draw_qr(canvas, meta.qr_text(), width - MARGIN - QR_SIZE, MARGIN, QR_SIZE)
    if meta.demo:  # across the page, under nothing that matters: no one takes it for real
        height = canvas._pagesize[1]
        canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
        canvas.setFont(font, 64)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, f"{DEMO_MARK} 仅供演示")
    canvas.restoreState()


@lru_cache(maxsize=32)
def _qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The QR code of `text` as (module count, dark runs (row, column, length)), encoded once:
    every page of a form carries the same stamp."""
    code = QrCodeWidget(text, barBorder=0).qr
    code.make()
    runs = []
    for r, row in enumerate(code.modules):
        c = 0
        for dark, group in itertools.groupby(map(bool, row)):
            count = len(list(group))
            if dark:
                runs.append((r, c, count))
            c += count
    return code.getModuleCount(), tuple(runs)


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the QR code's modules straight onto the page (renderPDF would also start the
    default Helvetica font, which is never embedded)."""
    count, runs = _qr_runs(text)
    box = size / count
    canvas.saveState()
    canvas.setFillColor(colors.black)
    for r, c, length in runs:
        canvas.rect(x + c * box, y + size - (r + 1) * box, length * box, box, stroke=0, fill=1)
    canvas.restoreState()


class FormDoc(BaseDocTemplate):
    def __init__(self, out: io.BytesIO, pagesize: tuple[float, float], title: str) -> None:
        super().__init__(
            out,
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + FOOTER,
            title=title,
            author="Refund Desk",
            creator="Refund Desk",
            initialFontName=fonts.register(),
            pageCompression=1,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("form", [frame])])


def content_width(pagesize: tuple[float, float] = A4) -> float:
    return pagesize[0] - 2 * MARGIN


def build(story: Iterable[Flowable], title: str, pagesize: tuple[float, float] = A4) -> bytes:
    """Lay out `story` and return the PDF."""
    out = io.BytesIO()
    FormDoc(out, pagesize, title).build(list(story), canvasmaker=FormCanvas)
    return out.getvalue()
