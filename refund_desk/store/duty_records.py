"""Who held which duty on which record, for separation of duties (`domain.duties`): read in one
statement, added one row at a time, never removed. The database refuses a duty separated from
one the same person already holds on the same record (a trigger over `duty_conflict`)."""

from __future__ import annotations

from ..domain.duties import Duty
from . import db as dbmod
from .models import DutyHolder


def held(entity: str, entity_id: int | None) -> dict[int, frozenset[Duty]]:
    """user id -> every duty that person has held on the record, in every pass."""
    if entity_id is None:
        return {}
    out: dict[int, set[Duty]] = {}
    with dbmod.connection():  # inside the caller's transaction when there is one
        rows = list(
            DutyHolder.select(DutyHolder.user, DutyHolder.duty)
            .where((DutyHolder.entity == entity) & (DutyHolder.entity_id == entity_id))
            .tuples()
        )
    for user_id, duty in rows:
        out.setdefault(user_id, set()).add(Duty(duty))
    return {uid: frozenset(d) for uid, d in out.items()}


def take(entity: str, entity_id: int, user_id: int, duty: Duty) -> tuple:
    """Record that `user_id` holds `duty` on the record (once; kept for ever). Returns the row's
    key, for the audit row's seal."""
    DutyHolder.insert(
        entity=entity, entity_id=entity_id, user=user_id, duty=duty.value
    ).on_conflict_ignore().execute()
    return (entity, entity_id, user_id, duty.value)
