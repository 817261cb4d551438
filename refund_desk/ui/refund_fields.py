"""The refund form's fields: reading and filling them, and checking each one as it is typed
with the same validators the store uses (`domain.validation`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ..domain import validation
from ..domain.errors import FormErrors, RefundDeskError, Text
from ..domain.money import format_yuan
from ..domain.validation import OTHER_BANK, FormRules
from ..store.queries import RefundView
from . import display

TEXT_FIELDS = (
    "order_no",
    "phone",
    "purchase_time",
    "bank_other",
    "amount",
    "contact",
    "fault_description",
    "customer_view",
    "complaint_no",
    "handling_dept",
)
CHOICE_FIELDS = ("bank", "fault_category")
FIELDS = TEXT_FIELDS + CHOICE_FIELDS


def _checker(name: str, rules: FormRules, values: dict) -> Callable[[str], object]:
    now = dt.datetime.now(dt.UTC)
    checks: dict[str, Callable[[str], object]] = {
        "order_no": lambda v: validation.order_no(v, rules.order_no_pattern),
        "phone": validation.phone,
        "purchase_time": lambda v: validation.local_minute(v, now),
        "amount": lambda v: validation.amount(v, rules.amount_ceiling),
        "bank": lambda v: validation.choice(v, rules.banks, "bank", "bank_unknown"),
        "fault_category": lambda v: validation.choice(
            v, rules.fault_categories, "fault_category", "category_unknown"
        ),
        "bank_other": lambda v: validation.text_field(
            v, "bank_other", values.get("bank") == OTHER_BANK
        ),
    }
    return checks.get(name, lambda v: validation.text_field(v, name))


class RefundFields(QObject):
    """Wraps the form's widgets (from `Ui_RefundForm`) by field name."""

    edited = Signal(str)  # a field name, after the person changed it

    def __init__(self, form, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.form = form
        self.lang = lang
        self.rules = FormRules()
        self.touched: set[str] = set()
        self._loading = False
        for name in TEXT_FIELDS:
            widget = self.widget(name)
            signal = (
                widget.textChanged
                if isinstance(widget, QLineEdit | QPlainTextEdit)
                else widget.currentIndexChanged
            )
            signal.connect(lambda *_, n=name: self._changed(n))
        for name in CHOICE_FIELDS:
            self.widget(name).currentIndexChanged.connect(lambda *_, n=name: self._changed(n))

    def widget(self, name: str) -> QWidget:
        return getattr(self.form, name)

    def error_label(self, name: str) -> QLabel:
        return getattr(self.form, name + "Error")

    def set_choices(self, name: str, choices: list[tuple[str, Text]]) -> None:
        combo: QComboBox = self.widget(name)
        current = combo.currentData()
        self._loading = True
        combo.clear()
        combo.addItem("", "")
        for code, label in choices:
            combo.addItem(label.get(self.lang), code)
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
        self._fill({name: "" for name in FIELDS})

    def show_refund(self, view: RefundView) -> None:
        self._fill(
            {
                "order_no": view.order_no,
                "phone": view.phone,
                "purchase_time": display.local_minute(view.purchase_time),
                "bank": view.bank,
                "bank_other": view.bank_other,
                "amount": format_yuan(view.amount, grouping=False),
                "contact": view.contact,
                "fault_category": view.fault_category,
                "fault_description": view.fault_description,
                "customer_view": view.customer_view,
                "complaint_no": view.complaint_no,
                "handling_dept": view.handling_dept,
            }
        )

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
            self._bank_changed()
        finally:
            self._loading = False

    def set_editable(self, editable: bool) -> None:
        for name in FIELDS:
            widget = self.widget(name)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)

    def _bank_changed(self) -> None:
        self.form.bank_other.setEnabled(self.value("bank") == OTHER_BANK)

    def _changed(self, name: str) -> None:
        if name == "bank":
            self._bank_changed()
        if self._loading:
            return
        self.touched.add(name)
        self.check(name)
        self.edited.emit(name)

    def check(self, name: str) -> RefundDeskError | None:
        """Check one field now and show its sentence beside it (or clear it)."""
        try:
            _checker(name, self.rules, self.values())(self.value(name))
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
