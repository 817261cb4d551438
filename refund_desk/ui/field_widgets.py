"""The refund form's fields on screen: a label, an input and an error line for each field of
`domain.refund_fields`, made from that table into the form's two columns; reading and filling
them, and checking each one as it is typed with the store's own check
(`validation.check_field`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..domain import refund_fields, validation
from ..domain.errors import FormErrors, RefundDeskError, Text
from ..domain.refund_fields import Field, Kind, Screen
from ..domain.validation import FormRules
from ..store.queries import RefundView
from .choice_box import ChoiceBox

FIELDS = tuple(f.name for f in refund_fields.ON_SCREEN)
ERROR_STYLE = "color: #b00020;"
TEXT_HEIGHT = 70  # a free text's box: four lines, the form must fit a 768-pixel screen
ROW_GAP = 3  # between a field and its error line, and that line and the next field


def _input(field: Field, parent: QWidget) -> QWidget:
    if field.kind == Kind.CHOICE:
        return ChoiceBox(parent)
    if field.kind == Kind.TEXT:
        box = QPlainTextEdit(parent)
        box.setTabChangesFocus(True)  # Tab goes on to the next field, as everywhere on the form
        box.setMaximumHeight(TEXT_HEIGHT)
        return box
    line = QLineEdit(parent)
    if field.example:
        line.setPlaceholderText(field.example)
    return line


class RefundFields(QObject):
    """The form's field widgets by field name (also set on `form` as `form.<name>`, with
    `form.<name>Label` and `form.<name>Error`), in the order and columns the table gives."""

    edited = Signal(str)  # a field name, after the person changed it

    def __init__(self, form, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.form = form
        self.lang = lang
        self.rules = FormRules()
        self.touched: set[str] = set()
        self._loading = False
        grids: dict[Screen, QGridLayout] = {
            Screen.LEFT: form.leftFields,
            Screen.RIGHT: form.rightFields,
        }
        for grid in grids.values():
            grid.setVerticalSpacing(ROW_GAP)  # each field is two rows: 768 pixels are few
        owner = form.leftFields.parentWidget()
        previous: QWidget | None = None
        for field in refund_fields.ON_SCREEN:
            grid = grids[field.screen]
            row = grid.rowCount() if grid.count() else 0
            label = QLabel(field.screen_label(lang), owner)
            widget = _input(field, owner)
            error = QLabel("", owner)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            label.setBuddy(widget)
            for suffix, w in (("", widget), ("Label", label), ("Error", error)):
                w.setObjectName(field.name + suffix)
                setattr(form, field.name + suffix, w)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
            grid.addWidget(error, row + 1, 1)
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda *_, n=field.name: self._changed(n))
            else:
                widget.textChanged.connect(lambda *_, n=field.name: self._changed(n))
        if previous is not None:
            QWidget.setTabOrder(previous, form.previewButton)
        for field in refund_fields.ON_SCREEN:
            if field.options:  # a fixed list; the office's own lists come from the store
                self.set_choices(field.name, list(field.options))
        self.clear()  # a new form starts with each field's default

    def widget(self, name: str) -> QWidget:
        return getattr(self.form, name)

    def error_label(self, name: str) -> QLabel:
        return getattr(self.form, name + "Error")

    def set_choices(self, name: str, choices: list[tuple[str, Text]]) -> None:
        combo: ChoiceBox = self.widget(name)
        current = combo.currentData()
        self._loading = True
        combo.clear()
        combo.add_choice("", Text("", ""), self.lang)
        for code, label in choices:
            combo.add_choice(code, label, self.lang)
        self._select(combo, current or "")
        self._loading = False

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        i = combo.findData(code)
        if i < 0 and code:
            combo.addItem(code, code)  # a category since retired: still shown
            i = combo.count() - 1
        combo.setCurrentIndex(max(i, 0))

    def value(self, name: str) -> str:
        widget = self.widget(name)
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def values(self) -> dict[str, str]:
        return {name: self.value(name) for name in FIELDS}

    def clear(self) -> None:
        self._fill({f.name: f.default for f in refund_fields.ON_SCREEN})

    def show_refund(self, view: RefundView) -> None:
        self._fill(
            {
                f.name: refund_fields.as_typed(f, view.values.get(f.name))
                for f in refund_fields.ON_SCREEN
            }
        )

    def restore(self, values: dict[str, str]) -> None:
        """Fill in what was typed before (a kept draft), each field checked as if typed."""
        self._fill({name: values[name] for name in FIELDS if name in values})
        for name in FIELDS:
            if name in values and values[name] != "":
                self.touched.add(name)
                self.check(name)

    def _fill(self, values: dict[str, str]) -> None:
        self._loading = True
        try:
            for name, value in values.items():
                widget = self.widget(name)
                if isinstance(widget, QComboBox):
                    self._select(widget, value)
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value)
                else:
                    widget.setText(value)
            self.touched.clear()
            for name in FIELDS:
                self.error_label(name).setText("")
            self._asked()
        finally:
            self._loading = False

    def set_editable(self, editable: bool) -> None:
        for name in FIELDS:
            widget = self.widget(name)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)

    def _asked(self) -> None:
        """A field asked for only when another has a value (the bank's name for "other")."""
        for field in refund_fields.ON_SCREEN:
            if field.required_with is not None:
                source, value = field.required_with
                self.widget(field.name).setEnabled(self.value(source) == value)

    def _changed(self, name: str) -> None:
        if any(f.required_with and f.required_with[0] == name for f in refund_fields.ON_SCREEN):
            self._asked()
        if self._loading:
            return
        self.touched.add(name)
        self.check(name)
        self.edited.emit(name)

    def check(self, name: str) -> RefundDeskError | None:
        """Check one field now and show its sentence beside it (or clear it)."""
        now = dt.datetime.now(dt.UTC)
        field = refund_fields.BY_NAME[name]
        try:
            validation.check_field(field, self.value(name), now, self.rules, self.values())
        except RefundDeskError as e:
            self.error_label(name).setText(e.text())
            return e
        self.error_label(name).setText("")
        return None

    def check_all(self, now: dt.datetime) -> dict | None:
        """The whole form, as the store will check it: returns the data, or shows every
        wrong field's sentence and returns None."""
        data = self.values()
        try:
            validation.refund_form(data, now, self.rules)
        except FormErrors as e:
            self.show_errors(e)
            return None
        for name in FIELDS:
            self.error_label(name).setText("")
        return data

    def show_errors(self, error: RefundDeskError) -> None:
        found = error.by_field() if isinstance(error, FormErrors) else {error.field: error}
        for name in FIELDS:
            e = found.get(name)
            self.error_label(name).setText(e.text() if e else "")
        first = next((n for n in FIELDS if n in found), None)
        if first:
            self.widget(first).setFocus()
