"""One of the two monthly tables (客服 / 财务退单统计表) with its lifecycle: the state and due
date, the steps this person may take now (the domain decides, the buttons follow), and the
table itself as a report view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QPushButton, QWidget

from ...domain.report_flow import ReportAction, ReportKind, ReportState
from ...domain.sla import OFFICE_TZ
from ...reports.report import ReportResult, ReportSpec
from ...store.monthly_reports import ReportStatus
from ..context import AppContext
from ..forms.month_table_panel import Ui_MonthTablePanel
from .view import Busy, ReportView

LATE = "color: #c62828; font-weight: bold;"


def due_text(status: ReportStatus, today: dt.date) -> str:
    """The due date with a countdown, or when it was submitted and whether late."""
    due = status.due.isoformat()
    if status.submitted_at is not None:
        when = status.submitted_at.astimezone(OFFICE_TZ).date().isoformat()
        if status.late:
            text = QCoreApplication.translate(
                "MonthTablePanel", "Submitted {when}, late (due {due})"
            )
        else:
            text = QCoreApplication.translate("MonthTablePanel", "Submitted {when} (due {due})")
        return text.format(when=when, due=due)
    days = status.days_left(today)
    if days > 0:
        return QCoreApplication.translate("MonthTablePanel", "Due {due}: {n} days left").format(
            due=due, n=days
        )
    if days == 0:
        return QCoreApplication.translate("MonthTablePanel", "Due today ({due})").format(due=due)
    return QCoreApplication.translate("MonthTablePanel", "Overdue since {due} ({n} days)").format(
        due=due, n=-days
    )


class MonthTablePanel(QGroupBox):
    def __init__(
        self,
        spec: ReportSpec,
        ctx: AppContext,
        busy: Busy,
        take_step: Callable[[ReportKind, ReportAction], None],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.kind, self.ctx = ReportKind(spec.name), ctx
        self.form = Ui_MonthTablePanel()
        self.form.setupUi(self)
        self.status: ReportStatus | None = None
        self.view = ReportView(spec, ctx, busy, self)
        self.form.viewLayout.addWidget(self.view)
        self.buttons: dict[str, QPushButton] = {}
        for step in ReportAction:
            button = QPushButton(step.label.get(ctx.lang), self)
            button.clicked.connect(lambda _=False, s=step: take_step(self.kind, s))
            button.setEnabled(False)
            self.view.form.params.addWidget(button)  # one row with the exports
            self.buttons[step] = button
        self.buttons |= self.view.buttons

    def show_month(self, result: ReportResult, status: ReportStatus) -> None:
        lang = self.ctx.lang
        self.status = status
        number = next((f.value for f in result.figures if f.name == "number"), "")
        self.setTitle(f"{self.kind.title.get(lang)}  {result.caption}  {number}")
        self.view.show_result(result)
        self.form.stateLabel.setText(
            self.tr("State: {state} (version {v})").format(
                state=status.label.get(lang), v=status.version
            )
        )
        self.form.dueLabel.setText(due_text(status, dt.datetime.now(OFFICE_TZ).date()))
        late = status.late and status.state != ReportState.ARCHIVED
        self.form.dueLabel.setStyleSheet(LATE if late else "")
        allowed = status.allowed(self.ctx.actor)  # the rules decide; the buttons follow
        for step in ReportAction:
            self.buttons[step].setEnabled(step in allowed)
