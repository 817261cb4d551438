"""The monthly tables' lifecycle (process step 7), run on `domain.report_flow.REPORT_STEPS`:
prepared → approved by the department head (cs_lead for the CS table, finance_director for
finance's) → submitted to the admin department → verified and archived by admin. The preparer
never approves (a duty kept per person over the table's whole life, as on refunds).

Due: the 1st of the next month, moved to the next working day (`WorkCalendar.monthly_table_due`
over the admin-edited calendar); a table submitted after its due date is flagged late. Archiving
a month closes it (the core then refuses edits and steps on its refunds); the reports layer
passes the check that the month may close (its reconciliation), run inside the same transaction.

Every change runs in one short write transaction with an optimistic `version` check, a duty
record and a sealed audit row; every refusal is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..domain.calendar import month_key, parse_month
from ..domain.duties import Duty
from ..domain.errors import (
    AuthError,
    DatabaseError,
    MonthClosed,
    RefundDeskError,
    ReportError,
    Text,
)
from ..domain.report_flow import (
    ReportAction,
    ReportKind,
    ReportState,
    allowed_steps,
    check_report_step,
)
from ..domain.sla import OFFICE_TZ
from . import audit, duty_records, settings
from . import db as dbmod
from .actors import Actor, utcnow
from .models import DutyHolder, MonthlyReport, User

ENTITY = "monthly_report"
# Called inside the archiving transaction with (year, month); raises a ReportError when the
# month may not close yet (the reports layer's reconciliation).
Gate = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportStatus:
    """Where one month's table is, for the tab and the command line."""

    kind: ReportKind
    month: str
    state: ReportState
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
    held: dict[int, frozenset[Duty]] | None = None  # user id -> duties held on this table

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
        return self.state.label

    def allowed(self, actor: Actor) -> list[ReportAction]:
        """The steps `actor` may take on this table now (the tab's buttons)."""
        held = (self.held or {}).get(actor.user_id, frozenset())
        return allowed_steps(self.kind, self.month, self.state, actor.roles, held)


def _kind(kind: str) -> ReportKind:
    try:
        return ReportKind(kind)
    except ValueError:
        raise ValueError(f"kind must be cs or finance, not {kind!r}") from None


def _user(actor: Actor) -> User:
    user = User.get_or_none(User.id == actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        raise AuthError("user_disabled", name=actor.username)
    return user


def _held(report_id: int | None) -> dict[int, frozenset[Duty]]:
    return duty_records.held(ENTITY, report_id)


def status(kind: str, month: str) -> ReportStatus:
    """The table's lifecycle state and due date (three statements)."""
    kind = _kind(kind)
    year, mon = parse_month(month)
    due = settings.calendar().monthly_table_due(year, mon)
    with dbmod.connection():
        report = _find(kind, month)
        if report is None:
            return ReportStatus(kind, month, ReportState.NONE, 0, due, held={})
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
        held = _held(report.id)
    return ReportStatus(
        kind=kind,
        month=month,
        state=ReportState(report.state),
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
        held=held,
    )


def _find(kind: ReportKind, month: str) -> MonthlyReport | None:
    return MonthlyReport.get_or_none((MonthlyReport.kind == kind) & (MonthlyReport.month == month))


def _last_actor(report: MonthlyReport) -> str:
    fresh = MonthlyReport.get_by_id(report.id)
    last = fresh.archived_by_id or fresh.submitted_by_id or fresh.approved_by_id
    last = last or fresh.prepared_by_id
    return User.get_by_id(last).display_name


def _conflict(kind: ReportKind, report: MonthlyReport) -> ReportError:
    return ReportError(
        "report_conflict", title=kind.title, month=report.month, who=_last_actor(report)
    )


def step(
    actor: Actor,
    kind: str,
    month: str,
    action: ReportAction,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
    gate: Gate | None = None,
) -> ReportStatus:
    """Take one step of the table's lifecycle (`expected_version`: what the caller saw; None
    for a first preparation). Archiving needs the `gate` that says whether the month may
    close; without one it is refused."""
    kind = _kind(kind)
    year, mon = parse_month(month)
    action = ReportAction(action)
    at = at or utcnow()
    try:
        with dbmod.write():
            user = _user(actor)
            report = _find(kind, month)
            state = ReportState(report.state) if report else ReportState.NONE
            held = _held(report.id if report else None).get(user.id, frozenset())
            rule = check_report_step(kind, month, state, action, Actor.from_user(user).roles, held)
            seen = report.version if report is not None else None
            if expected_version is not None and seen is not None and seen != expected_version:
                raise _conflict(kind, report)
            if action == ReportAction.ARCHIVE:
                if gate is None:
                    raise ReportError("not_reconciled", month=month, count="?")
                gate(year, mon)
            stamp = {f"{rule.stamp}_by": user.id, f"{rule.stamp}_at": at}
            if report is None:
                report = MonthlyReport.create(
                    kind=kind.value, month=month, state=rule.target.value, version=1, **stamp
                )
                version = 1
            else:
                version = report.version + 1
                rows = (
                    MonthlyReport.update(state=rule.target.value, version=version, **stamp)
                    .where(
                        (MonthlyReport.id == report.id) & (MonthlyReport.version == report.version)
                    )
                    .execute()
                )
                if rows != 1:
                    raise _conflict(kind, report)
            seal: dict = {MonthlyReport: [report.id]}
            if rule.duty is not None:
                seal[DutyHolder] = [duty_records.take(ENTITY, report.id, user.id, rule.duty)]
            detail: dict = {"v": version}
            if action == ReportAction.SUBMIT:
                due = settings.calendar().monthly_table_due(year, mon)
                detail |= {"due": due.isoformat(), "late": at.astimezone(OFFICE_TZ).date() > due}
            audit.append(
                actor.audit_name,
                f"stats_{action.value}",
                ENTITY,
                f"{kind}:{month}",
                detail,
                at,
                seal=seal,
            )
    except RefundDeskError as e:
        if not isinstance(e, DatabaseError):
            audit.refused(
                actor.audit_name, f"stats_{action.value}", ENTITY, f"{kind}:{month}", e, utcnow()
            )
        raise
    return status(kind, month)


def prepare(actor: Actor, kind: str, month: str, at: dt.datetime | None = None) -> ReportStatus:
    """制表: create the month's table record (or re-prepare it while not yet approved)."""
    return step(actor, kind, month, ReportAction.PREPARE, None, at)


def approve(
    actor: Actor, kind: str, month: str, expected_version: int, at: dt.datetime | None = None
) -> ReportStatus:
    """审批 by the department head (never the preparer)."""
    return step(actor, kind, month, ReportAction.APPROVE, expected_version, at)


def submit(
    actor: Actor, kind: str, month: str, expected_version: int, at: dt.datetime | None = None
) -> ReportStatus:
    """报行政部: by the department (its head or a preparer); late after the due date."""
    return step(actor, kind, month, ReportAction.SUBMIT, expected_version, at)


def archive(
    actor: Actor,
    kind: str,
    month: str,
    expected_version: int,
    gate: Gate,
    at: dt.datetime | None = None,
) -> ReportStatus:
    """核实归档 by admin, once `gate` allows the month to close. Closes the month."""
    return step(actor, kind, month, ReportAction.ARCHIVE, expected_version, at, gate)


def month_closed(month: str) -> bool:
    """Whether a table of `month` is archived: the month takes no more corrections."""
    with dbmod.connection():
        return (
            MonthlyReport.select()
            .where((MonthlyReport.month == month) & (MonthlyReport.state == ReportState.ARCHIVED))
            .exists()
        )


def require_open(month: str) -> None:
    """Raise MonthClosed when `month` is closed (call inside the writing transaction)."""
    if month_closed(month):
        raise MonthClosed(month=month)


def open_month(at: dt.datetime | None = None) -> str:
    """The month corrections go to: the month of `at` in office time."""
    local = (at or utcnow()).astimezone(OFFICE_TZ)
    return month_key(local.year, local.month)
