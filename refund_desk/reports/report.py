"""What a report is (Frappe's Script Report): one function that returns labelled tables, with
the hints a chart needs, and a registration (`ReportSpec`) saying what it asks for. The 统计
screens, `refund-desk stats …`, the .xlsx export and the PDF are generic over it: a new report
is a function and its `ReportSpec` in `reports.catalogue`.

Labels are the domain's `Text` (both languages); a cell holds a value of its column's kind,
or a `Text` in any column. Money is `Decimal`, never float; charts plot counts, hours and rates
only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ..domain.errors import Text, field_label
from ..domain.money import format_yuan
from ..domain.sla import OFFICE_TZ


class ColumnKind(StrEnum):
    TEXT = "text"
    DATE = "date"  # a date, or the paper's "2026-10-05"
    TIME = "time"  # an aware datetime (shown in office time to the minute), or the paper's text
    MONEY = "money"  # Decimal yuan
    COUNT = "count"  # int
    RATE = "rate"  # a fraction 0..1 (float), or None when nothing was measured
    HOURS = "hours"  # a duration in hours (float: time, not money)

    @property
    def numeric(self) -> bool:
        return self in (ColumnKind.MONEY, ColumnKind.COUNT, ColumnKind.RATE, ColumnKind.HOURS)


K = ColumnKind
PLOTTABLE = frozenset({K.COUNT, K.RATE, K.HOURS})


@dataclass(frozen=True)
class Column:
    name: str  # the key in JSON and in chart hints
    label: Text
    kind: ColumnKind = ColumnKind.TEXT


# Columns many reports have, with the domain's words for them.
FORM_NO = Column("form_no", Text("退单编号", "Form no."))
ORDER_NO = Column("order_no", field_label("order_no"))
COUNT = Column("count", Text("笔数", "Count"), ColumnKind.COUNT)
AMOUNT = Column("amount", field_label("amount"), ColumnKind.MONEY)


class ChartKind(StrEnum):
    BAR = "bar"  # vertical bars, one set per value column
    HBAR = "hbar"  # horizontal bars (long labels)
    PIE = "pie"  # one value column


@dataclass(frozen=True)
class Chart:
    """Which columns a chart plots, by name: the labels and one or more value columns."""

    kind: ChartKind
    category: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    """One labelled value: a paper form's header box (编号, 制表人) or a headline number."""

    name: str
    label: Text
    value: object
    kind: ColumnKind = ColumnKind.TEXT


TOTAL = Text("合计", "Total")


@dataclass(frozen=True)
class Table:
    """Rows in column order; `totals` by column name make the 合计 row, whose first column says
    合计 and whose `count_in` column says how many rows there are."""

    key: str
    title: Text
    columns: tuple[Column, ...]
    rows: Sequence[Sequence[object]]
    totals: Mapping[str, object] | None = None
    count_in: str | None = None
    charts: tuple[Chart, ...] = ()

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.key}: a column name twice")
        for chart in self.charts:
            if chart.category not in names or not chart.values:
                raise ValueError(f"{self.key}: a chart of unknown columns")
            for name in chart.values:
                if name not in names or self.column(name).kind not in PLOTTABLE:
                    raise ValueError(f"{self.key}: a chart plots counts, hours or rates only")
        for name in [*(self.totals or {}), *([self.count_in] if self.count_in else [])]:
            if name not in names:
                raise ValueError(f"{self.key}: a total of no column")

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def index(self, name: str) -> int:
        return [c.name for c in self.columns].index(name)

    def values(self, name: str) -> list[object]:
        i = self.index(name)
        return [row[i] for row in self.rows]

    @property
    def has_total(self) -> bool:
        return self.totals is not None or self.count_in is not None

    def total_row(self) -> list[object]:
        """The 合计 row in column order (call only when `has_total`)."""
        out: list[object] = [None] * len(self.columns)
        for name, value in (self.totals or {}).items():
            out[self.index(name)] = value
        if self.count_in is not None:
            n = len(self.rows)
            out[self.index(self.count_in)] = Text(f"{n} 笔", f"{n} refunds")
        out[0] = TOTAL if out[0] is None else out[0]
        return out


@dataclass(frozen=True)
class ReportResult:
    """What one run of a report returns."""

    report: str  # the registered name
    title: Text
    params: Mapping[str, object]  # as the report ran: {"month": "2026-10"}, …
    tables: tuple[Table, ...]
    figures: tuple[Figure, ...] = ()  # above the tables (a form's header, the headline numbers)
    signatures: tuple[Figure, ...] = ()  # under them (审批人)
    headline: Text | None = None  # one sentence that sums it up
    notes: tuple[Text, ...] = ()
    ok: bool = True  # False: something needs someone (the command exits 1, the screen is red)
    complete: bool = True  # False: cut for the screen; an export runs the report again whole
    source: object | None = None  # the data it was made from (a paper form lays it out)

    @property
    def caption(self) -> str:
        """The parameters in a few characters: "2026-10", "2026-10-01 – 2026-10-31"."""
        return params_caption(self.params)


def params_caption(params: Mapping[str, object]) -> str:
    dates = [v for v in params.values() if isinstance(v, dt.date)]
    if len(dates) == 2:
        return f"{dates[0].isoformat()} – {dates[1].isoformat()}"
    month = params.get("month")
    return str(month) if month else " ".join(str(v) for v in params.values())


# --- cells as text and as JSON ---------------------------------------------------------------


def cell_text(value: object, kind: ColumnKind, lang: str) -> str:
    """A cell as the screen, the command line and the PDF show it."""
    if value is None:
        return "—" if kind == ColumnKind.RATE else ""
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, Decimal):
        return format_yuan(value)
    if kind == ColumnKind.RATE and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%"
    if isinstance(value, dt.datetime):
        return value.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if kind == ColumnKind.HOURS and isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def json_value(value: object, lang: str) -> object:
    """A cell for scripts: money as "1280.00" (no grouping), times as ISO text."""
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, Decimal):
        return format_yuan(value, grouping=False)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def table_json(table: Table, lang: str) -> dict:
    names = [c.name for c in table.columns]
    out: dict = {
        "columns": [[c.name, c.label.get(lang)] for c in table.columns],
        "rows": [
            {n: json_value(v, lang) for n, v in zip(names, row, strict=True)} for row in table.rows
        ],
    }
    if table.has_total:
        total = {"count": len(table.rows)} if table.count_in else {}
        total |= {n: json_value(v, lang) for n, v in (table.totals or {}).items()}
        out["total"] = total
    return out


def result_json(result: ReportResult, lang: str) -> dict:
    """The generic JSON of a run: its parameters and figures as keys, then its table(s)."""
    out: dict = {"report": result.report}
    out |= {k: json_value(v, lang) for k, v in result.params.items()}
    out |= {f.name: json_value(f.value, lang) for f in (*result.figures, *result.signatures)}
    if result.headline is not None:
        out["headline"] = result.headline.get(lang)
    if len(result.tables) == 1:
        out |= table_json(result.tables[0], lang)
    else:
        out["tables"] = {t.key: table_json(t, lang) for t in result.tables}
    if result.notes:
        out["notes"] = [n.get(lang) for n in result.notes]
    return out


# --- the registration ------------------------------------------------------------------------


class ParamKind(StrEnum):
    MONTH = "month"  # "YYYY-MM"; on screen the 统计 tab's month
    DATE = "date"  # a dt.date
    CHOICE = "choice"  # one of `choices`


@dataclass(frozen=True)
class Param:
    name: str  # the keyword the report function takes
    kind: ParamKind
    label: Text
    flag: str = ""  # the command line's option (--month, --from); default: the name
    choices: tuple[tuple[str, Text], ...] = ()
    default: Callable[[dt.date], object] | None = None  # from today's date

    @property
    def option(self) -> str:
        return "--" + (self.flag or self.name).replace("_", "-")


MONTH = Param("month", ParamKind.MONTH, Text("月份", "Month"))


def _three_months_back(today: dt.date) -> dt.date:
    return (today.replace(day=1) - dt.timedelta(days=85)).replace(day=1)


DATE_FROM = Param(
    "date_from", ParamKind.DATE, Text("从", "From"), flag="from", default=_three_months_back
)
DATE_TO = Param("date_to", ParamKind.DATE, Text("至", "to"), flag="to", default=lambda d: d)
PERIOD = (DATE_FROM, DATE_TO)


@dataclass(frozen=True)
class ReportSpec:
    """A report's registration. `run(lang=…, **params)` returns a `ReportResult`; it reads the
    database, so the screens call it on the worker."""

    name: str  # the command (`refund-desk stats NAME`) and the JSON's "report"
    title: Text
    params: tuple[Param, ...]
    run: Callable[..., ReportResult]
    # extra keywords when the screen runs it (read when it runs: e.g. how many cases to list)
    screen_options: Callable[[], dict] = field(default=lambda: {})
    # the machine output where scripts already rely on a shape of their own (from `source`)
    json: Callable[[ReportResult, str], dict] | None = None
    # with no output asked for, the command writes that JSON (scripts rely on it) not the text
    default_json: bool = False
    # the name of its own paper layout in `printing` (the seed's forms); None: the generic one
    paper: str | None = None

    @property
    def by_month(self) -> bool:
        return any(p.kind == ParamKind.MONTH for p in self.params)
