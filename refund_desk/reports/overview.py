"""What the 统计 tab shows for one month, loaded in one background job (no Qt): the month's
refunds by state, both tables (each built once), their lifecycle and the reconciliation."""

from __future__ import annotations

from dataclasses import dataclass

from ..store import db as dbmod
from ..store import queries
from . import lifecycle, monthly, reconcile

KINDS = monthly.KINDS


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
    key = monthly.month_key(year, month)
    with dbmod.connection():  # one for the whole tab: on a share each costs file operations
        tables = {k: monthly.build_table(k, year, month, lang) for k in KINDS}
        return MonthData(
            year,
            month,
            queries.month_by_state(year, month),
            {k: monthly.statistics_sheet(k, year, month, lang, tables[k]) for k in KINDS},
            {k: lifecycle.status(k, key) for k in KINDS},
            reconcile.reconcile(year, month, (tables["cs"], tables["finance"])),
        )
