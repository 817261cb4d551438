"""统计: every registered report (`reports.catalogue`). The month page holds the month's refunds
by state and the CS and finance monthly tables with their lifecycle (prepare, approve, submit
to admin, archive) and due dates; every other report has a page of its own (reconciliation,
analytics, …). The reports of a month follow the month picker and load together in one job;
a report of a period runs from its own inputs. Every database call runs on the worker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from ...domain.calendar import month_key
from ...domain.errors import RefundDeskError
from ...domain.report_flow import ReportAction, ReportKind
from ...domain.sla import OFFICE_TZ
from ...reports import catalogue, closing
from ...reports.overview import MonthData, load_month
from ...store.monthly_reports import ReportStatus
from ..context import AppContext
from ..forms.statistics_tab import Ui_StatisticsTab
from ..messages import notify
from .month_panel import MonthTablePanel
from .view import ReportView

KINDS = tuple(k.value for k in ReportKind)
BY_STATE = "by-state"  # heads the month page; the two tables follow it there
BY_STATE_SHARE, TABLE_SHARE = 160, 440  # the splitter's first proportions


class StatisticsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, load_now: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.form = Ui_StatisticsTab()
        self.form.setupUi(self)
        today = dt.datetime.now(OFFICE_TZ).date()
        self.year, self.month = today.year, today.month
        self.data: MonthData | None = None
        self.loading = False
        self.views: dict[str, ReportView] = {}
        self.panels: dict[str, MonthTablePanel] = {}
        self.form.progress.hide()
        self.form.message.hide()  # until a step is refused
        self.form.monthEdit.setDate(QDate(today.year, today.month, 1))
        self.form.monthEdit.dateChanged.connect(self._month_changed)
        self.form.refreshButton.clicked.connect(self.refresh)
        self._pages()
        if load_now:  # the main window loads it when the tab is first opened
            self.refresh()

    def _pages(self) -> None:
        splitter = self.form.monthSplitter
        for spec in catalogue.REPORTS:
            if spec.name in KINDS:
                panel = MonthTablePanel(spec, self.ctx, self._busy, self.lifecycle_step, splitter)
                self.panels[spec.name], self.views[spec.name] = panel, panel.view
                splitter.addWidget(panel)
                continue
            if spec.name == BY_STATE:
                view = ReportView(spec, self.ctx, self._busy, splitter)
                splitter.insertWidget(0, view)
            else:
                view = ReportView(spec, self.ctx, self._busy, self.form.pages)
                self.form.pages.addTab(view, spec.title.get(self.ctx.lang))
            self.views[spec.name] = view
        # the states are a few rows; the monthly tables need several even on a 768-pixel screen
        splitter.setSizes([BY_STATE_SHARE] + [TABLE_SHARE] * (splitter.count() - 1))

    # --- loading the month -------------------------------------------------------------------

    def _busy(self, on: bool, text: str = "") -> None:
        self.form.progress.setVisible(on)
        self.form.status.setText(text)

    def _month_changed(self, date: QDate) -> None:
        self.year, self.month = date.year(), date.month()
        self.refresh()

    def set_month(self, year: int, month: int) -> None:
        self.form.monthEdit.setDate(QDate(year, month, 1))  # refreshes through dateChanged

    @property
    def month_key(self) -> str:
        return month_key(self.year, self.month)

    def refresh(self) -> None:
        self.loading = True
        key = self.month_key
        for view in self.views.values():
            view.month = key
        if BY_STATE in self.views:
            title = self.tr("Refunds of {month}").format(month=key)
            self.views[BY_STATE].set_caption(title)
        self._busy(True, self.tr("Loading…"))
        self.ctx.worker.submit(
            load_month,
            self.year,
            self.month,
            self.ctx.lang,
            on_done=self._show,
            on_error=self._failed,
        )

    def _show(self, data: MonthData) -> None:
        if (data.year, data.month) != (self.year, self.month):
            return  # an older request answered after the month changed
        self.loading = False
        self.data = data
        self._busy(False)
        for name, result in data.results.items():
            panel = self.panels.get(name)
            if panel is not None:
                panel.show_month(result, data.statuses[ReportKind(name)])
            else:
                self.views[name].show_result(result)

    def _failed(self, error: RefundDeskError) -> None:
        self.loading = False
        self._busy(False, error.text(self.ctx.lang))

    # --- the monthly tables' lifecycle -------------------------------------------------------

    def lifecycle_step(self, kind: ReportKind, step: ReportAction) -> None:
        status: ReportStatus | None = self.panels[kind].status
        if status is None:
            return
        self.form.message.setText("")
        self.form.message.hide()
        self._busy(True, self.tr("Saving…"))
        self.ctx.worker.submit(
            closing.take_step,
            self.ctx.actor,
            kind,
            self.month_key,
            step,
            status.version,
            on_done=self._stepped,
            on_error=self._step_failed,
        )

    def _stepped(self, _status: ReportStatus) -> None:
        self._busy(False)
        self.refresh()

    def _step_failed(self, error: RefundDeskError) -> None:
        text = error.text(self.ctx.lang)
        self._busy(False)
        self.form.message.setText(text)
        self.form.message.show()
        notify(self, self.tr("Statistics"), text, warning=True)
        self.refresh()

    # --- pages -------------------------------------------------------------------------------

    def show_report(self, name: str) -> ReportView:
        """Bring a report's page to the front."""
        view = self.views[name]
        page = self.form.monthPage if name in KINDS or name == BY_STATE else view
        self.form.pages.setCurrentWidget(page)
        return view
