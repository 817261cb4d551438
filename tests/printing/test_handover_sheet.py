import datetime as dt

from refund_desk.domain.sla import OFFICE_TZ
from refund_desk.domain.workflow import Action, State
from refund_desk.printing.handover import render_handover
from refund_desk.printing.meta import PrintMeta
from refund_desk.store import handover
from tests.conftest import forward

from .pdfcheck import assert_fonts_embedded, assert_has, pages_text, save_pngs, squash

TO_FINANCE = forward(State.CASHIER_CHECK, blank=True)
LABELS = (
    "客服部值班交接单",
    "填表时间",
    "交接人",
    "接交人",
    "班次",
    "白班",
    "中班",
    "考勤",
    "应到值班人员",
    "实到值班人员",
    "迟到人员",
    "早退人员",
    "旷工人员",
    "完成工作明细",
    "需其他人员跟进交接明细",
    "退款单统计",
    "财务已处理的订单",
    "已提交财务的订单",
    "财务退回的订单",
    "文件编号",
    "手机号",
    "银行",
    "处理结果",
    "退回原因",
    "卫生是否打扫",
    "相关责任人签字确认",
)


ATTENDANCE = {
    "expected": "甲、乙、丙",
    "present": "甲、乙",
    "late": "",
    "left_early": "",
    "absent": "丙",
}


def meta(sheet):
    return PrintMeta(f"交接单-{sheet.id}", sheet.version, dt.datetime.now(dt.UTC), "张伟")


def local(at):
    return at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")


def test_every_item_the_three_lists_and_the_signatures_are_printed(office, tmp_path):
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    paid = office.carry(
        office.new_refund(amount="10.00", phone="13700001111", bank="boc"),
        *TO_FINANCE,
        ("cashier", Action.CASHIER_APPROVE),
        ("accountant", Action.ACCOUNTANT_APPROVE),
        ("director", Action.DIRECTOR_APPROVE),
        ("cashier", Action.PAY, {"opinion": ""}),
    )
    back = office.carry(
        office.new_refund(amount="20.00", phone="13700002222"),
        *TO_FINANCE,
        ("cashier", Action.SEND_BACK, {"target": State.CS_SUBMIT, "reason": "资料不全"}),
    )
    sheet = handover.create_handover(
        office["clerk"], "middle", start, dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    )
    sheet = handover.save_handover(
        office["clerk"],
        sheet.id,
        sheet.version,
        ATTENDANCE,
        ["接听来电 42 个", f"录入退款单 {paid.form_no}"],
        [f"{back.form_no} 被财务退回（资料不全），下一班补资料后重新提交"],
        {paid.form_no: "客户已知晓"},
        True,
    )
    sheet = handover.sign_handover(office["clerk"], sheet.id, sheet.version)
    sheet = handover.confirm_handover(sheet.id, sheet.version, "clerk2", "demo-pass")
    data = render_handover(sheet, meta(sheet))
    text = "".join(pages_text(data))
    assert_has(text, *LABELS)
    assert_has(
        text,
        "■中班",
        "□白班",
        "■是",
        "□否",
        "甲、乙、丙",
        "甲、乙",
        "丙",
        "1.接听来电 42 个",
        f"2.录入退款单 {paid.form_no}",
        f"1.{back.form_no} 被财务退回（资料不全），下一班补资料后重新提交",
        paid.form_no,
        "13700001111",
        "10.00",
        "中国银行",
        "已退款",
        "客户已知晓",
        back.form_no,
        "13700002222",
        "20.00",
        "资料不全",
        sheet.handed_by,
        sheet.taken_by,
        local(sheet.filled_at),
        local(sheet.shift_start),
        local(sheet.shift_end),
        local(sheet.signed_at),
        local(sheet.confirmed_at),
        f"交接单-{sheet.id}",
        f"版本 v{sheet.version}",
    )
    # the late and left-early lines were left empty: the sheet says 无
    assert squash(text).count("无") >= 2
    assert_fonts_embedded(data, tmp_path)
    save_pngs(data, "handover")


def test_an_empty_sheet_prints_none_everywhere(office):
    now = dt.datetime.now(dt.UTC)
    later = now + dt.timedelta(days=30)
    sheet = handover.create_handover(office["lead"], "day", later, later + dt.timedelta(hours=8))
    text = "".join(pages_text(render_handover(sheet, meta(sheet))))
    assert_has(text, *LABELS, "■白班", "□中班", "□是", "□否")
    # attendance (5), two lists, three refund lists
    assert squash(text).count("无") >= 10


def test_a_long_follow_up_list_continues_numbered_on_further_pages(office, tmp_path):
    now = dt.datetime.now(dt.UTC)
    sheet = handover.create_handover(office["lead"], "day", now - dt.timedelta(hours=8), now)
    said = "客户回电确认退款到账情况，并记录处理环节与下一步。"
    items = [f"跟进事项{i}：{said * 3}" for i in range(1, 61)]
    sheet = handover.save_handover(
        office["lead"], sheet.id, sheet.version, {}, ["无"], items, {}, False
    )
    data = render_handover(sheet, meta(sheet))
    pages = pages_text(data)
    assert len(pages) >= 3
    flat = squash("".join(pages))
    for number, item in enumerate(items, start=1):
        assert squash(f"{number}.{item}") in flat
    for number, page in enumerate(pages, start=1):
        assert_has(page, f"第 {number} 页 共 {len(pages)} 页", f"交接单-{sheet.id}")
    # where the list runs on, the section says so
    assert_has(pages[1], "需其他人员跟进交接明细（续）")
    assert_fonts_embedded(data, tmp_path)
    save_pngs(data, "handover_long")
