"""Handing the PC to the next person without restarting: log out asks the same question as
quitting, the log-in gives a window that is the new person's, and an idle window locks behind
its owner's password with everything kept."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt

from refund_desk.domain import office_settings
from refund_desk.domain.errors import ValidationError
from refund_desk.store import db as dbmod
from refund_desk.store import session, settings
from refund_desk.ui.desk import Desk

from ..conftest import PASSWORD
from .conftest import idle, type_text
from .test_all_day_desk import answer, unsaved_question

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen's note on show()


@pytest.fixture
def desk(qtbot, sqlite_office, worker):
    """A desk on the test office; every window it showed is closed afterwards, unless a
    log-out already deleted it (qtbot.addWidget would close a deleted window)."""
    desk = Desk(worker, dbmod.location(), "zh")
    shown: list = []
    desk.window_shown.connect(shown.append)
    yield desk
    idle(qtbot, worker)
    for widget in [*shown, desk.login]:
        if widget is not None and shiboken6.isValid(widget):
            if hasattr(widget, "retire"):
                widget.retire()
            widget.close()
            widget.deleteLater()


def start(qtbot, desk: Desk, actor, idle_minutes: int | None = None):
    opened = session.opening(actor)
    if idle_minutes is not None:
        opened = opened.__class__(**{**opened.__dict__, "idle_lock_minutes": idle_minutes})
    window = desk.start(actor, opened)
    idle(qtbot, desk.worker)
    return window


def log_in(qtbot, dialog, name: str, password: str = PASSWORD) -> None:
    qtbot.keyClicks(dialog.form.username, name)
    qtbot.keyClicks(dialog.form.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_log_out_then_log_in_as_another_gives_their_window(qtbot, desk, sqlite_office):
    first = start(qtbot, desk, sqlite_office["clerk"])
    assert first.log_out_action.text() == "注销 / 切换用户…"
    shown = []
    desk.window_shown.connect(shown.append)
    first.log_out_action.trigger()  # a clean form: no question
    assert first.refund_tab.unsaved_box is None
    assert not first.isVisible() and desk.window is None
    login = desk.login
    assert login is not None and login.isVisible()
    log_in(qtbot, login, "lead")
    qtbot.waitUntil(lambda: desk.window is not None, timeout=15000)
    window = desk.window
    assert shown == [window] and window is not first
    assert window.ctx.actor.username == "lead"
    assert sqlite_office["lead"].display_name in window.windowTitle()
    assert not shiboken6.isValid(first)  # the old window is gone, with its tabs and timers
    idle(qtbot, desk.worker)


def test_log_out_with_edits_asks_and_cancel_stays(qtbot, desk, sqlite_office):
    window = start(qtbot, desk, sqlite_office["clerk"])
    type_text(window.refund_tab.form.contact, "电话回访")
    window.log_out_action.trigger()
    answer(unsaved_question(window), "取消")
    assert window.isVisible() and desk.window is window and desk.login is None
    window.log_out_action.trigger()
    answer(unsaved_question(window), "不保存")
    assert not window.isVisible() and desk.login.isVisible()


def test_jobs_left_by_the_old_window_report_to_nobody(qtbot, desk, sqlite_office):
    window = start(qtbot, desk, sqlite_office["clerk"])
    window.refresh()  # a queue refresh still running when the person logs out
    window.log_out_action.trigger()
    idle(qtbot, desk.worker)  # it finishes; its answer goes nowhere (no error, no crash)
    assert desk.window is None and desk.login.isVisible()


def test_window_locks_when_idle_and_the_same_password_opens_it(qtbot, desk, sqlite_office):
    window = start(qtbot, desk, sqlite_office["clerk"])
    window.idle.set_interval(50)  # the office's minutes, shortened for the test
    type_text(window.refund_tab.form.contact, "电话回访")
    qtbot.waitUntil(lambda: window.lock_dialog is not None and window.lock_dialog.isVisible())
    lock = window.lock_dialog
    assert not window.centralWidget().isVisible()  # the customer's data is out of sight
    qtbot.keyClick(lock, Qt.Key.Key_Escape)
    assert lock.isVisible()  # Esc does not open it
    qtbot.keyClicks(lock.password, "wrong-password")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lock.error.text() == "密码不对。", timeout=15000)
    assert lock.isVisible()
    lock.password.clear()
    qtbot.keyClicks(lock.password, PASSWORD)
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not lock.isVisible(), timeout=15000)
    assert window.centralWidget().isVisible()
    assert window.refund_tab.form.contact.text() == "电话回访"
    assert window.refund_tab.has_unsaved_edits()
    window.idle.set_interval(0)
    idle(qtbot, desk.worker)


def test_switch_user_from_the_lock_logs_out(qtbot, desk, sqlite_office):
    window = start(qtbot, desk, sqlite_office["clerk"])
    window.lock_action.trigger()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    qtbot.mouseClick(window.lock_dialog.switch_button, Qt.MouseButton.LeftButton)
    assert desk.window is None and desk.login.isVisible()


def test_no_lock_when_the_office_says_never(qtbot, desk, sqlite_office):
    window = start(qtbot, desk, sqlite_office["clerk"], idle_minutes=0)
    assert window.ctx.idle_lock_ms == 0 and not window.idle.timer.isActive()
    window2 = start(qtbot, desk, sqlite_office["lead"], idle_minutes=15)
    assert window2.idle.timer.interval() == 15 * 60_000 and window2.idle.timer.isActive()
    window2.idle.set_interval(0)


def test_idle_lock_setting_is_checked_and_defaults_to_15_minutes(sqlite_office):
    assert session.opening(sqlite_office["clerk"]).idle_lock_minutes == 15
    settings.put("idle_lock_minutes", "5", sqlite_office["sysadmin"])
    assert session.opening(sqlite_office["clerk"]).idle_lock_minutes == 5
    with pytest.raises(ValidationError) as e:
        settings.put("idle_lock_minutes", "-1", sqlite_office["sysadmin"])
    assert e.value.code == "setting_idle_lock"
    assert office_settings.idle_lock_minutes("") == office_settings.IDLE_LOCK_MINUTES
