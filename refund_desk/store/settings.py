"""Settings the administrators change: validation rules, lists, and the working calendar.
Each change is made by a signed-in user with the permission, checked inside the writing
transaction, sealed in the audit log; a refusal is audited too."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

from ..domain import permissions, validation
from ..domain.calendar import YEARS, WorkCalendar
from ..domain.errors import AuthError, DatabaseError, RefundDeskError, Text, ValidationError
from ..domain.office_settings import SETTINGS
from ..domain.permissions import Permission
from ..domain.refund_fields import DEFAULT_BANKS, DEFAULT_FAULT_CATEGORIES
from ..domain.validation import FormRules
from . import audit
from . import db as dbmod
from .actors import Actor, utcnow
from .models import FaultCategory, HolidayOverride, SendBackReason, Setting, User

CATEGORY_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")


def get(key: str, default: str = "") -> str:
    with dbmod.connection():
        row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def _permitted(by: Actor, permission: Permission) -> User:
    """The acting user as the database has them now, holding `permission`."""
    user = User.get_or_none(User.id == by.user_id) if by.user_id is not None else None
    if user is None or not user.active:
        raise AuthError("user_disabled", name=by.username)
    permissions.require(permission, Actor.from_user(user).roles)
    return user


def _audited(by: Actor, action: str, entity: str, key: str, work: Callable[[], None]) -> None:
    try:
        work()
    except RefundDeskError as e:
        if not isinstance(e, DatabaseError):
            audit.refused(by.audit_name, action, entity, key, e, utcnow())
        raise


def put(key: str, typed: str, by: Actor) -> str:
    """Change one declared setting (`domain.office_settings.SETTINGS`); returns what is stored."""
    at = utcnow()
    stored: list[str] = []

    def work() -> None:
        spec = SETTINGS.get(key)
        if spec is None:
            raise ValidationError("setting_unknown", field="setting", key=key)
        value = spec.parse(typed)
        with dbmod.write():
            _permitted(by, Permission.EDIT_SETTINGS)
            Setting.insert(key=key, value=value).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: value}
            ).execute()
            audit.append(
                by.audit_name,
                "setting",
                "setting",
                key,
                {"value": value},
                at,
                seal={Setting: [key]},
            )
        stored.append(value)

    _audited(by, "setting", "setting", key, work)
    return stored[0]


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


def fault_category_labels() -> dict[str, Text]:
    """Every fault category's name by code, retired ones too (their refunds keep them), over
    the seed's three."""
    labels = dict(DEFAULT_FAULT_CATEGORIES)
    with dbmod.connection():
        rows = FaultCategory.select(
            FaultCategory.code, FaultCategory.label_zh, FaultCategory.label_en
        ).tuples()
        labels |= {code: Text(zh, en or zh) for code, zh, en in rows}
    return labels


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
    """Add a fault category (or bring a retired one back under a new name)."""
    at = utcnow()

    def work() -> None:
        value = validation.savable((code or "").strip(), "code")
        if not CATEGORY_CODE.fullmatch(value):
            raise ValidationError("bad_code", field="code")
        zh = validation.text_field(label_zh, "label", required=True)
        en = validation.text_field(label_en, "label") or zh
        with dbmod.write():
            _permitted(by, Permission.EDIT_SETTINGS)
            FaultCategory.insert(
                code=value, label_zh=zh, label_en=en, active=True, sort_order=50
            ).on_conflict(
                conflict_target=[FaultCategory.code],
                update={
                    FaultCategory.label_zh: zh,
                    FaultCategory.label_en: en,
                    FaultCategory.active: True,
                },
            ).execute()
            audit.append(
                by.audit_name,
                "fault_category",
                "setting",
                value,
                {"label": zh, "en": en},
                at,
                seal={FaultCategory: [value]},
            )

    _audited(by, "fault_category", "setting", str(code), work)


def calendar() -> WorkCalendar:
    with dbmod.connection():
        overrides = {o.day: o.working for o in HolidayOverride.select()}
    return WorkCalendar(overrides).warm(utcnow().year)


def set_holiday_override(day: dt.date, working: bool | None, note: str, by: Actor) -> None:
    """Mark `day` as a working day (True) or a day off (False); None removes the override."""
    at = utcnow()

    def work() -> None:
        if day.year not in YEARS:
            raise ValidationError("date_range", field="date")
        text = validation.text_field(note, "label")
        with dbmod.write():
            _permitted(by, Permission.EDIT_CALENDAR)
            old = [
                o.id
                for o in HolidayOverride.select(HolidayOverride.id).where(
                    HolidayOverride.day == day
                )
            ]
            HolidayOverride.delete().where(HolidayOverride.day == day).execute()
            new = []
            if working is not None:
                new = [HolidayOverride.create(day=day, working=working, note=text).id]
            audit.append(
                by.audit_name,
                "calendar",
                "calendar",
                day.isoformat(),
                {"working": working, "note": text},
                at,
                seal={HolidayOverride: old + new},
            )

    _audited(by, "calendar", "calendar", day.isoformat(), work)
