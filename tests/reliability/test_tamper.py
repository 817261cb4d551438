"""Tampering outside the program, as someone with write access to the file (or the server) and
a SQL shell would do it: each change must make `refund-desk check` fail, naming the row or the
part of the schema. Run as a real process, like the office's IT person would run it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest

from refund_desk.domain.workflow import Action, State
from refund_desk.store import adjustments, audit
from refund_desk.store import db as dbmod
from tests.conftest import forward
from tests.reliability.conftest import ROOT, env, python, record

pytestmark = pytest.mark.reliability
TRIGGERS_OFF = (
    "DROP TRIGGER audit_log_no_update",
    "DROP TRIGGER audit_log_no_delete",
    "DROP TRIGGER duty_holder_no_update",
    "DROP TRIGGER duty_holder_no_delete",
)


def check(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        python("-m", "refund_desk", "--lang", "en", "--db", url, "check"),
        env=env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def history(sqlite_office):
    """An office with a paid refund, a draft, an approved adjustment, and a disabled user."""
    office = sqlite_office
    paid = office.carry(
        office.new_refund(amount="128.50"),
        *forward(State.REFUNDED),
    )
    draft = office.new_refund()
    made = adjustments.record(office["cashier"], paid.refund_id, "-8.50", "银行手续费")
    adjustments.decide(office["director"], made.id, made.version, True, "同意")
    from refund_desk.store import users

    users.set_active("cashier2", False, office["sysadmin"])
    assert check(office.url).returncode == 0  # clean, and this PC has seen the chain's head
    dbmod.DB.obj.close()
    return {"url": office.url, "paid": paid.refund_id, "draft": draft.refund_id, "adj": made.id}


def _sql(url: str, *statements: str, args: tuple = ()) -> None:
    con = sqlite3.connect(url)
    for statement in statements:
        con.execute(statement, args) if "?" in statement else con.execute(statement)
    con.commit()
    con.close()


CASES = {
    # what was changed: (SQL, what the FAIL line must name)
    "refund amount ×10": (
        ["UPDATE refund SET amount_fen = amount_fen * 10 WHERE id = {paid}"],
        "refund/{paid}",
    ),
    "refund bank": (["UPDATE refund SET bank = 'cmb' WHERE id = {paid}"], "refund/{paid}"),
    "refund mobile": (
        ["UPDATE refund SET phone = '13900000000' WHERE id = {draft}"],
        "refund/{draft}",
    ),
    "state moved forward": (
        ["UPDATE refund SET state = 'awaiting_payment' WHERE id = {draft}"],
        "refund/{draft}",
    ),
    "clerk given the director's role": (
        ["UPDATE user SET roles = 'clerk,finance_director' WHERE username = 'clerk'"],
        "user/",
    ),
    "password hashes swapped": (
        [
            "UPDATE user SET password_hash = (SELECT password_hash FROM user WHERE username = "
            "'clerk') WHERE username = 'director'"
        ],
        "user/",
    ),
    "disabled user enabled": (["UPDATE user SET active = 1 WHERE username = 'cashier2'"], "user/"),
    "step record deleted": (
        ["DELETE FROM step_record WHERE id = (SELECT max(id) FROM step_record)"],
        "step_record/",
    ),
    "opinion rewritten": (
        ["UPDATE step_record SET opinion = '同意' WHERE action = 'director_approve'"],
        "step_record/",
    ),
    "setting changed": (
        ["UPDATE setting SET value = '99999999' WHERE key = 'amount_ceiling_fen'"],
        "setting/amount_ceiling_fen",
    ),
    "adjustment changed": (
        ["UPDATE adjustment SET amount_fen = -85000 WHERE id = {adj}"],
        "adjustment/{adj}",
    ),
    "duty record removed": (
        [*TRIGGERS_OFF[2:], "DELETE FROM duty_holder WHERE duty = 'director'"],
        "duty_holder/refund:{paid}",
    ),
    "row added by hand": (
        [
            "INSERT INTO fault_category (code, label_zh, label_en, active, "
            "sort_order) VALUES ('x', 'x', 'x', 1, 1)"
        ],
        "fault_category/x",
    ),
    "audit trigger dropped": (["DROP TRIGGER audit_log_no_update"], "audit_log_no_update"),
    "audit trigger altered": (
        [
            "DROP TRIGGER audit_log_no_delete",
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN 0 "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
        ],
        "audit_log_no_delete",
    ),
    "separation trigger dropped": (
        ["DROP TRIGGER duty_holder_separation"],
        "duty_holder_separation",
    ),
    "index dropped": (["DROP INDEX refund_order_claim"], "refund_order_claim"),
    "log emptied, head reset": (
        [
            *TRIGGERS_OFF[:2],
            "DELETE FROM audit_log",
            f"UPDATE audit_head SET last_seq = 0, last_hash = '{audit.GENESIS}'",
        ],
        "row seals",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_change_outside_the_program_is_found_and_named(history, case):
    statements, named = CASES[case]
    _sql(history["url"], *(s.format(**history) for s in statements))
    done = check(history["url"])
    fails = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    record("tamper", {"case": case, "found_by": [f.split(":")[0][5:] for f in fails]})
    assert done.returncode == 1, done.stdout
    assert any(named.format(**history) in line for line in fails), done.stdout
    assert "Traceback" not in done.stderr


def test_the_newest_audit_rows_removed_and_the_head_fixed(history):
    """The tail of the log cut off and the head made to match it: the rows those audit rows
    sealed no longer match any seal, and this PC saw a longer chain."""
    con = sqlite3.connect(history["url"])
    last = con.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    keep, digest = con.execute(
        "SELECT seq, hash FROM audit_log WHERE seq = ?", (last - 3,)
    ).fetchone()
    con.close()
    _sql(
        history["url"],
        *TRIGGERS_OFF[:2],
        f"DELETE FROM audit_log WHERE seq > {keep}",
        f"UPDATE audit_head SET last_seq = {keep}, last_hash = '{digest}'",
    )
    done = check(history["url"])
    fails = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert done.returncode == 1
    assert any(line.startswith("FAIL audit anchor") for line in fails), done.stdout
    assert any(line.startswith("FAIL row seals") for line in fails), done.stdout


def test_a_recomputed_chain_is_found_by_this_pcs_anchor(history):
    """The refund's amount changed, its seal in the audit row rewritten to match, and the chain
    recomputed from there to a new head: internally perfect, so only the anchor can tell."""
    import json

    con = sqlite3.connect(history["url"])
    for statement in TRIGGERS_OFF[:2]:
        con.execute(statement)
    con.execute("UPDATE refund SET amount_fen = 9999900 WHERE id = ?", (history["paid"],))
    con.commit()
    rows = con.execute(
        "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, sealed "
        "FROM audit_log ORDER BY seq"
    ).fetchall()
    from refund_desk.store import seals, session
    from refund_desk.store.models import Refund

    session.open_store(history["url"])
    with dbmod.connection():
        new_seal = seals.seal_of(Refund, [history["paid"]])
    dbmod.DB.obj.close()
    name = f"refund/{history['paid']}"
    start = max(seq for seq, *_r, sealed in rows if sealed and name in json.loads(sealed))
    prev = None
    import datetime as dt

    for seq, at, actor, action, entity, entity_id, detail, prev_hash, sealed in rows:
        if seq < start:
            continue
        if seq == start:
            data = json.loads(sealed)
            data.update(new_seal)
            sealed = audit.canonical(data)
        prev_hash = prev if prev is not None else prev_hash
        when = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
        digest = audit.row_hash(
            seq, when, actor, action, entity, entity_id, detail, prev_hash, sealed
        )
        con.execute(
            "UPDATE audit_log SET sealed = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (sealed, prev_hash, digest, seq),
        )
        prev = digest
    con.execute("UPDATE audit_head SET last_hash = ?", (prev,))
    for name in ("no_update", "no_delete"):  # and the triggers put back exactly as they were
        event = name.removeprefix("no_").upper()
        con.execute(
            f"CREATE TRIGGER audit_log_{name} BEFORE {event} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )
    con.commit()
    con.close()
    done = check(history["url"])
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith("OK   schema") for line in lines), done.stdout
    assert any(line.startswith("OK   audit chain") for line in lines), done.stdout
    assert any(line.startswith("OK   row seals") for line in lines), done.stdout
    assert any(line.startswith("FAIL audit anchor") for line in lines), done.stdout


def test_an_older_copy_put_in_place_is_found_but_a_restore_is_explained(history, tmp_path):
    url = history["url"]
    old = tmp_path / "old.db"
    shutil.copy(url, old)  # an earlier state of the same database
    from refund_desk.store import session, users

    session.open_store(url)
    from refund_desk.store.actors import Actor

    users.set_active("cashier2", True, Actor.from_user(users.get_user("sysadmin")))
    dbmod.DB.obj.close()
    assert check(url).returncode == 0
    kept = tmp_path / "kept.db"
    shutil.copy(url, kept)
    shutil.copy(old, url)  # by hand, behind the program's back
    done = check(url)
    assert done.returncode == 1 and "FAIL audit anchor" in done.stdout, done.stdout
    shutil.copy(kept, url)
    restored = subprocess.run(
        python("-m", "refund_desk", "--db", url, "restore", str(old), "--user", "sysadmin"),
        env=env(),
        cwd=ROOT,
        input="demo-pass\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert restored.returncode == 0, restored.stderr
    done = check(url)
    assert done.returncode == 0, done.stdout
    assert "NOTE restore" in done.stdout and "sysadmin" in done.stdout


@pytest.mark.postgres
def test_postgresql_changes_outside_the_program_are_found(pg_url):
    """The same, on a server: someone with a SQL session as the database owner."""
    import psycopg2

    from tests.conftest import make_office

    office = make_office(pg_url)
    saved = office.carry(office.new_refund(), ("clerk", Action.SUBMIT))
    assert check(office.url).returncode == 0
    con = psycopg2.connect(office.url)
    con.autocommit = True
    cur = con.cursor()
    cases = [
        (
            "UPDATE refund SET amount_fen = amount_fen * 10 WHERE id = %s",
            (saved.refund_id,),
            f"refund/{saved.refund_id}",
        ),
        (
            "UPDATE \"user\" SET roles = 'clerk,finance_director' WHERE username = 'clerk'",
            (),
            "user/",
        ),
        ("DELETE FROM step_record WHERE refund_id = %s", (saved.refund_id,), "step_record/"),
        ("DROP TRIGGER audit_log_no_change ON audit_log", (), "audit_log_no_change"),
    ]
    for statement, args, named in cases:
        cur.execute(statement, args)
        done = check(office.url)
        assert done.returncode == 1 and named in done.stdout, (statement, done.stdout)
    cur.execute("DELETE FROM audit_log")
    cur.execute(f"UPDATE audit_head SET last_seq = 0, last_hash = '{audit.GENESIS}'")
    done = check(office.url)
    assert done.returncode == 1 and "FAIL audit anchor" in done.stdout, done.stdout
    con.close()
