"""The seed's time limits as clocks: start, due time, stop, and whether each was met."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .calendar import WorkCalendar
from .workflow import CLOCK_RULES, TIMELINE_EVENTS, Clock, ClockRule, Event

OFFICE_TZ = ZoneInfo("Asia/Shanghai")
AMBER_AT = 0.8  # share of the allowed time after which a running clock turns amber


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


class Timeline:
    """The times of one refund that the clocks read (aware), by `Event` name: the fields are
    the events of `workflow.CLOCK_RULES`, nothing else."""

    __slots__ = ("_times",)
    FIELDS = frozenset(e.value for e in TIMELINE_EVENTS)

    def __init__(self, **times: dt.datetime | None) -> None:
        unknown = set(times) - self.FIELDS
        if unknown:
            raise TypeError(f"not a timeline event: {', '.join(sorted(unknown))}")
        self._times = times

    def get(self, event: Event) -> dt.datetime | None:
        return self._times.get(event.value)

    def __getattr__(self, name: str) -> dt.datetime | None:
        if name in Timeline.FIELDS:
            return self._times.get(name)
        raise AttributeError(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Timeline) and self._times == other._times

    def __repr__(self) -> str:
        return f"Timeline({self._times!r})"


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


def due_at(rule: ClockRule, start: dt.datetime, calendar: WorkCalendar) -> dt.datetime:
    """When a clock that started at `start` is due."""
    if rule.working_days is not None:
        return working_days_due(start, rule.working_days, calendar)
    assert rule.limit is not None
    return start + rule.limit


def clocks(t: Timeline, now: dt.datetime, calendar: WorkCalendar) -> dict[Clock, ClockStatus]:
    """Every clock of one refund, measured at `now`."""
    out = {}
    for clock, rule in CLOCK_RULES.items():
        start = t.get(rule.start)
        due = due_at(rule, start, calendar) if start else None
        out[clock] = _status(clock, start, t.get(rule.stop), due, now)
    return out


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
