"""How times, money and clocks look on screen (office time zone, yuan, clock colours)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtGui import QColor

from ..domain.money import format_yuan
from ..domain.sla import OFFICE_TZ, ClockStatus, format_remaining

CLOCK_COLOURS = {
    "green": QColor("#2e7d32"),
    "amber": QColor("#e08600"),
    "red": QColor("#c62828"),
}
# Light backgrounds for table cells, so the text stays readable.
CLOCK_BACKGROUNDS = {
    "green": QColor("#dcefdc"),
    "amber": QColor("#fde9c4"),
    "red": QColor("#f8d0d0"),
}


def local_minute(at: dt.datetime | None) -> str:
    """An aware time as the office reads it: "2026-11-27 09:30"."""
    return at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M") if at else ""


def local_second(at: dt.datetime | None) -> str:
    return at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M:%S") if at else ""


def yuan(amount: Decimal) -> str:
    return "¥" + format_yuan(amount)


def clock_text(status: ClockStatus | None, lang: str) -> str:
    """ "10分钟内填单 · 剩8分" for a running clock; empty when no clock runs."""
    if status is None or status.remaining is None:
        return ""
    label = status.clock.label.get(lang)
    return f"{label} · {format_remaining(status.remaining, lang)}"


def clock_style(colour: str) -> str:
    """A style sheet for a label showing a clock in its colour."""
    qcolour = CLOCK_COLOURS.get(colour)
    return f"color: {qcolour.name()}; font-weight: bold;" if qcolour else ""


def clock_summary(statuses: dict, lang: str) -> str:
    """Every started clock in one line: ✓ met, ✗ missed, … running."""
    parts = []
    for status in statuses.values():
        if status.started_at is None:
            continue
        mark = "…" if status.running else ("✓" if status.met else "✗")
        if status.running and status.overdue:
            mark = "!"
        parts.append(f"{status.clock.label.get(lang)}{mark}")
    return "  ".join(parts)
