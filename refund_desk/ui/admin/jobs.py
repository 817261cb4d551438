"""What the administration screen asks of the store (run on the worker thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...domain.errors import Text
from ...domain.office_settings import SETTINGS
from ...domain.roles import Role, parse_roles
from ...store import db as dbmod
from ...store import settings, users


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool
    last_login_at: dt.datetime | None
    failures: int  # failed log-ins under the name in the last 24 hours, past the free ones


@dataclass(frozen=True)
class UsersData:
    users: list[UserRow]
    strangers: list[users.LoginAlert]  # names under failed log-ins that are nobody's


def load_users() -> UsersData:
    with dbmod.connection():  # one for the screen: on a share each costs file operations
        accounts = users.list_users()
        alerts = {a.name: a for a in users.login_alerts()}
    rows = []
    for u in accounts:
        alert = alerts.pop(u.username.strip().lower(), None)
        rows.append(
            UserRow(
                u.username,
                u.display_name,
                parse_roles(u.roles),
                bool(u.active),
                u.last_login_at,
                alert.failures if alert else 0,
            )
        )
    return UsersData(rows, list(alerts.values()))


def load_settings() -> dict[str, str]:
    """Every declared setting's stored value ("" for one never set)."""
    with dbmod.connection():
        return {key: settings.get(key) for key in SETTINGS}


def load_categories() -> list[tuple[str, Text]]:
    return settings.fault_categories()
