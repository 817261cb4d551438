"""What every printed page carries so a filed copy can be matched to its record and a stale
printout recognised: form number (or reference), record version, print time, who printed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.sla import OFFICE_TZ

QR_PREFIX = "REFUND-DESK"
DEMO_MARK = "演示数据"  # on every page printed from a demo database


@dataclass(frozen=True)
class PrintMeta:
    form_no_or_ref: str  # form number, "交接单 12", "客服退单统计表 2026-11"
    version: int  # the record's version at print time
    printed_at: dt.datetime  # aware; shown in office time
    printed_by: str  # display name of whoever printed
    demo: bool = False  # printed from a demo database: every page says so

    @property
    def local_time(self) -> str:
        return local_minute(self.printed_at)

    def qr_text(self) -> str:
        """The QR code's content: one line, fields separated by "|"."""
        return "|".join(
            (
                QR_PREFIX,
                self.form_no_or_ref,
                f"v{self.version}",
                self.printed_at.astimezone(OFFICE_TZ).isoformat(timespec="minutes"),
                self.printed_by,
            )
        )

    def caption(self) -> list[str]:
        """The two footer lines printed next to the QR code."""
        demo = f"    {DEMO_MARK}" if self.demo else ""
        return [
            f"编号 {self.form_no_or_ref}    版本 v{self.version}{demo}",
            f"打印时间 {self.local_time}    打印人 {self.printed_by}",
        ]


def parse_qr(text: str) -> dict[str, str]:
    """Read back what `qr_text` wrote (for a scanner at the filing desk)."""
    prefix, ref, version, at, who = text.split("|", 4)
    if prefix != QR_PREFIX or not version.startswith("v"):
        raise ValueError("not a Refund Desk printout")
    return {"ref": ref, "version": version[1:], "printed_at": at, "printed_by": who}


def local_minute(when: dt.datetime | None) -> str:
    """An aware time as the forms write it: office time, to the minute; "" for none."""
    if when is None:
        return ""
    return when.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")
