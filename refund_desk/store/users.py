"""User accounts: scrypt password hashes, roles, disabling, and rate-limited login."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets

import peewee as pw

from ..domain.errors import AuthError, NotFound, Text, ValidationError
from ..domain.roles import Role, format_roles
from ..domain.validation import password as check_password
from . import audit
from . import db as dbmod
from .actors import Actor, utcnow
from .models import User

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 5
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_DUMMY_HASH = None


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    b64 = base64.b64encode
    return "scrypt${n}${r}${p}$".format(**_SCRYPT) + f"{b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _user(username: str) -> User:
    user = User.get_or_none(User.username == username)
    if user is None:
        raise NotFound(what=Text("用户", "user"), key=username)
    return user


def get_user(username: str) -> User:
    """The account, or NotFound (ask before prompting for a password)."""
    with dbmod.connection():
        return _user(username)


def add_user(
    username: str,
    display_name: str,
    roles: frozenset[Role],
    password: str,
    by: Actor,
    at: dt.datetime | None = None,
) -> User:
    username = (username or "").strip()
    if not username:
        raise ValidationError("required", field="username", label=Text("用户名", "User name"))
    check_password(password)
    at = at or utcnow()
    try:
        return _create_user(username, display_name, roles, password, by, at)
    except pw.IntegrityError:  # another administrator took the name a moment ago
        raise ValidationError("user_exists", field="username", name=username) from None


def _create_user(username, display_name, roles, password, by, at) -> User:
    with dbmod.write():
        if User.select().where(User.username == username).exists():
            raise ValidationError("user_exists", field="username", name=username)
        user = User.create(
            username=username,
            display_name=display_name or username,
            password_hash=hash_password(password),
            roles=format_roles(roles),
            active=True,
            created_at=at,
        )
        audit.append(
            by.audit_name,
            "user_add",
            "user",
            user.id,
            {"username": username, "roles": format_roles(roles)},
            at,
        )
    return user


def set_password(username: str, password: str, by: Actor) -> None:
    check_password(password)
    at = utcnow()
    with dbmod.write():
        user = _user(username)
        User.update(
            password_hash=hash_password(password),
            failed_logins=0,
            locked_until=None,
            version=User.version + 1,
        ).where(User.id == user.id).execute()
        audit.append(by.audit_name, "user_passwd", "user", user.id, {"username": username}, at)


def set_active(username: str, active: bool, by: Actor) -> None:
    at = utcnow()
    with dbmod.write():
        user = _user(username)
        User.update(active=active, version=User.version + 1).where(User.id == user.id).execute()
        audit.append(
            by.audit_name,
            "user_enable" if active else "user_disable",
            "user",
            user.id,
            {"username": username},
            at,
        )


def set_roles(username: str, roles: frozenset[Role], by: Actor) -> None:
    at = utcnow()
    with dbmod.write():
        user = _user(username)
        User.update(roles=format_roles(roles), version=User.version + 1).where(
            User.id == user.id
        ).execute()
        audit.append(
            by.audit_name,
            "user_roles",
            "user",
            user.id,
            {"username": username, "roles": format_roles(roles)},
            at,
        )


def list_users() -> list[User]:
    with dbmod.connection():
        return list(User.select().order_by(User.username))


def authenticate(username: str, password: str, at: dt.datetime | None = None) -> Actor:
    """The user's Actor, or AuthError. Five wrong passwords lock the account for five minutes;
    every failure is written to the audit log."""
    global _DUMMY_HASH
    at = at or utcnow()
    with dbmod.connection():
        user = User.get_or_none(User.username == (username or "").strip())
    if user is None:
        _DUMMY_HASH = _DUMMY_HASH or hash_password("x")
        verify_password(password, _DUMMY_HASH)  # same cost whether or not the name exists
        _record_denied(username, "login_unknown_user", at)
        raise AuthError("bad_login")
    if user.locked_until and user.locked_until > at:
        minutes = max(1, int((user.locked_until - at).total_seconds() // 60) + 1)
        _record_denied(username, "login_locked", at)
        raise AuthError("locked_out", minutes=minutes)
    if not verify_password(password, user.password_hash):
        with dbmod.write():
            # Count in the database (parallel guesses must not overwrite each other), and never
            # lift a lock that a parallel guess has just set.
            User.update(failed_logins=User.failed_logins + 1).where(User.id == user.id).execute()
            now = User.get_by_id(user.id)
            locked = now.locked_until is not None and now.locked_until > at
            lock = not locked and now.failed_logins >= MAX_FAILED_LOGINS
            if lock:
                User.update(
                    failed_logins=0, locked_until=at + dt.timedelta(minutes=LOCK_MINUTES)
                ).where(User.id == user.id).execute()
            audit.append(username, "login_failed", "user", user.id, {"locked": lock}, at)
        raise AuthError("bad_login")
    if not user.active:
        _record_denied(username, "login_disabled", at)
        raise AuthError("user_disabled", name=username)
    if user.failed_logins or user.locked_until:
        with dbmod.write():
            User.update(failed_logins=0, locked_until=None).where(User.id == user.id).execute()
    return Actor.from_user(user)


def _record_denied(username: str, action: str, at: dt.datetime) -> None:
    with dbmod.write():
        audit.append(username or "?", action, "user", username or "?", {}, at)
