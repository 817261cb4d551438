"""待办: every refund waiting for one of my roles, oldest first, with its clock; finance works
its cashier / accountant / director steps here. Several can be approved at once."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from ..domain.workflow import State
from . import display, printing, queue_jobs
from .action_dialog import ActionDialog
from .context import AppContext
from .forms.queue_tab import Ui_QueueTab
from .messages import notify
from .refund_filter import RefundFilter
from .table_models import ID_ROLE, SIZE_FROM_ROWS, RefundColumn, RefundTableModel


class QueueTab(QWidget):
    open_requested = Signal(int)  # refund id
    refreshed = Signal(object)  # the time of the data
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = Ui_QueueTab()
        self.form.setupUi(self)
        self.model = RefundTableModel(ctx.lang, ctx.calendar, self)
        self.proxy = RefundFilter(self.model, self)
        table = self.form.table
        table.setModel(self.proxy)
        table.setColumnHidden(RefundColumn.CLOCKS, True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        table.horizontalHeader().setStretchLastSection(True)
        table.activated.connect(self._activated)  # a double-click, or Enter on the row
        self.counts: dict[State, int] = {}
        self.batch_dialog: ActionDialog | None = None
        self.loading = False
        self.loads = 0  # which load the rows on screen came from (a later page must match)
        self.model.load_more = self._load_more
        self.form.step.currentIndexChanged.connect(self._filter)
        self.form.filter.textChanged.connect(self._filter)
        self.form.overdueOnly.toggled.connect(self._filter)
        self.form.refreshButton.clicked.connect(self.refresh)
        self.form.approveButton.clicked.connect(self.approve_selected)
        self.form.batchPrintButton.clicked.connect(self.print_selected)
        self.ticker = QTimer(self)
        self.ticker.timeout.connect(self.model.tick)
        self.ticker.start(30_000)
        self._fill_steps()
        self.refresh()

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        self.ctx.worker.submit(
            queue_jobs.load_queue, self.ctx.actor, on_done=self._loaded, on_error=self._failed
        )

    def _failed(self, _error) -> None:
        self.loading = False

    def _loaded(self, data: queue_jobs.QueueData) -> None:
        self.loading = False
        self.loads += 1
        self.model.set_rows(data.rows, data.at)
        self.model.has_more = len(data.rows) >= queue_jobs.PAGE
        self.proxy.sort(-1)  # oldest first, as the store returned them
        self.counts = data.counts
        self._fill_steps()
        self._show_counts()
        self.refreshed.emit(data.at)

    def _load_more(self, offset: int) -> None:
        """The next page of the queue, when the table scrolls to the end of what it has."""
        load = self.loads
        self.ctx.worker.submit(
            queue_jobs.more_of_queue,
            self.ctx.actor,
            offset,
            on_done=lambda rows: self._more(load, rows),
            on_error=lambda _error: self.model.append_rows([], False),
        )

    def _more(self, load: int, rows: list) -> None:
        if load != self.loads:  # the queue was reloaded meanwhile: this page is of the old one
            self.model.append_rows([], self.model.has_more)
            return
        self.model.append_rows(rows, len(rows) >= queue_jobs.PAGE)
        self._show_counts()

    def _show_counts(self) -> None:
        lang = self.ctx.lang
        colon = ": " if lang == "en" else "："
        parts = [f"{state.label.get(lang)}{colon}{n}" for state, n in self.counts.items()]
        overdue = sum(1 for row in range(len(self.model.rows)) if self.model.colour(row) == "red")
        waiting, shown = sum(self.counts.values()), len(self.model.rows)
        total = self.tr("Waiting for me: {n}").format(n=waiting)
        late = self.tr("overdue: {n}").format(n=overdue)
        if shown < waiting:  # the list holds the oldest ones only: say so, and whose count it is
            late = self.tr("the oldest {shown} are listed, {n} of them overdue").format(
                shown=shown, n=overdue
            )
        self.form.counts.setText("    ".join([total, *parts, late]))

    def _fill_steps(self) -> None:
        combo = self.form.step
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All steps"), None)
        for state, n in self.counts.items():
            combo.addItem(f"{state.label.get(self.ctx.lang)} ({n})", state.value)
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)
        self._filter()

    def _filter(self, *_args) -> None:
        code = self.form.step.currentData()
        self.proxy.set_filter(
            State(code) if code else None,
            self.form.filter.text(),
            self.form.overdueOnly.isChecked(),
        )

    def _activated(self, index) -> None:
        self.open_requested.emit(self.proxy.data(index, ID_ROLE))

    def selected_ids(self) -> list[int]:
        rows = self.form.table.selectionModel().selectedRows()
        return [self.proxy.data(index, ID_ROLE) for index in rows]

    def print_selected(self) -> printing.PrintRun | None:
        """The selected refunds as one print, in the order shown."""
        rows = sorted(self.form.table.selectionModel().selectedRows(), key=lambda i: i.row())
        ids = [self.proxy.data(index, ID_ROLE) for index in rows]
        if not ids:
            self.form.counts.setText(self.tr("Select the refunds to print first."))
            return None
        return printing.print_refunds(self, self.ctx, ids)

    # --- approving several at once ------------------------------------------------------
    def approve_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.form.counts.setText(self.tr("Select the refunds to approve first."))
            return
        self.ctx.worker.submit(queue_jobs.prepare_batch, self.ctx.actor, ids, on_done=self._confirm)

    def _confirm(self, batch: queue_jobs.Batch) -> None:
        lang = self.ctx.lang
        if not batch.items:
            notify(
                self,
                self.tr("Approve"),
                self.tr("None of the selected refunds is yours to approve."),
            )
            return
        lines = [
            f"{view.form_no}  {display.yuan(view.amount)}  {t.action.label.get(lang)}"
            for view, t in batch.items
        ]
        summary = self.tr("Approve {n} refunds, total {total}:").format(
            n=len(batch.items), total=display.yuan(batch.total)
        )
        text = "\n".join([summary, *lines])
        if batch.skipped:
            text += "\n" + self.tr("Not yours to approve (skipped): {forms}").format(
                forms="、".join(batch.skipped)
            )
        first = next((t for _, t in batch.items if t.opinion), batch.items[0][1])
        dialog = ActionDialog(first, "", lang, parent=self, summary=text, ask_leader=False)
        dialog.setWindowTitle(self.tr("Approve selected"))
        dialog.accepted.connect(lambda: self._approve(batch, dialog.opinion()))
        self.batch_dialog = dialog
        dialog.open()

    def _approve(self, batch: queue_jobs.Batch, opinion: str) -> None:
        self.ctx.worker.submit(
            queue_jobs.approve_batch, self.ctx.actor, batch, opinion, on_done=self._approved
        )

    def _approved(self, failures) -> None:
        self.changed.emit()
        self.refresh()
        if failures:
            text = "\n".join(f"{form_no}: {error.text()}" for form_no, error in failures)
            notify(self, self.tr("Some were not approved"), text, warning=True)
