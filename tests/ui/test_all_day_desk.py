"""Working at the desk all day: nothing typed is lost without a question, steps that cannot be
undone are confirmed, the window fits a small screen, the keyboard reaches everything, and each
role lands where its work is. Driven through the real main window."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QDateTimeEdit, QMessageBox

from refund_desk.domain import workflow
from refund_desk.domain.workflow import Action, State
from refund_desk.store import queries
from refund_desk.ui import i18n
from refund_desk.ui.main_window import FRAME_GUESS, PREFERRED_SIZE, MainWindow, fit_to_screen
from refund_desk.ui.statistics import StatisticsTab
from tests.conftest import forward

from .conftest import idle, type_text
from .test_refund_tab import confirm, fill_form, open_tab

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen's note on show()


@pytest.fixture
def english(qapp):
    """English on screen (the source language: no catalogue), Chinese again afterwards."""
    i18n.install_language(qapp, "en")
    yield
    i18n.install_language(qapp, "zh")


def open_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    idle(qtbot, ctx.worker)
    return window


def answer(box: QMessageBox, text: str) -> None:
    """Click the button of the question whose words are `text`."""
    assert box is not None and box.isVisible()
    button = next((b for b in box.buttons() if b.text() == text), None)
    assert button is not None, [b.text() for b in box.buttons()]
    button.click()


def unsaved_question(window: MainWindow) -> QMessageBox:
    box = window.refund_tab.unsaved_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "未保存的修改"
    assert sorted(b.text() for b in box.buttons()) == sorted(["保存", "不保存", "取消"])
    return box


# --- nothing lost ----------------------------------------------------------------------------


def test_a_clean_form_asks_nothing_before_new_or_quit(qtbot, make_ctx):
    window = open_window(qtbot, make_ctx("clerk"))
    window.new_refund()
    assert window.refund_tab.unsaved_box is None
    window.close()
    assert not window.isVisible() and window.refund_tab.unsaved_box is None


def test_ctrl_n_on_a_half_filled_form_asks_and_cancel_keeps_it(qtbot, make_ctx):
    window = open_window(qtbot, make_ctx("clerk"))
    type_text(window.refund_tab.form.order_no, "TK202611270042")
    window.tabs.setCurrentWidget(window.search_tab)
    new = window.new_action
    assert new.shortcut().toString() == "Ctrl+N"
    new.trigger()
    box = unsaved_question(window)
    assert window.tabs.currentWidget() is window.refund_tab  # the form the question is about
    answer(box, "取消")
    assert window.refund_tab.form.order_no.text() == "TK202611270042"
    assert window.refund_tab.has_unsaved_edits()
    new.trigger()
    answer(unsaved_question(window), "不保存")
    assert window.refund_tab.form.order_no.text() == ""
    assert not window.refund_tab.has_unsaved_edits()


def test_save_in_the_question_saves_then_starts_the_new_form(qtbot, make_ctx):
    window = open_window(qtbot, make_ctx("clerk"))
    tab = window.refund_tab
    fill_form(tab, "TK202611270043")
    window.new_refund()
    answer(unsaved_question(window), "保存")
    idle(qtbot, tab.ctx.worker)
    [row] = queries.search("TK202611270043")
    assert row.state == State.DRAFT
    assert tab.view is None and tab.form.order_no.text() == ""  # then the new form


def test_save_that_is_refused_does_not_go_on(qtbot, make_ctx):
    window = open_window(qtbot, make_ctx("clerk"))
    tab = window.refund_tab
    type_text(tab.form.order_no, "TK202611270044")  # the other required fields are empty
    window.close()
    answer(unsaved_question(window), "保存")
    idle(qtbot, tab.ctx.worker)
    assert window.isVisible()  # not closed: the save did not happen
    assert tab.form.notice.text() == "请先改正标红的项目。"
    assert tab.form.order_no.text() == "TK202611270044"


def test_quit_with_edits_asks_and_closes_only_when_answered(qtbot, make_ctx):
    window = open_window(qtbot, make_ctx("clerk"))
    type_text(window.refund_tab.form.contact, "电话回访")
    window.close()
    answer(unsaved_question(window), "取消")
    assert window.isVisible()
    window.close()
    answer(unsaved_question(window), "不保存")
    assert not window.isVisible()


def test_the_question_speaks_english_in_english(qtbot, make_ctx, english):
    window = open_window(qtbot, make_ctx("clerk", "en"))
    type_text(window.refund_tab.form.contact, "phone call")
    window.close()
    box = window.refund_tab.unsaved_box
    assert box.windowTitle() == "Unsaved changes"
    assert sorted(b.text() for b in box.buttons()) == ["Cancel", "Don't save", "Save"]
    answer(box, "Don't save")
    assert not window.isVisible()


def test_opening_another_refund_from_the_queue_asks_first(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.new_refund(by="clerk")
    window = open_window(qtbot, make_ctx("clerk"))
    tab = window.refund_tab
    type_text(tab.form.order_no, "TK202611270045")
    window.tabs.setCurrentWidget(window.queue_tab)
    window.queue_tab.open_requested.emit(saved.refund_id)
    answer(unsaved_question(window), "取消")
    idle(qtbot, tab.ctx.worker)
    assert tab.view is None and tab.form.order_no.text() == "TK202611270045"
    window.queue_tab.open_requested.emit(saved.refund_id)
    answer(unsaved_question(window), "不保存")
    idle(qtbot, tab.ctx.worker)
    assert tab.view is not None and tab.view.id == saved.refund_id
    assert window.tabs.currentWidget() is tab


# --- confirm what cannot be undone -------------------------------------------------------------


def test_the_steps_that_ask_are_those_that_move_a_refund_on_or_end_it():
    asking = {t.action for t in workflow.TRANSITIONS if t.irreversible}
    assert {
        Action.SUBMIT,
        Action.SUBMIT_TO_FINANCE,
        Action.PAY,
        Action.TELL_CUSTOMER,
        Action.CANCEL,
        Action.NOT_CREDITED,
    } <= asking
    assert not asking & {Action.SEND_BACK, Action.REQUEST_PRESIDENT, Action.TRACK}


def at_cs_submit(office):
    return office.carry(office.new_refund(contact="电话回访"), *forward(State.CS_SUBMIT))


def test_submit_to_finance_asks_with_a_summary_and_cancel_changes_nothing(
    qtbot, make_ctx, sqlite_office
):
    saved = at_cs_submit(sqlite_office)
    lead = open_tab(qtbot, make_ctx("lead"))
    lead.open_refund(saved.refund_id)
    idle(qtbot, lead.ctx.worker)
    form_no = lead.view.form_no
    lead.action_buttons["submit_to_finance"].click()
    box = lead.confirm_box
    assert box.isVisible() and box.windowTitle() == "提交财务部"
    assert box.text() == f"{form_no} · ¥128.50 · 13800138000 电话回访 · 提交财务部"
    assert box.informativeText() == "此步骤无法撤销。"
    answer(box, "取消")
    idle(qtbot, lead.ctx.worker)
    assert queries.get_refund(refund_id=saved.refund_id).state == State.CS_SUBMIT
    assert lead.view.version == saved.version


def test_a_running_step_holds_its_buttons_in_place_and_disabled(qtbot, make_ctx, sqlite_office):
    saved = at_cs_submit(sqlite_office)
    lead = open_tab(qtbot, make_ctx("lead"))
    lead.show()
    lead.open_refund(saved.refund_id)
    idle(qtbot, lead.ctx.worker)
    buttons = dict(lead.action_buttons)
    qtbot.waitUntil(lambda: all(b.isVisible() for b in buttons.values()))  # laid out
    places = {key: b.mapTo(lead, QPoint(0, 0)) for key, b in buttons.items()}
    share = threading.Event()  # a slow share: the step waits behind this job
    lead.ctx.worker.submit(share.wait, 10)
    buttons["submit_to_finance"].click()
    answer(lead.confirm_box, "提交财务部")
    qtbot.wait(100)  # layouts settle meanwhile
    # until the step reports, the same buttons sit where they were, disabled
    assert lead.acting and lead.action_buttons == buttons
    assert all(not b.isEnabled() and b.isVisible() for b in buttons.values())
    assert {key: b.mapTo(lead, QPoint(0, 0)) for key, b in buttons.items()} == places
    buttons["cancel"].click()  # the second click of a double-click
    lead.start_action(workflow.find(State.CS_SUBMIT, Action.CANCEL))  # a shortcut, too
    assert lead.action_dialog is None
    share.set()
    idle(qtbot, lead.ctx.worker)
    assert lead.view.state == State.CASHIER_CHECK and not lead.acting
    assert [s.action for s in lead.view.steps][-1] == Action.SUBMIT_TO_FINANCE


def test_submitting_a_new_form_asks_and_names_it_new(qtbot, make_ctx):
    clerk = open_tab(qtbot, make_ctx("clerk"))
    fill_form(clerk, "TK202611270046")
    clerk.action_buttons["submit"].click()
    box = clerk.confirm_box
    assert box.text() == "新退款申请 · ¥128.50 · 13800138000 电话回访 · 提交审核"
    confirm(box)
    idle(qtbot, clerk.ctx.worker)
    assert clerk.view.state == State.LEAD_REVIEW


def test_cancel_shows_the_summary_in_its_reason_dialog(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.carry(sqlite_office.new_refund(), ("clerk", Action.SUBMIT))
    lead = open_tab(qtbot, make_ctx("lead"))
    lead.open_refund(saved.refund_id)
    idle(qtbot, lead.ctx.worker)
    lead.action_buttons["cancel"].click()
    dialog = lead.action_dialog
    assert dialog.form.summary.text() == f"{lead.view.form_no} · ¥128.50 · 13800138000 · 取消退款单"
    dialog.reject()
    assert lead.view.state == State.LEAD_REVIEW


# --- small screens -----------------------------------------------------------------------------

LAPTOP = QRect(0, 0, 1366, 768 - 40)  # 1366×768 less a Windows taskbar


def at_director(office):
    return office.carry(office.new_refund(contact="电话回访"), *forward(State.DIRECTOR_APPROVAL))


def laptop_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    fit_to_screen(window, LAPTOP)
    window.show()
    idle(qtbot, ctx.worker)
    return window


def assert_inside_the_laptop_screen(qtbot, window: MainWindow) -> None:
    qtbot.wait(50)  # layouts settle
    outer = window.size() + FRAME_GUESS  # offscreen windows have no frame of their own
    assert outer.width() <= LAPTOP.width() and outer.height() <= LAPTOP.height()
    assert window.minimumSizeHint().height() <= window.height()
    assert window.minimumSizeHint().width() <= window.width()
    assert LAPTOP.contains(QRect(window.frameGeometry().topLeft(), outer))
    status = window.statusBar()
    assert status.isVisible()
    assert status.mapTo(window, QPoint(0, status.height())).y() <= window.height()


def test_the_window_opens_centred_inside_the_free_part_of_the_screen(qtbot, make_ctx):
    window = MainWindow(make_ctx("clerk"))
    qtbot.addWidget(window)
    fit_to_screen(window, QRect(0, 0, 1600, 1000 - 40))
    assert window.size() == PREFERRED_SIZE  # room enough: the preferred size
    assert window.x() == (1600 - 1280 - FRAME_GUESS.width()) // 2
    fit_to_screen(window, LAPTOP)
    assert window.size() == QSize(1280, 728 - FRAME_GUESS.height())  # as tall as there is room
    assert window.pos() == QPoint((1366 - 1280 - FRAME_GUESS.width()) // 2, 0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_directors_eight_buttons_fit_a_laptop_screen_whole(
    qtbot, make_ctx, sqlite_office, qapp, lang
):
    saved = at_director(sqlite_office)
    i18n.install_language(qapp, lang)
    try:
        window = laptop_window(qtbot, make_ctx("director", lang))
        window.open_refund(saved.refund_id)
        idle(qtbot, window.ctx.worker)
        buttons = window.refund_tab.action_buttons
        assert len(buttons) == 8
        qtbot.waitUntil(lambda: all(b.isVisible() for b in buttons.values()))
        assert_inside_the_laptop_screen(qtbot, window)
        box = window.refund_tab.form.actionsBox
        for button in buttons.values():  # each shows its whole text, inside the box
            assert button.width() >= button.sizeHint().width(), button.text()
            right = button.mapTo(box, QPoint(button.width(), button.height()))
            assert box.rect().contains(right - QPoint(1, 1)), button.text()
        history = window.refund_tab.form.history
        assert history.mapTo(window, QPoint(0, 0)).y() < window.statusBar().y()
    finally:
        i18n.install_language(qapp, "zh")


def test_the_monthly_tables_show_several_rows_on_a_laptop_screen(qtbot, make_ctx, sqlite_office):
    for _ in range(6):
        sqlite_office.carry(sqlite_office.new_refund(), ("clerk", Action.SUBMIT))
    window = laptop_window(qtbot, make_ctx("lead"))
    window.tabs.setCurrentWidget(window.statistics_tab)
    tab = window.statistics_tab
    qtbot.waitUntil(lambda: tab.data is not None and not tab.loading, timeout=15000)
    idle(qtbot, window.ctx.worker)
    assert_inside_the_laptop_screen(qtbot, window)
    for panel in tab.panels.values():
        [box] = panel.view.boxes.values()
        table = box.table_view
        rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
        assert rows >= 4, (panel.title(), rows)


# --- keyboard ----------------------------------------------------------------------------------


def active(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def test_enter_on_a_queue_row_opens_that_refund(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.carry(sqlite_office.new_refund(), ("clerk", Action.SUBMIT))
    window = open_window(qtbot, make_ctx("lead"))
    active(qtbot, window)
    window.tabs.setCurrentWidget(window.queue_tab)
    table = window.queue_tab.form.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    idle(qtbot, window.ctx.worker)
    assert window.tabs.currentWidget() is window.refund_tab
    assert window.refund_tab.view.id == saved.refund_id


def test_enter_on_a_search_row_opens_that_refund_and_a_double_click_still_does(
    qtbot, make_ctx, sqlite_office
):
    saved = sqlite_office.new_refund()
    order_no = queries.get_refund(refund_id=saved.refund_id).order_no
    window = open_window(qtbot, make_ctx("admin"))
    active(qtbot, window)
    window.focus_search()
    qtbot.keyClicks(window.search_tab.form.text, order_no)
    qtbot.keyClick(window.search_tab.form.text, Qt.Key.Key_Return)
    idle(qtbot, window.ctx.worker)
    table = window.search_tab.form.table
    assert table.model().rowCount() == 1
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Enter)  # the keypad's Enter
    idle(qtbot, window.ctx.worker)
    assert window.tabs.currentWidget() is window.refund_tab
    assert window.refund_tab.view.id == saved.refund_id
    window.new_refund()
    window.tabs.setCurrentWidget(window.search_tab)
    qtbot.waitUntil(table.isVisible)
    cell = table.visualRect(table.model().index(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a hand's double
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # click: both
    qtbot.waitUntil(lambda: window.refund_tab.view is not None)
    assert window.refund_tab.view.id == saved.refund_id


def test_ctrl_enter_takes_the_main_step_after_its_confirmation(qtbot, make_ctx, sqlite_office):
    saved = at_cs_submit(sqlite_office)
    window = open_window(qtbot, make_ctx("lead"))
    active(qtbot, window)
    window.open_refund(saved.refund_id)
    idle(qtbot, window.ctx.worker)
    tab = window.refund_tab
    assert tab.action_buttons["submit_to_finance"].toolTip() == "Ctrl+Return"
    tab.form.history.setFocus()
    qtbot.keyClick(tab.form.history, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = tab.confirm_box
    assert box is not None and box.windowTitle() == "提交财务部"
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter confirms, Esc would not
    idle(qtbot, window.ctx.worker)
    assert tab.view.state == State.CASHIER_CHECK


def test_ctrl_enter_in_a_new_form_submits_it_after_asking(qtbot, make_ctx):
    window = open_window(qtbot, make_ctx("clerk"))
    active(qtbot, window)
    tab = window.refund_tab
    fill_form(tab, "TK202611270047")
    qtbot.keyClick(tab.form.contact, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = tab.confirm_box
    assert box.windowTitle() == "提交审核"
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc: nothing happens
    idle(qtbot, window.ctx.worker)
    assert tab.view is None and tab.form.order_no.text() == "TK202611270047"
    assert not box.isVisible()
    active(qtbot, window)
    qtbot.keyClick(tab.form.contact, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.confirm_box is not box
    qtbot.waitUntil(tab.confirm_box.isActiveWindow)
    qtbot.keyClick(tab.confirm_box, Qt.Key.Key_Return)
    idle(qtbot, window.ctx.worker)
    assert tab.view.state == State.LEAD_REVIEW


def test_ctrl_enter_with_no_step_to_take_says_so(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.new_refund()
    tech = open_tab(qtbot, make_ctx("tech"))
    tech.open_refund(saved.refund_id)
    idle(qtbot, tech.ctx.worker)
    tech.main_action()
    assert tech.confirm_box is None
    assert tech.form.notice.text() == "此单没有您可办理的步骤。"


def test_the_month_picker_starts_at_the_month_and_takes_typed_months(qtbot, make_ctx):
    tab = StatisticsTab(make_ctx("lead"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    active(qtbot, tab)
    edit = tab.form.monthEdit
    tab.set_month(2026, 12)
    edit.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed into: Qt's own starts at the year
    assert edit.hasFocus() and edit.currentSection() == QDateTimeEdit.Section.MonthSection
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert (tab.year, tab.month) == (2026, 11)
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # past December: January of the next year
    assert (tab.year, tab.month) == (2027, 1)
    for typed in ("2026-11", "202605"):
        tab.form.refreshButton.setFocus()
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClicks(edit, typed)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert edit.date().toString("yyyy-MM") == typed[:4] + "-" + typed[-2:]
    assert (tab.year, tab.month) == (2026, 5)
    idle(qtbot, tab.ctx.worker)


# --- landing screen ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "lands_on_queue"),
    [
        ("clerk", False),
        ("lead", False),
        ("tech", True),
        ("cashier", True),
        ("accountant", True),
        ("director", True),
        ("president", True),
        ("admin", True),
        ("sysadmin", True),
    ],
)
def test_who_writes_no_forms_lands_on_the_queue(qtbot, make_ctx, who, lands_on_queue):
    window = open_window(qtbot, make_ctx(who))
    expected = window.queue_tab if lands_on_queue else window.refund_tab
    assert window.tabs.currentWidget() is expected
    clock = window.refund_tab.form.clock.text()
    assert (clock == "") == lands_on_queue  # no 10-minute clock on a form they cannot fill
