"""The monthly table's life (process step 7): prepared → approved by the department head
(cs_lead for the CS table, finance_director for finance's) → submitted to the admin department
→ verified and archived by admin.

Due: the 1st of the next month, moved to the next working day (`WorkCalendar.monthly_table_due`
over the admin-edited calendar); a table submitted after its due date is flagged late. Archiving
a month closes it (the core then refuses edits and steps on its refunds) and is refused while the
month's reconciliation lists a difference or a refund of the month is still in progress.
Corrections to a closed month are `Adjustment` rows in the open month, referring to the original
refund (`record_adjustment`).

Every change runs in one short write transaction with an optimistic `version` check and an audit
row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..domain import permissions
from ..domain.errors import MonthClosed, NotFound, Text, WorkflowError, message
from ..domain.money import to_fen
from ..domain.permissions import Permission
from ..domain.roles import Role
from ..domain.sla import OFFICE_TZ
from ..store import audit, settings
from ..store import db as dbmod
from ..store.actors import Actor, utcnow
from ..store.models import Adjustment, MonthlyReport, Refund, User
from .monthly import KINDS, TITLES, Kind, month_key, parse_month
from .reconcile import reconcile

STATES = ("prepared", "approved", "submitted", "archived")
STATE_LABELS = {
    "none": Text("未编制", "not prepared"),
    "prepared": Text("已编制", "prepared"),
    "approved": Text("部门负责人已审批", "approved by the head"),
    "submitted": Text("已报行政部", "submitted to admin"),
    "archived": Text("行政部已核实归档", "verified and archived"),
}
HEADS = {"cs": Role.CS_LEAD, "finance": Role.FINANCE_DIRECTOR}
PREPARE = {"cs": Permission.PREPARE_CS_STATS, "finance": Permission.PREPARE_FINANCE_STATS}
ADJUSTERS = frozenset({Role.CASHIER, Role.ACCOUNTANT, Role.FINANCE_DIRECTOR, Role.ADMIN})

_MESSAGES = {
    "report_state": (
        "{title}（{month}）当前为“{state}”，不能{action}。",
        "The {title} of {month} is “{state}”: it cannot be {action} now.",
    ),
    "report_conflict": (
        "{title}（{month}）已被 {who} 修改，请重新载入后再操作。",
        "The {title} of {month} was changed by {who}; reload it and try again.",
    ),
    "not_reconciled": (
        "{month} 的客服表与财务表还有 {count} 处不一致，核对一致后才能归档。",
        "The CS and finance tables of {month} still differ in {count} places; "
        "they must agree before archiving.",
    ),
    "month_open_refunds": (
        "{month} 还有 {count} 张退款单没有办结（如 {forms}），办结后才能归档。",
        "{count} refunds of {month} are still in progress (e.g. {forms}); archive once they "
        "are closed.",
    ),
    "head_only": (
        "只有{head}可以审批{title}。",
        "Only the {head} may approve the {title}.",
    ),
    "adjustment_zero": ("调整金额不能为 0。", "An adjustment cannot be 0."),
    "adjustment_not_handled": (
        "退款单 {form_no} 尚未经财务处理，不需要调整：直接在流程中更正。",
        "Refund {form_no} has not been handled by finance: correct it in the flow instead.",
    ),
}


class ReportError(WorkflowError):
    """A refused step of the monthly table's lifecycle (sentences kept with this module)."""

    def text(self, lang: str | None = None) -> str:
        from ..domain import errors

        lang = lang or errors.LANG
        if self.code not in _MESSAGES:
            return message(self.code, self.params, lang, self.field)
        zh, en = _MESSAGES[self.code]
        values = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in self.params.items()}
        return (en if lang == "en" else zh).format(**values)


@dataclass(frozen=True)
class ReportStatus:
    """Where one month's table is, for the tab and the command line."""

    kind: Kind
    month: str
    state: str  # "none" | prepared | approved | submitted | archived
    version: int
    due: dt.date
    prepared_by: str = ""
    prepared_at: dt.datetime | None = None
    approved_by: str = ""
    approved_at: dt.datetime | None = None
    submitted_by: str = ""
    submitted_at: dt.datetime | None = None
    archived_by: str = ""
    archived_at: dt.datetime | None = None

    @property
    def late(self) -> bool:
        """Submitted after its due date, or not submitted and the due date has passed."""
        if self.submitted_at is not None:
            return self.submitted_at.astimezone(OFFICE_TZ).date() > self.due
        return dt.datetime.now(OFFICE_TZ).date() > self.due

    def days_left(self, today: dt.date | None = None) -> int:
        today = today or dt.datetime.now(OFFICE_TZ).date()
        return (self.due - today).days

    @property
    def label(self) -> Text:
        return STATE_LABELS[self.state]


def _check_kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise ValueError(f"kind must be cs or finance, not {kind!r}")
    return kind  # type: ignore[return-value]


def _user(actor: Actor) -> User:
    user = User.get_or_none(User.id == actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        from ..domain.errors import AuthError

        raise AuthError("user_disabled", name=actor.username)
    return user


def _roles(user: User) -> frozenset[Role]:
    return Actor.from_user(user).roles


def status(kind: Kind, month: str) -> ReportStatus:
    """The table's lifecycle state and due date (two statements)."""
    kind = _check_kind(kind)
    year, mon = parse_month(month)
    due = settings.calendar().monthly_table_due(year, mon)
    with dbmod.connection():
        report = MonthlyReport.get_or_none(
            (MonthlyReport.kind == kind) & (MonthlyReport.month == month)
        )
        if report is None:
            return ReportStatus(kind, month, "none", 0, due)
        ids = [
            report.prepared_by_id,
            report.approved_by_id,
            report.submitted_by_id,
            report.archived_by_id,
        ]
        names = dict(
            User.select(User.id, User.display_name)
            .where(User.id.in_([i for i in ids if i is not None]))
            .tuples()
        )
    return ReportStatus(
        kind=kind,
        month=month,
        state=report.state,
        version=report.version,
        due=due,
        prepared_by=names.get(report.prepared_by_id, ""),
        prepared_at=report.prepared_at,
        approved_by=names.get(report.approved_by_id, ""),
        approved_at=report.approved_at,
        submitted_by=names.get(report.submitted_by_id, ""),
        submitted_at=report.submitted_at,
        archived_by=names.get(report.archived_by_id, ""),
        archived_at=report.archived_at,
    )


def _load(kind: Kind, month: str) -> MonthlyReport:
    report = MonthlyReport.get_or_none(
        (MonthlyReport.kind == kind) & (MonthlyReport.month == month)
    )
    if report is None:
        raise NotFound(what=TITLES[kind], key=month)
    return report


def _wrong_state(report_or_none, kind: Kind, month: str, action: Text) -> ReportError:
    state = report_or_none.state if report_or_none is not None else "none"
    return ReportError(
        "report_state", title=TITLES[kind], month=month, state=STATE_LABELS[state], action=action
    )


def _advance(
    report: MonthlyReport, expected_version: int, user: User, values: dict, kind: Kind
) -> int:
    if report.version != expected_version:
        raise ReportError(
            "report_conflict", title=TITLES[kind], month=report.month, who=_last_actor(report)
        )
    version = expected_version + 1
    rows = (
        MonthlyReport.update(**values, version=version)
        .where((MonthlyReport.id == report.id) & (MonthlyReport.version == expected_version))
        .execute()
    )
    if rows != 1:
        raise ReportError(
            "report_conflict", title=TITLES[kind], month=report.month, who=_last_actor(report)
        )
    return version


def _last_actor(report: MonthlyReport) -> str:
    fresh = MonthlyReport.get_by_id(report.id)
    last = fresh.archived_by_id or fresh.submitted_by_id or fresh.approved_by_id
    last = last or fresh.prepared_by_id
    return User.get_by_id(last).display_name


def prepare(actor: Actor, kind: Kind, month: str, at: dt.datetime | None = None) -> ReportStatus:
    """制表: create the month's table record (or re-prepare it while not yet approved)."""
    kind = _check_kind(kind)
    parse_month(month)
    at = at or utcnow()
    with dbmod.write():
        user = _user(actor)
        permissions.require(PREPARE[kind], _roles(user))
        report = MonthlyReport.get_or_none(
            (MonthlyReport.kind == kind) & (MonthlyReport.month == month)
        )
        if report is None:
            MonthlyReport.create(
                kind=kind, month=month, state="prepared", prepared_by=user.id, prepared_at=at
            )
            version = 1
        elif report.state == "prepared":
            version = _advance(
                report, report.version, user, {"prepared_by": user.id, "prepared_at": at}, kind
            )
        else:
            raise _wrong_state(report, kind, month, Text("重新编制", "prepared again"))
        audit.append(
            actor.audit_name,
            "stats_prepare",
            "monthly_report",
            f"{kind}:{month}",
            {"v": version},
            at,
        )
    return status(kind, month)


def approve(
    actor: Actor, kind: Kind, month: str, expected_version: int, at: dt.datetime | None = None
) -> ReportStatus:
    """审批 by the department head."""
    kind = _check_kind(kind)
    at = at or utcnow()
    with dbmod.write():
        user = _user(actor)
        if HEADS[kind] not in _roles(user):
            raise ReportError("head_only", head=HEADS[kind].label, title=TITLES[kind])
        report = _load(kind, month)
        if report.state != "prepared":
            raise _wrong_state(report, kind, month, Text("审批", "approved"))
        version = _advance(
            report,
            expected_version,
            user,
            {"state": "approved", "approved_by": user.id, "approved_at": at},
            kind,
        )
        audit.append(
            actor.audit_name,
            "stats_approve",
            "monthly_report",
            f"{kind}:{month}",
            {"v": version},
            at,
        )
    return status(kind, month)


def submit(
    actor: Actor, kind: Kind, month: str, expected_version: int, at: dt.datetime | None = None
) -> ReportStatus:
    """报行政部: by the department (its head or the preparer); late after the due date."""
    kind = _check_kind(kind)
    at = at or utcnow()
    year, mon = parse_month(month)
    due = settings.calendar().monthly_table_due(year, mon)
    with dbmod.write():
        user = _user(actor)
        roles = _roles(user)
        if HEADS[kind] not in roles:
            permissions.require(PREPARE[kind], roles)
        report = _load(kind, month)
        if report.state != "approved":
            raise _wrong_state(report, kind, month, Text("报行政部", "submitted"))
        version = _advance(
            report,
            expected_version,
            user,
            {"state": "submitted", "submitted_by": user.id, "submitted_at": at},
            kind,
        )
        late = at.astimezone(OFFICE_TZ).date() > due
        audit.append(
            actor.audit_name,
            "stats_submit",
            "monthly_report",
            f"{kind}:{month}",
            {"v": version, "due": due.isoformat(), "late": late},
            at,
        )
    return status(kind, month)


def archive(
    actor: Actor, kind: Kind, month: str, expected_version: int, at: dt.datetime | None = None
) -> ReportStatus:
    """核实归档 by admin: refused while the month's tables disagree or refunds are open.
    Archiving closes the month for every refund in it."""
    kind = _check_kind(kind)
    at = at or utcnow()
    year, mon = parse_month(month)
    with dbmod.write():
        user = _user(actor)
        permissions.require(Permission.ARCHIVE_STATS, _roles(user))
        report = _load(kind, month)
        if report.state != "submitted":
            raise _wrong_state(report, kind, month, Text("归档", "archived"))
        check = reconcile(year, mon)
        if check.differences:
            raise ReportError("not_reconciled", month=month, count=len(check.differences))
        if check.open_refunds:
            raise ReportError(
                "month_open_refunds",
                month=month,
                count=len(check.open_refunds),
                forms="、".join(check.open_refunds[:3]),
            )
        version = _advance(
            report,
            expected_version,
            user,
            {"state": "archived", "archived_by": user.id, "archived_at": at},
            kind,
        )
        audit.append(
            actor.audit_name,
            "stats_archive",
            "monthly_report",
            f"{kind}:{month}",
            {"v": version},
            at,
        )
    return status(kind, month)


def month_closed(month: str) -> bool:
    with dbmod.connection():
        return (
            MonthlyReport.select()
            .where((MonthlyReport.month == month) & (MonthlyReport.state == "archived"))
            .exists()
        )


def open_month(at: dt.datetime | None = None) -> str:
    """The month corrections go to: the month of `at` in office time, which must be open."""
    at = at or utcnow()
    local = at.astimezone(OFFICE_TZ)
    return month_key(local.year, local.month)


@dataclass(frozen=True)
class AdjustmentView:
    id: int
    refund_id: int
    form_no: str
    month: str
    amount: Decimal
    reason: str


def record_adjustment(
    actor: Actor,
    refund_id: int,
    amount: Decimal,
    reason: str,
    at: dt.datetime | None = None,
) -> AdjustmentView:
    """A correction (+ more paid, − paid back / less paid) to a refund finance has handled,
    recorded in the open month and referring to the original refund."""
    from ..domain import validation

    at = at or utcnow()
    fen = to_fen(amount)
    if fen == 0:
        raise ReportError("adjustment_zero", field="amount")
    reason_text = validation.reason(reason)
    month = open_month(at)
    with dbmod.write():
        user = _user(actor)
        if not (_roles(user) & ADJUSTERS):
            raise ReportError(
                "not_allowed",
                action=Text("登记调整", "record an adjustment"),
                roles=Text("出纳、会计、财务总监、行政部", "cashier, accountant, director, admin"),
            )
        refund = Refund.get_or_none(Refund.id == refund_id)
        if refund is None:
            raise NotFound(what=Text("退款单", "refund"), key=str(refund_id))
        if refund.finance_submitted_at is None:
            raise ReportError("adjustment_not_handled", form_no=refund.form_no)
        if (
            MonthlyReport.select()
            .where((MonthlyReport.month == month) & (MonthlyReport.state == "archived"))
            .exists()
        ):
            raise MonthClosed(month=month)
        row = Adjustment.create(
            refund=refund.id,
            month=month,
            amount_fen=fen,
            reason=reason_text,
            created_by=user.id,
            created_at=at,
        )
        audit.append(
            actor.audit_name,
            "adjustment",
            "refund",
            refund.form_no,
            {"month": month, "amount_fen": fen, "reason": reason_text, "adjustment": row.id},
            at,
        )
    return AdjustmentView(row.id, refund.id, refund.form_no, month, amount, reason_text)
