"""The monthly table's life: due dates on the real 2026–2027 calendar, approval by the head,
late submission, archiving closes the month, adjustments go to the open month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from refund_desk.domain.calendar import WorkCalendar
from refund_desk.domain.errors import MonthClosed, NotAllowed, RefundDeskError, ReportError
from refund_desk.domain.workflow import Action
from refund_desk.reports import closing, monthly, reconcile
from refund_desk.store import db as dbmod
from refund_desk.store import monthly_reports, refunds, settings
from refund_desk.store.actors import Actor
from refund_desk.store.models import AuditLog, Refund
from tests.conftest import refund_data
from tests.reports.conftest import approved_adjustment

from .conftest import office_time


@pytest.mark.parametrize(
    ("year", "month", "due"),
    [
        (2026, 7, dt.date(2026, 8, 3)),  # 1 Aug 2026 is a Saturday: Monday the 3rd
        (2026, 9, dt.date(2026, 10, 8)),  # National Day 1–7 Oct 2026: Thursday the 8th
        (2026, 4, dt.date(2026, 5, 6)),  # Labour Day 1–5 May 2026
        (2025, 12, dt.date(2026, 1, 4)),  # New Year 1–3 Jan; Sunday 4 Jan 2026 is a 调休 workday
        (2026, 10, dt.date(2026, 11, 2)),  # 1 Nov 2026 is a Sunday
        (2026, 5, dt.date(2026, 6, 1)),  # an ordinary Monday
        (2027, 4, dt.date(2027, 5, 5)),  # 1 May 2027 is a Saturday and Labour Day
    ],
)
def test_due_date_on_the_package_calendar(year, month, due):
    assert WorkCalendar().monthly_table_due(year, month) == due


def test_make_up_saturday_from_the_calendar_is_a_working_day():
    cal = WorkCalendar()
    assert dt.date(2026, 10, 10).weekday() == 5 and cal.is_working_day(dt.date(2026, 10, 10))
    assert dt.date(2026, 9, 20).weekday() == 6 and cal.is_working_day(dt.date(2026, 9, 20))


def test_due_date_follows_the_admin_calendar(office):
    """A 调休 working Saturday on the 1st, and the 2027 National Day notice the package lacks."""
    admin = office["admin"]
    assert monthly_reports.status("cs", "2026-07").due == dt.date(2026, 8, 3)
    settings.set_holiday_override(dt.date(2026, 8, 1), True, "调休上班", admin)
    assert monthly_reports.status("cs", "2026-07").due == dt.date(2026, 8, 1)
    package = monthly_reports.status("finance", "2027-09").due
    for day in range(1, 8):
        settings.set_holiday_override(dt.date(2027, 10, day), False, "国庆节", admin)
    assert package < dt.date(2027, 10, 8)
    assert monthly_reports.status("finance", "2027-09").due == dt.date(2027, 10, 8)


def _close_october(maker):
    a = maker.refund("128.50", "2026-10-05 10:00")
    b = maker.refund("71.50", "2026-10-06 10:00")
    return a, b


def test_lifecycle_through_to_archive(maker, office):
    _close_october(maker)
    s = monthly_reports.prepare(
        office["clerk"], "cs", "2026-10", at=office_time("2026-10-31 18:00")
    )
    assert (s.state, s.version, s.prepared_by, s.due) == (
        "prepared",
        1,
        "Clerk",
        dt.date(2026, 11, 2),
    )
    with pytest.raises(ReportError) as e:
        monthly_reports.approve(office["clerk"], "cs", "2026-10", 1)
    assert "客服" in e.value.text("zh")
    with pytest.raises(ReportError):
        monthly_reports.approve(office["director"], "cs", "2026-10", 1)  # finance's head, not CS's
    with pytest.raises(ReportError):
        monthly_reports.submit(office["lead"], "cs", "2026-10", 1)  # not approved yet
    s = monthly_reports.approve(
        office["lead"], "cs", "2026-10", 1, at=office_time("2026-11-01 09:00")
    )
    assert (s.state, s.approved_by) == ("approved", "Lead")
    with pytest.raises(ReportError) as e:
        monthly_reports.submit(office["lead"], "cs", "2026-10", 1)  # stale version
    assert e.value.code == "report_conflict"
    s = monthly_reports.submit(
        office["lead"], "cs", "2026-10", 2, at=office_time("2026-11-02 17:00")
    )
    assert s.state == "submitted" and not s.late
    with pytest.raises(NotAllowed):
        closing.archive(office["lead"], "cs", "2026-10", 3)
    s = closing.archive(office["admin"], "cs", "2026-10", 3, at=office_time("2026-11-03 09:00"))
    assert (s.state, s.archived_by, s.version) == ("archived", "Admin", 4)
    with dbmod.connection():
        query = AuditLog.select(AuditLog.action).where(AuditLog.entity == "monthly_report")
        actions = [a for (a,) in query.order_by(AuditLog.seq).tuples()]
    done = [a for a in actions if not a.startswith("denied:")]
    assert done == ["stats_prepare", "stats_approve", "stats_submit", "stats_archive"]
    refused = [a for a in actions if a.startswith("denied:")]  # every refusal above, audited
    assert refused == [
        "denied:stats_approve",
        "denied:stats_approve",
        "denied:stats_submit",
        "denied:stats_submit",
        "denied:stats_archive",
    ]


def test_late_submission_is_flagged(maker, office):
    monthly_reports.prepare(office["cashier"], "finance", "2026-09")
    monthly_reports.approve(office["director"], "finance", "2026-09", 1)
    # due Thursday 8 October (National Day); submitted on the 9th
    s = monthly_reports.submit(
        office["director"], "finance", "2026-09", 2, at=office_time("2026-10-09 10:00")
    )
    assert s.due == dt.date(2026, 10, 8) and s.late
    on_time = monthly_reports.prepare(office["clerk"], "cs", "2026-09")
    monthly_reports.approve(office["lead"], "cs", "2026-09", on_time.version)
    s = monthly_reports.submit(
        office["lead"], "cs", "2026-09", 2, at=office_time("2026-10-08 23:00")
    )
    assert not s.late


def _archive(office, kind, month):
    s = monthly_reports.prepare(office["clerk" if kind == "cs" else "cashier"], kind, month)
    s = monthly_reports.approve(
        office["lead" if kind == "cs" else "director"], kind, month, s.version
    )
    s = monthly_reports.submit(
        office["lead" if kind == "cs" else "director"], kind, month, s.version
    )
    return closing.archive(office["admin"], kind, month, s.version)


def test_closed_month_refuses_edits_and_steps(maker, office):
    a, _ = _close_october(maker)
    track = maker.refund("10.00", "2026-10-07 10:00", upto=Action.PAY)  # not yet told
    # a draft opened in October and never submitted belongs to no month: it does not hold
    # up the close, and the close does not freeze it
    draft = maker.create("9.50", office_time("2026-10-09 10:00"))
    with pytest.raises(ReportError) as e:
        _archive(office, "cs", "2026-10")
    assert e.value.code == "month_open_refunds"
    assert track.form_no in e.value.text("zh") and draft.form_no not in e.value.text("zh")
    maker.step(track, "clerk", Action.TELL_CUSTOMER, office_time("2026-10-08 10:00"))
    s = monthly_reports.status("cs", "2026-10")
    assert s.state == "submitted"
    closing.archive(office["admin"], "cs", "2026-10", s.version)
    assert monthly_reports.month_closed("2026-10")
    # The October draft is still the clerk's to finish: it counts in the month it is submitted.
    draft = refunds.edit_refund(
        office["clerk"], draft.refund_id, draft.version, refund_data(amount="9.00")
    )
    refunds.act(office["clerk"], draft.refund_id, draft.version, Action.SUBMIT)
    with pytest.raises(MonthClosed):
        approved_adjustment(
            office,
            office["cashier"],
            a.refund_id,
            Decimal("1.00"),
            "补退",
            at=office_time("2026-10-31 09:00"),
        )
    # later tracking by admin is still allowed on a closed month
    refunds.act(office["admin"], a.refund_id, a.version, Action.TRACK, opinion="已回访客户。")


def test_adjustment_goes_to_the_open_month(maker, office):
    a, _ = _close_october(maker)
    _archive(office, "cs", "2026-10")
    with pytest.raises(MonthClosed):
        approved_adjustment(
            office,
            office["cashier"],
            a.refund_id,
            Decimal("-8.50"),
            "手续费",
            at=office_time("2026-10-30 10:00"),
        )
    with pytest.raises(RefundDeskError):
        approved_adjustment(
            office,
            office["clerk"],
            a.refund_id,
            Decimal("-8.50"),
            "手续费",
            at=office_time("2026-11-05 10:00"),
        )
    adj = approved_adjustment(
        office,
        office["cashier"],
        a.refund_id,
        Decimal("-8.50"),
        "银行手续费",
        at=office_time("2026-11-05 10:00"),
    )
    assert (adj.month, adj.form_no, adj.amount) == ("2026-11", a.form_no, Decimal("-8.50"))
    for kind in ("cs", "finance"):
        table = monthly.build_table(kind, 2026, 11)
        assert [(r.form_no, r.amount, r.adjustment_id) for r in table.rows] == [
            (a.form_no, Decimal("-8.50"), adj.id)
        ]
        assert "原2026-10" in table.rows[0].note
        assert (table.total_count, table.total_amount) == (1, Decimal("-8.50"))
    # October's archived tables do not change, and November still reconciles
    assert monthly.build_table("finance", 2026, 10).total_amount == Decimal("200.00")
    assert reconcile.reconcile(2026, 11).clean
    with dbmod.connection():
        assert Refund.get_by_id(a.refund_id).amount_fen == 12850


def test_adjustment_needs_a_reason_and_an_amount(maker, office):
    a, _ = _close_october(maker)
    with pytest.raises(RefundDeskError):
        approved_adjustment(office, office["cashier"], a.refund_id, Decimal("0"), "x")
    with pytest.raises(RefundDeskError):
        approved_adjustment(office, office["cashier"], a.refund_id, Decimal("1.00"), " ")


def test_command_line_actor_cannot_sign(office):
    with pytest.raises(RefundDeskError):
        monthly_reports.prepare(Actor.command_line(), "cs", "2026-10")
