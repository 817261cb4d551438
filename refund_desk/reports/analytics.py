"""Refund analytics for a period (the seed's chapters 8 and 10): count and amount; by fault
category, bank and current step; success rate; time spent per step (median, 90th percentile);
SLA compliance per clock with the overdue cases; trend by week or month.

A refund belongs to the period when its complaint was opened in it (office dates, inclusive), as
in the search screen and `queries.month_by_state`. Aggregates are computed in SQL (one GROUP BY
each); step durations are stored with each step (`step_record.waited_ms`), and their percentiles
are computed by PostgreSQL (`percentile_cont`) or, on SQLite, which has none, from the single
column of durations. SLA compliance needs the working calendar (3 working days), so it reads only
the timestamp columns of the period's refunds and runs the domain's clock rules on them."""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter, itemgetter

import peewee as pw

from ..domain import sla
from ..domain.calendar import WorkCalendar
from ..domain.money import fen_or_zero, from_fen
from ..domain.workflow import CLOCK_RULES, Clock, State
from ..store import db as dbmod
from ..store import queries, settings
from ..store.models import Refund, StepRecord

# The clocks analysed: all of the flow's but the 24-hour payment clock, which the 3-working-day
# one (the seed's rule "in principle") reports on the same two times.
SLA_CLOCKS = tuple(c for c in CLOCK_RULES if c != Clock.PAYMENT_24H)
# The overdue cases the 统计 tab lists per clock, the most overdue first (a year can have tens of
# thousands; the Excel export has them all).
OVERDUE_SHOWN = 200
OFFICE_OFFSET_HOURS = 8  # Asia/Shanghai has had no daylight saving since 1991


@dataclass(frozen=True)
class Group:
    key: str  # category code, bank code, state value, or period label
    count: int
    amount_fen: int

    @property
    def amount(self) -> Decimal:
        return from_fen(self.amount_fen)


@dataclass(frozen=True)
class StepTime:
    state: State
    count: int
    median_s: float  # seconds (durations, not money)
    p90_s: float


@dataclass(frozen=True)
class ClockCompliance:
    clock: Clock
    measured: int  # clocks that stopped, plus running ones already overdue
    met: int
    missed: int  # stopped late, or running and overdue

    @property
    def rate(self) -> float | None:
        return self.met / self.measured if self.measured else None


@dataclass(frozen=True)
class OverdueCase:
    form_no: str
    clock: Clock
    due_at: dt.datetime
    stopped_at: dt.datetime | None  # None: still running
    late_by: dt.timedelta


@dataclass(frozen=True)
class Analytics:
    date_from: dt.date
    date_to: dt.date
    count: int
    amount_fen: int
    closed: int  # finance answered or cancelled: outcome set
    paid: int
    by_category: list[Group] = field(default_factory=list)
    by_bank: list[Group] = field(default_factory=list)
    by_step: list[Group] = field(default_factory=list)
    step_times: list[StepTime] = field(default_factory=list)
    sla: list[ClockCompliance] = field(default_factory=list)
    overdue: list[OverdueCase] = field(default_factory=list)
    trend: list[Group] = field(default_factory=list)
    trend_by: str = "month"
    overdue_limit: int | None = None  # None: `overdue` holds every missed case

    @property
    def overdue_total(self) -> int:
        return sum(c.missed for c in self.sla)

    @property
    def overdue_complete(self) -> bool:
        return len(self.overdue) == self.overdue_total

    @property
    def amount(self) -> Decimal:
        return from_fen(self.amount_fen)

    @property
    def success_rate(self) -> float | None:
        """Paid / all closed (refunded, not credited, cancelled)."""
        return self.paid / self.closed if self.closed else None


def bounds(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return queries.local_day_start(date_from), queries.local_day_start(
        date_to + dt.timedelta(days=1)
    )


def _in_period(start: dt.datetime, end: dt.datetime):
    return (Refund.complaint_at >= start) & (Refund.complaint_at < end)


def _groups(column, where) -> list[Group]:
    rows = (
        Refund.select(column, pw.fn.COUNT(Refund.id), pw.fn.SUM(Refund.amount_fen))
        .where(where)
        .group_by(column)
        .order_by(pw.fn.COUNT(Refund.id).desc(), column)
        .tuples()
    )
    return [Group(str(key), int(n), fen_or_zero(total)) for key, n, total in rows]


def _summary(where) -> tuple[int, int, int, int]:
    closed = pw.Case(None, [(Refund.outcome.is_null(False), 1)], 0)
    paid = pw.Case(None, [(Refund.outcome == "refunded", 1)], 0)
    row = (
        Refund.select(
            pw.fn.COUNT(Refund.id),
            pw.fn.SUM(Refund.amount_fen),
            pw.fn.SUM(closed),
            pw.fn.SUM(paid),
        )
        .where(where)
        .tuples()
        .first()
    )
    count, total, n_closed, n_paid = row or (0, 0, 0, 0)
    return int(count or 0), fen_or_zero(total), int(n_closed or 0), int(n_paid or 0)


def _is_postgres() -> bool:
    return isinstance(dbmod.DB.obj, pw.PostgresqlDatabase)


def _step_durations(where) -> pw.SelectQuery:
    """Per state-changing step of the period's refunds: the state it left and how long the
    refund had been in it (milliseconds, stored with the step)."""
    members = Refund.select(Refund.id).where(where)
    return StepRecord.select(StepRecord.from_state, StepRecord.waited_ms).where(
        StepRecord.refund.in_(members) & StepRecord.waited_ms.is_null(False)
    )


def step_times(where) -> list[StepTime]:
    durations = _step_durations(where)
    if _is_postgres():

        def pct(q):
            return pw.NodeList(
                (
                    pw.SQL(f"percentile_cont({q}) WITHIN GROUP (ORDER BY"),
                    StepRecord.waited_ms,
                    pw.SQL(")"),
                )
            )

        query = durations.select(
            StepRecord.from_state, pw.fn.COUNT(pw.SQL("*")), pct(0.5), pct(0.9)
        ).group_by(StepRecord.from_state)
        rows = [(s, int(n), float(m) / 1000, float(p) / 1000) for s, n, m, p in query.tuples()]
    else:
        # SQLite has no percentile function: fetch the two narrow columns through the raw cursor
        # (no per-row conversion), sort each state's durations once and pick the ranks.
        by_state: dict[str, list[int]] = {}
        for state, ms in dbmod.DB.obj.execute(durations).fetchall():
            values = by_state.get(state)
            if values is None:
                by_state[state] = [ms]
            else:
                values.append(ms)
        rows = []
        for state, values in by_state.items():
            values.sort()
            rows.append((state, len(values), _median(values) / 1000, _p90(values) / 1000))
    order = {s: i for i, s in enumerate(State)}
    return sorted(
        (StepTime(State(s), n, round(m, 1), round(p, 1)) for s, n, m, p in rows),
        key=lambda t: order[t.state],
    )


def _median(ordered: list[float]) -> float:
    """`statistics.median` of an already sorted list."""
    n = len(ordered)
    middle = n // 2
    if n % 2:
        return float(ordered[middle])
    return (float(ordered[middle - 1]) + float(ordered[middle])) / 2


def _p90(ordered: list[float]) -> float:
    """The 90th percentile of an already sorted list with linear interpolation (what
    percentile_cont(0.9) gives)."""
    if len(ordered) == 1:
        return float(ordered[0])
    rank = 0.9 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low]) + (float(ordered[high]) - float(ordered[low])) * (rank - low)


def _day_bucket():
    shifted = Refund.complaint_at
    if _is_postgres():
        return pw.NodeList(
            (
                pw.SQL("CAST(("),
                shifted,
                pw.SQL(f"+ INTERVAL '{OFFICE_OFFSET_HOURS} hours') AS DATE)"),
            ),
            glue="",
        )
    return pw.fn.date(shifted, f"+{OFFICE_OFFSET_HOURS} hours")


def trend(where, by: str = "month") -> list[Group]:
    """Count and amount per ISO week ("2026-W41") or month ("2026-10"): days grouped in SQL."""
    day = _day_bucket()
    rows = (
        Refund.select(day.alias("day"), pw.fn.COUNT(Refund.id), pw.fn.SUM(Refund.amount_fen))
        .where(where)
        .group_by(day)
        .tuples()
    )
    buckets: dict[str, list[int]] = {}
    for value, n, total in rows:
        d = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        if by == "week":
            year, week, _ = d.isocalendar()
            label = f"{year}-W{week:02d}"
        else:
            label = f"{d.year:04d}-{d.month:02d}"
        slot = buckets.setdefault(label, [0, 0])
        slot[0] += int(n)
        slot[1] += fen_or_zero(total)
    return [Group(k, v[0], v[1]) for k, v in sorted(buckets.items())]


# The clocks that are a fixed duration after their start: (clock, start, stop, minutes), read
# off the flow's clock rules, and the times they read.
_DURATION_CLOCKS = tuple(
    (c, r.start.value, r.stop.value, int(r.limit.total_seconds() // 60))
    for c, r in CLOCK_RULES.items()
    if c in SLA_CLOCKS and r.limit is not None
)
_CALENDAR_CLOCKS = tuple(
    c for c, r in CLOCK_RULES.items() if c in SLA_CLOCKS and r.working_days is not None
)
_TIMES = tuple(dict.fromkeys(name for _c, *pair, _m in _DURATION_CLOCKS for name in pair))


def sla_compliance(
    where, now: dt.datetime, calendar: WorkCalendar, limit: int | None = None
) -> tuple[list[ClockCompliance], list[OverdueCase]]:
    """Each clock's met / missed counts and the missed cases, by the rules of `sla.clocks`:
    all of them, or with `limit` the `limit` most overdue of each clock (the counts stay whole).

    The fixed-duration clocks are decided in SQL: one pass counts the met ones, a second returns
    only the refunds with a missed one (with `limit`, also how late, so that only the cases kept
    are parsed). The 3-working-day clock needs the working calendar: it reads the refunds whose
    money was confirmed and compares their raw stored times with the due time of each office
    date, parsing only the missed cases."""
    now_key = _db_time(now)
    counts: dict[Clock, list[int]] = {}
    overdue: list[OverdueCase] = []
    met_columns, missed_columns, late_columns, missed_any = [], [], [], None
    for _clock, start, stop, minutes in _DURATION_CLOCKS:
        begin, end = getattr(Refund, start), getattr(Refund, stop)
        met, missed = _duration_clock(begin, end, minutes, now_key)
        met_columns.append(pw.fn.SUM(pw.Case(None, [(met, 1)], 0)))
        missed_columns.append(pw.Case(None, [(missed, 1)], 0))
        late_columns.append(_running_for(begin, end, now_key))
        missed_any = missed if missed_any is None else (missed_any | missed)
    met_counts = Refund.select(*met_columns).where(where).tuples().first() or ()
    columns = [getattr(Refund, n) for n in _TIMES]
    query = (
        Refund.select(
            Refund.form_no, *columns, *missed_columns, *(late_columns if limit is not None else [])
        )
        .where(where & missed_any)
        .order_by(Refund.id)
    )
    first, width = 1 + len(columns), len(_DURATION_CLOCKS)  # where the flags start in a row
    picked: list[list[tuple]] = [[] for _ in _DURATION_CLOCKS]
    for row in dbmod.DB.obj.execute(query):
        flags, lates = row[first : first + width], row[first + width :]
        for k, flag in enumerate(flags):
            if flag:
                picked[k].append((lates[k] if lates else 0, row))
    now_utc = now.astimezone(dt.UTC)
    for (clock, start, stop, minutes), met, rows in zip(
        _DURATION_CLOCKS, met_counts or [0] * width, picked, strict=True
    ):
        counts[clock] = [int(met or 0), len(rows)]
        if limit is not None and len(rows) > limit:
            rows = heapq.nlargest(limit, rows, key=itemgetter(0))
        i, j = 1 + _TIMES.index(start), 1 + _TIMES.index(stop)  # after form_no in a row
        for _late, row in rows:
            began, ended = _aware_one(row[i]), _aware_one(row[j])
            if ended is not None and ended < began:
                ended = None  # restarted after a send-back (as in sla.clocks)
            due = began + dt.timedelta(minutes=minutes)
            overdue.append(OverdueCase(row[0], clock, due, ended, (ended or now_utc) - due))
    for clock in _CALENDAR_CLOCKS:
        met_n, cases = _working_days_clock(clock, where, now_utc, now_key, calendar)
        counts[clock] = [met_n, len(cases)]
        if limit is not None and len(cases) > limit:
            cases = heapq.nlargest(limit, cases, key=attrgetter("late_by"))
        overdue.extend(cases)
    overdue.sort(key=lambda o: (SLA_CLOCKS.index(o.clock), -o.late_by))
    return [ClockCompliance(c, sum(counts[c]), *counts[c]) for c in SLA_CLOCKS], overdue


def _running_for(start, stop, now_key):
    """How long a clock ran (stopped, or still running at `now_key`), in a unit that orders the
    cases of one clock by lateness: seconds on PostgreSQL, days on SQLite."""
    end = pw.Case(None, [(stop.is_null(False) & (stop >= start), stop)], pw.Value(now_key))
    if _is_postgres():
        return pw.NodeList((pw.SQL("EXTRACT(EPOCH FROM ("), end, pw.SQL("-"), start, pw.SQL("))")))
    return pw.fn.julianday(end) - pw.fn.julianday(start)


def _db_time(value: dt.datetime):
    """An aware time as the database stores it: naive UTC; on SQLite the ISO text, so that it
    compares with the stored text as the times compare."""
    naive = value.astimezone(dt.UTC).replace(tzinfo=None)
    return naive if _is_postgres() else naive.isoformat(" ")


def _plus_minutes(column, minutes: int):
    if _is_postgres():
        return pw.NodeList((column, pw.SQL(f"+ INTERVAL '{minutes} minutes'")))
    # Whole seconds shifted as text, the stored fraction (".ffffff", if any) put back unchanged:
    # exact, and the same text format as the stored times.
    shifted = pw.fn.strftime(
        "%Y-%m-%d %H:%M:%S", pw.fn.substr(column, 1, 19), f"+{minutes} minutes"
    )
    return shifted.concat(pw.fn.substr(column, 20))


def _duration_clock(start, stop, minutes: int, now_key):
    """(met, missed) conditions of a clock due `minutes` after `start`, stopped by `stop`; a stop
    before the start belongs to an earlier round and leaves the clock running."""
    due = _plus_minutes(start, minutes)
    stopped = stop.is_null(False) & (stop >= start)
    running = stop.is_null() | (stop < start)
    met = start.is_null(False) & stopped & (stop <= due)
    missed = start.is_null(False) & (
        (stopped & (stop > due)) | (running & (pw.Value(now_key) > due))
    )
    return met, missed


def _working_days_clock(clock: Clock, where, now_utc: dt.datetime, now_key, calendar: WorkCalendar):
    """Met count and missed cases of a clock due after n working days (the payment's 3)."""
    rule = CLOCK_RULES[clock]
    start, stop = getattr(Refund, rule.start.value), getattr(Refund, rule.stop.value)
    if _is_postgres():
        local_day = pw.NodeList(
            (
                pw.SQL("CAST(("),
                start,
                pw.SQL(f"+ INTERVAL '{OFFICE_OFFSET_HOURS} hours') AS DATE)"),
            ),
            glue="",
        )
    else:
        local_day = pw.fn.date(start, f"+{OFFICE_OFFSET_HOURS} hours")
    query = (
        Refund.select(Refund.form_no, start, stop, local_day)
        .where(where & start.is_null(False))
        .order_by(Refund.id)
    )
    due_by_day: dict[object, tuple[object, dt.datetime]] = {}
    met = 0
    cases: list[OverdueCase] = []
    for form_no, began, ended, day in dbmod.DB.obj.execute(query):
        due = due_by_day.get(day)
        if due is None:
            due_at = sla.working_days_due(_aware_one(began), rule.working_days, calendar)
            due = due_by_day[day] = (_db_time(due_at), due_at)
        due_key, due_at = due
        if ended is not None and ended < began:
            ended = None  # restarted after a send-back (as in sla.clocks)
        if ended is None:
            if now_key > due_key:
                cases.append(OverdueCase(form_no, clock, due_at, None, now_utc - due_at))
        elif ended <= due_key:
            met += 1
        else:
            stopped = _aware_one(ended)
            cases.append(OverdueCase(form_no, clock, due_at, stopped, stopped - due_at))
    return met, cases


def _aware_one(value) -> dt.datetime | None:
    """SQLite gives ISO strings, PostgreSQL naive datetimes: both are UTC."""
    if isinstance(value, str):
        try:  # the stored naive text read as UTC: parsing the offset is cheaper than replace()
            return dt.datetime.fromisoformat(value + "+00:00")
        except ValueError:  # text that carries its own offset
            value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def analyse(
    date_from: dt.date,
    date_to: dt.date,
    trend_by: str = "month",
    now: dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
    overdue_limit: int | None = None,
) -> Analytics:
    """Everything the analytics part of the 统计 tab shows, for one period; with
    `overdue_limit`, only that many of each clock's overdue cases (the most overdue)."""
    now = now or dt.datetime.now(dt.UTC)
    calendar = calendar or settings.calendar()
    start, end = bounds(date_from, date_to)
    where = _in_period(start, end)
    with dbmod.connection():
        count, total, closed, paid = _summary(where)
        compliance, overdue = sla_compliance(where, now, calendar, overdue_limit)
        return Analytics(
            date_from=date_from,
            date_to=date_to,
            count=count,
            amount_fen=total,
            closed=closed,
            paid=paid,
            by_category=_groups(Refund.fault_category, where),
            by_bank=_groups(Refund.bank, where),
            by_step=_groups(Refund.state, where),
            step_times=step_times(where),
            sla=compliance,
            overdue=overdue,
            trend=trend(where, trend_by),
            trend_by=trend_by,
            overdue_limit=overdue_limit,
        )
