"""What the queue screen asks of the store (run on the worker thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..domain import workflow
from ..domain.errors import RefundDeskError
from ..domain.workflow import State, Transition
from ..store import db as dbmod
from ..store import queries, refunds
from ..store.actors import Actor
from ..store.queries import RefundRow, RefundView


@dataclass(frozen=True)
class QueueData:
    rows: list[RefundRow]
    counts: dict[State, int]
    at: dt.datetime


PAGE = 500  # rows a queue load reads; the table asks for the next ones as it scrolls


def load_queue(actor: Actor) -> QueueData:
    with dbmod.connection():  # one for the screen: on a share each costs file operations
        rows, counts = queries.queue(actor, limit=PAGE), queries.queue_counts(actor)
    return QueueData(rows, counts, dt.datetime.now(dt.UTC))


def more_of_queue(actor: Actor, offset: int) -> list[RefundRow]:
    return queries.queue(actor, limit=PAGE, offset=offset)


@dataclass(frozen=True)
class Batch:
    """Selected refunds the user can move forward, each with its step; the rest are skipped."""

    items: list[tuple[RefundView, Transition]]
    skipped: list[str]

    @property
    def total(self) -> Decimal:
        return sum((view.amount for view, _ in self.items), Decimal("0.00"))


def prepare_batch(actor: Actor, refund_ids: list[int]) -> Batch:
    items, skipped = [], []
    for refund_id in refund_ids:
        view = queries.get_refund(refund_id=refund_id)
        allowed = workflow.allowed_actions(view.facts(), actor.user_id, actor.roles)
        forward = [t for t in allowed if t.forward]
        if forward:
            items.append((view, forward[0]))
        else:
            skipped.append(view.form_no)
    return Batch(items, skipped)


def approve_batch(actor: Actor, batch: Batch, opinion: str) -> list[tuple[str, RefundDeskError]]:
    """Apply each step; one refusal does not stop the others. Returns the refusals."""
    failures = []
    for view, t in batch.items:
        try:
            refunds.act(actor, view.id, view.version, t.action, opinion=opinion)
        except RefundDeskError as e:
            failures.append((view.form_no, e))
    return failures
