"""The status bar: is the database connected, read-only or unreachable, and when the queues were
last refreshed. Fed by the worker's signals, so every screen's errors count."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from ..domain.errors import DatabaseError, RefundDeskError
from . import display
from .worker import Worker

CONNECTED, READ_ONLY, UNREACHABLE, BUSY = "connected", "read_only", "unreachable", "locked"
_STATE_OF_CODE = {"db_readonly": READ_ONLY, "db_unreachable": UNREACHABLE, "db_locked": BUSY}
_COLOURS = {CONNECTED: "#2e7d32", READ_ONLY: "#e08600", UNREACHABLE: "#c62828", BUSY: "#e08600"}


class DatabaseStatus(QObject):
    def __init__(self, bar: QStatusBar, worker: Worker, where: str):
        super().__init__(bar)
        self.where = where
        self.state = CONNECTED
        self.state_label = QLabel(bar)
        self.refresh_label = QLabel(bar)
        self.busy_label = QLabel(bar)
        bar.addWidget(self.state_label)
        bar.addWidget(self.busy_label)
        bar.addPermanentWidget(self.refresh_label)
        worker.failed.connect(self.on_error)
        worker.succeeded.connect(self.on_success)
        # The busy mark is polled (4 times a second) rather than driven by `busy_changed`, so a
        # burst of short jobs does not make it flicker.
        self.worker = worker
        self.busy_timer = QTimer(self)
        self.busy_timer.timeout.connect(self.poll_busy)
        self.busy_timer.start(250)
        self.show()

    def texts(self) -> dict[str, str]:
        return {
            CONNECTED: self.tr("Database connected: {where}"),
            READ_ONLY: self.tr("Database read-only: {where} (nothing can be saved)"),
            UNREACHABLE: self.tr("Database unreachable: {where} (retrying)"),
            BUSY: self.tr("Database busy (another PC is writing): {where}"),
        }

    def show(self) -> None:
        self.state_label.setText("● " + self.texts()[self.state].format(where=self.where))
        self.state_label.setStyleSheet(f"color: {_COLOURS[self.state]};")

    def on_error(self, error: RefundDeskError) -> None:
        if isinstance(error, DatabaseError) and error.code in _STATE_OF_CODE:
            self.state = _STATE_OF_CODE[error.code]
            self.show()

    def on_success(self) -> None:
        # A successful read does not prove writes work again: read-only stays until restart
        # or a write succeeds (which the screens report as saved).
        if self.state in (UNREACHABLE, BUSY):
            self.state = CONNECTED
            self.show()

    def poll_busy(self) -> None:
        self.busy_label.setText(self.tr("Working…") if self.worker.pending else "")

    def refreshed(self, at: dt.datetime) -> None:
        self.refresh_label.setText(
            self.tr("Last refresh: {at}").format(at=display.local_second(at)[11:])
        )
