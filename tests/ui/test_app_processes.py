"""The desktop app as real processes: one instance per person and database, no display, a
crash of the interpreter, and the start-up self-check that packaging/smoke.py uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from refund_desk import localdirs, logs

ROOT = Path(__file__).resolve().parents[2]


def app_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.update(extra)
    return env


def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "refund_desk", *args],
        env=env or app_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def log_text() -> str:
    path = logs.log_file()
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_for_log(needle: str, count: int = 1, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while log_text().count(needle) < count:
        assert time.monotonic() < deadline, f"{needle!r} not logged:\n{log_text()[-3000:]}"
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_second_start_on_the_same_database_brings_the_first_forward(sqlite_office, tmp_path):
    from refund_desk.store import session

    other = tmp_path / "other.db"
    session.open_store(str(other), create=True)
    first = start("--db", sqlite_office.url)
    third = None
    try:
        wait_for_log("first start on this database: listening")
        second = start("--db", sqlite_office.url)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert err.strip().splitlines() == [
            "refund-desk: 退款台已在这台电脑上打开这个数据库，已把它的窗口调到前面。"
        ]
        wait_for_log("another start on this database: coming forward")
        assert first.poll() is None  # the first is still up, at its log-in dialog
        third = start("--db", str(other))  # another database: a start of its own
        wait_for_log("first start on this database: listening", count=2)
        assert third.poll() is None
    finally:
        stop(first)
        if third is not None:
            stop(third)
    after = start("--db", sqlite_office.url)  # the first has gone: the next start is first
    try:
        wait_for_log("first start on this database: listening", count=3)
        assert after.poll() is None
    finally:
        stop(after)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", "没有图形显示"), ("en", "There is no graphical display")],
)
def test_without_a_display_one_sentence_and_no_qt_abort(tmp_path, lang, expected):
    env = app_env()
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "refund_desk", "--lang", lang, "--db", str(tmp_path / "x.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"refund-desk: {expected}"), result.stderr
    assert "xcb" not in result.stderr and "Traceback" not in result.stderr


def test_a_crash_of_the_interpreter_is_written_beside_the_log():
    code = (
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from refund_desk.ui import crash; crash.install();"
        "import faulthandler; faulthandler._sigsegv()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=app_env(), capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    faults = (localdirs.log_dir() / "faults.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in faults and "<string>" in faults


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_self_check_logs_in_through_the_real_dialog(sqlite_office, tmp_path):
    report = tmp_path / "report.json"
    env = app_env(REFUND_DESK_SELFTEST=str(report), REFUND_DESK_SELFTEST_LOGIN="lead:demo-pass")
    process = start("--db", sqlite_office.url, env=env)
    try:
        process.wait(120)
    finally:
        stop(process)
    result = json.loads(report.read_text(encoding="utf-8"))
    assert process.returncode == 0 and result["ok"], result
    assert result["tabs"][0] == "退款申请" and "Lead" in result["title"]
    assert result["font"] == "WenQuanYi Micro Hei" and result["icon"]
    assert Path(result["screenshot"]).stat().st_size > 10_000


def test_self_check_with_a_wrong_password_says_what_it_saw(sqlite_office, tmp_path):
    report = tmp_path / "report.json"
    env = app_env(REFUND_DESK_SELFTEST=str(report), REFUND_DESK_SELFTEST_LOGIN="lead:nope")
    env["REFUND_DESK_SELFTEST_TIMEOUT"] = "5"
    process = start("--db", sqlite_office.url, env=env)
    try:
        process.wait(120)
    finally:
        stop(process)
    assert process.returncode == 3
    result = json.loads(report.read_text(encoding="utf-8"))
    seen = [text for window in result["seen"] for text in window]
    assert not result["ok"] and "用户名或密码不对，或该账户已停用。" in seen
