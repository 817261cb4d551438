"""The refund form's fields are declared once (`domain.refund_fields`): every reader follows the
table. Each test walks the table rather than a list of its own, so a field added to the table
and missed by a reader fails here, naming the field."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from refund_desk.domain import refund_fields, validation
from refund_desk.domain.errors import FormErrors
from refund_desk.domain.refund_fields import FIELDS, Kind, Paper
from refund_desk.store import queries
from refund_desk.store.models import Refund
from tests.conftest import refund_data

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)


def _filled() -> dict[str, str]:
    """A value for every field, each different from the others, all valid."""
    data = refund_data(
        bank="other",
        bank_other="宁波银行",
        contact="微信 rd-contact",
        complaint_no="TS-CHECK-7",
        handling_dept="技术二部",
        purchase_time="2026-11-27 09:30",
        complaint_at="2026-11-27 10:05",
        amount="1234.56",
        fault_description="描述-独有文字",
        customer_view="意见-独有文字",
    )
    for f in FIELDS:  # a fixed list added since: its last choice, not the one it starts with
        if f.name not in data and f.options:
            data[f.name] = f.options[-1][0]
    assert set(data) >= {f.name for f in FIELDS}, "give the new field a value here"
    return data


def test_names_labels_and_columns_are_unique_and_every_column_exists():
    names = [f.name for f in FIELDS]
    assert len(set(names)) == len(names)
    assert len({f.label.zh for f in FIELDS}) == len(FIELDS)
    assert len({f.label.en for f in FIELDS}) == len(FIELDS)
    columns = set(Refund._meta.columns)
    assert not [f.db_column for f in FIELDS if f.db_column not in columns]
    for f in FIELDS:
        assert (f.kind == Kind.CHOICE) == bool(f.choices or f.options), f.name
        assert not (f.choices and f.options), f.name
        if f.choices:
            assert hasattr(validation.FormRules(), f.choices), f.name


def test_a_field_not_sent_takes_its_default_and_one_typed_empty_is_refused(monkeypatch):
    """A field added later declares a default (what the refunds before it had): a caller that
    does not know the field gets it; a person who empties it is told at the field."""
    route = refund_fields.Field(
        "route",
        refund_fields.Text("途径", "Route"),
        Kind.CHOICE,
        required=True,
        options=(
            ("card", refund_fields.Text("原卡", "Card")),
            ("bank", refund_fields.Text("转账", "Bank")),
        ),
        default="card",
    )
    monkeypatch.setattr(refund_fields, "FIELDS", (*FIELDS, route))
    data = _filled()
    assert "route" not in data
    assert validation.refund_form(data, NOW).values["route"] == "card"
    assert validation.refund_form({**data, "route": "bank"}, NOW).values["route"] == "bank"
    for wrong, code in (("", "required"), ("alipay", "choice_unknown")):
        with pytest.raises(FormErrors) as e:
            validation.refund_form({**data, "route": wrong}, NOW)
        assert e.value.by_field()["route"].code == code


@pytest.mark.parametrize("field", [f for f in FIELDS if f.required], ids=lambda f: f.name)
def test_each_required_field_left_empty_is_refused_at_its_place(field):
    data = _filled()
    data[field.name] = ""
    with pytest.raises(FormErrors) as e:
        validation.refund_form(data, NOW)
    found = e.value.by_field()
    assert list(found) == [field.name]
    assert field.label.zh in found[field.name].text("zh")
    assert field.label.en in found[field.name].text("en")


@pytest.mark.parametrize("field", [f for f in FIELDS if f.max_length], ids=lambda f: f.name)
def test_each_length_limit_is_the_tables(field):
    data = _filled()
    data[field.name] = "长" * (field.max_length + 1)
    with pytest.raises(FormErrors) as e:
        validation.refund_form(data, NOW)
    assert e.value.by_field()[field.name].code == "too_long"
    data[field.name] = "长" * field.max_length
    assert getattr(validation.refund_form(data, NOW), field.name) == data[field.name]


def test_a_field_asked_only_with_another_is_required_then_only():
    for field in (f for f in FIELDS if f.required_with):
        source, value = field.required_with
        data = _filled()
        data[field.name] = ""
        with pytest.raises(FormErrors) as e:
            validation.refund_form(data, NOW)
        assert list(e.value.by_field()) == [field.name]
        codes = getattr(validation.FormRules(), refund_fields.BY_NAME[source].choices)
        data[source] = next(c for c in sorted(codes) if c != value)
        validation.refund_form(data, NOW)


def test_what_is_saved_is_what_is_read_back_for_every_field(sqlite_office):
    data = _filled()
    saved = sqlite_office.new_refund(by="clerk", **data)
    view = queries.get_refund(refund_id=saved.refund_id)
    form = validation.refund_form(data, NOW + dt.timedelta(days=1))
    for field in FIELDS:
        assert view.values[field.name] == getattr(form, field.name), field.name
        assert getattr(view, field.name) == view.values[field.name]
        # typed again, the value checks to itself (what the form shows when it reopens)
        typed = refund_fields.as_typed(field, view.values[field.name])
        again = validation.check_field(
            field, typed, NOW + dt.timedelta(days=1), validation.FormRules(), data
        )
        assert again == view.values[field.name], field.name


def test_the_printed_form_shows_every_field_it_places(sqlite_office):
    from refund_desk.printing.meta import PrintMeta
    from refund_desk.printing.refund_form import render_refund
    from tests.printing.pdfcheck import pages_text, squash

    saved = sqlite_office.new_refund(by="clerk", **_filled())
    view = queries.get_refund(refund_id=saved.refund_id)
    meta = PrintMeta(view.form_no, 1, NOW, "x")
    text = squash("".join(pages_text(render_refund(view, meta))))
    for field in FIELDS:
        if field.paper is None:
            continue
        shown = refund_fields.shown(field, view.values, "zh")
        assert squash(shown) in text, (field.name, shown)
        if (
            field.paper in (Paper.DETAILS, Paper.CLOSING)
            or field is refund_fields.on_paper(field.paper)[0]
        ):
            assert squash(field.label.zh) in text, field.name
    assert "宁波银行" in text  # the bank's name typed for "other" is printed in the bank's place


def test_the_command_line_shows_every_field(sqlite_office):
    saved = sqlite_office.new_refund(by="clerk", **_filled())
    view = queries.get_refund(refund_id=saved.refund_id)

    def show(*args):
        return subprocess.run(
            [sys.executable, "-m", "refund_desk", "--db", sqlite_office.url, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )

    as_json = json.loads(show("show", view.form_no, "--json").stdout)
    assert set(as_json["fields"]) == {f.name for f in FIELDS}
    assert as_json["fields"]["amount"] == "1234.56"
    chinese = show("show", view.form_no).stdout
    english = show("--lang", "en", "show", view.form_no).stdout
    for field in FIELDS:
        if field.required_with:
            continue
        assert field.label.zh in chinese and field.label.en in english, field.name
        assert refund_fields.shown(field, view.values, "zh") in chinese, field.name
    missing = show("show", "TD-1999-000001")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "找不到" in missing.stderr and "Traceback" not in missing.stderr
