"""My queue (counts, colours, approving several), search, the main window and login (the
first-run database dialog: test_database_dialog.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QDialogButtonBox

from refund_desk.domain.errors import DatabaseError
from refund_desk.domain.workflow import Action, State
from refund_desk.store import queries, refunds
from refund_desk.ui.login_dialog import LoginDialog
from refund_desk.ui.main_window import MainWindow
from refund_desk.ui.queue_tab import QueueTab
from refund_desk.ui.search_tab import SearchTab
from refund_desk.ui.table_models import RefundColumn
from tests.conftest import forward

from .conftest import idle, type_text

TO_FINANCE = tuple(forward(State.CS_SUBMIT))  # back at CS, to be submitted to finance


def at_cashier(office, hours_ago: float, amount: str = "128.50"):
    """A refund that reached the cashier `hours_ago` hours ago (every earlier step before)."""
    when = dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours_ago)
    steps = [(who, action, {"at": when - dt.timedelta(minutes=30 - i)}) for i, (who, action) in
             enumerate(TO_FINANCE)]  # fmt: skip
    opened = when - dt.timedelta(hours=1)
    saved = office.carry(office.new_refund(amount=amount, complaint_at=opened), *steps)
    return refunds.act(
        office["lead"], saved.refund_id, saved.version, Action.SUBMIT_TO_FINANCE, at=when
    )


def test_a_long_queue_comes_a_page_at_a_time_and_says_whose_overdue_count_it_shows(
    qtbot, make_ctx, sqlite_office, monkeypatch
):
    from refund_desk.ui import queue_jobs

    late, later, fresh = (at_cashier(sqlite_office, hours) for hours in (14, 13, 0.5))
    monkeypatch.setattr(queue_jobs, "PAGE", 2)
    tab = QueueTab(make_ctx("cashier"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    assert [row.id for row in tab.model.rows] == [late.refund_id, later.refund_id]
    text = tab.form.counts.text()
    assert "待我处理：3" in text and "列出最早的 2 张，其中超时 2 张" in text
    assert "已超时" not in text  # not a count of the whole queue
    assert tab.proxy.canFetchMore(QModelIndex())  # what the view asks at the end of the list
    tab.proxy.fetchMore(QModelIndex())
    idle(qtbot, tab.ctx.worker)
    assert [row.id for row in tab.model.rows] == [late.refund_id, later.refund_id, fresh.refund_id]
    assert not tab.proxy.canFetchMore(QModelIndex())
    assert "已超时：2" in tab.form.counts.text()


def test_queue_counts_colours_and_filter(qtbot, make_ctx, sqlite_office):
    overdue = at_cashier(sqlite_office, 13)
    amber = at_cashier(sqlite_office, 10.5)
    green = at_cashier(sqlite_office, 0.5)
    sqlite_office.carry(sqlite_office.new_refund(), ("clerk", Action.SUBMIT))  # not finance's
    tab = QueueTab(make_ctx("cashier"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    assert tab.counts == {State.CASHIER_CHECK: 3}
    assert "待我处理：3" in tab.form.counts.text() and "已超时：1" in tab.form.counts.text()
    # oldest first, each with its clock colour
    ids = [row.id for row in tab.model.rows]
    assert ids == [overdue.refund_id, amber.refund_id, green.refund_id]
    assert [tab.model.colour(i) for i in range(3)] == ["red", "amber", "green"]
    clock = tab.proxy.index(0, RefundColumn.CLOCK)
    assert tab.proxy.data(clock).startswith("财务12小时内处理 · 超时1小时")
    tab.form.overdueOnly.setChecked(True)
    assert tab.proxy.rowCount() == 1
    tab.form.overdueOnly.setChecked(False)
    type_text(tab.form.filter, green.form_no)
    assert tab.proxy.rowCount() == 1
    tab.form.filter.clear()
    assert tab.proxy.rowCount() == 3
    # the lead's queue holds the refund waiting for review
    lead = QueueTab(make_ctx("lead"))
    qtbot.addWidget(lead)
    idle(qtbot, lead.ctx.worker)
    assert lead.counts == {State.LEAD_REVIEW: 1}


def test_approve_several_with_one_confirmation(qtbot, make_ctx, sqlite_office):
    first = at_cashier(sqlite_office, 1, "100.10")
    second = at_cashier(sqlite_office, 2, "200.20")
    tab = QueueTab(make_ctx("cashier"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    selection = tab.form.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(tab.proxy.rowCount()):
        selection.select(tab.proxy.index(row, 0), flags)
    tab.form.approveButton.click()
    idle(qtbot, tab.ctx.worker)
    dialog = tab.batch_dialog
    summary = dialog.form.summary.text()
    assert "审批 2 张退款单，合计 ¥300.30" in summary
    assert first.form_no in summary and second.form_no in summary
    type_text(dialog.form.opinion, "款项已到账")
    dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    idle(qtbot, tab.ctx.worker)
    for saved in (first, second):
        view = queries.get_refund(refund_id=saved.refund_id)
        assert view.state == State.ACCOUNTANT_REVIEW
        assert view.steps[-1].opinion == "款项已到账"
    assert tab.counts == {}
    assert sum(
        v.amount for v in map(lambda s: queries.get_refund(refund_id=s.refund_id), (first, second))
    ) == Decimal("300.30")


def test_search_by_order_number_shows_step_and_clocks(qtbot, make_ctx, sqlite_office):
    saved = at_cashier(sqlite_office, 1)
    order_no = queries.get_refund(refund_id=saved.refund_id).order_no
    sqlite_office.new_refund()
    tab = SearchTab(make_ctx("admin"))
    qtbot.addWidget(tab)
    type_text(tab.form.text, order_no)
    tab.form.searchButton.click()
    idle(qtbot, tab.ctx.worker)
    assert tab.model.rowCount() == 1
    assert tab.form.resultCount.text() == "共找到 1 张退款单"
    assert tab.model.data(tab.model.index(0, RefundColumn.STATE)) == "待出纳初核"
    clocks = tab.model.data(tab.model.index(0, RefundColumn.CLOCKS))
    assert "10分钟内填单" in clocks and "财务12小时内处理…" in clocks


def test_main_window_title_status_and_shortcuts(qtbot, make_ctx, sqlite_office):
    ctx = make_ctx("cashier")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    idle(qtbot, ctx.worker)
    title = window.windowTitle()
    assert "Cashier" in title and "出纳" in title and ctx.location.display in title
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert (
        tabs[0] == "退款申请"
        and tabs[1].startswith("待办")
        and tabs[2:] == ["值班交接", "统计", "查询"]
    )
    assert window.status.state_label.text().startswith("● 数据库已连接")
    assert window.status.refresh_label.text().startswith("最后刷新：")
    ctx.worker.failed.emit(DatabaseError("db_readonly", where="x"))
    assert "只读" in window.status.state_label.text()
    ctx.worker.failed.emit(DatabaseError("db_unreachable", where="x", why="?"))
    assert "无法连接" in window.status.state_label.text()
    ctx.worker.succeeded.emit()
    assert "已连接" in window.status.state_label.text()
    window.focus_search()
    assert window.tabs.currentWidget() is window.search_tab
    window.close()


def test_statistics_load_when_their_tab_is_first_opened(qtbot, make_ctx, sqlite_office):
    ctx = make_ctx("lead")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    idle(qtbot, ctx.worker)
    assert window.statistics_tab.data is None  # start-up did not build the monthly tables
    window.tabs.setCurrentWidget(window.statistics_tab)
    qtbot.waitUntil(lambda: window.statistics_tab.data is not None, timeout=15000)
    idle(qtbot, ctx.worker)
    window.close()


def test_login_dialog(qtbot, worker, sqlite_office):
    dialog = LoginDialog(worker, "/share/refunds.db", "演示用户：clerk1")
    qtbot.addWidget(dialog)
    assert dialog.form.location.text() == "数据库：/share/refunds.db"
    type_text(dialog.form.username, "clerk")
    type_text(dialog.form.password, "nope")
    dialog.ok_button.click()
    idle(qtbot, worker)
    assert dialog.form.error.text() == "用户名或密码不对，或该账户已停用。"
    assert dialog.actor is None
    dialog.form.password.clear()
    type_text(dialog.form.password, "demo-pass")
    dialog.ok_button.click()
    idle(qtbot, worker)
    assert dialog.actor is not None and dialog.actor.username == "clerk"
    assert dialog.result() == LoginDialog.DialogCode.Accepted
