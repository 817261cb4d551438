import datetime as dt

import pytest

from refund_desk.domain.errors import AuthError, Conflict, ValidationError, WorkflowError
from refund_desk.domain.workflow import Action, State
from refund_desk.store import handover
from tests.conftest import forward

TO_FINANCE = forward(State.CASHIER_CHECK)


def test_refund_lists_come_from_the_shift_window(office):
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    paid = office.carry(
        office.new_refund(amount="10.00"),
        *TO_FINANCE,
        ("cashier", Action.CASHIER_APPROVE),
        ("accountant", Action.ACCOUNTANT_APPROVE),
        ("director", Action.DIRECTOR_APPROVE),
        ("cashier", Action.PAY),
    )
    back = office.carry(
        office.new_refund(amount="20.00"),
        *TO_FINANCE,
        ("cashier", Action.SEND_BACK, {"target": State.CS_SUBMIT, "reason": "资料不全"}),
    )
    waiting = office.carry(office.new_refund(amount="30.00"), *TO_FINANCE)
    sheet = handover.create_handover(
        office["lead"], "day", start, dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    )
    assert [x.form_no for x in sheet.processed_by_finance] == [paid.form_no]
    assert sheet.processed_by_finance[0].result == "已退款"
    assert {x.form_no for x in sheet.submitted_to_finance} == {
        paid.form_no,
        back.form_no,
        waiting.form_no,
    }
    assert [(x.form_no, x.reason) for x in sheet.returned_by_finance] == [
        (back.form_no, "资料不全")
    ]
    later = handover.create_handover(
        office["lead"],
        "middle",
        start + dt.timedelta(days=1),
        start + dt.timedelta(days=1, hours=8),
    )
    assert later.submitted_to_finance == []


def test_fill_sign_confirm_then_read_only(office):
    now = dt.datetime.now(dt.UTC)
    sheet = handover.create_handover(office["clerk"], "day", now - dt.timedelta(hours=8), now)
    sheet = handover.save_handover(
        office["clerk"],
        sheet.id,
        sheet.version,
        {"expected": "Clerk、Clerk2", "present": "Clerk、Clerk2"},
        ["回访客户 3 位", ""],
        [],
        {},
        None,
    )
    with pytest.raises(ValidationError):  # was the room cleaned? must be answered
        handover.sign_handover(office["clerk"], sheet.id, sheet.version)
    sheet = handover.save_handover(
        office["clerk"], sheet.id, sheet.version, sheet.attendance, sheet.work_done, [], {}, True
    )
    with pytest.raises(WorkflowError):
        handover.sign_handover(office["clerk2"], sheet.id, sheet.version)
    signed = handover.sign_handover(office["clerk"], sheet.id, sheet.version)
    assert signed.attendance["late"] == "无" and signed.follow_ups == ["无"]
    assert signed.work_done == ["回访客户 3 位"]
    with pytest.raises(WorkflowError):
        handover.save_handover(office["clerk"], signed.id, signed.version, {}, [], [], {}, True)
    with pytest.raises(WorkflowError):
        handover.confirm_handover(signed.id, signed.version, "clerk", "demo-pass")
    with pytest.raises(AuthError):
        handover.confirm_handover(signed.id, signed.version, "clerk2", "wrong")
    done = handover.confirm_handover(signed.id, signed.version, "clerk2", "demo-pass")
    assert done.read_only and done.taken_by == "Clerk2"
    assert [h.id for h in handover.list_handovers()] == [done.id]


def test_stale_sheet_save_is_a_conflict(office):
    now = dt.datetime.now(dt.UTC)
    sheet = handover.create_handover(office["clerk"], "day", now - dt.timedelta(hours=8), now)
    handover.save_handover(office["clerk"], sheet.id, sheet.version, {}, ["a"], [], {}, True)
    with pytest.raises(Conflict):
        handover.save_handover(office["clerk"], sheet.id, sheet.version, {}, ["b"], [], {}, True)


def test_notes_attach_to_listed_refunds(office):
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    saved = office.carry(office.new_refund(), *TO_FINANCE)
    sheet = handover.create_handover(office["lead"], "day", start, start + dt.timedelta(hours=1))
    sheet = handover.save_handover(
        office["lead"],
        sheet.id,
        sheet.version,
        {},
        [],
        [],
        {saved.form_no: "已电话告知客户"},
        False,
    )
    assert sheet.submitted_to_finance[0].note == "已电话告知客户"
    assert sheet.refund_notes == {saved.form_no: "已电话告知客户"}
