"""The start-up check of an installed copy or a bundle (packaging/smoke.py), where no test
framework can reach into the process. With REFUND_DESK_SELFTEST naming a report file, the app
types REFUND_DESK_SELFTEST_LOGIN ("name:password") into its real log-in dialog, presses its
OK button, waits for the main window to finish loading, writes what the window shows to the
report (JSON, and a screenshot beside it) and quits. Nothing happens without the variable."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from .. import __version__

REPORT = "REFUND_DESK_SELFTEST"
LOGIN = "REFUND_DESK_SELFTEST_LOGIN"
TIMEOUT = "REFUND_DESK_SELFTEST_TIMEOUT"  # seconds; 90 unless given


def arm(app: QApplication) -> QObject | None:
    """Start the check when REFUND_DESK_SELFTEST is set; otherwise do nothing."""
    report = os.environ.get(REPORT)
    if not report:
        return None
    return _SelfTest(app, Path(report), os.environ.get(LOGIN, ":"))


class _SelfTest(QObject):
    def __init__(self, app: QApplication, report: Path, login: str):
        super().__init__(app)
        self.app = app
        self.report = report
        self.name, _, self.password = login.partition(":")
        self.typed = False
        self.deadline = time.monotonic() + float(os.environ.get(TIMEOUT) or 90)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._step)
        self.timer.start(200)

    def _step(self) -> None:
        from .login_dialog import LoginDialog
        from .main_window import MainWindow

        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        window = next((w for w in shown if isinstance(w, MainWindow)), None)
        if window is not None:
            if window.ctx.worker.pending == 0:
                self._finish({"ok": True, **self._window(window)})
            return
        dialog = next((w for w in shown if isinstance(w, LoginDialog)), None)
        if dialog is not None and not self.typed and dialog.ok_button.isEnabled():
            _type(dialog.form.username, self.name)
            _type(dialog.form.password, self.password)
            self.typed = True
            dialog.ok_button.click()
        if time.monotonic() > self.deadline:
            self._finish({"ok": False, "error": "timeout", "seen": [_texts(w) for w in shown]})

    def _window(self, window: QWidget) -> dict:
        shot = self.report.with_suffix(".png")
        window.grab().save(str(shot))
        tabs = window.tabs
        return {
            "version": __version__,
            "title": window.windowTitle(),
            "tabs": [tabs.tabText(i) for i in range(tabs.count())],
            "texts": _texts(window),
            "font": self.app.font().family(),
            "icon": not self.app.windowIcon().pixmap(32, 32).isNull(),
            "screenshot": str(shot),
        }

    def _finish(self, result: dict) -> None:
        self.timer.stop()
        self.report.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
        if not result.get("ok"):
            os._exit(3)  # at once: a modal dialog's own event loop would swallow app.exit()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        self.app.exit(0)


def _type(widget: QWidget, text: str) -> None:
    """Key presses, as a person types (a Chinese character too)."""
    widget.setFocus()
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(widget, event)


def _texts(widget: QWidget) -> list[str]:
    found = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if child.isVisible() and isinstance(child, QLabel | QAbstractButton) and child.text():
            found.append(child.text())
    return found
