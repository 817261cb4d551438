"""User accounts: scrypt password hashes, roles, disabling, and log-in that holds.

Log-in. Failed attempts are counted per user name in the same write transaction as the attempt
itself, and counted *before* the slow hash is checked, so parallel guesses are judged one after
another and cannot outrun the count. After `FREE_FAILURES` failures each further attempt must
wait `delay(n)` (doubling, capped at `MAX_DELAY`): at most one guess per 15 minutes per pool
once the cap is reached (96 a day). Failures are counted in two pools: a PC that has logged in
as the user before (it holds a device token, `LoginDevice`) has its own count, and every other
attempt under that name shares one (`LoginThrottle`). A stranger who knows a user name can slow
down only the second pool: the user's own PC still logs in at once. The answer is the same
sentence for an unknown user, a disabled one and a wrong password, and the wait is asked of
every name alike, so the answers never tell which names exist. The sysadmin sees the names
under attack (`login_alerts`).

Administration (`add_user`, `set_roles`, …) is done by a signed-in user holding the permission,
checked again inside the writing transaction; every change and every refusal is audited."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass

import peewee as pw

from ..domain import permissions, validation
from ..domain.errors import (
    AuthError,
    DatabaseError,
    NotFound,
    RefundDeskError,
    Text,
    ValidationError,
)
from ..domain.permissions import Permission
from ..domain.roles import Role, format_roles
from . import audit
from . import db as dbmod
from .actors import Actor, utcnow
from .models import LoginDevice, LoginThrottle, Setting, User

FREE_FAILURES = 4  # failures in a pool before waiting begins
MAX_DELAY = dt.timedelta(minutes=15)
FORGET_AFTER = dt.timedelta(hours=24)  # a pool with no failure for this long starts afresh
# scrypt's cost. Tests lower `SCRYPT` for speed; a stored hash carries its own cost, so hashes
# made with any cost verify.
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_dummy: list[str] = []


def delay(failures: int) -> dt.timedelta:
    """How long the next attempt must wait after `failures` consecutive failures."""
    if failures <= FREE_FAILURES:
        return dt.timedelta(0)
    doubling = min(failures - FREE_FAILURES - 1, 20)  # 2**20 s is far past the cap already
    return min(dt.timedelta(seconds=2**doubling), MAX_DELAY)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    b64 = base64.b64encode
    return "scrypt${n}${r}${p}$".format(**SCRYPT) + f"{b64(salt).decode()}${b64(digest).decode()}"


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
    except (ValueError, TypeError, UnicodeError):
        return False
    return hmac.compare_digest(actual, expected)


def _dummy_hash() -> str:
    if not _dummy:
        _dummy.append(hash_password("not a password of anyone"))
    return _dummy[0]


def password_minimum() -> int:
    """The minimum password length (setting `password_min_length`, default 8)."""
    with dbmod.connection():
        row = Setting.get_or_none(Setting.key == "password_min_length")
    try:
        return max(1, int(row.value)) if row else validation.DEFAULT_PASSWORD_MIN
    except ValueError:
        return validation.DEFAULT_PASSWORD_MIN


def _user(username: str) -> User:
    user = User.get_or_none(User.username == username)
    if user is None:
        raise NotFound(what=Text("用户", "user"), key=username)
    return user


def get_user(username: str) -> User:
    """The account, or NotFound."""
    with dbmod.connection():
        return _user(username)


def _admin(by: Actor, permission: Permission = Permission.MANAGE_USERS) -> User:
    """The acting administrator as the database has them now, with the permission."""
    user = User.get_or_none(User.id == by.user_id) if by.user_id is not None else None
    if user is None or not user.active:
        raise AuthError("user_disabled", name=by.username)
    permissions.require(permission, Actor.from_user(user).roles)
    return user


def _administered(action: str, by: Actor, key: str, work: Callable[[], object]) -> object:
    """Run one administrative write; a refusal is audited under the administrator's name."""
    try:
        return work()
    except RefundDeskError as e:
        if not isinstance(e, DatabaseError):
            audit.refused(by.audit_name, action, "user", key, e, utcnow())
        raise


def add_user(
    username: str,
    display_name: str,
    roles: frozenset[Role],
    password: str,
    by: Actor,
    at: dt.datetime | None = None,
) -> User:
    """A new account, by a user who may manage users."""
    at = at or utcnow()

    def work() -> User:
        name = validation.username(username)
        shown = validation.display_name(display_name, name)
        try:
            with dbmod.write():
                _admin(by)
                validation.password(password, password_minimum())
                return _create_user(name, shown, roles, password, by.audit_name, at)
        except pw.IntegrityError:  # another administrator took the name a moment ago
            raise ValidationError("user_exists", field="username", name=name) from None

    return _administered("user_add", by, str(username), work)  # type: ignore[return-value]


def _create_user(username, display_name, roles, password, actor_name, at) -> User:
    if User.select().where(User.username == username).exists():
        raise ValidationError("user_exists", field="username", name=username)
    user = User.create(
        username=username,
        display_name=display_name,
        password_hash=hash_password(password),
        roles=format_roles(roles),
        active=True,
        created_at=at,
    )
    audit.append(
        actor_name,
        "user_add",
        "user",
        user.id,
        {"username": username, "roles": format_roles(roles)},
        at,
        seal={User: [user.id]},
    )
    return user


def create_first_sysadmin(username: str, display_name: str, password: str, who: str) -> User:
    """The first account of a new database (`refund-desk init`, the first-run dialog): only
    while the database has no user at all."""
    name = validation.username(username)
    shown = validation.display_name(display_name, name)
    at = utcnow()
    with dbmod.write():
        if User.select().exists():
            raise AuthError("first_admin_exists")
        validation.password(password, password_minimum())
        return _create_user(name, shown, frozenset({Role.SYSADMIN}), password, who, at)


def _change(action: str, by: Actor, username: str, values: dict, detail: dict) -> None:
    at = utcnow()

    def work() -> None:
        with dbmod.write():
            _admin(by)
            user = _user(username)
            User.update(**values, version=User.version + 1).where(User.id == user.id).execute()
            _keep_a_sysadmin()
            audit.append(
                by.audit_name,
                action,
                "user",
                user.id,
                {"username": username, **detail},
                at,
                seal={User: [user.id]},
            )

    _administered(action, by, username, work)


def set_password(username: str, password: str, by: Actor) -> None:
    """A new password, set by an administrator (or by the user for themselves)."""
    at = utcnow()

    def work() -> None:
        with dbmod.write():
            user = _user(username)
            if by.user_id != user.id:
                _admin(by)
            else:
                _active(by)
            validation.password(password, password_minimum())
            User.update(password_hash=hash_password(password), version=User.version + 1).where(
                User.id == user.id
            ).execute()
            cleared = _clear_throttle(user)
            audit.append(
                by.audit_name,
                "user_passwd",
                "user",
                user.id,
                {"username": username},
                at,
                seal={User: [user.id], LoginThrottle: cleared},
            )

    _administered("user_passwd", by, username, work)


def _active(by: Actor) -> User:
    user = User.get_or_none(User.id == by.user_id) if by.user_id is not None else None
    if user is None or not user.active:
        raise AuthError("user_disabled", name=by.username)
    return user


def set_active(username: str, active: bool, by: Actor) -> None:
    action = "user_enable" if active else "user_disable"
    _change(action, by, username, {"active": active}, {})


def set_roles(username: str, roles: frozenset[Role], by: Actor) -> None:
    roles_text = format_roles(roles)
    _change("user_roles", by, username, {"roles": roles_text}, {"roles": roles_text})


def _keep_a_sysadmin() -> None:
    """After a change of roles or of the active flag: someone must still administer."""
    for user in User.select(User.roles).where(User.active == True):
        if Role.SYSADMIN.value in user.roles.split(","):
            return
    raise ValidationError("last_sysadmin", field="roles")


def unlock(username: str, by: Actor) -> None:
    """Clear the failed attempts under a user name (the untrusted pool and every device's)."""
    at = utcnow()

    def work() -> None:
        with dbmod.write():
            _admin(by)
            user = User.get_or_none(User.username == username)
            cleared = _clear_throttle(user, username)
            devices = []
            if user is not None:
                devices = [
                    d.token_hash
                    for d in LoginDevice.select(LoginDevice.token_hash).where(
                        (LoginDevice.user == user.id) & (LoginDevice.failures > 0)
                    )
                ]
                LoginDevice.update(failures=0, not_before=None).where(
                    LoginDevice.token_hash.in_(devices)
                ).execute()
            audit.append(
                by.audit_name,
                "user_unlock",
                "user",
                username,
                {"username": username},
                at,
                seal={LoginThrottle: cleared, LoginDevice: devices},
            )

    _administered("user_unlock", by, username, work)


def _clear_throttle(user: User | None, name: str | None = None) -> list[str]:
    key = _throttle_key(user.username if user else (name or ""))
    rows = LoginThrottle.update(failures=0, not_before=None).where(LoginThrottle.name == key)
    return [key] if rows.execute() else []


def list_users() -> list[User]:
    with dbmod.connection():
        return list(User.select().order_by(User.username))


@dataclass(frozen=True)
class LoginAlert:
    """A user name under repeated failed log-ins (for the sysadmin)."""

    name: str
    failures: int
    last_failed_at: dt.datetime
    known_user: bool


def login_alerts(
    since: dt.timedelta = FORGET_AFTER, at: dt.datetime | None = None
) -> list[LoginAlert]:
    at = at or utcnow()
    with dbmod.connection():
        names = {u.lower(): u for (u,) in User.select(User.username).tuples()}
        rows = (
            LoginThrottle.select()
            .where(
                (LoginThrottle.failures > FREE_FAILURES)
                & (LoginThrottle.last_failed_at >= at - since)
            )
            .order_by(LoginThrottle.failures.desc())
        )
        return [LoginAlert(r.name, r.failures, r.last_failed_at, r.name in names) for r in rows]


# ---- log-in -----------------------------------------------------------------------------


def _throttle_key(username: str) -> str:
    return (username or "").strip().lower()[:60]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class Login:
    """A successful log-in: who, and the device token this PC keeps for that user."""

    actor: Actor
    device_token: str


def _for_update(query: pw.ModelSelect) -> pw.ModelSelect:
    """Lock the row on PostgreSQL (SQLite's BEGIN IMMEDIATE already holds the only write lock)."""
    return query if isinstance(dbmod.DB.obj, pw.SqliteDatabase) else query.for_update()


def _seconds(span: dt.timedelta) -> int:
    return max(1, int(span.total_seconds() + 0.999))


def login(
    username: str, password: str, device_token: str = "", at: dt.datetime | None = None
) -> Login:
    """Check a log-in (see the module text); AuthError "bad_login" or "login_wait" otherwise.
    Every attempt, whatever its answer, is audited."""
    at = at or utcnow()
    typed = (username or "").strip()
    key = _throttle_key(typed)
    token_hash = _token_hash(device_token) if device_token else ""
    with dbmod.write():
        user = User.get_or_none(User.username == typed) if typed else None
        device = None
        if token_hash and user is not None:
            device = _for_update(
                LoginDevice.select().where(
                    (LoginDevice.token_hash == token_hash) & (LoginDevice.user == user.id)
                )
            ).first()
        if device is not None:
            pool, pool_seal = device, {LoginDevice: [token_hash]}
        else:
            LoginThrottle.insert(name=key, failures=0).on_conflict_ignore().execute()
            pool = _for_update(LoginThrottle.select().where(LoginThrottle.name == key)).get()
            pool_seal = {LoginThrottle: [key]}
        # when the pool last failed (a device's next-allowed time stands in for it)
        last = pool.last_failed_at if isinstance(pool, LoginThrottle) else pool.not_before
        failures = pool.failures
        if (
            failures
            and last is not None
            and at - last > FORGET_AFTER
            and not (pool.not_before and pool.not_before > at)
        ):
            failures = 0
        if pool.not_before is not None and pool.not_before > at:
            audit.append(typed or "?", "login_throttled", "user", typed or "?", {}, at)
            wait = _seconds(pool.not_before - at)
            error = AuthError("login_wait", seconds=wait)
        else:
            # Counted as failed before the password is checked: a parallel attempt sees it.
            failures += 1
            _count(pool, failures, at)
            stored = user.password_hash if user is not None else _dummy_hash()
            right = verify_password(password or "", stored) and user is not None
            if right and user.active:
                return _logged_in(user, device, token_hash, at, pool, pool_seal)
            # Why, for the audit log (never for the answer, which is the same in every case).
            why = "unknown_user" if user is None else "disabled" if right else "wrong_password"
            audit.append(
                typed or "?",
                "login_failed",
                "user",
                typed or "?",
                {"failures": failures, "trusted_pc": device is not None, "why": why},
                at,
                seal=pool_seal,
            )
            error = AuthError("bad_login")
    raise error


def _count(pool, failures: int, at: dt.datetime) -> None:
    values = {"failures": failures, "not_before": at + delay(failures)}
    if isinstance(pool, LoginThrottle):
        LoginThrottle.update(**values, last_failed_at=at).where(
            LoginThrottle.name == pool.name
        ).execute()
    else:
        LoginDevice.update(**values).where(LoginDevice.token_hash == pool.token_hash).execute()


def _logged_in(user: User, device, token_hash: str, at: dt.datetime, pool, pool_seal) -> Login:
    seal = dict(pool_seal)
    if isinstance(pool, LoginThrottle):
        LoginThrottle.update(failures=0, not_before=None).where(
            LoginThrottle.name == pool.name
        ).execute()
    token = ""
    if device is None:  # this PC has not logged in as the user before: it gets a token now
        token = secrets.token_urlsafe(32)
        token_hash = _token_hash(token)
        LoginDevice.create(
            token_hash=token_hash, user=user.id, created_at=at, last_used_at=at, failures=0
        )
    else:
        LoginDevice.update(failures=0, not_before=None, last_used_at=at).where(
            LoginDevice.token_hash == token_hash
        ).execute()
    seal[LoginDevice] = [token_hash]
    User.update(last_login_at=at).where(User.id == user.id).execute()
    seal[User] = [user.id]
    audit.append(user.username, "login", "user", user.id, {"new_pc": device is None}, at, seal=seal)
    return Login(Actor.from_user(user), token)


def authenticate(
    username: str, password: str, at: dt.datetime | None = None, device_token: str = ""
) -> Actor:
    """The user's Actor, or AuthError (see `login`)."""
    return login(username, password, device_token, at).actor


def recover_sysadmin(username: str, password: str, who: str) -> User:
    """Reset a sysadmin's password (making the account if there is none), for the office that
    lost every sysadmin password. Whoever can write the database file could do as much by hand;
    this way it is done openly: audited as `admin_recovery` by the OS user and host, and listed
    by `refund-desk check` ever after."""
    name = validation.username(username)
    at = utcnow()
    with dbmod.write():
        validation.password(password, password_minimum())
        user = User.get_or_none(User.username == name)
        if user is None:
            user = _create_user(name, name, frozenset({Role.SYSADMIN}), password, who, at)
        else:
            roles = set(Actor.from_user(user).roles) | {Role.SYSADMIN}
            User.update(
                password_hash=hash_password(password),
                roles=format_roles(frozenset(roles)),
                active=True,
                version=User.version + 1,
            ).where(User.id == user.id).execute()
        cleared = _clear_throttle(user)
        audit.append(
            who,
            "admin_recovery",
            "user",
            user.id,
            {"username": name},
            at,
            seal={User: [user.id], LoginThrottle: cleared},
        )
    return get_user(name)


def verify_in_backup(path: str, username: str, password: str) -> Actor:
    """Who a backup says `username` is, if `password` is theirs there (read only: for restoring
    over a database that can no longer be opened, where no log-in can be recorded)."""
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = con.execute(_WHO, ((username or "").strip(),)).fetchone()
        con.close()
    except sqlite3.Error:
        row = None
    return _verified(row, password)


def verify_without_writing(username: str, password: str) -> Actor:
    """The bound database's `username`, if `password` is theirs, read in any schema version and
    writing nothing: for an upgrade (the database cannot record a log-in before it) and for a
    read-only copy. (Whoever can read the file can try its hashes anyway; the throttle guards
    the office's own log-in, which writes.)"""
    with dbmod.connection() as database:
        row = database.execute_sql(
            _WHO.replace("?", database.param), ((username or "").strip(),)
        ).fetchone()
    return _verified(row, password)


_WHO = (
    'SELECT id, username, display_name, password_hash, roles, active FROM "user" WHERE username = ?'
)


def _verified(row, password: str) -> Actor:
    if row is None or not row[5] or not verify_password(password or "", row[3]):
        verify_password(password or "", _dummy_hash())
        raise AuthError("bad_login")
    return Actor(row[0], row[1], row[2], frozenset(Role(r) for r in row[4].split(",") if r))
