"""Closing a month: the admin department archives a monthly table (`store.monthly_reports`)
only once the month's CS and finance tables agree and none of its refunds is still open. The
check runs inside the archiving transaction, so nothing can change between it and the close."""

from __future__ import annotations

import datetime as dt

from ..domain.errors import ReportError
from ..domain.report_flow import ReportAction
from ..store import monthly_reports
from ..store.actors import Actor
from ..store.monthly_reports import ReportStatus
from .reconcile import reconcile


def month_may_close(year: int, month: int) -> None:
    """Raise a ReportError naming why the month may not close yet."""
    key = monthly_reports.month_key(year, month)
    check = reconcile(year, month)
    if check.differences:
        raise ReportError("not_reconciled", month=key, count=len(check.differences))
    if check.open_refunds:
        raise ReportError(
            "month_open_refunds",
            month=key,
            count=len(check.open_refunds),
            forms="、".join(check.open_refunds[:3]),
        )


def archive(
    actor: Actor, kind: str, month: str, expected_version: int, at: dt.datetime | None = None
) -> ReportStatus:
    """核实归档 by admin, once the month's tables reconcile. Closes the month."""
    return monthly_reports.archive(actor, kind, month, expected_version, month_may_close, at)


def take_step(
    actor: Actor, kind: str, month: str, action: ReportAction, expected_version: int
) -> ReportStatus:
    """One lifecycle step as the screens ask for it: archiving goes through the month's check."""
    if ReportAction(action) == ReportAction.ARCHIVE:
        return archive(actor, kind, month, expected_version)
    version = None if action == ReportAction.PREPARE else expected_version
    return monthly_reports.step(actor, kind, month, ReportAction(action), version)
