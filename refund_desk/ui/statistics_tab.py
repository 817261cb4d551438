"""The 统计 tab: this month's refunds by state (counts and amounts)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.money import format_yuan
from ..domain.sla import OFFICE_TZ
from ..domain.workflow import State
from ..store import queries
from .context import AppContext


class StatisticsTab(QWidget):
    """Counts and amounts per state of the month's refunds, loaded off the GUI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        today = dt.datetime.now(OFFICE_TZ).date()
        self.year, self.month = today.year, today.month
        self.title = QLabel(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("State"), self.tr("Count"), self.tr("Amount")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        for w in (self.title, self.table, self.refresh_button, self.status):
            layout.addWidget(w)
        self.title.setText(self.tr("Refunds of %1").replace("%1", f"{self.year}-{self.month:02d}"))
        self.refresh()

    def refresh(self) -> None:
        self.status.setText(self.tr("Loading…"))
        self.ctx.worker.submit(
            queries.month_by_state,
            self.year,
            self.month,
            on_done=self._show,
            on_error=self._failed,
        )

    def _show(self, by_state: dict) -> None:
        rows = [(s, *by_state[s]) for s in State if s in by_state]
        self.table.setRowCount(len(rows))
        lang = self.ctx.lang
        for r, (state, count, amount) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(state.label.get(lang)))
            self.table.setItem(r, 1, QTableWidgetItem(str(count)))
            self.table.setItem(r, 2, QTableWidgetItem(format_yuan(amount)))
        self.status.setText("")

    def _failed(self, error) -> None:
        self.status.setText(error.text(self.ctx.lang))
