"""Waiting for one background job while the event loop keeps running (start-up only: the
window is not up yet, but dialogs must still paint and the share may be slow)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop

from .worker import Worker


def wait_for(worker: Worker, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run `fn` on the worker; return its result or raise its `RefundDeskError`."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(error: Exception) -> None:
        outcome["error"] = error
        loop.quit()

    worker.submit(fn, *args, on_done=done, on_error=failed, **kwargs)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
