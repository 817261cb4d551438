"""The settings an administrator may change, declared once: key, label, how a typed value is
checked and stored, and how it is shown. The command line, the settings screen and the store's
`put` all read this; a key not declared here cannot be set, and the database's identity, kind
(demo or production) and time zone are fixed when it is made."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .errors import Text, ValidationError
from .money import MAX_YUAN, from_fen, parse_yuan, to_fen
from .validation import savable


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: Text
    parse: Callable[[str], str]  # what was typed -> what is stored, or ValidationError
    show: Callable[[str], str] = str  # what is stored -> what the screen shows


def _pattern(text: str) -> str:
    value = savable((text or "").strip(), "setting")
    if not value or len(value) > 200:
        raise ValidationError("setting_pattern", field="setting")
    try:
        re.compile(value)
    except re.error:
        raise ValidationError("setting_pattern", field="setting") from None
    return value


def _ceiling(text: str) -> str:
    value = parse_yuan(text, MAX_YUAN, field="setting")
    return str(to_fen(value))


def _form_no_format(text: str) -> str:
    value = savable((text or "").strip(), "setting")
    try:
        sample = value.format(year=2026, seq=123)
    except (KeyError, IndexError, ValueError, AttributeError):
        raise ValidationError("setting_form_no", field="setting") from None
    if "{seq" not in value or not sample or len(sample) > 40:
        raise ValidationError("setting_form_no", field="setting")
    return value


def _password_min(text: str) -> str:
    try:
        value = int((text or "").strip())
    except ValueError:
        raise ValidationError("setting_password_min", field="setting") from None
    if not 8 <= value <= 128:
        raise ValidationError("setting_password_min", field="setting")
    return str(value)


def _idle_lock(text: str) -> str:
    try:
        value = int((text or "").strip())
    except ValueError:
        raise ValidationError("setting_idle_lock", field="setting") from None
    if not 0 <= value <= MAX_IDLE_LOCK_MINUTES:
        raise ValidationError("setting_idle_lock", field="setting")
    return str(value)


IDLE_LOCK_MINUTES = 15  # when the office has not set it
MAX_IDLE_LOCK_MINUTES = 480


def idle_lock_minutes(stored: str) -> int:
    """The stored setting as minutes (0: never lock); the default when unset or unreadable."""
    try:
        value = int(stored)
    except (TypeError, ValueError):
        return IDLE_LOCK_MINUTES
    return value if 0 <= value <= MAX_IDLE_LOCK_MINUTES else IDLE_LOCK_MINUTES


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec(
            "order_no_pattern", Text("订单号格式（正则表达式）", "Order-number pattern"), _pattern
        ),
        SettingSpec(
            "amount_ceiling_fen",
            Text("单笔退款金额上限（元）", "Amount ceiling (yuan)"),
            _ceiling,
            lambda fen: str(from_fen(int(fen))),
        ),
        SettingSpec("form_no_format", Text("退单编号格式", "Form-number format"), _form_no_format),
        SettingSpec(
            "password_min_length", Text("密码最短长度", "Minimum password length"), _password_min
        ),
        SettingSpec(
            "idle_lock_minutes",
            Text("无操作多少分钟后锁定（0 为不锁定）", "Lock after idle minutes (0: never)"),
            _idle_lock,
        ),
    )
}
