"""Start a window, wait until it is shown and idle, print one JSON line, quit.

    python benchmarks/app_probe.py bare                         # a bare PySide6 QMainWindow
    python benchmarks/app_probe.py app --db X --user U --password P

`app` runs the real start-up (`refund_desk.app.main`: language, font, database, log-in, main
window) with the log-in dialog answered by the given user (the password is still checked by
`users.authenticate` on the worker, as when typed). Idle: the window is exposed, the worker has
no job left, the queue has loaded, and the event loop has nothing pending.

The JSON line: {"idle": time.monotonic() at idle, "peak_rss_kb": this process's peak RSS,
"queue_rows": n}. The peak is the kernel's high-water mark of this program's own memory
(VmHWM): getrusage's ru_maxrss survives fork and exec, so a probe started by a benchmark
process that had grown large (after generating a database, say) would report the parent's."""

from __future__ import annotations

import json
import os
import resource
import sys
import time

POLL_MS = 5


def peak_rss_kb() -> int:
    """VmHWM of this process (since its exec), else getrusage's figure."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF)[2]


def _report(extra: dict) -> None:
    data = {"idle": time.monotonic(), "peak_rss_kb": peak_rss_kb()}
    print(json.dumps(data | extra), flush=True)


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 860)
    window.show()
    timer = QTimer()

    def poll() -> None:
        if window.windowHandle() is not None and window.windowHandle().isExposed():
            timer.stop()
            _report({"queue_rows": 0})
            app.quit()

    timer.timeout.connect(poll)
    timer.start(POLL_MS)
    return app.exec()


def run_app(db: str, username: str, password: str) -> int:
    import argparse

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from refund_desk import app as app_module
    from refund_desk.store import users
    from refund_desk.ui import desk as desk_module  # the desk makes the window after log-in
    from refund_desk.ui.jobs import wait_for

    class AutoLogin(app_module.LoginDialog):
        """The log-in dialog with the name and password already typed and OK pressed."""

        def exec(self) -> int:
            self.actor = wait_for(self.worker, users.authenticate, username, password)
            return QDialog.DialogCode.Accepted

    class ProbedWindow(desk_module.MainWindow):
        def __init__(self, ctx, parent=None):
            super().__init__(ctx, parent)
            self.queue_loaded = False
            self.queue_tab.refreshed.connect(self._queue_loaded)
            self.probe = QTimer(self)
            self.probe.timeout.connect(self._poll)
            self.probe.start(POLL_MS)

        def _queue_loaded(self, _at) -> None:
            self.queue_loaded = True

        def _poll(self) -> None:
            handle = self.windowHandle()
            if not (handle is not None and handle.isExposed() and self.queue_loaded):
                return
            if self.ctx.worker.pending:
                return
            self.probe.stop()
            _report({"queue_rows": len(self.queue_tab.model.rows)})
            QApplication.instance().quit()

    app_module.LoginDialog = AutoLogin
    desk_module.MainWindow = ProbedWindow
    args = argparse.Namespace(db=db, demo=False, lang="zh")
    return app_module.main(args)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1] if len(sys.argv) > 1 else "bare"
    if mode == "bare":
        return bare()
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("mode")
    parser.add_argument("--db", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    return run_app(args.db, args.user, args.password)


if __name__ == "__main__":
    sys.exit(main())
