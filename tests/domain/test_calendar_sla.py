import datetime as dt

from refund_desk.domain import sla
from refund_desk.domain.calendar import WorkCalendar
from refund_desk.domain.workflow import Clock

CAL = WorkCalendar()
D = dt.date


def test_working_days_follow_the_state_council_notice():
    assert not CAL.is_working_day(D(2026, 10, 1))  # National Day
    assert not CAL.is_working_day(D(2026, 10, 3))
    assert CAL.is_working_day(D(2026, 9, 20))  # 调休: a working Sunday
    assert CAL.is_working_day(D(2026, 10, 10))  # 调休: a working Saturday
    assert not CAL.is_working_day(D(2026, 11, 28))  # an ordinary Saturday


def test_overrides_beat_the_package():
    cal = WorkCalendar({D(2026, 11, 28): True, D(2026, 11, 27): False})
    assert cal.is_working_day(D(2026, 11, 28))
    assert not cal.is_working_day(D(2026, 11, 27))


def test_monthly_tables_due_on_the_first_or_next_working_day():
    assert CAL.monthly_table_due(2026, 11) == D(2026, 12, 1)  # a Tuesday
    assert CAL.monthly_table_due(2026, 7) == D(2026, 8, 3)  # 1 Aug 2026 is a Saturday
    assert CAL.monthly_table_due(2026, 9) == D(2026, 10, 8)  # after National Day week
    assert CAL.monthly_table_due(2026, 12) == D(2027, 1, 4)  # New Year's Day, then weekend


def test_three_working_days_skip_the_holiday():
    start = dt.datetime(2026, 9, 30, 2, 0, tzinfo=dt.UTC)  # Wed 30 Sep 10:00 Shanghai
    due = sla.working_days_due(start, 3, CAL)
    # 1-7 Oct are off; 8, 9 (Thu, Fri) and Sat 10 Oct (调休) are working days
    assert due.astimezone(sla.OFFICE_TZ).date() == D(2026, 10, 10)


def T(h, m=0):
    return dt.datetime(2026, 11, 27, h, m, tzinfo=dt.UTC)


def test_clocks_report_due_remaining_and_met():
    timeline = sla.Timeline(
        complaint_at=T(1),
        submitted_at=T(1, 8),
        tech_returned_at=T(2),
        finance_submitted_at=T(3, 30),
    )
    clocks = sla.clocks(timeline, now=T(4), calendar=CAL)
    form = clocks[Clock.FORM_10MIN]
    assert form.due_at == T(1, 10) and form.met is True and form.colour == "green"
    cs = clocks[Clock.CS_60MIN]
    assert cs.met is False and cs.overdue and cs.colour == "red"
    fin = clocks[Clock.FINANCE_12H]
    assert fin.running and fin.met is None and fin.remaining == dt.timedelta(hours=11, minutes=30)
    assert clocks[Clock.PAYMENT_24H].colour == "none"
    assert sla.current_clock(clocks).clock == Clock.FINANCE_12H


def test_amber_at_eighty_percent():
    timeline = sla.Timeline(complaint_at=T(1))
    assert sla.clocks(timeline, T(1, 7), CAL)[Clock.FORM_10MIN].colour == "green"
    assert sla.clocks(timeline, T(1, 8), CAL)[Clock.FORM_10MIN].colour == "amber"
    assert sla.clocks(timeline, T(1, 11), CAL)[Clock.FORM_10MIN].colour == "red"


def test_remaining_reads_like_a_clock():
    assert sla.format_remaining(dt.timedelta(minutes=8)) == "剩8分"
    assert sla.format_remaining(-dt.timedelta(hours=2, minutes=5)) == "超时2小时5分"
    assert sla.format_remaining(dt.timedelta(minutes=8), "en") == "8 min left"


def test_a_year_without_its_holiday_arrangement_is_named_until_one_is_entered():
    """From December the coming year's 调休 days are needed; a year the bundled calendar does
    not know is named (check and the window say so) until an administrator enters a day of it."""
    from refund_desk.store.maintenance import calendar_warning

    far = 2098  # no notice of the State Council reaches that far
    assert CAL.knows_arrangement(2026)
    assert CAL.missing_arrangements(dt.date(far, 11, 30)) == [far]
    assert CAL.missing_arrangements(dt.date(far, 12, 1)) == [far, far + 1]
    assert CAL.missing_arrangements(dt.date(2026, 11, 30)) == []  # only this year, known
    entered = WorkCalendar(overrides={dt.date(far, 2, 6): True})
    assert entered.missing_arrangements(dt.date(far, 6, 1)) == []
    sentence = calendar_warning(CAL, dt.date(far, 12, 1))
    assert f"{far}、{far + 1}" in sentence and f"{far + 1}-02-06" in sentence
    assert calendar_warning(CAL, dt.date(2026, 11, 30)) == ""
