"""The hash-chained audit log: every write appends one row carrying the hash of the previous
one, so `refund-desk check` can prove that nothing was altered or removed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from . import db as dbmod
from .models import AuditHead, AuditLog

GENESIS = "0" * 64


def canonical(detail: dict[str, Any]) -> str:
    return json.dumps(
        detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )


def row_hash(
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    detail: str,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [
            seq,
            at.astimezone(dt.UTC).isoformat(),
            actor,
            action,
            entity,
            entity_id,
            detail,
            prev_hash,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    actor: str, action: str, entity: str, entity_id: Any, detail: dict[str, Any], at: dt.datetime
) -> AuditLog:
    """Append one row; call inside a write transaction (the head row lock orders the writers)."""
    AuditHead.update(last_seq=AuditHead.last_seq + 1).where(AuditHead.id == 1).execute()
    head = AuditHead.get_by_id(1)
    at = at.astimezone(dt.UTC)
    text = canonical(detail)
    digest = row_hash(
        head.last_seq, at, actor, action, entity, str(entity_id), text, head.last_hash
    )
    row = AuditLog.create(
        seq=head.last_seq,
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail=text,
        prev_hash=head.last_hash,
        hash=digest,
    )
    AuditHead.update(last_hash=digest).where(AuditHead.id == 1).execute()
    return row


@dataclass(frozen=True)
class ChainReport:
    rows: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify() -> ChainReport:
    """Walk the whole chain in order; name the first row where it breaks and why."""
    with dbmod.connection():
        return _verify()


def _verify() -> ChainReport:
    # Others may append while we walk (no snapshot spans the statements): the head read before
    # the walk bounds what must be there, the head read after it bounds what may be there.
    problems: list[str] = []
    before = AuditHead.get_or_none(AuditHead.id == 1)
    prev = GENESIS
    expected_seq = 1
    count = 0
    hash_at_head = None
    query = AuditLog.select().order_by(AuditLog.seq).tuples().iterator()
    for seq, at, actor, action, entity, entity_id, detail, prev_hash, digest in query:
        count += 1
        if seq != expected_seq:
            problems.append(f"audit row {expected_seq} is missing (next row is {seq})")
            break
        if prev_hash != prev:
            problems.append(f"audit row {seq}: previous-hash link broken")
            break
        if row_hash(seq, at, actor, action, entity, entity_id, detail, prev_hash) != digest:
            problems.append(f"audit row {seq}: content does not match its hash (altered)")
            break
        prev = digest
        if before is not None and seq == before.last_seq:
            hash_at_head = digest
        expected_seq += 1
    else:
        after = AuditHead.get_or_none(AuditHead.id == 1)
        if before is None or after is None:
            problems.append("audit head row is missing")
        elif count > after.last_seq:
            problems.append(
                f"audit head says {after.last_seq} rows but the log has {count} (rows added "
                "outside the program)"
            )
        elif (
            count < before.last_seq
            or (before.last_seq and hash_at_head != before.last_hash)
            or (count == after.last_seq and prev != after.last_hash)
        ):
            problems.append(
                f"audit head says {before.last_seq} rows but the log has {count} (rows removed "
                "at the end)"
            )
    return ChainReport(count, problems)
