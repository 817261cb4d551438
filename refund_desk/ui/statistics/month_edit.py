"""The month picker (yyyy-MM) as people use it: Up and Down step the month, across the year's
end; typing starts at the year, so "2026-11" (or "202611") is November 2026."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit

Section = QDateTimeEdit.Section


class MonthEdit(QDateEdit):
    fresh = False  # nothing typed since the picker took the focus: typing starts at the year

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:  # a click picks its own section
            self.setSelectedSection(Section.MonthSection)
        self.fresh = True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text.isprintable():
            if self.fresh and text.isdigit():
                self.setSelectedSection(Section.YearSection)
            self.fresh = False
        super().keyPressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == Section.MonthSection:
            self.setDate(self.date().addMonths(steps))  # December, Up: January of next year
            self.setSelectedSection(Section.MonthSection)
            return
        super().stepBy(steps)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self.currentSection() == Section.MonthSection:
            flags = QAbstractSpinBox.StepEnabledFlag
            return flags.StepUpEnabled | flags.StepDownEnabled
        return super().stepEnabled()
