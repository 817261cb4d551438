"""Bad input, statefully: hypothesis drives refunds through the services with any person, any
action, any target, stale versions and odd amounts. Only transitions of the table happen, by the
roles it names and with separation of duties; amounts are exact to the fen; a refusal is always a
`RefundDeskError` (never another exception); the database always agrees with the model.

Sizes: RD_REL_HYP_RUNS x RD_REL_HYP_STEPS (the note's run: 300 x 50)."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from refund_desk.domain.duties import Duty, conflicts_with
from refund_desk.domain.errors import Conflict, FormErrors, RefundDeskError
from refund_desk.domain.workflow import TRANSITIONS, Action, State, allowed_actions
from refund_desk.store import db as dbmod
from refund_desk.store import queries, refunds
from refund_desk.store.models import Refund
from tests.conftest import refund_data
from tests.reliability.conftest import record, size

pytestmark = pytest.mark.reliability

PEOPLE = (
    "clerk",
    "clerk2",
    "lead",
    "tech",
    "cashier",
    "cashier2",
    "accountant",
    "director",
    "president",
    "admin",
    "sysadmin",
    "all_finance",
)
DETOURS = frozenset(
    {Action.CANCEL, Action.SEND_BACK, Action.TRACK, Action.REQUEST_PRESIDENT, Action.NOT_CREDITED}
)
FEN_AMOUNTS = st.integers(min_value=1, max_value=5_000_000)


@st.composite
def typed_amounts(draw):
    """What a clerk might type for a valid amount, and the exact value meant."""
    fen = draw(FEN_AMOUNTS)
    value = Decimal(fen) / 100
    style = draw(st.sampled_from(["plain", "grouped", "yen", "one_place", "fullwidth"]))
    if style == "grouped":
        text = f"{value:,.2f}"
    elif style == "yen":
        text = f"¥{value:.2f}"
    elif style == "one_place" and fen % 10 == 0:
        text = f"{value:.1f}"
    elif style == "fullwidth":
        text = f"{value:.2f}".translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    else:
        text = f"{value:.2f}"
    return text, value


BAD_AMOUNTS = st.sampled_from(
    ["", "0", "-5", "12.345", "abc", "1e9", "NaN", "Infinity", "50000.01", "１２.３４５", "0.001"]
)


class Lifecycle(RuleBasedStateMachine):
    office = None  # set by the test
    stats: dict = {}

    refunds_made = Bundle("refunds")

    def __init__(self) -> None:
        super().__init__()
        self.model: dict[int, dict] = {}

    def _count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    @rule(target=refunds_made, typed=typed_amounts(), who=st.sampled_from(PEOPLE))
    def create(self, typed, who):
        text, value = typed
        try:
            saved = refunds.create_refund(
                self.office[who], refund_data(amount=text), uuid.uuid4().hex
            )
        except RefundDeskError as e:
            assert e.code in ("not_allowed",), e.code  # only people who may not create
            self._count("refused")
            return None
        self.model[saved.refund_id] = {"version": 1, "state": State.DRAFT, "amount": value}
        self._count("created")
        return saved.refund_id

    @initialize(target=refunds_made, typed=typed_amounts())
    def first_refund(self, typed):
        return self.create.hypothesis_stateful_rule.function(self, typed, "clerk")

    @rule(bad=BAD_AMOUNTS)
    def create_with_a_bad_amount(self, bad):
        with pytest.raises(FormErrors) as e:
            refunds.create_refund(self.office["clerk"], refund_data(amount=bad), uuid.uuid4().hex)
        assert "amount" in e.value.by_field()
        self._count("bad_input_refused")

    @rule(
        refund=refunds_made,
        who=st.sampled_from(PEOPLE),
        action=st.sampled_from(list(Action)),
        back_to=st.sampled_from(list(State)),
        stale=st.booleans(),
    )
    def act(self, refund, who, action, back_to, stale):
        if refund is None:
            return
        mine = self.model[refund]
        version = mine["version"] - 1 if stale and mine["version"] > 1 else mine["version"]
        before = self._row(refund)
        try:
            saved = refunds.act(
                self.office[who],
                refund,
                version,
                action,
                opinion="原因：已核实。方案：原卡退款。",
                reason="资料不全",
                target=back_to if action == Action.SEND_BACK else None,
            )
        except Conflict:
            assert version != mine["version"]
            self._count("conflicts")
            return
        except RefundDeskError:
            assert version == mine["version"] or mine["version"] == 1
            self._count("refused")
            return
        assert version == mine["version"], "a stale version was accepted"
        self._legal(before, saved, who, action, back_to)
        mine.update(version=saved.version, state=saved.state)
        self._count("transitions")

    @rule(refund=refunds_made, pick=st.integers(min_value=0, max_value=10_000))
    def act_as_someone_allowed(self, refund, pick):
        """Someone whose queue it is in does one of the things the rules offer them."""
        if refund is None:
            return
        row = self._row(refund)
        facts = refunds.facts_of(row)
        offers = [
            (who, t)
            for who in PEOPLE
            for t in allowed_actions(facts, self.office[who].user_id, self.office[who].roles)
        ]
        if not offers:
            return
        forward = [o for o in offers if o[1].action not in DETOURS]
        if forward and pick % 10 < 8:
            offers = forward
        who, t = offers[(pick // 10) % len(offers)]
        mine = self.model[refund]
        saved = refunds.act(  # offered, on the current version: it must succeed
            self.office[who],
            refund,
            mine["version"],
            t.action,
            opinion="原因：已核实。方案：原卡退款。",
            reason="资料不全",
            target=t.target if t.action == Action.SEND_BACK else None,
        )
        self._legal(row, saved, who, t.action, t.target)
        mine.update(version=saved.version, state=saved.state)
        self._count("transitions")
        self._count(f"to_{saved.state.value}")

    # Moving forward is what most people do all day: give it more turns than the rest.
    @rule(refund=refunds_made, pick=st.integers(min_value=0, max_value=10_000))
    def act_as_someone_allowed_again(self, refund, pick):
        self.act_as_someone_allowed(refund, pick)

    @rule(refund=refunds_made, pick=st.integers(min_value=0, max_value=10_000))
    def act_as_someone_allowed_once_more(self, refund, pick):
        self.act_as_someone_allowed(refund, pick)

    @rule(refund=refunds_made, typed=typed_amounts(), who=st.sampled_from(PEOPLE))
    def edit(self, refund, typed, who):
        if refund is None:
            return
        text, value = typed
        mine = self.model[refund]
        row = self._row(refund)
        try:
            saved = refunds.edit_refund(
                self.office[who],
                refund,
                mine["version"],
                refund_data(order_no=row.order_no, amount=text),
            )
        except RefundDeskError:
            self._count("refused")
            return
        assert mine["state"] in (State.DRAFT, State.LEAD_REVIEW)
        mine.update(version=saved.version, amount=value)
        self._count("edits")

    def _row(self, refund_id: int) -> Refund:
        with dbmod.connection():
            return Refund.get_by_id(refund_id)

    def _legal(self, before: Refund, saved, who, action, target) -> None:
        actor = self.office[who]
        source = State(before.state)
        rows = [
            t
            for t in TRANSITIONS
            if t.source == source
            and t.action == action
            and (t.target or source) == saved.state
            and (action != Action.SEND_BACK or t.target == target)
        ]
        assert rows, f"{source} --{action}--> {saved.state} is not in the table"
        assert rows[0].roles & actor.roles, f"{who} may not {action}"
        held = refunds.facts_of(before).duties_of(actor.user_id)
        clash = held & conflicts_with(rows[0].duty) if rows[0].duty else frozenset()
        assert not clash, f"{who} did {action} holding {sorted(clash)}"

    @invariant()
    def database_agrees(self):
        for refund_id, mine in self.model.items():
            view = queries.get_refund(refund_id)
            assert view.version == mine["version"] and view.state == mine["state"]
            assert view.amount == mine["amount"]  # exact to the fen, never rounded
            row = self._row(refund_id)
            assert row.amount_fen == int(mine["amount"] * 100)
            if row.state in (State.AWAITING_PAYMENT.value, State.REFUNDED.value):
                finance = [row.cashier_id, row.accountant_id, row.director_id]
                assert len(set(finance)) == 3 and row.submitted_by_id not in finance
                assert None not in finance
            for user_id, duties in refunds.held_duties(refund_id).items():
                for duty in duties:
                    assert not duties & conflicts_with(duty), (refund_id, user_id, duties)


def test_refund_lifecycle_state_machine(sqlite_office):
    runs, steps = size("hyp_runs", 25), size("hyp_steps", 30)
    Lifecycle.office = sqlite_office
    Lifecycle.stats = {}
    run_state_machine_as_test(
        Lifecycle,
        settings=settings(
            max_examples=runs,
            stateful_step_count=steps,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
    record("stateful", {"runs": runs, "steps": steps, **Lifecycle.stats})
    assert Lifecycle.stats.get("transitions", 0) > 0
    assert Lifecycle.stats.get("bad_input_refused", 0) > 0
    assert Duty.CASHIER  # separation of duties is checked in the invariant
