"""The table models, without any widget: text, colours, sorting keys."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from refund_desk.domain.calendar import WorkCalendar
from refund_desk.domain.sla import Timeline
from refund_desk.domain.workflow import Action, Block, State
from refund_desk.store.queries import RefundRow, StepView
from refund_desk.ui import display
from refund_desk.ui.table_models import (
    ID_ROLE,
    SORT_ROLE,
    RefundColumn,
    RefundTableModel,
    StepColumn,
    StepTableModel,
)

NOW = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)


def row(i: int, finance_submitted_ago: dt.timedelta | None, amount: str = "128.50") -> RefundRow:
    submitted = NOW - finance_submitted_ago if finance_submitted_ago is not None else None
    return RefundRow(
        id=i,
        form_no=f"TD-2026-{i:06d}",
        order_no=f"TK2026{i:06d}",
        phone="13800138000",
        bank="icbc",
        amount=Decimal(amount),
        state=State.CASHIER_CHECK,
        state_since=submitted or NOW,
        created_at=NOW - dt.timedelta(days=1),
        submitted_by="王小丽",
        version=3,
        timeline=Timeline(
            complaint_at=NOW - dt.timedelta(days=1),
            submitted_at=NOW - dt.timedelta(days=1),
            finance_submitted_at=submitted,
        ),
        president_pending=False,
    )


def test_clock_colours_follow_the_12_hour_finance_limit(qapp):
    model = RefundTableModel("zh", WorkCalendar())
    model.set_rows(
        [
            row(1, dt.timedelta(hours=1)),  # 1/12 used
            row(2, dt.timedelta(hours=10, minutes=30)),  # 87.5% used
            row(3, dt.timedelta(hours=13)),  # overdue
        ],
        NOW,
    )
    assert [model.colour(i) for i in range(3)] == ["green", "amber", "red"]
    clock = model.index(2, RefundColumn.CLOCK)
    assert model.data(clock) == "财务12小时内处理 · 超时1小时0分"
    assert model.data(clock, Qt.ItemDataRole.BackgroundRole) == display.CLOCK_BACKGROUNDS["red"]
    assert model.data(model.index(0, RefundColumn.CLOCK)) == "财务12小时内处理 · 剩11小时0分"


def test_text_money_and_ids(qapp):
    model = RefundTableModel("zh", WorkCalendar())
    model.set_rows([row(7, dt.timedelta(hours=1), "1280.00")], NOW)
    assert model.rowCount() == 1 and model.columnCount() == len(RefundColumn)
    assert model.data(model.index(0, RefundColumn.AMOUNT)) == "¥1,280.00"
    assert model.data(model.index(0, RefundColumn.AMOUNT), SORT_ROLE) == 128000
    assert model.data(model.index(0, RefundColumn.BANK)) == "中国工商银行"
    assert model.data(model.index(0, RefundColumn.STATE)) == "待出纳初核"
    assert model.data(model.index(0, RefundColumn.SINCE)) == "2026-11-27 13:00"
    assert model.data(model.index(0, RefundColumn.FORM_NO), ID_ROLE) == 7


def test_english_labels(qapp):
    model = RefundTableModel("en", WorkCalendar())
    model.set_rows([row(1, dt.timedelta(hours=13))], NOW)
    assert model.data(model.index(0, RefundColumn.STATE)) == "Cashier check"
    assert (
        model.data(model.index(0, RefundColumn.CLOCK)) == "Finance within 12 h · 1 h 0 min overdue"
    )


def test_tick_moves_the_clock_without_new_rows(qapp):
    model = RefundTableModel("zh", WorkCalendar())
    model.set_rows([row(1, dt.timedelta(hours=9))], NOW)
    assert model.colour(0) == "green"
    model.tick(NOW + dt.timedelta(hours=2))
    assert model.colour(0) == "amber"
    model.tick(NOW + dt.timedelta(hours=4))
    assert model.colour(0) == "red"


def test_step_history_columns(qapp):
    model = StepTableModel("zh")
    model.set_steps(
        [
            StepView(
                Action.LEAD_APPROVE,
                State.LEAD_REVIEW,
                State.TECH_VERIFICATION,
                Block.CS,
                "资料齐全，转技术部。",
                "",
                "张伟",
                NOW,
                "刘洋",
            )
        ]
    )
    assert model.data(model.index(0, StepColumn.STEP)) == "审核通过，转技术部 → 待技术部核实"
    assert model.data(model.index(0, StepColumn.BLOCK)) == "客服部"
    assert model.data(model.index(0, StepColumn.OPINION)) == "资料齐全，转技术部。"
    assert model.data(model.index(0, StepColumn.EXECUTOR)) == "张伟"
    assert model.data(model.index(0, StepColumn.LEADER)) == "刘洋"
    assert model.data(model.index(0, StepColumn.TIME)) == "2026-11-27 14:00"


def test_rows_load_lazily_page_by_page(qapp):
    model = RefundTableModel("zh", WorkCalendar())
    asked: list[int] = []
    model.load_more = asked.append
    model.set_rows([row(i, dt.timedelta(hours=1)) for i in range(3)], NOW)
    assert not model.canFetchMore()
    model.has_more = True
    assert model.canFetchMore()
    model.fetchMore()
    assert asked == [3]
    assert not model.canFetchMore()  # one page at a time
    model.append_rows([row(3, dt.timedelta(hours=1))], has_more=False)
    assert model.rowCount() == 4 and not model.canFetchMore()
    assert model.data(model.index(3, RefundColumn.FORM_NO)) == "TD-2026-000003"


def test_signals_do_not_leak_references_to_true(qapp):
    """PySide6 6.12.0 dropped a reference to True on every emit(); the app aborted after a few
    hundred background jobs ("bool_dealloc"). pyproject keeps PySide6 below 6.12; this test
    fails if a release with that bug comes back."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        flag = Signal(bool)
        number = Signal(int)

    emitter = Emitter()
    emitter.flag.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.flag.emit(True)
        emitter.number.emit(1)
    assert sys.getrefcount(True) - before > -10
