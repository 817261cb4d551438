"""Read-only views for screens, printouts and reports. Constant statement counts: a refund with
its history is three statements, a queue page or a search page is one, counts are one GROUP BY."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import peewee as pw

from ..domain import refund_fields, sla, validation, workflow
from ..domain.calendar import WorkCalendar
from ..domain.errors import NotFound, Text, ValidationError
from ..domain.money import fen_or_zero, from_fen
from ..domain.roles import Role
from ..domain.sla import OFFICE_TZ, ClockStatus, Timeline
from ..domain.workflow import Action, Block, Clock, State
from . import db as dbmod
from . import refunds
from .actors import Actor
from .models import Refund, StepRecord, User

# The refund's times the clocks read: the events of `workflow.CLOCK_RULES`, one column each.
TIMELINE_FIELDS = tuple(e.value for e in workflow.TIMELINE_EVENTS)


@dataclass(frozen=True)
class StepView:
    action: Action
    from_state: State
    to_state: State
    block: Block | None
    opinion: str
    reason: str
    executor: str  # display name
    executed_at: dt.datetime
    leader: str


@dataclass(frozen=True)
class RefundView:
    """One refund as a screen or a printout shows it. The form's fields
    (`refund_fields.FIELDS`) are in `values` and read as attributes too (`view.order_no`)."""

    id: int
    form_no: str
    values: Mapping[str, Any]
    reporting_dept: str
    state: State
    state_since: dt.datetime
    outcome: str | None
    created_by: str
    created_at: dt.datetime
    submitted_by: str
    submitted_by_id: int | None
    timeline: Timeline
    customer_told_at: dt.datetime | None
    cashier: str
    accountant: str
    director: str
    payer: str
    president_requested: bool
    president_answered: bool
    version: int
    updated_by: str
    updated_at: dt.datetime
    steps: tuple[StepView, ...] = field(default=())

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def facts(self) -> workflow.RefundFacts:
        return workflow.RefundFacts(
            self.form_no,
            self.state,
            dict(self.held),
            self.president_requested,
            self.president_answered,
        )

    held: tuple = ()  # (user id, frozenset of duties) pairs: every duty of every pass

    def clocks(self, now: dt.datetime, calendar: WorkCalendar) -> dict[Clock, ClockStatus]:
        return sla.clocks(self.timeline, now, calendar)

    def latest_opinion(self, block: Block) -> StepView | None:
        """The last opinion written in a block of the paper form (after send-backs, the newest)."""
        for step in reversed(self.steps):
            if step.block == block:
                return step
        return None


def _savable(text: str) -> bool:
    try:
        validation.savable(text, "key")
    except ValidationError:
        return False
    return True


def _names(ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(User.select(User.id, User.display_name).where(User.id.in_(ids)).tuples())


def _timeline(row) -> Timeline:
    get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    return Timeline(**{name: get(name) for name in TIMELINE_FIELDS})


def get_refund(refund_id: int | None = None, form_no: str | None = None) -> RefundView:
    """A refund with its whole step history and its duty holders: four statements whatever the
    history's length."""
    key = (form_no or "").strip().upper()
    if refund_id is None and not _savable(key):  # no form number holds such characters
        raise NotFound(what=Text("退款单", "refund"), key=key.encode("utf-8", "replace").decode())
    with dbmod.connection():
        query = Refund.select()
        query = (
            query.where(Refund.id == refund_id)
            if refund_id is not None
            else query.where(Refund.form_no == key)
        )
        refund = query.first()
        if refund is None:
            raise NotFound(what=Text("退款单", "refund"), key=str(form_no or refund_id))
        steps = list(
            StepRecord.select()
            .where(StepRecord.refund == refund.id)
            .order_by(StepRecord.executed_at, StepRecord.id)
        )
        user_ids = [
            refund.created_by_id,
            refund.submitted_by_id,
            refund.cashier_id,
            refund.accountant_id,
            refund.director_id,
            refund.payer_id,
            refund.updated_by_id,
            *(s.executor_id for s in steps),
        ]
        names = _names(user_ids)
        held = tuple(refunds.held_duties(refund.id).items())
    return RefundView(
        id=refund.id,
        form_no=refund.form_no,
        values={f.name: f.from_db(getattr(refund, f.db_column)) for f in refund_fields.FIELDS},
        reporting_dept=refund.reporting_dept,
        state=State(refund.state),
        state_since=refund.state_since,
        outcome=refund.outcome,
        created_by=names.get(refund.created_by_id, ""),
        created_at=refund.created_at,
        submitted_by=names.get(refund.submitted_by_id, ""),
        submitted_by_id=refund.submitted_by_id,
        timeline=_timeline(refund),
        customer_told_at=refund.customer_told_at,
        cashier=names.get(refund.cashier_id, ""),
        accountant=names.get(refund.accountant_id, ""),
        director=names.get(refund.director_id, ""),
        payer=names.get(refund.payer_id, ""),
        president_requested=refund.president_requested,
        president_answered=refund.president_answered,
        version=refund.version,
        updated_by=names.get(refund.updated_by_id, ""),
        updated_at=refund.updated_at,
        steps=tuple(
            StepView(
                Action(s.action),
                State(s.from_state),
                State(s.to_state),
                Block(s.block) if s.block else None,
                s.opinion,
                s.reason,
                names.get(s.executor_id, ""),
                s.executed_at,
                s.leader,
            )
            for s in steps
        ),
        held=held,
    )


@dataclass(frozen=True)
class RefundRow:
    """One line of a queue or a search result."""

    id: int
    form_no: str
    order_no: str
    phone: str
    bank: str
    amount: Decimal
    state: State
    state_since: dt.datetime
    created_at: dt.datetime
    submitted_by: str
    version: int
    timeline: Timeline
    president_pending: bool

    def clocks(self, now: dt.datetime, calendar: WorkCalendar) -> dict[Clock, ClockStatus]:
        return sla.clocks(self.timeline, now, calendar)


_ROW_COLUMNS = (
    Refund.id,
    Refund.form_no,
    Refund.order_no,
    Refund.phone,
    Refund.bank,
    Refund.amount_fen,
    Refund.state,
    Refund.state_since,
    Refund.created_at,
    Refund.version,
    Refund.president_requested,
    Refund.president_answered,
    *(getattr(Refund, name) for name in TIMELINE_FIELDS),
)


def _rows(query) -> list[RefundRow]:
    submitter = User.alias()
    query = query.select(*_ROW_COLUMNS, submitter.display_name.alias("submitter")).join(
        submitter, pw.JOIN.LEFT_OUTER, on=(Refund.submitted_by == submitter.id)
    )
    return [
        RefundRow(
            id=r["id"],
            form_no=r["form_no"],
            order_no=r["order_no"],
            phone=r["phone"],
            bank=r["bank"],
            amount=from_fen(r["amount_fen"]),
            state=State(r["state"]),
            state_since=Refund.state_since.python_value(r["state_since"]),
            created_at=Refund.created_at.python_value(r["created_at"]),
            submitted_by=r["submitter"] or "",
            version=r["version"],
            timeline=Timeline(
                **{n: getattr(Refund, n).python_value(r[n]) for n in TIMELINE_FIELDS}
            ),
            president_pending=bool(r["president_requested"]) and not r["president_answered"],
        )
        for r in query.dicts()
    ]


def queue_condition(actor: Actor):
    """The refunds waiting for `actor`: their state's forward step is one of the actor's roles.
    Drafts wait only for whoever started them (a lead does not see every clerk's drafts)."""
    roles = actor.roles
    states = [s.value for s in State if s != State.DRAFT and workflow.waiting_roles(s) & roles]
    condition = Refund.state.in_(states) if states else None

    def either(extra):
        return extra if condition is None else (condition | extra)

    if workflow.waiting_roles(State.DRAFT) & roles and actor.user_id is not None:
        condition = either(
            (Refund.state == State.DRAFT.value) & (Refund.created_by == actor.user_id)
        )
    if Role.PRESIDENT in roles:
        # Only where the president can still write the opinion; the state test also lets the
        # database find these rows by index instead of reading every refund.
        condition = either(
            Refund.state.in_(_PRESIDENT_STATES)
            & (Refund.president_requested == True)
            & (Refund.president_answered == False)
        )
    return condition


_PRESIDENT_STATES = sorted(
    {t.source.value for t in workflow.TRANSITIONS if t.action == Action.PRESIDENT_OPINION}
)


def queue(
    actor: Actor, states: list[State] | None = None, limit: int = 500, offset: int = 0
) -> list[RefundRow]:
    """My queue, oldest first (by when each refund reached its current step)."""
    condition = queue_condition(actor)
    if condition is None:
        return []
    if states:
        condition &= Refund.state.in_([s.value for s in states])
    with dbmod.connection():
        query = Refund.select().where(condition).order_by(Refund.state_since, Refund.id)
        return _rows(query.limit(limit).offset(offset))


def queue_counts(actor: Actor) -> dict[State, int]:
    condition = queue_condition(actor)
    if condition is None:
        return {}
    with dbmod.connection():
        rows = (
            Refund.select(Refund.state, pw.fn.COUNT(Refund.id))
            .where(condition)
            .group_by(Refund.state)
            .tuples()
        )
        return {State(state): count for state, count in rows}


def local_day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), OFFICE_TZ).astimezone(dt.UTC)


def search(
    text: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    states: list[State] | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[RefundRow]:
    """The seed's progress query (6.1): by form number, order number or mobile, and dates
    (when the complaint was opened), newest first."""
    condition = Refund.id > 0
    text = (text or "").strip()
    if not _savable(text):  # what no record can hold finds nothing (and never reaches SQL)
        return []
    if text:
        up = text.upper()
        condition &= (
            (Refund.form_no == up)
            | (Refund.order_no == up)
            | (Refund.phone == text)
            | Refund.form_no.startswith(up)
            | Refund.order_no.startswith(up)
            | Refund.phone.startswith(text)
        )
    if date_from:
        condition &= Refund.complaint_at >= local_day_start(date_from)
    if date_to:
        condition &= Refund.complaint_at < local_day_start(date_to + dt.timedelta(days=1))
    if states:
        condition &= Refund.state.in_([s.value for s in states])
    with dbmod.connection():
        query = (
            Refund.select().where(condition).order_by(Refund.complaint_at.desc(), Refund.id.desc())
        )
        return _rows(query.limit(limit).offset(offset))


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    """The month in office time, as a half-open UTC range."""
    start = local_day_start(dt.date(year, month, 1))
    end = local_day_start(dt.date(year + (month == 12), month % 12 + 1, 1))
    return start, end


def month_by_state(year: int, month: int) -> dict[State, tuple[int, Decimal]]:
    """Count and amount per state of the refunds opened in a month (one GROUP BY)."""
    start, end = month_bounds(year, month)
    with dbmod.connection():
        rows = (
            Refund.select(Refund.state, pw.fn.COUNT(Refund.id), pw.fn.SUM(Refund.amount_fen))
            .where((Refund.complaint_at >= start) & (Refund.complaint_at < end))
            .group_by(Refund.state)
            .tuples()
        )
        return {State(s): (count, from_fen(fen_or_zero(total))) for s, count, total in rows}
