"""The seed's time limits as clocks: start, due time, stop, and whether each was met."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .calendar import WorkCalendar
from .errors import Text
from .workflow import Clock

OFFICE_TZ = ZoneInfo("Asia/Shanghai")
AMBER_AT = 0.8  # share of the allowed time after which a running clock turns amber

CLOCK_LABELS: dict[Clock, Text] = {
    Clock.FORM_10MIN: Text("10分钟内填单", "Form within 10 min"),
    Clock.CS_60MIN: Text("60分钟内提交财务", "To finance within 60 min"),
    Clock.FINANCE_12H: Text("财务12小时内处理", "Finance within 12 h"),
    Clock.PAYMENT_24H: Text("24小时内退款", "Paid within 24 h"),
    Clock.PAYMENT_3WD: Text("3个工作日内退款", "Paid within 3 working days"),
}


@dataclass(frozen=True)
class ClockStatus:
    clock: Clock
    started_at: dt.datetime | None
    due_at: dt.datetime | None
    stopped_at: dt.datetime | None
    now: dt.datetime

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.stopped_at is None

    @property
    def met(self) -> bool | None:
        """True/False once stopped; None while running or not started."""
        if self.stopped_at is None or self.due_at is None:
            return None
        return self.stopped_at <= self.due_at

    @property
    def remaining(self) -> dt.timedelta | None:
        """Time left (negative when overdue), measured at the stop or now."""
        if self.due_at is None:
            return None
        return self.due_at - (self.stopped_at or self.now)

    @property
    def overdue(self) -> bool:
        rem = self.remaining
        return rem is not None and rem < dt.timedelta(0)

    @property
    def fraction(self) -> float | None:  # not money: share of the allowed time used
        if self.started_at is None or self.due_at is None:
            return None
        allowed = (self.due_at - self.started_at).total_seconds()
        used = ((self.stopped_at or self.now) - self.started_at).total_seconds()
        return used / allowed if allowed > 0 else 1.0

    @property
    def colour(self) -> str:
        """ "green", "amber" (80% used) or "red" (overdue); "none" when not started."""
        fraction = self.fraction
        if fraction is None:
            return "none"
        if self.overdue:
            return "red"
        return "amber" if fraction >= AMBER_AT and self.running else "green"


@dataclass(frozen=True)
class Timeline:
    """The timestamps of one refund that the clocks read (all timezone-aware)."""

    complaint_at: dt.datetime | None = None
    submitted_at: dt.datetime | None = None
    tech_returned_at: dt.datetime | None = None
    finance_submitted_at: dt.datetime | None = None
    finance_answered_at: dt.datetime | None = None
    money_confirmed_at: dt.datetime | None = None
    paid_at: dt.datetime | None = None


def working_days_due(start: dt.datetime, days: int, calendar: WorkCalendar) -> dt.datetime:
    """End of the `days`-th working day after `start`'s office-local date."""
    local = start.astimezone(OFFICE_TZ)
    day = calendar.add_working_days(local.date(), days)
    end = dt.datetime.combine(day, dt.time(23, 59, 59), OFFICE_TZ)
    return end.astimezone(dt.UTC)


def _status(clock, start, stop, due, now) -> ClockStatus:
    if stop is not None and start is not None and stop < start:
        stop = None  # restarted after a send-back: the old stop belongs to the earlier round
    return ClockStatus(clock, start, due if start else None, stop if start else None, now)


def clocks(t: Timeline, now: dt.datetime, calendar: WorkCalendar) -> dict[Clock, ClockStatus]:
    """Every clock of one refund, measured at `now`."""

    def plus(start, delta):
        return start + delta if start else None

    pay_start = t.money_confirmed_at
    return {
        Clock.FORM_10MIN: _status(
            Clock.FORM_10MIN,
            t.complaint_at,
            t.submitted_at,
            plus(t.complaint_at, dt.timedelta(minutes=10)),
            now,
        ),
        Clock.CS_60MIN: _status(
            Clock.CS_60MIN,
            t.tech_returned_at,
            t.finance_submitted_at,
            plus(t.tech_returned_at, dt.timedelta(minutes=60)),
            now,
        ),
        Clock.FINANCE_12H: _status(
            Clock.FINANCE_12H,
            t.finance_submitted_at,
            t.finance_answered_at,
            plus(t.finance_submitted_at, dt.timedelta(hours=12)),
            now,
        ),
        Clock.PAYMENT_24H: _status(
            Clock.PAYMENT_24H, pay_start, t.paid_at, plus(pay_start, dt.timedelta(hours=24)), now
        ),
        Clock.PAYMENT_3WD: _status(
            Clock.PAYMENT_3WD,
            pay_start,
            t.paid_at,
            working_days_due(pay_start, 3, calendar) if pay_start else None,
            now,
        ),
    }


def current_clock(statuses: dict[Clock, ClockStatus]) -> ClockStatus | None:
    """The running clock a queue shows: the one due soonest."""
    running = [s for s in statuses.values() if s.running and s.due_at is not None]
    return min(running, key=lambda s: s.due_at) if running else None


def format_remaining(delta: dt.timedelta, lang: str = "zh") -> str:
    """ "剩 8 分" / "超时 2 小时 5 分" style, to the minute."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if lang == "en":
        parts = [f"{days} d" if days else "", f"{hours} h" if hours else "", f"{mins} min"]
        text = " ".join(p for p in parts if p)
        return f"{text} left" if delta >= dt.timedelta(0) else f"{text} overdue"
    parts = [f"{days}天" if days else "", f"{hours}小时" if hours else "", f"{mins}分"]
    text = "".join(p for p in parts if p)
    return f"剩{text}" if delta >= dt.timedelta(0) else f"超时{text}"
