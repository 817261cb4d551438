"""A realistic office for trying the app: users for every role (password `demo`) and refunds
over the last months in every state, with opinions, send-backs and overdue cases. Everything
is written through the services, so the history and the audit chain are real.

Demo data goes only into a database made as a demo (`create`): a new, empty one, marked as a
demo for its whole life, which says so on screen and on paper. A production database never gets
demo users or refunds."""

from __future__ import annotations

import datetime as dt
import os
import random
import uuid
from decimal import Decimal

from ..domain import refund_fields, workflow
from ..domain.duties import Duty, first_free
from ..domain.errors import DatabaseError
from ..domain.refund_fields import DEFAULT_BANKS, DEFAULT_FAULT_CATEGORIES
from ..domain.roles import Role
from ..domain.sla import OFFICE_TZ
from ..domain.validation import FormRules
from ..domain.workflow import Action, State
from . import db as dbmod
from . import refunds, session, users
from .actors import Actor, utcnow
from .models import Refund

DEMO_PASSWORD = "demo"
DEMO_USERS: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("clerk1", "王小丽", (Role.CLERK,)),
    ("clerk2", "李娜", (Role.CLERK,)),
    ("lead1", "张伟", (Role.CS_LEAD, Role.CLERK)),
    ("lead2", "刘洋", (Role.CS_LEAD,)),
    ("tech1", "陈强", (Role.TECH,)),
    ("tech2", "黄磊", (Role.TECH,)),
    ("cashier1", "赵敏", (Role.CASHIER,)),
    ("cashier2", "周静", (Role.CASHIER,)),
    ("accountant1", "孙浩", (Role.ACCOUNTANT,)),
    ("director1", "吴刚", (Role.FINANCE_DIRECTOR,)),
    ("president1", "郑总", (Role.PRESIDENT,)),
    ("admin1", "冯雪", (Role.ADMIN,)),
    ("sysadmin", "系统管理员", (Role.SYSADMIN,)),
)

OPINION = "已核实，同意。"  # a step asking for an opinion that has none of its own below
OPINIONS = {
    Action.LEAD_APPROVE: "客户反映{fault}，资料齐全，转技术部核实。",
    Action.TECH_RETURN: "原因：查系统日志，{fault}属实，订单未出票。方案：同意原卡退款。",
    Action.CASHIER_APPROVE: "已核实款项到账，金额无误。",
    Action.ACCOUNTANT_APPROVE: "复核无误。",
    Action.DIRECTOR_APPROVE: "同意退款。",
    Action.NOT_CREDITED: "银行流水未见该笔扣款，款项未入帐，无需退款。",
    Action.PRESIDENT_OPINION: "同意财务意见，尽快处理，做好客户解释。",
    Action.TRACK: "已回访客户，客户满意。",
}

# (final stop, weight): how far each demo refund has got
_ENDINGS = (
    (State.CUSTOMER_TOLD, 60),
    (State.REFUNDED, 5),
    (State.NOT_CREDITED, 4),
    (State.CANCELLED, 4),
    (State.AWAITING_PAYMENT, 3),
    (State.DIRECTOR_APPROVAL, 3),
    (State.ACCOUNTANT_REVIEW, 3),
    (State.CASHIER_CHECK, 4),
    (State.CS_SUBMIT, 3),
    (State.TECH_VERIFICATION, 3),
    (State.LEAD_REVIEW, 3),
    (State.DRAFT, 3),
)
_CLOSED = (State.CUSTOMER_TOLD, State.CANCELLED, State.NOT_CREDITED)
_OPEN = workflow.STEP_ORDER[:-1]  # where an unfinished refund stops
# Who of the demo office takes each role's forward steps ("clerk", "lead", "cashier" are drawn
# per refund); the steps themselves are the flow's forward path.
_CAST = {
    Role.CLERK: "clerk",
    Role.CS_LEAD: "lead",
    Role.TECH: "tech1",
    Role.CASHIER: "cashier",
    Role.ACCOUNTANT: "accountant1",
    Role.FINANCE_DIRECTOR: "director1",
}


def _who(t: workflow.Transition) -> str:
    """The demo person for a forward step: the clerk for what a clerk may do, else the role's."""
    role = min(t.roles, key=list(Role).index)
    return _CAST[role]


_FORWARD = tuple((t.action, _who(t)) for t in workflow.FORWARD_PATH)
# typical minutes each step takes; a few refunds take far longer (the overdue ones)
_MINUTES = {
    Action.SUBMIT: (3, 9),
    Action.LEAD_APPROVE: (5, 30),
    Action.TECH_RETURN: (20, 120),
    Action.SUBMIT_TO_FINANCE: (10, 50),
    Action.CASHIER_APPROVE: (30, 180),
    Action.ACCOUNTANT_APPROVE: (20, 120),
    Action.DIRECTOR_APPROVE: (20, 180),
    Action.PAY: (30, 240),
    Action.TELL_CUSTOMER: (10, 90),
}


def create(
    spec: str | None,
    count: int = 200,
    seed: int = 7,
    days: int = 120,
    now: dt.datetime | None = None,
) -> dbmod.Location:
    """A new demo database at `spec`, filled. Refused where a database (or any file) is."""
    location = dbmod.parse_location(session.resolve(spec))
    if location.is_sqlite and os.path.exists(location.target):
        if os.path.getsize(location.target) > 0:
            raise DatabaseError("demo_needs_new", where=location.display)
    elif not location.is_sqlite:
        dbmod.bind(location)
        with dbmod.connection() as database:
            if database.get_tables():
                raise DatabaseError("demo_needs_new", where=location.display)
    location = session.open_store(spec, create=True, kind="demo", actor="demo")
    fill(count=count, seed=seed, days=days, now=now)
    return location


def _require_demo() -> None:
    if not session.is_demo():
        raise DatabaseError("demo_only", where=dbmod.location().display)


def ensure_users() -> dict[str, Actor]:
    """The demo office's people: its system administrator makes the others."""
    _require_demo()
    existing = {u.username: u for u in users.list_users()}
    if "sysadmin" not in existing:
        users.create_first_sysadmin("sysadmin", "系统管理员", DEMO_PASSWORD, "demo")
        existing = {u.username: u for u in users.list_users()}
    by = Actor.from_user(existing["sysadmin"])
    for username, name, roles in DEMO_USERS:
        if username not in existing:
            users.add_user(username, name, frozenset(roles), DEMO_PASSWORD, by)
    return {
        u.username: Actor.from_user(u)
        for u in users.list_users()
        if u.username in {n for n, _, _ in DEMO_USERS}
    }


def _pick_ending(rng: random.Random) -> State:
    states, weights = zip(*_ENDINGS, strict=True)
    return rng.choices(states, weights)[0]


def fill(
    count: int = 200,
    seed: int = 7,
    days: int = 120,
    now: dt.datetime | None = None,
) -> int:
    """Create `count` refunds spread over the last `days` days in the demo database. Returns how
    many were made."""
    rng = random.Random(seed)
    now = now or utcnow()
    people = ensure_users()
    categories = [code for code, _ in DEFAULT_FAULT_CATEGORIES]
    labels = dict(DEFAULT_FAULT_CATEGORIES)
    banks = [code for code, _ in DEFAULT_BANKS if code != "other"]
    with dbmod.connection():
        order_base = 2026000000 + Refund.select().count() * 10 + rng.randrange(1000)
    made = 0
    with dbmod.write():  # one transaction: the services nest inside it as savepoints
        for i in range(count):
            made += _fill_one(rng, i, order_base, now, days, people, categories, labels, banks)
    return made


def _fill_one(rng, i, order_base, now, days, people, categories, labels, banks) -> int:
    # a fifth are from the last three days (still open), a few stuck for days, the rest closed
    roll = rng.random()
    span = (
        (5, 3 * 24 * 60)
        if roll < 0.2
        else (3 * 24 * 60, 14 * 24 * 60)
        if roll < 0.3
        else (14 * 24 * 60, max(days, 15) * 24 * 60)
    )
    age = dt.timedelta(minutes=rng.randrange(*span))
    opened = now - age
    local = opened.astimezone(OFFICE_TZ)
    if local.hour < 8 or local.hour > 21:  # the office works 08:00-22:00 (00-14 UTC)
        opened = min(opened.replace(hour=rng.randrange(0, 13)), now - dt.timedelta(minutes=5))
    if age > dt.timedelta(days=14):  # an old refund is closed, as in a working office
        ending = rng.choices(_CLOSED, weights=(88, 6, 6))[0]
    elif age > dt.timedelta(days=3):  # a few stuck for days: the overdue cases
        ending = _pick_ending(rng)
    else:
        ending = rng.choice(_OPEN)
    return _one(rng, i, order_base, opened, now, ending, people, categories, labels, banks)


def _plausible(field: refund_fields.Field, rng: random.Random) -> str:
    """A demo value for a field this module does not fill itself: one of a choice's codes, a
    text's example, nothing for an optional text."""
    if field.options:
        return rng.choice([code for code, _ in field.options])
    if field.kind == refund_fields.Kind.CHOICE:
        return rng.choice(sorted(getattr(FormRules(), field.choices)))
    return field.example


def _one(rng, i, order_base, opened, now, ending, people, categories, labels, banks) -> int:
    clerk = people[rng.choice(["clerk1", "clerk2", "lead1"])]
    lead = people[rng.choice(["lead1", "lead2"])]
    cashier = people[rng.choice(["cashier1", "cashier2"])]
    cast = {"clerk": clerk, "lead": lead, "cashier": cashier, **people}
    category = rng.choice(categories)
    amount = (
        Decimal(rng.choice([58, 88, 120, 180, 240, 360, 480, 520, 880, 1280]))
        + Decimal(rng.choice([0, 0, 0, 50])) / 100
    )
    bought = opened - dt.timedelta(minutes=rng.randrange(5, 600))
    data = {
        "order_no": f"TK{order_base + i}",
        "phone": f"1{rng.choice('3456789')}{rng.randrange(10**8, 10**9)}",
        "purchase_time": bought.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M"),
        "bank": rng.choice(banks),
        "amount": str(amount),
        "fault_category": category,
        "fault_description": f"客户来电：{labels[category].zh}。",
        "customer_view": rng.choice(["要求原卡退款", "要求尽快退款", "要求退款并解释原因"]),
        "contact": "电话回访",
        "complaint_no": f"TS{opened.astimezone(OFFICE_TZ):%Y%m%d}{i % 1000:03d}",
        "handling_dept": "技术部",
        "complaint_at": opened.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M"),
    }
    for field in refund_fields.FIELDS:  # a field added since: a plausible value of its kind
        if field.name not in data:
            data[field.name] = _plausible(field, rng)
    at = opened + dt.timedelta(minutes=1)
    saved = refunds.create_refund(clerk, data, uuid.UUID(int=rng.getrandbits(128)).hex, at=at)
    slow = rng.random() < 0.12  # about one in eight misses a time limit
    sent_back = rng.random() < 0.12
    president = rng.random() < 0.05
    state = State.DRAFT

    held: dict[Actor, set[Duty]] = {clerk: {Duty.CREATOR}}

    def free(who: str, action: Action, target: State | None) -> Actor:
        """The demo person for the step, or, when the duties separate them from it on this
        refund, the first other person of the office with the step's role who is free to."""
        t = workflow.find(saved.state, action, target)
        if t is None or t.duty is None:
            return cast[who]
        others = sorted((p for p in people.values() if p.roles & t.roles), key=lambda p: p.username)
        person = first_free([cast[who], *others], held, t.duty)
        held.setdefault(person, set()).add(t.duty)
        return person

    def opinion_for(action: Action, target: State | None) -> str:
        t = workflow.find(saved.state, action, target)
        scripted = OPINIONS.get(action, OPINION if t is not None and t.opinion else "")
        return scripted.format(fault=labels[category].zh)

    def step(action, who, **kw):
        nonlocal saved, at
        low, high = _MINUTES.get(action, (5, 30))
        minutes = rng.randrange(low, high)
        if slow and rng.random() < 0.3:
            minutes *= rng.choice([3, 6, 12])
        nxt = at + dt.timedelta(minutes=minutes)
        if nxt >= now:
            return False
        at = nxt
        saved = refunds.act(
            free(who, action, kw.get("target")),
            saved.refund_id,
            saved.version,
            action,
            at=at,
            opinion=kw.get("opinion", opinion_for(action, kw.get("target"))),
            reason=kw.get("reason", ""),
            target=kw.get("target"),
            leader=kw.get("leader", ""),
        )
        return True

    for action, who in _FORWARD:
        if state == ending:
            break
        if ending == State.CANCELLED and state in (State.LEAD_REVIEW, State.CS_SUBMIT):
            step(Action.CANCEL, "lead", reason="客户撤销退款要求")
            return 1
        if ending == State.NOT_CREDITED and state == State.CASHIER_CHECK:
            if step(Action.NOT_CREDITED, "cashier"):
                state = State.NOT_CREDITED
                step(Action.TELL_CUSTOMER, "clerk")
            return 1
        if sent_back and state == State.ACCOUNTANT_REVIEW:
            sent_back = False
            if not step(
                Action.SEND_BACK,
                "accountant1",
                target=State.CS_SUBMIT,
                reason="金额与扣款记录不符，请核对",
            ):
                return 1
            for again, who2 in (
                (Action.SUBMIT_TO_FINANCE, "lead"),
                (Action.CASHIER_APPROVE, "cashier"),
            ):
                if not step(again, who2):
                    return 1
        if president and state == State.DIRECTOR_APPROVAL:
            president = False
            if not step(Action.REQUEST_PRESIDENT, "director1", reason="客户投诉升级，请总裁批示"):
                return 1
            if not step(Action.PRESIDENT_OPINION, "president1"):
                return 1
        lead_name = {
            "lead_approve": lead.display_name,
            "director_approve": people["director1"].display_name,
        }.get(action.value, "")
        if not step(action, who, leader=lead_name):
            return 1
        state = workflow.find(state, action).target  # the transition table says where
    if state == State.CUSTOMER_TOLD and rng.random() < 0.2:
        step(Action.TRACK, "admin1")
    return 1
