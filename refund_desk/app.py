"""Start-up of the desktop app: language and font, which database, log-in, then the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from . import __version__, logs, paths, remembered
from .domain.errors import RefundDeskError, Text
from .store import session
from .store.db import Location, is_read_only, parse_location
from .ui import crash, i18n, selftest, single_instance
from .ui.desk import Desk
from .ui.jobs import wait_for
from .ui.login_dialog import LoginDialog
from .ui.worker import Worker

log = logging.getLogger(__name__)


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
        location = wait_for(worker, demo.create, path)
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
    """`--db`, else REFUND_DESK_DB, else the choice remembered on this PC, else ask. An
    unreachable share gives a plain message with Retry, not a crash."""
    spec = session.given(spec)
    if spec is None:
        return choose_database_dialog(worker)
    while True:
        try:
            return wait_for(worker, session.open_store, spec)
        except RefundDeskError as error:
            if error.code == "db_older":
                return older_database(worker, spec, error)
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


def older_database(worker: Worker, spec: str, error: RefundDeskError) -> Location | None:
    """The database waits for the sysadmin's upgrade: upgrade it now as a sysadmin (after a
    backup, with the other PCs closed), or work on a read-only copy, or close."""
    box = QMessageBox(
        QMessageBox.Icon.Information, QCoreApplication.translate("App", "Refund Desk"), error.text()
    )
    upgrade = box.addButton(
        QCoreApplication.translate("App", "Upgrade it now (system administrator)…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    read_only = box.addButton(
        QCoreApplication.translate("App", "Open a read-only copy"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is read_only:
        return wait_for(worker, session.open_snapshot, spec)
    if box.clickedButton() is not upgrade:
        return None
    sign = LoginDialog(
        worker,
        spec,
        QCoreApplication.translate(
            "App",
            "A system administrator upgrades the database: a backup is made first, then the "
            "database is brought to this version. A Refund Desk of the older version that is "
            "still open elsewhere cannot save anything afterwards.",
        ),
        check=lambda name, password: session.upgrade(spec, name, password),
        confirm=QCoreApplication.translate("App", "Every other PC has closed Refund Desk"),
    )
    sign.setWindowTitle(QCoreApplication.translate("App", "Upgrade the database"))
    if sign.exec() != QDialog.DialogCode.Accepted:
        return None
    done = sign.result_value
    QMessageBox.information(
        None,
        QCoreApplication.translate("App", "Upgrade the database"),
        QCoreApplication.translate(
            "App", "The database was upgraded from version {found}. The backup made first: {backup}"
        ).format(found=done.found, backup=done.backup or "pg_dump"),
    )
    return wait_for(worker, session.open_store, spec)


def choose_database_dialog(worker: Worker) -> Location | None:
    from .ui.database_dialog import DatabaseDialog  # first run only: not part of every start-up

    dialog = DatabaseDialog(worker, session.default_location())
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.location is None:
        return None
    remembered.remember(dialog.location.target)
    return dialog.location


def adopt_remembered_setting() -> None:
    """Earlier versions kept the choice in QSettings, where the command line cannot read
    it: move it to the file both read."""
    qsettings = i18n.settings()
    old = str(qsettings.value(i18n.DATABASE_KEY, "") or "")
    if old and remembered.database() is None:
        remembered.remember(old)
    if old:
        qsettings.remove(i18n.DATABASE_KEY)


def no_display() -> str | None:
    """On Linux without a graphical display Qt would abort with a misleading complaint about
    libxcb-cursor0: say what is wrong instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return Text(
        "没有图形显示（DISPLAY 和 WAYLAND_DISPLAY 都没有设置）：请在这台电脑的桌面上启动退款台"
        "（或用 ssh -X 登录），管理命令（refund-desk --help）不需要显示。",
        "There is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set): start "
        "Refund Desk from this PC's desktop (or log in with ssh -X); the admin commands "
        "(refund-desk --help) need none.",
    ).get()


class _Guard:
    """The single-instance claim for the database chosen so far."""

    def __init__(self) -> None:
        self.current: single_instance.SingleInstance | None = None

    def first(self, location: Location) -> bool:
        if self.current is not None and self.current.name == single_instance.key(location):
            return True
        self.release()
        self.current = single_instance.SingleInstance(location)
        return self.current.claim()

    def show_on_request(self, window) -> None:
        """What a second start on this database brings forward (the window, or the log-in)."""
        if self.current is not None:
            self.current.window = window

    def release(self) -> None:
        if self.current is not None:
            self.current.release()
            self.current = None


def main(args: argparse.Namespace) -> int:
    """`refund-desk` with no command: open the desktop app. Returns the exit code."""
    if (why := no_display()) is not None:
        print(f"refund-desk: {why}", file=sys.stderr)
        return 1
    logs.setup("app")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(i18n.ORGANISATION)
    app.setApplicationName(i18n.APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("refund-desk")  # packaging/linux/refund-desk.desktop: its menu icon
    crash.install()
    app.setWindowIcon(QIcon(str(paths.resource_file(paths.APP_ICON))))
    i18n.register_font(app)
    lang = i18n.install_language(app, i18n.choose_language(getattr(args, "lang", None)))
    adopt_remembered_setting()
    selftest.arm(app)
    worker = Worker()
    guard = _Guard()
    try:
        if getattr(args, "demo", False):
            location, hint = make_demo(worker), demo_hint()
        else:
            spec = session.given(getattr(args, "db", None))
            if spec is not None and not guard.first(parse_location(spec)):
                return _already_running()
            location, hint = choose_database(worker, spec), ""
        if location is None:
            return 1
        if not guard.first(location):
            return _already_running()
        read_only = is_read_only()  # a copy: log in without writing (nothing can be written)
        desk = Desk(worker, location, lang, read_only, hint, on_window=guard.show_on_request)
        login = LoginDialog(worker, location.display, hint, check=desk.check())
        if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
            return 0
        opened = wait_for(worker, session.opening, login.actor)
        desk.ended.connect(app.quit)
        desk.start(login.actor, opened)
        return app.exec()
    except RefundDeskError as error:
        log.warning("start-up refused: %s", error.text(), exc_info=True)
        QMessageBox.critical(None, QCoreApplication.translate("App", "Refund Desk"), error.text())
        return 1
    except Exception:
        crash.handle(*sys.exc_info(), wait=True)
        return 70
    finally:
        worker.stop()
        guard.release()


def _already_running() -> int:
    print(
        "refund-desk: "
        + Text(
            "退款台已在这台电脑上打开这个数据库，已把它的窗口调到前面。",
            "Refund Desk already has this database open on this PC; its window is brought "
            "to the front.",
        ).get(),
        file=sys.stderr,
    )
    return 0
