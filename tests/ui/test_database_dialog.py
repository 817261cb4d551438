"""The first-run database dialog: its three choices (this PC's embedded default, the office's
database on the shared drive, a new one there) and each error beside the field it is about."""

from __future__ import annotations

from refund_desk.store import session, users
from refund_desk.ui.database_dialog import DatabaseDialog

from .conftest import idle, type_text


def shown_errors(dialog) -> dict[str, str]:
    return {
        field: label.text()
        for field, (_input, label) in dialog.fields.items()
        if label.isVisibleTo(dialog) and label.text()
    }


def fill_admin(dialog, name="root", display="系统管理员", password="secret-pw1", again=None):
    for widget, text in (
        (dialog.form.adminName, name),
        (dialog.form.adminDisplay, display),
        (dialog.form.adminPassword, password),
        (dialog.form.adminAgain, password if again is None else again),
    ):
        widget.clear()
        type_text(widget, text)


def test_three_choices_and_this_pc_first(qtbot, worker, tmp_path):
    default = str(tmp_path / "local" / "refund-desk.db")
    dialog = DatabaseDialog(worker, default)
    qtbot.addWidget(dialog)
    assert dialog.form.useLocal.isChecked()  # the one-command start: this PC's own file
    assert default in dialog.form.localPath.text() and "新建" in dialog.form.localPath.text()
    assert not dialog.form.path.isEnabled() and dialog.form.adminBox.isEnabled()
    dialog.form.openExisting.setChecked(True)
    assert dialog.form.path.isEnabled() and not dialog.form.adminBox.isEnabled()
    dialog.form.createNew.setChecked(True)
    assert dialog.form.path.isEnabled() and dialog.form.adminBox.isEnabled()
    choices = (dialog.form.useLocal, dialog.form.openExisting, dialog.form.createNew)
    assert [b.text() for b in choices] == [
        "只用这台电脑：本机数据文件夹里的数据库",
        "打开共享盘上办公室的数据库（或 PostgreSQL 服务器）",
        "在共享盘上新建数据库",
    ]


def test_embedded_default_is_made_with_its_administrator(qtbot, worker, tmp_path):
    default = str(tmp_path / "local" / "refund-desk.db")
    dialog = DatabaseDialog(worker, default)
    qtbot.addWidget(dialog)
    fill_admin(dialog)
    dialog.ok_button.click()
    idle(qtbot, worker)
    assert dialog.location is not None and dialog.location.target == default
    assert users.authenticate("root", "secret-pw1").display_name == "系统管理员"
    again = DatabaseDialog(worker, default)  # a second first run: the file is there now
    qtbot.addWidget(again)
    assert "打开" in again.form.localPath.text() and not again.form.adminBox.isEnabled()
    again.ok_button.click()
    idle(qtbot, worker)
    assert again.location is not None and again.location.target == default


def test_each_error_is_beside_its_field(qtbot, worker, tmp_path):
    dialog = DatabaseDialog(worker, str(tmp_path / "local" / "x.db"))
    qtbot.addWidget(dialog)
    dialog.form.createNew.setChecked(True)
    dialog.ok_button.click()
    errors = shown_errors(dialog)
    assert errors["path"] == "请填写数据库文件。"
    assert errors["username"] == "请填写管理员的用户名。"
    assert "密码" in errors["password"] and set(errors) == {"path", "username", "password"}
    assert dialog.focusWidget() is dialog.form.path or not dialog.isActiveWindow()
    dialog.form.path.setText(str(tmp_path / "refunds.db"))
    fill_admin(dialog, again="different-pw")
    dialog.ok_button.click()
    assert shown_errors(dialog) == {"again": "两次输入的密码不一致。"}
    fill_admin(dialog)
    dialog.ok_button.click()
    idle(qtbot, worker)
    assert dialog.location is not None, shown_errors(dialog)
    assert session.open_store(str(tmp_path / "refunds.db")).target.endswith("refunds.db")


def test_a_missing_share_or_an_existing_file_is_said_beside_the_path(qtbot, worker, tmp_path):
    existing = tmp_path / "refunds.db"
    session.open_store(str(existing), create=True)
    dialog = DatabaseDialog(worker, str(tmp_path / "local" / "x.db"))
    qtbot.addWidget(dialog)
    dialog.form.openExisting.setChecked(True)
    dialog.form.path.setText(str(tmp_path / "missing-share" / "x.db"))
    dialog.ok_button.click()
    idle(qtbot, worker)
    errors = shown_errors(dialog)
    assert list(errors) == ["path"] and "打不开数据库" in errors["path"]
    assert dialog.location is None and dialog.ok_button.isEnabled()
    dialog.form.createNew.setChecked(True)
    dialog.form.path.setText(str(existing))
    fill_admin(dialog)
    dialog.ok_button.click()
    idle(qtbot, worker)
    assert shown_errors(dialog) == {"path": "那里已经有数据库了：请选择“打开”。"}
    assert dialog.location is None


def test_a_user_name_refused_by_the_store_is_said_beside_the_user_name(qtbot, worker, tmp_path):
    dialog = DatabaseDialog(worker, str(tmp_path / "local" / "x.db"))
    qtbot.addWidget(dialog)
    fill_admin(dialog, name="   ")
    dialog.ok_button.click()
    assert list(shown_errors(dialog)) == ["username"]
