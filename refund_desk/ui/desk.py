"""The desk one person works at: their main window, and handing the PC to the next person
(log out, log in, a new window) without restarting. The old window is gone before the new one
comes: the jobs it left on the worker report to nobody, and the single-instance guard brings the
new window forward."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..store import session, users
from ..store.actors import Actor
from ..store.db import Location
from .context import AppContext
from .login_dialog import LoginDialog
from .main_window import MainWindow
from .worker import Worker

log = logging.getLogger(__name__)


class Desk(QObject):
    """`start(actor, opened)` shows the window; a log-out asks for the next person."""

    window_shown = Signal(object)  # the new MainWindow
    ended = Signal()  # logged out and nobody logged in: the app ends

    def __init__(
        self,
        worker: Worker,
        location: Location,
        lang: str,
        read_only: bool = False,
        hint: str = "",
        on_window: Callable[[QWidget | None], None] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.worker = worker
        self.location = location
        self.lang = lang
        self.read_only = read_only
        self.hint = hint
        self.on_window = on_window
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None

    def check(self) -> Callable[[str, str], Any] | None:
        """How a password is checked here: a read-only copy records no log-in."""
        return users.verify_without_writing if self.read_only else None

    def context(self, actor: Actor, opened: session.Opening) -> AppContext:
        return AppContext(
            actor,
            self.location,
            self.worker,
            self.lang,
            opened.calendar,
            opened.demo,
            self.read_only,
            idle_lock_ms=opened.idle_lock_minutes * 60_000,
            database_id=opened.database_id,
        )

    def start(self, actor: Actor, opened: session.Opening) -> MainWindow:
        window = self.window = MainWindow(self.context(actor, opened))
        window.log_out_requested.connect(self.log_out)
        if self.on_window is not None:
            self.on_window(window)
        window.show()
        window.warn_on_opening(opened)
        self.window_shown.emit(window)
        return window

    def log_out(self) -> None:
        """The window has settled its edits: close it and ask who works next."""
        old, self.window = self.window, None
        app = QApplication.instance()
        quits = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # no window for a moment: the app stays
        try:
            if old is not None:
                log.info("%s logged out", old.ctx.actor.username)
                self.worker.forget()  # its jobs' answers would land in a closed window
                old.retire()
                old.deleteLater()
            self.ask_who()
        finally:
            app.setQuitOnLastWindowClosed(quits)

    def ask_who(self) -> None:
        login = self.login = LoginDialog(
            self.worker, self.location.display, self.hint, check=self.check()
        )
        login.accepted.connect(self._logged_in)
        login.rejected.connect(self.ended)
        if self.on_window is not None:
            self.on_window(login)  # a second start brings the log-in forward
        login.open()

    def _logged_in(self) -> None:
        actor = self.login.actor if self.login is not None else None
        if actor is None:
            self._nobody()
            return
        self.worker.submit(
            session.opening,
            actor,
            on_done=lambda opened: self.start(actor, opened),
            on_error=self._not_opened,
        )

    def _not_opened(self, error) -> None:
        QMessageBox.warning(None, self.tr("Refund Desk"), error.text())
        self.ask_who()
