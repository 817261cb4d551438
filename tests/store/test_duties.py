"""Separation of duties over a refund's whole life, as an adversary tries it: people holding
several roles at once walk refunds down random paths (send-backs, resubmissions, edits, the
president's opinion) and try every step their roles permit. No person ever ends up holding two
separated duties on one refund; every refusal is the `SamePerson` sentence and an audit row; and
the database's own rule refuses a conflicting duty written around the services."""

from __future__ import annotations

import collections
import uuid

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refund_desk.domain import workflow
from refund_desk.domain.duties import CONFLICT_PAIRS, Duty, conflicts_with
from refund_desk.domain.errors import RefundDeskError, SamePerson
from refund_desk.domain.roles import Role
from refund_desk.domain.workflow import Action, State
from refund_desk.store import db as dbmod
from refund_desk.store import refunds, users
from refund_desk.store.actors import Actor
from refund_desk.store.models import AuditLog, DutyHolder
from tests.conftest import PASSWORD, refund_data

FLOW_ROLES = [r for r in Role if r not in (Role.SYSADMIN, Role.ADMIN)]
OPINION = "原因：已核实。方案：原卡退款。"


def _people(office, role_sets) -> list[Actor]:
    admin = office["sysadmin"]
    made = []
    for roles in role_sets:
        name = "m" + uuid.uuid4().hex[:10]
        made.append(Actor.from_user(users.add_user(name, name, frozenset(roles), PASSWORD, admin)))
    return made


def _denials() -> int:
    with dbmod.connection():
        return AuditLog.select().where(AuditLog.action.startswith("denied:")).count()


def _assert_no_one_holds_separated_duties(refund_id: int) -> None:
    for user_id, held in refunds.held_duties(refund_id).items():
        for duty in held:
            assert not held & conflicts_with(duty), (refund_id, user_id, sorted(held))


SEEN: collections.Counter = collections.Counter()


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    role_sets=st.lists(
        st.sets(st.sampled_from(FLOW_ROLES), min_size=2, max_size=4), min_size=3, max_size=5
    ),
    choices=st.lists(st.integers(min_value=0, max_value=10**6), min_size=20, max_size=60),
)
def test_multi_role_people_never_hold_separated_duties(office_maker, role_sets, choices):
    office = office_maker()
    # the multi-role people, and an office of one-role colleagues to pass the refund on to
    singles = [office[n] for n in ("clerk", "lead", "tech", "cashier", "accountant", "director")]
    people = _people(office, role_sets) + singles
    saved = refunds.create_refund(
        next((p for p in people if p.roles & {Role.CLERK, Role.CS_LEAD}), office["clerk"]),
        refund_data(),
        uuid.uuid4().hex,
    )
    refused = 0
    before = _denials()
    for pick in choices:
        with dbmod.connection():
            row = refunds._load_refund(saved.refund_id)
        state = State(row.state)
        actor = people[pick % len(people)]
        # anything this person's roles permit from here, separated or not
        offered = [t for t in workflow.transitions_from(state) if t.roles & actor.roles]
        if state in workflow.EDITABLE_STATES and pick % 7 == 0:
            try:
                refunds.edit_refund(actor, row.id, row.version, refund_data(order_no=row.order_no))
            except SamePerson:
                refused += 1
            except RefundDeskError:
                refused += 1
            continue
        forward = [t for t in offered if t.forward]
        detours = [t for t in offered if not t.forward and t.action != Action.CANCEL]
        if pick % 60 == 0:
            detours += [t for t in offered if t.action == Action.CANCEL]
        pool = forward if forward and pick % 10 < 7 else detours or forward
        if not pool:
            continue
        t = pool[(pick // 7) % len(pool)]
        try:
            refunds.act(
                actor,
                row.id,
                row.version,
                t.action,
                opinion=OPINION,
                reason="请核对",
                target=t.target if t.action == Action.SEND_BACK else None,
            )
        except SamePerson as e:
            refused += 1
            SEEN["same_person"] += 1
            assert "不相容职务分离" in e.text()
        except RefundDeskError:
            refused += 1  # a permission the edit path checks, a condition: audited too
        else:
            SEEN["done"] += 1
            SEEN[f"to_{workflow.find(state, t.action, t.target).target or state}"] += 1
        _assert_no_one_holds_separated_duties(saved.refund_id)
    assert _denials() - before == refused  # every refusal is written down, one for one


@pytest.fixture
def office_maker(db_url):
    """A fresh office per hypothesis example (the template copy makes it cheap)."""
    from tests.conftest import make_office

    count = [0]

    def make():
        count[0] += 1
        return make_office(db_url if count[0] == 1 else _next(db_url, count[0]))

    yield make


def _next(url: str, n: int) -> str:
    if "://" in url:
        return url  # PostgreSQL: the same database, recreated from the template
    return url.replace(".db", f"-{n}.db")


@pytest.mark.parametrize(
    "first, then",
    sorted({(a, b) for a, b in CONFLICT_PAIRS if a.value < b.value})[:12],
    ids=lambda d: d.value,
)
def test_the_database_refuses_a_separated_duty_written_around_the_services(office, first, then):
    """Even an INSERT by hand is refused when the person holds a separated duty."""
    saved = office.new_refund()
    clerk = office["admin"].user_id  # holds nothing on the refund yet
    with dbmod.write():
        DutyHolder.insert(
            entity="refund", entity_id=saved.refund_id, user=clerk, duty=first.value
        ).on_conflict_ignore().execute()
    with pytest.raises((peewee.IntegrityError, RefundDeskError)), dbmod.write():
        DutyHolder.insert(
            entity="refund", entity_id=saved.refund_id, user=clerk, duty=then.value
        ).execute()
    assert Duty(first) in refunds.held_duties(saved.refund_id)[clerk]
    assert Duty(then) not in refunds.held_duties(saved.refund_id)[clerk]


def test_duties_are_never_removed(office):
    saved = office.new_refund()
    with pytest.raises((peewee.DatabaseError, RefundDeskError)), dbmod.write():
        DutyHolder.delete().where(DutyHolder.entity_id == saved.refund_id).execute()
    with pytest.raises((peewee.DatabaseError, RefundDeskError)), dbmod.write():
        DutyHolder.update(duty="tech").where(DutyHolder.entity_id == saved.refund_id).execute()
    assert refunds.held_duties(saved.refund_id)


def test_the_random_walks_took_steps_and_were_refused(request):
    """The walk above is only worth its name if it both moved refunds and met refusals."""
    if not SEEN:
        pytest.skip("run with the walk")
    assert SEEN["done"] > 20 and SEEN["same_person"] > 5, SEEN
    assert SEEN["to_cashier_check"] and SEEN["to_director_approval"], SEEN


def test_one_person_cannot_record_and_approve_an_adjustment(office):
    """A cashier who is also the finance director records a fee on a paid refund and tries to
    approve it as director: refused with the separation's sentence, audited, still pending."""
    from refund_desk.store import adjustments
    from tests.conftest import forward

    paid = office.carry(office.new_refund(amount="128.50"), *forward(State.REFUNDED))
    both = office["all_finance"]
    made = adjustments.record(both, paid.refund_id, "-8.50", "银行手续费")
    with pytest.raises(SamePerson) as e:
        adjustments.decide(both, made.id, made.version, True, "同意")
    assert "不相容" in e.value.text() or "另一人" in e.value.text(), e.value.text()
    assert adjustments.get(made.id).state == "pending"
    with dbmod.connection():
        denied = AuditLog.select().where(AuditLog.action == "denied:adjustment_approve").count()
    assert denied == 1
    adjustments.decide(office["director"], made.id, made.version, True, "同意")  # another may


@pytest.mark.parametrize("fen", [0, -1, 10**10 + 1, 2**62])
def test_the_database_refuses_an_amount_out_of_range_written_around_the_services(office, fen):
    saved = office.new_refund(amount="12.00")
    with pytest.raises(RefundDeskError) as e, dbmod.write() as database:
        database.execute_sql(
            "UPDATE refund SET amount_fen = %s WHERE id = %s"
            if "://" in office.url
            else "UPDATE refund SET amount_fen = ? WHERE id = ?",
            (fen, saved.refund_id),
        )
    assert "金额" in e.value.text(), e.value.text()  # one sentence, the database's own refusal
    from decimal import Decimal

    from refund_desk.store import queries

    assert queries.get_refund(saved.refund_id).amount == Decimal("12.00")
