from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refund_desk.domain.errors import ValidationError
from refund_desk.domain.money import format_yuan, from_fen, parse_yuan, to_fen


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("128.5", "128.50"), ("1,280.00", "1280.00"), ("１２８", "128.00"), ("￥0.01", "0.01")],
)
def test_parse_what_clerks_type(typed, expected):
    assert parse_yuan(typed) == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("abc", "amount_format"),
        ("1.234", "amount_format"),
        ("0", "amount_positive"),
        ("-5", "amount_positive"),
        ("NaN", "amount_format"),
        ("Infinity", "amount_format"),
        ("50000.01", "amount_ceiling"),
    ],
)
def test_bad_amounts_name_the_problem(typed, code):
    with pytest.raises(ValidationError) as e:
        parse_yuan(typed, ceiling=Decimal("50000"))
    assert e.value.code == code and e.value.field == "amount"
    assert e.value.text()  # one sentence, in Chinese by default


def test_float_is_refused():
    with pytest.raises(ValidationError):
        parse_yuan(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_fen(0.1)  # type: ignore[arg-type]


def test_fen_round_trip_is_exact_where_float_is_not():
    ten_dimes = sum([Decimal("0.10")] * 10)
    assert to_fen(ten_dimes) == 100
    assert from_fen(to_fen(Decimal("0.1")) * 10) == Decimal("1.00")


@settings(max_examples=2000)
@given(st.integers(min_value=1, max_value=10**12))
def test_fen_round_trip(fen):
    assert to_fen(from_fen(fen)) == fen


@settings(max_examples=2000)
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2))
def test_parse_format_round_trip(amount):
    assert parse_yuan(format_yuan(amount)) == amount
    assert from_fen(to_fen(amount)) == amount


@settings(max_examples=2000)
@given(st.text(max_size=20))
def test_parse_never_crashes(text):
    try:
        value = parse_yuan(text)
    except ValidationError as e:
        assert e.field == "amount"
    else:
        assert value > 0 and value == value.quantize(Decimal("0.01"))
