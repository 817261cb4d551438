"""统计: the month's refunds by state; the CS and finance monthly tables with their lifecycle
(prepare, approve, submit to admin, archive) and the due-date countdown; reconciliation of the
two tables; analytics for a period with charts, each with its numbers beside it; exports to
.xlsx and PDF. Every database call runs on the worker, never on the GUI thread."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.calendar import month_key
from ..domain.money import format_yuan
from ..domain.report_flow import ReportAction, ReportKind, ReportState
from ..domain.sla import OFFICE_TZ
from ..domain.workflow import State
from ..reports import analytics, analytics_export, closing, monthly, reconcile
from ..reports.overview import MonthData, load_month
from ..store.monthly_reports import ReportStatus
from . import printing
from .context import AppContext
from .messages import notify

KINDS = tuple(k.value for k in ReportKind)
# The paper columns in English (the Chinese labels come from the printing layouts).
COLUMN_EN = {
    "seq": "No.",
    "submitted_on": "Submitted",
    "form_no": "Form no.",
    "order_no": "Order no.",
    "contact": "Contact",
    "bank": "Bank",
    "amount": "Amount",
    "submitted_by": "Submitted by",
    "to_tech_at": "To tech",
    "to_finance_at": "To finance",
    "finance_answered_at": "Finance answered",
    "customer_told_at": "Customer told",
    "cashier_checked": "Cashier check",
    "accountant_reviewed": "Accountant review",
    "director_approved": "Director approval",
    "cs_told": "CS told",
    "note": "Note",
}


def export_file(actor, kind: str, year: int, month: int, fmt: str, path: str) -> str:
    """Build the month's table and write it as .xlsx or PDF (on the worker)."""
    sheet = monthly.statistics_sheet(kind, year, month)
    if fmt == "xlsx":
        from ..reports import xlsx  # openpyxl loads on the first export, not at start-up

        data = xlsx.stats_workbook(sheet)
    else:
        from ..printing import jobs

        data = jobs.stats_pdf(actor, sheet)
    Path(path).write_bytes(data)
    return path


def export_analytics(result: analytics.Analytics, lang: str, path: str) -> str:
    if not result.overdue_complete:  # the screen lists only the most overdue; the file has all
        result = analytics.analyse(result.date_from, result.date_to, result.trend_by)
    Path(path).write_bytes(analytics_export.workbook(result, lang))
    return path


class LinesModel(QAbstractTableModel):
    """The lines of one monthly table (read-only), with the 合计 as the last row."""

    def __init__(self, kind: str, lang: str, parent=None):
        super().__init__(parent)
        from ..reports.sheet import COLUMNS

        self.columns = COLUMNS[kind]
        self.lang = lang
        self.sheet = None

    def set_sheet(self, sheet) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.sheet is None:
            return 0
        return len(self.sheet.lines) + 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        attr, label = self.columns[section]
        return COLUMN_EN[attr] if self.lang == "en" else label

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.sheet is None:
            return None
        attr = self.columns[index.column()][0]
        total_row = index.row() == len(self.sheet.lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and attr == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if total_row:
            if attr == "seq":
                return "合计" if self.lang != "en" else "Total"
            if attr == "submitted_on":
                return str(self.sheet.total_count)
            return format_yuan(self.sheet.total_amount) if attr == "amount" else ""
        value = getattr(self.sheet.lines[index.row()], attr)
        return format_yuan(value) if isinstance(value, Decimal) else str(value)


def _fill(table: QTableWidget, headers: list[str], rows: list[list]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = format_yuan(value) if isinstance(value, Decimal) else str(value)
            item = QTableWidgetItem(text)
            if isinstance(value, (int, Decimal, float)):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _readonly_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 0, parent)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    return table


class TablePanel(QGroupBox):
    """One monthly table: lifecycle state and due date, buttons, the lines, exports."""

    def __init__(self, tab: StatisticsTab, kind: str):
        super().__init__(tab)
        self.tab, self.kind = tab, kind
        self.status = None
        self.state_label = QLabel(self)
        self.due_label = QLabel(self)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for step in ReportAction:
            button = QPushButton(step.label.get(tab.ctx.lang), self)
            button.clicked.connect(lambda _=False, s=step: tab.lifecycle_step(kind, s))
            self.buttons[step] = button
            bar.addWidget(button)
        bar.addStretch(1)
        for fmt, text in (
            ("xlsx", QCoreApplication.translate("StatisticsTab", "Export Excel…")),
            ("pdf", QCoreApplication.translate("StatisticsTab", "Export PDF…")),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, f=fmt: tab.ask_export(kind, f))
            self.buttons[fmt] = button
            bar.addWidget(button)
        for name, text in (
            ("preview", QCoreApplication.translate("StatisticsTab", "Print preview")),
            ("print", QCoreApplication.translate("StatisticsTab", "Print…")),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, n=name: tab.print_table(kind, n == "print"))
            self.buttons[name] = button
            bar.addWidget(button)
        self.model = LinesModel(kind, tab.ctx.lang, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        heads = QHBoxLayout()
        heads.addWidget(self.state_label)
        heads.addStretch(1)
        heads.addWidget(self.due_label)
        layout.addLayout(heads)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def show_data(self, sheet, status: ReportStatus) -> None:
        tab, lang = self.tab, self.tab.ctx.lang
        self.status = status
        self.setTitle(f"{ReportKind(self.kind).title.get(lang)}  {sheet.month}  {sheet.number}")
        self.model.set_sheet(sheet)
        state = status.label.get(lang)
        self.state_label.setText(
            QCoreApplication.translate("StatisticsTab", "State: {state} (version {v})").format(
                state=state, v=status.version
            )
        )
        self.due_label.setText(due_text(status, dt.datetime.now(OFFICE_TZ).date()))
        late = status.late and status.state != ReportState.ARCHIVED
        self.due_label.setStyleSheet("color: #c62828; font-weight: bold;" if late else "")
        allowed = status.allowed(tab.ctx.actor)  # the rules decide; the buttons follow
        for step in ReportAction:
            self.buttons[step].setEnabled(step in allowed)


def due_text(status: ReportStatus, today: dt.date) -> str:
    """The due date with a countdown, or when it was submitted and whether late."""
    due = status.due.isoformat()
    if status.submitted_at is not None:
        when = status.submitted_at.astimezone(OFFICE_TZ).date().isoformat()
        if status.late:
            return QCoreApplication.translate(
                "StatisticsTab", "Submitted {when}, late (due {due})"
            ).format(when=when, due=due)
        return QCoreApplication.translate("StatisticsTab", "Submitted {when} (due {due})").format(
            when=when, due=due
        )
    days = status.days_left(today)
    if days > 0:
        return QCoreApplication.translate("StatisticsTab", "Due {due}: {n} days left").format(
            due=due, n=days
        )
    if days == 0:
        return QCoreApplication.translate("StatisticsTab", "Due today ({due})").format(due=due)
    return QCoreApplication.translate("StatisticsTab", "Overdue since {due} ({n} days)").format(
        due=due, n=-days
    )


class ChartBox(QWidget):
    """A chart with its numbers in a table beside it."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.chart = QChart()
        self.chart.legend().setVisible(True)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(360, 240)
        self.table = _readonly_table(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.table, 2)

    def _reset(self, title: str) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle(title)

    def pie(self, title: str, labels: list[str], counts: list[int]) -> None:
        self._reset(title)
        series = QPieSeries()
        for label, n in zip(labels, counts, strict=True):
            if n:
                series.append(f"{label} {n}", n)
        self.chart.addSeries(series)

    def bars(
        self,
        title: str,
        categories: list[str],
        sets: list[tuple[str, list]],
        horizontal: bool = False,
    ) -> None:
        self._reset(title)
        # a horizontal bar per label needs room for every label to show
        rows = len(categories) * (len(sets) if horizontal else 0)
        self.view.setMinimumHeight(max(240, 22 * rows + 120))
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        top = 0.0
        for name, values in sets:
            bar = QBarSet(name)
            for v in values:
                bar.append(v)  # counts, hours and percentages: never money
                top = max(top, v)
            series.append(bar)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(categories)
        x.setTruncateLabels(False)
        y = QValueAxis()
        y.setRange(0, top * 1.1 if top else 1)
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        self.chart.addAxis(x, left if horizontal else bottom)
        self.chart.addAxis(y, bottom if horizontal else left)
        series.attachAxis(x)
        series.attachAxis(y)


class StatisticsTab(QWidget):
    """The 统计 tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, load_now: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        today = dt.datetime.now(OFFICE_TZ).date()
        self.year, self.month = today.year, today.month
        self.data: MonthData | None = None
        self.result: analytics.Analytics | None = None
        self.loading = False
        self.last_export: str | None = None

        self.month_edit = QDateEdit(QDate(today.year, today.month, 1), self)
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(False)
        self.month_edit.dateChanged.connect(self._month_changed)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = QLabel(self)
        self.message = QLabel(self)  # the last refused step, until the next one
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:"), self))
        top.addWidget(self.month_edit)
        top.addWidget(self.refresh_button)
        top.addWidget(self.progress)
        top.addWidget(self.status, 1)

        self.pages = QTabWidget(self)
        self.pages.addTab(self._monthly_page(), self.tr("Monthly tables"))
        self.pages.addTab(self._reconcile_page(), self.tr("Reconciliation"))
        self.pages.addTab(self._analytics_page(today), self.tr("Analytics"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.pages)
        if load_now:  # the main window loads it when the tab is first opened
            self.refresh()

    # --- pages ---------------------------------------------------------------------------

    def _monthly_page(self) -> QWidget:
        page = QWidget(self)
        self.title = QLabel(page)
        self.table = QTableWidget(0, 3, page)  # the month's refunds by state
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setHorizontalHeaderLabels(
            [self.tr("State"), self.tr("Count"), self.tr("Amount")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(220)
        self.panels = {kind: TablePanel(self, kind) for kind in KINDS}
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        for kind in KINDS:
            splitter.addWidget(self.panels[kind])
        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(splitter, 1)
        return page

    def _reconcile_page(self) -> QWidget:
        page = QWidget(self)
        self.reconcile_summary = QLabel(page)
        self.reconcile_summary.setWordWrap(True)
        self.differences = _readonly_table(page)
        self.reconcile_notes = QLabel(page)
        self.reconcile_notes.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.reconcile_summary)
        layout.addWidget(self.differences, 1)
        layout.addWidget(self.reconcile_notes)
        return page

    def _analytics_page(self, today: dt.date) -> QWidget:
        page = QWidget(self)
        first = dt.date(today.year, today.month, 1)
        start = (first - dt.timedelta(days=85)).replace(day=1)
        self.date_from = QDateEdit(QDate(start.year, start.month, start.day), page)
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), page)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.trend_by = QComboBox(page)
        self.trend_by.addItem(self.tr("by month"), "month")
        self.trend_by.addItem(self.tr("by week"), "week")
        self.analyse_button = QPushButton(self.tr("Analyse"), page)
        self.analyse_button.clicked.connect(self.analyse)
        self.analytics_export_button = QPushButton(self.tr("Export Excel…"), page)
        self.analytics_export_button.clicked.connect(self.ask_export_analytics)
        self.analytics_export_button.setEnabled(False)
        bar = QHBoxLayout()
        for w in (
            QLabel(self.tr("From"), page),
            self.date_from,
            QLabel(self.tr("to"), page),
            self.date_to,
            self.trend_by,
            self.analyse_button,
            self.analytics_export_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.charts = {
            key: ChartBox(page) for key in ("category", "bank", "step", "times", "sla", "trend")
        }
        self.overdue = _readonly_table(page)
        self.overdue.setMinimumHeight(180)
        self.overdue_note = QLabel(page)  # says so when the list is cut short
        self.overdue_note.setWordWrap(True)
        self.overdue_note.hide()
        inner = QWidget(page)
        column = QVBoxLayout(inner)
        column.addWidget(self.summary)
        for box in self.charts.values():
            column.addWidget(box)
        column.addWidget(QLabel(self.tr("Overdue cases"), inner))
        column.addWidget(self.overdue_note)
        column.addWidget(self.overdue)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        return page

    # --- loading -------------------------------------------------------------------------

    def _busy(self, on: bool, text: str = "") -> None:
        self.progress.setVisible(on)
        self.status.setText(text)

    def _month_changed(self, date: QDate) -> None:
        self.year, self.month = date.year(), date.month()
        self.refresh()

    def set_month(self, year: int, month: int) -> None:
        self.month_edit.setDate(QDate(year, month, 1))  # refreshes through dateChanged

    def refresh(self) -> None:
        self.loading = True
        self.title.setText(
            self.tr("Refunds of {month}").format(month=month_key(self.year, self.month))
        )
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
        lang = self.ctx.lang
        rows = [(s, *data.by_state[s]) for s in State if s in data.by_state]
        self.table.setRowCount(len(rows))
        for r, (state, count, amount) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(state.label.get(lang)))
            self.table.setItem(r, 1, QTableWidgetItem(str(count)))
            self.table.setItem(r, 2, QTableWidgetItem(format_yuan(amount)))
        for kind in KINDS:
            self.panels[kind].show_data(data.sheets[kind], data.statuses[kind])
        self._show_reconciliation(data.reconciliation)

    def _failed(self, error) -> None:
        self.loading = False
        self._busy(False, error.text(self.ctx.lang))

    def _show_reconciliation(self, result: reconcile.Reconciliation) -> None:
        lang = self.ctx.lang
        self.reconcile_summary.setText(
            self.tr(
                "{month}: CS table {cs}, finance table {fin}, matched {matched}, differences {n}"
            ).format(
                month=result.month,
                cs=result.cs_count,
                fin=result.finance_count,
                matched=result.matched,
                n=len(result.differences),
            )
        )
        self.reconcile_summary.setStyleSheet(
            "" if result.clean else "color: #c62828; font-weight: bold;"
        )
        _fill(
            self.differences,
            [
                self.tr("Difference"),
                self.tr("Form no."),
                self.tr("Order no."),
                self.tr("CS table"),
                self.tr("Finance table"),
            ],
            [
                [
                    reconcile.DIFFERENCE_LABELS[d.kind].get(lang),
                    d.form_no,
                    d.order_no,
                    d.cs_value,
                    d.finance_value,
                ]
                for d in result.differences
            ],
        )
        notes = []
        if result.carried:
            notes.append(
                self.tr("Matched across months: {forms}").format(forms=", ".join(result.carried))
            )
        if result.open_refunds:
            notes.append(
                self.tr("Still in progress ({n}), archiving waits: {forms}").format(
                    n=len(result.open_refunds), forms=", ".join(result.open_refunds[:20])
                )
            )
        self.reconcile_notes.setText("\n".join(notes))

    # --- lifecycle -----------------------------------------------------------------------

    def lifecycle_step(self, kind: str, step: str) -> None:
        panel = self.panels[kind]
        if panel.status is None:
            return
        key = month_key(self.year, self.month)
        self.message.setText("")
        self._busy(True, self.tr("Saving…"))
        self.ctx.worker.submit(
            closing.take_step,
            self.ctx.actor,
            kind,
            key,
            step,
            panel.status.version,
            on_done=self._stepped,
            on_error=self._step_failed,
        )

    def _stepped(self, _status) -> None:
        self._busy(False)
        self.refresh()

    def _step_failed(self, error) -> None:
        text = error.text(self.ctx.lang)
        self._busy(False)
        self.message.setText(text)
        notify(self, self.tr("Statistics"), text, warning=True)
        self.refresh()

    # --- exports -------------------------------------------------------------------------

    def ask_export(self, kind: str, fmt: str) -> None:
        key = month_key(self.year, self.month)
        name = f"{ReportKind(kind).title.zh}{key}.{fmt}"
        pattern = "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), name, pattern)
        if path:
            self.export(kind, fmt, path)

    def export(self, kind: str, fmt: str, path: str) -> None:
        """Write one monthly table to `path` on the worker; the bar shows it is running."""
        self._busy(True, self.tr("Exporting…"))
        self.ctx.worker.submit(
            export_file,
            self.ctx.actor,
            kind,
            self.year,
            self.month,
            fmt,
            path,
            on_done=self._exported,
            on_error=self._failed,
        )

    def _exported(self, path: str) -> None:
        self.last_export = path
        self._busy(False, self.tr("Written {path}").format(path=path))

    def print_table(self, kind: str, to_printer: bool) -> printing.PrintRun:
        """Preview or print the month's table as it stands when the job runs."""
        job = printing.stats_job(self.ctx, kind, self.year, self.month)
        key = month_key(self.year, self.month)
        title = f"{ReportKind(kind).title.get(self.ctx.lang)} {key}"
        if to_printer:
            return printing.print_document(self, self.ctx, job, title)
        return printing.preview(self, self.ctx, job, title)

    # --- analytics -----------------------------------------------------------------------

    def analyse(self) -> None:
        start, end = self.date_from.date(), self.date_to.date()
        self.analyse_button.setEnabled(False)
        self._busy(True, self.tr("Analysing…"))
        self.ctx.worker.submit(
            analytics.analyse,
            dt.date(start.year(), start.month(), start.day()),
            dt.date(end.year(), end.month(), end.day()),
            self.trend_by.currentData(),
            overdue_limit=analytics.OVERDUE_SHOWN,
            on_done=self._show_analytics,
            on_error=self._analytics_failed,
        )

    def _analytics_failed(self, error) -> None:
        self.analyse_button.setEnabled(True)
        self._failed(error)

    def _show_analytics(self, result: analytics.Analytics) -> None:
        self.result = result
        self.analyse_button.setEnabled(True)
        self.analytics_export_button.setEnabled(True)
        self._busy(False)
        lang = self.ctx.lang
        tables = {t.key: t for t in analytics_export.tables(result, lang)}
        rate = analytics_export._rate(result.success_rate)
        head = self.tr("{start} – {end}: {count} refunds, {amount} yuan").format(
            start=result.date_from,
            end=result.date_to,
            count=result.count,
            amount=format_yuan(result.amount),
        )
        tail = self.tr("closed {closed}, paid {paid}; success rate {rate}").format(
            closed=result.closed, paid=result.paid, rate=rate
        )
        self.summary.setText(f"{head}; {tail}")
        for key, source in (("category", "by_category"), ("bank", "by_bank"), ("step", "by_step")):
            table = tables[source]
            box = self.charts[key]
            _fill(box.table, table.headers, table.rows)
            labels = [str(r[0]) for r in table.rows]
            counts = [int(r[1]) for r in table.rows]
            if key == "category":
                box.pie(table.title, labels, counts)
            else:
                box.bars(table.title, labels[::-1], [(table.headers[1], counts[::-1])], True)
        times = tables["step_times"]
        box = self.charts["times"]
        _fill(box.table, times.headers, times.rows)
        box.bars(
            times.title,
            [str(r[0]) for r in times.rows][::-1],
            [
                (times.headers[2], [r[2] for r in times.rows][::-1]),
                (times.headers[3], [r[3] for r in times.rows][::-1]),
            ],
            True,
        )
        sla = tables["sla"]
        box = self.charts["sla"]
        _fill(box.table, sla.headers, sla.rows)
        box.bars(
            sla.title,
            [str(r[0]) for r in sla.rows],
            [
                (sla.headers[2], [r[2] for r in sla.rows]),
                (sla.headers[3], [r[3] for r in sla.rows]),
            ],
        )
        trend = tables["trend"]
        box = self.charts["trend"]
        _fill(box.table, trend.headers, trend.rows)
        box.bars(
            trend.title,
            [str(r[0]) for r in trend.rows],
            [(trend.headers[1], [r[1] for r in trend.rows])],
        )
        overdue = tables["overdue"]
        _fill(self.overdue, overdue.headers, overdue.rows)
        self.overdue_note.setVisible(not result.overdue_complete)
        self.overdue_note.setText(
            self.tr(
                "{total} overdue cases in all: the {shown} most overdue of each time limit "
                "are listed here; the Excel export has every one."
            ).format(total=result.overdue_total, shown=result.overdue_limit)
        )

    def ask_export_analytics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), "退款分析.xlsx", "Excel (*.xlsx)"
        )
        if path:
            self.export_analytics(path)

    def export_analytics(self, path: str) -> None:
        if self.result is None:
            return
        self._busy(True, self.tr("Exporting…"))
        self.ctx.worker.submit(
            export_analytics,
            self.result,
            self.ctx.lang,
            path,
            on_done=self._exported,
            on_error=self._failed,
        )
