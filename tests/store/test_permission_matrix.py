"""Every role × every action, through the real services: allowed exactly where the tables say."""

import pytest

from refund_desk.domain import permissions, workflow
from refund_desk.domain.errors import NotAllowed, RefundDeskError, SamePerson
from refund_desk.domain.roles import Role
from refund_desk.domain.workflow import Action, State
from refund_desk.store import refunds, users
from refund_desk.store.actors import Actor
from tests.conftest import PASSWORD, make_office, refund_data

# The path that puts a refund into each state, as (who, action, kwargs) steps.
REACH = {
    State.DRAFT: [],
    State.LEAD_REVIEW: [("clerk", Action.SUBMIT)],
    State.TECH_VERIFICATION: [("clerk", Action.SUBMIT), ("lead", Action.LEAD_APPROVE)],
    State.CS_SUBMIT: [
        ("clerk", Action.SUBMIT),
        ("lead", Action.LEAD_APPROVE),
        ("tech", Action.TECH_RETURN),
    ],
}
REACH[State.CASHIER_CHECK] = [*REACH[State.CS_SUBMIT], ("lead", Action.SUBMIT_TO_FINANCE)]
REACH[State.ACCOUNTANT_REVIEW] = [*REACH[State.CASHIER_CHECK], ("cashier", Action.CASHIER_APPROVE)]
REACH[State.DIRECTOR_APPROVAL] = [
    *REACH[State.ACCOUNTANT_REVIEW],
    ("accountant", Action.ACCOUNTANT_APPROVE),
]
REACH[State.AWAITING_PAYMENT] = [
    *REACH[State.DIRECTOR_APPROVAL],
    ("director", Action.DIRECTOR_APPROVE),
]
REACH[State.REFUNDED] = [*REACH[State.AWAITING_PAYMENT], ("cashier2", Action.PAY)]

CASES = [(state, t) for state in REACH for t in workflow.transitions_from(state)]


@pytest.fixture(scope="module")
def matrix_office(tmp_path_factory):
    office = make_office(str(tmp_path_factory.mktemp("matrix") / "m.db"))
    admin = office["sysadmin"]
    for role in Role:  # one fresh single-role user per role, who has done nothing yet
        users.add_user(f"only_{role.value}", role.value, frozenset({role}), PASSWORD, admin)
    office.people.update({u.username: Actor.from_user(u) for u in users.list_users()})
    return office


def _kwargs(t):
    kw = {"opinion": "原因与方案", "reason": "原因"}
    if t.action == Action.SEND_BACK:
        kw["target"] = t.target
    return kw


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_every_role_every_transition(matrix_office, role):
    office = matrix_office
    actor = office[f"only_{role.value}"]
    for state, t in CASES:
        path = list(REACH[state])
        if t.condition is workflow.PRESIDENT_PENDING:  # ask the president while still in progress
            ask = ("director", Action.REQUEST_PRESIDENT, {"reason": "升级"})
            path.insert(len(path) if state in workflow.IN_PROGRESS else len(path) - 1, ask)
        saved = office.carry(office.new_refund(), *path)
        expected = role in t.roles
        try:
            refunds.act(actor, saved.refund_id, saved.version, t.action, **_kwargs(t))
            allowed = True
        except NotAllowed:
            allowed = False
        except SamePerson:
            allowed = True  # permitted by role, stopped by separation of duties
        except RefundDeskError as e:
            if t.condition is not None and e.code == t.condition.error:
                allowed = True
            else:
                raise
        assert allowed == expected, (role, state, t.action, t.target)


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
