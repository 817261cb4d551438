"""The app on an older database, driven through its real dialogs: the clerk is told to ask the
sysadmin and can open a read-only copy; only a sysadmin who ticks the confirmation upgrades,
and a refused log-in leaves the file as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from refund_desk import app
from refund_desk.store import db as dbmod
from refund_desk.store import migrations
from refund_desk.ui.login_dialog import LoginDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _version(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version FROM schema_version").fetchone()[0]
    finally:
        con.close()


def _when_modal(kind: type, then) -> None:
    def look():
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(20, look)
            return
        then(widget)

    QTimer.singleShot(20, look)


def _click(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


@pytest.fixture
def older(tmp_path: Path) -> Path:
    path = tmp_path / "refunds.db"
    shutil.copy(FIXTURES / "schema_v2.db", path)
    return path


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_clerk_opens_a_read_only_copy_and_the_file_is_untouched(qtbot, worker, older):
    before = older.read_bytes()
    seen: list[str] = []

    def answer(box: QMessageBox) -> None:
        seen.append(box.text())
        _click(box, "只读打开")

    _when_modal(QMessageBox, answer)
    location = app.choose_database(worker, str(older))
    assert seen and "系统管理员" in seen[0] and "只读" in seen[0]
    assert location is not None and "只读" in location.display and dbmod.is_read_only()
    from refund_desk.store import users
    from refund_desk.ui.context import AppContext
    from refund_desk.ui.main_window import MainWindow

    actor = users.verify_without_writing("clerk1", "demo")
    window = MainWindow(AppContext(actor, location, worker, read_only=True))
    qtbot.addWidget(window)
    window.show()
    assert window.read_only_banner.isVisible() and "不能保存" in window.read_only_banner.text()
    assert "只读副本" in window.windowTitle()
    window.close()
    dbmod.DB.obj.close()
    assert older.read_bytes() == before


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_only_a_sysadmin_who_confirms_upgrades(qtbot, worker, older):
    before = older.read_bytes()
    told: list[str] = []
    done: list[str] = []

    def sign(dialog: LoginDialog) -> None:
        form = dialog.form
        assert form.confirm.isVisible() and not form.confirm.isChecked()
        form.username.setText("sysadmin")
        form.password.setText("demo")
        dialog.try_login()  # not ticked yet
        told.append(form.error.text())
        form.confirm.setChecked(True)
        form.username.setText("clerk1")
        dialog.try_login()  # a clerk cannot
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=20000)
        told.append(form.error.text())
        told.append("same" if older.read_bytes() == before else "changed")
        form.username.setText("sysadmin")
        _when_modal(QMessageBox, lambda box: (done.append(box.text()), box.accept()))
        dialog.try_login()

    _when_modal(
        QMessageBox,
        lambda box: (_when_modal(LoginDialog, sign), _click(box, "现在升级（系统管理员）…")),
    )
    location = app.choose_database(worker, str(older))
    assert "勾选" in told[0] or "打勾" in told[0], told
    assert "系统管理员" in told[1] and told[2] == "same", told
    assert location is not None and not dbmod.is_read_only()
    assert done and "升级前的备份" in done[0] and ".bak" in done[0]
    dbmod.DB.obj.close()
    assert _version(older) == migrations.LATEST
    assert list(older.parent.glob("refunds.db.v2-*.bak"))
