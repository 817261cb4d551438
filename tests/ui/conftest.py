"""UI test helpers: one worker per test (stopped at teardown), settings in a temporary folder,
and typing Chinese without `qtbot.keyClicks` (which aborts on non-ASCII)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QKeyEvent

from refund_desk.store import db as dbmod
from refund_desk.ui import i18n
from refund_desk.ui.context import AppContext
from refund_desk.ui.worker import Worker


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path, qapp):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    i18n.register_font(qapp)
    if not i18n._installed:
        i18n.install_language(qapp, "zh")
    yield


@pytest.fixture
def worker():
    w = Worker()
    yield w
    w.stop()


@pytest.fixture
def make_ctx(sqlite_office, worker):
    def make(name: str, lang: str = "zh") -> AppContext:
        return AppContext(sqlite_office[name], dbmod.location(), worker, lang)

    return make


def type_text(widget, text: str) -> None:
    """Type any text, Chinese included, one key event per character."""
    widget.setFocus()
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(widget, event)


def idle(qtbot, worker: Worker, timeout: int = 15000) -> None:
    """Wait until every submitted job has reported back."""
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=timeout)
