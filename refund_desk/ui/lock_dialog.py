"""The lock over an idle window: the same person's password opens it again with everything as
it was; someone else logs out (switch user). Checked on the worker, as the log-in is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..domain.errors import AuthError, RefundDeskError
from ..store.actors import Actor
from .worker import Worker

ERROR_STYLE = "color: #b00020;"


class LockDialog(QDialog):
    """`accepted` when the password was right; `switch_user` when someone else takes over."""

    switch_user = Signal()

    def __init__(
        self,
        worker: Worker,
        actor: Actor,
        check: Callable[[str, str], Any],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.worker = worker
        self.actor = actor
        self.check = check
        self.setWindowTitle(self.tr("Refund Desk is locked"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.explain = QLabel(
            self.tr(
                "Locked after a time without use. {name} ({username}): type your password to "
                "go on where you left off."
            ).format(name=actor.display_name, username=actor.username),
            self,
        )
        self.explain.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        label = QLabel(self.tr("&Password:"), self)
        label.setBuddy(self.password)
        self.error = QLabel("", self)
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Switch user…"), self)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(self._switch)
        grid = QGridLayout(self)
        grid.addWidget(self.explain, 0, 0, 1, 2)
        grid.addWidget(label, 1, 0)
        grid.addWidget(self.password, 1, 1)
        grid.addWidget(self.error, 2, 1)
        grid.addWidget(self.buttons, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.setMinimumWidth(420)
        self.password.setFocus()

    def reject(self) -> None:
        """Esc or the title bar's close does not open a locked window."""

    def try_unlock(self) -> None:
        if not self.password.text():
            self.error.setText(self.tr("Type your password."))
            self.password.setFocus()
            return
        self.unlock_button.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        self.worker.submit(
            self.check,
            self.actor.username,
            self.password.text(),
            on_done=self._unlocked,
            on_error=self._refused,
        )

    def _unlocked(self, _result: Any) -> None:
        self.unlock_button.setEnabled(True)
        self.accept()

    def _refused(self, error: RefundDeskError) -> None:
        self.unlock_button.setEnabled(True)
        if isinstance(error, AuthError) and error.code == "bad_login":
            self.error.setText(self.tr("The password is wrong."))
        else:
            self.error.setText(error.text())
        self.password.selectAll()
        self.password.setFocus()

    def _switch(self) -> None:
        self.done(QDialog.DialogCode.Rejected)
        self.switch_user.emit()
