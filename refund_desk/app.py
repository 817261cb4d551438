"""Start-up of the desktop app: language and font, which database, log-in, then the window."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from . import paths
from .domain.errors import RefundDeskError
from .store import session
from .store.db import Location
from .ui import i18n
from .ui.context import AppContext
from .ui.jobs import wait_for
from .ui.login_dialog import LoginDialog
from .ui.main_window import MainWindow
from .ui.worker import Worker


def make_demo(worker: Worker) -> Location:
    """A fresh demo office in a temporary folder, filled on the worker behind a progress box."""
    from .store import demo

    folder = tempfile.mkdtemp(prefix="refund-desk-demo-")
    path = os.path.join(folder, "demo.db")
    progress = QProgressDialog(
        QCoreApplication.translate("App", "Making the demo office…"), "", 0, 0
    )
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.show()
    try:
        location = wait_for(worker, session.open_store, path, create=True)
        wait_for(worker, demo.fill)
    finally:
        progress.close()
    return location


def demo_hint() -> str:
    from .store import demo

    names = ", ".join(name for name, _display, _roles in demo.DEMO_USERS)
    return QCoreApplication.translate(
        "App", "Demo users: {names}. The password of each is {password}."
    ).format(names=names, password=demo.DEMO_PASSWORD)


def choose_database(worker: Worker, spec: str | None) -> Location | None:
    """`--db`, else the remembered choice, else REFUND_DESK_DB, else ask. An unreachable share
    gives a plain message with Retry, not a crash."""
    remembered = str(i18n.settings().value(i18n.DATABASE_KEY, "") or "")
    spec = spec or remembered or os.environ.get(session.ENV_VAR) or None
    if spec is None:
        return choose_database_dialog(worker)
    while True:
        try:
            return wait_for(worker, session.open_store, spec)
        except RefundDeskError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("App", "Refund Desk"),
                error.text(),
            )
            retry = box.addButton(
                QCoreApplication.translate("App", "Retry"), QMessageBox.ButtonRole.AcceptRole
            )
            other = box.addButton(
                QCoreApplication.translate("App", "Choose another database…"),
                QMessageBox.ButtonRole.ActionRole,
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is retry:
                continue
            if box.clickedButton() is other:
                return choose_database_dialog(worker)
            return None


def choose_database_dialog(worker: Worker) -> Location | None:
    from .ui.database_dialog import DatabaseDialog  # first run only: not part of every start-up

    dialog = DatabaseDialog(worker, session.default_location())
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.location is None:
        return None
    i18n.settings().setValue(i18n.DATABASE_KEY, dialog.location.target)
    return dialog.location


def main(args: argparse.Namespace) -> int:
    """`refund-desk` with no command: open the desktop app. Returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(i18n.ORGANISATION)
    app.setApplicationName(i18n.APPLICATION)
    app.setWindowIcon(QIcon(str(paths.resource_file(paths.APP_ICON))))
    i18n.register_font(app)
    lang = i18n.install_language(app, i18n.choose_language(getattr(args, "lang", None)))
    worker = Worker()
    try:
        if getattr(args, "demo", False):
            location, hint = make_demo(worker), demo_hint()
        else:
            location, hint = choose_database(worker, getattr(args, "db", None)), ""
        if location is None:
            return 1
        login = LoginDialog(worker, location.display, hint)
        if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
            return 0
        from .store import settings

        calendar = wait_for(worker, settings.calendar)
        window = MainWindow(AppContext(login.actor, location, worker, lang, calendar))
        window.show()
        return app.exec()
    except RefundDeskError as error:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Refund Desk"), error.text())
        return 1
    finally:
        worker.stop()
