"""What the help desk needs from a running app: this PC's folders as Qt names them, the log file,
an unforeseen error shown in one sentence and kept in full, and the version in the About box."""

from __future__ import annotations

import logging
import sys
import threading
from importlib.metadata import version

import pytest
from PySide6.QtCore import QCoreApplication, QStandardPaths, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from refund_desk import localdirs, logs
from refund_desk.ui import crash, i18n
from refund_desk.ui.main_window import MainWindow

from .conftest import idle


@pytest.fixture
def named_app(qapp):
    qapp.setOrganizationName(i18n.ORGANISATION)
    qapp.setApplicationName(i18n.APPLICATION)
    yield qapp


@pytest.mark.parametrize("xdg", [True, False], ids=["XDG_DATA_HOME set", "unset"])
def test_local_folders_are_where_qt_puts_app_local_data(named_app, monkeypatch, tmp_path, xdg):
    if xdg:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    else:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    assert str(localdirs.data_dir()) == qt
    assert localdirs.log_dir() == localdirs.data_dir() / "logs"


@pytest.fixture
def log_file(monkeypatch):
    """The file handler of logs.setup for this test only."""
    monkeypatch.setattr(logs, "_handler", None)
    path = logs.setup("app")
    yield path
    logger = logging.getLogger(logs.LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler) and handler.baseFilename == str(path):
            handler.close()
            logger.removeHandler(handler)
            logging.getLogger("py.warnings").removeHandler(handler)


def test_a_failed_background_job_is_in_the_log_with_its_traceback(qtbot, worker, log_file):
    def broken():
        raise ZeroDivisionError("the bug")

    errors = []
    worker.submit(broken, on_error=errors.append)
    idle(qtbot, worker)
    assert errors and "ZeroDivisionError" in errors[0].text()
    text = log_file.read_text(encoding="utf-8")
    assert "background job" in text and "broken failed" in text and "the bug" in text
    assert "Traceback" in text and log_file.parent == localdirs.log_dir()


def test_a_refused_background_job_is_in_the_log_too(qtbot, worker, log_file, sqlite_office):
    from refund_desk.store import users

    errors = []
    worker.submit(users.authenticate, "nobody", "x", on_error=errors.append)
    idle(qtbot, worker)
    assert errors and errors[0].text() == "用户名或密码不对，或该账户已停用。"
    text = log_file.read_text(encoding="utf-8")
    assert (
        "authenticate refused: 用户名或密码不对，或该账户已停用。" in text and "Traceback" in text
    )


@pytest.fixture
def hooked(monkeypatch):
    """crash.install for one test (without faulthandler, which pytest keeps for itself)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install(faults=False)
    yield
    qInstallMessageHandler(None)


def _shown_box() -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    return next((b for b in boxes if b.isVisible()), None)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_one_sentence_and_the_log_has_it_all(qtbot, hooked, log_file):
    button = QPushButton("x")
    qtbot.addWidget(button)

    def slot():
        raise KeyError("lost-refund-42")

    button.clicked.connect(slot)
    button.click()
    qtbot.waitUntil(lambda: _shown_box() is not None)
    box = _shown_box()
    assert box.text().startswith("退款台遇到了意外的错误") and str(log_file) in box.text()
    assert "KeyError: 'lost-refund-42'" in box.detailedText()
    copy = next(b for b in box.buttons() if b.text() == "复制详细信息")
    copy.click()
    assert box.isVisible()  # copying does not close it
    clipboard = QApplication.clipboard().text()
    assert "lost-refund-42" in clipboard and version("refund-desk") in clipboard
    button.click()  # a second failure while the box is up: logged, no second box
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert sum(b.isVisible() for b in boxes) == 1
    box.close()
    text = log_file.read_text(encoding="utf-8")
    assert text.count("KeyError: 'lost-refund-42'") == 2 and "Traceback" in text


def test_qt_warnings_and_thread_errors_reach_the_log(qtbot, hooked, log_file):
    with qtbot.captureExceptions():
        thread = threading.Thread(target=lambda: 1 / 0, name="printer")
        thread.start()
        thread.join()
    text = log_file.read_text(encoding="utf-8")
    assert "unexpected error in thread printer" in text and "ZeroDivisionError" in text


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_about_box_shows_the_package_version(qtbot, make_ctx, sqlite_office):
    ctx = make_ctx("clerk")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    idle(qtbot, ctx.worker)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    about = next(a for a in help_menu.actions() if a.text().startswith("关于退款台"))
    about.trigger()
    qtbot.waitUntil(lambda: _shown_box() is not None)
    box = _shown_box()
    assert version("refund-desk") in box.text() and str(localdirs.log_dir()) in box.text()
    assert QCoreApplication.applicationVersion() in ("", version("refund-desk"))
    box.close()
    window.close()
