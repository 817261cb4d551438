"""值班交接: the shift handover sheet. The refund lists come from the database for the shift's
window and take notes only; the outgoing user signs, the incoming user confirms with their own
password; then the sheet is read-only."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QListWidgetItem, QTableWidgetItem, QWidget

from ..domain.errors import RefundDeskError
from ..domain.refund_fields import bank_label
from ..domain.sla import OFFICE_TZ
from ..store import handover
from ..store.handover import ATTENDANCE_KEYS, SHIFTS, HandoverView
from . import display, printing
from .context import AppContext
from .forms.handover_tab import Ui_HandoverTab

NUMBER = re.compile(r"^\s*\d+\s*[.、)]\s*")
NOTE_COLUMN = 6


def numbered(items: list[str]) -> str:
    return "\n".join(f"{i}. {text}" for i, text in enumerate(items, 1))


def unnumbered(text: str) -> list[str]:
    return [NUMBER.sub("", line).strip() for line in text.splitlines() if line.strip()]


class HandoverTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = Ui_HandoverTab()
        self.form.setupUi(self)
        self.view: HandoverView | None = None
        for code, label in SHIFTS.items():
            self.form.shift.addItem(label.get(ctx.lang), code)
        self.form.shift.currentIndexChanged.connect(self._default_times)
        self._default_times()
        table = self.form.refunds
        table.setColumnCount(7)
        table.setHorizontalHeaderLabels(
            [
                self.tr("List"),
                self.tr("Form no."),
                self.tr("Mobile"),
                self.tr("Amount"),
                self.tr("Bank"),
                self.tr("Result / reason"),
                self.tr("Note"),
            ]
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.form.createButton.clicked.connect(self.create)
        self.form.saveButton.clicked.connect(self.save)
        self.form.signButton.clicked.connect(self.sign)
        self.form.previewButton.clicked.connect(self.preview)
        self.form.printButton.clicked.connect(self.print_sheet)
        self.form.confirmButton.clicked.connect(self.confirm)
        self.form.takerPassword.returnPressed.connect(self.confirm)
        self.form.sheets.currentItemChanged.connect(self._picked)
        self._show(None)
        self.refresh_list()

    def _default_times(self) -> None:
        # Shift times are office time (Asia/Shanghai), whatever the PC's own zone.
        today = dt.datetime.now(OFFICE_TZ).date()
        hour = 8 if self.form.shift.currentData() == "day" else 16
        start = dt.datetime.combine(today, dt.time(hour, 0))
        self.form.shiftStart.setDateTime(start)
        self.form.shiftEnd.setDateTime(start + dt.timedelta(hours=8))

    def _submit(self, fn, *args, on_done=None) -> None:
        self.form.notice.setText(self.tr("Working…"))
        self.ctx.worker.submit(fn, *args, on_done=on_done or self._show, on_error=self._failed)

    def _failed(self, error: RefundDeskError) -> None:
        self.form.notice.setText(error.text())

    # --- list of sheets ----------------------------------------------------------------
    def refresh_list(self) -> None:
        self.ctx.worker.submit(handover.list_handovers, 30, on_done=self._listed)

    def _listed(self, views: list[HandoverView]) -> None:
        sheets = self.form.sheets
        sheets.blockSignals(True)
        sheets.clear()
        for view in views:
            item = QListWidgetItem(self._title(view))
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            sheets.addItem(item)
            if self.view and view.id == self.view.id:
                sheets.setCurrentItem(item)
        sheets.blockSignals(False)
        if self.view is None and views:
            sheets.setCurrentRow(0)

    def _title(self, view: HandoverView) -> str:
        state = (
            self.tr("confirmed")
            if view.confirmed_at
            else self.tr("signed")
            if view.signed_at
            else self.tr("open")
        )
        shift = SHIFTS[view.shift].get(self.ctx.lang)
        return f"{display.local_minute(view.shift_start)} {shift} · {view.handed_by} · {state}"

    def _picked(self, item, _previous=None) -> None:
        if item is not None:
            self._submit(handover.get_handover, item.data(Qt.ItemDataRole.UserRole))

    # --- one sheet ---------------------------------------------------------------------
    def create(self) -> None:
        start = self.form.shiftStart.dateTime().toPython().replace(tzinfo=OFFICE_TZ)
        end = self.form.shiftEnd.dateTime().toPython().replace(tzinfo=OFFICE_TZ)
        self._submit(
            handover.create_handover,
            self.ctx.actor,
            self.form.shift.currentData(),
            start.astimezone(dt.UTC),
            end.astimezone(dt.UTC),
            on_done=self._created,
        )

    def _created(self, view: HandoverView) -> None:
        self._show(view)
        self.refresh_list()

    def _show(self, view: HandoverView | None) -> None:
        self.view = view
        f = self.form
        f.notice.setText("")
        editable = view is not None and view.signed_at is None
        for name in ATTENDANCE_KEYS:
            getattr(f, name).setText(view.attendance.get(name, "") if view else "")
            getattr(f, name).setReadOnly(not editable)
        f.workDone.setPlainText(numbered(view.work_done) if view else "")
        f.followUps.setPlainText(numbered(view.follow_ups) if view else "")
        f.workDone.setReadOnly(not editable)
        f.followUps.setReadOnly(not editable)
        for radio in (f.cleanedYes, f.cleanedNo):
            radio.setAutoExclusive(False)
            radio.setChecked(False)
            radio.setEnabled(editable)
        if view and view.cleaned is not None:
            (f.cleanedYes if view.cleaned else f.cleanedNo).setChecked(True)
        for radio in (f.cleanedYes, f.cleanedNo):
            radio.setAutoExclusive(True)
        self._fill_refunds(view, editable)
        f.saveButton.setEnabled(editable)
        f.previewButton.setEnabled(view is not None)
        f.printButton.setEnabled(view is not None)
        f.signButton.setEnabled(editable and view.handed_by_id == self.ctx.actor.user_id)
        waiting = view is not None and view.signed_at is not None and view.confirmed_at is None
        for widget in (f.takerName, f.takerPassword, f.confirmButton):
            widget.setEnabled(waiting)
        f.header.setText(self._header(view))

    def preview(self) -> printing.PrintRun | None:
        """The sheet as saved (save first to print what is typed)."""
        if self.view is None:
            return None
        job = printing.handover_job(self.ctx, self.view.id)
        return printing.preview(self, self.ctx, job, self.tr("Shift handover sheet"))

    def print_sheet(self) -> printing.PrintRun | None:
        if self.view is None:
            return None
        job = printing.handover_job(self.ctx, self.view.id)
        return printing.print_document(self, self.ctx, job, self.tr("Shift handover sheet"))

    def _header(self, view: HandoverView | None) -> str:
        if view is None:
            return self.tr("No sheet chosen: pick one on the left or start a new one.")
        text = self.tr(
            "{shift} {start} – {end} · filled {filled} · hands over: {by} · takes over: {taker}"
        ).format(
            shift=SHIFTS[view.shift].get(self.ctx.lang),
            start=display.local_minute(view.shift_start),
            end=display.local_minute(view.shift_end)[11:],
            filled=display.local_minute(view.filled_at),
            by=view.handed_by,
            taker=view.taken_by or "—",
        )
        if view.read_only:
            text += " · " + self.tr("signed and confirmed: read-only")
        elif view.signed_at:
            text += " · " + self.tr("signed, waiting for the incoming user")
        return text

    def _fill_refunds(self, view: HandoverView | None, editable: bool) -> None:
        table = self.form.refunds
        lists = (
            [
                (self.tr("Processed by finance"), view.processed_by_finance),
                (self.tr("Submitted to finance"), view.submitted_to_finance),
                (self.tr("Returned by finance"), view.returned_by_finance),
            ]
            if view
            else []
        )
        lines = [(name, line) for name, items in lists for line in items]
        table.setRowCount(len(lines))
        for row, (name, line) in enumerate(lines):
            bank = bank_label(line.bank, line.bank_other).get(self.ctx.lang)
            cells = (name, line.form_no, line.phone, display.yuan(line.amount), bank,
                     line.result or line.reason, line.note)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column == NOTE_COLUMN and editable:
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                table.setItem(row, column, item)
        if not lines:
            table.setRowCount(1)
            item = QTableWidgetItem(handover.NONE)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(0, 0, item)

    def notes(self) -> dict[str, str]:
        table = self.form.refunds
        notes = {}
        for row in range(table.rowCount()):
            form_no, note = table.item(row, 1), table.item(row, NOTE_COLUMN)
            if form_no and note and note.text().strip():
                notes[form_no.text()] = note.text().strip()
        return notes

    def cleaned(self) -> bool | None:
        if self.form.cleanedYes.isChecked():
            return True
        return False if self.form.cleanedNo.isChecked() else None

    def save(self, then=None) -> None:
        view = self.view
        if view is None:
            return
        f = self.form
        self._submit(
            handover.save_handover,
            self.ctx.actor,
            view.id,
            view.version,
            {name: getattr(f, name).text() for name in ATTENDANCE_KEYS},
            unnumbered(f.workDone.toPlainText()),
            unnumbered(f.followUps.toPlainText()),
            self.notes(),
            self.cleaned(),
            on_done=then or self._saved,
        )

    def _saved(self, view: HandoverView) -> None:
        self._show(view)
        self.form.notice.setText(self.tr("Saved."))
        self.refresh_list()

    def sign(self) -> None:
        """Save what is on screen, then sign it (empty items become 无)."""

        def signed_after_save(view: HandoverView) -> None:
            self.view = view
            self._submit(
                handover.sign_handover, self.ctx.actor, view.id, view.version, on_done=self._saved
            )

        self.save(then=signed_after_save)

    def confirm(self) -> None:
        view = self.view
        if view is None:
            return
        self._submit(
            handover.confirm_handover,
            view.id,
            view.version,
            self.form.takerName.text().strip(),
            self.form.takerPassword.text(),
            on_done=self._saved,
        )
        self.form.takerPassword.clear()
