"""One dialog for the three changes made to an account with a form: a new user (name,
display name, roles, first password twice), its roles, or a new password (twice). The service
does every check; each refusal appears beside the field it names, in the service's own
sentence. The dialog stays open while the worker runs and closes only when the change is made."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QWidget

from ...domain.errors import RefundDeskError, ValidationError
from ...domain.roles import Role
from ...store import users
from ..context import AppContext
from ..forms.user_dialog import Ui_UserDialog
from .jobs import UserRow

ROLE_COLUMNS = 3
MIN_WIDTH = 480  # room for a sentence beside a field without wrapping every word


class Mode(Enum):
    ADD = "add"
    ROLES = "roles"
    PASSWORD = "password"


class UserDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        mode: Mode,
        user: UserRow | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.user = user
        self.form = Ui_UserDialog()
        self.form.setupUi(self)
        f = self.form
        self.role_boxes: dict[Role, QCheckBox] = {}
        for i, role in enumerate(Role):
            box = QCheckBox(role.label.get(ctx.lang), f.roles)
            box.setChecked(user is not None and role in user.roles)
            f.rolesGrid.addWidget(box, i // ROLE_COLUMNS, i % ROLE_COLUMNS)
            self.role_boxes[role] = box
        # field: (its widgets, its error label)
        self.fields = {
            "username": ((f.usernameLabel, f.username), f.usernameError),
            "display_name": ((f.displayNameLabel, f.displayName), f.displayNameError),
            "roles": ((f.rolesLabel, f.roles), f.rolesError),
            "password": ((f.passwordLabel, f.password), f.passwordError),
            "again": ((f.againLabel, f.again), f.againError),
        }
        self.shown = {
            Mode.ADD: {"username", "display_name", "roles", "password", "again"},
            Mode.ROLES: {"roles"},
            Mode.PASSWORD: {"password", "again"},
        }[mode]
        for name, (widgets, _error) in self.fields.items():
            for widget in widgets:
                widget.setVisible(name in self.shown)
        self._texts()
        f.buttons.accepted.connect(self.save)
        f.buttons.rejected.connect(self.reject)
        self.show_errors({})
        self.adjustSize()
        self.resize(max(self.width(), MIN_WIDTH), self.height())

    def _texts(self) -> None:
        f, user = self.form, self.user
        who = f"{user.username}（{user.display_name}）" if user else ""
        if self.mode is Mode.ADD:
            self.setWindowTitle(self.tr("Add user"))
            f.intro.setText(self.tr("The new user logs in with this user name and password."))
            f.username.setFocus()
        elif self.mode is Mode.ROLES:
            self.setWindowTitle(self.tr("Change roles"))
            f.intro.setText(self.tr("Roles of {user}:").format(user=who))
        else:
            self.setWindowTitle(self.tr("Reset password"))
            f.intro.setText(self.tr("A new password for {user}:").format(user=who))
            f.password.setFocus()

    @property
    def ok_button(self):
        return self.form.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def chosen_roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.role_boxes.items() if box.isChecked())

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each sentence beside its field (one without a field at the bottom); the rest cleared."""
        for name, (_widgets, label) in self.fields.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        self.form.error.setText(errors.get("", ""))
        self.form.error.setVisible("" in errors)

    def _check(self) -> dict[str, str]:
        """What needs no database: a role chosen, the password typed the same twice."""
        problems: dict[str, str] = {}
        if self.mode is not Mode.PASSWORD and not self.chosen_roles():
            problems["roles"] = self.tr("Choose at least one role.")
        if self.mode is not Mode.ROLES and self.form.password.text() != self.form.again.text():
            problems["again"] = ValidationError("password_mismatch", field="again").text()
        return problems

    def save(self) -> None:
        problems = self._check()
        self.show_errors(problems)
        if problems:
            return
        f, by = self.form, self.ctx.actor
        if self.mode is Mode.ADD:
            job = (
                users.add_user,
                f.username.text(),
                f.displayName.text(),
                self.chosen_roles(),
                f.password.text(),
                by,
            )
        elif self.mode is Mode.ROLES:
            job = (users.set_roles, self.user.username, self.chosen_roles(), by)
        else:
            job = (users.set_password, self.user.username, f.password.text(), by)
        self.ok_button.setEnabled(False)
        self.ctx.worker.submit(*job, on_done=self._saved, on_error=self._failed)

    def username(self) -> str:
        return self.user.username if self.user else self.form.username.text().strip()

    def _saved(self, _result) -> None:
        self.ok_button.setEnabled(True)
        self.accept()

    def _failed(self, error: RefundDeskError) -> None:
        self.ok_button.setEnabled(True)
        field = error.field if isinstance(error, ValidationError) else None
        self.show_errors({field if field in self.shown else "": error.text()})
