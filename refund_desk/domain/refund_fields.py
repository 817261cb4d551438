"""The refund form's fields, declared once: name, label in both languages, kind, whether it is
required, its length limit, where the form shows it and where the printed form shows it.

Validation (`validation.refund_form`), the form's widgets, labels and error places
(`ui.refund_fields`), the store's column values and the view of a saved refund
(`store.refunds`, `store.queries`), the printed form (`printing.refund_form`), the command
line's `refund-desk show` and the demo all read this table. The database column and its
migration stay explicit (`store.models`, `store.migrations`): a new field is one entry here,
one column there, one migration."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import Text
from .money import format_yuan, from_fen, to_fen
from .sla import OFFICE_TZ


class Kind(enum.Enum):
    """What a field holds; its kind chooses its check, its widget and how it is written."""

    ORDER_NO = "order_no"  # the office's order-number pattern, upper case
    PHONE = "phone"  # a mainland mobile number
    MINUTE = "minute"  # an office time to the minute, not in the future
    AMOUNT = "amount"  # yuan, with the one money parser; stored as integer fen
    CHOICE = "choice"  # one code of a list the office keeps (banks, fault categories)
    LINE = "line"  # one line of text
    TEXT = "text"  # free text over several lines


class Screen(enum.Enum):
    """Which column of the refund form holds the field (None: not typed on the form)."""

    LEFT = 0
    RIGHT = 1


class Paper(enum.Enum):
    """Where the printed refund form (the seed's 退款申请单) shows a field."""

    FAULT = "fault"  # the 故障现象 block: its fields one after another
    DETAILS = "details"  # the grid of label/value pairs under it, two pairs a row
    CUSTOMER = "customer"  # the 客户意见 block
    CLOSING = "closing"  # the grid after it, beside who submitted the form and when


@dataclass(frozen=True)
class Field:
    name: str
    label: Text
    kind: Kind
    required: bool = False
    max_length: int | None = None
    screen: Screen | None = None
    paper: Paper | None = None
    paper_order: int = 0  # the order within its place on paper (the seed's form)
    # CHOICE: its codes with their labels, when the list is fixed; or `choices`, the list of
    # `FormRules` (the office's, from the store) its code must be in ("fault_categories", …)
    options: tuple[tuple[str, Text], ...] = ()
    choices: str = ""
    unknown: str = "choice_unknown"  # CHOICE: the error of a code not in its list
    # Asked for (and then required) only when that field has that value: the bank's name
    # when the bank is "other". The form enables the input only then.
    required_with: tuple[str, str] | None = None
    example: str = ""  # the placeholder on the form, also the shape of the demo's values
    unit: Text | None = None  # shown after the label on the form: 金额（元）
    editable: bool = True  # False: set when the form is made and kept (the complaint time)
    column: str = ""  # the database column, when not the field's name
    # What a new form starts with, and what a caller that does not send the field gets (for a
    # field added later: what every refund made before it had, as its migration fills in).
    default: str = ""

    @property
    def db_column(self) -> str:
        return self.column or self.name

    @property
    def multiline(self) -> bool:
        return self.kind == Kind.TEXT

    def screen_label(self, lang: str | None = None) -> str:
        if self.unit is None:
            return self.label.get(lang)
        unit = self.unit.get(lang)
        return f"{self.label.get(lang)}（{unit}）" if lang != "en" else f"{self.label.en} ({unit})"

    def option_label(self, code: str) -> Text | None:
        return dict(self.options).get(code)

    def to_db(self, value: Any) -> Any:
        return to_fen(value) if self.kind == Kind.AMOUNT else value

    def from_db(self, value: Any) -> Any:
        return from_fen(value) if self.kind == Kind.AMOUNT else value


OTHER_BANK = "other"

FIELDS: tuple[Field, ...] = (
    Field(
        "order_no",
        Text("订单号", "Order number"),
        Kind.ORDER_NO,
        required=True,
        screen=Screen.LEFT,
        paper=Paper.DETAILS,
        paper_order=4,
        example="TK20261127001",
    ),
    Field(
        "phone",
        Text("手机号码", "Mobile"),
        Kind.PHONE,
        required=True,
        screen=Screen.LEFT,
        paper=Paper.DETAILS,
        paper_order=1,
        example="13800138000",
    ),
    Field(
        "purchase_time",
        Text("购买时间", "Purchase time"),
        Kind.MINUTE,
        required=True,
        screen=Screen.LEFT,
        paper=Paper.DETAILS,
        paper_order=2,
        example="2026-11-27 09:30",
    ),
    Field(
        "bank",
        Text("支付银行", "Paying bank"),
        Kind.CHOICE,
        required=True,
        screen=Screen.LEFT,
        paper=Paper.DETAILS,
        paper_order=3,
        choices="banks",
        unknown="bank_unknown",
    ),
    Field(
        "bank_other",
        Text("银行名称", "Bank name"),
        Kind.LINE,
        max_length=40,
        screen=Screen.LEFT,
        required_with=("bank", OTHER_BANK),  # printed as the bank's name
    ),
    Field(
        "amount",
        Text("金额", "Amount"),
        Kind.AMOUNT,
        required=True,
        screen=Screen.LEFT,
        paper=Paper.DETAILS,
        paper_order=5,
        example="128.50",
        unit=Text("元", "yuan"),
        column="amount_fen",
    ),
    Field(
        "contact",
        Text("联系方式", "Contact"),
        Kind.LINE,
        max_length=100,
        screen=Screen.LEFT,
        paper=Paper.DETAILS,
        paper_order=6,
    ),
    Field(
        "fault_category",
        Text("故障现象", "Fault"),
        Kind.CHOICE,
        required=True,
        screen=Screen.RIGHT,
        paper=Paper.FAULT,
        paper_order=1,
        choices="fault_categories",
        unknown="category_unknown",
    ),
    Field(
        "fault_description",
        Text("故障描述", "Fault description"),
        Kind.TEXT,
        max_length=2000,
        screen=Screen.RIGHT,
        paper=Paper.FAULT,
        paper_order=2,
    ),
    Field(
        "customer_view",
        Text("客户意见", "Customer's view"),
        Kind.TEXT,
        max_length=1000,
        screen=Screen.RIGHT,
        paper=Paper.CUSTOMER,
    ),
    Field(
        "complaint_no",
        Text("投诉编号", "Complaint number"),
        Kind.LINE,
        max_length=40,
        screen=Screen.RIGHT,
        paper=Paper.DETAILS,
        paper_order=7,
    ),
    Field(
        "complaint_at",
        Text("投诉时间", "Complaint time"),
        Kind.MINUTE,
        paper=Paper.DETAILS,
        paper_order=8,
        editable=False,  # the form's clock starts here: the time the complaint came in
    ),
    Field(
        "handling_dept",
        Text("问题处理部门", "Handling department"),
        Kind.LINE,
        max_length=40,
        screen=Screen.RIGHT,
        paper=Paper.CLOSING,
    ),
)

BY_NAME: Mapping[str, Field] = {f.name: f for f in FIELDS}
ON_SCREEN: tuple[Field, ...] = tuple(f for f in FIELDS if f.screen is not None)
# What the store writes from a checked form (the complaint time is written once, on creation).
STORED: tuple[Field, ...] = tuple(f for f in FIELDS if f.editable)
LABELS: Mapping[str, Text] = {f.name: f.label for f in FIELDS}
MULTILINE: frozenset[str] = frozenset(f.name for f in FIELDS if f.multiline)
MAX_LENGTHS: Mapping[str, int] = {f.name: f.max_length for f in FIELDS if f.max_length}


def on_paper(paper: Paper) -> tuple[Field, ...]:
    return tuple(sorted((f for f in FIELDS if f.paper == paper), key=lambda f: f.paper_order))


def on_screen(side: Screen) -> tuple[Field, ...]:
    return tuple(f for f in ON_SCREEN if f.screen == side)


# ----- labels of the codes a choice stores -----------------------------------------------------

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
BANK_LABELS: Mapping[str, Text] = dict(DEFAULT_BANKS)

# The seed's three faults come first; administrators can add more (stored in the database,
# and passed to `category_label` by whoever has read them).
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


def bank_label(code: str, other: str = "") -> Text:
    """The paying bank as people read it, in both languages: its name, the typed name for
    "other", the code itself for a bank no longer offered."""
    if code == OTHER_BANK and other:
        return Text(other, other)
    label = BANK_LABELS.get(code)
    return label if label is not None else Text(code, code)


def category_label(code: str, labels: Mapping[str, Text] | None = None) -> Text:
    """A fault category's name: the office's own list first (from the store), then the seed's
    defaults, then the code itself (a category since removed still shows)."""
    label = (labels or {}).get(code) or dict(DEFAULT_FAULT_CATEGORIES).get(code)
    return label if label is not None else Text(code, code)


# ----- writing a value -------------------------------------------------------------------------


def office_minute(at: dt.datetime | None) -> str:
    """An aware time as the office writes it: "2026-11-27 09:30" in office time."""
    return at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M") if at else ""


def as_typed(field: Field, value: Any) -> str:
    """A stored value as it is typed into the form again (no thousands commas, office time)."""
    if value is None:
        return ""
    if field.kind == Kind.MINUTE:
        return office_minute(value)
    if field.kind == Kind.AMOUNT:
        return format_yuan(value, grouping=False)
    return str(value)


def shown(
    field: Field,
    values: Mapping[str, Any],
    lang: str | None = None,
    categories: Mapping[str, Text] | None = None,
) -> str:
    """A stored value as people read it on paper, in a list or on the command line."""
    value = values.get(field.name)
    if value is None or value == "":
        return ""
    if field.kind == Kind.MINUTE:
        return office_minute(value)
    if field.kind == Kind.AMOUNT:
        return f"¥ {format_yuan(value)} 元" if lang != "en" else f"¥{format_yuan(value)}"
    if field.options and field.option_label(value) is not None:
        return field.option_label(value).get(lang)
    if field.choices == "banks":
        return bank_label(value, values.get("bank_other", "")).get(lang)
    if field.choices == "fault_categories":
        return category_label(value, categories).get(lang)
    return str(value)


def as_json(value: Any) -> Any:
    """A stored value for JSON: money as a string of yuan, times in ISO 8601 with their zone."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def values_of(source: Any, fields: tuple[Field, ...] = FIELDS) -> Iterator[tuple[Field, Any]]:
    """(field, value) of a refund's model row or view, read by field name."""
    get: Callable[[str], Any] = (
        source.get if isinstance(source, Mapping) else lambda n: getattr(source, n)
    )
    for f in fields:
        yield f, get(f.name)
