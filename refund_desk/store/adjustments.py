"""Adjustments: corrections (+ more paid, − paid back or less paid) to a refund finance has
handled, recorded in the open month and referring to the original refund. Maker-checker like a
refund: one finance user records it (with the same amount parser and ceiling as the form), the
finance director approves or rejects it with an opinion, never the one who recorded it; only
approved adjustments count in the monthly tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw

from ..domain import validation
from ..domain.duties import Duty, check_duty
from ..domain.errors import (
    AuthError,
    DatabaseError,
    NotAllowed,
    NotFound,
    RefundDeskError,
    ReportError,
    Text,
)
from ..domain.money import from_fen, parse_yuan, to_fen
from ..domain.report_flow import (
    ADJUSTMENT_APPROVERS,
    ADJUSTMENT_MAKERS,
    AdjustmentState,
)
from ..domain.roles import Role
from . import audit, duty_records, settings
from . import db as dbmod
from .actors import Actor, utcnow
from .models import Adjustment, DutyHolder, Refund, User
from .monthly_reports import open_month, require_open

ENTITY = "adjustment"


@dataclass(frozen=True)
class AdjustmentView:
    id: int
    refund_id: int
    form_no: str
    month: str
    amount: Decimal
    reason: str
    state: AdjustmentState = AdjustmentState.PENDING
    version: int = 1
    recorded_by: str = ""
    approved_by: str = ""
    opinion: str = ""


def _roles_text(roles: frozenset[Role]) -> Text:
    ordered = sorted(roles, key=list(Role).index)
    return Text("、".join(r.label.zh for r in ordered), ", ".join(r.label.en for r in ordered))


def _user(actor: Actor, allowed: frozenset[Role], action: Text) -> User:
    user = User.get_or_none(User.id == actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        raise AuthError("user_disabled", name=actor.username)
    if not (Actor.from_user(user).roles & allowed):
        raise NotAllowed(action=action, roles=_roles_text(allowed))
    return user


def _refused(actor: Actor, action: str, entity_id: object, error: RefundDeskError) -> None:
    if not isinstance(error, DatabaseError):
        audit.refused(actor.audit_name, action, ENTITY, entity_id, error, utcnow())


RECORD = Text("登记调整", "record an adjustment")
DECIDE = Text("审批调整", "approve an adjustment")


def record(
    actor: Actor,
    refund_id: int,
    amount: str | Decimal,
    reason: str,
    at: dt.datetime | None = None,
) -> AdjustmentView:
    """Record a correction in the open month; it waits for the director's approval."""
    at = at or utcnow()
    try:
        rules = settings.form_rules()
        value = parse_yuan(amount, rules.amount_ceiling, signed=True, field="adjustment")
        fen = to_fen(value)
        reason_text = validation.reason(reason)
        month = open_month(at)
        with dbmod.write():
            user = _user(actor, ADJUSTMENT_MAKERS, RECORD)
            refund = Refund.get_or_none(Refund.id == refund_id)
            if refund is None:
                raise NotFound(what=Text("退款单", "refund"), key=str(refund_id))
            if refund.finance_submitted_at is None:
                raise ReportError("adjustment_not_handled", form_no=refund.form_no)
            require_open(month)
            row = Adjustment.create(
                refund=refund.id,
                month=month,
                amount_fen=fen,
                reason=reason_text,
                created_by=user.id,
                created_at=at,
                state=AdjustmentState.PENDING.value,
            )
            maker = duty_records.take(ENTITY, row.id, user.id, Duty.ADJUSTMENT_MAKER)
            audit.append(
                actor.audit_name,
                "adjustment",
                "refund",
                refund.form_no,
                {"month": month, "amount_fen": fen, "reason": reason_text, "adjustment": row.id},
                at,
                seal={Adjustment: [row.id], DutyHolder: [maker]},
            )
    except RefundDeskError as e:
        _refused(actor, "adjustment", f"refund#{refund_id}", e)
        raise
    return AdjustmentView(
        row.id, refund.id, refund.form_no, month, value, reason_text, recorded_by=user.display_name
    )


def decide(
    actor: Actor,
    adjustment_id: int,
    expected_version: int,
    approve: bool,
    opinion: str,
    at: dt.datetime | None = None,
) -> AdjustmentView:
    """The director approves (it then counts) or rejects an adjustment, with an opinion."""
    at = at or utcnow()
    action = "adjustment_approve" if approve else "adjustment_reject"
    try:
        text = validation.opinion(opinion) if approve else validation.reason(opinion)
        with dbmod.write():
            user = _user(actor, ADJUSTMENT_APPROVERS, DECIDE)
            row = Adjustment.get_or_none(Adjustment.id == adjustment_id)
            if row is None:
                raise NotFound(what=Text("调整", "adjustment"), key=str(adjustment_id))
            refund = Refund.get_by_id(row.refund_id)
            if row.state != AdjustmentState.PENDING:
                raise ReportError(
                    "adjustment_state",
                    id=row.id,
                    form_no=refund.form_no,
                    state=AdjustmentState(row.state).label,
                )
            held = duty_records.held(ENTITY, row.id).get(user.id, frozenset())
            check_duty(held, Duty.ADJUSTMENT_APPROVER, Duty.ADJUSTMENT_APPROVER.label)
            require_open(row.month)
            state = AdjustmentState.APPROVED if approve else AdjustmentState.REJECTED
            updated = (
                Adjustment.update(
                    state=state.value,
                    approved_by=user.id,
                    approved_at=at,
                    opinion=text,
                    version=Adjustment.version + 1,
                )
                .where((Adjustment.id == row.id) & (Adjustment.version == expected_version))
                .execute()
            )
            if updated != 1:
                raise ReportError("adjustment_conflict", id=row.id, form_no=refund.form_no)
            approver = duty_records.take(ENTITY, row.id, user.id, Duty.ADJUSTMENT_APPROVER)
            audit.append(
                actor.audit_name,
                action,
                "refund",
                refund.form_no,
                {"adjustment": row.id, "opinion": text, "amount_fen": row.amount_fen},
                at,
                seal={Adjustment: [row.id], DutyHolder: [approver]},
            )
    except RefundDeskError as e:
        _refused(actor, action, f"#{adjustment_id}", e)
        raise
    return get(adjustment_id)


def get(adjustment_id: int) -> AdjustmentView:
    views = _views(Adjustment.id == adjustment_id)
    if not views:
        raise NotFound(what=Text("调整", "adjustment"), key=str(adjustment_id))
    return views[0]


def pending() -> list[AdjustmentView]:
    """Adjustments waiting for the director, oldest first."""
    return _views(Adjustment.state == AdjustmentState.PENDING.value)


def _views(condition) -> list[AdjustmentView]:
    maker, approver = User.alias("maker"), User.alias("approver")
    with dbmod.connection():
        rows = (
            Adjustment.select(
                Adjustment.id,
                Adjustment.refund,
                Refund.form_no,
                Adjustment.month,
                Adjustment.amount_fen,
                Adjustment.reason,
                Adjustment.state,
                Adjustment.version,
                maker.display_name,
                approver.display_name,
                Adjustment.opinion,
            )
            .join(Refund, on=(Adjustment.refund == Refund.id))
            .join_from(Adjustment, maker, on=(Adjustment.created_by == maker.id))
            .join_from(
                Adjustment,
                approver,
                join_type=pw.JOIN.LEFT_OUTER,
                on=(Adjustment.approved_by == approver.id),
            )
            .where(condition)
            .order_by(Adjustment.id)
            .tuples()
        )
        return [
            AdjustmentView(
                i,
                rid,
                form_no,
                month,
                from_fen(fen),
                reason,
                AdjustmentState(state),
                version,
                made or "",
                approved or "",
                opinion,
            )
            for i, rid, form_no, month, fen, reason, state, version, made, approved, opinion in rows
        ]
