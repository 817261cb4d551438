"""Filtering and sorting refund rows on screen (step, free text, overdue only)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ..domain.workflow import State
from .table_models import SORT_ROLE, RefundTableModel


class RefundFilter(QSortFilterProxyModel):
    def __init__(self, source: RefundTableModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.state: State | None = None
        self.text = ""
        self.overdue_only = False

    def set_filter(self, state: State | None, text: str, overdue_only: bool) -> None:
        self.beginFilterChange()
        self.state, self.text, self.overdue_only = state, text.strip().upper(), overdue_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model: RefundTableModel = self.sourceModel()
        refund = model.rows[row]
        if self.state is not None and refund.state != self.state:
            return False
        if self.overdue_only and model.colour(row) != "red":
            return False
        if self.text:
            haystack = " ".join((refund.form_no, refund.order_no, refund.phone)).upper()
            return self.text in haystack
        return True
