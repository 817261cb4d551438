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
        ("1.234", "amount_decimals"),
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


# ---- the one parser: what is almost right is refused, with the reason ----------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12,345.60", "12345.60"),
        ("1,234,567", "1234567.00"),
        ("１，２８０．５", "1280.50"),  # full-width digits and punctuation
        ("¥ 88", "88.00"),
        ("88元", "88.00"),
        (".5", "0.50"),
        ("007.10", "7.10"),
    ],
)
def test_grouping_commas_in_thousands_positions(typed, expected):
    assert parse_yuan(typed) == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("12,5", "amount_comma"),  # a decimal comma: never 125.00 (ten times too much)
        ("1,2,3", "amount_comma"),
        ("88，50", "amount_comma"),  # the full-width comma too
        ("1,2345", "amount_comma"),
        (",123", "amount_comma"),
        ("12,345.6,0", "amount_comma"),
        ("1234,567", "amount_comma"),
        ("1.2.3", "amount_points"),
        ("1e3", "amount_format"),
        ("1E3", "amount_format"),
        ("sNaN", "amount_format"),
        ("-Infinity", "amount_format"),
        ("0x10", "amount_format"),
        ("12 345", "amount_format"),
        ("12.", "amount_format"),
        ("1_000", "amount_format"),
        ("1" + "0" * 30, "amount_ceiling"),
        ("99999999999.99", "amount_ceiling"),  # beyond any setting: the hard maximum
        ("+-5", "amount_format"),
    ],
)
def test_almost_right_amounts_are_refused_saying_why(typed, code):
    with pytest.raises(ValidationError) as e:
        parse_yuan(typed)
    assert e.value.code == code
    sentence = e.value.text()
    assert sentence and "Traceback" not in sentence


def test_signed_amounts_for_adjustments():
    assert parse_yuan("-8.50", signed=True, field="adjustment") == Decimal("-8.50")
    assert parse_yuan("+1,000", signed=True) == Decimal("1000.00")
    for typed, code in (("0", "amount_zero"), ("-0.00", "amount_zero"), ("-1e3", "amount_format")):
        with pytest.raises(ValidationError) as e:
            parse_yuan(typed, signed=True, field="adjustment")
        assert e.value.code == code and e.value.field == "adjustment"
    with pytest.raises(ValidationError) as e:
        parse_yuan("-60000", Decimal("50000"), signed=True)
    assert e.value.code == "amount_ceiling"  # the ceiling bounds the size, either sign


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("1E+30")]
)
def test_decimal_objects_are_checked_too(value):
    with pytest.raises(ValidationError):
        parse_yuan(value, signed=True)


def test_stored_amounts_must_be_whole_fen():
    from refund_desk.domain.errors import MoneyNotExact

    assert from_fen(Decimal("1285000")) == Decimal("12850.00")  # PostgreSQL's exact SUM
    for bad in (12850.0, 1e18, Decimal("12.5"), True):
        with pytest.raises(MoneyNotExact):
            from_fen(bad)  # type: ignore[arg-type]
    # a database SUM, as every report reads one: NULL over no rows, never a float
    from refund_desk.domain.money import fen_or_zero

    assert (fen_or_zero(None), fen_or_zero(1285000), fen_or_zero(Decimal("42"))) == (0, 1285000, 42)
    for bad in (9.223372036854776e18, 1285000.0, Decimal("12.5")):
        with pytest.raises(MoneyNotExact):
            fen_or_zero(bad)  # type: ignore[arg-type]


@settings(max_examples=1000)
@given(
    st.decimals(min_value=Decimal("1000"), max_value=Decimal("99999999.99"), places=2),
    st.integers(min_value=1, max_value=6),
)
def test_a_comma_anywhere_but_a_thousands_position_is_refused(amount, shift):
    plain = format_yuan(amount, grouping=False)
    whole, fraction = plain.split(".")
    at = len(whole) - shift
    if shift % 3 == 0 or at <= 0:
        return
    typed = whole[:at] + "," + whole[at:] + "." + fraction
    with pytest.raises(ValidationError) as e:
        parse_yuan(typed)
    assert e.value.code == "amount_comma"
