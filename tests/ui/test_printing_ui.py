"""Print and print preview from the tabs: the PDF read back, pages sent to a PDF-file printer,
a batch with its progress dialog and Cancel, and the print log (a print, never a preview)."""

from __future__ import annotations

import datetime as dt
import io
import os
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton

from refund_desk.domain.workflow import Action
from refund_desk.reports import monthly
from refund_desk.store import handover
from refund_desk.store.printlog import print_history
from refund_desk.ui import printing
from refund_desk.ui.handover_tab import HandoverTab
from refund_desk.ui.queue_tab import QueueTab
from refund_desk.ui.refund_tab import RefundTab
from refund_desk.ui.search_tab import SearchTab
from refund_desk.ui.statistics import StatisticsTab

from .conftest import idle


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def pdf_printer(tmp_path, monkeypatch):
    """Qt's print dialog answered at once with a printer that writes a PDF file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    asked = []

    def choose(parent, title, then):
        asked.append(parent)
        printer.setDocName(title)
        then(printer)

    monkeypatch.setattr(printing, "choose_printer", choose)
    printer.asked = asked
    return printer


@pytest.fixture
def raster_printer(pdf_printer, monkeypatch):
    """The same printer treated as paper: each page rendered and painted onto it."""
    monkeypatch.setattr(printing, "to_pdf_file", lambda printer: False)
    return pdf_printer


def printed_text(printer: QPrinter) -> str:
    with open(printer.outputFileName(), "rb") as f:
        return pdf_text(f.read())


def printed_pages(printer: QPrinter) -> int:
    with open(printer.outputFileName(), "rb") as f:
        return len(PdfReader(f).pages)


def finished(qtbot, run: printing.PrintRun, outcome: str, timeout: int = 30000) -> None:
    qtbot.waitUntil(lambda: run.outcome != "", timeout=timeout)
    assert run.outcome == outcome


def submitted(office):
    return office.carry(office.new_refund(), ("clerk", Action.SUBMIT))


def open_form(qtbot, make_ctx, saved) -> RefundTab:
    tab = RefundTab(make_ctx("clerk"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    assert not tab.form.printButton.isEnabled()  # a new, unsaved form has nothing to print
    tab.open_refund(saved.refund_id)
    idle(qtbot, tab.ctx.worker)
    assert tab.form.previewButton.isEnabled() and tab.form.printButton.isEnabled()
    return tab


def test_preview_shows_the_form_in_the_app_and_is_not_logged(qtbot, make_ctx, sqlite_office):
    saved = sqlite_office.new_refund()  # a draft: the clerk may still correct it
    tab = open_form(qtbot, make_ctx, saved)
    run = tab.preview()
    finished(qtbot, run, "previewed")
    dialog = run.preview
    assert isinstance(dialog, printing.PreviewDialog) and dialog.isVisible()
    data = dialog.pdf.read_bytes()
    assert saved.form_no in pdf_text(data) and "退款申请表" in pdf_text(data)
    assert dialog.document.pageCount() == len(PdfReader(io.BytesIO(data)).pages) >= 1
    assert dialog.view.document() is dialog.document
    assert print_history(saved.form_no) == []
    path = dialog.pdf
    # unsaved corrections are not printed: the paper would not match the screen
    tab.fields.edited.emit("phone")
    assert tab.preview() is None and tab.print_form() is None
    assert tab.form.notice.text() == "请先保存修改（Ctrl+S）。"
    dialog.close()
    qtbot.waitUntil(lambda: not path.exists())  # the temporary file goes with the dialog


def test_print_to_file_writes_the_form_itself_and_logs_the_version(
    qtbot, make_ctx, sqlite_office, pdf_printer
):
    saved = submitted(sqlite_office)
    tab = open_form(qtbot, make_ctx, saved)
    tab.form.printButton.click()
    run = tab.findChildren(printing.PrintRun)[-1]
    finished(qtbot, run, "printed")
    assert pdf_printer.asked == [tab]
    assert printed_pages(pdf_printer) == run.pages_sent == 1
    assert saved.form_no in printed_text(pdf_printer)  # vector text, not a picture of it
    history = print_history(saved.form_no)
    assert [(h.document, h.version, h.printed_by) for h in history] == [
        ("refund", saved.version, "Clerk")
    ]


def test_print_to_paper_renders_each_page_onto_the_printer(
    qtbot, make_ctx, sqlite_office, raster_printer
):
    saved = submitted(sqlite_office)
    tab = open_form(qtbot, make_ctx, saved)
    run = tab.print_form()
    finished(qtbot, run, "printed")
    assert printed_pages(raster_printer) == run.pages_sent == 1
    with open(raster_printer.outputFileName(), "rb") as f:
        page = PdfReader(f).pages[0]
        assert page.mediabox.width < page.mediabox.height  # A4 portrait
        (image,) = page.images
        assert image.image.width >= 2400  # about 300 dpi across A4
        assert image.image.convert("L").getextrema()[0] < 64  # ink on the page
    assert len(print_history(saved.form_no)) == 1
    assert not run.pdf.exists()  # the temporary copy is gone


def test_preview_then_print_from_the_preview_logs_only_the_print(
    qtbot, make_ctx, sqlite_office, pdf_printer
):
    saved = submitted(sqlite_office)
    tab = open_form(qtbot, make_ctx, saved)
    tab.form.previewButton.click()
    preview = tab.findChildren(printing.PrintRun)[-1]
    finished(qtbot, preview, "previewed")
    assert print_history(saved.form_no) == []
    preview.preview.print_button.click()
    run = tab.findChildren(printing.PrintRun)[-1]
    assert run is not preview
    finished(qtbot, run, "printed")
    assert len(print_history(saved.form_no)) == 1


def select_all(qtbot, tab) -> None:
    table = tab.form.table
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(tab.proxy.rowCount()):
        table.selectionModel().select(tab.proxy.index(row, 0), flags)


def lead_queue(qtbot, make_ctx, office, n: int = 3):
    forms = [submitted(office) for _ in range(n)]
    tab = QueueTab(make_ctx("lead"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    assert tab.proxy.rowCount() == n
    return tab, forms


def test_batch_print_of_queue_rows_is_one_pdf_with_progress(
    qtbot, make_ctx, sqlite_office, raster_printer, monkeypatch
):
    reported = []
    original = printing.PrintRun.report

    def report(self, done, total):
        reported.append((done, total))
        original(self, done, total)

    monkeypatch.setattr(printing.PrintRun, "report", report)
    tab, forms = lead_queue(qtbot, make_ctx, sqlite_office)
    assert tab.print_selected() is None  # nothing selected yet
    assert tab.form.counts.text() == "请先选择要打印的退款单。"
    select_all(qtbot, tab)
    tab.form.batchPrintButton.click()
    run = tab.findChildren(printing.PrintRun)[-1]
    finished(qtbot, run, "printed")
    assert reported[0] == (0, 3) and reported[-1] == (3, 3)
    assert run.dialog.value() == run.dialog.maximum() == 100
    assert not run.dialog.isVisible()
    assert printed_pages(raster_printer) == run.pages_sent >= 3
    for form in forms:
        assert [h.version for h in print_history(form.form_no)] == [form.version]


def test_cancel_mid_batch_leaves_no_file_and_no_log(
    qtbot, make_ctx, sqlite_office, pdf_printer, monkeypatch
):
    gate, reached = threading.Event(), threading.Event()
    original = printing.PrintRun.report

    def report(self, done, total):  # on the worker: hold after the first form
        original(self, done, total)
        if done == 1:
            reached.set()
            gate.wait(20)

    monkeypatch.setattr(printing.PrintRun, "report", report)
    tab, forms = lead_queue(qtbot, make_ctx, sqlite_office)
    select_all(qtbot, tab)
    run = tab.print_selected()
    qtbot.waitUntil(reached.is_set, timeout=20000)
    qtbot.waitUntil(lambda: run.dialog.value() == 30)  # one form of three shown
    cancel = run.dialog.findChild(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()
    gate.set()
    finished(qtbot, run, "cancelled")
    assert not run.dialog.isVisible()
    assert run.pdf is None and run.pages_sent == 0
    assert not _exists(pdf_printer.outputFileName())
    for form in forms:
        assert print_history(form.form_no) == []


def _exists(path: str) -> bool:
    return os.path.exists(path)


def test_search_prints_the_selected_rows(qtbot, make_ctx, sqlite_office, pdf_printer):
    forms = [submitted(sqlite_office) for _ in range(2)]
    tab = SearchTab(make_ctx("clerk"))
    qtbot.addWidget(tab)
    tab.search()
    idle(qtbot, tab.ctx.worker)
    select_all(qtbot, tab)
    assert sorted(tab.selected_ids()) == sorted(f.refund_id for f in forms)
    tab.form.batchPrintButton.click()
    run = tab.findChildren(printing.PrintRun)[-1]
    finished(qtbot, run, "printed")
    assert printed_pages(pdf_printer) >= 2
    assert all(f.form_no in printed_text(pdf_printer) for f in forms)
    assert all(len(print_history(f.form_no)) == 1 for f in forms)


def test_handover_sheet_preview_and_print(qtbot, make_ctx, sqlite_office, pdf_printer):
    now = dt.datetime.now(dt.UTC)
    sheet = handover.create_handover(
        sqlite_office["clerk"], "day", now - dt.timedelta(hours=4), now + dt.timedelta(hours=4)
    )
    tab = HandoverTab(make_ctx("clerk"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    assert tab.view is not None and tab.view.id == sheet.id
    assert tab.form.previewButton.isEnabled()
    run = tab.preview()
    finished(qtbot, run, "previewed")
    text = pdf_text(run.preview.pdf.read_bytes())
    assert "值班交接单" in text and "交接人" in text
    run.preview.close()
    tab.form.printButton.click()
    run = tab.findChildren(printing.PrintRun)[-1]
    finished(qtbot, run, "printed")
    assert printed_pages(pdf_printer) >= 1
    assert [h.document for h in print_history(f"交接单-{sheet.id}")] == ["handover"]


def test_statistics_tables_preview_and_print(qtbot, make_ctx, sqlite_office, raster_printer):
    submitted(sqlite_office)
    tab = StatisticsTab(make_ctx("lead"))
    qtbot.addWidget(tab)
    idle(qtbot, tab.ctx.worker)
    panel = tab.panels["finance"]
    assert panel.buttons["preview"].text() == "打印预览"
    run = tab.views["finance"].print_report(to_printer=False)
    finished(qtbot, run, "previewed")
    assert "财务退单统计表" in pdf_text(run.preview.pdf.read_bytes())
    run.preview.close()
    tab.panels["cs"].buttons["print"].click()
    run = tab.findChildren(printing.PrintRun)[-1]
    finished(qtbot, run, "printed")
    with open(raster_printer.outputFileName(), "rb") as f:
        page = PdfReader(f).pages[0]
        assert page.mediabox.width > page.mediabox.height  # the wide table stays landscape
    ref = monthly.sheet_number("cs", monthly.month_key(tab.year, tab.month))
    assert [h.document for h in print_history(ref)] == ["stats_cs"]


def test_a_failed_job_says_so_and_prints_nothing(qtbot, make_ctx, sqlite_office, pdf_printer):
    saved = submitted(sqlite_office)
    tab = open_form(qtbot, make_ctx, saved)
    run = printing.print_document(
        tab, tab.ctx, printing.refund_job(tab.ctx, saved.refund_id + 999), "x"
    )
    finished(qtbot, run, "failed")
    assert run.pages_sent == 0 and not _exists(pdf_printer.outputFileName())


class UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_the_preview_opens_the_pdf_in_the_system_viewer(qtbot, make_ctx, sqlite_office):
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        saved = submitted(sqlite_office)
        tab = open_form(qtbot, make_ctx, saved)
        run = tab.preview()
        finished(qtbot, run, "previewed")
        run.preview.external_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in catcher.urls] == [str(run.pdf)]
    assert saved.form_no in pdf_text(run.pdf.read_bytes())
    run.preview.close()


def test_a_page_range_prints_only_those_pages(qtbot, make_ctx, sqlite_office, pdf_printer):
    """A page range cannot be a copy of the file: the chosen pages are rendered."""
    tab, _forms = lead_queue(qtbot, make_ctx, sqlite_office)
    pdf_printer.setPrintRange(QPrinter.PrintRange.PageRange)
    pdf_printer.setFromTo(2, 3)
    select_all(qtbot, tab)
    run = tab.print_selected()
    finished(qtbot, run, "printed")
    assert printed_pages(pdf_printer) == run.pages_sent == 2
    assert printed_text(pdf_printer).strip() == ""  # pictures of pages, not the file


def print_to_file(dialog: QPrintDialog, path) -> None:
    """Whatever printers this machine has, the dialog's own "Print to File (PDF)": the last
    entry of its printer list (the only one where there is no printer)."""
    printers = dialog.findChild(QComboBox, "printers")
    printers.setCurrentIndex(printers.count() - 1)
    output = dialog.findChild(QLineEdit, "filename")
    assert output.isEnabled()  # a file is asked for only when printing to one
    output.setText(str(path))


def test_the_print_dialog_names_the_file_after_the_form(qtbot, make_ctx, sqlite_office, tmp_path):
    saved = submitted(sqlite_office)
    tab = open_form(qtbot, make_ctx, saved)
    run = tab.print_form()
    dialog = tab.findChild(QPrintDialog)
    assert dialog.isVisible() and run.outcome == ""
    assert dialog.printer().docName() == f"退款申请表 {saved.form_no}"
    print_to_file(dialog, tmp_path)  # a folder is no file: the person is told so
    dialog.accept()
    finished(qtbot, run, "failed")
    box = tab.findChild(QMessageBox)
    assert box.text().startswith(f"无法写入 {tmp_path}") and box.isVisible()
    assert len(print_history(saved.form_no)) == 1  # the job ran: printing was asked for
    run = tab.print_form()
    dialog = tab.findChildren(QPrintDialog)[-1]
    print_to_file(dialog, tmp_path / "chosen.pdf")
    dialog.accept()
    finished(qtbot, run, "printed")
    assert saved.form_no in pdf_text((tmp_path / "chosen.pdf").read_bytes())
    assert len(print_history(saved.form_no)) == 2
