"""Start-up choices: language, the remembered database, `--db` overriding it, and the demo."""

from __future__ import annotations

import pytest

from refund_desk import app, remembered
from refund_desk.domain import errors
from refund_desk.store import queries, users
from refund_desk.ui import i18n


def test_language_defaults_to_chinese_and_follows_settings_and_flag(qapp):
    assert i18n.choose_language(None) == "zh"
    i18n.settings().setValue(i18n.LANGUAGE_KEY, "en")
    assert i18n.choose_language(None) == "en"
    assert i18n.choose_language("zh") == "zh"
    i18n.settings().setValue(i18n.LANGUAGE_KEY, "zh")
    assert i18n.choose_language("en") == "en"


def test_english_makes_error_sentences_english_too(qapp):
    try:
        assert i18n.install_language(qapp, "en") == "en"
        assert errors.LANG == "en"
        assert (
            errors.AuthError("bad_login").text()
            == "Wrong user name or password, or the account is disabled."
        )
    finally:
        i18n.install_language(qapp, "zh")
    assert errors.AuthError("bad_login").text() == "用户名或密码不对，或该账户已停用。"


def test_db_flag_beats_env_var_beats_remembered_choice(qapp, worker, tmp_path, monkeypatch):
    from refund_desk.store import session

    first, second, third = (tmp_path / f"{n}.db" for n in "abc")
    for path in (first, second, third):
        session.open_store(str(path), create=True)
    remembered.remember(str(first))
    monkeypatch.delenv(session.ENV_VAR, raising=False)
    assert app.choose_database(worker, None).target == str(first)
    monkeypatch.setenv(session.ENV_VAR, str(second))
    assert app.choose_database(worker, None).target == str(second)
    assert app.choose_database(worker, str(third)).target == str(third)


def test_choice_remembered_by_an_older_version_moves_to_the_shared_file(qapp, tmp_path):
    i18n.settings().setValue(i18n.DATABASE_KEY, str(tmp_path / "old.db"))
    app.adopt_remembered_setting()
    assert remembered.database() == str(tmp_path / "old.db")
    assert i18n.settings().value(i18n.DATABASE_KEY) is None


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_demo_office_in_a_temporary_folder(qtbot, worker):
    location = app.make_demo(worker)
    assert "refund-desk-demo-" in location.target
    assert len(queries.search("TD", limit=1000)) == 200
    assert users.authenticate("cashier1", "demo").display_name == "赵敏"
    hint = app.demo_hint()
    assert "clerk1" in hint and "sysadmin" in hint and "demo" in hint


def _answer_message_box(qtbot, button_text: str, before=None) -> list[str]:
    """Click `button_text` on the next modal message box; returns the texts it showed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        if before:
            before()
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(20, answer)
    return seen


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_unreachable_share_says_so_and_retries(qtbot, worker, tmp_path):
    from refund_desk.store import session

    share = tmp_path / "share"
    path = share / "refunds.db"

    def share_comes_back():
        share.mkdir()
        session.open_store(str(path), create=True)

    seen = _answer_message_box(qtbot, "重试", before=share_comes_back)
    location = app.choose_database(worker, str(path))
    assert location is not None and location.target == str(path)
    assert seen and seen[0].startswith(f"打不开数据库“{path}”")
    assert "共享盘没有连接" in seen[0]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_unreachable_share_can_be_left(qtbot, worker, tmp_path):
    seen = _answer_message_box(qtbot, "关闭")
    assert app.choose_database(worker, str(tmp_path / "gone" / "x.db")) is None
    assert len(seen) == 1


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_logs_in(qtbot, worker, sqlite_office):
    from PySide6.QtCore import Qt

    from refund_desk.ui.login_dialog import LoginDialog

    dialog = LoginDialog(worker, "x")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.form.username, "lead")
    qtbot.keyClick(dialog.form.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "demo-pass")
    assert dialog.form.password.text() == "demo-pass"
    qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actor is not None, timeout=10000)
    assert dialog.actor.username == "lead"
