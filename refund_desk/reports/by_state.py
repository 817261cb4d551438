"""The month's refunds by their current step: how many, and how much (one GROUP BY)."""

from __future__ import annotations

from ..domain.calendar import parse_month
from ..domain.errors import Text
from ..domain.workflow import State
from ..store import queries
from .report import AMOUNT, COUNT, MONTH, Column, ReportResult, ReportSpec, Table

TITLE = Text("本月退款单（按状态）", "The month's refunds by state")
COLUMNS = (Column("state", Text("状态", "State")), COUNT, AMOUNT)


def report(month: str, lang: str | None = None) -> ReportResult:
    """The refunds whose complaint was opened in the month, in the flow's order of states."""
    by_state = queries.month_by_state(*parse_month(month))
    rows = [(s.label, *by_state[s]) for s in State if s in by_state]
    table = Table("by_state", TITLE, COLUMNS, rows)
    return ReportResult("by-state", TITLE, {"month": month}, (table,))


REPORT = ReportSpec("by-state", TITLE, (MONTH,), report)
