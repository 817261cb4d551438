"""查询: the seed's progress query (6.1) — by form number, order number, mobile or complaint
dates, with each refund's current step and clocks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from ..store import queries
from . import printing
from .context import AppContext
from .forms.search_tab import Ui_SearchTab
from .refund_filter import RefundFilter
from .table_models import ID_ROLE, SIZE_FROM_ROWS, RefundColumn, RefundTableModel

PAGE = 200


def run_search(
    text: str, date_from: dt.date | None, date_to: dt.date | None, offset: int = 0
) -> list:
    return queries.search(text, date_from, date_to, limit=PAGE, offset=offset)


class SearchTab(QWidget):
    open_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = Ui_SearchTab()
        self.form.setupUi(self)
        self.model = RefundTableModel(ctx.lang, ctx.calendar, self)
        self.proxy = RefundFilter(self.model, self)
        table = self.form.table
        table.setModel(self.proxy)
        table.setColumnHidden(RefundColumn.SUBMITTER, True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        table.horizontalHeader().setStretchLastSection(True)
        table.activated.connect(  # a double-click, or Enter on the row
            lambda index: self.open_requested.emit(self.proxy.data(index, ID_ROLE))
        )
        today = QDate.currentDate()
        self.form.dateFrom.setDate(today.addDays(-30))
        self.form.dateTo.setDate(today)
        self.form.useDates.toggled.connect(self._dates_toggled)
        self._dates_toggled(False)
        self.form.searchButton.clicked.connect(self.search)
        self.form.batchPrintButton.clicked.connect(self.print_selected)
        self.form.text.returnPressed.connect(self.search)
        self.searching = False
        self.criteria: tuple = ("", None, None)
        self.model.load_more = self._load_more

    def _dates_toggled(self, on: bool) -> None:
        self.form.dateFrom.setEnabled(on)
        self.form.dateTo.setEnabled(on)

    def focus_search(self) -> None:
        self.form.text.setFocus()
        self.form.text.selectAll()

    def search(self) -> None:
        if self.searching:
            return
        self.searching = True
        use = self.form.useDates.isChecked()
        date_from = self.form.dateFrom.date().toPython() if use else None
        date_to = self.form.dateTo.date().toPython() if use else None
        self.form.resultCount.setText(self.tr("Searching…"))
        self.criteria = (self.form.text.text(), date_from, date_to)
        self.ctx.worker.submit(
            run_search, *self.criteria, on_done=self._found, on_error=self._failed
        )

    def _failed(self, error) -> None:
        self.searching = False
        self.form.resultCount.setText(error.text())

    def _found(self, rows: list) -> None:
        self.searching = False
        self.model.set_rows(rows)
        self.model.has_more = len(rows) >= PAGE
        self.proxy.sort(-1)
        self._show_count()

    def _load_more(self, offset: int) -> None:
        """The next page, when the table scrolls to the end of what it has."""
        self.ctx.worker.submit(run_search, *self.criteria, offset, on_done=self._more)

    def _more(self, rows: list) -> None:
        self.model.append_rows(rows, len(rows) >= PAGE)
        self._show_count()

    def selected_ids(self) -> list[int]:
        rows = sorted(self.form.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.proxy.data(index, ID_ROLE) for index in rows]

    def print_selected(self) -> printing.PrintRun | None:
        ids = self.selected_ids()
        if not ids:
            self.form.resultCount.setText(self.tr("Select the refunds to print first."))
            return None
        return printing.print_refunds(self, self.ctx, ids)

    def _show_count(self) -> None:
        n = len(self.model.rows)
        if self.model.has_more:
            text = self.tr("{n}+ refunds found (more load as you scroll)").format(n=n)
        else:
            text = self.tr("{n} refunds found").format(n=n)
        self.form.resultCount.setText(text)
