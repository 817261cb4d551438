"""Row seals: the hash of every row a write left behind, carried by that write's audit row.

The audit chain proves the log itself was not altered; the seals extend that proof to the data
that matters. Every service that writes a row of a sealed table names it to `audit.append`,
which reads the row back inside the same transaction and stores its hash in the audit row (the
chain then covers it). `refund-desk check` recomputes the hash of every current row and compares
it with the newest seal of that row in the chain: a row changed outside the program, added
without an audit row, or deleted, is named by table and key.

Which tables are sealed, and how a row is turned into bytes, is declared here once."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import peewee as pw

from ..domain.errors import Text
from .models import (
    Adjustment,
    BaseModel,
    Counter,
    DutyConflict,
    DutyHolder,
    FaultCategory,
    Handover,
    HolidayOverride,
    LoginDevice,
    LoginThrottle,
    MonthlyReport,
    PrintLog,
    Refund,
    SchemaVersion,
    SendBackReason,
    Setting,
    StepRecord,
    User,
)

# Every table whose rows the seals cover: all of them but the audit log and its head, which the
# hash chain covers.
SEALED: tuple[type[BaseModel], ...] = (
    SchemaVersion,
    User,
    LoginThrottle,
    LoginDevice,
    Setting,
    FaultCategory,
    SendBackReason,
    HolidayOverride,
    Counter,
    Refund,
    StepRecord,
    DutyHolder,
    DutyConflict,
    PrintLog,
    Handover,
    MonthlyReport,
    Adjustment,
)
DIGEST_CHARS = 32  # 128 bits of SHA-256: far beyond what forging one row's image would take


def _value(v: object) -> object:
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.UTC).isoformat() if v.tzinfo else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    return v


def key_columns(model: type[BaseModel]) -> list[pw.Field]:
    pk = model._meta.primary_key
    if isinstance(pk, pw.CompositeKey):
        return [model._meta.fields[name] for name in pk.field_names]
    return [pk]


def key_of(model: type[BaseModel], row: tuple) -> str:
    """A row's name in the seals: "refund/12", "duty_holder/refund:12:3:cashier"."""
    names = [f.name for f in model._meta.sorted_fields]  # by name: a Field's == builds SQL
    positions = [names.index(f.name) for f in key_columns(model)]
    return f"{model._meta.table_name}/" + ":".join(str(_value(row[i])) for i in positions)


def row_hash(row: tuple) -> str:
    """The hash of one row read as `select(*sorted_fields).tuples()` (peewee's conversions)."""
    image = json.dumps([_value(v) for v in row], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(image.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def _select(model: type[BaseModel]) -> pw.ModelSelect:
    return model.select(*model._meta.sorted_fields)


def seal_of(model: type[BaseModel], keys: Iterable) -> dict[str, str | None]:
    """The seals of the given rows as they are now (None for a row that no longer exists).
    `keys`: primary-key values, or tuples of them for a composite key."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    columns = key_columns(model)
    found: dict[str, str | None] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        condition = columns[0].in_(chunk) if len(columns) == 1 else _any_of(columns, chunk)
        for row in _select(model).where(condition).tuples():
            found[key_of(model, row)] = row_hash(row)
    table = model._meta.table_name
    for k in chunk_names(table, keys):
        found.setdefault(k, None)
    return found


def _any_of(columns: list[pw.Field], keys: list[tuple]) -> pw.Expression:
    condition = None
    for k in keys:
        one = None
        for column, value in zip(columns, k, strict=True):
            term = column == value
            one = term if one is None else (one & term)
        condition = one if condition is None else (condition | one)
    return condition


def chunk_names(table: str, keys: Iterable) -> Iterator[str]:
    for k in keys:
        parts = k if isinstance(k, tuple) else (k,)
        yield f"{table}/" + ":".join(str(_value(p)) for p in parts)


def all_rows(model: type[BaseModel], batch: int = 5000) -> Iterator[tuple[str, str]]:
    """(name, hash) of every row of a sealed table, in key order, a batch at a time."""
    for row in _select(model).order_by(*key_columns(model)).tuples().iterator():
        yield key_of(model, row), row_hash(row)


@dataclass(frozen=True)
class SealFinding:
    """One row whose seal does not hold."""

    kind: str  # changed | unsealed | deleted
    name: str  # "refund/12"
    seq: int | None  # the audit row of the newest seal

    def text(self) -> Text:
        if self.kind == "changed":
            return Text(
                f"{self.name}：在程序之外被改过（封记在审计记录第 {self.seq} 行）",
                f"{self.name}: changed outside the program (sealed by audit row {self.seq})",
            )
        if self.kind == "unsealed":
            return Text(
                f"{self.name}：在程序之外写入（没有审计记录封记它）",
                f"{self.name}: written outside the program (no audit row seals it)",
            )
        return Text(
            f"{self.name}：在程序之外被删除（封记在审计记录第 {self.seq} 行）",
            f"{self.name}: deleted outside the program (sealed by audit row {self.seq})",
        )
