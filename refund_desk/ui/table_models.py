"""Read-only table models for queues, search results and a refund's step history. They hold
plain rows from `store.queries`; no database access happens here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.calendar import WorkCalendar
from ..domain.money import to_fen
from ..domain.refund_fields import bank_label
from ..domain.sla import ClockStatus, current_clock
from ..store.queries import RefundRow, StepView
from . import display

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class RefundColumn(IntEnum):
    FORM_NO = 0
    ORDER_NO = 1
    PHONE = 2
    BANK = 3
    AMOUNT = 4
    STATE = 5
    SINCE = 6
    CLOCK = 7
    SUBMITTER = 8
    CLOCKS = 9


_COLUMNS = tuple(RefundColumn)  # by position: cheaper than RefundColumn(n) in data()
# Rows a ResizeToContents header measures (Qt's default, 1,000, asks data() for every cell of a
# 500-row queue at start-up).
SIZE_FROM_ROWS = 60


class RefundTableModel(QAbstractTableModel):
    """Refund rows (a queue or search results) with their current SLA clock."""

    def __init__(self, lang: str, calendar: WorkCalendar, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.calendar = calendar
        self.rows: list[RefundRow] = []
        self._clocks: list[dict] = []
        self.now = dt.datetime.now(dt.UTC)
        # Lazy loading: the view asks for more rows as it scrolls; `load_more(offset)` fetches
        # the next page on the worker and hands it to `append_rows`.
        self.load_more: Callable[[int], None] | None = None
        self.has_more = False
        self._fetching = False

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Form no."),
            self.tr("Order no."),
            self.tr("Mobile"),
            self.tr("Bank"),
            self.tr("Amount"),
            self.tr("Current step"),
            self.tr("Since"),
            self.tr("Time limit"),
            self.tr("Submitted by"),
            self.tr("Clocks"),
        )

    def set_rows(self, rows: list[RefundRow], now: dt.datetime | None = None) -> None:
        self.beginResetModel()
        self.now = now or dt.datetime.now(dt.UTC)
        self.rows = list(rows)
        self._clocks = [row.clocks(self.now, self.calendar) for row in self.rows]
        self.endResetModel()

    def append_rows(self, rows: list[RefundRow], has_more: bool) -> None:
        self._fetching = False
        self.has_more = has_more
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self._clocks.extend(row.clocks(self.now, self.calendar) for row in rows)
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.has_more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self.load_more is not None:
            self._fetching = True
            self.load_more(len(self.rows))

    def tick(self, now: dt.datetime | None = None) -> None:
        """Re-measure the clocks (they move while the rows stay the same)."""
        self.now = now or dt.datetime.now(dt.UTC)
        self._clocks = [row.clocks(self.now, self.calendar) for row in self.rows]
        if self.rows:
            first = self.index(0, RefundColumn.CLOCK)
            last = self.index(len(self.rows) - 1, RefundColumn.CLOCKS)
            self.dataChanged.emit(first, last)

    def current_clock(self, row: int) -> ClockStatus | None:
        return current_clock(self._clocks[row])

    def colour(self, row: int) -> str:
        """ "green" / "amber" / "red", or "none" when no clock runs."""
        status = self.current_clock(row)
        return status.colour if status else "none"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = _COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), row, column)
        if role == SORT_ROLE:
            return self._sort_key(index.row(), row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == RefundColumn.CLOCK:
            return display.CLOCK_BACKGROUNDS.get(self.colour(index.row()))
        if role == Qt.ItemDataRole.ForegroundRole and column == RefundColumn.CLOCK:
            return display.CLOCK_COLOURS.get(self.colour(index.row()))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == RefundColumn.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, i: int, row: RefundRow, column: RefundColumn) -> str:
        if column == RefundColumn.FORM_NO:
            return row.form_no
        if column == RefundColumn.ORDER_NO:
            return row.order_no
        if column == RefundColumn.PHONE:
            return row.phone
        if column == RefundColumn.BANK:
            return bank_label(row.bank).get(self.lang)
        if column == RefundColumn.AMOUNT:
            return display.yuan(row.amount)
        if column == RefundColumn.STATE:
            text = row.state.label.get(self.lang)
            return text + (self.tr(" (president asked)") if row.president_pending else "")
        if column == RefundColumn.SINCE:
            return display.local_minute(row.state_since)
        if column == RefundColumn.CLOCK:
            return display.clock_text(self.current_clock(i), self.lang)
        if column == RefundColumn.SUBMITTER:
            return row.submitted_by
        return display.clock_summary(self._clocks[i], self.lang)

    def _sort_key(self, i: int, row: RefundRow, column: RefundColumn):
        if column == RefundColumn.AMOUNT:
            return to_fen(row.amount)
        if column == RefundColumn.SINCE:
            return row.state_since.isoformat()
        if column == RefundColumn.CLOCK:
            status = self.current_clock(i)
            return status.due_at.isoformat() if status and status.due_at else "9999"
        return self._text(i, row, column)


class StepColumn(IntEnum):
    TIME = 0
    STEP = 1
    BLOCK = 2
    OPINION = 3
    EXECUTOR = 4
    LEADER = 5


class StepTableModel(QAbstractTableModel):
    """The step history under the refund form: every opinion, who wrote it, when, and the
    approving leader."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.steps: list[StepView] = []

    def set_steps(self, steps) -> None:
        self.beginResetModel()
        self.steps = list(steps)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Step"),
            self.tr("Department"),
            self.tr("Opinion / reason"),
            self.tr("Executor"),
            self.tr("Leader's approval"),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(StepColumn)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        step = self.steps[index.row()]
        column = StepColumn(index.column())
        if column == StepColumn.TIME:
            return display.local_minute(step.executed_at)
        if column == StepColumn.STEP:
            text = step.action.label.get(self.lang)
            if step.from_state != step.to_state:
                text += " → " + step.to_state.label.get(self.lang)
            return text
        if column == StepColumn.BLOCK:
            return step.block.label.get(self.lang) if step.block else ""
        if column == StepColumn.OPINION:
            return "\n".join(t for t in (step.opinion, step.reason) if t)
        if column == StepColumn.EXECUTOR:
            return step.executor
        return step.leader
