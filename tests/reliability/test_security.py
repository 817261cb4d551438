"""Security, adversarially: no password anywhere in the files the app writes, the login limit
holds against parallel guessing, a user disabled mid-session can do nothing, every refusal is
in the audit log, and no file the app writes is more readable than the database."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import textwrap
import time

import pytest

from refund_desk.domain.errors import AuthError, RefundDeskError, WorkflowError
from refund_desk.domain.workflow import Action, State
from refund_desk.store import db as dbmod
from refund_desk.store import maintenance, refunds, session, users
from refund_desk.store.actors import Actor
from refund_desk.store.models import AuditLog
from tests.conftest import refund_data
from tests.reliability.conftest import ROOT, env, python, record, size

pytestmark = pytest.mark.reliability
SECRET = "Zebra-Kiwi-4711"


def _cli(url, *args, stdin=""):
    return subprocess.run(
        python("-m", "refund_desk", "--db", url, *args),
        env=env(),
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_no_password_in_any_file_the_app_writes(tmp_path):
    url = str(tmp_path / "refunds.db")
    assert _cli(url, "init", "--admin", "boss", stdin=f"{SECRET}\n").returncode == 0
    added = _cli(
        url,
        "user",
        "add",
        "amy",
        "--role",
        "clerk",
        "--user",
        "boss",
        stdin=f"{SECRET}\n{SECRET}x\n",
    )
    assert added.returncode == 0, added.stderr
    assert _cli(url, "backup", str(tmp_path / "copy.db")).returncode == 0
    session.open_store(url)
    with pytest.raises(AuthError):
        users.authenticate("amy", SECRET + "-wrong")  # a wrong guess is audited, not stored
    dbmod.DB.obj.close()
    files = [p for p in tmp_path.iterdir() if p.is_file()]
    for path in files:
        raw = path.read_bytes()
        for word in (SECRET, SECRET + "x", SECRET + "-wrong"):
            for encoding in ("utf-8", "utf-16-le"):
                assert word.encode(encoding) not in raw, (path.name, word)
    record("security_passwords", {"files_scanned": len(files)})


GUESSER = textwrap.dedent(
    """
    import json, sys, time
    from refund_desk.store import session, users
    from refund_desk.domain.errors import AuthError
    session.open_store(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()
    out = []
    for i in range(int(sys.argv[2])):
        try:
            users.authenticate(sys.argv[4], f"guess-{sys.argv[3]}-{i}")
            out.append("in")
        except AuthError as e:
            out.append(e.code)
    print(json.dumps(out))
    """
)


def _guess_in_parallel(url, tmp_path, name, procs, tries):
    script = tmp_path / "guess.py"
    script.write_text(GUESSER)
    guessers = [
        subprocess.Popen(
            python(str(script), url, str(tries), str(n), name),
            env=env(),
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(procs)
    ]
    for g in guessers:
        assert g.stdout.readline().strip() == "ready"
    started = time.monotonic()
    for g in guessers:
        g.stdin.write("go\n")
        g.stdin.flush()
    answers = [a for g in guessers for a in json.loads(g.communicate(timeout=300)[0])]
    return answers, time.monotonic() - started


@pytest.mark.parametrize("name", ["director", "nobody-at-all"])
def test_login_limit_holds_against_parallel_guessing(office, tmp_path, name):
    """24 guesses fired at once: the count and the wait are decided in the attempt's own write
    transaction before the slow hash, so only a handful of passwords are ever tried, and an
    unknown name is answered exactly like a real one."""
    dbmod.DB.obj.close()
    procs, tries = size("guessers", 4), 6
    answers, seconds = _guess_in_parallel(office.url, tmp_path, name, procs, tries)
    checked = answers.count("bad_login")  # guesses whose password was actually tried
    # after n failures the next waits delay(n): within `seconds` at most this many get tried
    waited, bound = 0.0, 0
    while waited <= seconds:
        bound += 1
        waited += users.delay(bound).total_seconds()
    record(
        "security_login_limit",
        {
            "name": name,
            "guessers": procs,
            "tries_each": tries,
            "passwords_tried": checked,
            "told_to_wait": answers.count("login_wait"),
            "seconds": round(seconds, 2),
            "bound": bound,
        },
    )
    assert "in" not in answers and set(answers) <= {"bad_login", "login_wait"}
    assert checked <= bound, (answers, seconds)
    assert answers.count("login_wait") >= procs * tries - bound


def test_a_stranger_hammering_a_name_cannot_keep_its_owner_out(office, tmp_path):
    """The director's own PC logged in before (its token); guessers elsewhere make the name
    wait, yet the director logs in at once from that PC, in another process."""
    from refund_desk.store import devices

    devices.log_in("director", "demo-pass")
    dbmod.DB.obj.close()
    answers, _ = _guess_in_parallel(office.url, tmp_path, "director", 3, 10)
    assert answers.count("login_wait") > 0
    own = subprocess.run(
        python(
            "-c",
            "import sys; from refund_desk.store import session, devices; "
            "session.open_store(sys.argv[1]); "
            "print(devices.log_in('director', 'demo-pass').username)",
            office.url,
        ),
        env=env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert own.returncode == 0 and own.stdout.strip() == "director", own.stderr


def test_a_user_disabled_mid_session_can_do_nothing(sqlite_office):
    office = sqlite_office
    saved = office.new_refund()
    office.carry(saved, ("clerk", Action.SUBMIT))
    lead = office["lead"]  # logged in before being disabled: the session still holds the Actor
    users.set_active("lead", False, office["sysadmin"])
    with dbmod.connection():
        denied_before = AuditLog.select().where(AuditLog.action.startswith("denied:")).count()
    attempts = 0
    for action in Action:
        for target in (State.DRAFT, None):
            attempts += 1
            with pytest.raises(AuthError):
                refunds.act(
                    lead, saved.refund_id, 2, action, opinion="x" * 10, reason="r", target=target
                )
    attempts += 2
    with pytest.raises(AuthError):
        refunds.create_refund(lead, refund_data(), "k-disabled")
    with pytest.raises(AuthError):
        refunds.edit_refund(lead, saved.refund_id, 2, refund_data())
    with pytest.raises(AuthError):
        users.authenticate("lead", "demo-pass")
    with dbmod.connection():
        denied = AuditLog.select().where(AuditLog.action.startswith("denied:")).count()
        failed = AuditLog.select(AuditLog.detail).where(AuditLog.action == "login_failed")
        assert ['"why":"disabled"' in row.detail for row in failed] == [True]
    record("security_disabled", {"attempts": attempts, "denials_logged": denied - denied_before})
    assert denied - denied_before == attempts


def test_every_refusal_of_a_race_is_in_the_audit_log(sqlite_office):
    """Rules refusals (wrong role, wrong state, same person) are audited one for one."""
    from tests.reliability.worker import Writer

    log = sqlite_office.url + ".log"
    for _ in range(5):
        sqlite_office.new_refund()
    writer = Writer("sec", 7, log, think_ms=0)
    writer.run(size("audit_refusal_ops", 120))
    from pathlib import Path

    from tests.reliability.worker import read_log

    entries = read_log(Path(log))
    refused = [
        e
        for e in entries
        if e.get("cls") in ("NotAllowed", "WrongState", "SamePerson", "WorkflowError", "AuthError")
    ]
    with dbmod.connection():
        denied = AuditLog.select().where(AuditLog.action.startswith("denied:")).count()
    record("security_refusals_audited", {"refused": len(refused), "audited": denied})
    assert refused and denied == len(refused)
    assert issubclass(WorkflowError, RefundDeskError)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_no_file_the_app_writes_is_more_readable_than_the_database(tmp_path):
    url = str(tmp_path / "refunds.db")
    old = os.umask(0o022)  # an ordinary desktop umask: new files would be world-readable
    try:
        assert _cli(url, "init", "--admin", "boss", stdin=f"{SECRET}\n").returncode == 0
        os.chmod(url, 0o600)  # the office locked the file down
        session.open_store(url)
        copy = maintenance.backup_to(str(tmp_path / "copy.db"))
        safety = maintenance.restore_from(copy, Actor.from_user(users.get_user("boss")))
        dbmod.DB.obj.close()
        assert _cli(url, "backup", str(tmp_path / "cli-copy.db")).returncode == 0
    finally:
        os.umask(old)
    modes = {p.name: oct(_mode(p)) for p in tmp_path.iterdir() if p.suffix in (".db", ".bak")}
    record("security_file_modes", modes)
    assert _mode(url) == 0o600
    for path in (copy, safety, str(tmp_path / "cli-copy.db")):
        assert _mode(path) & ~0o600 == 0, (path, oct(_mode(path)))
