"""The print log: who printed which document, in which version, when. A filed paper copy can
be matched to its record, and a printout older than the record is recognised as stale."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..domain.errors import Text
from . import audit
from . import db as dbmod
from .actors import Actor, utcnow
from .models import AuditLog, PrintLog, User

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
        # The command line has no user row; its prints are kept in the audit log only.
        if actor.user_id is not None:
            PrintLog.create(at=at, user=actor.user_id, document=document, ref=ref, version=version)
        audit.append(
            actor.audit_name,
            AUDIT_ACTION,
            document,
            ref,
            {"version": version, "by": actor.display_name},
            at,
        )


def print_history(ref: str) -> list[PrintRecord]:
    """Every print of one form (or sheet, or month), oldest first."""
    with dbmod.connection():
        rows = (
            PrintLog.select(PrintLog, User.display_name)
            .join(User)
            .where(PrintLog.ref == ref)
            .order_by(PrintLog.at, PrintLog.id)
        )
        records = [
            PrintRecord(r.at, r.user.display_name, r.document, r.ref, r.version) for r in rows
        ]
        from_cli = AuditLog.select().where(
            (AuditLog.action == AUDIT_ACTION)
            & (AuditLog.entity_id == ref)
            & AuditLog.actor.startswith("cli:")
        )
        for row in from_cli:
            detail = json.loads(row.detail)
            records.append(
                PrintRecord(row.at, row.actor, row.entity, ref, int(detail.get("version", 0)))
            )
    return sorted(records, key=lambda r: r.at)
