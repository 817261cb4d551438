"""Numbered schema migrations, each explicit SQL for SQLite and PostgreSQL.

A new database is made as version 1 was (the frozen DDL in `schema/<dialect>-v1.sql`) and then
migrated, so a new and an upgraded database are made the same way. Every released version's
schema is frozen as a description (`schema/<dialect>-v<N>.txt`, see `store.schema`), and after
each step the database must match the next version's description exactly, or the migration
rolls back and says how it differs.

Versions 1 and 2 were each released in several shapes before their numbers were fixed (indexes
and a column were added without a new number). Each shape is frozen too ("1a", "1b", "1c",
"2a", "2b"); an older database is recognised by its shape and repaired step by step to its
version's last shape before it is migrated. A shape that is none of these is refused.

A database from a newer program is refused; an older one is backed up (SQLite backup API)
before it is migrated."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import peewee as pw

from ..domain import duties, workflow
from ..domain.errors import DatabaseError
from ..domain.money import MAX_FEN
from ..domain.refund_fields import DEFAULT_FAULT_CATEGORIES
from ..domain.validation import DEFAULT_PASSWORD_MIN
from . import db as dbmod
from . import schema
from .audit import GENESIS
from .models import SchemaVersion

LATEST = 3

DEFAULT_SETTINGS = {
    "order_no_pattern": r"TK[0-9]{6,20}",
    "amount_ceiling_fen": "5000000",
    "form_no_format": "TD-{year}-{seq:06d}",
    "office_timezone": "Asia/Shanghai",
}
# Settings of version 3: who the database is, what kind it is, the password minimum.
KIND_KEY = "database_kind"  # "production" | "demo": fixed when the database is made
ID_KEY = "database_id"  # a random identity: the PCs' audit anchors are kept under it
PASSWORD_MIN_KEY = "password_min_length"

DEFAULT_SEND_BACK_REASONS = (
    ("incomplete", "资料不全，请补充", "Information incomplete"),
    ("amount_mismatch", "金额与扣款记录不符", "Amount does not match the charge"),
    ("order_wrong", "订单号有误", "Order number wrong"),
    ("no_charge_found", "未查到扣款记录", "No charge found"),
    ("opinion_unclear", "处理意见不明确", "Opinion unclear"),
)


def _run(database: pw.Database, statements: str | list[str]) -> None:
    if isinstance(statements, str):
        statements = [s for s in statements.split(";\n") if s.strip()]
    for statement in statements:
        database.execute_sql(statement)


def _sql_file(dialect: str, name: str) -> str:
    return (
        resources.files(__package__)
        .joinpath("schema", f"{dialect}-{name}.sql")
        .read_text(encoding="utf-8")
    )


def _quote(value: object) -> str:
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def _create_v1(database: pw.Database, dialect: str) -> None:
    """A new database, exactly as the last release of version 1 made it."""
    text = _sql_file(dialect, "v1")
    if dialect == "postgresql":
        database.execute_sql(text)  # the server splits it (a function body holds ";")
    else:
        _run(database, text)
    rows = [f"INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, {_quote(GENESIS)})"]
    rows += [
        f"INSERT INTO setting (key, value) VALUES ({_quote(k)}, {_quote(v)})"
        for k, v in DEFAULT_SETTINGS.items()
    ]
    categories = [(c, t.zh, t.en) for c, t in DEFAULT_FAULT_CATEGORIES] + [
        ("other", "其他", "Other")
    ]
    for order, (code, zh, en) in enumerate(categories):
        rows.append(
            "INSERT INTO fault_category (code, label_zh, label_en, active, sort_order) VALUES "
            f"({_quote(code)}, {_quote(zh)}, {_quote(en)}, {_true(dialect)}, "
            f"{99 if code == 'other' else order})"
        )
    for order, (code, zh, en) in enumerate(DEFAULT_SEND_BACK_REASONS):
        rows.append(
            "INSERT INTO send_back_reason (code, label_zh, label_en, active, sort_order) VALUES "
            f"({_quote(code)}, {_quote(zh)}, {_quote(en)}, {_true(dialect)}, {order})"
        )
    _run(database, rows)


def _true(dialect: str) -> str:
    return "1" if dialect == "sqlite" else "true"


# ---- the repairs of early shapes, and versions 2 and 3 -------------------------------------


def _v1a_to_v1b(database: pw.Database, dialect: str) -> None:
    database.execute_sql('CREATE INDEX "refund_complaint_at" ON "refund" ("complaint_at")')


def _v1b_to_v1c(database: pw.Database, dialect: str) -> None:
    """print_log gained `actor` (who printed, as the audit log names them) and its user became
    optional (prints from the command line)."""
    if dialect == "postgresql":
        _run(
            database,
            [
                "ALTER TABLE print_log ADD COLUMN actor character varying(60)",
                'UPDATE print_log SET actor = u.username FROM "user" u '
                "WHERE u.id = print_log.user_id",
                "UPDATE print_log SET actor = '' WHERE actor IS NULL",
                "ALTER TABLE print_log ALTER COLUMN actor SET NOT NULL",
                "ALTER TABLE print_log ALTER COLUMN user_id DROP NOT NULL",
            ],
        )
        return
    _run(
        database,
        [
            'CREATE TABLE "print_log_new" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT '
            'NULL, "user_id" INTEGER, "actor" VARCHAR(60) NOT NULL, "document" VARCHAR(24) NOT '
            'NULL, "ref" VARCHAR(40) NOT NULL, "version" INTEGER NOT NULL, FOREIGN KEY '
            '("user_id") REFERENCES "user" ("id"))',
            'INSERT INTO "print_log_new" (id, at, user_id, actor, document, ref, version) '
            "SELECT p.id, p.at, p.user_id, COALESCE(u.username, ''), p.document, p.ref, "
            'p.version FROM "print_log" p LEFT JOIN "user" u ON u.id = p.user_id',
            'DROP TABLE "print_log"',
            'ALTER TABLE "print_log_new" RENAME TO "print_log"',
            'CREATE INDEX "print_log_at" ON "print_log" ("at")',
            'CREATE INDEX "print_log_user_id" ON "print_log" ("user_id")',
        ],
    )


def _v1c_to_v1(database: pw.Database, dialect: str) -> None:
    _run(
        database,
        [
            'CREATE INDEX "refund_finance_submitted_at" ON "refund" ("finance_submitted_at")',
            'CREATE INDEX "step_record_refund_id_executed_at" ON "step_record" '
            '("refund_id", "executed_at")',
        ],
    )


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


def _v1_to_v2a(database: pw.Database, dialect: str) -> None:
    _run(database, [f'DROP INDEX "{name}"' for name in UNUSED_V1_INDEXES])


# Version 1 indexed every refund by these, NULLs included; version 2 only those where set.
PARTIAL_V2_INDEXES = ("submitted_at", "finance_submitted_at")


def _v2a_to_v2b(database: pw.Database, dialect: str) -> None:
    for column in PARTIAL_V2_INDEXES:
        _run(
            database,
            [
                f'DROP INDEX "refund_{column}"',
                f'CREATE INDEX "refund_{column}" ON "refund" ("{column}") '
                f'WHERE "{column}" IS NOT NULL',
            ],
        )


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


def _v2b_to_v2(database: pw.Database, dialect: str) -> None:
    column = "BIGINT" if dialect == "postgresql" else "INTEGER"
    database.execute_sql(f'ALTER TABLE "step_record" ADD COLUMN "waited_ms" {column}')
    backfill_waited(database, dialect)


def backfill_waited(database: pw.Database, dialect: str) -> None:
    """Each state-changing step's wait, worked out from the refund's history."""
    database.execute_sql(
        'UPDATE "step_record" SET "waited_ms" = d.ms FROM ('
        f"SELECT s.id AS id, {_BACKFILL_WAITED[dialect]} AS ms "
        'FROM "step_record" s JOIN "refund" r ON r.id = s.refund_id '
        "WHERE s.from_state <> s.to_state "
        "WINDOW w AS (PARTITION BY s.refund_id ORDER BY s.executed_at, s.id)"
        ') AS d WHERE "step_record".id = d.id AND "step_record"."waited_ms" IS NULL'
    )


_V3_SQLITE = (
    'CREATE TABLE "duty_holder" ("entity" VARCHAR(16) NOT NULL, "entity_id" INTEGER NOT NULL, '
    '"user_id" INTEGER NOT NULL, "duty" VARCHAR(24) NOT NULL, PRIMARY KEY ("entity", '
    '"entity_id", "user_id", "duty"), FOREIGN KEY ("user_id") REFERENCES "user" ("id")) '
    "WITHOUT ROWID",
    'CREATE TABLE "duty_conflict" ("duty" VARCHAR(24) NOT NULL, "other" VARCHAR(24) NOT NULL, '
    'PRIMARY KEY ("duty", "other")) WITHOUT ROWID',
    'CREATE TABLE "login_throttle" ("name" VARCHAR(60) NOT NULL PRIMARY KEY, "failures" INTEGER '
    'NOT NULL, "not_before" DATETIME, "last_failed_at" DATETIME)',
    'CREATE TABLE "login_device" ("token_hash" VARCHAR(64) NOT NULL PRIMARY KEY, "user_id" '
    'INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "last_used_at" DATETIME NOT NULL, '
    '"failures" INTEGER NOT NULL, "not_before" DATETIME, FOREIGN KEY ("user_id") REFERENCES '
    '"user" ("id"))',
    'CREATE INDEX "login_device_user_id" ON "login_device" ("user_id")',
    'ALTER TABLE "audit_log" ADD COLUMN "sealed" TEXT',
    # Adjustments recorded before version 3 had no approval step: they stand as approved.
    'ALTER TABLE "adjustment" ADD COLUMN "state" VARCHAR(12) NOT NULL DEFAULT \'approved\'',
    'ALTER TABLE "adjustment" ADD COLUMN "approved_by_id" INTEGER REFERENCES "user" ("id")',
    'ALTER TABLE "adjustment" ADD COLUMN "approved_at" DATETIME',
    'ALTER TABLE "adjustment" ADD COLUMN "opinion" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "adjustment" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1',
    'ALTER TABLE "user" ADD COLUMN "last_login_at" DATETIME',
    'ALTER TABLE "user" DROP COLUMN "failed_logins"',
    'ALTER TABLE "user" DROP COLUMN "locked_until"',
    # An older program still running after the upgrade writes an audit row without seals with
    # every change: refused, so it writes nothing at all.
    "CREATE TRIGGER audit_log_sealed BEFORE INSERT ON audit_log WHEN NEW.sealed IS NULL "
    "BEGIN SELECT RAISE(ABORT, 'schema_upgraded: an older Refund Desk cannot write to this "
    "database'); END",
    "CREATE TRIGGER duty_holder_no_update BEFORE UPDATE ON duty_holder "
    "BEGIN SELECT RAISE(ABORT, 'duty_holder is append-only'); END",
    "CREATE TRIGGER duty_holder_no_delete BEFORE DELETE ON duty_holder "
    "BEGIN SELECT RAISE(ABORT, 'duty_holder is append-only'); END",
    *(
        f"CREATE TRIGGER {table}_amount_range_{when} BEFORE {event} ON {table} WHEN "
        f"typeof(NEW.amount_fen) <> 'integer' OR NEW.amount_fen < {low} OR "
        f"NEW.amount_fen > {MAX_FEN}{extra} BEGIN SELECT RAISE(ABORT, 'amount_range: whole fen "
        "within the allowed range'); END"
        for table, low, extra in (
            ("refund", 1, ""),
            ("adjustment", -MAX_FEN, " OR NEW.amount_fen = 0"),
        )
        for when, event in (("insert", "INSERT"), ("update", "UPDATE OF amount_fen"))
    ),
)

_V3_POSTGRESQL = (
    "CREATE TABLE duty_holder (entity character varying(16) NOT NULL, entity_id bigint NOT NULL, "
    'user_id integer NOT NULL REFERENCES "user"(id), duty character varying(24) NOT NULL, '
    "PRIMARY KEY (entity, entity_id, user_id, duty))",
    "CREATE TABLE duty_conflict (duty character varying(24) NOT NULL, other character varying(24) "
    "NOT NULL, PRIMARY KEY (duty, other))",
    "CREATE TABLE login_throttle (name character varying(60) PRIMARY KEY, failures integer NOT "
    "NULL, not_before timestamp without time zone, last_failed_at timestamp without time zone)",
    "CREATE TABLE login_device (token_hash character varying(64) PRIMARY KEY, user_id integer NOT "
    'NULL REFERENCES "user"(id), created_at timestamp without time zone NOT NULL, last_used_at '
    "timestamp without time zone NOT NULL, failures integer NOT NULL, not_before timestamp "
    "without time zone)",
    "CREATE INDEX login_device_user_id ON login_device (user_id)",
    "ALTER TABLE audit_log ADD COLUMN sealed text",
    "ALTER TABLE adjustment ADD COLUMN state character varying(12) NOT NULL DEFAULT 'approved', "
    'ADD COLUMN approved_by_id integer REFERENCES "user"(id), ADD COLUMN approved_at timestamp '
    "without time zone, ADD COLUMN opinion text NOT NULL DEFAULT '', ADD COLUMN version integer "
    "NOT NULL DEFAULT 1",
    'ALTER TABLE "user" ADD COLUMN last_login_at timestamp without time zone, DROP COLUMN '
    "failed_logins, DROP COLUMN locked_until",
    # NOT VALID: rows written before version 3 are not refused here; `check` reports them.
    f"ALTER TABLE refund ADD CONSTRAINT refund_amount_range CHECK (amount_fen >= 1 AND "
    f"amount_fen <= {MAX_FEN}) NOT VALID",
    f"ALTER TABLE adjustment ADD CONSTRAINT adjustment_amount_range CHECK (amount_fen <> 0 AND "
    f"amount_fen >= {-MAX_FEN} AND amount_fen <= {MAX_FEN}) NOT VALID",
    "CREATE FUNCTION audit_log_sealed() RETURNS trigger AS $$ BEGIN IF NEW.sealed IS NULL THEN "
    "RAISE EXCEPTION 'schema_upgraded: an older Refund Desk cannot write to this database'; "
    "END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_log_sealed BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION "
    "audit_log_sealed()",
    "CREATE FUNCTION duty_holder_separation() RETURNS trigger AS $$ BEGIN IF EXISTS (SELECT 1 "
    "FROM duty_holder d JOIN duty_conflict c ON c.duty = d.duty AND c.other = NEW.duty WHERE "
    "d.entity = NEW.entity AND d.entity_id = NEW.entity_id AND d.user_id = NEW.user_id) THEN "
    "RAISE EXCEPTION 'same_person: one person, separated duties, one record' USING ERRCODE = "
    "'integrity_constraint_violation'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE FUNCTION append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION USING MESSAGE "
    "= TG_TABLE_NAME || ' is append-only'; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER duty_holder_no_change BEFORE UPDATE OR DELETE ON duty_holder FOR EACH ROW "
    "EXECUTE FUNCTION append_only()",
    "CREATE TRIGGER duty_holder_no_truncate BEFORE TRUNCATE ON duty_holder FOR EACH STATEMENT "
    "EXECUTE FUNCTION append_only()",
)


# The database's own separation of duties, created once the history's duties are in: a site
# whose history already breaks a rule is migrated, and `check` names each such case.
_V3_SEPARATION = {
    "sqlite": "CREATE TRIGGER duty_holder_separation BEFORE INSERT ON duty_holder WHEN EXISTS "
    "(SELECT 1 FROM duty_holder d JOIN duty_conflict c ON c.duty = d.duty AND c.other = "
    "NEW.duty WHERE d.entity = NEW.entity AND d.entity_id = NEW.entity_id AND d.user_id = "
    "NEW.user_id) BEGIN SELECT RAISE(ABORT, 'same_person: one person, separated duties, one "
    "record'); END",
    "postgresql": "CREATE TRIGGER duty_holder_separation BEFORE INSERT ON duty_holder FOR EACH "
    "ROW EXECUTE FUNCTION duty_holder_separation()",
}


def _duty_case() -> str:
    """The duty each kind of step record stands for, read off the transition table."""
    whens = sorted(
        {
            f"WHEN s.action = '{t.action.value}' AND s.from_state = '{t.source.value}' "
            f"THEN '{t.duty.value}'"
            for t in workflow.TRANSITIONS
            if t.duty is not None
        }
    )
    return "CASE " + " ".join(whens) + " END"


def _identity_of(database: pw.Database) -> str:
    """The identity a database gets with version 3. One with a history takes it from its first
    audit row, so that it and every backup of it (upgraded apart) are known as the same
    database; a new one gets a random identity."""
    first = database.execute_sql("SELECT hash FROM audit_log WHERE seq = 1").fetchone()
    if first and first[0]:
        return hashlib.sha256(f"refund-desk database {first[0]}".encode()).hexdigest()[:32]
    return uuid.uuid4().hex


def _v2_to_v3(database: pw.Database, dialect: str) -> None:
    _run(database, list(_V3_SQLITE if dialect == "sqlite" else _V3_POSTGRESQL))
    pairs = sorted(duties.CONFLICT_PAIRS)
    _run(
        database,
        [
            f"INSERT INTO duty_conflict (duty, other) VALUES ({_quote(a.value)}, {_quote(b.value)})"
            for a, b in pairs
        ],
    )
    # Every duty the earlier history shows, so that the rules hold from the first pass on.
    insert = "INSERT INTO duty_holder (entity, entity_id, user_id, duty) "
    _run(
        database,
        [
            insert + "SELECT DISTINCT 'refund', id, created_by_id, 'creator' FROM refund",
            insert + f"SELECT DISTINCT 'refund', s.refund_id, s.executor_id, {_duty_case()} "
            f"FROM step_record s WHERE {_duty_case()} IS NOT NULL",
            insert + "SELECT DISTINCT 'refund', r.id, u.id, 'editor' FROM audit_log a "
            'JOIN refund r ON r.form_no = a.entity_id JOIN "user" u ON u.username = a.actor '
            "WHERE a.entity = 'refund' AND a.action = 'edit'",
            insert + "SELECT 'monthly_report', id, prepared_by_id, 'preparer' FROM monthly_report",
            insert + "SELECT 'monthly_report', id, approved_by_id, 'head_approver' "
            "FROM monthly_report WHERE approved_by_id IS NOT NULL",
            insert + "SELECT 'adjustment', id, created_by_id, 'adjustment_maker' FROM adjustment",
            _V3_SEPARATION[dialect],
        ],
    )
    settings = {
        ID_KEY: _identity_of(database),
        KIND_KEY: "production",
        PASSWORD_MIN_KEY: str(DEFAULT_PASSWORD_MIN),
    }
    _run(
        database,
        [
            f"INSERT INTO setting (key, value) VALUES ({_quote(k)}, {_quote(v)})"
            for k, v in settings.items()
        ],
    )


# A demo database: marked as one for its whole life, with the demo's short passwords allowed.
DEMO_PASSWORD_MIN = 4


def _make_demo(database: pw.Database) -> None:
    _run(
        database,
        [
            f"UPDATE setting SET value = 'demo' WHERE key = '{KIND_KEY}'",
            f"UPDATE setting SET value = '{DEMO_PASSWORD_MIN}' WHERE key = '{PASSWORD_MIN_KEY}'",
        ],
    )


@dataclass(frozen=True)
class Step:
    source: str  # the frozen shape the step starts from
    target: str  # the frozen shape it leaves
    run: Callable[[pw.Database, str], None]


STEPS: tuple[Step, ...] = (
    Step("1a", "1b", _v1a_to_v1b),
    Step("1b", "1c", _v1b_to_v1c),
    Step("1c", "1", _v1c_to_v1),
    Step("1", "2a", _v1_to_v2a),
    Step("2a", "2b", _v2a_to_v2b),
    Step("2b", "2", _v2b_to_v2),
    Step("2", "3", _v2_to_v3),
)
SHAPES = {1: ("1a", "1b", "1c", "1"), 2: ("2a", "2b", "2"), 3: ("3",)}


def _version_of(shape: str) -> int:
    return int(shape.rstrip("abc"))


def current_version(database: pw.Database) -> int:
    """0 for an empty database; raises for a file that is something else entirely."""
    tables = set(database.get_tables())
    if "schema_version" not in tables:
        if tables:
            raise DatabaseError("db_not_initialised", where=dbmod.location().display)
        return 0
    row = database.execute_sql("SELECT version FROM schema_version WHERE id = 1").fetchone()
    return row[0] if row else 0


def shape_of(database: pw.Database, version: int) -> str:
    """Which released shape of `version` the database has, or a `DatabaseError` naming how it
    differs from the nearest one."""
    dialect = schema.dialect(database)
    actual = schema.describe(database)
    best: tuple[int, str, schema.SchemaDifference] | None = None
    for shape in SHAPES.get(version, ()):
        difference = schema.compare(schema.frozen(dialect, shape), actual)
        if difference.same:
            return shape
        size = len(difference.missing) + len(difference.unexpected)
        if best is None or size < best[0]:
            best = (size, shape, difference)
    detail = "; ".join(best[2].lines(5)) if best else ""
    raise DatabaseError("db_unknown_shape", version=version, detail=detail)


def _expect(database: pw.Database, shape: str) -> None:
    difference = schema.compare(
        schema.frozen(schema.dialect(database), shape), schema.describe(database)
    )
    if not difference.same:
        raise DatabaseError(
            "db_unknown_shape", version=shape, detail="; ".join(difference.lines(5))
        )


def migrate(database: pw.Database, found: int) -> str:
    """Bring the database (inside the caller's write transaction) from `found` to LATEST;
    returns the shape it started from."""
    dialect = schema.dialect(database)
    if found == 0:
        _create_v1(database, dialect)
        shape = "1"
    else:
        shape = shape_of(database, found)
    start = shape
    for step in STEPS:
        if step.source == shape:
            step.run(database, dialect)
            _expect(database, step.target)
            shape = step.target
    now = dt.datetime.now(dt.UTC)
    SchemaVersion.insert(id=1, version=LATEST, applied_at=now).on_conflict(
        conflict_target=[SchemaVersion.id],
        update={SchemaVersion.version: LATEST, SchemaVersion.applied_at: now},
    ).execute()
    if dialect == "sqlite":
        database.execute_sql(f"PRAGMA user_version = {LATEST}")
    return start


@dataclass(frozen=True)
class Upgrade:
    """What an upgrade did: from which version, and where the backup made first is."""

    found: int
    backup: str  # "" on PostgreSQL (pg_dump is the server's own backup) or when nothing ran


def ensure_schema(
    create: bool,
    backup_dir: str | None = None,
    actor: str = "",
    kind: str = "production",
    upgrade: bool = False,
) -> Upgrade:
    """Open the bound database at LATEST: make it when `create` and there is none; migrate an
    older one only when `upgrade` (a sysadmin confirmed it: `session.upgrade`), after a backup.
    An older database otherwise is refused with the sentence to ask the sysadmin."""
    from . import sealing

    with dbmod.connection() as database:
        dbmod.use_rollback_journal(database)
        found = current_version(database)
        if found > LATEST:
            raise DatabaseError("db_newer", found=found, known=LATEST)
        if found == 0 and not create:
            raise DatabaseError("db_not_initialised", where=dbmod.location().display)
        if found == LATEST:
            dbmod.expect_schema(LATEST)
            return Upgrade(found, "")
        if found > 0 and not upgrade:
            raise DatabaseError("db_older", found=found, known=LATEST)
        backup = ""
        if found > 0 and dbmod.location().is_sqlite:
            from .maintenance import backup_to

            folder = backup_dir or os.path.dirname(os.path.abspath(dbmod.location().target))
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
            name = os.path.basename(dbmod.location().target)
            backup = backup_to(os.path.join(folder, f"{name}.v{found}-{stamp}.bak"))
        with dbmod.write(check_schema=False):
            if found and not isinstance(database, pw.SqliteDatabase):
                database.execute_sql("LOCK TABLE schema_version IN EXCLUSIVE MODE")
            again = current_version(database)  # another PC may have migrated meanwhile
            if again == LATEST:
                dbmod.expect_schema(LATEST)
                return Upgrade(found, backup)
            start = migrate(database, again)
            if again == 0 and kind == "demo":
                _make_demo(database)
            sealing.seal_everything(
                actor or "system",
                "migrate",
                {"from": again, "shape": start, "to": LATEST, "backup": backup},
            )
        dbmod.expect_schema(LATEST)
        return Upgrade(found, backup)
