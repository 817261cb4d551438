"""What the refund screen asks of the store. Each function runs on the worker thread and returns
the refund as it now stands, so the screen shows exactly what was saved."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import RefundDeskError
from ..domain.workflow import Action, State
from ..store import queries, refunds, settings
from ..store.actors import Actor
from ..store.queries import RefundView


@dataclass(frozen=True)
class Choices:
    rules: object
    fault_categories: list
    banks: list
    send_back_reasons: list


@dataclass(frozen=True)
class Outcome:
    """The refund after a save or an action; `error` when a later part of the job failed
    (the draft was saved but submitting it was refused)."""

    view: RefundView
    error: RefundDeskError | None = None


def load_choices() -> Choices:
    return Choices(
        settings.form_rules(),
        settings.fault_categories(),
        settings.banks(),
        settings.send_back_reasons(),
    )


def load(refund_id: int) -> RefundView:
    return queries.get_refund(refund_id=refund_id)


def save(
    actor: Actor,
    refund_id: int | None,
    version: int,
    data: dict | None,
    idem_key: str,
    submit: bool = False,
) -> Outcome:
    """Create or edit the draft (when `data` is given), then optionally submit it."""
    if refund_id is None:
        saved = refunds.create_refund(actor, data or {}, idem_key)
    elif data is not None:
        saved = refunds.edit_refund(actor, refund_id, version, data)
    else:
        saved = refunds.Saved(refund_id, "", version, State.DRAFT)
    error = None
    if submit:
        try:
            refunds.act(actor, saved.refund_id, saved.version, Action.SUBMIT)
        except RefundDeskError as e:
            if refund_id is not None and data is None:
                raise
            error = e
    return Outcome(queries.get_refund(refund_id=saved.refund_id), error)


def act(actor: Actor, refund_id: int, version: int, action: Action, **kw) -> Outcome:
    refunds.act(actor, refund_id, version, action, **kw)
    return Outcome(queries.get_refund(refund_id=refund_id))
