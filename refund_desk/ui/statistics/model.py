"""One table of a report as a read-only Qt model: its labelled columns, its rows, the 合计 as
the last row. Works for any report (tested without widgets)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...reports.report import Table, cell_text

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ReportTableModel(QAbstractTableModel):
    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.table: Table | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.rows) + (1 if self.table.has_total else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.columns)

    def is_total(self, row: int) -> bool:
        return self.table is not None and row == len(self.table.rows)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if self.table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.columns[section].label.get(self.lang)
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        column = self.table.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.kind.numeric else None
        total = self.is_total(index.row())
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if total else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.table.total_row() if total else self.table.rows[index.row()]
        return cell_text(row[index.column()], column.kind, self.lang)
