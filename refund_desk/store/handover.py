"""客服部值班交接单: the shift handover sheet. The three refund lists come from the database for
the shift's time window; people only add notes to them. Every item is required: an empty one
becomes 无 when the outgoing user signs. The incoming user confirms with their own password;
after both, the sheet is read-only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from ..domain import validation
from ..domain.errors import AuthError, Conflict, NotFound, Text, ValidationError, WorkflowError
from ..domain.money import from_fen
from ..domain.permissions import Permission, require
from ..domain.sla import OFFICE_TZ
from ..domain.workflow import FINANCE_STATES, Action
from . import audit, users
from . import db as dbmod
from .actors import Actor, utcnow
from .models import Handover, Refund, StepRecord, User

NONE = "无"
SHIFTS: dict[str, Text] = {"day": Text("白班", "Day shift"), "middle": Text("中班", "Middle shift")}
ATTENDANCE_KEYS: dict[str, Text] = {
    "expected": Text("应到值班人员", "Expected on duty"),
    "present": Text("实到值班人员", "Present"),
    "late": Text("迟到人员", "Late"),
    "left_early": Text("早退人员", "Left early"),
    "absent": Text("旷工人员", "Absent"),
}
RESULTS = {"pay": Text("已退款", "Refunded"), "not_credited": Text("未入帐", "Not credited")}


@dataclass(frozen=True)
class HandoverRefundLine:
    refund_id: int
    form_no: str
    phone: str
    amount: Decimal
    bank: str  # bank code ("other": see bank_other)
    bank_other: str
    result: str  # 已退款 / 未入帐 for the finance-answered list, else ""
    reason: str  # why finance sent it back, else ""
    note: str  # added by hand on the sheet
    at: dt.datetime


@dataclass(frozen=True)
class HandoverView:
    id: int
    shift: str
    shift_start: dt.datetime
    shift_end: dt.datetime
    filled_at: dt.datetime
    handed_by: str
    handed_by_id: int
    taken_by: str
    taken_by_id: int | None
    attendance: dict[str, str]
    work_done: list[str]
    follow_ups: list[str]
    processed_by_finance: list[HandoverRefundLine]
    submitted_to_finance: list[HandoverRefundLine]
    returned_by_finance: list[HandoverRefundLine]
    cleaned: bool | None
    signed_at: dt.datetime | None
    confirmed_at: dt.datetime | None
    version: int

    @property
    def read_only(self) -> bool:
        return self.signed_at is not None and self.confirmed_at is not None

    @property
    def refund_notes(self) -> dict[str, str]:
        lines = self.processed_by_finance + self.submitted_to_finance + self.returned_by_finance
        return {line.form_no: line.note for line in lines if line.note}


def refund_lists(
    start: dt.datetime, end: dt.datetime, notes: dict[str, str] | None = None
) -> tuple[list[HandoverRefundLine], list[HandoverRefundLine], list[HandoverRefundLine]]:
    """Finance answered / submitted to finance / sent back by finance, within [start, end):
    one query for all three lists."""
    notes = notes or {}
    finance_states = [s.value for s in FINANCE_STATES]
    with dbmod.connection():
        rows = (
            StepRecord.select(
                StepRecord.action,
                StepRecord.from_state,
                StepRecord.reason,
                StepRecord.executed_at,
                Refund.id,
                Refund.form_no,
                Refund.phone,
                Refund.amount_fen,
                Refund.bank,
                Refund.bank_other,
            )
            .join(Refund)
            .where(
                (StepRecord.executed_at >= start)
                & (StepRecord.executed_at < end)
                & (
                    StepRecord.action.in_(
                        [
                            Action.PAY.value,
                            Action.NOT_CREDITED.value,
                            Action.SUBMIT_TO_FINANCE.value,
                        ]
                    )
                    | (
                        (StepRecord.action == Action.SEND_BACK.value)
                        & StepRecord.from_state.in_(finance_states)
                    )
                )
            )
            .order_by(StepRecord.executed_at, StepRecord.id)
            .tuples()
        )
        processed, submitted, returned = [], [], []
        for action, _src, reason, at, rid, form_no, phone, fen, bank, bank_other in rows:
            at = StepRecord.executed_at.python_value(at)
            line = HandoverRefundLine(
                rid,
                form_no,
                phone,
                from_fen(fen),
                bank,
                bank_other,
                RESULTS[action].get() if action in RESULTS else "",
                reason if action == Action.SEND_BACK.value else "",
                notes.get(form_no, ""),
                at,
            )
            if action in RESULTS:
                processed.append(line)
            elif action == Action.SUBMIT_TO_FINANCE.value:
                submitted.append(line)
            else:
                returned.append(line)
    return processed, submitted, returned


def _names(*ids) -> dict[int, str]:
    ids = [i for i in ids if i is not None]
    return dict(User.select(User.id, User.display_name).where(User.id.in_(ids)).tuples())


def _views(rows: list[Handover]) -> list[HandoverView]:
    """Sheets with their refund lists and names: three statements however many sheets."""
    if not rows:
        return []
    lists = refund_lists(min(r.shift_start for r in rows), max(r.shift_end for r in rows))
    with dbmod.connection():
        names = _names(*(i for r in rows for i in (r.handed_by_id, r.taken_by_id)))
    views = []
    for row in rows:
        notes = json.loads(row.refund_notes or "{}")

        def mine(lines, row=row, notes=notes):
            return [
                dataclasses.replace(line, note=notes.get(line.form_no, ""))
                for line in lines
                if row.shift_start <= line.at < row.shift_end
            ]

        views.append(
            HandoverView(
                id=row.id,
                shift=row.shift,
                shift_start=row.shift_start,
                shift_end=row.shift_end,
                filled_at=row.filled_at,
                handed_by=names.get(row.handed_by_id, ""),
                handed_by_id=row.handed_by_id,
                taken_by=names.get(row.taken_by_id, ""),
                taken_by_id=row.taken_by_id,
                attendance=json.loads(row.attendance or "{}"),
                work_done=json.loads(row.work_done or "[]"),
                follow_ups=json.loads(row.follow_ups or "[]"),
                processed_by_finance=mine(lists[0]),
                submitted_to_finance=mine(lists[1]),
                returned_by_finance=mine(lists[2]),
                cleaned=row.cleaned,
                signed_at=row.signed_at,
                confirmed_at=row.confirmed_at,
                version=row.version,
            )
        )
    return views


def _load(handover_id: int) -> Handover:
    row = Handover.get_or_none(Handover.id == handover_id)
    if row is None:
        raise NotFound(what=Text("交接单", "handover sheet"), key=str(handover_id))
    return row


def _not_signed_yet(row: Handover, action: Text) -> None:
    """A signed sheet is what the paper says: it takes no more edits or signatures."""
    if row.signed_at is not None:
        raise WorkflowError(
            "wrong_state", form_no=f"#{row.id}", state=Text("已签字", "signed"), action=action
        )


def _active_user(actor: Actor) -> User:
    user = User.get_or_none(User.id == actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        raise AuthError("user_disabled", name=actor.username)
    require(Permission.HANDOVER, Actor.from_user(user).roles)
    return user


def _bump(row: Handover, expected_version: int, at: dt.datetime, **values) -> None:
    rows = (
        Handover.update(version=expected_version + 1, updated_at=at, **values)
        .where((Handover.id == row.id) & (Handover.version == expected_version))
        .execute()
    )
    if rows != 1:
        current = Handover.get_by_id(row.id)
        raise Conflict(
            form_no=f"#{row.id}",
            who=_names(current.handed_by_id).get(current.handed_by_id, ""),
            when=current.updated_at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M:%S"),
            version=current.version,
        )


@audit.refusals_audited("handover_create", "handover", lambda a: a.get("shift", "?"))
def create_handover(
    actor: Actor,
    shift: str,
    shift_start: dt.datetime,
    shift_end: dt.datetime,
    at: dt.datetime | None = None,
) -> HandoverView:
    if shift not in SHIFTS:
        raise ValidationError("required", field="shift", label=Text("班次", "Shift"))
    if shift_end <= shift_start:
        raise ValidationError("time_format", field="shift_end", label=Text("交班时间", "Shift end"))
    at = at or utcnow()
    with dbmod.write():
        user = _active_user(actor)
        row = Handover.create(
            shift=shift,
            shift_start=shift_start,
            shift_end=shift_end,
            filled_at=at,
            handed_by=user.id,
            updated_at=at,
        )
        audit.append(
            actor.audit_name,
            "handover_create",
            "handover",
            row.id,
            {"shift": shift, "start": shift_start.isoformat(), "end": shift_end.isoformat()},
            at,
            seal={Handover: [row.id]},
        )
    return get_handover(row.id)


@audit.refusals_audited("handover_save", "handover", lambda a: a["handover_id"])
def save_handover(
    actor: Actor,
    handover_id: int,
    expected_version: int,
    attendance: dict[str, str],
    work_done: list[str],
    follow_ups: list[str],
    refund_notes: dict[str, str],
    cleaned: bool | None,
    at: dt.datetime | None = None,
) -> HandoverView:
    at = at or utcnow()

    def note(text: str) -> str:  # every item is text a person typed: savable, not too long
        return validation.text_field(text or "", "note")

    values = {
        "attendance": json.dumps(
            {k: note(attendance.get(k) or "") for k in ATTENDANCE_KEYS}, ensure_ascii=False
        ),
        "work_done": json.dumps([note(w) for w in work_done if w.strip()], ensure_ascii=False),
        "follow_ups": json.dumps([note(f) for f in follow_ups if f.strip()], ensure_ascii=False),
        "refund_notes": json.dumps(
            {k: note(v) for k, v in refund_notes.items() if v.strip()}, ensure_ascii=False
        ),
        "cleaned": cleaned,
    }
    with dbmod.write():
        _active_user(actor)
        row = _load(handover_id)
        _not_signed_yet(row, Text("修改", "edit"))
        _bump(row, expected_version, at, **values)
        audit.append(
            actor.audit_name,
            "handover_save",
            "handover",
            row.id,
            values,
            at,
            seal={Handover: [row.id]},
        )
    return get_handover(handover_id)


@audit.refusals_audited("handover_sign", "handover", lambda a: a["handover_id"])
def sign_handover(
    actor: Actor, handover_id: int, expected_version: int, at: dt.datetime | None = None
) -> HandoverView:
    """The outgoing user signs: empty items become 无; whether the room was cleaned must be
    answered."""
    at = at or utcnow()
    with dbmod.write():
        user = _active_user(actor)
        row = _load(handover_id)
        if row.handed_by_id != user.id:
            raise WorkflowError("handover_signer")
        _not_signed_yet(row, Text("签字", "sign"))
        if row.cleaned is None:
            raise ValidationError(
                "required", field="cleaned", label=Text("卫生是否打扫", "Room cleaned")
            )
        attendance = json.loads(row.attendance or "{}")
        filled = {k: (attendance.get(k) or "").strip() or NONE for k in ATTENDANCE_KEYS}
        work = json.loads(row.work_done or "[]") or [NONE]
        follow = json.loads(row.follow_ups or "[]") or [NONE]
        _bump(
            row,
            expected_version,
            at,
            signed_at=at,
            attendance=json.dumps(filled, ensure_ascii=False),
            work_done=json.dumps(work, ensure_ascii=False),
            follow_ups=json.dumps(follow, ensure_ascii=False),
        )
        audit.append(
            actor.audit_name, "handover_sign", "handover", row.id, {}, at, seal={Handover: [row.id]}
        )
    return get_handover(handover_id)


@audit.refusals_audited("handover_confirm", "handover", lambda a: a["handover_id"])
def confirm_handover(
    handover_id: int,
    expected_version: int,
    username: str,
    password: str,
    at: dt.datetime | None = None,
) -> HandoverView:
    """The incoming user confirms with their own password (not the outgoing user's)."""
    at = at or utcnow()
    incoming = users.authenticate(username, password, at)
    with dbmod.write():
        user = _active_user(incoming)
        row = _load(handover_id)
        if row.signed_at is None or row.confirmed_at is not None:
            raise WorkflowError(
                "wrong_state",
                form_no=f"#{row.id}",
                state=Text("未签字或已确认", "not signed, or already confirmed"),
                action=Text("接班确认", "confirm"),
            )
        if row.handed_by_id == user.id:
            raise WorkflowError("handover_self_confirm")
        _bump(row, expected_version, at, taken_by=user.id, confirmed_at=at)
        audit.append(
            incoming.audit_name,
            "handover_confirm",
            "handover",
            row.id,
            {},
            at,
            seal={Handover: [row.id]},
        )
    return get_handover(handover_id)


def get_handover(handover_id: int) -> HandoverView:
    with dbmod.connection():
        return _views([_load(handover_id)])[0]


def list_handovers(limit: int = 50) -> list[HandoverView]:
    """The newest sheets first, each with its refund lists."""
    with dbmod.connection():
        rows = list(Handover.select().order_by(Handover.shift_start.desc()).limit(limit))
        return _views(rows)
