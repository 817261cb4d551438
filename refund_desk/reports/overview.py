"""What the 统计 tab shows for one month, loaded in one background job (no Qt): every report of
the month (the two tables each built once, and reconciled as built) and the tables' lifecycle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.calendar import month_key
from ..domain.report_flow import ReportKind
from ..store import db as dbmod
from ..store import monthly_reports
from ..store.monthly_reports import ReportStatus
from . import catalogue, monthly, reconcile
from .report import ReportResult


@dataclass(frozen=True)
class MonthData:
    """Everything the monthly part of the tab shows, loaded in one background job."""

    year: int
    month: int
    results: dict[str, ReportResult]  # report name -> its result for the month
    statuses: dict[ReportKind, ReportStatus]


def load_month(year: int, month: int, lang: str) -> MonthData:
    """Every report of the month; the two tables are built once and reconciled as built."""
    key = month_key(year, month)
    today = dt.date(year, month, 1)
    with dbmod.connection():  # one for the whole tab: on a share each costs file operations
        tables = {k: monthly.build_table(k, year, month, lang) for k in ReportKind}
        built = {k.value: monthly.table_report(k, key, lang, tables[k]) for k in ReportKind}
        built[reconcile.REPORT.name] = reconcile.report(
            key, lang, (tables[ReportKind.CS], tables[ReportKind.FINANCE])
        )
        results = {}
        for spec in catalogue.by_month():
            params = catalogue.defaults(spec, today) | {"month": key}
            results[spec.name] = built.get(spec.name) or spec.run(lang=lang, **params)
        return MonthData(
            year, month, results, {k: monthly_reports.status(k, key) for k in ReportKind}
        )
