"""Reports as one kind of thing: every registered report reaches every output (the screen's
table model and charts, the command line as text and JSON, the .xlsx, the PDF) from its one
result, so a report added to `reports.catalogue` is held to that here without a test of its own;
and the pieces (columns, totals, chart hints, cells) behave the same for every report."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import openpyxl
import pytest

from refund_desk import cli
from refund_desk.domain.errors import Text
from refund_desk.printing import jobs
from refund_desk.reports import catalogue, xlsx
from refund_desk.reports.report import (
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    ParamKind,
    Table,
    cell_text,
    result_json,
)
from refund_desk.store import monthly_reports
from tests.printing.pdfcheck import assert_fonts_embedded, assert_has, pages_text

from .conftest import office_time

K = ColumnKind
OCTOBER = {"month": "2026-10", "date_from": dt.date(2026, 10, 1), "date_to": dt.date(2026, 10, 31)}


@pytest.fixture
def october(maker, office):
    rows = [
        maker.refund("128.50", "2026-10-05 10:00"),
        maker.refund("0.10", "2026-10-06 10:00", bank="boc"),
        maker.refund("12345.67", "2026-10-07 10:00"),
    ]
    monthly_reports.prepare(office["clerk"], "cs", "2026-10", at=office_time("2026-11-01 09:00"))
    return rows


def _params(spec) -> dict:
    defaults = catalogue.defaults(spec, dt.date(2026, 11, 3))
    return {name: OCTOBER.get(name, value) for name, value in defaults.items()}


def _argv(spec, params) -> list[str]:
    out = []
    for p in spec.params:
        value = params[p.name]
        out += [p.option, value.isoformat() if isinstance(value, dt.date) else str(value)]
    return out


@pytest.mark.parametrize("spec", catalogue.REPORTS, ids=lambda s: s.name)
def test_every_report_reaches_every_output(spec, october, office, tmp_path, capsys, qtbot):
    from refund_desk.ui.statistics.chart import ChartBox

    params = _params(spec)
    result = spec.run(lang="zh", **params)
    assert result.report == spec.name and result.tables
    again = spec.run(lang="zh", **result.params)  # what it ran with runs it again
    assert [t.rows for t in again.tables] == [t.rows for t in result.tables]
    for table in result.tables:
        assert all(len(row) == len(table.columns) for row in table.rows), table.key
    # the screen: a model and a chart over each table
    for table in result.tables:
        box = ChartBox("en")
        qtbot.addWidget(box)
        box.show_table(table)
        model = box.model
        assert model.rowCount() == len(table.rows) + table.has_total
        headers = [model.headerData(i, _horizontal()) for i in range(model.columnCount())]
        assert headers == [c.label.en for c in table.columns]
        if table.rows:
            first = table.rows[0]
            shown = [model.data(model.index(0, i)) for i in range(len(first))]
            assert shown == [
                cell_text(v, c.kind, "en") for v, c in zip(first, table.columns, strict=True)
            ]
        if table.charts:
            series = box.chart.series()
            assert len(series) == 1
            if table.charts[0].kind != ChartKind.PIE:
                sets = [s.label() for s in series[0].barSets()]
                assert sets == [table.column(n).label.en for n in table.charts[0].values]
    # .xlsx: every column header of every table is there, in the language asked for
    for lang in ("zh", "en"):
        book = openpyxl.load_workbook(io.BytesIO(xlsx.workbook(result, lang=lang)))
        cells = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
        for table in result.tables:
            assert {c.label.get(lang) for c in table.columns} <= cells, (lang, table.key)
    # PDF: in Chinese, the title, every column, on the embedded font only
    pdf = jobs.report_pdf(office["clerk"], spec.name, params, log=False)
    text = "".join(pages_text(pdf))
    assert_has(text, result.title.zh, *(c.label.zh for t in result.tables for c in t.columns))
    assert_fonts_embedded(pdf, tmp_path)
    # the command line: text, JSON, and the exit code saying whether all is well
    argv = ["--db", office.url, "stats", spec.name, *_argv(spec, params)]
    code = cli.main([*argv, "--json"])
    assert code == (0 if result.ok else 1)
    out = json.loads(capsys.readouterr().out)
    if spec.json is None:
        assert out == json.loads(json.dumps(result_json(result, "zh"), ensure_ascii=False))
    book_path = tmp_path / "out.xlsx"
    assert cli.main([*argv, "--xlsx", str(book_path)]) == code
    assert book_path.stat().st_size > 0
    capsys.readouterr()
    if not spec.default_json:
        assert cli.main(argv) == code
        printed = capsys.readouterr().out
        assert result.title.zh in printed
        assert "\t".join(c.label.zh for c in result.tables[0].columns) in printed


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_names_are_unique_and_month_reports_load_with_the_month():
    names = [spec.name for spec in catalogue.REPORTS]
    assert len(names) == len(set(names))
    assert {s.name for s in catalogue.by_month()} >= {"cs", "finance", "reconcile", "by-state"}
    assert all(any(p.kind == ParamKind.MONTH for p in spec.params) for spec in catalogue.by_month())


def test_the_month_load_holds_every_month_report(october):
    from refund_desk.reports.overview import load_month

    data = load_month(2026, 10, "zh")
    assert set(data.results) == {s.name for s in catalogue.by_month()}
    cs = data.results["cs"].tables[0]
    assert [r[2] for r in cs.rows] == [r.form_no for r in october]
    assert data.results["reconcile"].ok


COLUMNS = (
    Column("name", Text("名称", "Name")),
    Column("count", Text("笔数", "Count"), K.COUNT),
    Column("amount", Text("金额", "Amount"), K.MONEY),
    Column("rate", Text("比率", "Rate"), K.RATE),
)


def test_a_chart_plots_only_counts_hours_and_rates():
    rows = [("a", 1, Decimal("1.00"), 0.5)]
    Table("t", Text("表", "T"), COLUMNS, rows, charts=(Chart(ChartKind.BAR, "name", ("count",)),))
    for values in (("amount",), ("nothing",), ()):
        with pytest.raises(ValueError):
            Table(
                "t", Text("表", "T"), COLUMNS, rows, charts=(Chart(ChartKind.BAR, "name", values),)
            )
    with pytest.raises(ValueError):
        Table("t", Text("表", "T"), COLUMNS, rows, totals={"nothing": 1})
    with pytest.raises(ValueError):
        Table("t", Text("表", "T"), (*COLUMNS, COLUMNS[0]), rows)


def test_the_total_row_and_the_cells():
    rows = [("a", 2, Decimal("1234.50"), 0.25), ("b", 1, Decimal("0.10"), None)]
    table = Table(
        "t", Text("表", "T"), COLUMNS, rows, totals={"amount": Decimal("1234.60")}, count_in="name"
    )
    total = table.total_row()
    assert total[0] == ("2 笔", "2 refunds") and total[2] == Decimal("1234.60")
    kinds = [c.kind for c in COLUMNS]
    assert [cell_text(v, k, "zh") for v, k in zip(rows[0], kinds, strict=True)] == [
        "a",
        "2",
        "1,234.50",
        "25.0%",
    ]
    assert cell_text(None, K.RATE, "en") == "—" and cell_text(None, K.TEXT, "en") == ""
    at = dt.datetime(2026, 10, 5, 2, 3, tzinfo=dt.UTC)
    assert cell_text(at, K.TIME, "zh") == "2026-10-05 10:03"  # office time
    assert cell_text(Text("中", "mid"), K.COUNT, "en") == "mid"  # a word in any column
    without_count = Table("t", Text("表", "T"), COLUMNS, rows, totals={"count": 3})
    assert without_count.total_row()[0] == ("合计", "Total")
