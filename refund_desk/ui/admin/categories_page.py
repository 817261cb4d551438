"""The fault categories page: the list the refund form offers, a new category, or a new name
for one, through `settings.add_fault_category` (audited as the command line's `category add`)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import RefundDeskError, Text, ValidationError
from ...store import settings
from ..context import AppContext
from .jobs import load_categories

ERROR_STYLE = "color: #b00020;"


class CategoriesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.categories: list[tuple[str, Text]] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Chinese name"), self.tr("English name")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._picked)
        layout.addWidget(self.table)
        fields = QFormLayout()
        self.code, self.label_zh, self.label_en = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.errors: dict[str, QLabel] = {}
        for name, label, edit in (
            ("code", self.tr("Code (lower-case letters, digits, _)"), self.code),
            ("label", self.tr("Chinese name"), self.label_zh),
            ("label_en", self.tr("English name (optional)"), self.label_en),
        ):
            fields.addRow(label, edit)
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setVisible(False)
            fields.addRow("", error)
            self.errors[name] = error
        layout.addLayout(fields)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add category"), self)
        self.rename_button = QPushButton(self.tr("Rename selected"), self)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self._picked()

    def refresh(self) -> None:
        self.ctx.worker.submit(load_categories, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, categories: list[tuple[str, Text]]) -> None:
        self.categories = categories
        self.table.setRowCount(len(categories))
        for i, (code, label) in enumerate(categories):
            for column, text in enumerate((code, label.zh, label.en)):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self._picked()

    def selected(self) -> str | None:
        row = self.table.currentRow()
        chosen = self.table.selectionModel().hasSelection()
        return self.categories[row][0] if chosen and 0 <= row < len(self.categories) else None

    def _picked(self) -> None:
        code = self.selected()
        self.rename_button.setEnabled(code is not None)
        if code is not None:
            label = dict(self.categories)[code]
            self.code.setText(code)
            self.label_zh.setText(label.zh)
            self.label_en.setText(label.en)

    def add(self) -> None:
        code = self.code.text().strip()
        if code in dict(self.categories):
            self._show_error("code", self.tr("This code is in the list already: rename it."))
            return
        self._save(code, self.tr("Fault category {name} added."))

    def rename(self) -> None:
        code = self.selected()
        if code is not None:
            self._save(code, self.tr("Fault category {code} renamed to {name}."))

    def _save(self, code: str, done: str) -> None:
        self._show_error("", "")
        zh, en = self.label_zh.text(), self.label_en.text()
        self.notice.setText(self.tr("Saving…"))
        self.ctx.worker.submit(
            settings.add_fault_category,
            code,
            zh,
            en,
            self.ctx.actor,
            on_done=lambda _r: self._saved(done.format(code=code, name=zh.strip())),
            on_error=self._failed,
        )

    def _saved(self, text: str) -> None:
        self.notice.setStyleSheet("")
        self.notice.setText(text)
        self.refresh()

    def _failed(self, error: RefundDeskError) -> None:
        field = error.field if isinstance(error, ValidationError) else ""
        self.notice.setText("")
        self._show_error(field if field in self.errors else "", error.text())

    def _show_error(self, field: str, text: str) -> None:
        for name, label in self.errors.items():
            label.setText(text if name == field else "")
            label.setVisible(name == field and bool(text))
        if field not in self.errors:
            self.notice.setStyleSheet(ERROR_STYLE)
            self.notice.setText(text)
