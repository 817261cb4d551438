"""The print log: who printed which document, in which version, when. A filed paper copy can
be matched to its record, and a printout older than the record is recognised as stale."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ..domain.errors import Text
from . import audit
from . import db as dbmod
from .actors import Actor, utcnow
from .models import PrintLog, User

DOCUMENTS: dict[str, Text] = {
    "refund": Text("退款申请表", "Refund form"),
    "handover": Text("客服部值班交接单", "Shift handover sheet"),
    "stats_cs": Text("客服退单统计表", "CS refund statistics"),
    "stats_finance": Text("财务退单统计表", "Finance refund statistics"),
}
AUDIT_ACTION = "print"


@dataclass(frozen=True)
class PrintRecord:
    at: dt.datetime
    printed_by: str  # display name; "cli:<login>" for the command line
    document: str
    ref: str
    version: int


def log_print(
    actor: Actor, document: str, ref: str, version: int, at: dt.datetime | None = None
) -> None:
    """Record one print (one short write: the print log row and its audit row together)."""
    if document not in DOCUMENTS:
        raise ValueError(f"unknown document {document!r}")
    at = at or utcnow()
    with dbmod.write():
        row = PrintLog.create(
            at=at,
            user=actor.user_id,
            actor=actor.audit_name,
            document=document,
            ref=ref,
            version=version,
        )
        audit.append(
            actor.audit_name,
            AUDIT_ACTION,
            document,
            ref,
            {"version": version, "by": actor.display_name},
            at,
            seal={PrintLog: [row.id]},
        )


def print_history(ref: str) -> list[PrintRecord]:
    """Every print of one form (or sheet, or month), oldest first."""
    with dbmod.connection():
        rows = (
            PrintLog.select(
                PrintLog.at,
                User.display_name,
                PrintLog.actor,
                PrintLog.document,
                PrintLog.ref,
                PrintLog.version,
            )
            .join(User, pw.JOIN.LEFT_OUTER)
            .where(PrintLog.ref == ref)
            .order_by(PrintLog.at, PrintLog.id)
            .tuples()
        )
        return [
            PrintRecord(PrintLog.at.python_value(at), name or actor, document, ref_, version)
            for at, name, actor, document, ref_, version in rows
        ]
