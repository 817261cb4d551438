"""Services that change refunds: the only way the GUI and the command line write them.

Each runs in one short transaction that reloads the user and the refund, re-checks permission
and state with the domain rules, updates the row only if its `version` is still the one the
caller saw (optimistic locking), records the step, and appends a hash-chained audit row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ..domain import permissions, refund_fields, validation, workflow
from ..domain.duties import Duty, check_duty
from ..domain.errors import (
    AuthError,
    Conflict,
    DatabaseError,
    DuplicateOrder,
    NotFound,
    RefundDeskError,
    Text,
    WorkflowError,
)
from ..domain.permissions import Permission
from ..domain.sla import OFFICE_TZ
from ..domain.workflow import CLOCK_RULES, PASS_RECORDS, STEP_ORDER, Action, State
from . import audit, duty_records, monthly_reports, settings
from . import db as dbmod
from .actors import Actor, utcnow
from .models import Counter, DutyHolder, Refund, StepRecord, User

# The refund column that shows the newest pass's holder of a duty (the paper form's blocks and
# the monthly tables read these; `DutyHolder` keeps every holder of every pass).
DUTY_COLUMN = {
    Duty.SUBMITTER: Refund.submitted_by,
    Duty.CASHIER: Refund.cashier,
    Duty.ACCOUNTANT: Refund.accountant,
    Duty.DIRECTOR: Refund.director,
    Duty.PAYER: Refund.payer,
}
EDIT_STEP = Text("修改退款单", "editing the refund form")


@dataclass(frozen=True)
class Saved:
    """What a service reports back: enough for the screen to refresh without guessing."""

    refund_id: int
    form_no: str
    version: int
    state: State


def _load_user(actor: Actor) -> User:
    """The acting user as the database has it now: disabled or removed users can do nothing."""
    user = User.get_or_none(User.id == actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        raise AuthError("user_disabled", name=actor.username)
    return user


def _roles(user: User):
    return Actor.from_user(user).roles


def _load_refund(refund_id: int) -> Refund:
    refund = Refund.get_or_none(Refund.id == refund_id)
    if refund is None:
        raise NotFound(what=Text("退款单", "refund"), key=str(refund_id))
    return refund


def _conflict(refund: Refund) -> Conflict:
    who = User.get_by_id(refund.updated_by_id).display_name
    when = refund.updated_at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M:%S")
    return Conflict(form_no=refund.form_no, who=who, when=when, version=refund.version)


def _month_of(refund: Refund) -> str | None:
    """The month whose statistics count the refund: the one it was submitted in. A draft never
    submitted belongs to no month yet (closing a month must not freeze it)."""
    if refund.submitted_at is None:
        return None
    return refund.submitted_at.astimezone(OFFICE_TZ).strftime("%Y-%m")


def _check_month_open(refund: Refund) -> None:
    month = _month_of(refund)
    if month is None:
        return
    monthly_reports.require_open(month)


def _next_form_no(at: dt.datetime) -> tuple[str, str]:
    year = at.astimezone(OFFICE_TZ).year
    name = f"form_no:{year}"
    # One statement: two PCs opening a new year at once must not both insert (PostgreSQL has
    # no BEGIN IMMEDIATE to keep them apart).
    Counter.insert(name=name, value=1).on_conflict(
        conflict_target=[Counter.name], update={Counter.value: Counter.value + 1}
    ).execute()
    seq = Counter.get_by_id(name).value
    template = settings.get("form_no_format", "TD-{year}-{seq:06d}")
    return name, template.format(year=year, seq=seq)


def _form_values(form: validation.RefundForm) -> dict:
    """The columns a checked form writes (every field but the complaint time, which is set once
    when the form is made)."""
    return {f.db_column: f.to_db(getattr(form, f.name)) for f in refund_fields.STORED}


def _duplicate_order(order_no: str) -> DuplicateOrder:
    """The refusal of a second form for an order, said at 订单号: an open form holds it, or a
    paid one keeps it for good (the sentence says which)."""
    holder = Refund.get_or_none(Refund.order_claim == order_no)
    if holder is not None and State(holder.state) not in workflow.IN_PROGRESS | {State.DRAFT}:
        return DuplicateOrder(
            "order_refunded",
            field="order_no",
            order_no=order_no,
            form_no=holder.form_no,
            state=State(holder.state).label,
        )
    return DuplicateOrder(
        field="order_no", order_no=order_no, form_no=holder.form_no if holder else "?"
    )


def _refused(actor: Actor, action: str, entity_id: object, error: RefundDeskError) -> None:
    """Every refused action is written down, naming the form (its own transaction: the refused
    one rolled back). A failing database is not a refusal: the caller says so itself."""
    if isinstance(error, DatabaseError):
        return
    audit.refused(actor.audit_name, action, "refund", entity_id, error, utcnow())


def _form_name(refund_id: int) -> str:
    """The form number of a refund, for naming it in a refusal ("#id" if there is none)."""
    try:
        with dbmod.connection():
            row = Refund.select(Refund.form_no).where(Refund.id == refund_id).first()
    except RefundDeskError:
        row = None
    return row.form_no if row else f"#{refund_id}"


def held_duties(refund_id: int) -> dict[int, frozenset[Duty]]:
    """Every duty every person has held on the refund, in every pass (one statement)."""
    return duty_records.held("refund", refund_id)


def _take_duty(refund_id: int, user_id: int, duty: Duty) -> tuple:
    return duty_records.take("refund", refund_id, user_id, duty)


# What a form's content is, for telling a retried save from a different one under the same key.
_CONTENT = tuple(f.db_column for f in refund_fields.STORED)


def _same_content(refund: Refund, values: dict, user: User) -> bool:
    return refund.created_by_id == user.id and all(
        getattr(refund, k) == values[k] for k in _CONTENT
    )


def create_refund(actor: Actor, data: dict, idem_key: str, at: dt.datetime | None = None) -> Saved:
    """A new draft. The same `idem_key` twice (a double-click, a retried save) returns the first;
    the same key with other content is refused."""
    at = at or utcnow()
    try:
        with dbmod.write():  # one connection: on a slow share each extra one costs ~35 file ops
            rules = settings.form_rules()
            user = _load_user(actor)
            permissions.require(Permission.CREATE_REFUND, _roles(user))
            form = validation.refund_form(data, at, rules)
            values = _form_values(form)
            existing = Refund.get_or_none(Refund.idem_key == idem_key)
            if existing is not None:
                if not _same_content(existing, values, user):
                    raise IdempotencyReused(form_no=existing.form_no)
                return Saved(existing.id, existing.form_no, existing.version, State(existing.state))
            if Refund.select().where(Refund.order_claim == form.order_no).exists():
                raise _duplicate_order(form.order_no)
            complaint_at = form.complaint_at or at
            counter, form_no = _next_form_no(at)
            refund = Refund.create(
                form_no=form_no,
                idem_key=idem_key,
                order_claim=form.order_no,
                complaint_at=complaint_at,
                state=State.DRAFT.value,
                state_since=at,
                created_by=user.id,
                created_at=at,
                updated_by=user.id,
                updated_at=at,
                version=1,
                **values,
            )
            duty = _take_duty(refund.id, user.id, Duty.CREATOR)
            detail = {k: str(v) for k, v in values.items()}
            audit.append(
                actor.audit_name,
                "create",
                "refund",
                refund.form_no,
                detail,
                at,
                seal={Refund: [refund.id], Counter: [counter], DutyHolder: [duty]},
            )
            return Saved(refund.id, refund.form_no, 1, State.DRAFT)
    except pw.IntegrityError as e:
        try:
            return _after_integrity_error(e, idem_key, data)
        except RefundDeskError as refusal:
            _refused(actor, "create", str(data.get("order_no", "")).strip().upper(), refusal)
            raise
    except RefundDeskError as e:
        _refused(actor, "create", str(data.get("order_no", "")).strip().upper() or "-", e)
        raise


class IdempotencyReused(WorkflowError):
    code = "idem_reused"


def _after_integrity_error(error: pw.IntegrityError, idem_key: str, data: dict) -> Saved:
    """Another PC won a race (PostgreSQL: no BEGIN IMMEDIATE): same key -> that form; same
    order -> the one-refund-per-order sentence."""
    with dbmod.connection():
        existing = Refund.get_or_none(Refund.idem_key == idem_key)
        if existing is not None:
            return Saved(existing.id, existing.form_no, existing.version, State(existing.state))
        order_no = str(data.get("order_no", "")).strip().upper()
        if Refund.select().where(Refund.order_claim == order_no).exists():
            raise _duplicate_order(order_no) from error
    raise error


def edit_refund(
    actor: Actor, refund_id: int, expected_version: int, data: dict, at: dt.datetime | None = None
) -> Saved:
    """Change the form's fields (draft, or lead review by a lead)."""
    at = at or utcnow()
    try:
        with dbmod.write():
            rules = settings.form_rules()
            user = _load_user(actor)
            refund = _load_refund(refund_id)
            if refund.version != expected_version:
                raise _conflict(refund)
            state = State(refund.state)
            needed = permissions.edit_permission(state)
            if needed is None:
                raise workflow.WrongState(
                    form_no=refund.form_no, state=state.label, action=Permission.EDIT_DRAFT.label
                )
            permissions.require(needed, _roles(user))
            check_duty(held_duties(refund.id).get(user.id, frozenset()), Duty.EDITOR, EDIT_STEP)
            _check_month_open(refund)
            form = validation.refund_form(data, at, rules)
            values = _form_values(form)
            if form.order_no != refund.order_no:
                clash = (
                    Refund.select()
                    .where((Refund.order_claim == form.order_no) & (Refund.id != refund.id))
                    .exists()
                )
                if clash:
                    raise _duplicate_order(form.order_no)
                values["order_claim"] = form.order_no
            changed = {k: v for k, v in values.items() if getattr(refund, k) != v}
            version = _update(refund, expected_version, user, at, values)
            duty = _take_duty(refund.id, user.id, Duty.EDITOR)
            audit.append(
                actor.audit_name,
                "edit",
                "refund",
                refund.form_no,
                {k: str(v) for k, v in changed.items()} | {"version": version},
                at,
                seal={Refund: [refund.id], DutyHolder: [duty]},
            )
            return Saved(refund.id, refund.form_no, version, state)
    except pw.IntegrityError as e:
        refusal = _duplicate_order(str(data.get("order_no", "")).strip().upper())
        _refused(actor, "edit", _form_name(refund_id), refusal)
        raise refusal from e
    except RefundDeskError as e:
        _refused(actor, "edit", _form_name(refund_id), e)
        raise


def _update(
    refund: Refund, expected_version: int, user: User, at: dt.datetime, values: dict
) -> int:
    version = expected_version + 1
    values = {**values, "version": version, "updated_by": user.id, "updated_at": at}
    rows = (
        Refund.update(**values)
        .where((Refund.id == refund.id) & (Refund.version == expected_version))
        .execute()
    )
    if rows != 1:
        raise _conflict(Refund.get_by_id(refund.id))
    return version


def _milliseconds(span: dt.timedelta) -> int:
    return round(span / dt.timedelta(milliseconds=1))


def facts_of(
    refund: Refund, held: dict[int, frozenset[Duty]] | None = None
) -> workflow.RefundFacts:
    return workflow.RefundFacts(
        form_no=refund.form_no,
        state=State(refund.state),
        held=held_duties(refund.id) if held is None else held,
        president_requested=refund.president_requested,
        president_answered=refund.president_answered,
    )


def _effects(t: workflow.Transition, refund: Refund, user: User, at: dt.datetime) -> dict:
    """The refund columns a transition changes, read off the transition table."""
    values: dict = {}
    if t.target is not None and t.target != State(refund.state):
        values["state"] = t.target.value
        values["state_since"] = at
    for clock in t.starts:
        rule = CLOCK_RULES[clock]
        values[rule.start.value] = at
        values[rule.stop.value] = None
    for clock in t.stops:
        rule = CLOCK_RULES[clock]
        stopped = values.get(rule.stop.value, getattr(refund, rule.stop.value))
        started = values.get(rule.start.value, getattr(refund, rule.start.value))
        if stopped is None or (started is not None and stopped < started):
            values[rule.stop.value] = at
    for event in t.stamps:
        values[event.value] = at
    if t.duty in DUTY_COLUMN:
        values[DUTY_COLUMN[t.duty].name] = user.id
    if t.outcome is not None:
        values["outcome"] = t.outcome.value
    values.update(t.sets)
    if t.action == Action.SEND_BACK:
        back_to = STEP_ORDER.index(t.target)
        for record in PASS_RECORDS:
            if back_to <= STEP_ORDER.index(workflow.step_of(record)):
                column = DUTY_COLUMN[record].name if isinstance(record, Duty) else record.value
                values[column] = None
    if t.target in workflow.RELEASING_STATES:
        values["order_claim"] = None
    return values


def act(
    actor: Actor,
    refund_id: int,
    expected_version: int,
    action: Action,
    *,
    opinion: str = "",
    reason: str = "",
    target: State | None = None,
    leader: str = "",
    at: dt.datetime | None = None,
) -> Saved:
    """Take one workflow action on a refund (see `domain.workflow.TRANSITIONS`)."""
    at = at or utcnow()
    action = Action(action)
    try:
        with dbmod.write():
            user = _load_user(actor)
            refund = _load_refund(refund_id)
            if refund.version != expected_version:
                raise _conflict(refund)
            t = workflow.check(facts_of(refund), action, user.id, _roles(user), target)
            if action != Action.TRACK:
                _check_month_open(refund)
            opinion_text = (
                validation.opinion(opinion)
                if t.opinion
                else validation.text_field(opinion, "opinion")
            )
            reason_text = (
                validation.reason(reason) if t.reason else validation.text_field(reason, "reason")
            )
            leader = validation.text_field(leader, "handling_dept")
            source = State(refund.state)
            entered = refund.state_since  # when the refund came into `source`
            version = _update(refund, expected_version, user, at, _effects(t, refund, user, at))
            target = t.target or source
            step = StepRecord.create(
                refund=refund.id,
                action=action.value,
                from_state=source.value,
                to_state=target.value,
                block=t.block.value if t.block else None,
                opinion=opinion_text,
                reason=reason_text,
                executor=user.id,
                executed_at=at,
                leader=leader,
                version_after=version,
                waited_ms=_milliseconds(at - entered) if target != source else None,
            )
            seal: dict = {Refund: [refund.id], StepRecord: [step.id]}
            if t.duty is not None:
                seal[DutyHolder] = [_take_duty(refund.id, user.id, t.duty)]
            audit.append(
                actor.audit_name,
                action.value,
                "refund",
                refund.form_no,
                {
                    "from": source.value,
                    "to": target.value,
                    "opinion": opinion_text,
                    "reason": reason_text,
                    "leader": leader,
                    "version": version,
                },
                at,
                seal=seal,
            )
            return Saved(refund.id, refund.form_no, version, t.target or source)
    except RefundDeskError as e:
        _refused(actor, action.value, _form_name(refund_id), e)
        raise
