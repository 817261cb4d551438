"""The refund form driven like a clerk drives it, then every next role, to the end."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from refund_desk.domain import workflow
from refund_desk.domain.sla import OFFICE_TZ
from refund_desk.domain.workflow import Action, State
from refund_desk.store import queries, refunds
from refund_desk.ui.refund_tab import RefundTab
from tests.conftest import forward

from .conftest import idle, type_text


def purchase_time(hours_ago: int = 2) -> str:
    at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours_ago)
    return at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")


def open_tab(qtbot, ctx) -> RefundTab:
    tab = RefundTab(ctx)
    qtbot.addWidget(tab)
    idle(qtbot, ctx.worker)
    return tab


def fill_form(tab: RefundTab, order_no: str = "TK202611270001") -> None:
    f = tab.form
    type_text(f.order_no, order_no)
    type_text(f.phone, "13800138000")
    type_text(f.purchase_time, purchase_time())
    f.bank.setCurrentIndex(f.bank.findData("icbc"))
    type_text(f.amount, "128.50")
    f.fault_category.setCurrentIndex(f.fault_category.findData("no_ticket_code"))
    type_text(f.fault_description, "扣款成功但未收到出票验证码")
    type_text(f.customer_view, "要求原卡退款")
    type_text(f.contact, "电话回访")


def press(qtbot, tab: RefundTab, key: str, opinion: str = "", reason: str = "") -> None:
    """Press an action button; confirm the step and answer its dialog when they ask."""
    assert key in tab.action_buttons, sorted(tab.action_buttons)
    tab.action_dialog = tab.confirm_box = None
    tab.action_buttons[key].click()
    if tab.confirm_box is not None:
        confirm(tab.confirm_box)
    if tab.action_dialog is not None:
        dialog = tab.action_dialog
        if opinion:
            type_text(dialog.form.opinion, opinion)
        if reason:
            dialog.form.reason.setEditText(reason)
        dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    idle(qtbot, tab.ctx.worker)


def confirm(box: QMessageBox) -> None:
    """Answer a step's confirmation with the button that takes the step."""
    assert box.isVisible()
    [take] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    take.click()


def test_clerk_fills_and_submits_then_each_role_carries_it_to_refunded(qtbot, make_ctx):
    clerk = open_tab(qtbot, make_ctx("clerk"))
    assert clerk.form.clock.text().startswith("10分钟内填单 · 剩")
    fill_form(clerk)
    assert clerk.form.fault_description.toPlainText() == "扣款成功但未收到出票验证码"
    assert sorted(clerk.action_buttons) == ["submit"]
    press(qtbot, clerk, "submit")
    assert clerk.view is not None and clerk.view.state == State.LEAD_REVIEW
    assert clerk.view.customer_view == "要求原卡退款"
    assert clerk.view.amount == clerk.view.amount.__class__("128.50")
    assert clerk.form.formNo.text() == f"编号 {clerk.view.form_no}"
    refund_id = clerk.view.id

    opinions = {
        Action.LEAD_APPROVE: "客户资料齐全，转技术部核实。",
        Action.TECH_RETURN: "原因：未出票。方案：原卡退款。",
        Action.CASHIER_APPROVE: "已核实款项到账。",
        Action.ACCOUNTANT_APPROVE: "复核无误。",
        Action.DIRECTOR_APPROVE: "同意退款。",
    }
    steps = []  # the rest of the flow's forward path, read off the flow; the second cashier pays
    state = State.LEAD_REVIEW
    for who, action in forward(State.CUSTOMER_TOLD, start=state):
        t = workflow.forward_step(state)
        opinion = opinions.get(action, "原因：已核实。方案：同意。" if t.opinion else "")
        steps.append(("cashier2" if action == Action.PAY else who, action.value, opinion, t.target))
        state = t.target
    for who, key, opinion, reached in steps:
        tab = open_tab(qtbot, make_ctx(who))
        tab.open_refund(refund_id)
        idle(qtbot, tab.ctx.worker)
        press(qtbot, tab, key, opinion)
        assert tab.view.state == reached, (who, key, tab.form.notice.text())
    view = queries.get_refund(refund_id=refund_id)
    assert [s.action for s in view.steps][-1] == Action.TELL_CUSTOMER
    assert view.latest_opinion(view.steps[1].block).opinion == "客户资料齐全，转技术部核实。"
    # the history table shows every step
    assert tab.history.rowCount() == len(view.steps) == len(workflow.FORWARD_PATH)


def test_buttons_are_exactly_the_allowed_actions(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.carry(sqlite_office.new_refund(), ("clerk", Action.SUBMIT))
    lead = open_tab(qtbot, make_ctx("lead"))
    lead.open_refund(saved.refund_id)
    idle(qtbot, lead.ctx.worker)
    assert sorted(lead.action_buttons) == [
        "cancel",
        "lead_approve",
        "request_president",
        "send_back:draft",
    ]
    tech = open_tab(qtbot, make_ctx("tech"))
    tech.open_refund(saved.refund_id)
    idle(qtbot, tech.ctx.worker)
    assert tech.action_buttons == {}
    assert tech.form.order_no.isReadOnly()


def test_send_back_needs_a_reason(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.carry(sqlite_office.new_refund(), ("clerk", Action.SUBMIT))
    lead = open_tab(qtbot, make_ctx("lead"))
    lead.open_refund(saved.refund_id)
    idle(qtbot, lead.ctx.worker)
    lead.action_buttons["send_back:draft"].click()
    dialog = lead.action_dialog
    dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.form.error.text() == "请填写退回或取消的原因。"
    assert dialog.isVisible()
    dialog.form.reason.setEditText("手机号码与订单不符")
    dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    idle(qtbot, lead.ctx.worker)
    assert lead.view.state == State.DRAFT
    assert lead.view.steps[-1].reason == "手机号码与订单不符"


def test_invalid_field_shows_its_message_and_blocks_submit(qtbot, make_ctx):
    clerk = open_tab(qtbot, make_ctx("clerk"))
    fill_form(clerk)
    clerk.form.phone.clear()
    type_text(clerk.form.phone, "1380013")
    assert clerk.form.phoneError.text() == "手机号码应为 11 位数字，以 13–19 开头。"
    type_text(clerk.form.amount, "x")
    assert clerk.form.amountError.text().startswith("金额应为数字")
    clerk.action_buttons["submit"].click()
    idle(qtbot, clerk.ctx.worker)
    assert clerk.view is None
    assert clerk.form.notice.text() == "请先改正标红的项目。"
    assert queries.search("TK202611270001") == []
    # correcting the field clears its sentence
    clerk.form.phone.clear()
    type_text(clerk.form.phone, "13800138000")
    assert clerk.form.phoneError.text() == ""


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_ctrl_s_saves_a_draft(qtbot, make_ctx):
    clerk = open_tab(qtbot, make_ctx("clerk"))
    fill_form(clerk, "TK202611270099")
    clerk.show()
    clerk.activateWindow()
    qtbot.waitUntil(clerk.isActiveWindow)
    clerk.form.order_no.setFocus()
    qtbot.keyClick(clerk.form.order_no, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, clerk.ctx.worker)
    assert clerk.view is not None, clerk.form.notice.text()
    assert clerk.view.state == State.DRAFT
    assert clerk.view.order_no == "TK202611270099"


def test_stale_edit_shows_who_changed_it_and_reloads(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.new_refund(by="clerk")
    mine = open_tab(qtbot, make_ctx("clerk"))
    mine.open_refund(saved.refund_id)
    idle(qtbot, mine.ctx.worker)
    # meanwhile a colleague changes the same draft
    data = dict(queries.get_refund(refund_id=saved.refund_id).values)
    refunds.edit_refund(
        sqlite_office["clerk2"],
        saved.refund_id,
        saved.version,
        {
            "order_no": data["order_no"],
            "phone": "13900139000",
            "purchase_time": data["purchase_time"],
            "bank": "icbc",
            "amount": "99.00",
            "fault_category": "no_ticket_code",
        },
    )
    type_text(mine.form.contact, "微信")
    mine.save()
    idle(qtbot, mine.ctx.worker)
    box = mine.conflict_box
    assert box is not None and box.isVisible()
    assert "Clerk2" in box.text() and "请重新载入" in box.text()
    reload_button = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    reload_button.click()
    idle(qtbot, mine.ctx.worker)
    assert mine.view.version == saved.version + 1
    assert mine.form.phone.text() == "13900139000"


def test_lead_corrects_a_field_saves_then_approves(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.carry(sqlite_office.new_refund(), ("clerk", Action.SUBMIT))
    lead = open_tab(qtbot, make_ctx("lead"))
    lead.open_refund(saved.refund_id)
    idle(qtbot, lead.ctx.worker)
    assert not lead.form.phone.isReadOnly()  # the lead may correct fields during review
    lead.form.phone.clear()
    type_text(lead.form.phone, "13900139000")
    lead.action_buttons["lead_approve"].click()
    assert lead.form.notice.text() == "请先保存修改（Ctrl+S）。"
    assert lead.action_dialog is None
    lead.save()
    idle(qtbot, lead.ctx.worker)
    assert lead.view.phone == "13900139000" and lead.view.version == saved.version + 1
    press(qtbot, lead, "lead_approve", "资料已更正，转技术部。")
    assert lead.view.state == State.TECH_VERIFICATION


def test_an_order_already_refunded_is_refused_at_the_order_number(qtbot, make_ctx, sqlite_office):
    paid = sqlite_office.carry(
        sqlite_office.new_refund(order_no="TK202611275555"), *forward(State.CUSTOMER_TOLD)
    )
    clerk = open_tab(qtbot, make_ctx("clerk"))
    fill_form(clerk, "TK202611275555")
    clerk.form.saveButton.click()
    idle(qtbot, clerk.ctx.worker)
    assert clerk.view is None  # nothing saved
    said = clerk.form.order_noError.text()
    assert said.startswith("订单号 TK202611275555 已经退过款") and paid.form_no in said
    assert "未结束" not in said
