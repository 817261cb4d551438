"""Money: `Decimal` yuan in Python, integer fen (分) in storage. Never float.

`parse_yuan` is the one parser of every amount the program accepts (the refund form, adjustments,
the command line, anything later). What it takes is what a clerk types: digits, at most one
decimal point with at most two decimals, grouping commas only in true thousands positions
("12,345.60"), full-width digits and punctuation, a leading ¥/￥ and a trailing 元. Anything else
is refused with a sentence that says why: "12,5" is not read as 125 (nor as 12.5), and an
exponent, NaN or infinity is never an amount."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, InvalidOperation

from .errors import MoneyNotExact, ValidationError

FEN = Decimal("0.01")
# The largest amount any single money value may hold, in fen (1 亿元). Each stored amount is
# bounded by it (the database refuses more), so a sum over fewer than 9 × 10⁸ rows cannot leave
# a signed 64-bit integer: SQLite's SUM() would raise and its `+` would turn to floating point.
MAX_FEN = 10**10
MAX_YUAN = Decimal(MAX_FEN) / 100

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，＋－", "0123456789.,+-")
_DIGITS = frozenset("0123456789")


def parse_yuan(
    text: str | Decimal | int,
    ceiling: Decimal | None = None,
    *,
    signed: bool = False,
    field: str = "amount",
) -> Decimal:
    """What was typed ("128.5", "1,280.00", "１２８", "￥0.01") as yuan to the fen, or a
    `ValidationError` naming the problem. `signed` admits a sign (adjustments: "-8.50"), never
    zero; otherwise the amount must be greater than zero. `ceiling` bounds the size either way."""
    if isinstance(text, bool | float):  # not money: refuse rather than round silently
        raise ValidationError("amount_format", field=field)
    if isinstance(text, Decimal):
        value = _from_decimal(text, field)
    elif isinstance(text, int):
        value = Decimal(text)
    else:
        value = _from_text(str(text), field)
    if value.copy_abs() > MAX_YUAN:
        raise ValidationError("amount_ceiling", field=field, ceiling=format_yuan(MAX_YUAN))
    if signed:
        if value == 0:
            raise ValidationError("amount_zero", field=field)
    elif value <= 0:
        raise ValidationError("amount_positive", field=field)
    if ceiling is not None and value.copy_abs() > ceiling:
        raise ValidationError("amount_ceiling", field=field, ceiling=format_yuan(ceiling))
    return value.quantize(FEN)


def _from_decimal(value: Decimal, field: str) -> Decimal:
    if not value.is_finite():
        raise ValidationError("amount_format", field=field)
    if value.copy_abs() > MAX_YUAN:  # before quantize, which cannot hold 1E+30 to the fen
        raise ValidationError("amount_ceiling", field=field, ceiling=format_yuan(MAX_YUAN))
    if value != value.quantize(FEN, rounding=ROUND_DOWN):
        raise ValidationError("amount_decimals", field=field)
    return value


def _from_text(text: str, field: str) -> Decimal:
    raw = text.translate(_FULLWIDTH).strip()
    if not raw:
        raise ValidationError("required", field=field)
    sign = ""
    if raw[0] in "+-":
        sign, raw = raw[0], raw[1:].lstrip()
    if raw[:1] in ("¥", "￥"):
        raw = raw[1:].lstrip()
    if raw.endswith("元"):
        raw = raw[:-1].rstrip()
    if not raw:
        raise ValidationError("required", field=field)
    if not set(raw) <= _DIGITS | {",", "."}:
        raise ValidationError("amount_format", field=field)
    if raw.count(".") > 1:
        raise ValidationError("amount_points", field=field)
    whole, point, fraction = raw.partition(".")
    if "," in fraction or (whole and not _grouped_in_thousands(whole)):
        raise ValidationError("amount_comma", field=field)
    digits = whole.replace(",", "")
    if point and not fraction:
        raise ValidationError("amount_format", field=field)
    if not digits and not fraction:
        raise ValidationError("amount_format", field=field)
    if len(fraction) > 2:
        raise ValidationError("amount_decimals", field=field)
    if len(digits.lstrip("0")) > 12:
        raise ValidationError("amount_ceiling", field=field, ceiling=format_yuan(MAX_YUAN))
    try:
        value = Decimal(f"{sign}{digits or '0'}.{fraction or '0'}")
    except InvalidOperation:  # cannot happen after the checks above; never a traceback
        raise ValidationError("amount_format", field=field) from None
    return value


def _grouped_in_thousands(whole: str) -> bool:
    """ "12345" or "12,345": commas, if any, only between groups of three from the right."""
    if "," not in whole:
        return True
    groups = whole.split(",")
    head, rest = groups[0], groups[1:]
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in rest)


def to_fen(yuan: Decimal) -> int:
    """Yuan to integer fen; refuses float, NaN, infinity and anything finer than a fen."""
    if not isinstance(yuan, Decimal):
        raise TypeError("money must be Decimal")
    if not yuan.is_finite():
        raise ValueError(f"{yuan} is not an amount")
    fen = yuan * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{yuan} has more than two decimals")
    return int(fen)


def from_fen(fen: int | Decimal) -> Decimal:
    """Stored fen (an integer, or an exact Decimal sum from PostgreSQL) as yuan. A float here
    means a sum or a stored value stopped being exact: refused, never shown as money."""
    if isinstance(fen, bool) or not isinstance(fen, int | Decimal):
        raise MoneyNotExact(value=repr(fen))
    if isinstance(fen, Decimal) and (not fen.is_finite() or fen != fen.to_integral_value()):
        raise MoneyNotExact(value=str(fen))
    return (Decimal(int(fen)) / 100).quantize(FEN)


def format_yuan(yuan: Decimal, grouping: bool = True) -> str:
    return f"{yuan:,.2f}" if grouping else f"{yuan:.2f}"
