"""Asks for what a workflow step needs: the opinion (cause and solution), the reason for a
send-back or cancel, and the approving leader."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ..domain import validation
from ..domain.errors import RefundDeskError, Text
from ..domain.workflow import Action, Transition
from .forms.action_dialog import Ui_ActionDialog


def needs_dialog(t: Transition) -> bool:
    return t.opinion or t.reason or t.block is not None or t.action == Action.SEND_BACK


def action_title(t: Transition, lang: str) -> str:
    text = t.action.label.get(lang)
    if t.action == Action.SEND_BACK and t.target is not None:
        return f"{text} → {t.target.label.get(lang)}"
    return text


class ActionDialog(QDialog):
    def __init__(
        self,
        t: Transition,
        form_no: str,
        lang: str,
        reasons: list[tuple[str, Text]] = (),
        parent: QWidget | None = None,
        summary: str | None = None,
        ask_leader: bool = True,
    ):
        super().__init__(parent)
        self.form = Ui_ActionDialog()
        self.form.setupUi(self)
        self.transition = t
        title = action_title(t, lang)
        self.setWindowTitle(title)
        self.form.summary.setText(summary or f"{form_no}：{title}")
        wants_opinion = t.opinion or t.block is not None
        wants_reason = t.reason or t.action == Action.SEND_BACK
        for widget in (self.form.opinion, self.form.opinionLabel):
            widget.setVisible(wants_opinion)
        for widget in (self.form.reason, self.form.reasonLabel):
            widget.setVisible(wants_reason)
        for widget in (self.form.leader, self.form.leaderLabel):
            widget.setVisible(ask_leader and t.block is not None)
        self.form.reason.addItem("")
        for _code, label in reasons:
            self.form.reason.addItem(label.get(lang))
        self.form.buttons.accepted.connect(self.try_accept)
        self.form.buttons.rejected.connect(self.reject)
        (self.form.opinion if wants_opinion else self.form.reason).setFocus()

    def opinion(self) -> str:
        return self.form.opinion.toPlainText().strip()

    def reason(self) -> str:
        return self.form.reason.currentText().strip()

    def leader(self) -> str:
        return self.form.leader.text().strip()

    def try_accept(self) -> None:
        try:
            if self.transition.opinion:
                validation.opinion(self.opinion())
            if self.transition.reason:
                validation.reason(self.reason())
        except RefundDeskError as e:
            self.form.error.setText(e.text())
            return
        self.accept()
