"""One running app per person and database: a second start on the same database asks the first
to come forward, then ends. A lock file in the local data folder decides who is first (two
starts at the same moment cannot both win), a QLocalServer named after the person and the
database carries the request."""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import logging
import os
import time

from PySide6.QtCore import QLockFile, QObject, Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from .. import localdirs
from ..store.db import Location

log = logging.getLogger(__name__)
SHOW = b"show\n"
CONNECT_MS = 1000
FIRST_START_WAIT_S = 10.0  # the first start holds the lock before its server is listening


def key(location: Location) -> str:
    """The same for every start of this person on this database, different otherwise."""
    where = location.target
    if location.is_sqlite:
        where = os.path.normcase(os.path.abspath(where))
    digest = hashlib.sha256(f"{_user()}\0{where}".encode()).hexdigest()[:24]
    return f"refund-desk-{digest}"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


class SingleInstance(QObject):
    """`claim()` True: this is the first start, and it now listens for later ones."""

    def __init__(self, location: Location, parent: QObject | None = None):
        super().__init__(parent)
        self.name = key(location)
        folder = localdirs.data_dir()
        with contextlib.suppress(OSError):  # then the lock below fails, and claim() says so
            folder.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(folder / f"{self.name}.lock"))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran
        self.server: QLocalServer | None = None
        self.window: QWidget | None = None

    def claim(self) -> bool:
        if self.lock.tryLock(0):
            self._listen()
            return True
        if self.lock.error() != QLockFile.LockError.LockFailedError:  # not held: unwritable
            log.warning("no single-instance lock %s: %s", self.lock.fileName(), self.lock.error())
            return True
        deadline = time.monotonic() + FIRST_START_WAIT_S
        while time.monotonic() < deadline:
            if self._ask_first_to_show():
                return False
            if self.lock.tryLock(100):  # the first start has just ended
                self._listen()
                return True
        log.warning("another start holds %s but does not answer; starting anyway", self.name)
        return True

    def _ask_first_to_show(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(SHOW)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        log.info("already running on this database: asked it to come forward")
        return True

    def _listen(self) -> None:
        QLocalServer.removeServer(self.name)  # a socket file left by a crash (we hold the lock)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            log.warning("single-instance server %s: %s", self.name, self.server.errorString())
            return
        self.server.newConnection.connect(self._connected)
        log.info("first start on this database: listening as %s", self.name)

    def _connected(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._request(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():  # arrived before readyRead was connected
                self._request(socket)

    def _request(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            log.info("another start on this database: coming forward")
            come_forward(self.window)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


def come_forward(window: QWidget | None) -> None:
    """Show the open dialog (log-in, a question) or else the main window, on top."""
    target = QApplication.activeModalWidget() or window
    if target is None:
        return
    if target.isMinimized():
        target.setWindowState(target.windowState() & ~Qt.WindowState.WindowMinimized)
    target.show()
    target.raise_()
    target.activateWindow()
