"""The resources shipped inside the package (font, translation, icons), found through
`importlib.resources` so that a wheel and a frozen bundle carry and find them the same way as a
source checkout."""

from __future__ import annotations

import atexit
import contextlib
import functools
import threading
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

CJK_FONT = "fonts/wqy-microhei.ttc"
FONT_LICENCE = "fonts/LICENSE-wqy-microhei.txt"
CATALOGUE_ZH = "translations/refund_desk_zh_CN.qm"
APP_ICON = "icons/refund_desk.svg"

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)
_lock = threading.Lock()


def resource(name: str) -> Traversable:
    """A shipped resource by its name under `refund_desk/resources/`, e.g. `fonts/x.ttc`."""
    return files(__package__).joinpath("resources", *name.split("/"))


@functools.cache
def _real_file(name: str) -> Path:
    return _extracted.enter_context(as_file(resource(name)))


def resource_file(name: str) -> Path:
    """A real file for a shipped resource, for reportlab and Qt, which open files by name. On
    disk (a checkout, a wheel, a bundle) it is the file itself; from a zip it is a copy that
    lives until the process ends."""
    with _lock:
        return _real_file(name)
