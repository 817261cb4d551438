"""The users page: every account with its roles, state, failed log-ins and last log-in; each
button calls the same audited service as `refund-desk user …`, signed by the logged-in
administrator."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableWidgetItem, QWidget

from ...domain.errors import RefundDeskError
from ...domain.roles import Role
from ...store import users
from .. import display
from ..context import AppContext
from ..forms.users_page import Ui_UsersPage
from .jobs import UserRow, UsersData, load_users
from .user_dialog import Mode, UserDialog

FAILED = QColor("#b00020")


class UserColumn(IntEnum):
    USERNAME = 0
    DISPLAY_NAME = 1
    ROLES = 2
    STATE = 3
    LOGINS = 4
    LAST_LOGIN = 5


class UsersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = Ui_UsersPage()
        self.form.setupUi(self)
        self.rows: list[UserRow] = []
        self.dialog: UserDialog | None = None
        self.confirm_box: QMessageBox | None = None
        table = self.form.users
        table.setColumnCount(len(UserColumn))
        table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Display name"),
                self.tr("Roles"),
                self.tr("State"),
                self.tr("Failed log-ins (24 h)"),
                self.tr("Last log-in"),
            ]
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(UserColumn.ROLES, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(lambda _index: self.change_roles())
        f = self.form
        f.addButton.clicked.connect(self.add_user)
        f.rolesButton.clicked.connect(self.change_roles)
        f.activeButton.clicked.connect(self.toggle_active)
        f.passwordButton.clicked.connect(self.reset_password)
        f.unlockButton.clicked.connect(self.unlock)
        f.refreshButton.clicked.connect(self.refresh)
        self._selection_changed()

    # --- the list ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.worker.submit(load_users, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, data: UsersData) -> None:
        selected = self.selected()
        self.rows = data.users
        table = self.form.users
        table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            for column, text in enumerate(self._cells(row)):
                item = QTableWidgetItem(text)
                if column == UserColumn.LOGINS and row.failures:
                    item.setForeground(FAILED)
                if column == UserColumn.STATE and not row.active:
                    item.setForeground(QColor("#777777"))
                table.setItem(i, column, item)
            if selected and row.username == selected.username:
                table.selectRow(i)
        names = ", ".join(f"{a.name} ({a.failures})" for a in data.strangers)
        self.form.alerts.setText(
            self.tr(
                "Failed log-ins in the last 24 hours under names that are no user: {names}"
            ).format(names=names)
            if names
            else ""
        )
        self._selection_changed()

    def _cells(self, row: UserRow) -> list[str]:
        roles = "、" if self.ctx.lang == "zh" else ", "
        return [
            row.username,
            row.display_name,
            roles.join(r.label.get(self.ctx.lang) for r in Role if r in row.roles),
            self.tr("active") if row.active else self.tr("disabled"),
            self.tr("{n}: log-in held back (Unlock clears it)").format(n=row.failures)
            if row.failures
            else "",
            display.local_minute(row.last_login_at) or self.tr("never"),
        ]

    def selected(self) -> UserRow | None:
        index = self.form.users.currentRow()
        chosen = self.form.users.selectionModel().hasSelection()
        return self.rows[index] if chosen and 0 <= index < len(self.rows) else None

    def select(self, username: str) -> None:
        for i, row in enumerate(self.rows):
            if row.username == username:
                self.form.users.selectRow(i)

    def _selection_changed(self) -> None:
        user = self.selected()
        f = self.form
        for button in (f.rolesButton, f.activeButton, f.passwordButton, f.unlockButton):
            button.setEnabled(user is not None)
        f.activeButton.setText(
            self.tr("Enable") if user is not None and not user.active else self.tr("Disable")
        )

    # --- the actions ---------------------------------------------------------------------
    def add_user(self) -> None:
        self._open(Mode.ADD, None, self.tr("User {name} added."))

    def change_roles(self) -> None:
        if user := self.selected():
            self._open(Mode.ROLES, user, self.tr("Roles of {name} changed."))

    def reset_password(self) -> None:
        if user := self.selected():
            self._open(Mode.PASSWORD, user, self.tr("Password of {name} changed."))

    def _open(self, mode: Mode, user: UserRow | None, done: str) -> None:
        self.form.notice.setText("")
        dialog = UserDialog(self.ctx, mode, user, self)
        dialog.accepted.connect(lambda: self._done(done.format(name=dialog.username())))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        who = f"{user.username}（{user.display_name}）"
        if user.active:
            question = self.tr("Disable the user {user}? They can no longer log in.")
            done = self.tr("User {name} disabled.")
        else:
            question = self.tr("Enable the user {user} again? They can log in again.")
            done = self.tr("User {name} enabled.")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.form.activeButton.text(),
            question.format(user=who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes = QMessageBox.StandardButton.Yes
        box.finished.connect(
            lambda _result: (
                box.standardButton(box.clickedButton()) == yes
                and self._run(
                    users.set_active,
                    user.username,
                    not user.active,
                    done.format(name=user.username),
                )
            )
        )
        self.confirm_box = box
        box.open()

    def unlock(self) -> None:
        if user := self.selected():
            self._run(
                users.unlock,
                user.username,
                self.tr("Failed log-ins of {name} cleared.").format(name=user.username),
            )

    def _run(self, service, *args) -> None:
        *values, done = args
        self.form.notice.setText(self.tr("Working…"))
        self.ctx.worker.submit(
            service,
            *values,
            self.ctx.actor,
            on_done=lambda _result: self._done(done),
            on_error=self._failed,
        )

    def _done(self, text: str) -> None:
        self.form.notice.setStyleSheet("")
        self.form.notice.setText(text)
        self.refresh()

    def _failed(self, error: RefundDeskError) -> None:
        self.form.notice.setStyleSheet("color: #b00020;")
        self.form.notice.setText(error.text())
