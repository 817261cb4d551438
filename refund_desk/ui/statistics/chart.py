"""A chart of a report's table, drawn from the table's chart hint (which columns, by name),
with the numbers in a table beside it."""

from __future__ import annotations

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
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...reports.report import Chart, ChartKind, ColumnKind, Table, cell_text
from .model import ReportTableModel

ROWS_SIZED = 200  # column widths from the first rows only: a month can have thousands


def table_view(model: ReportTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(ROWS_SIZED)
    return view


def _number(value: object, kind: ColumnKind) -> float:
    """What a bar plots: counts, hours, rates as percent (a chart never plots money)."""
    if value is None:
        return 0.0
    return float(value) * (100 if kind == ColumnKind.RATE else 1)  # type: ignore[arg-type]


class ChartBox(QWidget):
    """One table of a report: its chart (when it has a hint) and its numbers beside it."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.model = ReportTableModel(lang, self)
        self.chart = QChart()
        self.chart.legend().setVisible(True)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(360, 240)
        self.table_view = table_view(self.model, self)
        self.caption = QLabel(self)  # a table without a chart says what it is itself
        numbers = QVBoxLayout()
        numbers.setContentsMargins(0, 0, 0, 0)
        numbers.addWidget(self.caption)
        numbers.addWidget(self.table_view, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart_view, 3)
        layout.addLayout(numbers, 2)

    def show_table(self, table: Table, titled: bool = False) -> None:
        """Show `table` (with its title above it when `titled` and it has no chart)."""
        self.model.set_table(table)
        # a wide text column takes the room left; numbers stay as wide as they are
        last = table.columns[-1] if table.columns else None
        self.table_view.horizontalHeader().setStretchLastSection(
            last is not None and not last.kind.numeric
        )
        hint = table.charts[0] if table.charts else None
        self.chart_view.setVisible(hint is not None)
        self.caption.setText(table.title.get(self.lang))
        self.caption.setVisible(titled and hint is None)
        if hint is not None:
            self.draw(table, hint)

    def draw(self, table: Table, hint: Chart) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle(table.title.get(self.lang))
        category = table.column(hint.category)
        labels = [cell_text(v, category.kind, self.lang) for v in table.values(hint.category)]
        if hint.kind == ChartKind.PIE:
            self._pie(table, hint, labels)
        else:
            self._bars(table, hint, labels)

    def _pie(self, table: Table, hint: Chart, labels: list[str]) -> None:
        kind = table.column(hint.values[0]).kind
        series = QPieSeries()
        for label, value in zip(labels, table.values(hint.values[0]), strict=True):
            n = _number(value, kind)
            if n:
                series.append(f"{label} {cell_text(value, kind, self.lang)}", n)
        self.chart.addSeries(series)

    def _bars(self, table: Table, hint: Chart, labels: list[str]) -> None:
        horizontal = hint.kind == ChartKind.HBAR
        order = slice(None, None, -1) if horizontal else slice(None)  # the first row on top
        # a horizontal bar per label needs room for every label to show
        rows = len(labels) * (len(hint.values) if horizontal else 0)
        self.chart_view.setMinimumHeight(max(240, 22 * rows + 120))
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        top = 0.0
        for name in hint.values:
            column = table.column(name)
            bar = QBarSet(column.label.get(self.lang))
            for value in table.values(name)[order]:
                n = _number(value, column.kind)
                bar.append(n)
                top = max(top, n)
            series.append(bar)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(labels[order])
        x.setTruncateLabels(False)
        y = QValueAxis()
        y.setRange(0, top * 1.1 if top else 1)
        y.applyNiceNumbers()  # ticks at 0, 20, 40 … rather than at tenths of the top
        if all(table.column(n).kind == ColumnKind.COUNT for n in hint.values):
            y.setLabelFormat("%.0f")
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        self.chart.addAxis(x, left if horizontal else bottom)
        self.chart.addAxis(y, bottom if horizontal else left)
        series.attachAxis(x)
        series.attachAxis(y)
