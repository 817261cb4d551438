"""What every command shares: one-line output in the chosen language, passwords, and signing a
command as a named user of the database."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from ..domain import errors
from ..domain.errors import Text, ValidationError
from ..store import devices
from ..store.actors import Actor


def lang() -> str:
    return errors.LANG


def t(zh: str, en: str) -> str:
    """A sentence in the chosen language."""
    return Text(zh, en).get()


log = logging.getLogger("refund_desk.cli")


def say(zh: str, en: str) -> None:
    print(Text(zh, en).get())


def fail(text: str, code: int = 1) -> int:
    """One sentence on stderr and a non-zero exit; the log keeps it with its traceback."""
    log.warning("command failed: %s", text, exc_info=sys.exc_info()[1] is not None)
    print(f"refund-desk: {text}", file=sys.stderr)
    return code


def _interactive() -> bool:
    return bool(sys.stdin) and sys.stdin.isatty()


def read_password(prompt: Text, confirm: bool = True) -> str:
    """From the terminal (asked twice when `confirm`), or one line of standard input for scripts
    (each call reads the next line: the signer's password first, then a new one)."""
    if not _interactive():
        return sys.stdin.readline().rstrip("\r\n") if sys.stdin else ""
    first = getpass.getpass(prompt.get() + ": ")
    if confirm and getpass.getpass(Text("再输入一次", "Again").get() + ": ") != first:
        raise ValidationError("password_mismatch", field="password")
    return first


def signed(parser: argparse.ArgumentParser, who: Text) -> None:
    """The command acts as a named user of the database, who logs in (`--user NAME`)."""
    parser.add_argument(
        "--user",
        required=True,
        metavar="NAME",
        help=Text(
            f"以哪个用户的身份执行（{who.zh}；密码从终端或标准输入的第一行读）",
            f"the user who does this ({who.en}; password from the terminal or the first line "
            "of standard input)",
        ).get(),
    )


def log_in(args: argparse.Namespace) -> Actor:
    """The `--user` of a signed command, logged in with a password (audited like the app's)."""
    password = read_password(Text(f"{args.user} 的密码", f"Password for {args.user}"), False)
    return devices.log_in(args.user, password)
