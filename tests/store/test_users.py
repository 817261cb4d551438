"""Accounts and log-in, as an adversary would try them: guessing, locking others out, telling
which names exist, weak passwords, administration without the right."""

import contextlib
import datetime as dt
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from refund_desk.domain.errors import AuthError, NotAllowed, ValidationError
from refund_desk.domain.roles import Role
from refund_desk.store import db as dbmod
from refund_desk.store import devices, settings, users
from refund_desk.store.actors import Actor
from refund_desk.store.models import AuditLog, LoginThrottle, User
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
T0 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_passwords_are_stored_only_as_kdf_hashes(office):
    with dbmod.connection():
        stored = User.get(User.username == "clerk").password_hash
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert users.verify_password(PASSWORD, stored)
    assert not users.verify_password(PASSWORD.upper(), stored)
    assert users.hash_password(PASSWORD) != users.hash_password(PASSWORD)  # salted


def test_the_product_cost_of_scrypt_is_the_slow_one(tmp_path):
    """Tests lower the cost for speed (conftest), in this process only: the command line, run
    as a real process, makes its first sysadmin's hash at the product's cost, 2¹⁴, and the
    hash verifies here at the cost it carries."""
    assert users.SCRYPT["n"] < 2**14  # conftest lowered it here
    db = tmp_path / "office.db"
    made = subprocess.run(
        [sys.executable, "-m", "refund_desk", "--db", str(db), "init", "--admin", "root"],
        input="Secret-123\n",
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    with contextlib.closing(sqlite3.connect(db)) as con:
        (stored,) = con.execute("SELECT password_hash FROM user WHERE username = 'root'").fetchone()
    assert stored.startswith("scrypt$16384$8$1$")
    assert users.verify_password("Secret-123", stored)
    assert not users.verify_password("Secret-124", stored)


def test_login_gives_the_roles(office):
    actor = users.authenticate("all_finance", PASSWORD)
    assert Role.CASHIER in actor.roles and Role.FINANCE_DIRECTOR in actor.roles


def test_failures_slow_the_next_attempt_and_are_audited(office):
    for i in range(users.FREE_FAILURES):
        with pytest.raises(AuthError) as e:
            users.authenticate("clerk", f"wrong-{i}", at=at(i))
        assert e.value.code == "bad_login"
    with pytest.raises(AuthError):  # the fifth failure: from now on each attempt waits
        users.authenticate("clerk", "wrong-5", at=at(10))
    with pytest.raises(AuthError) as e:  # even the right password, inside the wait
        users.authenticate("clerk", PASSWORD, at=at(10.5))
    assert e.value.code == "login_wait" and "秒" in e.value.text()
    assert users.authenticate("clerk", PASSWORD, at=at(12)).username == "clerk"
    with dbmod.connection():
        assert AuditLog.select().where(AuditLog.action == "login_failed").count() == 5
        assert AuditLog.select().where(AuditLog.action == "login_throttled").count() == 1
        assert LoginThrottle.get_by_id("clerk").failures == 0  # a success starts afresh


def test_the_rate_of_guesses_is_bounded(office):
    """Guessing as fast as the answers allow for an hour tries ≈ log2 of the time, then one
    guess per MAX_DELAY."""
    tried, now = 0, 0.0
    while now < 3600:
        try:
            users.authenticate("director", f"guess-{now}", at=at(now))
        except AuthError as e:
            tried += e.code == "bad_login"
        now += 5  # faster than any wait after the first few
    # the most any guesser could try: attempt n comes after the waits of the n - 1 before it
    waited, bound = 0.0, 0
    while waited <= 3600:
        bound += 1
        waited += users.delay(bound).total_seconds()
    assert 0 < tried <= bound <= 20, (tried, bound)
    assert users.delay(10**6) == users.MAX_DELAY  # at most 96 a day from then on


def test_a_stranger_cannot_keep_the_user_out_of_their_own_pc(office):
    """The director logged in here before: this PC's token keeps its own count."""
    devices.log_in("director", PASSWORD)
    now = dt.datetime.now(dt.UTC)
    for i in range(40):  # someone elsewhere hammers the name
        with pytest.raises(AuthError):
            users.authenticate("director", f"guess-{i}", at=now)
    assert devices.log_in("director", PASSWORD).username == "director"
    with pytest.raises(AuthError) as e:  # while elsewhere the name waits
        users.authenticate("director", PASSWORD, at=now)
    assert e.value.code == "login_wait"
    alerts = users.login_alerts()
    assert [a.name for a in alerts] == ["director"] and alerts[0].known_user


def test_unknown_disabled_and_wrong_get_the_same_answers(office):
    users.set_active("cashier2", False, office["sysadmin"])
    answers = set()
    for name, password in (("nobody", PASSWORD), ("cashier2", PASSWORD), ("clerk", "wrong")):
        with pytest.raises(AuthError) as e:
            users.authenticate(name, password, at=T0)
        answers.add((e.value.code, e.value.text()))
    assert answers == {("bad_login", "用户名或密码不对，或该账户已停用。")}
    waits = set()
    for name in ("nobody", "clerk"):  # the wait is asked of every name alike
        for i in range(users.FREE_FAILURES + 1):
            with pytest.raises(AuthError):
                users.authenticate(name, f"w{i}", at=at(1))
        with pytest.raises(AuthError) as e:
            users.authenticate(name, "w", at=at(1.2))
        waits.add((e.value.code, e.value.text()))
    assert len(waits) == 1 and next(iter(waits))[0] == "login_wait"


def test_passwords_have_a_minimum_length_that_is_a_setting(office):
    admin = office["sysadmin"]
    with pytest.raises(ValidationError) as e:
        users.add_user("short", "x", frozenset({Role.CLERK}), "abc4567", admin)  # 7
    assert e.value.code == "weak_password" and "8" in e.value.text()
    users.add_user("eight", "x", frozenset({Role.CLERK}), "abcd5678", admin)
    settings.put("password_min_length", "12", admin)
    with pytest.raises(ValidationError):
        users.set_password("eight", "abcdefgh901", admin)  # 11 < 12
    with pytest.raises(ValidationError) as e:
        settings.put("password_min_length", "4", admin)  # never below 8
    assert e.value.code == "setting_password_min"


def test_administration_needs_the_permission_and_refusals_are_audited(office):
    for who in (office["clerk"], office["director"], Actor.command_line()):
        with pytest.raises((NotAllowed, AuthError)):
            users.set_roles("clerk", frozenset({Role.CLERK, Role.FINANCE_DIRECTOR}), who)
        with pytest.raises((NotAllowed, AuthError)):
            users.set_password("accountant", "Takeover-123", who)
    with dbmod.connection():
        denied = AuditLog.select().where(AuditLog.action.startswith("denied:user_")).count()
        assert User.get(User.username == "clerk").roles == "clerk"
    assert denied == 6
    assert users.authenticate("accountant", PASSWORD)  # untouched


def test_a_user_may_change_only_their_own_password_without_the_permission(office):
    users.set_password("clerk", "New-pass-123", office["clerk"])
    assert users.authenticate("clerk", "New-pass-123")


def test_the_last_sysadmin_cannot_be_removed(office):
    with pytest.raises(ValidationError) as e:
        users.set_roles("sysadmin", frozenset({Role.CLERK}), office["sysadmin"])
    assert e.value.code == "last_sysadmin"
    with pytest.raises(ValidationError):
        users.set_active("sysadmin", False, office["sysadmin"])


def test_duplicate_and_odd_user_names(office):
    admin = office["sysadmin"]
    with pytest.raises(ValidationError) as e:
        users.add_user("clerk", "x", frozenset({Role.CLERK}), PASSWORD, admin)
    assert e.value.code == "user_exists"
    for bad in ("", "has space", "semi;colon", "nul\x00byte", "x" * 41, "\udcff"):
        with pytest.raises(ValidationError):
            users.add_user(bad, "x", frozenset({Role.CLERK}), PASSWORD, admin)


def test_unlock_clears_the_wait(office):
    for i in range(users.FREE_FAILURES + 3):
        with pytest.raises(AuthError):
            users.authenticate("tech", f"w{i}", at=dt.datetime.now(dt.UTC))
    with pytest.raises(AuthError):
        users.authenticate("tech", PASSWORD)
    users.unlock("tech", office["sysadmin"])
    assert users.authenticate("tech", PASSWORD)


def test_app_does_not_widen_the_file_permissions(sqlite_url):
    from refund_desk.store import session

    old = os.umask(0o077)
    try:
        session.open_store(sqlite_url, create=True)
    finally:
        os.umask(old)
    mode = stat.S_IMODE(os.stat(sqlite_url).st_mode)
    assert mode & 0o077 == 0
