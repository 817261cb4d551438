"""The settings page: every setting `domain.office_settings.SETTINGS` declares, its current
value and an edit field; Save stores it through `settings.put`, whose check (the setting's own)
refuses a bad value beside its field. The order-number pattern has an example line: a sample
order number is tried against the pattern being typed, as it is typed."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain import validation
from ...domain.errors import RefundDeskError
from ...domain.office_settings import SETTINGS
from ...store import settings
from ..context import AppContext
from .jobs import load_settings

ORDER_PATTERN = "order_no_pattern"
ERROR_STYLE = "color: #b00020;"
MATCH_STYLE = "color: #2e7d32;"


class SettingRow:
    """The widgets of one setting."""

    def __init__(self, parent: QWidget):
        self.current = QLabel(parent)
        self.edit = QLineEdit(parent)
        self.save = QPushButton(parent)
        self.message = QLabel(parent)
        self.message.setWordWrap(True)


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stored: dict[str, str] = {}
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        layout.addLayout(grid)
        for column, text in enumerate(
            (self.tr("Setting"), self.tr("Current value"), self.tr("New value"))
        ):
            heading = QLabel(f"<b>{text}</b>", self)
            grid.addWidget(heading, 0, column)
        self.rows: dict[str, SettingRow] = {}
        line = 1
        for key, spec in SETTINGS.items():
            row = SettingRow(self)
            label = QLabel(spec.label.get(ctx.lang), self)
            label.setBuddy(row.edit)
            label.setToolTip(key)
            row.save.setText(self.tr("Save"))
            row.save.clicked.connect(lambda _=False, k=key: self.save(k))
            row.edit.returnPressed.connect(lambda k=key: self.save(k))
            grid.addWidget(label, line, 0)
            grid.addWidget(row.current, line, 1)
            grid.addWidget(row.edit, line, 2)
            grid.addWidget(row.save, line, 3)
            grid.addWidget(row.message, line + 1, 2, 1, 2)
            line += 2
            if key == ORDER_PATTERN:
                line = self._example_line(grid, line, row)
            self.rows[key] = row
        grid.setColumnStretch(2, 1)
        layout.addStretch(1)

    def _example_line(self, grid: QGridLayout, line: int, pattern: SettingRow) -> int:
        self.sample = QLineEdit(self)
        self.sample.setPlaceholderText(self.tr("e.g. TK20261127001"))
        label = QLabel(self.tr("Try an order number"), self)
        label.setBuddy(self.sample)
        self.example = QLabel(self)
        self.example.setWordWrap(True)
        grid.addWidget(label, line, 1)
        grid.addWidget(self.sample, line, 2)
        grid.addWidget(self.example, line + 1, 2, 1, 2)
        self.sample.textChanged.connect(self.try_example)
        pattern.edit.textChanged.connect(self.try_example)
        return line + 2

    def try_example(self, _text: str = "") -> None:
        """Whether the sample order number passes the pattern in the edit field (the check the
        refund form runs, with the pattern as typed, not yet saved)."""
        sample = self.sample.text()
        pattern = self.rows[ORDER_PATTERN].edit.text().strip()
        if not sample.strip():
            self.example.setText("")
            return
        try:
            value = validation.order_no(sample, pattern)
        except re.error:
            text, style = self.tr("The pattern is not a valid regular expression."), ERROR_STYLE
        except RefundDeskError:
            text, style = self.tr("“{sample}” does not match the pattern."), ERROR_STYLE
        else:
            text, style = self.tr("“{sample}” matches the pattern."), MATCH_STYLE
            sample = value
        self.example.setStyleSheet(style)
        self.example.setText(text.format(sample=sample.strip()))

    def refresh(self) -> None:
        self.ctx.worker.submit(load_settings, on_done=self._loaded, on_error=self._failed_load)

    def _loaded(self, stored: dict[str, str]) -> None:
        self.stored = stored
        for key, row in self.rows.items():
            shown = SETTINGS[key].show(stored[key]) if stored.get(key) else ""
            row.current.setText(shown or self.tr("(not set)"))
            row.edit.setText(shown)
        self.try_example()

    def _failed_load(self, error: RefundDeskError) -> None:
        first = next(iter(self.rows.values()))
        self._say(first, error.text(), ERROR_STYLE)

    def save(self, key: str) -> None:
        row = self.rows[key]
        self._say(row, self.tr("Saving…"), "")
        row.save.setEnabled(False)
        self.ctx.worker.submit(
            settings.put,
            key,
            row.edit.text(),
            self.ctx.actor,
            on_done=lambda stored, k=key: self._saved(k, stored),
            on_error=lambda error, k=key: self._refused(k, error),
        )

    def _saved(self, key: str, stored: str) -> None:
        row = self.rows[key]
        row.save.setEnabled(True)
        shown = SETTINGS[key].show(stored)
        self.stored[key] = stored
        row.current.setText(shown)
        row.edit.setText(shown)
        self._say(row, self.tr("Saved."), MATCH_STYLE)

    def _refused(self, key: str, error: RefundDeskError) -> None:
        row = self.rows[key]
        row.save.setEnabled(True)
        self._say(row, error.text(), ERROR_STYLE)
        row.edit.setFocus()

    @staticmethod
    def _say(row: SettingRow, text: str, style: str) -> None:
        row.message.setStyleSheet(style)
        row.message.setText(text)
