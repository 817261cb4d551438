"""What the 统计 tab runs on the worker (no Qt): a report, an export of one."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ...reports import catalogue
from ...reports.report import ReportResult
from ...store.actors import Actor


def run_report(name: str, lang: str, params: Mapping[str, object]) -> ReportResult:
    """A report as the screen shows it (with its screen options: a long list cut short)."""
    spec = catalogue.get(name)
    return spec.run(lang=lang, **params, **spec.screen_options())


def export_report(
    actor: Actor, name: str, params: Mapping[str, object], fmt: str, lang: str, path: str
) -> str:
    """The report as it is now, whole, written to `path` as .xlsx (in `lang`) or PDF."""
    if fmt == "xlsx":
        from ...reports import xlsx  # openpyxl loads on the first export, not at start-up

        data = xlsx.workbook(catalogue.get(name).run(lang=lang, **params), lang=lang)
    else:
        from ...printing import jobs

        data = jobs.report_pdf(actor, name, params)
    Path(path).write_bytes(data)
    return path
