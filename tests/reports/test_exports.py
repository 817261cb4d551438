"""The xlsx read back with openpyxl, and the `stats` command's JSON, xlsx and PDF."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import openpyxl
import pytest

from refund_desk import cli
from refund_desk.reports import analytics_report, monthly, xlsx
from refund_desk.store import monthly_reports

from .conftest import office_time


@pytest.fixture
def october(maker, office):
    rows = [
        maker.refund("128.50", "2026-10-05 10:00"),
        maker.refund("0.10", "2026-10-06 10:00"),
        maker.refund("12345.67", "2026-10-07 10:00"),
    ]
    s = monthly_reports.prepare(
        office["clerk"], "cs", "2026-10", at=office_time("2026-11-01 09:00")
    )
    monthly_reports.approve(office["lead"], "cs", "2026-10", s.version)
    return rows


def test_xlsx_read_back(october):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.workbook(monthly.table_report("cs", "2026-10"))))
    assert wb.sheetnames == ["客服退单统计表2026-10"]
    ws = wb.active
    assert ws["A1"].value == "客服退单统计表（2026-10）"
    header = {ws.cell(2, c).value: ws.cell(2, c + 1).value for c in (1, 4, 7, 10)}
    assert header == {
        "编号": "KF-2026-10",
        "部门": "客服部",
        "制表人": "Clerk",
        "制表日期": "2026-11-01",
    }
    assert [c.value for c in ws[4]] == [
        "序号",
        "提交日期",
        "退单编号",
        "订单号",
        "联系方式",
        "开户行",
        "金额",
        "提交人",
        "提交技术部时间",
        "提交财务时间",
        "财务反馈时间",
        "反馈用户时间",
        "备注",
    ]
    assert ws.freeze_panes == "A5"
    amounts = [Decimal(str(ws.cell(r, 7).value)).quantize(Decimal("0.01")) for r in (5, 6, 7)]
    assert amounts == [Decimal("128.50"), Decimal("0.10"), Decimal("12345.67")]
    assert all(ws.cell(r, 7).number_format == "#,##0.00" for r in (5, 6, 7, 8))
    assert ws.cell(8, 1).value == "合计" and ws.cell(8, 2).value == "3 笔"
    assert Decimal(str(ws.cell(8, 7).value)).quantize(Decimal("0.01")) == Decimal("12474.27")
    assert (ws.cell(10, 1).value, ws.cell(10, 2).value) == ("审批人", "Lead")
    # every column is at least as wide as its widest text (CJK counts double)
    for col in range(1, 14):
        letter = openpyxl.utils.get_column_letter(col)
        widest = max(xlsx._width(ws.cell(r, col).value) for r in range(4, 8))
        assert ws.column_dimensions[letter].width >= widest


def test_finance_xlsx_has_the_finance_columns(october):
    report = monthly.table_report("finance", "2026-10")
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.workbook(report))).active
    assert ws.title == "财务退单统计表2026-10"
    assert [c.value for c in ws[4]][7:11] == ["出纳核实", "会计复核", "财务总监审核", "反馈客服"]
    assert ws.cell(5, 8).value == "Cashier 10-05 10:40"


def test_cli_json(october, office, capsys):
    code = cli.main(["--db", office.url, "stats", "cs", "--month", "2026-10", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == {"count": 3, "amount": "12474.27"}
    assert [r["amount"] for r in out["rows"]] == ["128.50", "0.10", "12345.67"]
    assert out["rows"][0]["form_no"] == october[0].form_no
    assert out["approved_by"] == "Lead" and out["number"] == "KF-2026-10"
    assert [label for _, label in out["columns"]][-1] == "备注"


def test_cli_xlsx_and_pdf(october, office, tmp_path, capsys):
    from pypdf import PdfReader

    book, pdf = tmp_path / "cs.xlsx", tmp_path / "cs.pdf"
    argv = ["--db", office.url, "stats", "cs", "--month", "2026-10"]
    assert cli.main([*argv, "--xlsx", str(book), "--pdf", str(pdf)]) == 0
    ws = openpyxl.load_workbook(book).active
    assert ws.cell(5, 3).value == october[0].form_no
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "客服退单统计表" in text and october[2].form_no in text
    assert "12,474.27" in text


def test_cli_reconcile_exit_code(october, office, capsys):
    assert cli.main(["--db", office.url, "stats", "reconcile", "--month", "2026-10"]) == 0
    assert "差异 0 处" in capsys.readouterr().out


def test_cli_bad_month(office, capsys):
    with pytest.raises(SystemExit):
        cli.main(["--db", office.url, "stats", "cs", "--month", "2026-13"])
    assert "YYYY-MM" in capsys.readouterr().err


def test_analytics_workbook(october):
    import datetime as dt

    report = analytics_report.report(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.workbook(report)))
    assert wb.sheetnames == [
        "汇总",
        "故障现象",
        "开户行",
        "当前环节",
        "各环节用时",
        "时限达标",
        "超时明细",
        "趋势",
    ]
    assert wb["汇总"]["B3"].value == 3
    assert wb["开户行"]["A2"].value == "中国工商银行"
    assert wb["开户行"]["C2"].number_format == "#,##0.00"
    assert len(wb["开户行"]._charts) == 1 and len(wb["汇总"]._charts) == 0


def test_cli_adjust_and_analytics_json(october, office, capsys, monkeypatch):
    import datetime as dt
    import sys

    from refund_desk.store import db as dbmod
    from refund_desk.store.models import Adjustment

    monkeypatch.setattr(sys, "stdin", io.StringIO("demo-pass\n"))
    argv = ["--db", office.url, "stats", "adjust", october[0].form_no.lower()]
    assert cli.main([*argv, "--amount", "-8.50", "--reason", "手续费", "--user", "cashier"]) == 0
    assert "-8.50" in capsys.readouterr().out
    with dbmod.connection():
        assert [a.amount_fen for a in Adjustment.select()] == [-850]
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo-pass\n"))
    assert cli.main([*argv, "--amount", "abc", "--reason", "x", "--user", "cashier"]) == 1
    assert "金额" in capsys.readouterr().err
    code = cli.main(
        ["--db", office.url, "stats", "analytics", "--from", "2026-10-01", "--to", "2026-10-31"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["count"], out["amount"], out["paid"]) == (3, "12474.27", 3)
    assert out["by_bank"] == [{"key": "icbc", "count": 3, "amount": "12474.27"}]
    assert dt.date.fromisoformat(out["from"]) == dt.date(2026, 10, 1)


def test_cli_reconcile_json_lists_the_difference(october, office, capsys):
    from refund_desk.store import db as dbmod
    from refund_desk.store.models import Refund

    with dbmod.write():
        Refund.update(finance_submitted_at=None).where(Refund.id == october[1].refund_id).execute()
    code = cli.main(["--db", office.url, "stats", "reconcile", "--month", "2026-10", "--json"])
    assert code == 1
    out = json.loads(capsys.readouterr().out)
    assert [(d["kind"], d["form_no"]) for d in out["differences"]] == [
        ("cs_only", october[1].form_no)
    ]
    assert (out["cs_count"], out["finance_count"], out["matched"]) == (3, 2, 2)
