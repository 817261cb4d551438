"""What the 统计 tab shows for one month, loaded in one background job (no Qt): the month's
refunds by state, both tables (each built once), their lifecycle and the reconciliation."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.calendar import month_key
from ..domain.report_flow import ReportKind
from ..store import db as dbmod
from ..store import monthly_reports, queries
from . import monthly, reconcile


@dataclass(frozen=True)
class MonthData:
    """Everything the monthly part of the tab shows, loaded in one background job."""

    year: int
    month: int
    by_state: dict
    sheets: dict  # kind -> StatsSheet
    statuses: dict  # kind -> ReportStatus
    reconciliation: reconcile.Reconciliation


def load_month(year: int, month: int, lang: str) -> MonthData:
    """Everything for the month; the two tables are built once and reconciled as built."""
    key = month_key(year, month)
    with dbmod.connection():  # one for the whole tab: on a share each costs file operations
        tables = {k: monthly.build_table(k, year, month, lang) for k in ReportKind}
        return MonthData(
            year,
            month,
            queries.month_by_state(year, month),
            {k: monthly.statistics_sheet(k, year, month, lang, tables[k]) for k in ReportKind},
            {k: monthly_reports.status(k, key) for k in ReportKind},
            reconcile.reconcile(year, month, (tables["cs"], tables["finance"])),
        )
