"""Upgrades the sysadmin controls, tried with real processes: the new app on an older database
changes nothing until a sysadmin confirms; a read-only copy meanwhile; an older app still
running when the database is upgraded is refused on its next write and writes nothing (the old
code from the release tag); the same for this version once a newer one upgrades."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

import pytest

from refund_desk.domain.errors import DatabaseError
from refund_desk.store import db as dbmod
from refund_desk.store import migrations, queries, session
from tests.conftest import PASSWORD, refund_data

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
OLD_RELEASE = "v0.1.0"  # the release with schema 2 (git tag; its code is a fixture)


def _counts(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        return (
            con.execute("SELECT count(*) FROM refund").fetchone()[0],
            con.execute("SELECT count(*) FROM audit_log").fetchone()[0],
        )
    finally:
        con.close()


def test_a_read_only_copy_until_the_sysadmin_upgrades(tmp_path):
    path = tmp_path / "refunds.db"
    shutil.copy(FIXTURES / "schema_v2.db", path)
    before = path.read_bytes()
    copy = session.open_snapshot(str(path))
    assert "只读" in copy.display and copy.target != str(path)
    rows = queries.search(limit=1000)
    assert rows and queries.get_refund(rows[0].id).form_no == rows[0].form_no
    from refund_desk.store import refunds, users

    actor = users.verify_without_writing("clerk1", "demo")
    with pytest.raises(DatabaseError) as e:
        refunds.create_refund(actor, refund_data(), "k-read-only")
    assert e.value.code == "read_only_mode" and "只读" in e.value.text()
    dbmod.DB.obj.close()
    assert path.read_bytes() == before  # the real database untouched, still version 2
    session.upgrade(str(path), "sysadmin", "demo")
    assert dbmod.DB.obj is not None
    refunds.create_refund(users.authenticate("clerk1", "demo"), refund_data(), "k-after")


def test_the_command_line_upgrade_asks_for_confirmation_and_a_sysadmin(tmp_path):
    path = tmp_path / "refunds.db"
    shutil.copy(FIXTURES / "schema_v2.db", path)

    def cli(*args, stdin=""):
        return subprocess.run(
            [sys.executable, "-m", "refund_desk", "--db", str(path), *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )

    told = cli("check")
    assert told.returncode == 1 and "refund-desk migrate" in told.stderr, told.stderr
    assert "--yes" in cli("migrate", "--user", "sysadmin", stdin="demo\n").stderr
    refused = cli("migrate", "--yes", "--user", "clerk1", stdin="demo\n")
    assert refused.returncode == 1 and "系统管理员" in refused.stderr
    assert _counts(path)[1] == _counts(FIXTURES / "schema_v2.db")[1]  # nothing written
    done = cli("migrate", "--yes", "--user", "sysadmin", stdin="demo\n")
    assert done.returncode == 0 and ".bak" in done.stdout, done.stderr
    assert cli("check").returncode == 0
    con = sqlite3.connect(path)
    actor = con.execute("SELECT actor FROM audit_log WHERE action = 'migrate'").fetchone()[0]
    con.close()
    assert actor == "sysadmin"


def _cli(path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "refund_desk", "--db", str(path), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def _refused_only(path: Path, before: tuple[int, int]) -> bool:
    """Nothing restored: the same refunds, the same schema, no restore in the audit log (the
    signer's log-in may be)."""
    con = sqlite3.connect(path)
    try:
        actions = {
            a for (a,) in con.execute("SELECT action FROM audit_log WHERE seq > ?", before[1:])
        }
        version = con.execute("SELECT version FROM schema_version").fetchone()[0]
    finally:
        con.close()
    return (_counts(path)[0], version) == (before[0], migrations.LATEST) and actions <= {"login"}


def test_a_backup_of_another_schema_is_refused_and_the_sentence_says_what_works(tmp_path):
    office = tmp_path / "refunds.db"
    shutil.copy(FIXTURES / "schema_v2.db", office)
    old_backup = tmp_path / "before.bak"  # taken by the older release, before the upgrade
    shutil.copy(office, old_backup)
    assert _cli(office, "migrate", "--yes", "--user", "sysadmin", stdin="demo\n").returncode == 0
    kept = _counts(office)
    signed = ("--user", "sysadmin")
    refused = _cli(office, "restore", str(old_backup), *signed, stdin="demo\n")
    assert refused.returncode == 1 and "旧版本的结构（2）" in refused.stderr, refused.stderr
    assert "migrate --yes" in refused.stderr
    assert _refused_only(office, kept)
    # What the sentence says works: upgrade a copy of the backup, restore the copy. The copy
    # is known as the same database (its identity comes from its history, not from chance).
    upgraded = tmp_path / "before-upgraded.db"
    shutil.copy(old_backup, upgraded)
    assert _cli(upgraded, "migrate", "--yes", "--user", "sysadmin", stdin="demo\n").returncode == 0
    done = _cli(office, "restore", str(upgraded), *signed, stdin="demo\n")
    assert done.returncode == 0, done.stderr
    assert _cli(office, "check").returncode == 0
    # A backup from a newer program (its schema number above this one's) is refused too.
    newer = tmp_path / "newer.bak"
    shutil.copy(upgraded, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE schema_version SET version = ?", (migrations.LATEST + 1,))
    con.commit()
    con.close()
    kept = _counts(office)
    refused = _cli(office, "restore", str(newer), *signed, stdin="demo\n")
    assert refused.returncode == 1 and "更新版本" in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr and _refused_only(office, kept)
    other = tmp_path / "other.db"  # a different office's backup stays refused
    shutil.copy(FIXTURES / f"schema_v{migrations.LATEST}.db", other)  # made by this version
    refused = _cli(office, "restore", str(other), *signed, stdin="demo\n")
    assert refused.returncode == 1 and "另一个数据库" in refused.stderr, refused.stderr


WRITER = textwrap.dedent(
    """
    import json, sys, uuid
    sys.path.insert(0, sys.argv[1])
    from refund_desk.store import session, refunds, users
    from refund_desk.domain.errors import RefundDeskError
    session.open_store(sys.argv[2])
    actor = users.authenticate(sys.argv[3], sys.argv[4])
    import refund_desk
    print("ready", refund_desk.__file__, flush=True)
    sys.stdin.readline()  # meanwhile the database is upgraded under this running app
    data = {
        "order_no": "TK" + str(uuid.uuid4().int)[:12], "phone": "13800138000",
        "purchase_time": "2026-01-05 09:30", "bank": "icbc", "amount": "12.50",
        "fault_category": "no_ticket_code", "fault_description": "x", "customer_view": "y",
    }
    try:
        refunds.create_refund(actor, data, uuid.uuid4().hex)
        print(json.dumps({"saved": True}))
    except RefundDeskError as e:
        print(json.dumps({"refused": e.text()}))
    except Exception as e:
        print(json.dumps({"crashed": type(e).__name__ + ": " + str(e)}))
    """
)


def _start_writer(code: Path, path: Path, user: str, password: str) -> subprocess.Popen:
    script = path.parent / "writer.py"
    script.write_text(WRITER)
    process = subprocess.Popen(
        [sys.executable, str(script), str(code), str(path), user, password],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=path.parent,
        env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin", "HOME": str(path.parent)},
    )
    ready = process.stdout.readline().split()
    assert ready[:1] == ["ready"], process.stderr.read()
    assert ready[1].startswith(str(code)), ready  # the code asked for, not this checkout's
    return process


def _old_release(tmp_path: Path) -> Path:
    """The previous release's code, kept as a fixture (`git archive --format=tar.gz v0.1.0
    refund_desk`): a clone without tags, as CI may make, runs this test too."""
    folder = tmp_path / "old-release"
    folder.mkdir()
    with tarfile.open(FIXTURES / f"release-{OLD_RELEASE}.tar.gz") as archive:
        archive.extractall(folder, filter="data")
    return folder


def test_an_older_app_still_running_writes_nothing_after_the_upgrade(tmp_path):
    """The previous release's own code has the database open when the sysadmin upgrades it;
    its next save is refused by the database and leaves no trace."""
    import json

    path = tmp_path / "refunds.db"
    shutil.copy(FIXTURES / "schema_v2.db", path)
    old = _start_writer(_old_release(tmp_path), path, "clerk1", "demo")
    session.upgrade(str(path), "sysadmin", "demo")
    dbmod.DB.obj.close()
    before = _counts(path)
    out, err = old.communicate("go\n", timeout=120)
    answer = json.loads(out.strip().splitlines()[-1])
    assert "saved" not in answer and "crashed" not in answer, (answer, err)
    assert _counts(path) == before
    session.open_store(str(path))
    from refund_desk.store import maintenance

    assert maintenance.check().ok


def test_this_version_still_running_writes_nothing_once_a_newer_one_upgrades(tmp_path):
    """This version has the database open; a newer version's upgrade moves the schema on (its
    version in the file); this one's next write is refused with one sentence."""
    import json

    from tests.conftest import make_office

    path = tmp_path / "refunds.db"
    make_office(str(path))
    dbmod.DB.obj.close()
    running = _start_writer(ROOT, path, "clerk", PASSWORD)
    newer = migrations.LATEST + 1
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE refund ADD COLUMN next_version_column TEXT")  # the newer migration
    con.execute(f"UPDATE schema_version SET version = {newer}")
    con.execute(f"PRAGMA user_version = {newer}")
    con.commit()
    con.close()
    before = _counts(path)
    out, err = running.communicate("go\n", timeout=120)
    answer = json.loads(out.strip().splitlines()[-1])
    assert "refused" in answer and "新版本" in answer["refused"], (answer, err)
    assert _counts(path) == before
