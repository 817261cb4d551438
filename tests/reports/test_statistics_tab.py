"""The 统计 tab driven for real: month picker, the two tables with their lifecycle buttons,
reconciliation, analytics charts with their numbers, and exports. Each test installs the
Chinese catalogue itself (through `tab_for` or `chinese`), whatever ran before it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt

from refund_desk.domain.errors import SamePerson
from refund_desk.domain.report_flow import ReportKind, ReportState
from refund_desk.store import db as dbmod
from refund_desk.store import monthly_reports, users
from refund_desk.store.actors import Actor
from refund_desk.store.models import Refund
from refund_desk.ui import i18n
from refund_desk.ui.context import AppContext
from refund_desk.ui.statistics import StatisticsTab
from refund_desk.ui.statistics.month_panel import due_text
from refund_desk.ui.worker import Worker

from .conftest import office_time


@pytest.fixture
def chinese(qapp):
    """The tab's own words in Chinese, as the app starts: the catalogue installed here."""
    i18n.register_font(qapp)
    assert i18n.install_language(qapp, "zh") == "zh"


@pytest.fixture
def tab_for(qtbot, office, chinese):
    workers = []

    def make(who: str) -> StatisticsTab:
        worker = Worker()
        workers.append(worker)
        ctx = AppContext(office[who], dbmod.location(), worker, "zh")
        tab = StatisticsTab(ctx)
        qtbot.addWidget(tab)
        qtbot.waitUntil(lambda: tab.data is not None and not tab.loading, timeout=10000)
        return tab

    yield make
    for worker in workers:
        worker.stop()


def _october(maker):
    a = maker.refund("128.50", "2026-10-05 10:00")
    b = maker.refund("71.55", "2026-10-06 10:00")
    with dbmod.write():  # finance logged receiving b an hour after CS sent it
        Refund.update(finance_submitted_at=office_time("2026-10-06 11:30")).where(
            Refund.id == b.refund_id
        ).execute()
    return a, b


def _go(qtbot, tab, year, month):
    tab.set_month(year, month)
    qtbot.waitUntil(
        lambda: not tab.loading and tab.data is not None and tab.data.month == month,
        timeout=10000,
    )


def test_month_tables_and_lifecycle_buttons(qtbot, maker, tab_for):
    a, b = _october(maker)
    tab = tab_for("lead")
    _go(qtbot, tab, 2026, 10)
    by_state = tab.views["by-state"].boxes["by_state"].model
    assert by_state.rowCount() == 1 and by_state.data(by_state.index(0, 1)) == "2"
    assert by_state.data(by_state.index(0, 0)) == "已反馈用户（办结）"
    panel = tab.panels["cs"]
    model = panel.view.boxes["cs"].model
    assert model.rowCount() == 3
    assert model.data(model.index(0, 2)) == a.form_no
    assert model.data(model.index(2, 0)) == "合计"
    assert model.data(model.index(2, 1)) == "2 笔"
    assert model.data(model.index(2, 6)) == "200.05"
    assert model.headerData(6, Qt.Orientation.Horizontal) == "金额"
    due = panel.form.dueLabel.text()
    assert "2026-11-02" in due and not due.isascii()  # the catalogue's words, not the source's
    assert panel.buttons["preview"].text() == "打印预览"
    assert panel.buttons["prepare"].isEnabled() and not panel.buttons["archive"].isEnabled()
    assert not panel.buttons["approve"].isEnabled()  # nothing prepared yet
    assert not tab.panels["finance"].buttons["prepare"].isEnabled()  # a lead is not finance
    monthly_reports.prepare(office_of(tab)["clerk"], "cs", "2026-10")  # the clerk prepares it
    tab.refresh()
    qtbot.waitUntil(lambda: panel.status.state == "prepared" and not tab.loading, timeout=10000)
    assert panel.form.stateLabel.text() == "状态：已编制（第 1 版）"
    for step, state in (("approve", "approved"), ("submit", "submitted")):
        assert panel.buttons[step].isEnabled()
        qtbot.mouseClick(panel.buttons[step], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=state: panel.status.state == s and not tab.loading, timeout=10000)
    assert monthly_reports.status("cs", "2026-10").state == "submitted"
    assert not panel.buttons["submit"].isEnabled()
    # the reconciliation page lists the one difference
    reconciliation = tab.views["reconcile"]
    differences = reconciliation.boxes["differences"].model
    assert differences.rowCount() == 1
    assert differences.data(differences.index(0, 0)) == "提交财务时间不一致"
    assert differences.data(differences.index(0, 1)) == b.form_no
    assert reconciliation.form.headline.text().endswith("对上 2 笔，差异 1 处")
    assert "c62828" in reconciliation.form.headline.styleSheet()


def office_of(tab):
    from tests.conftest import Office

    return Office("", {u.username: Actor.from_user(u) for u in users.list_users()})


def test_whoever_prepared_the_table_is_never_offered_its_approval(qtbot, maker, tab_for):
    _october(maker)
    tab = tab_for("lead")
    _go(qtbot, tab, 2026, 10)
    panel = tab.panels["cs"]
    qtbot.mouseClick(panel.buttons["prepare"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.state == "prepared" and not tab.loading, timeout=10000)
    assert not panel.buttons["approve"].isEnabled()
    with pytest.raises(SamePerson):
        monthly_reports.approve(tab.ctx.actor, "cs", "2026-10", panel.status.version)
    assert monthly_reports.status("cs", "2026-10").state == "prepared"


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_admin_cannot_archive_while_tables_differ(qtbot, maker, office, tab_for):
    _october(maker)
    s = monthly_reports.prepare(office["clerk"], "cs", "2026-10")
    s = monthly_reports.approve(office["lead"], "cs", "2026-10", s.version)
    monthly_reports.submit(office["lead"], "cs", "2026-10", s.version)
    tab = tab_for("admin")
    _go(qtbot, tab, 2026, 10)
    button = tab.panels["cs"].buttons["archive"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "不一致" in tab.form.message.text(), timeout=10000)
    assert monthly_reports.status("cs", "2026-10").state == "submitted"


def _analyse(qtbot, tab, start: QDate, end: QDate):
    view = tab.views["analytics"]
    view.inputs["date_from"].setDate(start)
    view.inputs["date_to"].setDate(end)
    qtbot.mouseClick(view.form.runButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.result is not None and not view.running, timeout=10000)
    return view


def test_analytics_charts_and_numbers(qtbot, maker, tab_for):
    _october(maker)
    tab = tab_for("lead")
    view = _analyse(qtbot, tab, QDate(2026, 10, 1), QDate(2026, 10, 31))
    result = view.result.source
    assert result.count == 2 and result.amount == Decimal("200.05")
    assert "200.05" in view.form.headline.text()
    bank = view.boxes["bank"]
    assert bank.model.data(bank.model.index(0, 0)) == "中国工商银行"
    assert bank.model.data(bank.model.index(0, 1)) == "2"
    assert len(bank.chart.series()) == 1
    assert len(view.boxes["category"].chart.series()) == 1
    assert view.boxes["sla"].model.rowCount() == 4
    assert view.boxes["step_times"].model.rowCount() >= 8
    # the charts plot the columns their hints name: median and P90 hours, met and missed
    sets = view.boxes["step_times"].chart.series()[0].barSets()
    assert [s.label() for s in sets] == ["中位数（小时）", "90%分位（小时）"]
    sla = view.boxes["sla"].chart.series()[0].barSets()
    assert [s.label() for s in sla] == ["达标", "超时"]
    assert sum(sla[1].at(i) for i in range(sla[1].count())) == sum(c.missed for c in result.sla)


def test_exports(qtbot, maker, tab_for, tmp_path):
    a, _ = _october(maker)
    tab = tab_for("lead")
    _go(qtbot, tab, 2026, 10)
    path = tmp_path / "cs.xlsx"
    view = tab.views["cs"]
    view.export("xlsx", str(path))
    assert tab.form.progress.isVisibleTo(tab)
    qtbot.waitUntil(lambda: view.last_export == str(path), timeout=10000)
    assert not tab.form.progress.isVisibleTo(tab)
    ws = openpyxl.load_workbook(path).active
    assert ws.cell(5, 3).value == a.form_no
    pdf = tmp_path / "finance.pdf"
    tab.views["finance"].export("pdf", str(pdf))
    qtbot.waitUntil(lambda: tab.views["finance"].last_export == str(pdf), timeout=20000)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_due_text_countdown(chinese):
    due = dt.date(2026, 11, 2)
    status = monthly_reports.ReportStatus(ReportKind.CS, "2026-10", ReportState.APPROVED, 2, due)
    assert due_text(status, dt.date(2026, 10, 30)) == "报送期限 2026-11-02：还剩 3 天"
    assert due_text(status, due) == "今天到期（2026-11-02）"
    assert due_text(status, dt.date(2026, 11, 4)) == "已超过报送期限 2026-11-02（2 天）"
    on_time = office_time("2026-11-02 17:00")
    submitted = dataclasses.replace(status, state=ReportState.SUBMITTED, submitted_at=on_time)
    assert due_text(submitted, dt.date(2026, 11, 4)) == "已于 2026-11-02 报送（期限 2026-11-02）"
    late = dataclasses.replace(submitted, submitted_at=office_time("2026-11-03 09:00"))
    assert due_text(late, dt.date(2026, 11, 4)) == "已于 2026-11-03 报送，逾期（期限 2026-11-02）"


def test_no_database_work_on_the_gui_thread(qtbot, maker, tab_for, monkeypatch, tmp_path):
    import threading

    from refund_desk.store import db as store_db

    _october(maker)
    gui = threading.current_thread()
    threads = []
    real = store_db.connection

    def watched():
        threads.append(threading.current_thread())
        return real()

    monkeypatch.setattr(store_db, "connection", watched)
    tab = tab_for("lead")
    _go(qtbot, tab, 2026, 10)
    analytics = tab.views["analytics"]
    analytics.run()
    qtbot.waitUntil(lambda: analytics.result is not None, timeout=10000)
    tab.views["cs"].export("xlsx", str(tmp_path / "x.xlsx"))
    qtbot.waitUntil(lambda: tab.views["cs"].last_export is not None, timeout=10000)
    qtbot.mouseClick(tab.panels["cs"].buttons["prepare"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.panels["cs"].status.state == "prepared", timeout=10000)
    assert threads and gui not in threads


def test_a_long_overdue_list_is_cut_on_screen_and_whole_in_the_export(
    qtbot, maker, tab_for, tmp_path, monkeypatch
):
    from refund_desk.domain.workflow import Action
    from refund_desk.reports import analytics

    for day in range(5, 10):  # each still waits for finance: 12 hours, long overdue
        maker.refund("10.00", f"2026-10-{day:02d} 10:00", upto=Action.SUBMIT_TO_FINANCE)
    monkeypatch.setattr(analytics, "OVERDUE_SHOWN", 2)
    tab = tab_for("lead")
    view = _analyse(qtbot, tab, QDate(2026, 10, 1), QDate(2026, 10, 31))
    result = view.result.source
    late = {c.clock: c.missed for c in result.sla if c.missed}
    assert max(late.values()) > 2, late  # so that the list is cut
    assert result.overdue_total == sum(late.values())
    assert view.boxes["overdue"].model.rowCount() == sum(min(n, 2) for n in late.values())
    assert not view.form.notes.isHidden()
    assert view.form.notes.text().startswith(f"共 {result.overdue_total} 条超时")
    path = tmp_path / "analytics.xlsx"
    view.export("xlsx", str(path))
    qtbot.waitUntil(lambda: view.last_export == str(path), timeout=10000)
    sheet = openpyxl.load_workbook(path)["超时明细"]
    assert sheet.max_row - 1 == result.overdue_total  # every case, under the header row
