"""The Chinese working calendar: Mon–Fri minus public holidays, plus official make-up days (调休),
from the `holidays` package, overridden by an admin-edited table where the State Council notice
is newer or differs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays


@lru_cache(maxsize=64)
def _china(year: int) -> holidays.HolidayBase:
    # Imported here: `warm` runs this on the app's worker, so start-up does not wait for it.
    import holidays

    return holidays.China(years=year)


class WorkCalendar:
    def __init__(self, overrides: Mapping[dt.date, bool] | None = None):
        """`overrides`: date -> True (a working day) or False (a day off), beating the package."""
        self.overrides = dict(overrides or {})

    def warm(self, year: int) -> WorkCalendar:
        """Load the holiday tables of `year` and the next now (a few hundred ms the first time),
        so that the screens that read the calendar later never wait for it."""
        _china(year)
        _china(year + 1)
        return self

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        return bool(_china(day.year).is_working_day(day))

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the next one (顺延)."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after `day` (not counting `day` itself)."""
        while n > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day

    def knows_arrangement(self, year: int) -> bool:
        """Whether the State Council's holiday arrangement for `year` is known: the bundled
        `holidays` lists its make-up working days (调休), or an administrator entered days of
        that year by hand."""
        if any(day.year == year for day in self.overrides):
            return True
        return any(day.year == year for day in _china(year).weekend_workdays)

    def missing_arrangements(self, today: dt.date) -> list[int]:
        """The years whose arrangement is needed now and not known: this year, and from
        December on the next one too (the notice comes out in November or December)."""
        years = [today.year] + ([today.year + 1] if today.month == 12 else [])
        return [year for year in years if not self.knows_arrangement(year)]

    def monthly_table_due(self, year: int, month: int) -> dt.date:
        """The month's statistics are due on the 1st of the next month, moved to the next
        working day when the 1st is not one (遇双休日顺延; holidays treated the same way)."""
        first = dt.date(year + (month == 12), month % 12 + 1, 1)
        return self.next_working_day(first)


# The years the office works in: a date outside them is a typing error (and past 9999 no date
# exists at all).
YEARS = range(2000, 2100)


def parse_month(text: str) -> tuple[int, int]:
    """ "2026-10" -> (2026, 10); a ValueError for anything else (years 2000–2099 only)."""
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        dt.date(year, month, 1)
    except (ValueError, TypeError, AttributeError):
        raise ValueError(f"month must be YYYY-MM, not {text!r}") from None
    if year not in YEARS:
        raise ValueError(f"month must be YYYY-MM in 2000–2099, not {text!r}")
    return year, month


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"
