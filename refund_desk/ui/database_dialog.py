"""First run: open the refund database on the shared drive, or create one with its first
system administrator. The worker does the opening, so a slow or missing share cannot freeze
the dialog; an error stays in the dialog for another try."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from ..domain.errors import RefundDeskError
from ..domain.validation import password as check_password
from ..store import session, users
from ..store.db import Location
from .forms.database_dialog import Ui_DatabaseDialog
from .worker import Worker


def open_or_create(path: str, create: bool, name: str, display: str, password: str) -> Location:
    """Runs on the worker: bind the store, and for a new database add its first sysadmin."""
    if create and path == session.default_location():
        os.makedirs(os.path.dirname(path), exist_ok=True)  # the embedded default's own folder
    location = session.open_store(path, create=create)
    if create:
        users.create_first_sysadmin(name, display or name, password, "first-run")
    return location


class DatabaseDialog(QDialog):
    def __init__(self, worker: Worker, path: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.form = Ui_DatabaseDialog()
        self.form.setupUi(self)
        self.worker = worker
        self.location: Location | None = None
        self.form.path.setText(path)
        # Nothing there yet (a fresh PC on the embedded default): offer to create it.
        self.form.createNew.setChecked(
            bool(path) and "://" not in path and not os.path.exists(path)
        )
        self.form.createNew.toggled.connect(self._mode_changed)
        self.form.browse.clicked.connect(self._browse)
        self.form.buttons.accepted.connect(self.try_open)
        self.form.buttons.rejected.connect(self.reject)
        self._mode_changed(self.form.createNew.isChecked())

    def _mode_changed(self, create: bool) -> None:
        self.form.adminBox.setEnabled(create)

    def _browse(self) -> None:
        pattern = self.tr("Refund database (*.db);;All files (*)")
        if self.form.createNew.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), "", pattern)
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), "", pattern)
        if path:
            self.form.path.setText(path)
        # Nothing there yet (a fresh PC on the embedded default): offer to create it.
        self.form.createNew.setChecked(
            bool(path) and "://" not in path and not os.path.exists(path)
        )

    def try_open(self) -> None:
        path = self.form.path.text().strip()
        create = self.form.createNew.isChecked()
        if not path:
            self.form.error.setText(self.tr("Give the database file."))
            return
        name = self.form.adminName.text().strip()
        password = self.form.adminPassword.text()
        if create:
            if not name:
                self.form.error.setText(self.tr("Give the administrator's user name."))
                return
            try:
                check_password(password)
            except RefundDeskError as e:
                self.form.error.setText(e.text())
                return
            if password != self.form.adminAgain.text():
                self.form.error.setText(self.tr("The two passwords differ."))
                return
        self.form.error.setText(self.tr("Opening…"))
        self.form.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.worker.submit(
            open_or_create,
            path,
            create,
            name,
            self.form.adminDisplay.text().strip(),
            password,
            on_done=self._opened,
            on_error=self._failed,
        )

    def _opened(self, location: Location) -> None:
        self.location = location
        self.form.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.accept()

    def _failed(self, error: RefundDeskError) -> None:
        self.form.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.form.error.setText(error.text())
