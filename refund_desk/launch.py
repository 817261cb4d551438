"""The programs' entry points: `refund-desk` (a console program: the admin commands, and the
window when no command is given) and `refund-desk-app` (the window, without a console on
Windows). Both log to this PC's log file; an error nobody foresaw is logged with its traceback
and ends as one sentence, never a traceback on the screen."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Sequence

from . import __version__, logs
from .domain.errors import Text

log = logging.getLogger("refund_desk")
UNEXPECTED_EXIT = 70  # EX_SOFTWARE
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def console(argv: Sequence[str] | None = None) -> int:
    """`refund-desk`."""
    return _run("cli", argv)


def window(argv: Sequence[str] | None = None) -> int:
    """`refund-desk-app`: the same arguments; a windowed program has no console to write to,
    so what it says goes to the log and to the screen."""
    return _run("app", argv)


def _run(program: str, argv: Sequence[str] | None) -> int:
    logs.setup(program)
    args = list(sys.argv[1:] if argv is None else argv)
    logs.started(program, __version__)
    try:
        from .cli import main  # inside: a module that fails at import is an error like any other

        return main(args)
    except Exception:
        log.exception("unexpected error in %s %s", program, " ".join(map(_no_password, args)))
        where = logs.log_file()
        message = Text(
            f"出现了意外的错误，详情已写入日志 {where}",
            f"Something unexpected went wrong; the details are in the log {where}",
        )
        print(f"refund-desk: {message.get()}", file=sys.stderr)
        return UNEXPECTED_EXIT


def _no_password(arg: str) -> str:
    """A PostgreSQL URL's password stays out of the log."""
    return _URL_PASSWORD.sub(r"\1***@", arg)
