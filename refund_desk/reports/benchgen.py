"""A benchmark database: many refunds with their step history, written by bulk inserts in one
transaction (not through the services: this is for timing the reports, not a real office).

    python -m refund_desk.reports.benchgen --db /tmp/bench.db --count 100000
    python -m refund_desk.reports.benchgen --db /tmp/bench.db --measure 2026-06

The refunds are spread evenly over the twelve months of `--year`; nine in ten go through the
whole flow, the rest stop at a random step (a few not credited or cancelled)."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time

import peewee as pw

from ..domain.roles import Role
from ..domain.sla import OFFICE_TZ
from ..domain.validation import DEFAULT_BANKS, DEFAULT_FAULT_CATEGORIES
from ..domain.workflow import Action, Block, State
from ..store import db as dbmod
from ..store import session, users
from ..store.actors import Actor
from ..store.models import Refund, StepRecord

FLOW = (
    (Action.SUBMIT, State.DRAFT, State.LEAD_REVIEW, None, "clerk", 3, 9),
    (Action.LEAD_APPROVE, State.LEAD_REVIEW, State.TECH_VERIFICATION, Block.CS, "lead", 5, 30),
    (Action.TECH_RETURN, State.TECH_VERIFICATION, State.CS_SUBMIT, Block.TECH, "tech", 20, 120),
    (Action.SUBMIT_TO_FINANCE, State.CS_SUBMIT, State.CASHIER_CHECK, None, "lead", 10, 70),
    (
        Action.CASHIER_APPROVE,
        State.CASHIER_CHECK,
        State.ACCOUNTANT_REVIEW,
        Block.CASHIER,
        "cashier",
        30,
        240,
    ),
    (
        Action.ACCOUNTANT_APPROVE,
        State.ACCOUNTANT_REVIEW,
        State.DIRECTOR_APPROVAL,
        Block.ACCOUNTANT,
        "accountant",
        20,
        180,
    ),
    (
        Action.DIRECTOR_APPROVE,
        State.DIRECTOR_APPROVAL,
        State.AWAITING_PAYMENT,
        Block.DIRECTOR,
        "director",
        20,
        240,
    ),
    (Action.PAY, State.AWAITING_PAYMENT, State.REFUNDED, None, "cashier", 30, 300),
    (Action.TELL_CUSTOMER, State.REFUNDED, State.CUSTOMER_TOLD, None, "clerk", 10, 120),
)
# which refund column each action stamps
STAMPS = {
    Action.SUBMIT: "submitted_at",
    Action.TECH_RETURN: "tech_returned_at",
    Action.SUBMIT_TO_FINANCE: "finance_submitted_at",
    Action.CASHIER_APPROVE: "money_confirmed_at",
    Action.PAY: "paid_at",
    Action.TELL_CUSTOMER: "customer_told_at",
}
PEOPLE = {
    "clerk": ("bench_clerk", Role.CLERK),
    "lead": ("bench_lead", Role.CS_LEAD),
    "tech": ("bench_tech", Role.TECH),
    "cashier": ("bench_cashier", Role.CASHIER),
    "accountant": ("bench_accountant", Role.ACCOUNTANT),
    "director": ("bench_director", Role.FINANCE_DIRECTOR),
}
BATCH = 2000


def _people() -> dict[str, int]:
    by = Actor.command_line()
    existing = {u.username: u.id for u in users.list_users()}
    ids = {}
    for key, (name, role) in PEOPLE.items():
        if name not in existing:
            existing[name] = users.add_user(name, name, frozenset({role}), "bench", by).id
        ids[key] = existing[name]
    return ids


def generate(count: int, year: int = 2026, seed: int = 1) -> int:
    """Insert `count` refunds (and their steps) spread over `year`. Returns the count."""
    rng = random.Random(seed)
    people = _people()
    banks = [code for code, _ in DEFAULT_BANKS if code != "other"]
    categories = [code for code, _ in DEFAULT_FAULT_CATEGORIES]
    start = dt.datetime(year, 1, 1, tzinfo=OFFICE_TZ).astimezone(dt.UTC)
    span = (
        dt.datetime(year + 1, 1, 1, tzinfo=OFFICE_TZ).astimezone(dt.UTC) - start
    ).total_seconds()
    with dbmod.connection():
        base = Refund.select(pw.fn.MAX(Refund.id)).scalar() or 0
    refunds: list[dict] = []
    steps: list[tuple] = []
    with dbmod.write():
        for i in range(count):
            n = base + i + 1
            opened = start + dt.timedelta(seconds=span * (i + rng.random()) / count)
            refund = _refund(rng, n, opened, people, banks, categories)
            refunds.append(refund)
            steps.extend(_steps(rng, refund, people, n))
            if len(refunds) >= BATCH:
                _flush(refunds, steps)
        _flush(refunds, steps)
    return count


def _refund(rng, n, opened, people, banks, categories) -> dict:
    order_no = f"TK{9000000000 + n}"
    return {
        "id": None,
        "form_no": f"BM-{n:08d}",
        "idem_key": f"bench-{n}",
        "order_no": order_no,
        "order_claim": order_no,
        "phone": f"139{n % 100000000:08d}",
        "purchase_time": opened - dt.timedelta(minutes=rng.randrange(5, 600)),
        "bank": rng.choice(banks),
        "amount_fen": rng.choice([5800, 8800, 12000, 12850, 18000, 48000, 128000])
        + rng.choice([0, 0, 50, 1]),
        "fault_category": rng.choice(categories),
        "complaint_at": opened,
        "created_by": people["clerk"],
        "created_at": opened + dt.timedelta(minutes=1),
        "updated_by": people["clerk"],
        "stop": len(FLOW) if rng.random() < 0.9 else rng.randrange(0, len(FLOW)),
        "ending": rng.random(),
    }


def _steps(rng, refund: dict, people: dict[str, int], n: int) -> list[tuple]:
    at = refund["created_at"]
    state = State.DRAFT
    out = []
    for index, (action, source, target, block, who, low, high) in enumerate(FLOW):
        if index >= refund["stop"]:
            break
        at = at + dt.timedelta(minutes=rng.randrange(low, high))
        if action == Action.CASHIER_APPROVE and refund["ending"] < 0.04:
            action, target = Action.NOT_CREDITED, State.NOT_CREDITED
        out.append((n, action.value, source.value, target.value, block, people[who], at, index + 2))
        refund[STAMPS.get(action, "_")] = at
        if action in (Action.PAY, Action.NOT_CREDITED):
            refund["finance_answered_at"] = at
        if action == Action.CASHIER_APPROVE:
            refund["cashier"] = people["cashier"]
        elif action == Action.ACCOUNTANT_APPROVE:
            refund["accountant"] = people["accountant"]
        elif action == Action.DIRECTOR_APPROVE:
            refund["director"] = people["director"]
        elif action == Action.PAY:
            refund["payer"], refund["outcome"] = people["cashier"], "refunded"
        elif action == Action.SUBMIT:
            refund["submitted_by"] = people["clerk"]
        state = target
        if action == Action.NOT_CREDITED:
            refund["outcome"], refund["order_claim"] = "not_credited", None
            break
    refund["state"], refund["state_since"] = state.value, at
    refund["version"], refund["updated_at"] = len(out) + 1, at
    return out


def _flush(refunds: list[dict], steps: list[tuple]) -> None:
    if not refunds:
        return
    for r in refunds:
        r.pop("_", None)
        r.pop("stop")
        r.pop("ending")
        r["id"] = int(r["idem_key"].split("-")[1])
    Refund.insert_many(refunds).execute()
    fields = [
        StepRecord.refund,
        StepRecord.action,
        StepRecord.from_state,
        StepRecord.to_state,
        StepRecord.block,
        StepRecord.executor,
        StepRecord.executed_at,
        StepRecord.version_after,
    ]
    for i in range(0, len(steps), BATCH):
        StepRecord.insert_many(steps[i : i + BATCH], fields=fields).execute()
    refunds.clear()
    steps.clear()


def measure(year: int, month: int) -> dict[str, float]:
    """Seconds to build the month's two tables (as sheets), reconcile it, and analyse it."""
    from . import analytics, monthly, reconcile

    timings = {}
    for label, fn in (
        ("cs_table", lambda: monthly.statistics_sheet("cs", year, month)),
        ("finance_table", lambda: monthly.statistics_sheet("finance", year, month)),
        ("reconcile", lambda: reconcile.reconcile(year, month)),
        ("statistics_tab_month", lambda: _tab_month(year, month)),
        (
            "analytics_month",
            lambda: analytics.analyse(
                dt.date(year, month, 1),
                dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1),
            ),
        ),
        ("analytics_year", lambda: analytics.analyse(dt.date(year, 1, 1), dt.date(year, 12, 31))),
    ):
        began = time.perf_counter()
        result = fn()
        timings[label] = time.perf_counter() - began
        size = getattr(result, "total_count", None) or getattr(result, "count", None)
        if size is not None:
            timings[label + "_rows"] = size
    return timings


def _tab_month(year: int, month: int):
    """What the 统计 tab loads for a month: by state, both tables, statuses, reconciliation."""
    from .overview import load_month

    return load_month(year, month, "zh")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchgen")
    parser.add_argument("--db", required=True)
    parser.add_argument("--count", type=int, default=0)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--measure", metavar="YYYY-MM")
    args = parser.parse_args(argv)
    session.open_store(args.db, create=True)
    if args.count:
        began = time.perf_counter()
        generate(args.count, args.year)
        print(f"generated {args.count} refunds in {time.perf_counter() - began:.1f} s")
    if args.measure:
        from .monthly import parse_month

        for key, value in measure(*parse_month(args.measure)).items():
            print(f"{key}\t{value:.3f}" if isinstance(value, float) else f"{key}\t{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
