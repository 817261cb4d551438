import datetime as dt
import os
import stat

import pytest

from refund_desk.domain.errors import AuthError, ValidationError
from refund_desk.domain.roles import Role
from refund_desk.store import db as dbmod
from refund_desk.store import users
from refund_desk.store.actors import Actor
from refund_desk.store.models import AuditLog, User


def test_passwords_are_stored_only_as_kdf_hashes(office):
    with dbmod.connection():
        stored = User.get(User.username == "clerk").password_hash
    assert stored.startswith("scrypt$") and "demo" not in stored
    assert users.verify_password("demo", stored)
    assert not users.verify_password("Demo", stored)
    assert users.hash_password("demo") != users.hash_password("demo")  # salted


def test_login_gives_the_roles(office):
    actor = users.authenticate("all_finance", "demo")
    assert Role.CASHIER in actor.roles and Role.FINANCE_DIRECTOR in actor.roles


def test_login_is_rate_limited_and_failures_are_audited(office):
    now = dt.datetime.now(dt.UTC)
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(AuthError) as e:
            users.authenticate("clerk", "wrong", at=now)
        assert e.value.code == "bad_login"
    with pytest.raises(AuthError) as e:
        users.authenticate("clerk", "demo", at=now + dt.timedelta(minutes=1))
    assert e.value.code == "locked_out" and "分钟" in e.value.text()
    assert users.authenticate("clerk", "demo", at=now + dt.timedelta(minutes=6))
    with dbmod.connection():
        assert AuditLog.select().where(AuditLog.action == "login_failed").count() == 5


def test_unknown_user_gets_the_same_sentence(office):
    with pytest.raises(AuthError) as e:
        users.authenticate("nobody", "demo")
    assert e.value.text() == "用户名或密码不对。"


def test_duplicate_user_and_weak_password(office):
    with pytest.raises(ValidationError):
        users.add_user("clerk", "x", frozenset({Role.CLERK}), "demo", Actor.command_line())
    with pytest.raises(ValidationError):
        users.add_user("new", "x", frozenset({Role.CLERK}), "abc", Actor.command_line())


def test_app_does_not_widen_the_file_permissions(sqlite_url):
    from refund_desk.store import session

    old = os.umask(0o077)
    try:
        session.open_store(sqlite_url, create=True)
    finally:
        os.umask(old)
    mode = stat.S_IMODE(os.stat(sqlite_url).st_mode)
    assert mode & 0o077 == 0
