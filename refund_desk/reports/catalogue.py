"""Every report, registered: the 统计 tab, `refund-desk stats NAME`, the .xlsx and the PDF read
this list. A new report is a module with its function and `ReportSpec`, and one line here."""

from __future__ import annotations

import datetime as dt

from . import analytics_report, by_state, monthly, reconcile
from .report import ParamKind, ReportSpec

REPORTS: tuple[ReportSpec, ...] = (
    by_state.REPORT,
    monthly.CS_TABLE,
    monthly.FINANCE_TABLE,
    reconcile.REPORT,
    analytics_report.REPORT,
)

_BY_NAME = {spec.name: spec for spec in REPORTS}
if len(_BY_NAME) != len(REPORTS):
    raise ValueError("two reports under one name")


def get(name: str) -> ReportSpec:
    """The registered report `name` (KeyError for an unknown one: names come from this list)."""
    return _BY_NAME[name]


def by_month() -> list[ReportSpec]:
    """The reports of one month (the 统计 tab loads them together with the month)."""
    return [spec for spec in REPORTS if spec.by_month]


def defaults(spec: ReportSpec, today: dt.date) -> dict[str, object]:
    """Each parameter's starting value (a choice: its first unless it says otherwise)."""
    out: dict[str, object] = {}
    for p in spec.params:
        if p.default is not None:
            out[p.name] = p.default(today)
        elif p.kind == ParamKind.CHOICE:
            out[p.name] = p.choices[0][0]
        elif p.kind == ParamKind.MONTH:
            out[p.name] = f"{today.year:04d}-{today.month:02d}"
        else:
            out[p.name] = today
    return out
