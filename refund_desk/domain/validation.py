"""Checking what a clerk typed into the refund form, with one precise sentence per field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import refund_fields
from .errors import FormErrors, ValidationError
from .money import parse_yuan
from .refund_fields import DEFAULT_BANKS, DEFAULT_FAULT_CATEGORIES, Field, Kind
from .sla import OFFICE_TZ

DEFAULT_ORDER_NO_PATTERN = r"TK[0-9]{6,20}"
PHONE_PATTERN = re.compile(r"1[3-9][0-9]{9}")
TIME_PATTERN = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})")
# Characters no text of the program may hold: C0 control characters other than tab and line
# breaks, DEL, and lone surrogates (invalid UTF-16/UTF-8, which SQLite cannot store and which
# PostgreSQL refuses together with NUL).
_UNSAVEABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LINE_BREAK = re.compile(r"[\r\n]")
# Free texts that may run over several lines; every other text is one line.
MULTILINE = frozenset({"opinion", "reason", "note"}) | refund_fields.MULTILINE
USERNAME_PATTERN = re.compile(r"[\w.\-]{1,40}")
DEFAULT_PASSWORD_MIN = 8

MAX_LENGTHS = {
    **refund_fields.MAX_LENGTHS,
    "opinion": 4000,
    "reason": 1000,
    "display_name": 40,
    "note": 1000,
    "label": 80,
}


@dataclass(frozen=True)
class FormRules:
    """The configurable part of validation (settings in the database)."""

    order_no_pattern: str = DEFAULT_ORDER_NO_PATTERN
    amount_ceiling: Decimal = Decimal("50000.00")
    banks: frozenset[str] = frozenset(code for code, _ in DEFAULT_BANKS)
    fault_categories: frozenset[str] = frozenset(code for code, _ in DEFAULT_FAULT_CATEGORIES)


@dataclass(frozen=True)
class RefundForm:
    """A checked refund form, ready to store: a value for every field of
    `refund_fields.FIELDS` (None for an optional time left empty), read as attributes."""

    values: Mapping[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None


def order_no(text: str, pattern: str = DEFAULT_ORDER_NO_PATTERN) -> str:
    value = savable((text or "").strip().upper(), "order_no")
    if not value:
        raise ValidationError("required", field="order_no")
    if not re.fullmatch(pattern, value):
        raise ValidationError("order_no_format", field="order_no")
    return value


def phone(text: str) -> str:
    value = savable(re.sub(r"[\s-]", "", text or ""), "phone")
    if value.startswith("+86"):
        value = value[3:]
    if not value:
        raise ValidationError("required", field="phone")
    if not PHONE_PATTERN.fullmatch(value):
        raise ValidationError("phone_format", field="phone")
    return value


def local_minute(
    text: str | dt.datetime, now: dt.datetime, field_name: str = "purchase_time"
) -> dt.datetime:
    """Office-time "YYYY-MM-DD HH:MM" -> aware UTC, to the minute, not in the future."""
    if isinstance(text, dt.datetime):
        value = text if text.tzinfo else text.replace(tzinfo=OFFICE_TZ)
        value = value.replace(second=0, microsecond=0)
    else:
        raw = savable((text or "").strip(), field_name)
        if not raw:
            raise ValidationError("required", field=field_name)
        m = TIME_PATTERN.fullmatch(raw)
        if not m:
            raise ValidationError("time_format", field=field_name)
        try:
            value = dt.datetime(*map(int, m.groups()), tzinfo=OFFICE_TZ)
        except ValueError:
            raise ValidationError("time_format", field=field_name) from None
    value = value.astimezone(dt.UTC)
    if value > now + dt.timedelta(minutes=1):  # a minute's grace for clocks between PCs
        raise ValidationError("time_future", field=field_name)
    return value


def amount(text: str | Decimal, ceiling: Decimal | None = None) -> Decimal:
    return parse_yuan(text, ceiling)


def choice(value: str, allowed: frozenset[str], field_name: str, code: str) -> str:
    value = savable((value or "").strip(), field_name)
    if not value:
        raise ValidationError("required", field=field_name)
    if value not in allowed:
        raise ValidationError(code, field=field_name)
    return value


def savable(value: str, field_name: str, multiline: bool | None = None) -> str:
    """`value` unchanged, or a `ValidationError` when it holds a character no text may hold
    (a control character, NUL, a lone surrogate; a line break in a one-line field)."""
    if not isinstance(value, str):
        raise ValidationError("bad_characters", field=field_name)
    multiline = field_name in MULTILINE if multiline is None else multiline
    if _UNSAVEABLE.search(value) or (not multiline and _LINE_BREAK.search(value)):
        raise ValidationError("bad_characters", field=field_name)
    return value


def text_field(value: str, field_name: str, required: bool = False) -> str:
    value = savable((value or "").strip(), field_name)
    if required and not value:
        raise ValidationError("required", field=field_name)
    limit = MAX_LENGTHS.get(field_name)
    if limit and len(value) > limit:
        raise ValidationError("too_long", field=field_name, max=limit)
    return value


def check_field(
    field: Field, raw: Any, now: dt.datetime, rules: FormRules, values: Mapping[str, Any]
) -> Any:
    """One field of the form checked as the store will check it; `values` is the rest of the
    form as typed (a field may be required by another's value)."""
    required = field.required or (
        field.required_with is not None
        and values.get(field.required_with[0]) == field.required_with[1]
    )
    empty = raw is None or (isinstance(raw, str) and not raw.strip())
    if empty and not required and field.kind != Kind.TEXT and field.kind != Kind.LINE:
        return None if field.kind == Kind.MINUTE else ""
    if field.kind == Kind.ORDER_NO:
        return order_no(raw, rules.order_no_pattern)
    if field.kind == Kind.PHONE:
        return phone(raw)
    if field.kind == Kind.MINUTE:
        return local_minute(raw, now, field.name)
    if field.kind == Kind.AMOUNT:
        return parse_yuan(raw, rules.amount_ceiling, field=field.name)
    if field.kind == Kind.CHOICE:
        allowed = (
            frozenset(code for code, _ in field.options)
            if field.options
            else getattr(rules, field.choices)
        )
        return choice(raw, allowed, field.name, field.unknown)
    return text_field(raw, field.name, required)


def refund_form(data: dict, now: dt.datetime, rules: FormRules | None = None) -> RefundForm:
    """Check every field; raise `FormErrors` listing each wrong field, or return the form."""
    rules = rules or FormRules()
    errors: list[ValidationError] = []
    out: dict[str, Any] = {}
    for field in refund_fields.FIELDS:
        try:
            out[field.name] = check_field(
                field, data.get(field.name, field.default), now, rules, data
            )
        except ValidationError as e:
            errors.append(e)
    if errors:
        raise FormErrors(errors)
    return RefundForm(out)


def opinion(text: str) -> str:
    value = text_field(text, "opinion")
    if not value:
        raise ValidationError("opinion_required", field="opinion")
    return value


def reason(text: str) -> str:
    value = text_field(text, "reason")
    if not value:
        raise ValidationError("reason_required", field="reason")
    return value


def password(text: str, minimum: int = DEFAULT_PASSWORD_MIN) -> str:
    text = savable(text or "", "password")
    if len(text) < minimum:
        raise ValidationError("weak_password", field="password", min=minimum)
    return text


def username(text: str) -> str:
    """A log-in name: 1–40 letters, digits, ".", "_" or "-" (Chinese letters allowed)."""
    value = savable((text or "").strip(), "username")
    if not value:
        raise ValidationError("required", field="username")
    if not USERNAME_PATTERN.fullmatch(value):
        raise ValidationError("bad_username", field="username")
    return value


def display_name(text: str, fallback: str) -> str:
    return text_field(text, "display_name") or fallback
