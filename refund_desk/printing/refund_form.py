"""退款申请表 (Document 1): the refund form as the office files it, with what each department
recorded and empty boxes for the ink signatures."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreakIfNotEmpty, Table

from ..domain import refund_fields
from ..domain.errors import Text
from ..domain.refund_fields import Paper
from ..domain.workflow import Action, Block, State
from ..store.queries import RefundView, StepView
from . import layout
from .layout import GRID, para
from .meta import PrintMeta, local_minute

TITLE = "退款申请表"
WIDTH = layout.content_width()
LABEL_W = 25 * mm
VALUE_W = WIDTH / 2 - LABEL_W
OPINION_HINT = "（说明原因，并制定解决方案）"

# The opinion blocks in the order of the paper form (the flow declares them in that order);
# each prints "<its department>处理意见：" and the seed's hint, except the tracking block.
_HEADINGS = {Block.TRACKING: "后期执行情况跟踪：（行政部填写）"}
BLOCKS: tuple[tuple[Block, str], ...] = tuple(
    (block, _HEADINGS.get(block, f"{block.label.zh}处理意见：{OPINION_HINT}")) for block in Block
)

Progress = Callable[[int, int], None]


def _grid(
    data: list,
    widths: Sequence[float],
    extra: Iterable[tuple] = (),
    min_heights: Sequence[float] | None = None,
) -> Table:
    table = Table(data, colWidths=list(widths), hAlign="LEFT", minRowHeights=min_heights)
    table.setStyle(
        layout.table_style(
            *[
                ("GRID", (0, 0), (-1, -1), 0.6, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                *extra,
            ]
        )
    )
    return table


def _pairs(items: Sequence[tuple[str, str]]) -> Table:
    """Label | value | label | value rows, two pairs a row."""
    padded = [*items, ("", "")] if len(items) % 2 else list(items)
    data = [
        [para(a), para(b), para(c), para(d)]
        for (a, b), (c, d) in zip(padded[::2], padded[1::2], strict=True)
    ]
    return _grid(data, (LABEL_W, VALUE_W, LABEL_W, VALUE_W), [("VALIGN", (0, 0), (-1, -1), "TOP")])


def _long(label: str, text: str) -> Table:
    """Label | text across the page; a long text runs on over as many rows (and pages) as it
    needs, with no line between its rows."""
    pieces = layout.chunks(text)
    data = [[para(label if i == 0 else ""), para(piece)] for i, piece in enumerate(pieces)]
    widths = [LABEL_W, WIDTH - LABEL_W]
    table = layout.LabelledTable(data, label, colWidths=widths, hAlign="LEFT", splitByRow=1)
    table.setStyle(
        layout.table_style(
            *[
                ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                ("LINEAFTER", (0, 0), (0, -1), 0.6, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 1), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -2), 0),
            ]
        )
    )
    return table


def _header(view: RefundView) -> Table:
    widths = (16 * mm, 46 * mm, 20 * mm, 38 * mm, 20 * mm, WIDTH - 140 * mm)
    data = [
        [
            para("编号"),
            para(view.form_no),
            para("申报部门"),
            para(view.reporting_dept or "客服部"),
            para("上报时间"),
            para(local_minute(view.created_at)),
        ]
    ]
    return _grid(data, widths)


def _fields(view: RefundView, categories: Mapping[str, Text] | None) -> list[Flowable]:
    """The form's fields where `refund_fields` puts them on paper, in the seed's order."""
    state = view.state.label.zh
    cancel = _last(view, Action.CANCEL)
    if view.state == State.CANCELLED and cancel and cancel.reason:
        state += f"（{cancel.reason}）"

    def value(f: refund_fields.Field) -> str:
        return refund_fields.shown(f, view.values, "zh", categories)

    def long(paper: Paper) -> Table:
        fields = refund_fields.on_paper(paper)
        text = "\n".join(t for t in map(value, fields) if t)
        return _long(fields[0].label.zh, text or ("" if paper == Paper.FAULT else layout.NONE))

    details = [(f.label.zh, value(f)) for f in refund_fields.on_paper(Paper.DETAILS)]
    closing = [
        ("提交人", view.submitted_by),
        ("时间", local_minute(view.timeline.submitted_at)),
        *((f.label.zh, value(f)) for f in refund_fields.on_paper(Paper.CLOSING)),
        ("当前状态", state),
    ]
    return [long(Paper.FAULT), _pairs(details), long(Paper.CUSTOMER), _pairs(closing)]


def _last(view: RefundView, action: Action) -> StepView | None:
    return next((s for s in reversed(view.steps) if s.action == action), None)


def _opinion_text(step: StepView | None, asked: StepView | None = None) -> str:
    """What a block says; the president's block also shows who asked for it and why."""
    parts = []
    if asked is not None:
        parts.append(
            f"【请总裁批示】{asked.reason}（{asked.executor}，{local_minute(asked.executed_at)}）"
        )
    if step is None:
        return "\n".join(parts)
    if step.action == Action.NOT_CREDITED:
        parts.append(f"【{step.action.label.zh}】")
    if step.opinion:
        parts.append(step.opinion)
    if step.reason:
        parts.append(f"原因：{step.reason}")
    return "\n".join(parts)


def _signature_row(step: StepView | None) -> Table:
    """执行人 / 日期 / 领导审批 as recorded, each name followed by an empty box for the ink."""
    sign = para("签字", "hint")
    widths = (14 * mm, 22 * mm, 26 * mm, 12 * mm, 29 * mm, 18 * mm, 22 * mm)
    widths = (*widths, WIDTH - sum(widths))
    data = [
        [
            para("执行人"),
            para(step.executor if step else ""),
            sign,
            para("日期"),
            para(local_minute(step.executed_at) if step else ""),
            para("领导审批"),
            para(step.leader if step else ""),
            sign,
        ]
    ]
    return _grid(
        data,
        widths,
        [
            ("VALIGN", (2, 0), (2, 0), "TOP"),
            ("VALIGN", (7, 0), (7, 0), "TOP"),
            ("LINEAFTER", (1, 0), (1, 0), 0.3, layout.FAINT),
            ("LINEAFTER", (6, 0), (6, 0), 0.3, layout.FAINT),
        ],
        min_heights=[9 * mm],
    )


def _block(heading: str, step: StepView | None, asked: StepView | None = None) -> Flowable:
    text = _opinion_text(step, asked)
    rows = [[para(heading, "head")]]
    rows += [[para(piece)] for piece in layout.chunks(text)] if text else [[para("")]]
    table = Table(
        rows,
        colWidths=[WIDTH],
        hAlign="LEFT",
        splitByRow=1,
        repeatRows=1,
        minRowHeights=None if text else [0, 11 * mm],  # room to write by hand
    )
    table.setStyle(
        layout.table_style(
            *[
                ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                # the pieces of one text read as one paragraph
                ("TOPPADDING", (0, 2), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 1), (-1, -2), 0),
                ("LEFTPADDING", (0, 1), (-1, -1), 10),
            ]
        )
    )
    return KeepTogether([table, _signature_row(step)])


def story(
    view: RefundView,
    meta: PrintMeta,
    categories: Mapping[str, Text] | None = None,
    on_start: Callable[[], None] | None = None,
) -> list[Flowable]:
    """The flowables of one form (used alone and in a batch)."""
    flow: list[Flowable] = [
        layout.StartForm(meta, on_start),
        para(TITLE, "title"),
        _header(view),
        *_fields(view, categories),
    ]
    for block, heading in BLOCKS:
        asked = _last(view, Action.REQUEST_PRESIDENT) if block == Block.PRESIDENT else None
        flow.append(_block(heading, view.latest_opinion(block), asked))
    return flow


def render_refund(
    view: RefundView, meta: PrintMeta, categories: Mapping[str, Text] | None = None
) -> bytes:
    """One refund form as PDF bytes."""
    return layout.build(story(view, meta, categories), f"{TITLE} {view.form_no}")


class Cancelled(Exception):
    """The batch was stopped by the person waiting for it."""


def render_refunds(
    views: Sequence[RefundView],
    meta_for: Callable[[RefundView], PrintMeta],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    categories: Mapping[str, Text] | None = None,
) -> bytes:
    """Many forms as one PDF, each starting on a new page and numbered on its own.

    `progress(done, total)` is called as each form's layout begins (done = forms finished so
    far) and with done == total once the file is complete; `cancelled()` is asked at the same
    moments, and a yes stops the work by raising `Cancelled`."""
    total = len(views)
    if not total:
        raise ValueError(Text("没有选中要打印的退款单。", "No refund is selected to print.").get())

    def reporter(done: int) -> Callable[[], None]:
        def report() -> None:
            if cancelled and cancelled():
                raise Cancelled()
            if progress:
                progress(done, total)

        return report

    flow: list[Flowable] = []
    for done, view in enumerate(views):
        if flow:
            flow.append(PageBreakIfNotEmpty())
        flow.extend(story(view, meta_for(view), categories, reporter(done)))
    if cancelled and cancelled():
        raise Cancelled()
    data = layout.build(flow, f"{TITLE} ×{total}")
    if progress:
        progress(total, total)
    return data
