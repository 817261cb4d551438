"""First run: which refund database this PC uses. Three choices, as the README gives them:
the embedded default in this PC's local data folder (made with its first system administrator
when it is not there yet), the office's database on the shared drive (or a PostgreSQL URL),
or a new database on the shared drive. The worker does the opening, so a slow or missing share
cannot freeze the dialog; each error stays in the dialog, beside the field it is about."""

from __future__ import annotations

import os
from enum import Enum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QWidget

from ..domain.errors import RefundDeskError, ValidationError
from ..domain.validation import password as check_password
from ..store import session, users
from ..store.db import Location
from .forms.database_dialog import Ui_DatabaseDialog
from .worker import Worker

ALREADY_THERE = "already-there"


class Choice(Enum):
    LOCAL = "local"  # the embedded default on this PC
    OPEN = "open"  # an existing database on the shared drive, or PostgreSQL
    CREATE = "create"  # a new database on the shared drive


def open_or_create(
    path: str, create: bool, name: str, display: str, password: str, local: bool = False
) -> Location | str:
    """Runs on the worker: bind the store, and for a new database add its first sysadmin.
    Returns ALREADY_THERE instead when asked to create where a database already is. Only the
    embedded default (`local`) gets its folder made: a missing folder on the share means the
    share is not connected."""
    if create and "://" not in path and os.path.exists(path):
        return ALREADY_THERE
    if create and local:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    location = session.open_store(path, create=create)
    if create:
        users.create_first_sysadmin(name, display or name, password, "first-run")
    return location


class DatabaseDialog(QDialog):
    def __init__(self, worker: Worker, default: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = Ui_DatabaseDialog()
        self.form.setupUi(self)
        self.worker = worker
        self.default = default
        self.location: Location | None = None
        # The data folder is on this PC's own disk, never the share: cheap to look at here.
        self.default_exists = os.path.exists(default)
        self.form.localPath.setText(
            (self.tr("{path} (there: it is opened)") if self.default_exists else
             self.tr("{path} (not there yet: it is made)")).format(path=default)
        )  # fmt: skip
        f = self.form
        self.fields: dict[str, tuple[QLineEdit, QLabel]] = {  # field: (input, its error)
            "path": (f.path, f.pathError),
            "username": (f.adminName, f.adminNameError),
            "display_name": (f.adminDisplay, f.adminDisplayError),
            "password": (f.adminPassword, f.adminPasswordError),
            "again": (f.adminAgain, f.adminAgainError),
        }
        for button in (self.form.useLocal, self.form.openExisting, self.form.createNew):
            button.toggled.connect(self._choice_changed)
        self.form.browse.clicked.connect(self._browse)
        self.form.buttons.accepted.connect(self.try_open)
        self.form.buttons.rejected.connect(self.reject)
        self._choice_changed()

    @property
    def ok_button(self):
        return self.form.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def choice(self) -> Choice:
        if self.form.useLocal.isChecked():
            return Choice.LOCAL
        return Choice.CREATE if self.form.createNew.isChecked() else Choice.OPEN

    def creates(self) -> bool:
        """Whether OK makes a new database (and so needs its first administrator)."""
        choice = self.choice()
        return choice is Choice.CREATE or (choice is Choice.LOCAL and not self.default_exists)

    def _choice_changed(self, _checked: bool = True) -> None:
        local = self.choice() is Choice.LOCAL
        for widget in (self.form.pathLabel, self.form.path, self.form.browse):
            widget.setEnabled(not local)
        self.form.adminBox.setEnabled(self.creates())
        self.show_errors({})

    def _browse(self) -> None:
        pattern = self.tr("Refund database (*.db);;All files (*)")
        if self.choice() is Choice.CREATE:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), "", pattern)
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), "", pattern)
        if path:
            self.form.path.setText(path)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each sentence beside its field; every other field's sentence cleared."""
        for field, (_input, label) in self.fields.items():
            label.setText(errors.get(field, ""))
            label.setVisible(field in errors)

    def _check(self) -> dict[str, str]:
        """The checks that need no database, all at once."""
        problems: dict[str, str] = {}
        if self.choice() is not Choice.LOCAL and not self.form.path.text().strip():
            problems["path"] = self.tr("Give the database file.")
        if not self.creates():
            return problems
        if not self.form.adminName.text().strip():
            problems["username"] = self.tr("Give the administrator's user name.")
        try:
            check_password(self.form.adminPassword.text())
        except RefundDeskError as e:
            problems["password"] = e.text()
        else:
            if self.form.adminPassword.text() != self.form.adminAgain.text():
                problems["again"] = self.tr("The two passwords differ.")
        return problems

    def try_open(self) -> None:
        problems = self._check()
        self.show_errors(problems)
        if problems:
            self.fields[next(iter(problems))][0].setFocus()
            return
        path = self.default if self.choice() is Choice.LOCAL else self.form.path.text().strip()
        self.form.status.setText(self.tr("Opening…"))
        self.ok_button.setEnabled(False)
        self.worker.submit(
            open_or_create,
            path,
            self.creates(),
            self.form.adminName.text().strip(),
            self.form.adminDisplay.text().strip(),
            self.form.adminPassword.text(),
            self.choice() is Choice.LOCAL,
            on_done=self._opened,
            on_error=self._failed,
        )

    def _opened(self, outcome: Location | str) -> None:
        self.ok_button.setEnabled(True)
        self.form.status.setText("")
        if outcome == ALREADY_THERE:
            self.show_errors(
                {"path": self.tr("A database is already there: choose to open it instead.")}
            )
            return
        self.location = outcome  # type: ignore[assignment]
        self.accept()

    def _failed(self, error: RefundDeskError) -> None:
        self.ok_button.setEnabled(True)
        self.form.status.setText("")
        field = error.field if isinstance(error, ValidationError) else None
        self.show_errors({field if field in self.fields else "path": error.text()})
