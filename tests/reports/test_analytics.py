"""Analytics for a period against a hand-computed office."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from refund_desk.domain import refund_fields, sla
from refund_desk.domain.workflow import Action, Clock, State
from refund_desk.reports import analytics
from refund_desk.store import db, queries, settings
from refund_desk.store.models import Refund

from .conftest import office_time

M = dt.timedelta(minutes=1)
NOW = office_time("2026-10-20 10:00")


def _office(maker):
    r1 = maker.refund("128.50", "2026-10-05 10:00", bank="boc")
    r2 = maker.refund(
        "200.00",
        "2026-10-06 10:00",
        gaps={Action.LEAD_APPROVE: 20 * M, Action.SUBMIT_TO_FINANCE: 120 * M},
    )
    r3 = maker.refund("58.00", "2026-10-07 10:00", upto=Action.SUBMIT_TO_FINANCE)
    r3 = maker.step(r3, "cashier", Action.NOT_CREDITED, office_time("2026-10-07 10:40"))
    r3 = maker.step(r3, "clerk", Action.TELL_CUSTOMER, office_time("2026-10-07 10:50"))
    r4 = maker.refund("20.00", "2026-10-08 10:00", upto=Action.SUBMIT)
    r4 = maker.step(r4, "lead", Action.CANCEL, office_time("2026-10-08 10:30"), reason="撤销")
    r5 = maker.refund(
        "300.00", "2026-10-12 10:00", upto=Action.SUBMIT_TO_FINANCE, fault_category="order_conflict"
    )
    maker.refund("999.00", "2026-11-02 10:00")  # outside the period
    return r1, r2, r3, r4, r5


def test_counts_amounts_and_groups(maker):
    _office(maker)
    a = analytics.analyse(dt.date(2026, 10, 1), dt.date(2026, 10, 31), "week", now=NOW)
    assert (a.count, a.amount) == (5, Decimal("706.50"))
    assert (a.closed, a.paid, a.success_rate) == (4, 2, 0.5)
    assert {g.key: (g.count, g.amount) for g in a.by_category} == {
        "no_ticket_code": (4, Decimal("406.50")),
        "order_conflict": (1, Decimal("300.00")),
    }
    assert {g.key: g.count for g in a.by_bank} == {"icbc": 4, "boc": 1}
    assert {g.key: g.count for g in a.by_step} == {
        State.CUSTOMER_TOLD.value: 3,
        State.CANCELLED.value: 1,
        State.CASHIER_CHECK.value: 1,
    }
    assert [(g.key, g.count, g.amount) for g in a.trend] == [
        ("2026-W41", 4, Decimal("406.50")),
        ("2026-W42", 1, Decimal("300.00")),
    ]
    monthly = analytics.analyse(dt.date(2026, 10, 1), dt.date(2026, 11, 30), "month", now=NOW)
    assert [(g.key, g.count) for g in monthly.trend] == [("2026-10", 5), ("2026-11", 1)]


def test_time_per_step_median_and_p90(maker):
    _office(maker)
    a = analytics.analyse(dt.date(2026, 10, 1), dt.date(2026, 10, 31), now=NOW)
    times = {t.state: t for t in a.step_times}
    # lead review: 10, 20, 10, 30 (cancelled), 10 minutes
    lead = times[State.LEAD_REVIEW]
    assert (lead.count, lead.median_s, lead.p90_s) == (5, 600, 1560)
    # every draft was submitted 3 minutes after it was opened
    assert (times[State.DRAFT].count, times[State.DRAFT].median_s) == (5, 180)
    # CS waited 10, 120, 10 and 10 minutes before submitting to finance
    cs = times[State.CS_SUBMIT]
    assert (cs.count, cs.median_s, cs.p90_s) == (4, 600, 600 + 0.7 * 6600)
    assert State.CASHIER_CHECK in times and times[State.CASHIER_CHECK].count == 3


def test_sla_compliance_and_overdue_cases(maker):
    _, r2, _, _, r5 = _office(maker)
    a = analytics.analyse(dt.date(2026, 10, 1), dt.date(2026, 10, 31), now=NOW)
    sla = {c.clock: (c.measured, c.met, c.missed) for c in a.sla}
    assert sla == {
        Clock.FORM_10MIN: (5, 5, 0),
        Clock.CS_60MIN: (4, 3, 1),
        Clock.FINANCE_12H: (4, 3, 1),
        Clock.PAYMENT_3WD: (2, 2, 0),
    }
    assert [(o.form_no, o.clock, o.stopped_at is None) for o in a.overdue] == [
        (r2.form_no, Clock.CS_60MIN, False),
        (r5.form_no, Clock.FINANCE_12H, True),
    ]
    assert a.overdue[0].late_by == dt.timedelta(minutes=60)


def test_empty_period(office):
    a = analytics.analyse(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert (a.count, a.amount, a.success_rate, a.step_times, a.trend) == (
        0,
        Decimal("0.00"),
        None,
        [],
        [],
    )


def _by_the_domain(date_from, date_to, now, calendar):
    """SLA compliance as `sla.clocks` gives it, refund by refund (the reference)."""
    start, end = analytics.bounds(date_from, date_to)
    counts = {c: [0, 0] for c in analytics.SLA_CLOCKS}
    cases = []
    for r in Refund.select().where(analytics._in_period(start, end)).order_by(Refund.id):
        timeline = sla.Timeline(**{n: getattr(r, n) for n in queries.TIMELINE_FIELDS})
        statuses = sla.clocks(timeline, now, calendar)
        for clock in analytics.SLA_CLOCKS:
            s = statuses[clock]
            if s.started_at is None or (s.running and not s.overdue):
                continue
            counts[clock][0 if s.met else 1] += 1
            if not s.met:
                cases.append((r.form_no, clock, s.due_at, s.stopped_at, -s.remaining))
    cases.sort(key=lambda o: (analytics.SLA_CLOCKS.index(o[1]), -o[4]))
    return {c: (sum(v), v[0], v[1]) for c, v in counts.items()}, cases


def test_sla_edges_match_the_domain_clocks(maker):
    """Boundaries to the microsecond, stops before their start (a restarted clock), running
    clocks on either side of their due time, a payment due at the end of a working day."""
    now = office_time("2026-10-20 10:00")
    us = dt.timedelta(microseconds=1)
    base = office_time("2026-10-12 09:00") + dt.timedelta(microseconds=999_600)
    payment_due = office_time("2026-10-15 23:59") + dt.timedelta(seconds=59)  # Mon + 3 wd
    cases = [
        {"submitted_at": base + 10 * M},  # met exactly at the due time
        {"submitted_at": base + 10 * M + us},  # missed by a microsecond
        {"submitted_at": base - M},  # a stop before the start: running, overdue
        {"tech_returned_at": base, "finance_submitted_at": base + 60 * M - us},
        {"tech_returned_at": base, "finance_submitted_at": base + 60 * M + us},
        {"finance_submitted_at": now - 12 * 60 * M + us},  # running, not yet due
        {"finance_submitted_at": now - 12 * 60 * M - us},  # running, overdue
        {
            "finance_submitted_at": now - 60 * M,
            "finance_answered_at": now - 2 * 60 * M,  # an earlier round's answer
        },
        {"money_confirmed_at": base, "paid_at": payment_due},
        {"money_confirmed_at": base, "paid_at": payment_due + us},
        {"money_confirmed_at": base, "paid_at": base - M},  # earlier round: running, overdue
        {"money_confirmed_at": now - M},  # running, not yet due
        {"money_confirmed_at": office_time("2026-10-12 23:59")},  # same office day as base
    ]
    for i, times in enumerate(cases):
        saved = maker.create("10.00", office_time("2026-10-12 08:00") + i * M)
        fields = dict.fromkeys(queries.TIMELINE_FIELDS[1:])
        fields.update({"complaint_at": base, "submitted_at": base + 5 * M} | times)
        with db.write():
            Refund.update(**fields).where(Refund.id == saved.refund_id).execute()
    calendar = settings.calendar()
    a = analytics.analyse(dt.date(2026, 10, 1), dt.date(2026, 10, 31), now=now, calendar=calendar)
    with db.connection():
        counts, overdue = _by_the_domain(dt.date(2026, 10, 1), dt.date(2026, 10, 31), now, calendar)
    assert {c.clock: (c.measured, c.met, c.missed) for c in a.sla} == counts
    assert [(o.form_no, o.clock, o.due_at, o.stopped_at, o.late_by) for o in a.overdue] == overdue
    assert counts[Clock.FORM_10MIN] == (13, 11, 2)
    assert counts[Clock.CS_60MIN] == (2, 1, 1)
    assert counts[Clock.FINANCE_12H] == (3, 0, 3)  # the two CS cases are waiting too
    assert counts[Clock.PAYMENT_3WD] == (4, 1, 3)
    assert len(overdue) == 2 + 1 + 3 + 3
    assert a.overdue_complete and a.overdue_total == len(overdue)
    cut = analytics.analyse(
        dt.date(2026, 10, 1), dt.date(2026, 10, 31), now=now, calendar=calendar, overdue_limit=1
    )
    assert cut.sla == a.sla  # the counts stay whole
    worst = {}
    for case in overdue:  # the reference is sorted by clock, most overdue first
        worst.setdefault(case[1], case)
    assert [(o.form_no, o.clock, o.due_at, o.stopped_at, o.late_by) for o in cut.overdue] == list(
        worst.values()
    )
    assert not cut.overdue_complete and cut.overdue_total == len(overdue)


def test_fault_categories_an_administrator_added_are_named(maker, office):
    """Not their codes: the names stored with them, in both languages, retired ones too."""
    from refund_desk.reports import analytics_report, xlsx
    from refund_desk.store.models import FaultCategory

    by = office["sysadmin"]
    settings.add_fault_category("changed_mind", "顾客改变主意", "Customer changed their mind", by)
    settings.add_fault_category("wrong_show", "买错场次", "", by)  # no English: the Chinese
    maker.refund("20.00", "2026-10-05 10:00", fault_category="changed_mind")
    maker.refund("30.00", "2026-10-06 10:00", fault_category="wrong_show")
    maker.refund("40.00", "2026-10-07 10:00")
    with db.write():  # retired since: its refund keeps its name
        FaultCategory.update(active=False).where(FaultCategory.code == "wrong_show").execute()
    report = analytics_report.report(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    faults = next(t for t in report.tables if t.key == "category")
    seed = dict(refund_fields.DEFAULT_FAULT_CATEGORIES)["no_ticket_code"]
    assert {label for label, *_ in faults.rows} == {
        ("顾客改变主意", "Customer changed their mind"),
        ("买错场次", "买错场次"),
        seed,
    }
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(xlsx.workbook(report, lang="en")))
    assert {book["Fault"].cell(r, 1).value for r in (2, 3, 4)} >= {"Customer changed their mind"}
