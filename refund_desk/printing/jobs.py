"""Fetch, lay out and log in one call: what the app's Print / Print preview buttons and the
command line run (on a background thread in the app: these touch the database)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..domain.errors import Text
from ..reports import catalogue, monthly
from ..reports.report import ReportResult
from ..reports.sheet import TITLES, StatsSheet
from ..store import db as dbmod
from ..store import handover as handover_store
from ..store import printlog, queries, session, settings
from ..store.actors import Actor, utcnow
from ..store.models import MonthlyReport
from .handover import render_handover
from .meta import PrintMeta, parse_qr
from .refund_form import Progress, render_refund, render_refunds
from .report import render_report
from .stats import render_stats


def meta_for(actor: Actor, ref: str, version: int) -> PrintMeta:
    return PrintMeta(ref, version, utcnow(), actor.display_name, session.is_demo())


HANDOVER_PREFIX = "交接单-"


def handover_ref(handover_id: int) -> str:
    return f"{HANDOVER_PREFIX}{handover_id}"


def stats_ref(sheet: StatsSheet) -> str:
    return sheet.number or f"{TITLES[sheet.kind]}-{sheet.month}"


def _fault_labels() -> dict[str, Text]:
    return dict(settings.fault_categories())


def refund_pdf(
    actor: Actor, refund_id: int | None = None, form_no: str | None = None, log: bool = True
) -> bytes:
    """One refund form; logged as printed unless `log` is False (a preview)."""
    view = queries.get_refund(refund_id=refund_id, form_no=form_no)
    data = render_refund(view, meta_for(actor, view.form_no, view.version), _fault_labels())
    if log:
        printlog.log_print(actor, "refund", view.form_no, view.version)
    return data


def refunds_pdf(
    actor: Actor,
    refund_ids: Sequence[int],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    log: bool = True,
) -> bytes:
    """Many refund forms as one PDF (raises `refund_form.Cancelled` when cancelled)."""
    views = [queries.get_refund(refund_id=i) for i in refund_ids]
    now, demo = utcnow(), session.is_demo()

    def meta(view: queries.RefundView) -> PrintMeta:
        return PrintMeta(view.form_no, view.version, now, actor.display_name, demo)

    data = render_refunds(views, meta, progress, cancelled, _fault_labels())
    if log:
        for view in views:
            printlog.log_print(actor, "refund", view.form_no, view.version, at=now)
    return data


def handover_pdf(actor: Actor, handover_id: int, log: bool = True) -> bytes:
    view = handover_store.get_handover(handover_id)
    ref = handover_ref(view.id)
    data = render_handover(view, meta_for(actor, ref, view.version))
    if log:
        printlog.log_print(actor, "handover", ref, view.version)
    return data


def report_version(sheet: StatsSheet) -> int:
    """The saved monthly report's version (0 while the month has none)."""
    if sheet.version:
        return sheet.version
    with dbmod.connection():
        row = (
            MonthlyReport.select(MonthlyReport.version)
            .where((MonthlyReport.kind == sheet.kind) & (MonthlyReport.month == sheet.month))
            .first()
        )
    return row.version if row else 0


def stats_pdf(actor: Actor, sheet: StatsSheet, log: bool = True) -> bytes:
    """A monthly table already built by the reports package."""
    ref = stats_ref(sheet)
    version = report_version(sheet)
    data = render_stats(sheet, meta_for(actor, ref, version))
    if log:
        printlog.log_print(actor, f"stats_{sheet.kind}", ref, version)
    return data


def _monthly_table(actor: Actor, result: ReportResult, log: bool) -> bytes:
    assert isinstance(result.source, StatsSheet)
    return stats_pdf(actor, result.source, log)


# The reports that have a paper form of their own (`ReportSpec.paper`), and its layout.
PAPERS: dict[str, Callable[[Actor, ReportResult, bool], bytes]] = {"monthly_table": _monthly_table}


def report_pdf(actor: Actor, name: str, params: Mapping[str, object], log: bool = True) -> bytes:
    """A registered report as it is now, in Chinese like all paper: on its own paper form where
    it has one (logged as printed unless `log` is False), otherwise laid out by `report` (not a
    record: nothing is logged, and its stamp carries version 0)."""
    spec = catalogue.get(name)
    result = spec.run(lang="zh", **params)
    paper = PAPERS.get(spec.paper or "")
    if paper is not None:
        return paper(actor, result, log)
    ref = f"{result.title.zh} {result.caption}".strip()
    return render_report(result, meta_for(actor, ref, 0))


@dataclass(frozen=True)
class PrintoutStatus:
    ref: str
    printed_version: int
    current_version: int

    @property
    def stale(self) -> bool:
        return self.printed_version != self.current_version


def printout_status(qr_text: str) -> PrintoutStatus:
    """Compare a scanned printout's QR code with the record as it is now (raises NotFound when
    no record has that reference, ValueError when the code is not one of ours)."""
    printed = parse_qr(qr_text)
    ref = printed["ref"]
    return PrintoutStatus(ref, int(printed["version"]), current_version(ref))


def current_version(ref: str) -> int:
    if ref.startswith(HANDOVER_PREFIX) and ref.removeprefix(HANDOVER_PREFIX).isdigit():
        return handover_store.get_handover(int(ref.removeprefix(HANDOVER_PREFIX))).version
    with dbmod.connection():
        reports = list(MonthlyReport.select(MonthlyReport.kind, MonthlyReport.month))
    if reports:
        for report in reports:
            if monthly.sheet_number(report.kind, report.month) == ref:
                return report_version(
                    StatsSheet(report.kind, report.month, ref, "", utcnow().date(), "")
                )
    return queries.get_refund(form_no=ref).version
