"""Noticing that nobody has touched the app for a while: any key, click, wheel or mouse move
in any of its windows starts the wait again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatch(QObject):
    """`idle` once `interval_ms` pass without input; `interval_ms` 0 never."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)
        QApplication.instance().installEventFilter(self)

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(max(interval_ms, 0))
        self.restart()

    def restart(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT and self.timer.isActive():
            self.timer.start()
        return False
