"""The admin command line, run as a person would: a real process, real files."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin: str = "", env_extra: dict | None = None, timeout: int = 120):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "refund_desk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def one_clear_line(result):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and lines[0].startswith("refund-desk: ")
    return lines[0]


@pytest.fixture(scope="module")
def _demo_original(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "office.db"
    result = run("--db", str(path), "demo", "--refunds", "40", "--seed", "3")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def demo_db(_demo_original, tmp_path):
    """A demo office of its own for each test (a copy of one made once by `demo`)."""
    path = tmp_path / "office.db"
    shutil.copy(_demo_original, path)
    return path


def test_demo_then_check(demo_db):
    result = run("--db", str(demo_db), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout and "audit chain" in result.stdout


def test_env_var_names_the_database(demo_db):
    assert run("check", env_extra={"REFUND_DESK_DB": str(demo_db)}).returncode == 0


def test_db_flag_beats_env_var_beats_the_choice_remembered_by_the_app(demo_db, tmp_path):
    from refund_desk import remembered

    remembered.remember(str(demo_db))  # what the desktop app's first-run dialog keeps
    assert run("check").returncode == 0
    elsewhere = {"REFUND_DESK_DB": str(tmp_path / "gone" / "x.db")}
    assert "gone" in one_clear_line(run("check", env_extra=elsewhere))
    assert run("--db", str(demo_db), "check", env_extra=elsewhere).returncode == 0


def test_errors_go_to_the_log_with_their_traceback(tmp_path):
    from refund_desk import logs

    one_clear_line(run("--db", str(tmp_path / "gone" / "x.db"), "check"))
    text = logs.log_file().read_text(encoding="utf-8")
    assert "cli[" in text and "command failed: " in text and "Traceback" in text


def test_a_log_folder_that_cannot_be_made_changes_nothing_on_screen(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    env = {"XDG_DATA_HOME": str(not_a_folder)}
    one_clear_line(run("--db", str(tmp_path / "gone" / "x.db"), "check", env_extra=env))


def test_version():
    from importlib.metadata import version

    result = run("--version")  # one number: the package's metadata
    assert result.returncode == 0
    assert result.stdout.strip() == f"refund-desk {version('refund-desk')}"


def test_init_user_add_list_passwd_disable(tmp_path):
    db = str(tmp_path / "new.db")
    assert run("--db", db, "init", "--admin", "root", stdin="secret1\n").returncode == 0
    assert (
        run(
            "--db",
            db,
            "user",
            "add",
            "wang",
            "--role",
            "clerk,cs_lead",
            "--display",
            "王小丽",
            stdin="pw1234\n",
        ).returncode
        == 0
    )
    listed = run("--db", db, "user", "list").stdout
    assert "wang\t王小丽\tclerk,cs_lead\t启用" in listed and "root" in listed
    assert run("--db", db, "user", "passwd", "wang", stdin="newpass\n").returncode == 0
    assert run("--db", db, "user", "disable", "wang").returncode == 0
    assert "停用" in run("--db", db, "user", "list").stdout
    assert run("--db", db, "check").returncode == 0


def test_english_output(tmp_path):
    db = str(tmp_path / "en.db")
    assert "Database ready" in run("--lang", "en", "--db", db, "init").stdout
    line = one_clear_line(
        run("--lang", "en", "--db", db, "user", "add", "x", "--role", "boss", stdin="secret\n")
    )
    assert "There is no role “boss”" in line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--db", "/nonexistent/folder/x.db", "check"], "共享盘"),
        (["--db", "mysql://host/db", "check"], "无法识别"),
        (["--db", "{tmp}/missing.db", "check"], "文件不存在"),
        (["--db", "{tmp}/garbage.db", "check"], "打不开数据库"),
        (["--db", "{db}", "user", "add", "x", "--role", "nope"], "没有“nope”这个角色"),
        (["--db", "{db}", "user", "passwd", "ghost"], "找不到用户"),
        (["--db", "{db}", "restore", "{tmp}/missing.db"], "文件不存在"),
        (["--db", "{db}", "calendar", "2026-13-01", "off"], "refund-desk:"),
        (["--db", "{db}", "user", "add", "weak", "--role", "clerk"], "密码至少"),
        (["frobnicate"], "invalid choice"),
        (["--db", "postgresql://nobody@127.0.0.1:1/none", "check"], "打不开数据库"),
    ],
)
def test_bad_input_gives_one_clear_line(args, expected, demo_db, tmp_path):
    (tmp_path / "garbage.db").write_bytes(b"not a database at all" * 200)
    args = [a.format(tmp=tmp_path, db=demo_db) for a in args]
    line = one_clear_line(run(*args, stdin="ab\n"))
    assert expected in line


def test_newer_database_is_refused_on_the_command_line(demo_db):
    import sqlite3

    con = sqlite3.connect(demo_db)
    con.execute("UPDATE schema_version SET version = 42")
    con.commit()
    con.close()
    assert "更新版本" in one_clear_line(run("--db", str(demo_db), "check"))


def test_backup_restore_round_trip(demo_db, tmp_path):
    dest = tmp_path / "backup.db"
    assert run("--db", str(demo_db), "backup", str(dest)).returncode == 0
    assert dest.exists()
    result = run("--db", str(demo_db), "restore", str(dest))
    assert result.returncode == 0, result.stderr
    assert run("--db", str(demo_db), "check").returncode == 0
    fresh = tmp_path / "fresh.db"
    assert run("--db", str(fresh), "restore", str(dest)).returncode == 0
    assert run("--db", str(fresh), "check").returncode == 0


def test_tampered_audit_fails_check(demo_db):
    import sqlite3

    con = sqlite3.connect(demo_db)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 20")
    con.commit()
    con.close()
    result = run("--db", str(demo_db), "check")
    assert result.returncode == 1 and "audit row 20" in result.stdout


def test_calendar_override(demo_db):
    result = run("--db", str(demo_db), "calendar", "2027-02-06", "working", "--note", "调休")
    assert result.returncode == 0 and "工作日" in result.stdout


def test_fault_categories_are_extensible(demo_db):
    added = run(
        "--db",
        str(demo_db),
        "category",
        "add",
        "changed_mind",
        "客户改变主意",
        "--en",
        "Changed mind",
    )
    assert added.returncode == 0, added.stderr
    listed = run("--db", str(demo_db), "category", "list").stdout.splitlines()
    assert listed[0].startswith("no_ticket_code\t扣款成功但未收到订单号及出票验证码")
    assert "changed_mind\t客户改变主意\tChanged mind" in listed
