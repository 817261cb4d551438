"""The CS and finance tables against hand-computed fixtures, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal

from refund_desk.domain.workflow import Action, State
from refund_desk.reports import monthly
from refund_desk.store import monthly_reports, refunds

from .conftest import office_time

H = dt.timedelta(hours=1)


def _october(maker):
    """Five refunds around October 2026 (office time), amounts chosen so floats would show."""
    a = maker.refund("128.50", "2026-10-05 10:00")
    b = maker.refund("0.10", "2026-10-12 09:00")
    c = maker.refund("0.20", "2026-10-12 11:00", upto=Action.PAY)
    # submitted on the last evening of October, reaches finance on 1 November
    d = maker.refund(
        "999.99",
        "2026-10-31 23:20",
        upto=Action.CASHIER_APPROVE,
        gaps={Action.TECH_RETURN: 0.5 * H},
    )
    # submitted on 30 September, reaches finance on 1 October
    e = maker.refund("58.00", "2026-09-30 23:40", gaps={Action.TECH_RETURN: 0.5 * H})
    # cancelled by the lead during review: in the CS table, never at finance
    f = maker.refund("20.00", "2026-10-20 14:00", upto=Action.SUBMIT)
    f = maker.step(f, "lead", Action.CANCEL, office_time("2026-10-20 14:30"), reason="客户撤销")
    # submitted at 00:10 on 1 November office time (still 31 October in UTC): November
    g = maker.refund("77.77", "2026-11-01 00:10", upto=Action.SUBMIT)
    return a, b, c, d, e, f, g


def test_cs_table_rows_and_total(maker):
    a, b, c, d, _, f, _ = _october(maker)
    table = monthly.build_table("cs", 2026, 10)
    assert [r.form_no for r in table.rows] == [
        a.form_no,
        b.form_no,
        c.form_no,
        f.form_no,
        d.form_no,
    ]
    assert table.total_count == 5
    assert table.total_fen == 12850 + 10 + 20 + 2000 + 99999
    assert table.total_amount == Decimal("1148.79")
    first = table.rows[0]
    assert first.submitted_on == dt.date(2026, 10, 5)
    assert first.submitted_by == "Clerk"
    assert first.to_tech_at == office_time("2026-10-05 10:10")
    assert first.to_finance_at == office_time("2026-10-05 10:30")
    assert first.finance_answered_at == office_time("2026-10-05 11:10")
    assert first.customer_told_at == office_time("2026-10-05 11:20")
    cancelled = table.rows[3]
    assert cancelled.note == "已取消" and cancelled.to_tech_at is None
    line = monthly.sheet_line("cs", first)
    assert (line.seq, line.submitted_on, line.amount) == (1, "2026-10-05", Decimal("128.50"))
    assert (line.to_tech_at, line.to_finance_at) == ("10-05 10:10", "10-05 10:30")
    assert line.contact == "13800138000" and line.bank == "中国工商银行"


def test_finance_table_rows_and_total(maker):
    a, b, c, d, e, _, _ = _october(maker)
    table = monthly.build_table("finance", 2026, 10)
    assert [r.form_no for r in table.rows] == [e.form_no, a.form_no, b.form_no, c.form_no]
    assert (table.total_count, table.total_amount) == (4, Decimal("186.80"))
    row = table.rows[1]
    assert (row.cashier, row.accountant, row.director) == ("Cashier", "Accountant", "Director")
    assert row.cashier_at == office_time("2026-10-05 10:40")
    line = monthly.sheet_line("finance", row)
    assert line.cashier_checked == "Cashier 10-05 10:40"
    assert line.director_approved == "Director 10-05 11:00"
    assert line.cs_told == "10-05 11:10"
    assert line.submitted_on == "2026-10-05"
    assert monthly.sheet_line("finance", table.rows[0]).submitted_on == "2026-10-01"
    november = monthly.build_table("finance", 2026, 11)
    assert [r.form_no for r in november.rows] == [d.form_no]
    assert november.rows[0].note.startswith("处理中")


def test_office_time_decides_the_month(maker):
    *_, g = _october(maker)
    assert g.form_no not in {r.form_no for r in monthly.build_table("cs", 2026, 10).rows}
    assert [r.form_no for r in monthly.build_table("cs", 2026, 11).rows] == [g.form_no]


def test_empty_month_has_zero_total(office):
    table = monthly.build_table("cs", 2025, 2)
    assert (table.rows, table.total_count, table.total_amount) == ([], 0, Decimal("0.00"))
    sheet = monthly.statistics_sheet("finance", 2025, 2)
    assert sheet.number == "CW-2025-02" and sheet.lines == [] and sheet.approved_by == ""


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__()
        self.sql = []

    def emit(self, record):
        self.sql.append(record.getMessage())


def _statements(fn):
    logger = logging.getLogger("peewee")
    handler, level = _Counter(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        fn()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return [s for s in handler.sql if "SELECT" in s.upper()]


def test_statement_count_does_not_grow_with_the_month(maker):
    maker.refund("10.00", "2026-10-02 10:00")
    small = {
        k: len(_statements(lambda k=k: monthly.build_table(k, 2026, 10))) for k in ("cs", "finance")
    }
    for day in range(3, 9):
        maker.refund("10.00", f"2026-10-{day:02d} 10:00")
    large = {
        k: len(_statements(lambda k=k: monthly.build_table(k, 2026, 10))) for k in ("cs", "finance")
    }
    assert small == large == {"cs": 2, "finance": 2}


def test_statistics_sheet_carries_the_signatures(maker, office):

    maker.refund("128.50", "2026-10-05 10:00")
    monthly_reports.prepare(office["clerk"], "cs", "2026-10", at=office_time("2026-11-01 09:00"))
    s = monthly_reports.status("cs", "2026-10")
    monthly_reports.approve(
        office["lead"], "cs", "2026-10", s.version, at=office_time("2026-11-01 10:00")
    )
    sheet = monthly.statistics_sheet("cs", 2026, 10)
    assert (sheet.prepared_by, sheet.approved_by) == ("Clerk", "Lead")
    assert sheet.prepared_on == dt.date(2026, 11, 1)
    assert sheet.version == 2
    assert (sheet.total_count, sheet.total_amount) == (1, Decimal("128.50"))
    assert sheet.lines[0].form_no.startswith("TD-")


def test_send_back_and_resubmit_shows_the_newest_steps(maker, office):
    saved = maker.refund("300.00", "2026-10-05 10:00", upto=Action.ACCOUNTANT_APPROVE)
    saved = maker.step(
        saved,
        "director",
        Action.SEND_BACK,
        office_time("2026-10-06 09:00"),
        target=State.CS_SUBMIT,
        reason="金额不符",
    )
    saved = maker.step(saved, "lead", Action.SUBMIT_TO_FINANCE, office_time("2026-10-07 09:00"))
    saved = maker.step(saved, "cashier2", Action.CASHIER_APPROVE, office_time("2026-10-07 10:00"))
    row = monthly.build_table("finance", 2026, 10).rows[0]
    assert row.finance_received_at == office_time("2026-10-07 09:00")
    assert (row.cashier, row.cashier_at) == ("Cashier2", office_time("2026-10-07 10:00"))
    assert row.accountant == "" and row.accountant_at is None  # cleared by the send-back
    cs = monthly.build_table("cs", 2026, 10).rows[0]
    assert cs.to_finance_at == office_time("2026-10-07 09:00")
    assert refunds  # the services module is what made all of this
