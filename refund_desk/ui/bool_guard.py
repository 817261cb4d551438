"""Guard against a PySide6 6.12 reference-count bug: emitting a Python `True` through a signal
declared in Python (`Signal(bool)`, e.g. `Worker.busy_changed`) drops one reference to `True`
per emit (two when a Python slot receives it). After a few hundred emits the interpreter aborts
with "bool_dealloc: deallocating True or False". Holding many extra references keeps the count
far from zero: one million references (8 MB) last for about a million background jobs.

Remove this once no signal carries a Python bool (see the report on `Worker.busy_changed`)."""

from __future__ import annotations

import ctypes

_REFERENCES: list[bool] = []


def hold(count: int = 1_000_000) -> None:
    """Hold `count` extra references to True and to False (once per process)."""
    if not _REFERENCES:
        _REFERENCES.extend([True, False] * count)
        # Never freed, not even at interpreter exit: freeing would hand back the references
        # the bug took, and True would be deallocated during shutdown.
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(_REFERENCES))
