"""The tables. Money is integer fen (BIGINT); times are UTC, stored naive and read back aware."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from .db import DB


class UTCDateTimeField(pw.DateTimeField):
    """Aware datetimes in, aware UTC datetimes out; a naive datetime is a bug and is refused."""

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return super().db_value(value)

    def python_value(self, value):
        value = super().python_value(value)
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=dt.UTC)
        return value


class BaseModel(pw.Model):
    class Meta:
        database = DB
        legacy_table_names = False


class SchemaVersion(BaseModel):
    id = pw.IntegerField(primary_key=True)  # always 1
    version = pw.IntegerField()
    applied_at = UTCDateTimeField()


class User(BaseModel):
    username = pw.CharField(max_length=40, unique=True)
    display_name = pw.CharField(max_length=40)
    password_hash = pw.CharField(max_length=255)
    roles = pw.CharField(max_length=200)  # comma-separated Role values
    active = pw.BooleanField(default=True)
    created_at = UTCDateTimeField()
    version = pw.IntegerField(default=1)
    last_login_at = UTCDateTimeField(null=True)


class LoginThrottle(BaseModel):
    """Failed log-ins under one user name from PCs that never logged in as that user (any name,
    real or not, so the answer never tells which names exist). Each failure pushes the next
    allowed attempt further out (`store.users.delay`)."""

    name = pw.CharField(max_length=60, primary_key=True)  # the user name as typed, lower case
    failures = pw.IntegerField(default=0)
    not_before = UTCDateTimeField(null=True)
    last_failed_at = UTCDateTimeField(null=True)


class LoginDevice(BaseModel):
    """A PC (an OS user's local data folder) that has logged in as a user: its own failures
    are counted apart, so a stranger's guesses elsewhere never keep the user out of their own
    PC. Only the token's hash is stored; the token stays on the PC."""

    token_hash = pw.CharField(max_length=64, primary_key=True)
    user = pw.ForeignKeyField(User, backref="+")
    created_at = UTCDateTimeField()
    last_used_at = UTCDateTimeField()
    failures = pw.IntegerField(default=0)
    not_before = UTCDateTimeField(null=True)


class Setting(BaseModel):
    key = pw.CharField(max_length=60, primary_key=True)
    value = pw.TextField()


class FaultCategory(BaseModel):
    code = pw.CharField(max_length=40, primary_key=True)
    label_zh = pw.CharField(max_length=80)
    label_en = pw.CharField(max_length=120)
    active = pw.BooleanField(default=True)
    sort_order = pw.IntegerField(default=100)


class SendBackReason(BaseModel):
    """Common reasons offered when a form is sent back (退回); free text is always allowed."""

    code = pw.CharField(max_length=40, primary_key=True)
    label_zh = pw.CharField(max_length=80)
    label_en = pw.CharField(max_length=120)
    active = pw.BooleanField(default=True)
    sort_order = pw.IntegerField(default=100)


class HolidayOverride(BaseModel):
    day = pw.DateField(unique=True)
    working = pw.BooleanField()  # True: a working day (调休); False: a day off
    note = pw.CharField(max_length=80, default="")


class Counter(BaseModel):
    name = pw.CharField(max_length=40, primary_key=True)
    value = pw.BigIntegerField(default=0)


class Refund(BaseModel):
    form_no = pw.CharField(max_length=40, unique=True)
    idem_key = pw.CharField(max_length=64, unique=True)
    order_no = pw.CharField(max_length=40, index=True)
    # = order_no while the form claims its order, NULL once cancelled / not credited: the unique
    # index makes "one active refund per order" a rule of the database on SQLite and PostgreSQL.
    order_claim = pw.CharField(max_length=40, null=True, unique=True)
    phone = pw.CharField(max_length=20, index=True)
    contact = pw.CharField(max_length=100, default="")
    purchase_time = UTCDateTimeField()
    bank = pw.CharField(max_length=20)
    bank_other = pw.CharField(max_length=40, default="")
    amount_fen = pw.BigIntegerField()
    fault_category = pw.CharField(max_length=40)
    fault_description = pw.TextField(default="")
    customer_view = pw.TextField(default="")
    complaint_no = pw.CharField(max_length=40, default="")
    complaint_at = UTCDateTimeField()
    reporting_dept = pw.CharField(max_length=40, default="客服部")
    handling_dept = pw.CharField(max_length=40, default="")
    # Indexed only through (state, state_since) below. On a slow share every index an action
    # touches costs about six file operations, so a column is indexed only where a query needs it.
    state = pw.CharField(max_length=24)
    state_since = UTCDateTimeField()
    outcome = pw.CharField(max_length=16, null=True)  # refunded | not_credited | cancelled
    # The user columns are not indexed: no query looks refunds up by them, and users are
    # disabled, never deleted, so the foreign keys never need to scan from the user's side.
    created_by = pw.ForeignKeyField(User, index=False, backref="+")
    created_at = UTCDateTimeField()
    submitted_by = pw.ForeignKeyField(User, index=False, null=True, backref="+")
    submitted_at = UTCDateTimeField(null=True)  # the CS table's month; indexed below
    tech_returned_at = UTCDateTimeField(null=True)
    finance_submitted_at = UTCDateTimeField(null=True)  # the finance table's month; indexed below
    finance_answered_at = UTCDateTimeField(null=True)
    money_confirmed_at = UTCDateTimeField(null=True)
    paid_at = UTCDateTimeField(null=True)
    customer_told_at = UTCDateTimeField(null=True)
    cashier = pw.ForeignKeyField(User, index=False, null=True, backref="+")
    accountant = pw.ForeignKeyField(User, index=False, null=True, backref="+")
    director = pw.ForeignKeyField(User, index=False, null=True, backref="+")
    payer = pw.ForeignKeyField(User, index=False, null=True, backref="+")
    president_requested = pw.BooleanField(default=False)
    president_answered = pw.BooleanField(default=False)
    version = pw.IntegerField(default=1)
    updated_by = pw.ForeignKeyField(User, index=False, backref="+")
    updated_at = UTCDateTimeField()

    class Meta:
        # complaint_at: search lists newest first and filters by complaint date
        indexes = ((("state", "state_since"), False), (("complaint_at",), False))
        constraints = [pw.Check("amount_fen > 0"), pw.Check("version >= 1")]


# The months' tables find their refunds by these two times. Indexed only where set: a new form
# then touches neither index, and setting the time adds one entry instead of moving it out of
# the crowd of NULLs. (A range test on the column implies IS NOT NULL to SQLite and PostgreSQL.)
for _column in (Refund.submitted_at, Refund.finance_submitted_at):
    Refund.add_index(Refund.index(_column, where=_column.is_null(False)))


class StepRecord(BaseModel):
    """One action on a refund: the opinion blocks and the history of the paper form."""

    refund = pw.ForeignKeyField(Refund, backref="steps", index=False)  # see (refund, executed_at)
    action = pw.CharField(max_length=24)
    from_state = pw.CharField(max_length=24)
    to_state = pw.CharField(max_length=24)
    block = pw.CharField(max_length=16, null=True)  # which opinion block of the paper form
    opinion = pw.TextField(default="")
    reason = pw.TextField(default="")  # send back / cancel / escalation
    executor = pw.ForeignKeyField(User, index=False, backref="+")
    executed_at = UTCDateTimeField(index=True)
    leader = pw.CharField(max_length=40, default="")  # 领导审批: the leader who signed
    version_after = pw.IntegerField()
    # How long the refund was in `from_state`, in milliseconds, for the steps that change the
    # state (NULL for the others): the analytics' time per step, kept as it is written instead
    # of being worked out again from the whole history on every analysis.
    waited_ms = pw.BigIntegerField(null=True)

    class Meta:
        # a refund's history in order (the form's history, time per step in the analytics)
        indexes = ((("refund", "executed_at"), False),)


class AuditLog(BaseModel):
    """Append-only (triggers refuse UPDATE and DELETE); each row carries the previous row's hash
    and the hashes of the rows its write left behind (`sealed`, see `store.seals`)."""

    seq = pw.BigIntegerField(primary_key=True)
    at = UTCDateTimeField()
    actor = pw.CharField(max_length=60)  # username, or "cli:<os user>"
    action = pw.CharField(max_length=40)
    entity = pw.CharField(max_length=24)
    entity_id = pw.CharField(max_length=40)
    detail = pw.TextField()  # canonical JSON
    prev_hash = pw.CharField(max_length=64)
    hash = pw.CharField(max_length=64)
    sealed = pw.TextField(null=True)  # canonical JSON {"table/key": row hash or null}


class AuditHead(BaseModel):
    """A single row that every writer locks to append in order (serialises the hash chain)."""

    id = pw.IntegerField(primary_key=True)
    last_seq = pw.BigIntegerField()
    last_hash = pw.CharField(max_length=64)


class PrintLog(BaseModel):
    at = UTCDateTimeField(index=True)
    user = pw.ForeignKeyField(User, null=True, backref="+")  # NULL: printed from the CLI
    actor = pw.CharField(max_length=60)  # who printed, as the audit log names them
    document = pw.CharField(max_length=24)  # refund | handover | stats_cs | stats_finance
    ref = pw.CharField(max_length=40)  # form number, handover id, month
    version = pw.IntegerField()


class Handover(BaseModel):
    """客服部值班交接单: one per shift change."""

    shift = pw.CharField(max_length=8)  # day | middle
    shift_start = UTCDateTimeField()
    shift_end = UTCDateTimeField()
    filled_at = UTCDateTimeField()
    handed_by = pw.ForeignKeyField(User, backref="+")  # 交接人
    taken_by = pw.ForeignKeyField(User, null=True, backref="+")  # 接交人
    attendance = pw.TextField(default="{}")  # JSON: expected, present, late, left_early, absent
    work_done = pw.TextField(default="[]")  # JSON list of numbered items
    follow_ups = pw.TextField(default="[]")  # JSON list of numbered items
    refund_notes = pw.TextField(default="{}")  # JSON: form_no -> note added by hand
    cleaned = pw.BooleanField(null=True)
    signed_at = UTCDateTimeField(null=True)
    confirmed_at = UTCDateTimeField(null=True)
    version = pw.IntegerField(default=1)
    updated_at = UTCDateTimeField()


class MonthlyReport(BaseModel):
    """客服 / 财务退单统计表 of one month and where it is in its lifecycle."""

    kind = pw.CharField(max_length=8)  # cs | finance
    month = pw.CharField(max_length=7)  # YYYY-MM
    state = pw.CharField(max_length=12)  # prepared | approved | submitted | archived
    prepared_by = pw.ForeignKeyField(User, backref="+")
    prepared_at = UTCDateTimeField()
    approved_by = pw.ForeignKeyField(User, null=True, backref="+")
    approved_at = UTCDateTimeField(null=True)
    submitted_by = pw.ForeignKeyField(User, null=True, backref="+")
    submitted_at = UTCDateTimeField(null=True)
    archived_by = pw.ForeignKeyField(User, null=True, backref="+")
    archived_at = UTCDateTimeField(null=True)
    version = pw.IntegerField(default=1)

    class Meta:
        indexes = ((("kind", "month"), True),)


class Adjustment(BaseModel):
    """A correction to a refund finance has handled, recorded in the open month by one finance
    user and counted only once another (the director) has approved it (maker-checker)."""

    refund = pw.ForeignKeyField(Refund, backref="adjustments")
    month = pw.CharField(max_length=7)
    amount_fen = pw.BigIntegerField()
    reason = pw.TextField()
    created_by = pw.ForeignKeyField(User, backref="+")
    created_at = UTCDateTimeField()
    state = pw.CharField(max_length=12, default="pending")  # pending | approved | rejected
    approved_by = pw.ForeignKeyField(User, null=True, index=False, backref="+")
    approved_at = UTCDateTimeField(null=True)
    opinion = pw.TextField(default="")
    version = pw.IntegerField(default=1)


class DutyHolder(BaseModel):
    """Who held which duty on which record (a refund, a monthly table, an adjustment), over the
    record's whole life: rows are only ever added. A trigger refuses a duty that `DutyConflict`
    separates from one the same person already holds on the same record."""

    entity = pw.CharField(max_length=16)  # refund | monthly_report | adjustment
    entity_id = pw.BigIntegerField()
    user = pw.ForeignKeyField(User, index=False, backref="+")
    duty = pw.CharField(max_length=24)

    class Meta:
        primary_key = pw.CompositeKey("entity", "entity_id", "user", "duty")


class DutyConflict(BaseModel):
    """`domain.duties.CONFLICT_PAIRS` as the database's own rule (written by the migrations)."""

    duty = pw.CharField(max_length=24)
    other = pw.CharField(max_length=24)

    class Meta:
        primary_key = pw.CompositeKey("duty", "other")
