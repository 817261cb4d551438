"""Refunds made at chosen office times through the real services, for hand-computed tables."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from refund_desk.domain.sla import OFFICE_TZ
from refund_desk.domain.workflow import Action, State
from refund_desk.store import refunds
from tests.conftest import forward, refund_data

# (who, action) in the order of the seed's flow, up to the customer being told
FLOW = tuple(forward(State.CUSTOMER_TOLD))
OPINION = "原因：已核实。方案：原卡退款。"


def office_time(text: str) -> dt.datetime:
    """ "2026-10-05 10:00" in the office's zone, as an aware datetime."""
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=OFFICE_TZ)


class Maker:
    """Builds refunds whose every step happens at a chosen time."""

    def __init__(self, office):
        self.office = office

    def create(self, amount: str, at: dt.datetime, order_no: str | None = None, **fields):
        data = refund_data(
            amount=amount,
            purchase_time=(at - dt.timedelta(hours=1))
            .astimezone(OFFICE_TZ)
            .strftime("%Y-%m-%d %H:%M"),
            complaint_at=(at - dt.timedelta(minutes=2))
            .astimezone(OFFICE_TZ)
            .strftime("%Y-%m-%d %H:%M"),
            **({"order_no": order_no} if order_no else {}),
            **fields,
        )
        return refunds.create_refund(self.office["clerk"], data, uuid.uuid4().hex, at=at)

    def step(self, saved, who: str, action: Action, at: dt.datetime, **kw):
        kw.setdefault("opinion", OPINION)
        return refunds.act(self.office[who], saved.refund_id, saved.version, action, at=at, **kw)

    def refund(
        self,
        amount: str,
        submitted: str,
        upto: Action = Action.TELL_CUSTOMER,
        gaps: dict[Action, dt.timedelta] | None = None,
        **fields,
    ):
        """A refund submitted at `submitted` (office time), carried through the flow up to and
        including `upto`; each step 10 minutes after the last unless `gaps` says otherwise."""
        at = office_time(submitted)
        saved = self.create(amount, at - dt.timedelta(minutes=3), **fields)
        gaps = gaps or {}
        for i, (who, action) in enumerate(FLOW):
            if i > 0:
                at = at + gaps.get(action, dt.timedelta(minutes=10))
            saved = self.step(saved, who, action, at)
            if action == upto:
                break
        return saved


@pytest.fixture
def maker(office) -> Maker:
    return Maker(office)


def approved_adjustment(office, maker_actor, refund_id, amount, reason, at=None):
    """An adjustment recorded by `maker_actor` and approved by the director (it then counts)."""
    from refund_desk.store import adjustments

    made = adjustments.record(maker_actor, refund_id, amount, reason, at=at)
    return adjustments.decide(office["director"], made.id, made.version, True, "同意。", at=at)
