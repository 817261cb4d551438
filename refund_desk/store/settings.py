"""Settings the administrators change: validation rules, lists, and the working calendar."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..domain.calendar import WorkCalendar
from ..domain.errors import Text
from ..domain.validation import DEFAULT_BANKS, FormRules
from . import audit
from . import db as dbmod
from .actors import Actor, utcnow
from .models import FaultCategory, HolidayOverride, SendBackReason, Setting


def get(key: str, default: str = "") -> str:
    with dbmod.connection():
        row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def put(key: str, value: str, by: Actor) -> None:
    at = utcnow()
    with dbmod.write():
        Setting.insert(key=key, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}
        ).execute()
        audit.append(by.audit_name, "setting", "setting", key, {"value": value}, at)


def form_rules() -> FormRules:
    with dbmod.connection():
        values = {s.key: s.value for s in Setting.select()}
        categories = frozenset(
            c.code for c in FaultCategory.select().where(FaultCategory.active == True)
        )
    defaults = FormRules()
    ceiling_fen = values.get("amount_ceiling_fen")
    return FormRules(
        order_no_pattern=values.get("order_no_pattern", defaults.order_no_pattern),
        amount_ceiling=(Decimal(int(ceiling_fen)) / 100)
        if ceiling_fen
        else defaults.amount_ceiling,
        banks=defaults.banks,
        fault_categories=categories or defaults.fault_categories,
    )


def fault_categories() -> list[tuple[str, Text]]:
    with dbmod.connection():
        rows = (
            FaultCategory.select()
            .where(FaultCategory.active == True)
            .order_by(FaultCategory.sort_order, FaultCategory.code)
        )
        return [(c.code, Text(c.label_zh, c.label_en)) for c in rows]


def send_back_reasons() -> list[tuple[str, Text]]:
    with dbmod.connection():
        rows = (
            SendBackReason.select()
            .where(SendBackReason.active == True)
            .order_by(SendBackReason.sort_order)
        )
        return [(r.code, Text(r.label_zh, r.label_en)) for r in rows]


def banks() -> list[tuple[str, Text]]:
    return list(DEFAULT_BANKS)


def add_fault_category(code: str, label_zh: str, label_en: str, by: Actor) -> None:
    at = utcnow()
    with dbmod.write():
        FaultCategory.insert(
            code=code, label_zh=label_zh, label_en=label_en or label_zh, active=True, sort_order=50
        ).on_conflict(
            conflict_target=[FaultCategory.code],
            update={FaultCategory.label_zh: label_zh, FaultCategory.active: True},
        ).execute()
        audit.append(by.audit_name, "fault_category", "setting", code, {"label": label_zh}, at)


def calendar() -> WorkCalendar:
    with dbmod.connection():
        overrides = {o.day: o.working for o in HolidayOverride.select()}
    return WorkCalendar(overrides).warm(utcnow().year)


def set_holiday_override(day: dt.date, working: bool | None, note: str, by: Actor) -> None:
    """Mark `day` as a working day (True) or a day off (False); None removes the override."""
    at = utcnow()
    with dbmod.write():
        HolidayOverride.delete().where(HolidayOverride.day == day).execute()
        if working is not None:
            HolidayOverride.create(day=day, working=working, note=note)
        audit.append(
            by.audit_name,
            "calendar",
            "calendar",
            day.isoformat(),
            {"working": working, "note": note},
            at,
        )
