"""The analytics as labelled tables (the numbers beside each chart, and the .xlsx sheets)."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.sla import OFFICE_TZ
from ..domain.validation import DEFAULT_BANKS, DEFAULT_FAULT_CATEGORIES
from ..domain.workflow import State
from .analytics import Analytics

BANKS = dict(DEFAULT_BANKS)
CATEGORIES = dict(DEFAULT_FAULT_CATEGORIES)


@dataclass(frozen=True)
class LabelledTable:
    key: str  # summary | category | bank | step | times | sla | overdue | trend
    title: str
    headers: list[str]
    rows: list[list]
    money_columns: tuple[int, ...] = ()


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _label(mapping, key: str, lang: str) -> str:
    text = mapping.get(key)
    return text.get(lang) if text is not None else key


def _hours(seconds: float) -> float:
    return round(seconds / 3600, 2)


def _rate(value: float | None) -> str:
    return f"{value * 100:.1f}%" if value is not None else "—"


def tables(
    a: Analytics, lang: str = "zh", category_labels: dict | None = None
) -> list[LabelledTable]:
    """Every analytics table, each with Chinese (or English) titles and headers."""
    categories = category_labels or CATEGORIES
    count, amount = _t(lang, "笔数", "Count"), _t(lang, "金额", "Amount")

    def grouped(key, title, mapping):
        rows = [[_label(mapping, g.key, lang), g.count, g.amount] for g in getattr(a, key)]
        return LabelledTable(key, title, [title, count, amount], rows, (2,))

    states = {s.value: s.label for s in State}
    return [
        LabelledTable(
            "summary",
            _t(lang, "汇总", "Summary"),
            [_t(lang, "项目", "Item"), _t(lang, "数值", "Value")],
            [
                [_t(lang, "期间", "Period"), f"{a.date_from} – {a.date_to}"],
                [count, a.count],
                [amount, a.amount],
                [_t(lang, "已办结", "Closed"), a.closed],
                [_t(lang, "已退款", "Paid"), a.paid],
                [
                    _t(lang, "成功率（已退款/已办结）", "Success rate (paid / closed)"),
                    _rate(a.success_rate),
                ],
            ],
        ),
        grouped("by_category", _t(lang, "故障现象", "Fault"), categories),
        grouped("by_bank", _t(lang, "开户行", "Bank"), BANKS),
        grouped("by_step", _t(lang, "当前环节", "Current step"), states),
        LabelledTable(
            "step_times",
            _t(lang, "各环节用时", "Time per step"),
            [
                _t(lang, "环节", "Step"),
                count,
                _t(lang, "中位数（小时）", "Median (h)"),
                _t(lang, "90%分位（小时）", "P90 (h)"),
            ],
            [
                [t.state.label.get(lang), t.count, _hours(t.median_s), _hours(t.p90_s)]
                for t in a.step_times
            ],
        ),
        LabelledTable(
            "sla",
            _t(lang, "时限达标", "SLA compliance"),
            [
                _t(lang, "时限", "Clock"),
                _t(lang, "计入", "Measured"),
                _t(lang, "达标", "Met"),
                _t(lang, "超时", "Missed"),
                _t(lang, "达标率", "Rate"),
            ],
            [[c.clock.label.get(lang), c.measured, c.met, c.missed, _rate(c.rate)] for c in a.sla],
        ),
        LabelledTable(
            "overdue",
            _t(lang, "超时明细", "Overdue cases"),
            [
                _t(lang, "退单编号", "Form"),
                _t(lang, "时限", "Clock"),
                _t(lang, "期限", "Due"),
                _t(lang, "超时（小时）", "Late by (h)"),
                _t(lang, "状态", "Status"),
            ],
            [
                [
                    o.form_no,
                    o.clock.label.get(lang),
                    o.due_at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M"),
                    _hours(o.late_by.total_seconds()),
                    _t(lang, "仍未完成", "still running")
                    if o.stopped_at is None
                    else _t(lang, "已完成（超时）", "done late"),
                ]
                for o in a.overdue
            ],
        ),
        LabelledTable(
            "trend",
            _t(lang, "趋势", "Trend"),
            [_t(lang, "期间", "Period"), count, amount],
            [[g.key, g.count, g.amount] for g in a.trend],
            (2,),
        ),
    ]


def workbook(a: Analytics, lang: str = "zh") -> bytes:
    from . import xlsx  # openpyxl (and numpy) load only when a workbook is written

    wb = xlsx.new_workbook()
    for table in tables(a, lang):
        ws = xlsx.add_table(wb, table.title, table.headers, table.rows, table.money_columns)
        column = CHARTED.get(table.key)
        if column is not None:
            anchor = f"{chr(ord('A') + len(table.headers) + 1)}2"
            xlsx.add_bar_chart(ws, table.title, column, len(table.rows), anchor)
    return xlsx.to_bytes(wb)


# which column of each table its chart shows (1-based): counts, median hours, met counts
CHARTED = {"by_category": 2, "by_bank": 2, "by_step": 2, "step_times": 3, "sla": 3, "trend": 2}
