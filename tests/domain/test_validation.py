import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refund_desk.domain import validation as v
from refund_desk.domain.errors import FormErrors, ValidationError, message, set_language

NOW = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)  # 14:00 in Shanghai


def good(**kw):
    data = {
        "order_no": "TK2026112700",
        "phone": "13912345678",
        "purchase_time": "2026-11-27 13:05",
        "bank": "cmb",
        "amount": "88",
        "fault_category": "payment_timeout",
    }
    data.update(kw)
    return data


def test_a_good_form_is_normalised():
    form = v.refund_form(good(order_no=" tk2026112700 ", phone="139-1234-5678"), NOW)
    assert form.order_no == "TK2026112700"
    assert form.phone == "13912345678"
    assert form.purchase_time == dt.datetime(2026, 11, 27, 5, 5, tzinfo=dt.UTC)
    assert str(form.amount) == "88.00"


def test_every_wrong_field_is_named_with_its_own_sentence():
    with pytest.raises(FormErrors) as e:
        v.refund_form(
            {
                "order_no": "123",
                "phone": "12345",
                "purchase_time": "27/11/2026",
                "bank": "nowhere",
                "amount": "1.001",
                "fault_category": "",
            },
            NOW,
        )
    by_field = e.value.by_field()
    assert set(by_field) == {
        "order_no",
        "phone",
        "purchase_time",
        "bank",
        "amount",
        "fault_category",
    }
    assert by_field["order_no"].text() == message("order_no_format")
    assert "11 位" in by_field["phone"].text()
    assert "购买时间" in by_field["purchase_time"].text()
    assert by_field["fault_category"].text() == "故障现象不能为空。"


def test_messages_follow_the_language():
    set_language("en")
    with pytest.raises(FormErrors) as e:
        v.refund_form(good(phone="1"), NOW)
    assert (
        e.value.by_field()["phone"].text()
        == "The mobile number must be 11 digits starting with 13–19."
    )


def test_purchase_time_not_in_the_future_and_to_the_minute():
    with pytest.raises(FormErrors) as e:
        v.refund_form(good(purchase_time="2026-11-27 15:00"), NOW)
    assert e.value.by_field()["purchase_time"].code == "time_future"
    with pytest.raises(FormErrors):
        v.refund_form(good(purchase_time="2026-02-30 10:00"), NOW)


def test_other_bank_needs_its_name():
    with pytest.raises(FormErrors) as e:
        v.refund_form(good(bank="other"), NOW)
    assert "bank_other" in e.value.by_field()
    assert v.refund_form(good(bank="other", bank_other="温州银行"), NOW).bank_other == "温州银行"


def test_order_format_is_configurable():
    rules = v.FormRules(order_no_pattern=r"[A-Z]{2}-[0-9]{4}")
    assert v.refund_form(good(order_no="ab-1234"), NOW, rules).order_no == "AB-1234"
    with pytest.raises(FormErrors):
        v.refund_form(good(), NOW, rules)


def test_extended_fault_categories():
    rules = v.FormRules(fault_categories=frozenset({"no_ticket_code", "changed_mind"}))
    assert v.refund_form(good(fault_category="changed_mind"), NOW, rules).fault_category == (
        "changed_mind"
    )
    for refused, by in (("changed_mind", None), ("payment_timeout", rules)):  # only the list's
        with pytest.raises(FormErrors) as e:
            v.refund_form(good(fault_category=refused), NOW, by)
        assert e.value.by_field()["fault_category"].code == "category_unknown"


def test_the_bank_is_named_from_the_one_list():
    from refund_desk.domain.refund_fields import bank_label

    assert bank_label("icbc") == ("中国工商银行", "ICBC")
    assert bank_label("other", "温州银行").get("en") == "温州银行"
    assert bank_label("other").zh == "其他"  # no name typed: the list's word
    assert bank_label("icbc", "温州银行").zh == "中国工商银行"  # the chosen bank decides
    assert bank_label("gone") == ("gone", "gone")  # a code the list no longer has


def test_amount_ceiling_is_configurable():
    from decimal import Decimal

    rules = v.FormRules(amount_ceiling=Decimal("100"))
    with pytest.raises(FormErrors) as e:
        v.refund_form(good(amount="100.01"), NOW, rules)
    assert "100.00" in e.value.by_field()["amount"].text()


@settings(max_examples=2000)
@given(st.text(max_size=30))
def test_order_no_validator_total(text):
    try:
        value = v.order_no(text)
    except ValidationError as e:
        assert e.field == "order_no" and e.code in {"required", "order_no_format", "bad_characters"}
    else:
        assert re.fullmatch(r"TK[0-9]{6,20}", value)


@settings(max_examples=2000)
@given(st.one_of(st.text(max_size=20), st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)))
def test_phone_validator_total(text):
    try:
        value = v.phone(text)
    except ValidationError as e:
        assert e.field == "phone"
    else:
        assert re.fullmatch(r"1[3-9][0-9]{9}", value)


@settings(max_examples=2000)
@given(st.text(max_size=25))
def test_time_validator_total(text):
    try:
        value = v.local_minute(text, NOW)
    except ValidationError as e:
        assert e.code in {"required", "time_format", "time_future", "bad_characters"}
    else:
        assert (
            value.tzinfo is not None
            and value.second == 0
            and value <= NOW + dt.timedelta(minutes=1)
        )


@settings(max_examples=2000)
@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2026, 11, 27, 13, 0)))
def test_time_round_trip(local):
    typed = local.strftime("%Y-%m-%d %H:%M")
    parsed = v.local_minute(typed, NOW)
    assert parsed.astimezone(v.OFFICE_TZ).strftime("%Y-%m-%d %H:%M") == typed
