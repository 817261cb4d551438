"""What every command shares: one-line output in the chosen language, and passwords."""

from __future__ import annotations

import getpass
import logging
import sys

from ..domain.errors import Text, ValidationError

log = logging.getLogger("refund_desk.cli")


def say(zh: str, en: str) -> None:
    print(Text(zh, en).get())


def fail(text: str, code: int = 1) -> int:
    """One sentence on stderr and a non-zero exit; the log keeps it with its traceback."""
    log.warning("command failed: %s", text, exc_info=sys.exc_info()[1] is not None)
    print(f"refund-desk: {text}", file=sys.stderr)
    return code


def read_password(prompt: Text, confirm: bool = True) -> str:
    """From the terminal (asked twice), or one line of standard input for scripts."""
    if not sys.stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n") if sys.stdin else ""
    first = getpass.getpass(prompt.get() + ": ")
    if confirm and getpass.getpass(Text("再输入一次", "Again").get() + ": ") != first:
        raise ValidationError(
            "required",
            field="password",
            label=Text("两次输入的密码一致", "The same password twice"),
        )
    return first
