"""A demo month with planted reconciliation differences, for trying the 统计 tab.

Run it after `store.demo.fill` (`refund-desk demo`, then `refund-desk stats plant-demo`): it takes
the month before the current one (or the month given) and changes four of its refunds so that the
CS and finance tables disagree in each of the ways reconciliation looks for. Three of the changes
are raw updates that stand for records altered outside the application (a hand fix in the
database, a legacy import); the fourth is a real adjustment recorded through the service. Each
change is written to the audit log as `demo_plant`. The other months stay as `fill` made them and
reconcile with zero differences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..domain.calendar import month_key
from ..domain.errors import DatabaseError, ReportError
from ..domain.sla import OFFICE_TZ
from ..store import adjustments, audit, queries, session
from ..store import db as dbmod
from ..store.actors import Actor, utcnow
from ..store.models import Refund, StepRecord, User


@dataclass(frozen=True)
class Planted:
    month: str
    differences: list[tuple[str, str]]  # (difference kind, form number)


def _previous_month(now: dt.datetime) -> tuple[int, int]:
    local = now.astimezone(OFFICE_TZ)
    return (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)


def _candidates(start: dt.datetime, end: dt.datetime) -> list[Refund]:
    """Refunds handled wholly inside the month, away from its edges (no carry-over)."""
    margin = dt.timedelta(days=2)
    inner_start, inner_end = start + margin, end - margin
    sent = StepRecord.action == "submit_to_finance"
    inside = (StepRecord.executed_at >= inner_start) & (StepRecord.executed_at < inner_end)
    sent_inside = StepRecord.select(StepRecord.refund).where(sent & inside)
    sent_outside = StepRecord.select(StepRecord.refund).where(sent & ~inside)
    return list(
        Refund.select()
        .where(
            (Refund.submitted_at >= inner_start)
            & (Refund.finance_submitted_at >= inner_start)
            & (Refund.finance_submitted_at < inner_end - dt.timedelta(days=1))
            & (Refund.outcome == "refunded")
            & Refund.id.in_(sent_inside)
            & Refund.id.not_in(sent_outside)
        )
        .order_by(Refund.id)
    )


def plant_differences(
    year: int | None = None, month: int | None = None, now: dt.datetime | None = None
) -> Planted:
    """Plant one difference of each kind in a month of a demo database (see the module text)."""
    now = now or utcnow()
    if year is None or month is None:
        year, month = _previous_month(now)
    key = month_key(year, month)
    start, end = queries.month_bounds(year, month)
    if not session.is_demo():
        raise DatabaseError("demo_only", where=dbmod.location().display)
    by = Actor.command_line()
    with dbmod.write():
        picks = _candidates(start, end)
        if len(picks) < 4:
            raise ReportError("demo_too_few", month=key)
        unknown, lost, late, corrected = picks[0], picks[1], picks[2], picks[3]
        # Paid by finance, but no CS table has it: the clerk's submission is gone.
        Refund.update(submitted_at=None, submitted_by=None).where(Refund.id == unknown.id).execute()
        # CS submitted it to finance, but finance never logged receiving it.
        Refund.update(finance_submitted_at=None).where(Refund.id == lost.id).execute()
        # Finance logged receiving it a day after CS's submission.
        Refund.update(finance_submitted_at=late.finance_submitted_at + dt.timedelta(days=1)).where(
            Refund.id == late.id
        ).execute()
        for refund, what in ((unknown, "finance_only"), (lost, "cs_only"), (late, "date_differs")):
            audit.append(
                by.audit_name,
                "demo_plant",
                "refund",
                refund.form_no,
                {"kind": what},
                now,
                seal={Refund: [refund.id]},
            )
        cashier = User.get(User.username == "cashier1")
        director = User.get(User.username == "director1")
        at = max(corrected.finance_answered_at or corrected.finance_submitted_at, start)
        at = min(at + dt.timedelta(hours=1), end - dt.timedelta(minutes=1))
        made = adjustments.record(
            Actor.from_user(cashier),
            corrected.id,
            Decimal("-8.50"),
            "实际退款少退 8.50 元（银行手续费）",
            at=at,
        )
        adjustments.decide(
            Actor.from_user(director), made.id, made.version, True, "同意按实际退款调整。", at=at
        )
    return Planted(
        key,
        [
            ("finance_only", unknown.form_no),
            ("cs_only", lost.form_no),
            ("date_differs", late.form_no),
            ("amount_differs", corrected.form_no),
        ],
    )
