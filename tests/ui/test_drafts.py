"""Drafts kept on this PC: a half-filled form is written to the local data folder while it is
edited, the same person on the same database is offered it at the next start or log-in, and it
is gone once saved or discarded."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt

from refund_desk import drafts
from refund_desk.store import queries
from refund_desk.ui.refund_tab import DRAFT_MS

from .conftest import idle, type_text
from .test_all_day_desk import answer, open_window, unsaved_question
from .test_refund_tab import fill_form
from .test_sessions import desk, start  # noqa: F401 (the fixture)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen's note on show()


def kept(ctx):
    return drafts.find(ctx.database_id or ctx.location.target, ctx.actor.username)


def draft_question(tab):
    box = tab.draft_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "未保存的退款申请"
    assert sorted(b.text() for b in box.buttons()) == ["丢弃", "恢复"]
    return box


def test_typed_form_is_kept_every_minute_and_offered_again(qtbot, make_ctx):
    ctx = make_ctx("clerk")
    first = open_window(qtbot, ctx)
    tab = first.refund_tab
    assert tab.draft_timer.interval() == DRAFT_MS and not tab.draft_timer.isActive()
    type_text(tab.form.order_no, "TK202611270050")
    type_text(tab.form.contact, "电话回访")
    tab.form.bank.setCurrentIndex(tab.form.bank.findData("other"))
    type_text(tab.form.bank_other, "宁波银行")
    assert tab.draft_timer.isActive()  # an edit starts the minute
    assert kept(ctx) is None
    tab.draft_timer.setInterval(20)
    tab.draft_timer.start()
    qtbot.waitUntil(lambda: kept(ctx) is not None)
    first.retire()  # as a crash would: no question, nothing saved

    second = open_window(qtbot, ctx)
    again = second.refund_tab
    answer(draft_question(again), "恢复")
    f = again.form
    assert f.order_no.text() == "TK202611270050"
    assert f.contact.text() == "电话回访"
    assert f.bank.currentData() == "other" and f.bank_other.isEnabled()
    assert f.bank_other.text() == "宁波银行"
    assert again.idem_key == tab.idem_key and again.opened_at == tab.opened_at
    assert again.has_unsaved_edits()
    second.retire()


def test_discarding_the_offer_removes_the_draft(qtbot, make_ctx):
    ctx = make_ctx("clerk")
    first = open_window(qtbot, ctx)
    type_text(first.refund_tab.form.contact, "电话回访")
    first.refund_tab.keep_draft()
    first.retire()
    second = open_window(qtbot, ctx)
    answer(draft_question(second.refund_tab), "丢弃")
    assert kept(ctx) is None
    assert second.refund_tab.form.contact.text() == ""
    third = open_window(qtbot, ctx)
    assert third.refund_tab.draft_box is None


def test_saving_or_not_saving_removes_the_draft(qtbot, make_ctx):
    ctx = make_ctx("clerk")
    window = open_window(qtbot, ctx)
    tab = window.refund_tab
    fill_form(tab, "TK202611270051")
    tab.keep_draft()
    assert kept(ctx) is not None
    tab.save()
    idle(qtbot, ctx.worker)
    assert queries.search("TK202611270051") and kept(ctx) is None
    type_text(tab.form.contact, "再次回访")
    tab.keep_draft()
    window.close()
    answer(unsaved_question(window), "不保存")
    assert kept(ctx) is None


def test_another_person_or_database_is_not_offered_it(qtbot, make_ctx):
    clerk = make_ctx("clerk")
    window = open_window(qtbot, clerk)
    type_text(window.refund_tab.form.contact, "电话回访")
    window.refund_tab.keep_draft()
    window.retire()
    lead = open_window(qtbot, make_ctx("lead"))
    assert lead.refund_tab.draft_box is None
    other_db = make_ctx("clerk")
    other_db.database_id = "another-database"
    assert open_window(qtbot, other_db).refund_tab.draft_box is None
    assert kept(clerk) is not None  # still the clerk's, on this database


def test_switch_user_from_the_lock_keeps_the_owners_draft(qtbot, desk, sqlite_office):  # noqa: F811
    window = start(qtbot, desk, sqlite_office["clerk"])
    type_text(window.refund_tab.form.contact, "电话回访")
    window.lock()
    qtbot.mouseClick(window.lock_dialog.switch_button, Qt.MouseButton.LeftButton)
    assert desk.login.isVisible() and unsaved_box_none(window)
    qtbot.keyClicks(desk.login.form.username, "clerk")
    qtbot.keyClicks(desk.login.form.password, "demo-pass")
    qtbot.mouseClick(desk.login.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.window is not None, timeout=15000)
    idle(qtbot, desk.worker)
    answer(draft_question(desk.window.refund_tab), "恢复")
    assert desk.window.refund_tab.form.contact.text() == "电话回访"


def unsaved_box_none(window) -> bool:
    return not shiboken6.isValid(window) or window.refund_tab.unsaved_box is None


def test_a_draft_that_cannot_be_read_is_not_offered():
    where = drafts.path("x", "clerk")
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text("{not json", encoding="utf-8")
    assert drafts.find("x", "clerk") is None
