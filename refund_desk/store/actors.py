"""Who is acting: a logged-in user, or the command line."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

from ..domain.roles import Role, parse_roles


@dataclass(frozen=True)
class Actor:
    user_id: int | None  # None: the admin command line, not a user of the app
    username: str
    display_name: str
    roles: frozenset[Role]

    @property
    def audit_name(self) -> str:
        return self.username if self.user_id is not None else f"cli:{self.username}"

    @classmethod
    def from_user(cls, user) -> Actor:
        return cls(user.id, user.username, user.display_name, parse_roles(user.roles))

    @classmethod
    def command_line(cls) -> Actor:
        try:
            name = getpass.getuser()
        except Exception:  # no login name (service account): still accountable as "cli"
            name = "unknown"
        return cls(None, name, name, frozenset(Role))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
