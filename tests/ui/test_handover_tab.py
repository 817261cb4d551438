"""The shift handover sheet: fill, sign as the outgoing clerk, confirm as the incoming one."""

from __future__ import annotations

import datetime as dt

from refund_desk.domain.sla import OFFICE_TZ
from refund_desk.domain.workflow import State
from refund_desk.ui.handover_tab import HandoverTab, numbered, unnumbered
from tests.conftest import forward

from .conftest import idle, type_text


def test_numbered_lists_round_trip():
    assert numbered(["回访客户", "补打退款单"]) == "1. 回访客户\n2. 补打退款单"
    assert unnumbered("1. 回访客户\n\n2、补打退款单\n 新事项 ") == [
        "回访客户",
        "补打退款单",
        "新事项",
    ]


def test_fill_sign_and_confirm(qtbot, make_ctx, sqlite_office):
    # a refund submitted to finance during the shift shows up in its list
    saved = sqlite_office.carry(
        sqlite_office.new_refund(),
        *forward(State.CASHIER_CHECK),
    )
    tab = HandoverTab(make_ctx("clerk"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    now = dt.datetime.now(OFFICE_TZ).replace(tzinfo=None)  # the edits show office time
    tab.form.shiftStart.setDateTime(now - dt.timedelta(hours=4))
    tab.form.shiftEnd.setDateTime(now + dt.timedelta(hours=4))
    tab.form.createButton.click()
    idle(qtbot, tab.ctx.worker)
    assert tab.view is not None and tab.view.signed_at is None
    assert tab.form.refunds.item(0, 0).text() == "已提交财务"
    assert tab.form.refunds.item(0, 1).text() == saved.form_no
    type_text(tab.form.expected, "王小丽、李娜")
    type_text(tab.form.present, "王小丽、李娜")
    type_text(tab.form.workDone, "受理退款 " + saved.form_no)
    tab.form.refunds.item(0, 6).setText("等财务初核")
    # signing without saying whether the room was cleaned is refused
    tab.form.signButton.click()
    idle(qtbot, tab.ctx.worker)
    assert tab.form.notice.text() == "卫生是否打扫不能为空。"
    tab.form.cleanedYes.click()
    tab.form.signButton.click()
    idle(qtbot, tab.ctx.worker)
    view = tab.view
    assert view.signed_at is not None and view.confirmed_at is None
    assert view.attendance["late"] == "无" and view.follow_ups == ["无"]
    assert view.work_done == ["受理退款 " + saved.form_no]
    assert view.refund_notes == {saved.form_no: "等财务初核"}
    assert tab.form.workDone.isReadOnly() and not tab.form.saveButton.isEnabled()
    # the incoming clerk confirms with their own password
    tab.form.takerName.setText("clerk2")
    tab.form.takerPassword.setText("wrong")
    tab.form.confirmButton.click()
    idle(qtbot, tab.ctx.worker)
    assert tab.form.notice.text() == "用户名或密码不对，或该账户已停用。"
    tab.form.takerName.setText("clerk2")
    tab.form.takerPassword.setText("demo-pass")
    tab.form.confirmButton.click()
    idle(qtbot, tab.ctx.worker)
    assert tab.view.read_only and tab.view.taken_by == "Clerk2"
    assert not tab.form.confirmButton.isEnabled()
    assert "只读" in tab.form.header.text()
