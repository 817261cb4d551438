"""Text no database can keep — NUL (PostgreSQL refuses it outright), lone surrogates (invalid
UTF-8, which SQLite cannot encode), control characters — typed or pasted into any field: one
sentence next to that field, nothing written, never a driver's exception. On both databases."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from refund_desk.domain.errors import FormErrors, NotFound, ValidationError
from refund_desk.domain.roles import Role
from refund_desk.domain.workflow import Action
from refund_desk.store import audit, handover, queries, refunds, settings, users
from tests.conftest import PASSWORD, refund_data

BAD = ["\x00", "\udcff", "\x1b[31m", "a\x7fb"]


@pytest.mark.parametrize("bad", BAD, ids=["nul", "surrogate", "escape", "del"])
@pytest.mark.parametrize(
    "field",
    [
        "order_no",
        "phone",
        "contact",
        "complaint_no",
        "fault_description",
        "customer_view",
        "handling_dept",
        "purchase_time",
    ],
)
def test_a_refund_form_field(office, field, bad):
    data = refund_data()
    data[field] = data.get(field, "x") + bad
    head = audit.head()
    with pytest.raises(FormErrors) as e:
        refunds.create_refund(office["clerk"], data, uuid.uuid4().hex)
    assert field in e.value.by_field()
    assert e.value.by_field()[field].code in {"bad_characters", "order_no_format", "phone_format"}
    assert audit.head()[0] == head[0] + 1  # the refusal, audited; nothing else


@pytest.mark.parametrize("bad", BAD, ids=["nul", "surrogate", "escape", "del"])
def test_opinions_reasons_and_notes(office, bad):
    saved = office.carry(office.new_refund(), ("clerk", Action.SUBMIT))
    with pytest.raises(ValidationError) as e:
        refunds.act(
            office["lead"],
            saved.refund_id,
            saved.version,
            Action.LEAD_APPROVE,
            opinion="同意" + bad,
        )
    assert e.value.field == "opinion"
    with pytest.raises(ValidationError) as e:
        refunds.act(
            office["lead"], saved.refund_id, saved.version, Action.CANCEL, reason="客户撤销" + bad
        )
    assert e.value.field == "reason"
    now = dt.datetime.now(dt.UTC)
    sheet = handover.create_handover(office["clerk"], "day", now - dt.timedelta(hours=8), now)
    with pytest.raises(ValidationError) as e:
        handover.save_handover(
            office["clerk"], sheet.id, sheet.version, {"present": "王" + bad}, [], [], {}, True
        )
    assert e.value.field == "note"


@pytest.mark.parametrize("bad", BAD, ids=["nul", "surrogate", "escape", "del"])
def test_administration_texts(office, bad):
    admin = office["sysadmin"]
    with pytest.raises(ValidationError):
        users.add_user("amy", "王" + bad, frozenset({Role.CLERK}), PASSWORD, admin)
    with pytest.raises(ValidationError):
        users.add_user("amy" + bad, "王", frozenset({Role.CLERK}), PASSWORD, admin)
    with pytest.raises(ValidationError):
        settings.put("order_no_pattern", "TK[0-9]+" + bad, admin)
    with pytest.raises(ValidationError):
        settings.add_fault_category("changed_mind", "改主意" + bad, "", admin)
    with pytest.raises(ValidationError):
        settings.set_holiday_override(dt.date(2027, 2, 6), True, "调休" + bad, admin)


@pytest.mark.parametrize("bad", BAD, ids=["nul", "surrogate", "escape", "del"])
def test_lookups_with_such_text_find_nothing(office, bad):
    office.new_refund()
    assert queries.search("TD" + bad) == []
    with pytest.raises(NotFound):
        queries.get_refund(form_no="TD-2026-000001" + bad)
