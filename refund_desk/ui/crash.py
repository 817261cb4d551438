"""What happens to an error nobody foresaw in the desktop app. A windowed program has no
console, so: the traceback goes to the log file first (nothing is lost even if showing it
fails), then one sentence in the person's language with a "Copy details" button. A crash of
the interpreter itself (a segfault in a library) is written by faulthandler to its own file
beside the log."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__, localdirs, logs

log = logging.getLogger("refund_desk.ui.crash")
FAULTS_FILE = "faults.log"
_fault_file: list[IO[str]] = []  # kept open for the life of the process
_showing: list[QMessageBox] = []
_previous_qt_handler: list = []


def install(faults: bool = True) -> None:
    """Route every uncaught exception (a Qt slot's included: PySide6 hands those to
    sys.excepthook) and every Qt warning to the log, and (`faults`) arm faulthandler."""
    sys.excepthook = handle
    threading.excepthook = _thread_hook
    _previous_qt_handler[:] = [qInstallMessageHandler(_qt_message)]
    if faults and not _fault_file:
        try:
            folder = localdirs.log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            _fault_file.append(open(folder / FAULTS_FILE, "a", encoding="utf-8"))  # noqa: SIM115
            faulthandler.enable(file=_fault_file[0], all_threads=True)
        except OSError:
            log.warning("faulthandler not armed: cannot write %s", localdirs.log_dir())


def details(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """What "Copy details" copies: the version, where the log is, and the traceback."""
    lines = traceback.format_exception(kind, value, tb)
    return f"Refund Desk {__version__}\nlog: {logs.log_file()}\n\n" + "".join(lines)


def handle(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None, wait: bool = False
) -> None:
    """sys.excepthook: log, then tell the person in one sentence. `wait` shows the box modally
    (start-up, before the event loop runs)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    text = details(kind, value, tb)
    log.error("unexpected error:\n%s", text)
    for handler in logging.getLogger(logs.LOGGER).handlers:
        handler.flush()
    if QApplication.instance() is None or _showing:
        return  # one box at a time: a slot that fails on every repaint must not flood the screen
    try:
        _show(text, wait)
    except Exception:  # the box itself failed: the log already has everything
        log.exception("could not show the error box")


def _show(text: str, wait: bool) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Crash", "Refund Desk"),
        QCoreApplication.translate(
            "Crash",
            "Something went wrong that Refund Desk did not expect; what you saved is kept, and "
            "the details are in the log {where}.",
        ).format(where=logs.log_file()),
    )
    copy = box.addButton(
        QCoreApplication.translate("Crash", "Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDetailedText(text)
    # "Copy details" must not close the box (a person may copy, then read on).
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(text))
    _showing.append(box)
    box.finished.connect(lambda _result: _showing.clear())
    if wait:
        box.exec()
    else:
        box.open()


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    log.error(
        "unexpected error in thread %s:\n%s",
        args.thread.name if args.thread else "?",
        "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
    )


def _qt_message(kind: QtMsgType, context, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("refund_desk.qt").log(level, "%s", message)
    previous = _previous_qt_handler[0] if _previous_qt_handler else None
    if previous is not None:
        previous(kind, context, message)
