import datetime as dt
from decimal import Decimal

import pytest

from refund_desk.printing import stats
from refund_desk.printing.meta import PrintMeta
from refund_desk.printing.stats import render_stats
from refund_desk.reports.sheet import StatsLine, StatsSheet

from .pdfcheck import assert_fonts_embedded, assert_has, pages_text, save_pngs, squash

NOW = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


def line(kind: str, seq: int) -> StatsLine:
    common = {
        "seq": seq,
        "submitted_on": f"2026-11-{seq % 28 + 1:02d}",
        "form_no": f"TD-2026-{seq:06d}",
        "order_no": f"TK2026{seq:06d}",
        "bank": "中国工商银行",
        "amount": Decimal("128.50") + seq,
        "submitted_by": "王小丽",
        "note": "已退款" if seq % 7 else "未入帐",
    }
    if kind == "cs":
        return StatsLine(
            **common,
            contact=f"139{seq:08d}",
            to_tech_at="11-02 09:10",
            to_finance_at="11-02 10:05",
            finance_answered_at="11-02 15:40",
            customer_told_at="11-02 16:00",
        )
    return StatsLine(
        **common,
        cashier_checked="赵敏 11-02 11:00",
        accountant_reviewed="孙浩 11-02 12:00",
        director_approved="吴刚 11-02 13:00",
        cs_told="11-02 15:40",
    )


def sheet(kind: str, count: int, approved_by: str = "张伟") -> StatsSheet:
    lines = [line(kind, i) for i in range(1, count + 1)]
    return StatsSheet(
        kind=kind,
        month="2026-11",
        number=f"{'KF' if kind == 'cs' else 'CW'}-2026-11",
        prepared_by="李娜",
        prepared_on=dt.date(2026, 12, 1),
        approved_by=approved_by,
        lines=lines,
        total_count=len(lines),
        total_amount=sum((x.amount for x in lines), Decimal("0.00")),
        version=3,
    )


def meta(s: StatsSheet) -> PrintMeta:
    return PrintMeta(s.number, s.version, NOW, "冯雪")


@pytest.mark.parametrize("kind", ["cs", "finance"])
def test_the_seed_columns_totals_and_signatures(kind, tmp_path):
    s = sheet(kind, 5)
    data = render_stats(s, meta(s))
    pages = pages_text(data)
    assert len(pages) == 1
    text = pages[0]
    title = {"cs": "客服退单统计表", "finance": "财务退单统计表"}[kind]
    dept = {"cs": "客服部", "finance": "财务部"}[kind]
    assert_has(text, title, f"编号：{s.number}", f"部门：{dept}", "制表人：李娜")
    assert_has(text, "制表日期：2026 年 12 月 01 日", "合计", "共 5 笔", "审批人", "张伟")
    assert_has(text, *(c.label.zh for c in stats.COLUMNS[kind]))
    for x in s.lines:
        values = [getattr(x, c.name) for c in stats.COLUMNS[kind] if c.name != "amount"]
        assert_has(text, *(str(v) for v in values if v), f"{x.amount:,.2f}")
    assert_has(text, f"{s.total_amount:,.2f}", "第 1 页 共 1 页", "版本 v3", "打印人 冯雪")
    other = stats.COLUMNS["finance" if kind == "cs" else "cs"]
    own = {c.label.zh for c in stats.COLUMNS[kind]}
    for column in other:
        if column.label.zh not in own:
            assert column.label.zh not in text
    assert_fonts_embedded(data, tmp_path)
    save_pngs(data, f"stats_{kind}")


@pytest.mark.parametrize("kind", ["cs", "finance"])
def test_a_month_of_300_refunds_repeats_the_header_and_numbers_pages(kind, tmp_path):
    s = sheet(kind, 300, approved_by="")
    data = render_stats(s, meta(s))
    pages = pages_text(data)
    assert len(pages) >= 5
    first_column_labels = [c.label.zh for c in stats.COLUMNS[kind]]
    for number, page in enumerate(pages, start=1):
        assert_has(page, *first_column_labels)  # the header row on every page
        assert_has(page, f"第 {number} 页 共 {len(pages)} 页", s.number)
    flat = squash("".join(pages))
    for x in s.lines:
        assert x.form_no in flat
    # 合计 and the approval come once, at the end
    assert "合计" not in "".join(pages[:-1])
    assert_has(pages[-1], "合计", "共 300 笔", f"{s.total_amount:,.2f}", "审批人")
    assert_fonts_embedded(data, tmp_path)
    save_pngs(data, f"stats_{kind}_300")


def test_an_empty_month_still_prints_its_frame():
    s = sheet("cs", 0)
    text = "".join(pages_text(render_stats(s, meta(s))))
    assert_has(text, "客服退单统计表", "合计", "共 0 笔", "0.00", "审批人")
