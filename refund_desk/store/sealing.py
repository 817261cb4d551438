"""Sealing rows in bulk: after a migration (every row, since a column may have changed) and
after a bulk import. One audit row says why; the seals follow in rows of a thousand each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import audit, seals
from .actors import utcnow

CHUNK = 1000


def seal_everything(actor: str, action: str, detail: Mapping[str, Any]) -> int:
    """Append `action` and then the seals of every row of every sealed table (call inside a
    write transaction). Returns how many rows were sealed."""
    at = utcnow()
    audit.append(actor, action, "schema", "-", detail, at)
    count = 0
    batch: dict[str, str | None] = {}
    for model in seals.SEALED:
        for name, digest in seals.all_rows(model):
            batch[name] = digest
            count += 1
            if len(batch) >= CHUNK:
                audit.append_sealed(actor, "seal", "schema", "-", {"rows": len(batch)}, at, batch)
                batch = {}
    if batch:
        audit.append_sealed(actor, "seal", "schema", "-", {"rows": len(batch)}, at, batch)
    return count
