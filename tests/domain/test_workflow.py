import pytest

from refund_desk.domain import workflow as wf
from refund_desk.domain.duties import CS_DUTIES, Duty
from refund_desk.domain.errors import NotAllowed, SamePerson, WorkflowError, WrongState
from refund_desk.domain.roles import Role
from refund_desk.domain.workflow import Action, State

HAPPY_PATH = [
    (State.DRAFT, Action.SUBMIT, Role.CLERK, State.LEAD_REVIEW),
    (State.LEAD_REVIEW, Action.LEAD_APPROVE, Role.CS_LEAD, State.TECH_VERIFICATION),
    (State.TECH_VERIFICATION, Action.TECH_RETURN, Role.TECH, State.CS_SUBMIT),
    (State.CS_SUBMIT, Action.SUBMIT_TO_FINANCE, Role.CS_LEAD, State.CASHIER_CHECK),
    (State.CASHIER_CHECK, Action.CASHIER_APPROVE, Role.CASHIER, State.ACCOUNTANT_REVIEW),
    (State.ACCOUNTANT_REVIEW, Action.ACCOUNTANT_APPROVE, Role.ACCOUNTANT, State.DIRECTOR_APPROVAL),
    (
        State.DIRECTOR_APPROVAL,
        Action.DIRECTOR_APPROVE,
        Role.FINANCE_DIRECTOR,
        State.AWAITING_PAYMENT,
    ),
    (State.AWAITING_PAYMENT, Action.PAY, Role.CASHIER, State.REFUNDED),
    (State.REFUNDED, Action.TELL_CUSTOMER, Role.CLERK, State.CUSTOMER_TOLD),
]


def facts(state, **duties):
    """A refund in `state` whose duties (duty name -> user id) were taken in earlier steps."""
    held: dict[int, set[Duty]] = {}
    for duty, user_id in duties.items():
        held.setdefault(user_id, set()).add(Duty(duty))
    return wf.RefundFacts("TD-1", state, {u: frozenset(d) for u, d in held.items()})


@pytest.mark.parametrize(("state", "action", "role", "target"), HAPPY_PATH)
def test_the_seed_flow(state, action, role, target):
    t = wf.check(facts(state), action, user_id=1, roles={role})
    assert t.target == target


def test_every_state_but_the_final_ones_has_a_way_forward():
    for state in State:
        if state in wf.FINAL_STATES:
            assert not [t for t in wf.transitions_from(state) if t.target]
        else:
            assert wf.waiting_roles(state), state


def test_each_opinion_block_of_the_paper_form_is_written_by_some_step():
    assert {t.block for t in wf.TRANSITIONS if t.block} == set(wf.Block)


def test_wrong_state_and_not_allowed_are_typed():
    with pytest.raises(WrongState) as e:
        wf.check(facts(State.DRAFT), Action.PAY, 1, {Role.CASHIER})
    assert "TD-1" in e.value.text() and "草稿" in e.value.text()
    with pytest.raises(NotAllowed) as e:
        wf.check(facts(State.CASHIER_CHECK), Action.CASHIER_APPROVE, 1, {Role.CLERK})
    assert "出纳" in e.value.text()


def test_submitter_can_never_approve_at_a_finance_step():
    many = {Role.CLERK, Role.CASHIER, Role.ACCOUNTANT, Role.FINANCE_DIRECTOR}
    for state, action in [
        (State.CASHIER_CHECK, Action.CASHIER_APPROVE),
        (State.ACCOUNTANT_REVIEW, Action.ACCOUNTANT_APPROVE),
        (State.DIRECTOR_APPROVAL, Action.DIRECTOR_APPROVE),
        (State.AWAITING_PAYMENT, Action.PAY),
        (State.CASHIER_CHECK, Action.NOT_CREDITED),
    ]:
        with pytest.raises(SamePerson):
            wf.check(facts(state, submitter=7), action, 7, many)
        assert wf.check(facts(state, submitter=7), action, 8, many)


def test_cashier_accountant_director_are_three_people():
    many = {Role.CASHIER, Role.ACCOUNTANT, Role.FINANCE_DIRECTOR}
    with pytest.raises(SamePerson):
        wf.check(facts(State.ACCOUNTANT_REVIEW, cashier=5), Action.ACCOUNTANT_APPROVE, 5, many)
    with pytest.raises(SamePerson):
        wf.check(
            facts(State.DIRECTOR_APPROVAL, cashier=5, accountant=6),
            Action.DIRECTOR_APPROVE,
            6,
            many,
        )
    with pytest.raises(SamePerson):
        wf.check(
            facts(State.DIRECTOR_APPROVAL, cashier=5, accountant=6),
            Action.DIRECTOR_APPROVE,
            5,
            many,
        )
    assert wf.check(
        facts(State.DIRECTOR_APPROVAL, cashier=5, accountant=6), Action.DIRECTOR_APPROVE, 9, many
    )


def test_send_back_names_an_earlier_step():
    t = wf.check(
        facts(State.DIRECTOR_APPROVAL),
        Action.SEND_BACK,
        1,
        {Role.FINANCE_DIRECTOR},
        target=State.CS_SUBMIT,
    )
    assert t.reason and t.target == State.CS_SUBMIT
    with pytest.raises(WorkflowError):
        wf.check(
            facts(State.CASHIER_CHECK),
            Action.SEND_BACK,
            1,
            {Role.CASHIER},
            target=State.DIRECTOR_APPROVAL,
        )
    with pytest.raises(WorkflowError):
        wf.check(facts(State.CASHIER_CHECK), Action.SEND_BACK, 1, {Role.CASHIER})
    order = list(State)
    for source, targets in wf.SEND_BACK_TARGETS.items():
        assert all(order.index(t) < order.index(source) for t in targets)


def test_president_opinion_only_when_requested():
    f = facts(State.DIRECTOR_APPROVAL)
    with pytest.raises(WorkflowError):
        wf.check(f, Action.PRESIDENT_OPINION, 1, {Role.PRESIDENT})
    t = wf.check(f, Action.REQUEST_PRESIDENT, 2, {Role.CS_LEAD})
    assert t.target is None and t.reason
    asked = wf.RefundFacts("TD-1", State.DIRECTOR_APPROVAL, {}, president_requested=True)
    assert (
        wf.check(asked, Action.PRESIDENT_OPINION, 1, {Role.PRESIDENT}).block == wf.Block.PRESIDENT
    )


def test_allowed_actions_are_exactly_the_checkable_ones():
    f = facts(State.CASHIER_CHECK, submitter=3)
    actions = wf.allowed_actions(f, 4, {Role.CASHIER})
    assert {t.action for t in actions} == {
        Action.CASHIER_APPROVE,
        Action.NOT_CREDITED,
        Action.SEND_BACK,
    }
    assert len([t for t in actions if t.action == Action.SEND_BACK]) == 3
    # The submitter takes no step of the cashier's on the refund, a send-back included.
    assert wf.allowed_actions(f, 3, {Role.CASHIER}) == []


# ---- duties over the refund's whole life ----------------------------------------------------

EVERYONE = frozenset(Role)


@pytest.mark.parametrize("earlier", sorted(CS_DUTIES))
def test_no_cs_duty_holder_takes_any_finance_step(earlier):
    for t in wf.TRANSITIONS:
        if t.duty in {Duty.CASHIER, Duty.ACCOUNTANT, Duty.DIRECTOR, Duty.PAYER}:
            with pytest.raises(SamePerson):
                wf.check(facts(t.source, **{earlier: 7}), t.action, 7, EVERYONE, t.target)


def test_finance_duties_are_held_across_send_backs():
    """One person never holds two of cashier, accountant, director; the payer neither reviewed
    nor approved — whatever pass the earlier duty was taken in."""
    pairs = [
        ("cashier", Action.ACCOUNTANT_APPROVE, State.ACCOUNTANT_REVIEW),
        ("cashier", Action.DIRECTOR_APPROVE, State.DIRECTOR_APPROVAL),
        ("accountant", Action.CASHIER_APPROVE, State.CASHIER_CHECK),
        ("accountant", Action.DIRECTOR_APPROVE, State.DIRECTOR_APPROVAL),
        ("accountant", Action.PAY, State.AWAITING_PAYMENT),
        ("director", Action.CASHIER_APPROVE, State.CASHIER_CHECK),
        ("director", Action.ACCOUNTANT_APPROVE, State.ACCOUNTANT_REVIEW),
        ("director", Action.PAY, State.AWAITING_PAYMENT),
        ("payer", Action.ACCOUNTANT_APPROVE, State.ACCOUNTANT_REVIEW),
    ]
    for held, action, state in pairs:
        with pytest.raises(SamePerson):
            wf.check(facts(state, **{held: 5}), action, 5, EVERYONE)
    # the cashier who checked may pay; the holder of a step may do it again in a later pass
    assert wf.check(facts(State.AWAITING_PAYMENT, cashier=5), Action.PAY, 5, EVERYONE)
    assert wf.check(facts(State.CASHIER_CHECK, cashier=5), Action.CASHIER_APPROVE, 5, EVERYONE)


def test_a_finance_duty_holder_takes_no_cs_duty_afterwards():
    """Sent back to the draft, the cashier of the first pass may not resubmit the form."""
    with pytest.raises(SamePerson):
        wf.check(facts(State.DRAFT, cashier=5), Action.SUBMIT, 5, EVERYONE)
    with pytest.raises(SamePerson):
        wf.check(facts(State.CS_SUBMIT, director=5), Action.SUBMIT_TO_FINANCE, 5, EVERYONE)


def test_asking_the_president_twice_says_an_opinion_is_pending():
    asked = wf.RefundFacts("TD-9", State.CASHIER_CHECK, {}, president_requested=True)
    with pytest.raises(WorkflowError) as e:
        wf.check(asked, Action.REQUEST_PRESIDENT, 2, {Role.CS_LEAD})
    assert e.value.code == "president_already_requested" and "TD-9" in e.value.text()
