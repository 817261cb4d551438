"""Money: `Decimal` yuan in Python, integer fen (分) in storage. Never float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from .errors import ValidationError

FEN = Decimal("0.01")


def parse_yuan(text: str | Decimal | int, ceiling: Decimal | None = None) -> Decimal:
    """Parse what a clerk typed ("128.5", "1,280.00", "１２８") into yuan, or raise."""
    if isinstance(text, float):  # not money: refuse rather than round silently
        raise ValidationError("amount_format", field="amount")
    raw = str(text).strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    raw = raw.translate(_FULLWIDTH)
    if not raw:
        raise ValidationError("required", field="amount")
    # Plain digits only: "1E100", "NaN", "0x10" are not amounts a clerk types.
    if not _PLAIN.fullmatch(raw):
        code = (
            "amount_positive"
            if raw.startswith("-") and _PLAIN.fullmatch(raw[1:])
            else "amount_format"
        )
        raise ValidationError(code, field="amount")
    value = Decimal(raw)
    if value <= 0:
        raise ValidationError("amount_positive", field="amount")
    if ceiling is not None and value > ceiling:
        raise ValidationError("amount_ceiling", field="amount", ceiling=format_yuan(ceiling))
    return value.quantize(FEN)


def to_fen(yuan: Decimal) -> int:
    """Yuan to integer fen; refuses anything finer than a fen."""
    if not isinstance(yuan, Decimal):
        raise TypeError("money must be Decimal")
    fen = yuan * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{yuan} has more than two decimals")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    return (Decimal(int(fen)) / 100).quantize(FEN, rounding=ROUND_HALF_UP)


def format_yuan(yuan: Decimal, grouping: bool = True) -> str:
    return f"{yuan:,.2f}" if grouping else f"{yuan:.2f}"


_PLAIN = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,2})?|\.[0-9]{1,2}")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
