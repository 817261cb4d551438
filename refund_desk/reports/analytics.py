"""Refund analytics for a period (the seed's chapters 8 and 10): count and amount; by fault
category, bank and current step; success rate; time spent per step (median, 90th percentile);
SLA compliance per clock with the overdue cases; trend by week or month.

A refund belongs to the period when its complaint was opened in it (office dates, inclusive), as
in the search screen and `queries.month_by_state`. Aggregates are computed in SQL (one GROUP BY
each); step durations come from the step history with a window function, and their percentiles
are computed by PostgreSQL (`percentile_cont`) or, on SQLite, which has none, from the single
column of durations. SLA compliance needs the working calendar (3 working days), so it reads only
the timestamp columns of the period's refunds and runs the domain's clock rules on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import peewee as pw

from ..domain import sla
from ..domain.calendar import WorkCalendar
from ..domain.money import from_fen
from ..domain.workflow import Clock, State
from ..store import db as dbmod
from ..store import queries, settings
from ..store.models import Refund, StepRecord

SLA_CLOCKS = (Clock.FORM_10MIN, Clock.CS_60MIN, Clock.FINANCE_12H, Clock.PAYMENT_3WD)
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
    return [Group(str(key), int(n), int(total or 0)) for key, n, total in rows]


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
    return int(count or 0), int(total or 0), int(n_closed or 0), int(n_paid or 0)


def _is_postgres() -> bool:
    return isinstance(dbmod.DB.obj, pw.PostgresqlDatabase)


def _seconds_between(later, earlier):
    if _is_postgres():
        return pw.NodeList((pw.SQL("EXTRACT(EPOCH FROM"), later - earlier, pw.SQL(")")))
    return pw.fn.ROUND((pw.fn.julianday(later) - pw.fn.julianday(earlier)) * 86400)


def _step_durations(where) -> pw.SelectQuery:
    """Per state-changing step: the state it left and how long the refund spent in it."""
    previous = pw.fn.LAG(StepRecord.executed_at).over(
        partition_by=[StepRecord.refund], order_by=[StepRecord.executed_at, StepRecord.id]
    )
    inner = (
        StepRecord.select(
            StepRecord.from_state.alias("state"),
            StepRecord.executed_at.alias("ended"),
            pw.fn.COALESCE(previous, Refund.created_at).alias("began"),
        )
        .join(Refund, on=(StepRecord.refund == Refund.id))
        .where(where & (StepRecord.from_state != StepRecord.to_state))
    ).alias("d")
    seconds = _seconds_between(inner.c.ended, inner.c.began)
    return pw.Select([inner], [inner.c.state, seconds.alias("s")])


def step_times(where) -> list[StepTime]:
    durations = _step_durations(where).alias("x")
    if _is_postgres():

        def pct(q):
            return pw.NodeList(
                (
                    pw.SQL(f"percentile_cont({q}) WITHIN GROUP (ORDER BY"),
                    durations.c.s,
                    pw.SQL(")"),
                )
            )

        query = (
            pw.Select(
                [durations], [durations.c.state, pw.fn.COUNT(pw.SQL("*")), pct(0.5), pct(0.9)]
            )
            .group_by(durations.c.state)
            .bind(dbmod.DB.obj)
        )
        rows = [(s, int(n), float(m), float(p)) for s, n, m, p in query.tuples()]
    else:
        # SQLite has no percentile function: fetch the two narrow columns through the raw cursor
        # (no per-row conversion), sort each state's durations once and pick the ranks.
        query = pw.Select([durations], [durations.c.state, durations.c.s]).bind(dbmod.DB.obj)
        by_state: dict[str, list[float]] = {}
        for state, seconds in dbmod.DB.obj.execute(query).fetchall():
            values = by_state.get(state)
            if values is None:
                by_state[state] = [seconds]
            else:
                values.append(seconds)
        rows = []
        for state, values in by_state.items():
            values.sort()
            rows.append((state, len(values), _median(values), _p90(values)))
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
        slot[1] += int(total or 0)
    return [Group(k, v[0], v[1]) for k, v in sorted(buckets.items())]


def sla_compliance(
    where, now: dt.datetime, calendar: WorkCalendar
) -> tuple[list[ClockCompliance], list[OverdueCase]]:
    """Each clock's met / missed counts and every missed case (narrow timestamp columns)."""
    columns = [getattr(Refund, n) for n in queries.TIMELINE_FIELDS]
    calendar = _RememberingCalendar(calendar)
    counts = {c: [0, 0] for c in SLA_CLOCKS}
    overdue: list[OverdueCase] = []
    query = Refund.select(Refund.form_no, *columns).where(where).order_by(Refund.id)
    # The raw cursor: peewee's per-field conversion would cost more than the clocks themselves.
    for form_no, *times in dbmod.DB.obj.execute(query):
        timeline = sla.Timeline(**dict(zip(queries.TIMELINE_FIELDS, _aware(times), strict=True)))
        statuses = sla.clocks(timeline, now, calendar)
        for clock in SLA_CLOCKS:
            s = statuses[clock]
            if s.started_at is None or (s.running and not s.overdue):
                continue
            if s.met:
                counts[clock][0] += 1
            else:
                counts[clock][1] += 1
                overdue.append(OverdueCase(form_no, clock, s.due_at, s.stopped_at, -s.remaining))
    overdue.sort(key=lambda o: (SLA_CLOCKS.index(o.clock), -o.late_by))
    return [ClockCompliance(c, sum(v), v[0], v[1]) for c, v in counts.items()], overdue


def _aware(values) -> list[dt.datetime | None]:
    """SQLite gives ISO strings, PostgreSQL naive datetimes: both are UTC."""
    out = []
    for v in values:
        if isinstance(v, str):
            v = dt.datetime.fromisoformat(v)
        if isinstance(v, dt.datetime) and v.tzinfo is None:
            v = v.replace(tzinfo=dt.UTC)
        out.append(v)
    return out


class _RememberingCalendar(WorkCalendar):
    """The same calendar, remembering each answer: a year has a few hundred start dates but
    the period may have a hundred thousand refunds."""

    def __init__(self, calendar: WorkCalendar):
        super().__init__(calendar.overrides)
        self._added: dict[tuple[dt.date, int], dt.date] = {}

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        key = (day, n)
        if key not in self._added:
            self._added[key] = super().add_working_days(day, n)
        return self._added[key]


def analyse(
    date_from: dt.date,
    date_to: dt.date,
    trend_by: str = "month",
    now: dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> Analytics:
    """Everything the analytics part of the 统计 tab shows, for one period."""
    now = now or dt.datetime.now(dt.UTC)
    calendar = calendar or settings.calendar()
    start, end = bounds(date_from, date_to)
    where = _in_period(start, end)
    with dbmod.connection():
        count, total, closed, paid = _summary(where)
        compliance, overdue = sla_compliance(where, now, calendar)
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
        )
