"""Every role × every action in every state, through the real services, against the seed's RACI
written out below from process.md (not read off the transition table)."""

import pytest

from refund_desk.domain import permissions, workflow
from refund_desk.domain.errors import NotAllowed, WrongState
from refund_desk.domain.roles import Role
from refund_desk.domain.workflow import Action, State
from refund_desk.store import queries, refunds, users
from refund_desk.store.actors import Actor
from tests.conftest import PASSWORD, make_office, refund_data

A, R, S = Action, Role, State

# The path that puts a refund into each state, as (who, action, kwargs) steps.
REACH = {
    S.DRAFT: [],
    S.LEAD_REVIEW: [("clerk", A.SUBMIT)],
    S.TECH_VERIFICATION: [("clerk", A.SUBMIT), ("lead", A.LEAD_APPROVE)],
    S.CS_SUBMIT: [("clerk", A.SUBMIT), ("lead", A.LEAD_APPROVE), ("tech", A.TECH_RETURN)],
}
REACH[S.CASHIER_CHECK] = [*REACH[S.CS_SUBMIT], ("lead", A.SUBMIT_TO_FINANCE)]
REACH[S.ACCOUNTANT_REVIEW] = [*REACH[S.CASHIER_CHECK], ("cashier", A.CASHIER_APPROVE)]
REACH[S.DIRECTOR_APPROVAL] = [*REACH[S.ACCOUNTANT_REVIEW], ("accountant", A.ACCOUNTANT_APPROVE)]
REACH[S.AWAITING_PAYMENT] = [*REACH[S.DIRECTOR_APPROVAL], ("director", A.DIRECTOR_APPROVE)]
REACH[S.REFUNDED] = [*REACH[S.AWAITING_PAYMENT], ("cashier2", A.PAY)]
REACH[S.CUSTOMER_TOLD] = [*REACH[S.REFUNDED], ("clerk", A.TELL_CUSTOMER)]
REACH[S.NOT_CREDITED] = [*REACH[S.CASHIER_CHECK], ("cashier", A.NOT_CREDITED)]
REACH[S.CANCELLED] = [("lead", A.CANCEL, {"reason": "客户撤销"})]

# The seed's RACI (process.md, "People and roles" and "The flow, step by step"): who does each
# step. 客服部 (the clerk and its lead) fills and submits the form and tells the customer; the
# day's lead reviews it and submits it to finance; tech verifies; the cashier checks first, the
# accountant reviews, the finance director approves, the cashier pays.
CS = {R.CLERK, R.CS_LEAD}
STEPS = {
    S.DRAFT: (A.SUBMIT, CS),
    S.LEAD_REVIEW: (A.LEAD_APPROVE, {R.CS_LEAD}),
    S.TECH_VERIFICATION: (A.TECH_RETURN, {R.TECH}),
    S.CS_SUBMIT: (A.SUBMIT_TO_FINANCE, {R.CS_LEAD}),
    S.CASHIER_CHECK: (A.CASHIER_APPROVE, {R.CASHIER}),
    S.ACCOUNTANT_REVIEW: (A.ACCOUNTANT_APPROVE, {R.ACCOUNTANT}),
    S.DIRECTOR_APPROVAL: (A.DIRECTOR_APPROVE, {R.FINANCE_DIRECTOR}),
    S.AWAITING_PAYMENT: (A.PAY, {R.CASHIER}),
    S.REFUNDED: (A.TELL_CUSTOMER, CS),
    S.NOT_CREDITED: (A.TELL_CUSTOMER, CS),  # 未入帐: the customer is told too
}
FINANCE_CHECKS = (S.CASHIER_CHECK, S.ACCOUNTANT_REVIEW, S.DIRECTOR_APPROVAL)
REVIEWS = (S.LEAD_REVIEW, S.TECH_VERIFICATION, S.CS_SUBMIT, *FINANCE_CHECKS)
UNDER_WAY = (*REVIEWS, S.AWAITING_PAYMENT)
ENDED = (S.REFUNDED, S.NOT_CREDITED, S.CUSTOMER_TOLD, S.CANCELLED)
ASKABLE = (*UNDER_WAY, S.REFUNDED, S.NOT_CREDITED)  # the president's opinion, once asked for
RACI: dict[tuple[State, Action], set[Role]] = {
    (state, action): roles for state, (action, roles) in STEPS.items()
}
for state in REVIEWS:  # 退回: whoever does a check may send the form back, with a reason
    RACI[state, A.SEND_BACK] = STEPS[state][1]
for state in FINANCE_CHECKS:  # finance may answer 未入帐 at each of its checks
    RACI[state, A.NOT_CREDITED] = STEPS[state][1]
for state in (S.DRAFT, *REVIEWS):  # the CS lead withdraws a form until finance approved it
    RACI[state, A.CANCEL] = {R.CS_LEAD}
for state in UNDER_WAY:  # 总裁: an optional opinion that a lead (CS or finance) asks for
    RACI[state, A.REQUEST_PRESIDENT] = {R.CS_LEAD, R.FINANCE_DIRECTOR}
for state in ASKABLE:  # … and gives once asked
    RACI[state, A.PRESIDENT_OPINION] = {R.PRESIDENT}
for state in ENDED:  # 后期执行情况跟踪 by 行政部
    RACI[state, A.TRACK] = {R.ADMIN}
ASK = ("director", A.REQUEST_PRESIDENT, {"reason": "升级"})


@pytest.fixture(scope="module")
def matrix_office(tmp_path_factory):
    office = make_office(str(tmp_path_factory.mktemp("matrix") / "m.db"))
    admin = office["sysadmin"]
    for role in Role:  # one fresh single-role user per role, who has done nothing yet
        users.add_user(f"only_{role.value}", role.value, frozenset({role}), PASSWORD, admin)
    office.people.update({u.username: Actor.from_user(u) for u in users.list_users()})
    office.refused_on = {}  # (state, asked) -> a refund every refusal is tried on
    return office


def _refund(office, state: State, asked: bool) -> refunds.Saved:
    """A new refund in `state`; `asked`: with the president's opinion asked for on the way."""
    path = list(REACH[state])
    if asked:  # asked while still under way: before the step that ended it, if it ended
        path.insert(len(path) if state in UNDER_WAY else len(path) - 1, ASK)
    saved = office.carry(office.new_refund(), *path)
    assert queries.get_refund(saved.refund_id).state == state
    return saved


def _kwargs(state: State, action: Action) -> dict:
    kw = {"opinion": "原因与方案", "reason": "原因"}
    if action == A.SEND_BACK:
        kw["target"] = workflow.SEND_BACK_TARGETS.get(state, (S.DRAFT,))[0]
    return kw


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_every_role_every_action_in_every_state(matrix_office, role):
    office = matrix_office
    actor = office[f"only_{role.value}"]
    wrong = []
    for state in REACH:
        for action in Action:
            allowed = role in RACI.get((state, action), set())
            asked = action == A.PRESIDENT_OPINION and state in ASKABLE
            if allowed:  # it must go through, on a refund of its own (each send-back target)
                targets = workflow.SEND_BACK_TARGETS.get(state, (S.DRAFT,))
                for target in targets if action == A.SEND_BACK else [None]:
                    saved = _refund(office, state, asked)
                    kw = _kwargs(state, action) | ({"target": target} if target else {})
                    try:
                        refunds.act(actor, saved.refund_id, saved.version, action, **kw)
                    except (NotAllowed, WrongState) as e:
                        wrong.append(
                            f"{state} {action} {target or ''}".strip() + f": refused ({e.code})"
                        )
                continue
            key = (state, asked)
            if key not in office.refused_on:
                office.refused_on[key] = _refund(office, state, asked)
            saved = office.refused_on[key]
            try:
                refunds.act(actor, saved.refund_id, saved.version, action, **_kwargs(state, action))
                wrong.append(f"{state} {action}: allowed")
                del office.refused_on[key]  # it moved on: the next refusal needs another
            except (NotAllowed, WrongState):
                pass
    assert not wrong, f"{role} against the seed's RACI:\n" + "\n".join(wrong)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_create_and_edit_permissions(matrix_office, role):
    office = matrix_office
    actor = office[f"only_{role.value}"]
    try:
        refunds.create_refund(actor, refund_data(), f"key-{role.value}")
        created = True
    except NotAllowed:
        created = False
    assert created == permissions.allowed(permissions.Permission.CREATE_REFUND, {role})
    saved = office.carry(office.new_refund(), ("clerk", Action.SUBMIT))
    try:
        refunds.edit_refund(actor, saved.refund_id, saved.version, refund_data())
        edited = True
    except NotAllowed:
        edited = False
    assert edited == permissions.allowed(permissions.Permission.EDIT_IN_REVIEW, {role})
