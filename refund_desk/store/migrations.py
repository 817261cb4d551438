"""Numbered schema migrations with a schema-version row. A database from a newer program is
refused; an older one is backed up (SQLite backup API) before it is migrated."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

import peewee as pw
from playhouse.migrate import SchemaMigrator, migrate

from ..domain.errors import DatabaseError
from ..domain.validation import DEFAULT_FAULT_CATEGORIES
from . import db as dbmod
from .audit import GENESIS
from .models import (
    ALL_MODELS,
    AuditHead,
    FaultCategory,
    SchemaVersion,
    SendBackReason,
    Setting,
)

DEFAULT_SETTINGS = {
    "order_no_pattern": r"TK[0-9]{6,20}",
    "amount_ceiling_fen": "5000000",
    "form_no_format": "TD-{year}-{seq:06d}",
    "office_timezone": "Asia/Shanghai",
}

DEFAULT_SEND_BACK_REASONS = (
    ("incomplete", "资料不全，请补充", "Information incomplete"),
    ("amount_mismatch", "金额与扣款记录不符", "Amount does not match the charge"),
    ("order_wrong", "订单号有误", "Order number wrong"),
    ("no_charge_found", "未查到扣款记录", "No charge found"),
    ("opinion_unclear", "处理意见不明确", "Opinion unclear"),
)

_SQLITE_AUDIT_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
_PG_AUDIT_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)


def _v1(database: pw.Database) -> None:
    database.create_tables(ALL_MODELS)
    triggers = (
        _SQLITE_AUDIT_TRIGGERS if isinstance(database, pw.SqliteDatabase) else _PG_AUDIT_TRIGGERS
    )
    for statement in triggers:
        database.execute_sql(statement)
    AuditHead.create(id=1, last_seq=0, last_hash=GENESIS)
    for key, value in DEFAULT_SETTINGS.items():
        Setting.create(key=key, value=value)
    for order, (code, text) in enumerate(DEFAULT_FAULT_CATEGORIES):
        FaultCategory.create(code=code, label_zh=text.zh, label_en=text.en, sort_order=order)
    FaultCategory.create(code="other", label_zh="其他", label_en="Other", sort_order=99)
    for order, (code, zh, en) in enumerate(DEFAULT_SEND_BACK_REASONS):
        SendBackReason.create(code=code, label_zh=zh, label_en=en, sort_order=order)


# Indexes no query uses. Each one an action touches costs about six file operations on a slow
# share (journal the page, write it back, read the path to it); see benchmarks/run.py row 3.
UNUSED_V1_INDEXES = (
    "refund_state",  # (state, state_since) serves every lookup by state
    "refund_state_since",
    "refund_created_at",
    "refund_created_by_id",
    "refund_submitted_by_id",
    "refund_cashier_id",
    "refund_accountant_id",
    "refund_director_id",
    "refund_payer_id",
    "refund_updated_by_id",
    "step_record_refund_id",  # (refund_id, executed_at) serves it
    "step_record_executor_id",
)


# Version 1 indexed every refund by these, NULLs included; version 2 only those where set.
PARTIAL_V2_INDEXES = ("submitted_at", "finance_submitted_at")


# step_record.waited_ms for the steps written before version 2: the time since the refund's
# previous state-changing step (or since the form was opened), as the analytics worked it out.
_BACKFILL_WAITED = {
    "sqlite": (
        "CAST(ROUND((julianday(s.executed_at) - julianday("
        "COALESCE(LAG(s.executed_at) OVER w, r.created_at))) * 86400000) AS INTEGER)"
    ),
    "postgresql": (
        "CAST(ROUND(EXTRACT(EPOCH FROM (s.executed_at - "
        "COALESCE(LAG(s.executed_at) OVER w, r.created_at))) * 1000) AS BIGINT)"
    ),
}


def _v2(database: pw.Database) -> None:
    dialect = "sqlite" if isinstance(database, pw.SqliteDatabase) else "postgresql"
    if "waited_ms" not in {c.name for c in database.get_columns("step_record")}:
        migrator = SchemaMigrator.from_database(database)
        migrate(migrator.add_column("step_record", "waited_ms", pw.BigIntegerField(null=True)))
    database.execute_sql(
        'UPDATE "step_record" SET "waited_ms" = d.ms FROM ('
        f"SELECT s.id AS id, {_BACKFILL_WAITED[dialect]} AS ms "
        'FROM "step_record" s JOIN "refund" r ON r.id = s.refund_id '
        "WHERE s.from_state <> s.to_state "
        "WINDOW w AS (PARTITION BY s.refund_id ORDER BY s.executed_at, s.id)"
        ') AS d WHERE "step_record".id = d.id AND "step_record"."waited_ms" IS NULL'
    )
    for name in UNUSED_V1_INDEXES:
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    for column in PARTIAL_V2_INDEXES:
        database.execute_sql(f'DROP INDEX IF EXISTS "refund_{column}"')
        database.execute_sql(
            f'CREATE INDEX "refund_{column}" ON "refund" ("{column}") WHERE "{column}" IS NOT NULL'
        )


MIGRATIONS: tuple[tuple[int, Callable[[pw.Database], None]], ...] = ((1, _v1), (2, _v2))
LATEST = MIGRATIONS[-1][0]


def current_version(database: pw.Database) -> int:
    """0 for an empty database; raises for a file that is something else entirely."""
    tables = set(database.get_tables())
    if "schema_version" not in tables:
        if tables:
            raise DatabaseError("db_not_initialised", where=dbmod.location().display)
        return 0
    row = SchemaVersion.get_or_none(SchemaVersion.id == 1)
    return row.version if row else 0


def ensure_schema(create: bool, backup_dir: str | None = None) -> int:
    """Bring the bound database to LATEST. Returns the version found before migrating."""
    with dbmod.connection() as database:
        dbmod.use_rollback_journal(database)
        found = current_version(database)
        if found > LATEST:
            raise DatabaseError("db_newer", found=found, known=LATEST)
        if found == 0 and not create:
            raise DatabaseError("db_not_initialised", where=dbmod.location().display)
        if found == LATEST:
            return found
        if found > 0 and dbmod.location().is_sqlite:
            from .maintenance import backup_to

            folder = backup_dir or os.path.dirname(os.path.abspath(dbmod.location().target))
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
            name = os.path.basename(dbmod.location().target)
            backup_to(os.path.join(folder, f"{name}.v{found}-{stamp}.bak"))
        with dbmod.write():
            for version, step in MIGRATIONS:
                if version > found:
                    step(database)
            now = dt.datetime.now(dt.UTC)
            updated = (
                SchemaVersion.update(version=LATEST, applied_at=now)
                .where(SchemaVersion.id == 1)
                .execute()
            )
            if not updated:
                SchemaVersion.create(id=1, version=LATEST, applied_at=now)
        return found
