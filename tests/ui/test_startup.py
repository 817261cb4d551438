"""Start-up choices: language, the remembered database, `--db` overriding it, and the demo."""

from __future__ import annotations

import pytest

from refund_desk import app
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
        assert errors.AuthError("bad_login").text() == "Wrong user name or password."
    finally:
        i18n.install_language(qapp, "zh")
    assert errors.AuthError("bad_login").text() == "用户名或密码不对。"


def test_remembered_database_is_opened_and_db_flag_overrides_it(qapp, worker, tmp_path):
    from refund_desk.store import session

    first, second = tmp_path / "a.db", tmp_path / "b.db"
    session.open_store(str(first), create=True)
    session.open_store(str(second), create=True)
    i18n.settings().setValue(i18n.DATABASE_KEY, str(first))
    assert app.choose_database(worker, None).target == str(first)
    assert app.choose_database(worker, str(second)).target == str(second)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_demo_office_in_a_temporary_folder(qtbot, worker):
    location = app.make_demo(worker)
    assert "refund-desk-demo-" in location.target
    assert len(queries.search("TD", limit=1000)) == 200
    assert users.authenticate("cashier1", "demo").display_name == "赵敏"
    hint = app.demo_hint()
    assert "clerk1" in hint and "sysadmin" in hint and "demo" in hint
