"""系统管理: the users, settings and fault-category pages drive the same audited services as
the command line, signed by the logged-in sysadmin; refusals appear beside their cause."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from refund_desk.domain import errors
from refund_desk.domain.errors import AuthError
from refund_desk.domain.roles import Role
from refund_desk.store import db as dbmod
from refund_desk.store import settings, users
from refund_desk.store.models import AuditLog, User
from refund_desk.ui.admin import AdminTab
from refund_desk.ui.admin.users_page import UserColumn
from refund_desk.ui.main_window import MainWindow

from .conftest import idle, type_text

NEW_PASSWORD = "xin-mima-2026"
LAST_SYSADMIN = "这样改之后就没有启用的系统管理员了：至少要留一个。"


def admin_tab(qtbot, ctx) -> AdminTab:
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    tab.refresh()
    idle(qtbot, ctx.worker)
    return tab


def audit_rows(action: str) -> list[AuditLog]:
    with dbmod.connection():
        return list(AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.seq))


def click_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    idle(qtbot, dialog.ctx.worker)


def test_sysadmin_adds_a_user_who_can_log_in_and_the_audit_names_the_sysadmin(
    qtbot, make_ctx, sqlite_office
):
    tab = admin_tab(qtbot, make_ctx("sysadmin"))
    page = tab.users_page
    assert [page.form.users.item(i, 0).text() for i in range(len(page.rows))][:2] == [
        "accountant",
        "admin",
    ]
    qtbot.mouseClick(page.form.addButton, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "新增用户"
    qtbot.keyClicks(dialog.form.username, "wang.xl")
    type_text(dialog.form.displayName, "王小丽")
    dialog.role_boxes[Role.CLERK].setChecked(True)
    dialog.role_boxes[Role.CS_LEAD].setChecked(True)
    qtbot.keyClicks(dialog.form.password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.form.again, NEW_PASSWORD)
    click_ok(qtbot, dialog)  # the dialog closes once the user is made
    actor = users.authenticate("wang.xl", NEW_PASSWORD)
    assert actor.display_name == "王小丽" and actor.roles == {Role.CLERK, Role.CS_LEAD}
    (row,) = audit_rows("user_add")[-1:]
    assert row.actor == "sysadmin" and "wang.xl" in row.detail
    assert page.form.notice.text() == "已新增用户 wang.xl。"
    shown = {page.form.users.item(i, 0).text(): i for i in range(len(page.rows))}
    roles_cell = page.form.users.item(shown["wang.xl"], UserColumn.ROLES).text()
    assert roles_cell == "客服、客服值班负责人"


def test_add_dialog_shows_each_refusal_beside_its_field_and_stays_open(
    qtbot, make_ctx, sqlite_office
):
    page = admin_tab(qtbot, make_ctx("sysadmin")).users_page
    page.add_user()
    dialog = page.dialog
    qtbot.keyClicks(dialog.form.username, "newbie")
    qtbot.keyClicks(dialog.form.password, NEW_PASSWORD)
    click_ok(qtbot, dialog)  # no role, second password missing: both said at once
    assert dialog.form.rolesError.text() == "请至少选择一个角色。"
    assert dialog.form.againError.text() == "两次输入的密码不一样，没有保存。"
    dialog.role_boxes[Role.TECH].setChecked(True)
    dialog.form.password.setText("short")
    dialog.form.again.setText("short")
    click_ok(qtbot, dialog)
    assert dialog.form.passwordError.text() == "密码至少 8 个字符。"
    assert not dialog.form.rolesError.isVisibleTo(dialog)
    dialog.form.username.setText("clerk")
    dialog.form.password.setText(NEW_PASSWORD)
    dialog.form.again.setText(NEW_PASSWORD)
    click_ok(qtbot, dialog)
    assert dialog.form.usernameError.text() == "用户名“clerk”已存在。"
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    with dbmod.connection():
        assert not User.select().where(User.username == "newbie").exists()
    refused = audit_rows("denied:user_add")
    assert [r.actor for r in refused] == ["sysadmin", "sysadmin"]


def test_a_clerk_sees_no_administration_and_a_sysadmin_has_tab_and_menu(
    qtbot, make_ctx, sqlite_office
):
    clerk = MainWindow(make_ctx("clerk"))
    qtbot.addWidget(clerk)
    tabs = [clerk.tabs.tabText(i) for i in range(clerk.tabs.count())]
    menu_texts = [a.text() for m in clerk.menuBar().actions() for a in m.menu().actions()]
    assert clerk.admin_tab is None and "系统管理" not in tabs
    assert not any("系统管理" in t for t in menu_texts)
    idle(qtbot, clerk.ctx.worker)
    clerk.close()
    ctx = make_ctx("sysadmin")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    idle(qtbot, ctx.worker)
    assert window.tabs.tabText(window.tabs.count() - 1) == "系统管理"
    assert window.admin_tab.users_page.rows == []  # nothing read before the tab is opened
    (entry,) = [
        a for m in window.menuBar().actions() for a in m.menu().actions() if a.text() == "系统管理…"
    ]
    entry.trigger()
    assert window.tabs.currentWidget() is window.admin_tab
    idle(qtbot, ctx.worker)
    assert len(window.admin_tab.users_page.rows) == len(sqlite_office.people)
    pages = [window.admin_tab.pages.tabText(i) for i in range(window.admin_tab.pages.count())]
    assert pages == ["用户", "设置", "故障现象"]
    window.close()


def test_the_administration_dept_without_a_page_of_its_own_sees_no_tab(
    qtbot, make_ctx, sqlite_office
):
    window = MainWindow(make_ctx("admin"))
    qtbot.addWidget(window)
    assert window.admin_tab is None
    idle(qtbot, window.ctx.worker)
    window.close()


def test_removing_the_last_sysadmins_role_is_refused_in_the_dialog(qtbot, make_ctx, sqlite_office):
    page = admin_tab(qtbot, make_ctx("sysadmin")).users_page
    page.select("sysadmin")
    qtbot.mouseClick(page.form.rolesButton, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "修改角色" and "sysadmin（Sysadmin）" in dialog.form.intro.text()
    assert dialog.role_boxes[Role.SYSADMIN].isChecked()
    assert not dialog.form.username.isVisibleTo(dialog)
    dialog.role_boxes[Role.SYSADMIN].setChecked(False)
    dialog.role_boxes[Role.CLERK].setChecked(True)
    click_ok(qtbot, dialog)
    assert dialog.form.rolesError.text() == LAST_SYSADMIN
    assert dialog.isVisible()
    assert users.get_user("sysadmin").roles == "sysadmin"
    assert audit_rows("denied:user_roles")[-1].actor == "sysadmin"
    dialog.reject()
    # another user's roles change, audited under the sysadmin's name
    page.select("tech")
    page.change_roles()
    page.dialog.role_boxes[Role.CASHIER].setChecked(True)
    click_ok(qtbot, page.dialog)
    assert users.get_user("tech").roles == "cashier,tech"
    assert audit_rows("user_roles")[-1].actor == "sysadmin"


def answer(qtbot, page, button: QMessageBox.StandardButton) -> str:
    box = page.confirm_box
    assert box.isVisible()
    question = box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    idle(qtbot, page.ctx.worker)
    return question


def test_disable_and_enable_ask_first_naming_the_user(qtbot, make_ctx, sqlite_office):
    page = admin_tab(qtbot, make_ctx("sysadmin")).users_page
    page.select("clerk2")
    assert page.form.activeButton.text() == "停用"
    page.form.activeButton.click()
    assert "clerk2（Clerk2）" in answer(qtbot, page, QMessageBox.StandardButton.Cancel)
    assert users.get_user("clerk2").active  # cancelled: nothing done
    page.form.activeButton.click()
    answer(qtbot, page, QMessageBox.StandardButton.Yes)
    assert not users.get_user("clerk2").active
    assert page.form.notice.text() == "已停用用户 clerk2。"
    assert page.form.users.item(page.form.users.currentRow(), UserColumn.STATE).text() == "停用"
    assert audit_rows("user_disable")[-1].actor == "sysadmin"
    try:
        users.authenticate("clerk2", "demo-pass")
    except AuthError:
        pass
    else:
        raise AssertionError("a disabled user logged in")
    assert page.form.activeButton.text() == "启用"
    page.form.activeButton.click()
    answer(qtbot, page, QMessageBox.StandardButton.Yes)
    assert users.get_user("clerk2").active
    # the last sysadmin cannot disable themselves: the sentence beside the buttons
    page.select("sysadmin")
    page.form.activeButton.click()
    answer(qtbot, page, QMessageBox.StandardButton.Yes)
    assert page.form.notice.text() == LAST_SYSADMIN
    assert users.get_user("sysadmin").active


def test_reset_password_and_unlock(qtbot, make_ctx, sqlite_office):
    for _ in range(users.FREE_FAILURES + 1):
        with contextlib.suppress(AuthError):
            users.login("clerk", "wrong guess")
    page = admin_tab(qtbot, make_ctx("sysadmin")).users_page
    page.select("clerk")
    row = page.form.users.currentRow()
    assert page.form.users.item(row, UserColumn.LOGINS).text().startswith("5")
    page.unlock()
    idle(qtbot, page.ctx.worker)
    assert users.login_alerts() == []
    assert page.form.users.item(row, UserColumn.LOGINS).text() == ""
    assert audit_rows("user_unlock")[-1].actor == "sysadmin"
    page.select("clerk")
    page.reset_password()
    dialog = page.dialog
    assert dialog.windowTitle() == "重置密码" and not dialog.form.roles.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.form.password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.form.again, NEW_PASSWORD)
    click_ok(qtbot, dialog)
    assert users.authenticate("clerk", NEW_PASSWORD).username == "clerk"
    assert audit_rows("user_passwd")[-1].actor == "sysadmin"


def test_a_setting_saved_on_the_page_is_what_the_store_reads_and_a_bad_one_is_refused(
    qtbot, make_ctx, sqlite_office
):
    page = admin_tab(qtbot, make_ctx("sysadmin")).settings_page
    ceiling = page.rows["amount_ceiling_fen"]
    assert ceiling.current.text() == "50000.00" and ceiling.edit.text() == "50000.00"
    ceiling.edit.clear()
    qtbot.keyClicks(ceiling.edit, "80,000.00")
    qtbot.mouseClick(ceiling.save, Qt.MouseButton.LeftButton)
    idle(qtbot, page.ctx.worker)
    assert settings.get("amount_ceiling_fen") == "8000000"
    assert ceiling.current.text() == "80000.00" and ceiling.message.text() == "已保存。"
    assert audit_rows("setting")[-1].actor == "sysadmin"
    minimum = page.rows["password_min_length"]
    minimum.edit.clear()
    qtbot.keyClicks(minimum.edit, "5")
    qtbot.keyClick(minimum.edit, Qt.Key.Key_Return)
    idle(qtbot, page.ctx.worker)
    assert minimum.message.text() == "密码最短长度应为 8 到 128 之间的整数。"
    assert settings.get("password_min_length") == "8" and minimum.current.text() == "8"
    assert ceiling.message.text() == "已保存。"  # the refusal is at its own field only


def test_the_order_number_example_follows_the_typed_pattern(qtbot, make_ctx, sqlite_office):
    page = admin_tab(qtbot, make_ctx("sysadmin")).settings_page
    qtbot.keyClicks(page.sample, "ab123456")
    assert page.example.text() == "“ab123456”不符合订单号格式。"
    pattern = page.rows["order_no_pattern"].edit
    pattern.clear()
    qtbot.keyClicks(pattern, "AB[0-9]{6}")
    assert page.example.text() == "“AB123456”符合订单号格式。"  # as the form reads it
    qtbot.keyClick(pattern, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pattern, "7}")
    assert page.example.text() == "“ab123456”不符合订单号格式。"
    pattern.setText("AB[")
    assert page.example.text() == "这个格式不是有效的正则表达式。"
    assert settings.get("order_no_pattern") == "TK[0-9]{6,20}"  # nothing saved while trying


def test_fault_categories_added_and_renamed(qtbot, make_ctx, sqlite_office):
    page = admin_tab(qtbot, make_ctx("sysadmin")).categories_page
    before = len(page.categories)
    assert before >= 3
    qtbot.keyClicks(page.code, "Bad Code")
    type_text(page.label_zh, "座位图错误")
    page.add_button.click()
    idle(qtbot, page.ctx.worker)
    assert page.errors["code"].text().startswith("代码只能由小写字母开头")
    page.code.setText("seat_map")
    page.add_button.click()
    idle(qtbot, page.ctx.worker)
    assert ("seat_map", errors.Text("座位图错误", "座位图错误")) in settings.fault_categories()
    assert len(page.categories) == before + 1 and not page.errors["code"].isVisibleTo(page)
    page.table.selectRow([c for c, _ in page.categories].index("seat_map"))
    assert page.code.text() == "seat_map"
    page.label_en.setText("Seat map wrong")
    page.rename_button.click()
    idle(qtbot, page.ctx.worker)
    assert dict(settings.fault_categories())["seat_map"].en == "Seat map wrong"
    assert audit_rows("fault_category")[-1].actor == "sysadmin"


def test_refusals_follow_the_language(qtbot, make_ctx, sqlite_office):
    errors.set_language("en")
    page = admin_tab(qtbot, make_ctx("sysadmin", lang="en")).users_page
    page.select("sysadmin")
    page.change_roles()
    page.dialog.role_boxes[Role.SYSADMIN].setChecked(False)
    page.dialog.role_boxes[Role.CLERK].setChecked(True)
    click_ok(qtbot, page.dialog)
    assert page.dialog.form.rolesError.text() == (
        "After this change no active system administrator would be left: keep at least one."
    )
