"""Print and print preview for every tab. The PDF is built on the worker (it reads the database
and writes the print log); the GUI thread only shows it (QPdfView) or sends its pages to the
printer chosen in Qt's print dialog, one page per turn of the event loop.

A preview is never logged. A print is logged once the person has chosen a printer: the job that
builds the PDF writes the log rows, then the pages go out. A batch shows a progress dialog whose
Cancel stops the build before anything is logged or printed."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import RefundDeskError
from .context import AppContext
from .messages import notify


def _jobs():
    """The PDF builders (reportlab), loaded on the first print rather than at start-up."""
    from ..printing import jobs

    return jobs


def _cancelled() -> type[Exception]:
    from ..printing.refund_form import Cancelled

    return Cancelled


Job = Callable[[bool], bytes]  # job(log) -> PDF bytes; runs on the worker
RENDER_DPI = 300  # enough for text on paper; HighResolution printers report 1200
CANCELLED = object()  # what a stopped batch returns instead of raising through the worker
BUILD_SHARE = 90  # percent of the progress bar for building the PDF; the rest is sending


def choose_printer(parent: QWidget, title: str, then: Callable[[QPrinter], None]) -> QPrintDialog:
    """Qt's print dialog; `then(printer)` once the person presses Print (tests replace this)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the forms' paper, not Letter
    printer.setDocName(title)  # the print queue's name for it, and the file name offered
    dialog = QPrintDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: then(printer))
    QDialog.open(dialog)  # PySide's QPrintDialog.open wants a receiver: use QDialog's
    return dialog


def write_temp(data: bytes, name: str) -> Path:
    """The PDF as a temporary file (QPdfDocument and the system viewer read files)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60]
    fd, path = tempfile.mkstemp(prefix=f"refund-desk-{safe}-", suffix=".pdf")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return Path(path)


def _remove(path: Path) -> None:
    # Still open in a viewer on Windows: the temp folder is cleaned later.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def to_pdf_file(printer: QPrinter) -> bool:
    """Print to file, every page: the PDF itself is the best copy (vector text, small)."""
    return (
        printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        and bool(printer.outputFileName())
        and printer.printRange() != QPrinter.PrintRange.PageRange
    )


def page_count(pdf: Path) -> int:
    document = QPdfDocument()
    document.load(str(pdf))
    count = document.pageCount()
    document.close()
    return count


def send_pages(printer: QPrinter, pdf: Path) -> Iterator[tuple[int, int]]:
    """Paint each page of `pdf` onto `printer`, yielding (pages sent, page count) after each, so
    the caller can give the event loop a turn between pages."""
    document = QPdfDocument()
    document.load(str(pdf))
    count = document.pageCount()
    if count <= 0:
        raise OSError(
            QCoreApplication.translate("Printing", "The PDF could not be read for printing.")
        )
    first = document.pagePointSize(0)
    landscape = first.width() > first.height()
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)  # the PDF carries its own margins
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise OSError(QCoreApplication.translate("Printing", "The printer could not be started."))
    pages = range(count)
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = range(printer.fromPage() - 1, min(printer.toPage() or count, count))
    try:
        dpi = min(printer.resolution(), RENDER_DPI)
        for sent, page in enumerate(pages):
            if sent:
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, pixels)
            area = QRectF(painter.viewport())
            scale = min(area.width() / pixels.width(), area.height() / pixels.height())
            target = QRectF(0, 0, pixels.width() * scale, pixels.height() * scale)
            target.moveCenter(area.center())
            painter.drawImage(target, image)
            yield sent + 1, len(pages)
    finally:
        painter.end()
        document.close()


class PreviewDialog(QDialog):
    """The PDF in the app, page after page, fitted to the width; Print builds a logged copy."""

    def __init__(self, pdf: Path, title: str, on_print: Callable[[], None] | None, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            QCoreApplication.translate("Printing", "Print preview — {title}").format(title=title)
        )
        self.pdf = pdf
        self.view = QPdfView(self)
        # Made after the view, so deleted after it: the view (and its page renderer) goes
        # first, then the document, then the file the document held open.
        self.document = QPdfDocument(self)
        self.document.destroyed.connect(lambda _=None: _remove(pdf))
        self.document.load(str(pdf))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(
            QCoreApplication.translate("Printing", "{n} page(s)").format(
                n=self.document.pageCount()
            ),
            self,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.print_button: QPushButton | None = None
        if on_print is not None:
            self.print_button = buttons.addButton(
                QCoreApplication.translate("Printing", "Print…"),
                QDialogButtonBox.ButtonRole.ActionRole,
            )
            self.print_button.clicked.connect(lambda: (self.accept(), on_print()))
        self.external_button = external = buttons.addButton(
            QCoreApplication.translate("Printing", "Open in PDF viewer"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        external.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf))))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()  # a laptop's 768 lines included
        self.resize(min(860, screen.width() * 9 // 10), min(1000, screen.height() * 9 // 10))


class PrintRun(QObject):
    """One press of a print button, from the worker's PDF to the screen or the printer.
    `outcome` ends as "previewed", "printed", "cancelled" or "failed"."""

    progressed = Signal(int, int)  # emitted on the worker thread; shown on the GUI thread
    finished = Signal(str)  # the outcome

    def __init__(self, parent: QWidget, ctx: AppContext, title: str):
        super().__init__(parent)
        self.widget, self.ctx, self.title = parent, ctx, title
        self.outcome = ""
        self.pdf: Path | None = None
        self.pages_sent = 0
        self.preview: PreviewDialog | None = None
        self.dialog: QProgressDialog | None = None
        self.stop = threading.Event()  # set on the GUI thread, read on the worker
        self.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    # --- the job on the worker ----------------------------------------------------------
    def _submit(self, fn: Callable[[], bytes], on_done: Callable[[bytes], None]) -> None:
        def guarded() -> object:
            try:
                return fn()
            except _cancelled():
                return CANCELLED

        def done(result: object) -> None:
            if result is CANCELLED:
                self._finish("cancelled")
            else:
                on_done(result)

        self.ctx.worker.submit(guarded, on_done=done, on_error=self._failed)

    def report(self, done: int, total: int) -> None:
        """The job's progress callback: runs on the worker, so it only emits."""
        self.progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self.stop.is_set()

    # --- what the person sees -----------------------------------------------------------
    def show_progress_dialog(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(
            label, QCoreApplication.translate("Printing", "Cancel"), 0, 100, self.widget
        )
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(360)
        dialog.canceled.connect(self._cancel)
        dialog.setValue(0)
        dialog.show()
        self.dialog = dialog
        return dialog

    def _cancel(self) -> None:
        self.stop.set()

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is None or self.stop.is_set() or not total:
            return
        self.dialog.setValue(done * BUILD_SHARE // total)
        text = QCoreApplication.translate("Printing", "Preparing form {done} of {total}…")
        self.dialog.setLabelText(text.format(done=min(done + 1, total), total=total))

    def _failed(self, error: RefundDeskError | Exception) -> None:
        text = error.text() if isinstance(error, RefundDeskError) else str(error)
        notify(self.widget, self.title, text, warning=True)
        self._finish("failed")

    def _finish(self, outcome: str) -> None:
        self.outcome = outcome
        if self.dialog is not None:
            if outcome == "printed":
                self.dialog.setValue(100)
            self.dialog.hide()
        self.finished.emit(outcome)

    # --- preview ------------------------------------------------------------------------
    def start_preview(self, job: Job, on_print: Callable[[], None] | None) -> None:
        self._submit(lambda: job(False), lambda data: self._previewed(data, on_print))

    def _previewed(self, data: bytes, on_print: Callable[[], None] | None) -> None:
        self.pdf = write_temp(data, self.title)
        self.preview = PreviewDialog(self.pdf, self.title, on_print, self.widget)
        self.preview.show()
        self._finish("previewed")

    # --- print --------------------------------------------------------------------------
    def start_print(self, printer: QPrinter, build: Callable[[], bytes]) -> None:
        self._submit(build, lambda data: self._send(printer, data))

    def _send(self, printer: QPrinter, data: bytes) -> None:
        if to_pdf_file(printer):
            out = Path(printer.outputFileName())
            try:
                out.write_bytes(data)
            except OSError as e:
                text = QCoreApplication.translate("Printing", "Could not write {path}: {why}")
                self._failed(OSError(text.format(path=out, why=e.strerror or e)))
                return
            self.pages_sent = page_count(out)
            self._finish("printed")
            return
        self.pdf = write_temp(data, self.title)
        if self.dialog is not None:
            self.dialog.setCancelButton(None)  # logged already: the pages go out now
            self.dialog.setValue(BUILD_SHARE)
            self.dialog.setLabelText(
                QCoreApplication.translate("Printing", "Sending the pages to the printer…")
            )
        self._pages = send_pages(printer, self.pdf)
        QTimer.singleShot(0, self._next_page)

    def _next_page(self) -> None:
        try:
            sent, count = next(self._pages)
        except StopIteration:
            _remove(self.pdf)
            self._finish("printed")
            return
        except OSError as e:
            _remove(self.pdf)
            self._failed(e)
            return
        self.pages_sent = sent
        if self.dialog is not None:
            self.dialog.setValue(BUILD_SHARE + (100 - BUILD_SHARE) * sent // count)
        QTimer.singleShot(0, self._next_page)


# --- what the tabs call -------------------------------------------------------------------


def preview(parent: QWidget, ctx: AppContext, job: Job, title: str) -> PrintRun:
    """Build the PDF without logging it and show it; the preview's Print button prints it."""
    run = PrintRun(parent, ctx, title)
    run.start_preview(job, lambda: print_document(parent, ctx, job, title))
    return run


def print_document(parent: QWidget, ctx: AppContext, job: Job, title: str) -> PrintRun:
    """Ask for a printer, then build the PDF (logged) and send it."""
    run = PrintRun(parent, ctx, title)
    choose_printer(parent, title, lambda printer: run.start_print(printer, lambda: job(True)))
    return run


def print_refunds(parent: QWidget, ctx: AppContext, refund_ids: Sequence[int]) -> PrintRun:
    """Many refund forms as one print, with a progress dialog whose Cancel stops the build."""
    ids = list(refund_ids)
    run = PrintRun(
        parent,
        ctx,
        QCoreApplication.translate("Printing", "Print {n} refund forms").format(n=len(ids)),
    )

    def start(printer: QPrinter) -> None:
        run.show_progress_dialog(QCoreApplication.translate("Printing", "Preparing the forms…"))
        run.start_print(
            printer, lambda: _jobs().refunds_pdf(ctx.actor, ids, run.report, run.cancelled)
        )

    choose_printer(parent, run.title, start)
    return run


def refund_job(ctx: AppContext, refund_id: int) -> Job:
    return lambda log: _jobs().refund_pdf(ctx.actor, refund_id=refund_id, log=log)


def handover_job(ctx: AppContext, handover_id: int) -> Job:
    return lambda log: _jobs().handover_pdf(ctx.actor, handover_id, log=log)


def report_job(ctx: AppContext, name: str, params: Mapping[str, object]) -> Job:
    """A registered report as it is when the job runs (the tab may show an older load)."""
    return lambda log: _jobs().report_pdf(ctx.actor, name, params, log=log)
