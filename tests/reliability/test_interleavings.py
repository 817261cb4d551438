"""Interleavings: two sessions each (load, edit, save) on the same refund, in every order of
their six steps. When both loaded before either saved, exactly one wins and the other gets
`Conflict`; otherwise the later one acts on what the earlier one left (it may win too, or be
refused by the rules), and nothing is ever overwritten silently. On SQLite and PostgreSQL."""

from __future__ import annotations

import itertools

import pytest

from refund_desk.domain.errors import Conflict, WorkflowError
from refund_desk.domain.workflow import Action, State
from refund_desk.store import db as dbmod
from refund_desk.store import queries, refunds
from refund_desk.store.models import StepRecord
from tests.conftest import forward, refund_data
from tests.reliability.conftest import record

pytestmark = pytest.mark.reliability

A = Action
TO_LEAD = forward(State.LEAD_REVIEW)
TO_CASHIER = forward(State.CASHIER_CHECK)
TO_PAYMENT = forward(State.AWAITING_PAYMENT)
OPINION = "原因：已核实。方案：原卡退款。"


def _act(office, who, action, **kw):
    def save(view):
        return refunds.act(office[who], view.id, view.version, action, opinion=OPINION, **kw)

    return save


def _edit(office, who, amount):
    def save(view):
        data = refund_data(order_no=view.order_no, amount=amount)
        return refunds.edit_refund(office[who], view.id, view.version, data)

    return save


SCENARIOS = {
    # name: (path to the starting state, session A, session B)
    "approve_vs_send_back": (
        TO_CASHIER,
        lambda o: _act(o, "cashier", A.CASHIER_APPROVE),
        lambda o: _act(o, "cashier2", A.SEND_BACK, target=State.CS_SUBMIT, reason="资料不全"),
    ),
    "approve_vs_edit": (
        TO_LEAD,
        lambda o: _act(o, "lead", A.LEAD_APPROVE),
        lambda o: _edit(o, "lead", "777.77"),
    ),
    "pay_vs_pay": (
        TO_PAYMENT,
        lambda o: _act(o, "cashier", A.PAY),
        lambda o: _act(o, "cashier2", A.PAY),
    ),
}
STEPS = ("load", "edit", "save")


def orders():
    """Every interleaving of A's and B's three steps, each keeping its own order (20)."""
    for slots in itertools.combinations(range(6), 3):
        yield tuple("A" if i in slots else "B" for i in range(6))


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_every_order_of_two_sessions(office, scenario):
    path, make_a, make_b = SCENARIOS[scenario]
    seen = {"conflict": 0, "both_won": 0, "refused": 0, "orders": 0}
    for order in orders():
        start = office.carry(office.new_refund(), *path)
        sessions = {"A": make_a(office), "B": make_b(office)}
        loaded, outcome, step_of = {}, {}, {"A": 0, "B": 0}
        for who in order:
            step = STEPS[step_of[who]]
            step_of[who] += 1
            if step == "load":
                loaded[who] = queries.get_refund(start.refund_id)
            elif step == "save":
                try:
                    outcome[who] = sessions[who](loaded[who])
                except (Conflict, WorkflowError) as e:
                    outcome[who] = e
        seen["orders"] += 1
        first_save = min(_save_pos(order, w) for w in "AB")
        overlapped = all(_load_pos(order, w) < first_save for w in "AB")
        wins = [w for w in "AB" if isinstance(outcome[w], refunds.Saved)]
        view = queries.get_refund(start.refund_id)
        assert view.version == start.version + len(wins), (order, outcome)
        if overlapped:
            assert len(wins) == 1, (order, outcome)
            loser = "B" if wins == ["A"] else "A"
            assert isinstance(outcome[loser], Conflict), (order, outcome)
            seen["conflict"] += 1
        else:
            assert not any(isinstance(o, Conflict) for o in outcome.values()), (order, outcome)
            seen["both_won" if len(wins) == 2 else "refused"] += 1
        for w in wins:
            assert outcome[w].version <= view.version
        with dbmod.connection():
            pays = StepRecord.select().where(
                (StepRecord.refund == start.refund_id) & (StepRecord.action == "pay")
            )
            assert pays.count() <= 1
    record("interleavings", {"scenario": scenario, "db": _kind(office.url), **seen})
    assert seen["orders"] == 20 and seen["conflict"] > 0


def _load_pos(order, who):
    return next(i for i, w in enumerate(order) if w == who)


def _save_pos(order, who):
    return [i for i, w in enumerate(order) if w == who][2]


def _kind(url: str) -> str:
    return "postgresql" if url.startswith("postgres") else "sqlite"
