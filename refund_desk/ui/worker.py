"""One background worker for all database work (Anki's pattern): the window never waits on a
slow share. Jobs run in order on one thread; results and errors come back by signal on the GUI
thread."""

from __future__ import annotations

import itertools
import logging
import queue
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..domain.errors import DatabaseError, RefundDeskError

log = logging.getLogger(__name__)
Done = Callable[[Any], None]
Failed = Callable[[RefundDeskError], None]


class _Thread(QThread):
    finished_job = Signal(int, object, object)  # job id, result, error

    def __init__(self, jobs: queue.Queue):
        super().__init__()
        self.jobs = jobs

    def run(self) -> None:
        while True:
            item = self.jobs.get()
            if item is None:
                return
            job_id, fn, args, kwargs = item
            try:
                result, error = fn(*args, **kwargs), None
            except RefundDeskError as e:  # a sentence for the person; the help desk may ask
                log.warning("job %s refused: %s", _name(fn), e.text(), exc_info=True)
                result, error = None, e
            except Exception as e:  # a bug: log the traceback, show one sentence
                log.error("background job %s failed:\n%s", _name(fn), traceback.format_exc())
                result, error = None, DatabaseError("db_io", why=f"{type(e).__name__}: {e}")
            self.finished_job.emit(job_id, result, error)


def _name(fn: Callable[..., Any]) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"


class Worker(QObject):
    """`submit(fn, *args, on_done=..., on_error=...)`: run `fn` off the GUI thread."""

    busy_changed = Signal(bool)
    failed = Signal(object)  # every error, for the status bar (database state)
    succeeded = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: queue.Queue = queue.Queue()
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._ids = itertools.count(1)
        self._thread = _Thread(self._jobs)
        self._thread.finished_job.connect(self._finish)
        self._thread.start()

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        **kwargs: Any,
    ) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._jobs.put((job_id, fn, args, kwargs))
        return job_id

    @Slot(int, object, object)
    def _finish(self, job_id: int, result: Any, error: RefundDeskError | None) -> None:
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        if error is None:
            self.succeeded.emit()
            if on_done is not None:
                on_done(result)
        else:
            self.failed.emit(error)
            if on_error is not None:
                on_error(error)

    def forget(self) -> None:
        """The jobs submitted so far report to nobody: their screens are gone (a log-out).
        They still run to their end; what they write is written."""
        self._callbacks = dict.fromkeys(self._callbacks, (None, None))

    def stop(self, wait_ms: int = 10000) -> None:
        """Let queued jobs finish (nothing acknowledged is dropped), then end the thread."""
        self._jobs.put(None)
        self._thread.wait(wait_ms)
