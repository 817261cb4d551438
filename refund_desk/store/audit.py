"""The hash-chained audit log: every write appends one row carrying the hash of the previous
one and the seals of the rows it wrote (`store.seals`), so `refund-desk check` can prove that
neither the log nor the data was altered or removed outside the program. Every refused action
is written too (`refused`); when the database cannot take it at that moment, it is kept and
written first thing in the process's next write transaction."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import inspect
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..domain.errors import DatabaseError, RefundDeskError, Text
from . import anchor, seals
from . import db as dbmod
from .models import AuditHead, AuditLog, BaseModel

GENESIS = "0" * 64
log = logging.getLogger(__name__)


def canonical(detail: Mapping[str, Any]) -> str:
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
    sealed: str | None = None,
) -> str:
    fields: list[Any] = [
        seq,
        at.astimezone(dt.UTC).isoformat(),
        actor,
        action,
        entity,
        entity_id,
        detail,
        prev_hash,
    ]
    if sealed is not None:  # rows written before schema 3 carry no seals
        fields.append(sealed)
    payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


Seal = Mapping[type[BaseModel], Iterable[Any]]


def append(
    actor: str,
    action: str,
    entity: str,
    entity_id: Any,
    detail: Mapping[str, Any],
    at: dt.datetime,
    seal: Seal | None = None,
) -> AuditLog:
    """Append one row; call inside a write transaction (the head row lock orders the writers).
    `seal` names the rows this write changed ({Model: [primary keys]}): their hashes as they
    are now go into the row."""
    sealed: dict[str, str | None] = {}
    for model, keys in (seal or {}).items():
        sealed.update(seals.seal_of(model, keys))
    return _append(actor, action, entity, str(entity_id), canonical(detail), at, canonical(sealed))


def append_sealed(
    actor: str,
    action: str,
    entity: str,
    entity_id: Any,
    detail: Mapping[str, Any],
    at: dt.datetime,
    sealed: Mapping[str, str | None],
) -> AuditLog:
    """Append a row whose seals were computed by the caller (bulk sealing)."""
    return _append(actor, action, entity, str(entity_id), canonical(detail), at, canonical(sealed))


def _append(actor, action, entity, entity_id, text, at, sealed) -> AuditLog:
    AuditHead.update(last_seq=AuditHead.last_seq + 1).where(AuditHead.id == 1).execute()
    head = AuditHead.get_by_id(1)
    at = at.astimezone(dt.UTC)
    digest = row_hash(
        head.last_seq, at, actor, action, entity, entity_id, text, head.last_hash, sealed
    )
    row = AuditLog.create(
        seq=head.last_seq,
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=text,
        prev_hash=head.last_hash,
        hash=digest,
        sealed=sealed,
    )
    AuditHead.update(last_hash=digest).where(AuditHead.id == 1).execute()
    seq = row.seq
    dbmod.after_commit("audit_anchor", lambda: anchor.saw(seq, digest))
    return row


# Refusals the database could not take when they happened (locked, failing): written at the
# start of this process's next write transaction. Bounded: a process that can never write again
# keeps the newest ones and says in the log that older ones were dropped.
_PENDING_LIMIT = 1000
_pending: list[tuple] = []
_pending_lock = threading.Lock()


def refused(
    actor: str,
    action: str,
    entity: str,
    entity_id: Any,
    error: RefundDeskError,
    at: dt.datetime,
) -> None:
    """Write down one refused action (in its own transaction: the refused one rolled back)."""
    params = {k: _storable(str(v)) for k, v in error.params.items()}
    detail = {"code": error.code, **({"field": error.field} if error.field else {}), **params}
    row = (_storable(actor), f"denied:{action}", entity, _storable(str(entity_id))[:40], detail, at)
    try:
        with dbmod.write():
            append(*row)
    except DatabaseError as e:
        log.warning("refusal kept to be written later (%s): %s", e.code, row[:4])
        with _pending_lock:
            _pending.append(row)
            if len(_pending) > _PENDING_LIMIT:
                del _pending[0]
                log.error("more than %d refusals waiting: the oldest dropped", _PENDING_LIMIT)


_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _storable(text: str) -> str:
    """What was refused may hold characters no database stores (that may be why it was
    refused): they are written as \\uXXXX, so the refusal itself is never lost."""
    return _UNSTORABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def refusals_audited(action: str, entity: str, key: Callable[[dict], object]):
    """Decorator for a service: a refusal it raises (a `RefundDeskError` other than a failing
    database) is audited under the acting user (its `actor` argument, else `username`), naming
    `key(arguments)`, and raised on."""

    def wrap(fn):
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def run(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except RefundDeskError as e:
                if not isinstance(e, DatabaseError):
                    bound = signature.bind(*args, **kwargs)
                    bound.apply_defaults()
                    given = bound.arguments
                    who = given.get("actor")
                    name = who.audit_name if who is not None else str(given.get("username", "?"))
                    refused(name, action, entity, key(given), e, dt.datetime.now(dt.UTC))
                raise

        return run

    return wrap


def pending_refusals() -> int:
    return len(_pending)


_flushing = threading.local()


def _flush_pending() -> None:
    """Before every outermost write transaction: the kept refusals, in a transaction of their
    own (if it fails too they stay kept, and the write goes on)."""
    if not _pending or getattr(_flushing, "active", False):
        return
    _flushing.active = True
    try:
        with _pending_lock:
            rows, _pending[:] = list(_pending), []
        try:
            with dbmod.write():
                for row in rows:
                    append(*row)
        except DatabaseError:
            with _pending_lock:
                _pending[:0] = rows
    finally:
        _flushing.active = False


dbmod.on_write_begin(_flush_pending)


@dataclass(frozen=True)
class ChainReport:
    rows: int
    problems: list[Text]  # each in both languages
    head: tuple[int, str] = (0, GENESIS)  # the newest verified (seq, hash)
    latest_seals: dict[str, tuple[str | None, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(with_seals: bool = False) -> ChainReport:
    """Walk the whole chain in order; name the first row where it breaks and why. With
    `with_seals`, also collect the newest seal of every row ({name: (hash, seq)})."""
    with dbmod.connection():
        return _verify(with_seals)


def _verify(with_seals: bool) -> ChainReport:
    # Others may append while we walk (no snapshot spans the statements): the head read before
    # the walk bounds what must be there, the head read after it bounds what may be there.
    problems: list[str] = []
    latest: dict[str, tuple[str | None, int]] = {}
    before = AuditHead.get_or_none(AuditHead.id == 1)
    prev = GENESIS
    expected_seq = 1
    count = 0
    hash_at_head = None
    columns = (
        AuditLog.seq,
        AuditLog.at,
        AuditLog.actor,
        AuditLog.action,
        AuditLog.entity,
        AuditLog.entity_id,
        AuditLog.detail,
        AuditLog.prev_hash,
        AuditLog.hash,
        AuditLog.sealed,
    )
    query = AuditLog.select(*columns).order_by(AuditLog.seq).tuples().iterator()
    for seq, at, actor, action, entity, entity_id, detail, prev_hash, digest, sealed in query:
        count += 1
        if seq != expected_seq:
            problems.append(
                Text(
                    f"审计记录第 {expected_seq} 行不见了（下一行是第 {seq} 行）",
                    f"audit row {expected_seq} is missing (next row is {seq})",
                )
            )
            break
        if prev_hash != prev:
            problems.append(
                Text(
                    f"审计记录第 {seq} 行：与上一行的链接断了",
                    f"audit row {seq}: previous-hash link broken",
                )
            )
            break
        if row_hash(seq, at, actor, action, entity, entity_id, detail, prev_hash, sealed) != digest:
            problems.append(
                Text(
                    f"审计记录第 {seq} 行：内容与其哈希不符（被改过）",
                    f"audit row {seq}: content does not match its hash (altered)",
                )
            )
            break
        if with_seals and sealed:
            for name, value in json.loads(sealed).items():
                latest[name] = (value, seq)
        prev = digest
        if before is not None and seq == before.last_seq:
            hash_at_head = digest
        expected_seq += 1
    else:
        after = AuditHead.get_or_none(AuditHead.id == 1)
        if before is None or after is None:
            problems.append(Text("审计记录的链头不见了", "audit head row is missing"))
        elif count > after.last_seq:
            problems.append(
                Text(
                    f"链头说有 {after.last_seq} 行，审计记录却有 {count} 行"
                    "（有行是在程序之外加的）",
                    f"audit head says {after.last_seq} rows but the log has {count} (rows added "
                    "outside the program)",
                )
            )
        elif (
            count < before.last_seq
            or (before.last_seq and hash_at_head != before.last_hash)
            or (count == after.last_seq and prev != after.last_hash)
        ):
            problems.append(
                Text(
                    f"链头说有 {before.last_seq} 行，审计记录却只有 {count} 行（末尾的行被删了）",
                    f"audit head says {before.last_seq} rows but the log has {count} (rows "
                    "removed at the end)",
                )
            )
    return ChainReport(count, problems, (count, prev), latest)


def hash_at(seq: int) -> str | None:
    """The stored hash of audit row `seq` (None when there is no such row)."""
    with dbmod.connection():
        row = AuditLog.select(AuditLog.hash).where(AuditLog.seq == seq).first()
    return row.hash if row else None


def head() -> tuple[int, str]:
    with dbmod.connection():
        row = AuditHead.get_or_none(AuditHead.id == 1)
    return (row.last_seq, row.last_hash) if row else (0, GENESIS)
