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
    assert "FAIL" not in result.stdout and "审计链" in result.stdout
    labels = [line.split(":")[0] for line in result.stdout.splitlines()]
    assert not [label for label in labels if "audit" in label or " ok" in label], labels
    english = run("--lang", "en", "--db", str(demo_db), "check")
    assert "audit chain" in english.stdout and "审计链" not in english.stdout


def test_env_var_names_the_database(demo_db):
    assert run("check", env_extra={"REFUND_DESK_DB": str(demo_db)}).returncode == 0


ROOT_PW = "Root-pass-1"


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
    assert run("--db", db, "init", "--admin", "root", stdin=f"{ROOT_PW}\n").returncode == 0
    signed = ("--user", "root")
    added = run(
        "--db",
        db,
        "user",
        "add",
        "wang",
        "--role",
        "clerk,cs_lead",
        "--display",
        "王小丽",
        *signed,
        stdin=f"{ROOT_PW}\npw123456\n",  # the signer's password, then the new user's
    )
    assert added.returncode == 0, added.stderr
    listed = run("--db", db, "user", "list").stdout
    assert "wang\t王小丽\tclerk,cs_lead\t启用" in listed and "root" in listed
    changed = run("--db", db, "user", "passwd", "wang", *signed, stdin=f"{ROOT_PW}\nnewpass1\n")
    assert changed.returncode == 0, changed.stderr
    assert run("--db", db, "user", "disable", "wang", *signed, stdin=f"{ROOT_PW}\n").returncode == 0
    assert "停用" in run("--db", db, "user", "list").stdout
    assert run("--db", db, "check").returncode == 0


def test_every_change_is_signed_by_a_user_who_may_make_it(tmp_path):
    """A stranger at a shell: no --user, a wrong password, or a clerk's own account changes
    nothing; what is done is audited under the signer's name."""
    import sqlite3

    db = str(tmp_path / "office.db")
    assert run("--db", db, "init", "--admin", "root", stdin=f"{ROOT_PW}\n").returncode == 0
    root = ("--user", "root")
    assert (
        run(
            "--db",
            db,
            "user",
            "add",
            "amy",
            "--role",
            "clerk",
            *root,
            stdin=f"{ROOT_PW}\nAmy-pass-1\n",
        ).returncode
        == 0
    )
    usage = run("--db", db, "user", "roles", "amy", "--role", "clerk,finance_director")
    assert usage.returncode == 2 and "--user" in usage.stderr  # the signer is required
    wrong = one_clear_line(
        run(
            "--db", db, "user", "roles", "amy", "--role", "finance_director", *root, stdin="guess\n"
        )
    )
    assert "用户名或密码不对" in wrong
    own = one_clear_line(
        run(
            "--db",
            db,
            "user",
            "roles",
            "amy",
            "--role",
            "clerk,finance_director",
            "--user",
            "amy",
            stdin="Amy-pass-1\n",
        )
    )
    assert "没有权限" in own
    for args in (
        ("user", "passwd", "root"),
        ("setting", "set", "amount_ceiling_fen", "99999999"),
        ("category", "add", "x_cat", "某类"),
        ("calendar", "2027-02-06", "working"),
    ):
        result = run("--db", db, *args, "--user", "amy", stdin="Amy-pass-1\nHacked-pass-1\n")
        assert result.returncode == 1 and "没有权限" in result.stderr, (args, result.stderr)
    assert (
        run(
            "--db",
            db,
            "user",
            "roles",
            "amy",
            "--role",
            "clerk,cs_lead",
            *root,
            stdin=f"{ROOT_PW}\n",
        ).returncode
        == 0
    )
    con = sqlite3.connect(db)
    actors = dict(
        con.execute(
            "SELECT action, actor FROM audit_log WHERE action IN ('user_roles', 'user_add')"
        ).fetchall()
    )
    denied = con.execute("SELECT count(*) FROM audit_log WHERE action LIKE 'denied:%'").fetchone()
    con.close()
    assert actors == {"user_add": "root", "user_roles": "root"}
    assert denied[0] == 5
    assert run("--db", db, "check").returncode == 0


def test_a_lost_sysadmin_password_can_be_recovered_loudly(tmp_path):
    db = str(tmp_path / "office.db")
    assert run("--db", db, "init", "--admin", "root", stdin=f"{ROOT_PW}\n").returncode == 0
    refused = one_clear_line(run("--db", db, "recover-admin", "root", stdin="New-root-1\n"))
    assert "--yes" in refused
    done = run("--db", db, "recover-admin", "root", "--yes", stdin="New-root-1\n")
    assert done.returncode == 0, done.stderr
    check = run("--lang", "en", "--db", db, "check")
    assert check.returncode == 0 and "NOTE sysadmin recovery" in check.stdout
    assert (
        run(
            "--db",
            db,
            "user",
            "list",
        ).returncode
        == 0
    )
    assert (
        run("--db", db, "user", "unlock", "root", "--user", "root", stdin="New-root-1\n").returncode
        == 0
    )


def test_english_output(tmp_path):
    db = str(tmp_path / "en.db")
    made = run("--lang", "en", "--db", db, "init", "--admin", "root", stdin=f"{ROOT_PW}\n")
    assert "Database ready" in made.stdout
    line = one_clear_line(
        run(
            "--lang",
            "en",
            "--db",
            db,
            "user",
            "add",
            "x",
            "--role",
            "boss",
            "--user",
            "root",
            stdin=f"{ROOT_PW}\nsecret12\n",
        )
    )
    assert "There is no role “boss”" in line
    helped = run("--lang", "en", "--help")
    assert helped.returncode == 0 and "usage:" in helped.stdout and "数据库" not in helped.stdout
    assert "用法" in run("--help").stdout
    assert "the following arguments are required" in run("--lang", "en", "init").stderr
    assert "缺少必填参数" in run("init").stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--db", "/nonexistent/folder/x.db", "check"], "共享盘"),
        (["--db", "mysql://host/db", "check"], "无法识别"),
        (["--db", "{tmp}/missing.db", "check"], "文件不存在"),
        (["--db", "{tmp}/garbage.db", "check"], "打不开数据库"),
        (
            ["--db", "{db}", "user", "add", "x", "--role", "nope", "--user", "sysadmin"],
            "没有“nope”这个角色",
        ),
        (["--db", "{db}", "user", "passwd", "ghost", "--user", "sysadmin"], "找不到用户"),
        (["--db", "{db}", "restore", "{tmp}/missing.db", "--user", "sysadmin"], "文件不存在"),
        (["--db", "{db}", "restore", "{tmp}/garbage.db", "--user", "sysadmin"], "不能作为备份"),
        (["--db", "{db}", "restore", "{db}", "--user", "sysadmin"], "恢复它自己"),
        (["--db", "{db}", "calendar", "2026-13-01", "off", "--user", "sysadmin"], "YYYY-MM-DD"),
        (["--db", "{db}", "calendar", "9999-12-31", "off", "--user", "sysadmin"], "2099"),
        (
            ["--db", "{db}", "user", "add", "weak", "--role", "clerk", "--user", "sysadmin"],
            "密码至少",
        ),
        (["--db", "{db}", "stats", "cs", "--month", "9999-12"], "2000–2099"),
        (
            ["--db", "{db}", "stats", "analytics", "--from", "0001-01-01", "--to", "2026-01-01"],
            "2099",
        ),
        (
            [
                "--db",
                "{db}",
                "stats",
                "adjust",
                "TD-X",
                "--amount",
                "1e3",
                "--reason",
                "x",
                "--user",
                "sysadmin",
            ],
            "找不到退款单",
        ),
        (["--db", "{db}", "print", "refund", "TD\udcff", "-o", "{tmp}/x.pdf"], "UTF-8"),
        (
            ["--db", "{db}", "setting", "set", "amount_ceiling_fen", "12,5", "--user", "sysadmin"],
            "逗号",
        ),
        (["--db", r"\\server\share\refunds.db", "check"], "Windows"),
        (["--db", r"Z:\refunds.db", "check"], "Windows"),
        (["--db", "{db}", "backup", "{db}"], "数据库本身"),
        (["frobnicate"], "无效的选项"),
        (["--db", "postgresql://nobody@127.0.0.1:1/none", "check"], "打不开数据库"),
    ],
)
def test_bad_input_gives_one_clear_line(args, expected, demo_db, tmp_path):
    (tmp_path / "garbage.db").write_bytes(b"not a database at all" * 200)
    args = [a.format(tmp=tmp_path, db=demo_db) for a in args]
    line = one_clear_line(run(*args, stdin="demo\nab\n"))
    assert expected in line
    assert not (tmp_path / "refunds.db").exists()
    assert not list(Path.cwd().glob("*server*share*"))  # no local file of a Windows path's name


def test_opening_never_creates_a_file(tmp_path):
    missing = tmp_path / "missing.db"
    one_clear_line(run("--db", str(missing), "check"))
    one_clear_line(run("--db", str(missing), "user", "list"))
    assert not missing.exists()


def test_amounts_on_the_command_line_go_through_the_one_parser(demo_db):
    from refund_desk.store import queries, session

    session.open_store(str(demo_db))
    paid = next(r for r in queries.search(limit=500) if r.state.value == "customer_told")
    for amount, words in (
        ("12,5", "逗号"),
        ("1e3", "科学计数法"),
        ("Infinity", "金额"),
        ("sNaN", "金额"),
        ("1e30", "金额"),
        ("10000000", "不能超过"),
        ("0", "不能为 0"),
    ):
        result = run(
            "--db",
            str(demo_db),
            "stats",
            "adjust",
            paid.form_no,
            "--amount",
            amount,
            "--reason",
            "x",
            "--user",
            "cashier1",
            stdin="demo\n",
        )
        assert words in one_clear_line(result), (amount, result.stderr)


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
    signed = ("--user", "sysadmin")
    result = run("--db", str(demo_db), "restore", str(dest), *signed, stdin="demo\n")
    assert result.returncode == 0, result.stderr
    check = run("--lang", "en", "--db", str(demo_db), "check")
    assert check.returncode == 0 and "NOTE restore" in check.stdout, check.stdout
    fresh = tmp_path / "fresh.db"  # nothing to log in to: the backup's sysadmin signs
    result = run("--db", str(fresh), "restore", str(dest), *signed, stdin="demo\n")
    assert result.returncode == 0, result.stderr
    assert run("--db", str(fresh), "check").returncode == 0


def test_tampered_audit_fails_check(demo_db):
    import sqlite3

    con = sqlite3.connect(demo_db)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 20")
    con.commit()
    con.close()
    result = run("--db", str(demo_db), "check")
    assert result.returncode == 1 and "审计记录第 20 行" in result.stdout, result.stdout
    result = run("--lang", "en", "--db", str(demo_db), "check")
    assert result.returncode == 1 and "audit row 20" in result.stdout


def test_calendar_override(demo_db):
    result = run(
        "--db",
        str(demo_db),
        "calendar",
        "2027-02-06",
        "working",
        "--note",
        "调休",
        "--user",
        "admin1",
        stdin="demo\n",
    )
    assert result.returncode == 0 and "工作日" in result.stdout, result.stderr


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
        "--user",
        "sysadmin",
        stdin="demo\n",
    )
    assert added.returncode == 0, added.stderr
    listed = run("--db", str(demo_db), "category", "list").stdout.splitlines()
    assert listed[0].startswith("no_ticket_code\t扣款成功但未收到订单号及出票验证码")
    assert "changed_mind\t客户改变主意\tChanged mind" in listed
