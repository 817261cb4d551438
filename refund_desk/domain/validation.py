"""Checking what a clerk typed into the refund form, with one precise sentence per field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .errors import FormErrors, Text, ValidationError
from .money import parse_yuan
from .sla import OFFICE_TZ

DEFAULT_ORDER_NO_PATTERN = r"TK[0-9]{6,20}"
PHONE_PATTERN = re.compile(r"1[3-9][0-9]{9}")
TIME_PATTERN = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})")
OTHER_BANK = "other"

# The paying banks the form offers; "other" asks for the name.
DEFAULT_BANKS: tuple[tuple[str, Text], ...] = (
    ("icbc", Text("中国工商银行", "ICBC")),
    ("ccb", Text("中国建设银行", "China Construction Bank")),
    ("abc", Text("中国农业银行", "Agricultural Bank of China")),
    ("boc", Text("中国银行", "Bank of China")),
    ("bocom", Text("交通银行", "Bank of Communications")),
    ("cmb", Text("招商银行", "China Merchants Bank")),
    ("psbc", Text("中国邮政储蓄银行", "Postal Savings Bank")),
    ("citic", Text("中信银行", "China CITIC Bank")),
    ("spdb", Text("浦发银行", "SPD Bank")),
    ("cib", Text("兴业银行", "Industrial Bank")),
    ("cmbc", Text("民生银行", "China Minsheng Bank")),
    ("ceb", Text("光大银行", "China Everbright Bank")),
    ("pab", Text("平安银行", "Ping An Bank")),
    ("cgb", Text("广发银行", "China Guangfa Bank")),
    ("hxb", Text("华夏银行", "Hua Xia Bank")),
    (OTHER_BANK, Text("其他", "Other")),
)

_BANK_LABELS = dict(DEFAULT_BANKS)


def bank_label(code: str, other: str = "") -> Text:
    """The paying bank's name: the name typed for "other", the list's name, else the code."""
    if code == OTHER_BANK and other:
        return Text(other, other)
    label = _BANK_LABELS.get(code)
    return label if label is not None else Text(code, code)


# The seed's three faults come first; administrators can add more (stored in the database).
DEFAULT_FAULT_CATEGORIES: tuple[tuple[str, Text], ...] = (
    (
        "no_ticket_code",
        Text(
            "扣款成功但未收到订单号及出票验证码",
            "Charged, but no order number or ticket code received",
        ),
    ),
    ("order_conflict", Text("订单冲突", "Order conflict")),
    ("payment_timeout", Text("支付成功但支付超时", "Payment succeeded but timed out")),
)

# Characters no text of the program may hold: C0 control characters other than tab and line
# breaks, DEL, and lone surrogates (invalid UTF-16/UTF-8, which SQLite cannot store and which
# PostgreSQL refuses together with NUL).
_UNSAVEABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LINE_BREAK = re.compile(r"[\r\n]")
# Free texts that may run over several lines; every other text is one line.
MULTILINE = frozenset({"fault_description", "customer_view", "opinion", "reason", "note"})
USERNAME_PATTERN = re.compile(r"[\w.\-]{1,40}")
DEFAULT_PASSWORD_MIN = 8

MAX_LENGTHS = {
    "fault_description": 2000,
    "customer_view": 1000,
    "contact": 100,
    "complaint_no": 40,
    "handling_dept": 40,
    "bank_other": 40,
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
    """A checked refund form, ready to store."""

    order_no: str
    phone: str
    purchase_time: dt.datetime
    bank: str
    amount: Decimal
    fault_category: str
    fault_description: str = ""
    customer_view: str = ""
    contact: str = ""
    complaint_no: str = ""
    handling_dept: str = ""
    bank_other: str = ""
    complaint_at: dt.datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)


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


def refund_form(data: dict, now: dt.datetime, rules: FormRules | None = None) -> RefundForm:
    """Check every field; raise `FormErrors` listing each wrong field, or return the form."""
    rules = rules or FormRules()
    errors: list[ValidationError] = []
    out: dict = {}

    def run(name, fn, *args):
        try:
            out[name] = fn(*args)
        except ValidationError as e:
            errors.append(e)

    run("order_no", order_no, data.get("order_no", ""), rules.order_no_pattern)
    run("phone", phone, data.get("phone", ""))
    run("purchase_time", local_minute, data.get("purchase_time", ""), now, "purchase_time")
    run("bank", choice, data.get("bank", ""), rules.banks, "bank", "bank_unknown")
    run("amount", amount, data.get("amount", ""), rules.amount_ceiling)
    run(
        "fault_category",
        choice,
        data.get("fault_category", ""),
        rules.fault_categories,
        "fault_category",
        "category_unknown",
    )
    for name in ("fault_description", "customer_view", "contact", "complaint_no", "handling_dept"):
        run(name, text_field, data.get(name, ""), name)
    run(
        "bank_other",
        text_field,
        data.get("bank_other", ""),
        "bank_other",
        out.get("bank") == OTHER_BANK,
    )
    if data.get("complaint_at"):
        run("complaint_at", local_minute, data["complaint_at"], now, "complaint_at")
    if errors:
        raise FormErrors(errors)
    return RefundForm(**out)


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
