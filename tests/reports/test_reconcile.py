"""Reconciliation finds every planted difference and nothing else."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from refund_desk.domain.errors import ReportError
from refund_desk.domain.workflow import Action
from refund_desk.reports import closing, reconcile
from refund_desk.reports import demo as report_demo
from refund_desk.store import db as dbmod
from refund_desk.store import demo, monthly_reports
from refund_desk.store.models import Refund
from tests.reports.conftest import approved_adjustment

from .conftest import office_time

H = dt.timedelta(hours=1)


def _update(refund_id: int, **values) -> None:
    """A change made outside the application (a hand fix in the database)."""
    with dbmod.write():
        Refund.update(**values).where(Refund.id == refund_id).execute()


def _found(result) -> set[tuple[str, str]]:
    return {(d.kind, d.form_no) for d in result.differences}


def test_clean_month_with_carry_over_has_no_differences(maker):
    a = maker.refund("128.50", "2026-10-05 10:00")
    late = maker.refund("58.00", "2026-10-31 23:20", gaps={Action.TECH_RETURN: 0.5 * H})
    early = maker.refund("66.00", "2026-09-30 23:40", gaps={Action.TECH_RETURN: 0.5 * H})
    draft = maker.create("12.00", office_time("2026-10-06 09:00"))
    result = reconcile.reconcile(2026, 10)
    assert result.clean, result.differences
    assert sorted(result.carried) == sorted([late.form_no, early.form_no])
    assert (result.cs_count, result.finance_count, result.matched) == (2, 2, 1)
    assert result.open_refunds == []  # a draft never submitted belongs to no month yet
    assert draft.form_no
    assert a
    assert reconcile.reconcile(2026, 9).clean and reconcile.reconcile(2026, 11).clean


def test_every_planted_difference_and_nothing_else(maker, office):
    clean = [maker.refund("100.00", f"2026-10-{d:02d} 10:00") for d in (2, 3, 4)]
    lost = maker.refund("200.00", "2026-10-06 10:00", upto=Action.SUBMIT_TO_FINANCE)
    unknown = maker.refund("300.00", "2026-10-07 10:00")
    late = maker.refund("400.00", "2026-10-08 10:00")
    paid_less = maker.refund("500.00", "2026-10-09 10:00")
    twin_cs = maker.refund("600.00", "2026-10-10 10:00")
    twin_fin = maker.refund("650.00", "2026-10-11 10:00")
    assert reconcile.reconcile(2026, 10).clean

    _update(lost.refund_id, finance_submitted_at=None)
    _update(unknown.refund_id, submitted_at=None, submitted_by=None)
    _update(late.refund_id, finance_submitted_at=office_time("2026-10-08 12:30"))
    approved_adjustment(
        office,
        office["cashier"],
        paid_less.refund_id,
        Decimal("-0.01"),
        "少退一分",
        at=office_time("2026-10-09 12:00"),
    )
    with dbmod.connection():
        twin_order = Refund.get_by_id(twin_cs.refund_id).order_no
    # one order under two forms: CS's form never reached finance, finance holds another
    _update(twin_cs.refund_id, finance_submitted_at=None)
    _update(twin_fin.refund_id, order_no=twin_order, submitted_at=None)

    result = reconcile.reconcile(2026, 10)
    assert _found(result) == {
        ("cs_only", lost.form_no),
        ("finance_only", unknown.form_no),
        ("date_differs", late.form_no),
        ("amount_differs", paid_less.form_no),
        ("form_differs", twin_cs.form_no),
    }
    by_kind = result.by_kind()
    assert by_kind["amount_differs"][0].cs_value == "500.00"
    assert by_kind["amount_differs"][0].finance_value == "499.99"
    assert by_kind["date_differs"][0].finance_value == "2026-10-08 12:30"
    assert by_kind["form_differs"][0].finance_value == twin_fin.form_no
    assert reconcile.total_difference(result) == Decimal("-0.01")
    assert all(c.form_no not in {d.form_no for d in result.differences} for c in clean)
    assert result.open_refunds == [lost.form_no]


def test_archive_waits_for_reconciliation(maker, office):
    a = maker.refund("100.00", "2026-10-02 10:00")
    _update(a.refund_id, finance_submitted_at=office_time("2026-10-03 10:00"))
    s = monthly_reports.prepare(office["cashier"], "finance", "2026-10")
    s = monthly_reports.approve(office["director"], "finance", "2026-10", s.version)
    s = monthly_reports.submit(office["director"], "finance", "2026-10", s.version)
    with pytest.raises(ReportError) as e:
        closing.archive(office["admin"], "finance", "2026-10", s.version)
    assert e.value.code == "not_reconciled" and "1" in e.value.text("zh")
    assert monthly_reports.status("finance", "2026-10").state == "submitted"
    assert not monthly_reports.month_closed("2026-10")


NOW = dt.datetime(2026, 11, 20, 4, 0, tzinfo=dt.UTC)


def test_demo_data_clean_months_and_the_planted_month(db_url):
    demo.create(db_url, count=150, seed=7, days=80, now=NOW)
    for month in (9, 10):
        assert reconcile.reconcile(2026, month).clean, month
    planted = report_demo.plant_differences(2026, 10, now=NOW)
    assert planted.month == "2026-10"
    result = reconcile.reconcile(2026, 10)
    assert _found(result) == {(kind, form) for kind, form in planted.differences}
    assert {kind for kind, _ in planted.differences} == {
        "cs_only",
        "finance_only",
        "date_differs",
        "amount_differs",
    }
    assert reconcile.reconcile(2026, 9).clean


def test_no_demo_data_goes_into_a_real_office(office):
    """Neither the demo's users and refunds nor its planted differences reach a production
    database, and nothing is written trying."""
    from refund_desk.domain.errors import DatabaseError
    from refund_desk.store import audit, maintenance, users

    head = audit.head()
    with pytest.raises(DatabaseError) as e:
        demo.fill(count=5, seed=1, now=NOW)
    assert e.value.code == "demo_only"
    with pytest.raises(DatabaseError):
        report_demo.plant_differences(2026, 10, now=NOW)
    with pytest.raises(DatabaseError) as e:
        demo.create(office.url, count=5)  # an existing database is never made a demo
    assert e.value.code == "demo_needs_new"
    assert audit.head() == head
    assert "cashier1" not in {u.username for u in users.list_users()}
    assert maintenance.check().ok
