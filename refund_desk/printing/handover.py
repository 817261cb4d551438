"""客服部值班交接单 (Document 2): every item of the sheet, the three refund lists, and the two
signatures. Empty items print 无, as the seed's rule asks."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from ..domain import refund_fields
from ..domain.money import format_yuan
from ..store.handover import ATTENDANCE_KEYS, HandoverRefundLine, HandoverView
from . import layout
from .layout import GRID, para
from .meta import PrintMeta, local_minute

TITLE = "客服部值班交接单"
WIDTH = layout.content_width()
LABEL_W = 18 * mm
PAD = [("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]


def _tick(on: bool) -> str:
    return "■" if on else "□"


def _grid(data: list, widths: Sequence[float], min_heights: Sequence[float] | None = None):
    table = Table(data, colWidths=list(widths), hAlign="LEFT", minRowHeights=min_heights)
    table.setStyle(
        layout.table_style(
            ("GRID", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *PAD
        )
    )
    return table


def _head(view: HandoverView) -> Table:
    value_w = WIDTH / 2 - LABEL_W
    shift = (
        f"{_tick(view.shift == 'day')}白班　{_tick(view.shift == 'middle')}中班"
        f"　（{local_minute(view.shift_start)} 至 {local_minute(view.shift_end)}）"
    )
    data = [
        [para("填表时间"), para(local_minute(view.filled_at)), para("班次"), para(shift)],
        [para("交接人"), para(view.handed_by), para("接交人"), para(view.taken_by or "")],
    ]
    return _grid(data, (LABEL_W, value_w - 12 * mm, LABEL_W, value_w + 12 * mm))


def _attendance(view: HandoverView) -> Table:
    rows = []
    for i, (key, label) in enumerate(ATTENDANCE_KEYS.items()):
        value = view.attendance.get(key, "")
        if isinstance(value, list | tuple):
            value = "、".join(str(v) for v in value)
        rows.append([para("考勤" if i == 0 else ""), para(label.zh), para(layout.or_none(value))])
    widths = [LABEL_W, 28 * mm, WIDTH - LABEL_W - 28 * mm]
    table = layout.LabelledTable(rows, "考勤", colWidths=widths, hAlign="LEFT")
    table.setStyle(
        layout.table_style(
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
            ("INNERGRID", (1, 0), (-1, -1), 0.6, GRID),
            ("LINEAFTER", (0, 0), (0, -1), 0.6, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *PAD,
        )
    )
    return table


def _numbered(label: str, items: Sequence[str], hint: str) -> Table:
    """A numbered list (1, 2, 3 …); a long item runs on over several rows and pages."""
    rows: list[list] = []
    starts: list[int] = []
    texts = [t for t in items if t and t.strip()] or [layout.NONE]
    for number, text in enumerate(texts, start=1):
        starts.append(len(rows))
        for j, piece in enumerate(layout.chunks(text.strip())):
            first = j == 0
            rows.append(
                [
                    para(label if not rows else ""),
                    para(f"{number}." if first else "", "center"),
                    para(piece),
                ]
            )
    rows.append([para(""), para(""), para(hint, "hint")])
    widths = [LABEL_W, 9 * mm, WIDTH - LABEL_W - 9 * mm]
    table = layout.LabelledTable(rows, label, colWidths=widths, hAlign="LEFT", splitByRow=1)
    table.setStyle(
        layout.table_style(
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
            ("LINEAFTER", (0, 0), (1, -1), 0.6, GRID),
            *(("LINEABOVE", (1, r), (-1, r), 0.6, GRID) for r in starts[1:]),
            ("LINEABOVE", (1, len(rows) - 1), (-1, len(rows) - 1), 0.3, layout.FAINT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *PAD,
        )
    )
    return table


REFUND_LISTS = (
    ("财务已处理的订单", "处理结果"),
    ("已提交财务的订单", ""),
    ("财务退回的订单", "退回原因"),
)


def _refund_lists(view: HandoverView) -> Table:
    widths = [LABEL_W, 22 * mm, 29 * mm, 23 * mm, 20 * mm, 26 * mm, 24 * mm]
    widths.append(WIDTH - sum(widths))
    lists: list[list[HandoverRefundLine]] = [
        view.processed_by_finance,
        view.submitted_to_finance,
        view.returned_by_finance,
    ]
    rows: list[list] = []
    starts: list[int] = []
    for (title, extra), lines in zip(REFUND_LISTS, lists, strict=True):
        starts.append(len(rows))
        heads = ["文件编号", "手机号", "金额", "银行", extra, "备注"]
        rows.append(
            [para("退款单统计" if not rows else ""), para(title)]
            + [para(h, "tiny_center") for h in heads]
        )
        for line in lines:
            extra_value = line.result if extra == "处理结果" else line.reason
            rows.append(
                [
                    para(""),
                    para(""),
                    para(line.form_no, "small"),
                    para(line.phone, "small"),
                    para(format_yuan(line.amount), "small"),
                    para(refund_fields.bank_label(line.bank, line.bank_other).zh, "small"),
                    para(extra_value if extra else "", "small"),
                    para(line.note, "small"),
                ]
            )
        if not lines:
            rows.append([para(""), para(""), para(layout.NONE, "small")] + [para("")] * 5)
    table = layout.LabelledTable(rows, "退款单统计", colWidths=widths, hAlign="LEFT", splitByRow=1)
    table.setStyle(
        layout.table_style(
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
            ("LINEAFTER", (0, 0), (1, -1), 0.6, GRID),
            ("INNERGRID", (2, 0), (-1, -1), 0.4, GRID),
            *(("LINEABOVE", (1, r), (-1, r), 0.6, GRID) for r in starts[1:]),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *PAD,
        )
    )
    return table


def _cleaned(view: HandoverView) -> Table:
    if view.cleaned is None:
        text = f"{_tick(False)}是　{_tick(False)}否"
    else:
        text = f"{_tick(view.cleaned)}是　{_tick(not view.cleaned)}否"
    return _grid([[para("卫生是否打扫"), para(text)]], (30 * mm, WIDTH - 30 * mm))


def _signatures(view: HandoverView) -> Flowable:
    sign = para("签字", "hint")
    widths = (LABEL_W, 16 * mm, 26 * mm, 50 * mm, 20 * mm)
    widths = (*widths, WIDTH - sum(widths))
    people = (
        ("相关责任人签字确认", "交接人", view.handed_by, "签字时间", view.signed_at),
        ("", "接交人", view.taken_by or "", "确认时间", view.confirmed_at),
    )
    data = [
        [para(head), para(role), para(name), sign, para(when_label), para(local_minute(when))]
        for head, role, name, when_label, when in people
    ]
    table = Table(data, colWidths=list(widths), hAlign="LEFT", minRowHeights=[11 * mm] * 2)
    table.setStyle(
        layout.table_style(
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
            ("INNERGRID", (1, 0), (-1, -1), 0.6, GRID),
            ("LINEAFTER", (0, 0), (0, -1), 0.6, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (3, 0), (3, -1), "TOP"),
            *PAD,
        )
    )
    return KeepTogether([table])


def story(view: HandoverView, meta: PrintMeta) -> list[Flowable]:
    return [
        layout.StartForm(meta),
        para(TITLE, "title"),
        _head(view),
        _attendance(view),
        _numbered(
            "完成工作明细",
            view.work_done,
            "备注：如有故障退款单，请注明文件编号，手机号，金额，银行。",
        ),
        _numbered(
            "需其他人员跟进交接明细",
            view.follow_ups,
            "备注：如有故障退款单，请注明文件编号，手机号，金额，银行，交接环节。",
        ),
        _refund_lists(view),
        _cleaned(view),
        _signatures(view),
    ]


def render_handover(view: HandoverView, meta: PrintMeta) -> bytes:
    """One handover sheet as PDF bytes."""
    return layout.build(story(view, meta), f"{TITLE} {meta.form_no_or_ref}")
