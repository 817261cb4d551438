"""The services on a real database: each test runs on SQLite and on PostgreSQL."""

import datetime as dt
import uuid

import pytest

from refund_desk.domain.errors import (
    AuthError,
    Conflict,
    DuplicateOrder,
    FormErrors,
    NotAllowed,
    SamePerson,
    ValidationError,
    WorkflowError,
    WrongState,
)
from refund_desk.domain.workflow import Action, Block, Clock, State
from refund_desk.store import queries, refunds, settings, users
from refund_desk.store.models import AuditLog, Refund, StepRecord
from tests.conftest import forward, refund_data

A = Action
TO_FINANCE = forward(State.CASHIER_CHECK)
TO_PAID = forward(State.REFUNDED)


def test_whole_flow_records_every_opinion_block(office):
    saved = office.new_refund(amount="1280.50")
    saved = office.carry(saved, *TO_PAID, ("clerk", A.TELL_CUSTOMER))
    view = queries.get_refund(saved.refund_id)
    assert view.state == State.CUSTOMER_TOLD and view.outcome == "refunded"
    assert str(view.amount) == "1280.50"
    assert [s.action for s in view.steps] == [a for _, a in TO_PAID] + [A.TELL_CUSTOMER]
    for block, who in [
        (Block.CS, "Lead"),
        (Block.TECH, "Tech"),
        (Block.CASHIER, "Cashier"),
        (Block.ACCOUNTANT, "Accountant"),
        (Block.DIRECTOR, "Director"),
    ]:
        step = view.latest_opinion(block)
        assert step.executor == who and step.opinion and step.executed_at
    assert view.cashier == "Cashier" and view.payer == "Cashier"
    clocks = view.clocks(dt.datetime.now(dt.UTC), settings.calendar())
    assert all(c.met for c in clocks.values())
    with office_db():
        assert Refund.get_by_id(saved.refund_id).amount_fen == 128050


def office_db():
    from refund_desk.store import db

    return db.connection()


def test_stale_edit_is_a_conflict_naming_who_and_when(office):
    saved = office.new_refund()
    refunds.edit_refund(
        office["clerk2"],
        saved.refund_id,
        saved.version,
        refund_data(order_no="TK99887766", amount="10"),
    )
    with pytest.raises(Conflict) as e:
        refunds.edit_refund(
            office["clerk"],
            saved.refund_id,
            saved.version,
            refund_data(order_no="TK99887766", amount="20"),
        )
    assert "Clerk2" in e.value.text() and "重新载入" in e.value.text()
    assert queries.get_refund(saved.refund_id).amount == 10  # the first save stands


def test_approve_on_a_stale_version_does_nothing(office):
    saved = office.new_refund()
    submitted = office.carry(saved, ("clerk", A.SUBMIT))
    with pytest.raises(Conflict):
        refunds.act(office["clerk"], saved.refund_id, saved.version, A.SUBMIT)
    view = queries.get_refund(saved.refund_id)
    assert view.version == submitted.version and len(view.steps) == 1


def test_one_active_refund_per_order(office):
    first = office.new_refund(order_no="TK11112222")
    with pytest.raises(DuplicateOrder) as e:
        office.new_refund(order_no="TK11112222")
    assert e.value.field == "order_no"  # said at 订单号
    assert e.value.text() == (
        f"订单号 TK11112222 已有一张未结束的退款单（{first.form_no}），一个订单只能有一张。"
    )


def test_a_paid_order_is_refused_as_refunded_not_as_open(office):
    paid = office.carry(office.new_refund(order_no="TK11114444"), *forward(State.CUSTOMER_TOLD))
    with pytest.raises(DuplicateOrder) as e:
        office.new_refund(order_no="TK11114444")
    assert e.value.field == "order_no" and "未结束" not in e.value.text()
    assert e.value.text() == (
        f"订单号 TK11114444 已经退过款（退款单 {paid.form_no}，已反馈用户（办结）），"
        "同一订单不能再退。"
    )


def test_database_index_itself_refuses_a_second_claim(office):
    import peewee

    saved = office.new_refund(order_no="TK11113333")
    with office_db(), pytest.raises(peewee.IntegrityError), refunds.dbmod.write():
        row = Refund.get_by_id(saved.refund_id)
        data = {f.name: getattr(row, f.name) for f in Refund._meta.sorted_fields if f.name != "id"}
        data.update(form_no="X-1", idem_key="other")
        Refund.insert(**{k + ("_id" if k in _FKS else ""): v for k, v in data.items()}).execute()


_FKS = {"created_by", "submitted_by", "cashier", "accountant", "director", "payer", "updated_by"}


# How a refund can end, and whether its order is free for a new form afterwards, as the seed and
# design.md say it (not read off the transition table): "not credited" (未入帐) at any of
# finance's three checks, or a lead's cancellation at any step before payment, ends it without
# payment and frees the order; a paid refund keeps its order for ever; one sent back is still open.
CANCEL = ("lead", A.CANCEL, {"reason": "客户撤销"})
ENDINGS = {
    "not credited by the cashier": ([*TO_FINANCE, ("cashier", A.NOT_CREDITED)], True),
    "not credited by the accountant": (
        [*forward(State.ACCOUNTANT_REVIEW), ("accountant", A.NOT_CREDITED)],
        True,
    ),
    "not credited by the director": (
        [*forward(State.DIRECTOR_APPROVAL), ("director", A.NOT_CREDITED)],
        True,
    ),
    "not credited, customer told": (
        [*TO_FINANCE, ("cashier", A.NOT_CREDITED), ("clerk", A.TELL_CUSTOMER)],
        True,
    ),
    "cancelled as a draft": ([CANCEL], True),
    "cancelled at the tech check": ([*TO_FINANCE[:2], CANCEL], True),
    "cancelled at the director": ([*TO_PAID[:6], CANCEL], True),
    "paid": (TO_PAID, False),
    "paid, customer told": ([*TO_PAID, ("clerk", A.TELL_CUSTOMER)], False),
    "sent back by the cashier": (
        [*TO_FINANCE, ("cashier", A.SEND_BACK, {"target": State.DRAFT, "reason": "资料不全"})],
        False,
    ),
}


def _claim(refund_id: int) -> str | None:
    with office_db():
        return Refund.get_by_id(refund_id).order_claim


@pytest.mark.parametrize("ending", ENDINGS)
def test_an_ending_without_payment_frees_the_order_and_a_paid_one_keeps_it(office, ending):
    steps, frees = ENDINGS[ending]
    first = office.carry(office.new_refund(order_no="TK22223333"), *steps)
    if not frees:
        assert _claim(first.refund_id) == "TK22223333"
        with pytest.raises(DuplicateOrder) as e:
            office.new_refund(order_no="TK22223333")
        assert first.form_no in e.value.text()
        return
    assert _claim(first.refund_id) is None
    second = office.new_refund(order_no="TK22223333")
    assert second.form_no != first.form_no and _claim(second.refund_id) == "TK22223333"
    with pytest.raises(DuplicateOrder) as e:  # the new form holds the order now
        office.new_refund(order_no="TK22223333")
    assert second.form_no in e.value.text()
    if queries.get_refund(first.refund_id).state == State.NOT_CREDITED:
        # telling the customer afterwards does not take the order back from the new form
        office.carry(first, ("clerk", A.TELL_CUSTOMER))
        assert _claim(first.refund_id) is None and _claim(second.refund_id) == "TK22223333"


def test_idempotency_key_makes_one_form(office):
    key = uuid.uuid4().hex
    data = refund_data()
    a = refunds.create_refund(office["clerk"], data, key)
    b = refunds.create_refund(office["clerk"], data, key)
    assert a == b
    with office_db():
        assert Refund.select().count() == 1


def test_an_idempotency_key_reused_with_other_content_is_refused(office):
    """A key names one form: the same key with another amount (or by someone else) is not a
    retry, and never silently returns the other form."""
    key = uuid.uuid4().hex
    first = refunds.create_refund(office["clerk"], refund_data(amount="10.00"), key)
    data = refund_data(amount="49999.00")
    with pytest.raises(WorkflowError) as e:
        refunds.create_refund(office["clerk"], data, key)
    assert e.value.code == "idem_reused" and first.form_no in e.value.text()
    with pytest.raises(WorkflowError):
        refunds.create_refund(office["clerk2"], refund_data(amount="10.00"), key)
    with office_db():
        assert Refund.select().count() == 1
        assert AuditLog.select().where(AuditLog.action == "denied:create").count() == 2


def test_send_back_with_reason_returns_to_the_named_step(office):
    saved = office.carry(office.new_refund(), *TO_FINANCE, ("cashier", A.CASHIER_APPROVE))
    with pytest.raises(ValidationError):
        refunds.act(
            office["accountant"],
            saved.refund_id,
            saved.version,
            A.SEND_BACK,
            target=State.CS_SUBMIT,
        )
    back = refunds.act(
        office["accountant"],
        saved.refund_id,
        saved.version,
        A.SEND_BACK,
        target=State.CS_SUBMIT,
        reason="金额与扣款记录不符",
    )
    view = queries.get_refund(back.refund_id)
    assert view.state == State.CS_SUBMIT and view.cashier == ""  # the cashier's check is undone
    assert view.steps[-1].reason == "金额与扣款记录不符"
    assert view.timeline.finance_answered_at is not None  # finance answered within its 12 h
    again = office.carry(back, ("lead", A.SUBMIT_TO_FINANCE), ("cashier2", A.CASHIER_APPROVE))
    assert queries.get_refund(again.refund_id).cashier == "Cashier2"
    clocks = queries.get_refund(again.refund_id).clocks(
        dt.datetime.now(dt.UTC), settings.calendar()
    )
    assert clocks[Clock.FINANCE_12H].running  # a new round of the finance clock


def test_opinion_is_required_where_the_seed_asks(office):
    saved = office.carry(office.new_refund(), ("clerk", A.SUBMIT))
    with pytest.raises(ValidationError) as e:
        refunds.act(office["lead"], saved.refund_id, saved.version, A.LEAD_APPROVE, opinion=" ")
    assert e.value.code == "opinion_required"


def test_separation_of_duties_inside_the_transaction(office):
    saved = office.new_refund(by="all_finance")
    saved = office.carry(saved, ("all_finance", A.SUBMIT), *TO_FINANCE[1:])
    with pytest.raises(SamePerson):
        office.carry(saved, ("all_finance", A.CASHIER_APPROVE))
    saved = office.carry(saved, ("cashier", A.CASHIER_APPROVE))
    with pytest.raises(SamePerson):
        office.carry(saved, ("all_finance", A.ACCOUNTANT_APPROVE))


def test_disabled_user_can_do_nothing(office):
    saved = office.new_refund()
    users.set_active("clerk", False, office["sysadmin"])
    with pytest.raises(AuthError):
        refunds.act(office["clerk"], saved.refund_id, saved.version, A.SUBMIT)
    with pytest.raises(AuthError):
        office.new_refund()
    with pytest.raises(AuthError):
        users.authenticate("clerk", "demo-pass")


def test_roles_are_rechecked_from_the_database(office):
    saved = office.carry(office.new_refund(), ("clerk", A.SUBMIT))
    from refund_desk.domain.roles import Role

    users.set_roles("lead", frozenset({Role.CLERK}), office["sysadmin"])
    with pytest.raises(NotAllowed):
        office.carry(saved, ("lead", A.LEAD_APPROVE))  # the Actor still says cs_lead


def test_denied_actions_are_audited(office):
    saved = office.new_refund()
    with pytest.raises(WrongState):
        refunds.act(office["cashier"], saved.refund_id, saved.version, A.PAY)
    with office_db():
        denied = list(AuditLog.select().where(AuditLog.action == "denied:pay"))
    assert len(denied) == 1 and denied[0].actor == "cashier"
    assert denied[0].entity_id == saved.form_no  # naming the form


def test_every_kind_of_refusal_is_audited_naming_the_form(office):
    saved = office.new_refund()
    taken = refund_data()
    other = refunds.create_refund(office["clerk"], taken, uuid.uuid4().hex)
    refusals = []
    with pytest.raises(Conflict):  # a stale version
        refunds.edit_refund(office["clerk"], saved.refund_id, saved.version + 5, refund_data())
    refusals.append(("denied:edit", saved.form_no))
    with pytest.raises(DuplicateOrder):  # an order already claimed
        refunds.create_refund(office["clerk"], dict(taken), uuid.uuid4().hex)
    refusals.append(("denied:create", taken["order_no"]))
    with pytest.raises(DuplicateOrder):
        refunds.edit_refund(
            office["clerk"], saved.refund_id, saved.version, refund_data(order_no=taken["order_no"])
        )
    refusals.append(("denied:edit", saved.form_no))
    with pytest.raises(FormErrors):  # a field typed wrong
        refunds.edit_refund(office["clerk"], other.refund_id, other.version, {"amount": "12,5"})
    refusals.append(("denied:edit", other.form_no))
    with office_db():
        rows = [
            (a.action, a.entity_id)
            for a in AuditLog.select().where(AuditLog.action.startswith("denied:"))
        ]
    assert rows[: len(refusals)] == refusals


def test_invalid_form_is_refused_with_field_messages(office):
    with pytest.raises(FormErrors) as e:
        office.new_refund(phone="123", amount="-1")
    assert set(e.value.by_field()) == {"phone", "amount"}


def test_fields_freeze_after_lead_review(office):
    saved = office.carry(office.new_refund(), ("clerk", A.SUBMIT))
    with pytest.raises(NotAllowed):
        refunds.edit_refund(office["clerk"], saved.refund_id, saved.version, refund_data())
    edited = refunds.edit_refund(
        office["lead"], saved.refund_id, saved.version, refund_data(amount="99.99")
    )
    moved = office.carry(edited, ("lead", A.LEAD_APPROVE))
    with pytest.raises(WrongState):
        refunds.edit_refund(office["lead"], moved.refund_id, moved.version, refund_data())


def test_president_opinion_round(office):
    saved = office.carry(office.new_refund(), *TO_FINANCE)
    saved = office.carry(saved, ("lead", A.REQUEST_PRESIDENT, {"reason": "客户投诉升级"}))
    assert [r.form_no for r in queries.queue(office["president"])] == [saved.form_no]
    saved = office.carry(saved, ("president", A.PRESIDENT_OPINION))
    view = queries.get_refund(saved.refund_id)
    assert view.state == State.CASHIER_CHECK and view.latest_opinion(Block.PRESIDENT)
    assert queries.queue(office["president"]) == []


def test_queue_is_per_role_oldest_first_and_counts_in_sql(office):
    first = office.carry(office.new_refund(), ("clerk", A.SUBMIT))
    second = office.carry(office.new_refund(), ("clerk", A.SUBMIT))
    office.new_refund()
    rows = queries.queue(office["lead"])
    assert [r.form_no for r in rows] == [first.form_no, second.form_no]
    assert queries.queue_counts(office["lead"]) == {State.LEAD_REVIEW: 2}
    assert queries.queue_counts(office["clerk"]) == {State.DRAFT: 1}
    assert queries.queue(office["cashier"]) == []


def test_search_by_form_order_phone_and_date(office):
    saved = office.new_refund(order_no="TK55556666", phone="13700001111")
    office.new_refund()
    assert [r.form_no for r in queries.search(saved.form_no)] == [saved.form_no]
    assert [r.form_no for r in queries.search("tk55556666")] == [saved.form_no]
    assert [r.form_no for r in queries.search("13700001111")] == [saved.form_no]
    today = dt.datetime.now(dt.UTC).astimezone(queries.OFFICE_TZ).date()
    assert len(queries.search(date_from=today, date_to=today)) == 2
    assert queries.search(date_from=today + dt.timedelta(days=1)) == []


def test_month_summary_sums_fen_in_sql(office):
    office.new_refund(amount="0.10")
    office.new_refund(amount="0.20")
    office.carry(office.new_refund(amount="100.01"), ("clerk", A.SUBMIT))
    today = dt.datetime.now(dt.UTC).astimezone(queries.OFFICE_TZ)
    summary = queries.month_by_state(today.year, today.month)
    assert summary[State.DRAFT] == (2, __import__("decimal").Decimal("0.30"))
    assert summary[State.LEAD_REVIEW][1] == __import__("decimal").Decimal("100.01")


def test_step_records_match_versions(office):
    saved = office.carry(office.new_refund(), *TO_FINANCE)
    with office_db():
        versions = [s.version_after for s in StepRecord.select().order_by(StepRecord.id)]
    steps = len(TO_FINANCE)  # each step one version on from the form's first
    assert versions == list(range(2, 2 + steps)) and saved.version == 1 + steps
