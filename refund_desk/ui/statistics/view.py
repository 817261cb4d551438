"""One report on screen, whatever the report: its own inputs (a period, a choice; the month
comes from the tab), its headline, each table with its chart and numbers, its notes, and the
exports (Excel, PDF, print preview, print). Database work runs on the worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QLabel, QWidget

from ...domain.errors import RefundDeskError
from ...domain.sla import OFFICE_TZ
from ...reports import catalogue
from ...reports.report import Param, ParamKind, ReportResult, ReportSpec, params_caption
from .. import printing
from ..context import AppContext
from ..forms.report_view import Ui_ReportView
from . import jobs
from .chart import ChartBox

Busy = Callable[[bool, str], None]  # the tab's progress bar and status line
RED = "color: #c62828; font-weight: bold;"
TABLE_HEIGHT = 260  # a table in a page of several (a chart box is taller)


class ReportView(QWidget):
    def __init__(self, spec: ReportSpec, ctx: AppContext, busy: Busy, parent: QWidget):
        super().__init__(parent)
        self.spec, self.ctx, self.busy = spec, ctx, busy
        self.form = Ui_ReportView()
        self.form.setupUi(self)
        self.result: ReportResult | None = None
        self.month = ""  # "YYYY-MM" for a report of the month: the tab's
        self.running = False
        self.last_export: str | None = None
        self.boxes: dict[str, ChartBox] = {}
        self.inputs: dict[str, QDateEdit | QComboBox] = {}
        today = dt.datetime.now(OFFICE_TZ).date()
        for param in spec.params:
            if param.kind != ParamKind.MONTH:
                self._add_input(param, today)
        self.form.runButton.setVisible(bool(self.inputs))
        self.form.runButton.clicked.connect(self.run)
        self.buttons = {
            "xlsx": self.form.xlsxButton,
            "pdf": self.form.pdfButton,
            "preview": self.form.previewButton,
            "print": self.form.printButton,
        }
        self.form.xlsxButton.clicked.connect(lambda: self.ask_export("xlsx"))
        self.form.pdfButton.clicked.connect(lambda: self.ask_export("pdf"))
        self.form.previewButton.clicked.connect(lambda: self.print_report(False))
        self.form.printButton.clicked.connect(lambda: self.print_report(True))
        self._enable_outputs(False)
        self.form.notes.hide()
        self.form.caption.hide()

    def _add_input(self, param: Param, today: dt.date) -> None:
        start = catalogue.defaults(self.spec, today)[param.name]
        label = QLabel(param.label.get(self.ctx.lang), self)
        if param.kind == ParamKind.DATE:
            edit = QDateEdit(self)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            assert isinstance(start, dt.date)
            edit.setDate(QDate(start.year, start.month, start.day))
            widget: QDateEdit | QComboBox = edit
        else:
            combo = QComboBox(self)
            for code, text in param.choices:
                combo.addItem(text.get(self.ctx.lang), code)
            combo.setCurrentIndex(max(combo.findData(start), 0))
            widget = combo
        label.setBuddy(widget)
        self.form.params.addWidget(label)
        self.form.params.addWidget(widget)
        self.inputs[param.name] = widget

    def set_caption(self, text: str) -> None:
        """A few words left of the buttons (what a page of several shows here)."""
        self.form.caption.setText(text)
        self.form.caption.setVisible(bool(text))

    def _enable_outputs(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(on)

    def params(self) -> dict[str, object]:
        """The parameters as the inputs (and the tab's month) give them now."""
        out: dict[str, object] = {}
        for param in self.spec.params:
            if param.kind == ParamKind.MONTH:
                out[param.name] = self.month
                continue
            widget = self.inputs[param.name]
            if isinstance(widget, QDateEdit):
                d = widget.date()
                out[param.name] = dt.date(d.year(), d.month(), d.day())
            else:
                out[param.name] = widget.currentData()
        return out

    # --- running and showing ---------------------------------------------------------------

    def run(self) -> None:
        """Run the report with the inputs' parameters (on the worker)."""
        self.running = True
        self.form.runButton.setEnabled(False)
        self.busy(True, self.tr("Analysing…"))
        self.ctx.worker.submit(
            jobs.run_report,
            self.spec.name,
            self.ctx.lang,
            self.params(),
            on_done=self._ran,
            on_error=self._failed,
        )

    def _ran(self, result: ReportResult) -> None:
        self.running = False
        self.form.runButton.setEnabled(True)
        self.busy(False, "")
        self.show_result(result)

    def _failed(self, error: RefundDeskError) -> None:
        self.running = False
        self.form.runButton.setEnabled(True)
        self.busy(False, error.text(self.ctx.lang))

    def show_result(self, result: ReportResult) -> None:
        lang = self.ctx.lang
        self.result = result
        several = len(result.tables) > 1
        for table in result.tables:
            box = self.boxes.get(table.key)
            if box is None:
                box = self.boxes[table.key] = ChartBox(lang, self.form.body)
                if several and not table.charts:
                    box.setMinimumHeight(TABLE_HEIGHT)
                self.form.bodyLayout.addWidget(box, 0 if several else 1)
            box.show_table(table, titled=several)
        headline = result.headline.get(lang) if result.headline else ""
        self.form.headline.setText(headline)
        self.form.headline.setVisible(bool(headline))
        self.form.headline.setStyleSheet("" if result.ok else RED)
        self.form.notes.setText("\n".join(n.get(lang) for n in result.notes))
        self.form.notes.setVisible(bool(result.notes))
        self._enable_outputs(True)

    # --- exports ---------------------------------------------------------------------------

    def _title(self) -> str:
        caption = self.result.caption if self.result else params_caption(self.params())
        return f"{self.spec.title.get(self.ctx.lang)} {caption}".strip()

    def ask_export(self, fmt: str) -> None:
        name = f"{self._title()}.{fmt}".replace(" ", "")
        pattern = "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), name, pattern)
        if path:
            self.export(fmt, path)

    def _shown_params(self) -> dict[str, object]:
        """An export or a print is of what is shown (the inputs may have changed since)."""
        return dict(self.result.params) if self.result else self.params()

    def export(self, fmt: str, path: str) -> None:
        """Write the report, whole and as it is now, to `path` on the worker."""
        self.busy(True, self.tr("Exporting…"))
        self.ctx.worker.submit(
            jobs.export_report,
            self.ctx.actor,
            self.spec.name,
            self._shown_params(),
            fmt,
            self.ctx.lang,
            path,
            on_done=self._exported,
            on_error=self._failed,
        )

    def _exported(self, path: str) -> None:
        self.last_export = path
        self.busy(False, self.tr("Written {path}").format(path=path))

    def print_report(self, to_printer: bool) -> printing.PrintRun:
        """Preview or print the report as it is when the job runs."""
        job = printing.report_job(self.ctx, self.spec.name, self._shown_params())
        if to_printer:
            return printing.print_document(self, self.ctx, job, self._title())
        return printing.preview(self, self.ctx, job, self._title())
