"""The print log, the one-call print jobs the app uses, and `refund-desk print …`."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from refund_desk.domain.errors import NotFound
from refund_desk.domain.workflow import Action
from refund_desk.printing import jobs
from refund_desk.printing.refund_form import Cancelled
from refund_desk.store import db as dbmod
from refund_desk.store import handover, maintenance, printlog, queries, users
from refund_desk.store.actors import Actor
from refund_desk.store.models import AuditLog, PrintLog
from tests.conftest import build_demo, make_office

from .pdfcheck import assert_fonts_embedded, assert_has, pages_text

ROOT = Path(__file__).resolve().parents[2]


def printed() -> int:
    with dbmod.connection():
        return PrintLog.select().count()


def test_log_print_writes_the_log_and_an_audit_row(office):
    saved = office.new_refund()
    printlog.log_print(office["lead"], "refund", saved.form_no, saved.version)
    printlog.log_print(office["clerk"], "refund", saved.form_no, saved.version + 1)
    history = printlog.print_history(saved.form_no)
    assert [(h.printed_by, h.version, h.document) for h in history] == [
        ("Lead", saved.version, "refund"),
        ("Clerk", saved.version + 1, "refund"),
    ]
    assert printed() == 2
    with dbmod.connection():
        rows = list(AuditLog.select().where(AuditLog.action == "print"))
    assert [(r.actor, r.entity_id) for r in rows] == [
        ("lead", saved.form_no),
        ("clerk", saved.form_no),
    ]
    assert printlog.print_history("TD-NONE") == []
    assert maintenance.check().ok


def test_the_command_line_has_no_user_row_and_is_still_logged(office):
    saved = office.new_refund()
    cli = Actor.command_line()
    printlog.log_print(cli, "refund", saved.form_no, saved.version)
    assert printed() == 1
    [record] = printlog.print_history(saved.form_no)
    assert record.printed_by == cli.audit_name and record.version == saved.version


def test_unknown_document_is_refused(office):
    with pytest.raises(ValueError):
        printlog.log_print(office["lead"], "poster", "x", 1)


def test_print_jobs_render_and_log_preview_does_not(office):
    saved = office.carry(office.new_refund(), ("clerk", Action.SUBMIT, {"opinion": ""}))
    preview = jobs.refund_pdf(office["lead"], refund_id=saved.refund_id, log=False)
    assert printlog.print_history(saved.form_no) == []
    data = jobs.refund_pdf(office["lead"], form_no=saved.form_no.lower())
    assert_has(pages_text(data)[0], saved.form_no, f"版本 v{saved.version}", "打印人 Lead")
    assert pages_text(preview)[0].count(saved.form_no) == pages_text(data)[0].count(saved.form_no)
    [record] = printlog.print_history(saved.form_no)
    assert (record.printed_by, record.version) == ("Lead", saved.version)
    with pytest.raises(NotFound):
        jobs.refund_pdf(office["lead"], form_no="TD-0000-999999")


def test_batch_job_logs_every_form_once_and_nothing_when_cancelled(demo_office):
    office = demo_office
    ids = [r.id for r in queries.search(limit=4)]
    progress = []
    before = printed()
    data = jobs.refunds_pdf(office["lead1"], ids, progress=lambda d, t: progress.append((d, t)))
    assert progress[-1] == (4, 4)
    assert printed() == before + 4
    with pytest.raises(Cancelled):
        jobs.refunds_pdf(office["lead1"], ids, cancelled=lambda: True)
    assert printed() == before + 4
    texts = pages_text(data)
    for i in ids:
        assert any(queries.get_refund(i).form_no in page for page in texts)


def test_handover_job_uses_the_sheet_reference(office, tmp_path):
    now = dt.datetime.now(dt.UTC)
    sheet = handover.create_handover(office["clerk"], "day", now - dt.timedelta(hours=8), now)
    data = jobs.handover_pdf(office["clerk"], sheet.id)
    assert_has(pages_text(data)[0], f"交接单-{sheet.id}", f"版本 v{sheet.version}")
    assert [r.document for r in printlog.print_history(f"交接单-{sheet.id}")] == ["handover"]
    assert_fonts_embedded(data, tmp_path)


# --- the command line, run as a real process -----------------------------------------------


def run(*args, timeout: int = 120):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "refund_desk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


@pytest.fixture
def demo_db(sqlite_url):
    make_office(sqlite_url, build_demo, "demo")  # a copy of the session's demo database
    return sqlite_url


def test_cli_prints_a_refund_form(demo_db, tmp_path):
    row = queries.search(limit=1)[0]
    out = tmp_path / "form.pdf"
    result = run("--db", demo_db, "print", "refund", row.form_no, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.name in result.stdout
    assert_has(pages_text(out.read_bytes())[0], "退款申请表", row.form_no, row.order_no)
    assert all("演示数据" in page for page in pages_text(out.read_bytes()))  # a demo database
    assert_fonts_embedded(out.read_bytes(), tmp_path)
    assert [r.document for r in printlog.print_history(row.form_no)] == ["refund"]


def test_a_real_office_prints_no_demo_mark(office):
    saved = office.new_refund()
    data = jobs.refund_pdf(office["clerk"], refund_id=saved.refund_id)
    assert not any("演示数据" in page for page in pages_text(data))


def test_cli_prints_a_handover_sheet(demo_db, tmp_path):
    now = dt.datetime.now(dt.UTC)
    lead = Actor.from_user(users.get_user("lead2"))
    sheet = handover.create_handover(lead, "day", now - dt.timedelta(days=5), now)
    out = tmp_path / "sheet.pdf"
    result = run("--db", demo_db, "print", "handover", str(sheet.id), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert_has("".join(pages_text(out.read_bytes())), "客服部值班交接单", lead.display_name)


@pytest.mark.parametrize("kind,title", [("cs", "客服退单统计表"), ("finance", "财务退单统计表")])
def test_cli_prints_a_monthly_table(demo_db, tmp_path, kind, title):
    month = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    out = tmp_path / "stats.pdf"
    args = ("print", "stats", kind, "--month", f"{month:%Y-%m}", "-o", str(out))
    result = run("--db", demo_db, *args)
    assert result.returncode == 0, result.stderr
    pages = pages_text(out.read_bytes())
    assert_has(pages[0], title, "序号", "退单编号")
    assert_has(pages[-1], "合计", "审批人", f"第 {len(pages)} 页 共 {len(pages)} 页")
    assert_fonts_embedded(out.read_bytes(), tmp_path)


def test_cli_errors_are_one_line(demo_db, tmp_path):
    out = tmp_path / "x.pdf"
    missing = run("--db", demo_db, "print", "refund", "TD-1999-000001", "-o", str(out))
    assert missing.returncode == 1 and not out.exists()
    assert missing.stderr.strip().splitlines() == ["refund-desk: 找不到退款单“TD-1999-000001”。"]
    bad_month = run("--db", demo_db, "print", "stats", "cs", "--month", "2026-13", "-o", str(out))
    assert bad_month.returncode == 2
    assert "YYYY-MM" in bad_month.stderr and "Traceback" not in bad_month.stderr
    assert len(bad_month.stderr.strip().splitlines()) == 1


def test_a_scanned_printout_is_recognised_as_stale_after_a_change(office):
    saved = office.new_refund()
    meta = jobs.meta_for(office["clerk"], saved.form_no, saved.version)
    assert not jobs.printout_status(meta.qr_text()).stale
    office.carry(saved, ("clerk", Action.SUBMIT, {"opinion": ""}))
    status = jobs.printout_status(meta.qr_text())
    assert status.stale and status.printed_version == saved.version
    assert status.current_version == saved.version + 1
    now = dt.datetime.now(dt.UTC)
    sheet = handover.create_handover(office["clerk"], "day", now - dt.timedelta(hours=8), now)
    stamp = jobs.meta_for(office["clerk"], jobs.handover_ref(sheet.id), sheet.version)
    assert jobs.printout_status(stamp.qr_text()).current_version == sheet.version
    with pytest.raises(ValueError):
        jobs.printout_status("https://example.com/not-ours")
    unknown = jobs.meta_for(office["clerk"], "TD-1999-000001", 1)
    with pytest.raises(NotFound):
        jobs.printout_status(unknown.qr_text())
