"""The login dialog: user name and password, checked on the worker (scrypt takes a moment).
The same dialog signs a sysadmin's upgrade of the database (with its confirmation) and logs in
to a read-only copy (checked without writing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..domain.errors import RefundDeskError
from ..store import devices
from ..store.actors import Actor
from .forms.login_dialog import Ui_LoginDialog
from .worker import Worker


class LoginDialog(QDialog):
    def __init__(
        self,
        worker: Worker,
        location: str,
        hint: str = "",
        parent: QWidget | None = None,
        check: Callable[[str, str], Any] | None = None,
        confirm: str = "",
    ):
        """`check(name, password)` runs on the worker (by default this PC's log-in); with
        `confirm`, a box that must be ticked first (what the person confirms)."""
        super().__init__(parent)
        self.form = Ui_LoginDialog()
        self.form.setupUi(self)
        self.worker = worker
        self.check = check or devices.log_in
        self.actor: Actor | None = None
        self.result_value: Any = None
        self.form.confirm.setText(confirm)
        self.form.confirm.setVisible(bool(confirm))
        self.form.location.setText(self.tr("Database: {where}").format(where=location))
        self.form.hint.setText(hint)
        self.form.hint.setVisible(bool(hint))
        self.form.buttons.accepted.connect(self.try_login)
        self.form.buttons.rejected.connect(self.reject)
        self.form.username.setFocus()

    @property
    def ok_button(self):
        return self.form.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def try_login(self) -> None:
        name = self.form.username.text().strip()
        if not name:
            self.form.error.setText(self.tr("Type your user name."))
            self.form.username.setFocus()
            return
        if self.form.confirm.isVisible() and not self.form.confirm.isChecked():
            self.form.error.setText(self.tr("Tick the box first: it is what you confirm."))
            self.form.confirm.setFocus()
            return
        self.ok_button.setEnabled(False)
        self.form.error.setText(self.tr("Checking…"))
        self.worker.submit(
            self.check,
            name,
            self.form.password.text(),
            on_done=self._logged_in,
            on_error=self._failed,
        )

    def _logged_in(self, result: Any) -> None:
        self.result_value = result
        self.actor = result if isinstance(result, Actor) else None
        self.ok_button.setEnabled(True)
        self.accept()

    def _failed(self, error: RefundDeskError) -> None:
        self.ok_button.setEnabled(True)
        self.form.error.setText(error.text())
        self.form.password.selectAll()
        self.form.password.setFocus()
