"""A fast bulk generator for benchmark databases: office-years of refunds with full step
histories, written with plain multi-row INSERTs in one transaction (100,000 refunds in well under
a minute). The rows follow the real transition table: each refund's columns are what the
services would have left after its steps (clocks, duties, outcome, order claim, version).

Bulk rows bypass the services, so they carry no audit rows and no seals (`refund-desk check`
names them: the benchmark measures speed, not a real office's history); everything written
afterwards through the services is audited and sealed as usual. The database is a demo one.
Databases are cached under /tmp keyed by size, seed and schema, so reruns are fast."""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import random
import sqlite3
import tempfile
from dataclasses import dataclass
from types import SimpleNamespace

from refund_desk.domain import workflow
from refund_desk.domain.duties import Duty, first_free
from refund_desk.domain.refund_fields import DEFAULT_BANKS, DEFAULT_FAULT_CATEGORIES
from refund_desk.domain.roles import Role
from refund_desk.domain.workflow import Action, State
from refund_desk.store import db as dbmod
from refund_desk.store import demo, migrations, refunds, session

GENERATOR_VERSION = 3
CACHE_DIR = os.environ.get("REFUND_DESK_BENCH_CACHE", "/tmp/refund-desk-bench")
DAYS = 1000  # the period every database spans: 100,000 refunds = 100 a day for ~2.7 years
BATCH = 500  # rows per INSERT statement
OFFICE_OFFSET = dt.timedelta(hours=8)  # Asia/Shanghai has no daylight saving

A = Action
# who of the generated office takes each forward step, by the step's first role
_WHO = {
    Role.CLERK: "clerk",
    Role.CS_LEAD: "lead",
    Role.TECH: "tech",
    Role.CASHIER: "cashier",
    Role.ACCOUNTANT: "accountant",
    Role.FINANCE_DIRECTOR: "director",
}
FORWARD = tuple((t.action, _WHO[min(t.roles, key=list(Role).index)]) for t in workflow.FORWARD_PATH)
# minutes a step typically takes (a few take far longer: the overdue ones)
MINUTES = {
    A.SUBMIT: (3, 9),
    A.LEAD_APPROVE: (5, 30),
    A.TECH_RETURN: (20, 120),
    A.SUBMIT_TO_FINANCE: (10, 50),
    A.CASHIER_APPROVE: (30, 180),
    A.ACCOUNTANT_APPROVE: (20, 120),
    A.DIRECTOR_APPROVE: (20, 180),
    A.PAY: (30, 240),
    A.TELL_CUSTOMER: (10, 90),
    A.NOT_CREDITED: (30, 180),
    A.CANCEL: (5, 60),
    A.SEND_BACK: (30, 120),
}
OPINION = "已核实，同意。"  # a step asking for an opinion that has none of its own below
OPINIONS = {
    A.LEAD_APPROVE: "客户反映扣款成功但未收到订单号及出票验证码，资料齐全，转技术部核实。",
    A.TECH_RETURN: "原因：查系统日志，故障属实，订单未出票。方案：同意原卡退款。",
    A.CASHIER_APPROVE: "已核实款项到账，金额无误。",
    A.ACCOUNTANT_APPROVE: "复核无误。",
    A.DIRECTOR_APPROVE: "同意退款。",
    A.NOT_CREDITED: "银行流水未见该笔扣款，款项未入帐，无需退款。",
}
REASONS = {A.SEND_BACK: "银行名称与卡号不符，请核对后重新提交。", A.CANCEL: "客户撤回投诉。"}
ROLE_USERS = {
    "clerk": ("clerk1", "clerk2", "lead1"),
    "lead": ("lead1", "lead2"),
    "tech": ("tech1", "tech2"),
    "cashier": ("cashier1", "cashier2"),
    "accountant": ("accountant1",),
    "director": ("director1",),
}
REFUND_COLUMNS = [
    "id",
    "form_no",
    "idem_key",
    "order_no",
    "order_claim",
    "phone",
    "contact",
    "purchase_time",
    "bank",
    "bank_other",
    "amount_fen",
    "fault_category",
    "fault_description",
    "customer_view",
    "complaint_no",
    "complaint_at",
    "reporting_dept",
    "handling_dept",
    "state",
    "state_since",
    "outcome",
    "created_by_id",
    "created_at",
    "submitted_by_id",
    "submitted_at",
    "tech_returned_at",
    "finance_submitted_at",
    "finance_answered_at",
    "money_confirmed_at",
    "paid_at",
    "customer_told_at",
    "cashier_id",
    "accountant_id",
    "director_id",
    "payer_id",
    "president_requested",
    "president_answered",
    "version",
    "updated_by_id",
    "updated_at",
]
STEP_COLUMNS = [
    "refund_id",
    "action",
    "from_state",
    "to_state",
    "block",
    "opinion",
    "reason",
    "executor_id",
    "executed_at",
    "leader",
    "version_after",
    "waited_ms",
]
TIMED = {
    "state_since",
    "submitted_at",
    "tech_returned_at",
    "finance_submitted_at",
    "finance_answered_at",
    "money_confirmed_at",
    "paid_at",
    "customer_told_at",
}


@dataclass(frozen=True)
class BenchDb:
    """A generated database and what the benchmarks need to know about it."""

    path: str
    count: int
    end: dt.datetime  # the generator's "now": the newest refund is just before it
    users: dict[str, int]  # username -> id

    def location(self) -> str:
        return self.path


# --- paths: the sequence of (action, who, send-back target) a refund went through --------------
Path = tuple[tuple[Action, str, State | None], ...]


def _forward(until: int) -> list[tuple[Action, str, State | None]]:
    return [(a, who, None) for a, who in FORWARD[:until]]


def _until(state: State) -> list[tuple[Action, str, State | None]]:
    """The forward steps that bring a new refund to `state` (the flow says how many)."""
    return _forward(workflow.STEP_ORDER.index(state))


def _path(rng: random.Random, recent: bool) -> Path:
    """How far a refund has got. Old refunds are nearly all closed; recent ones are spread over
    every step; 5% of those reaching finance were sent back once by the cashier."""
    roll = rng.random()
    if recent:
        steps = _forward(rng.randrange(0, len(FORWARD) + 1))
    elif roll < 0.86:
        steps = _until(State.CUSTOMER_TOLD)
    elif roll < 0.89:
        steps = _until(State.REFUNDED)  # customer not told yet
    elif roll < 0.93:
        steps = [
            *_until(State.CASHIER_CHECK),
            (A.NOT_CREDITED, "cashier", None),
            (A.TELL_CUSTOMER, "clerk", None),
        ]
    elif roll < 0.96:
        steps = [*_until(State.LEAD_REVIEW), (A.CANCEL, "lead", None)]
    else:  # stuck somewhere: the backlog every office has
        steps = _forward(rng.randrange(0, workflow.STEP_ORDER.index(State.REFUNDED)))
    check = workflow.STEP_ORDER.index(State.CASHIER_CHECK)
    if len(steps) > check and steps[check][0] == A.CASHIER_APPROVE and rng.random() < 0.05:
        steps[check:check] = [
            (A.SEND_BACK, "cashier", State.CS_SUBMIT),
            (A.SUBMIT_TO_FINANCE, "lead", None),
        ]
    return tuple(steps)


@dataclass(frozen=True)
class _Template:
    """What a path does to the refund row and its steps, in symbolic times (step numbers) and
    executors ("u<step>"), computed once per distinct path with the services' own rules."""

    columns: dict  # column -> ("t", step) | ("u", step) | literal
    steps: tuple  # (action, from, to, block, step number) per step
    final: State


def _template(path: Path) -> _Template:
    transitions = {(t.source, t.action, t.target): t for t in workflow.TRANSITIONS}
    by_action = {}
    for t in workflow.TRANSITIONS:
        by_action.setdefault((t.source, t.action), t)
    row = SimpleNamespace(state=State.DRAFT.value, president_requested=False, complaint_at=0)
    for name in TIMED | {"customer_told_at"}:
        setattr(row, name, None)
    columns: dict = {}
    steps = []
    state = State.DRAFT
    for n, (action, _who, target) in enumerate(path, start=1):
        if action == A.SEND_BACK:
            t = transitions[(state, action, target)]
        else:
            t = by_action[(state, action)]
        effects = refunds._effects(t, row, SimpleNamespace(id=("u", n)), n)
        for key, value in effects.items():
            if key in TIMED and isinstance(value, int):
                value = ("t", value)
            columns[key] = value
            setattr(row, key, value[1] if isinstance(value, tuple) and value[0] == "t" else value)
        target_state = t.target or state
        steps.append((action, state, target_state, t.block.value if t.block else None, n))
        state = target_state
        row.state = state.value
    return _Template(columns, tuple(steps), state)


# --- rows ----------------------------------------------------------------------------------------
def _stamp(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S")


def _generate(conn: sqlite3.Connection, count: int, seed: int, end: dt.datetime, users: dict):
    rng = random.Random(seed)
    templates: dict[Path, _Template] = {}
    banks = [code for code, _ in DEFAULT_BANKS if code != "other"]
    categories = [code for code, _ in DEFAULT_FAULT_CATEGORIES]
    pick = {role: [users[name] for name in names] for role, names in ROLE_USERS.items()}
    start = end - dt.timedelta(days=DAYS)
    span = (end - start).total_seconds()
    recent_from = end - dt.timedelta(days=7)
    counters: dict[int, int] = {}
    refund_rows: list[tuple] = []
    step_rows: list[tuple] = []
    refund_sql = _insert_sql("refund", REFUND_COLUMNS)
    step_sql = _insert_sql("step_record", STEP_COLUMNS)
    duty_sql = _insert_sql("duty_holder", ["entity", "entity_id", "user_id", "duty"], ignore=True)
    duty_rows: list[tuple] = []
    for i in range(count):
        refund_id = i + 1
        opened = start + dt.timedelta(seconds=span * (i + rng.random()) / count)
        path = _path(rng, opened >= recent_from)
        template = templates.get(path)
        if template is None:
            template = templates[path] = _template(path)
        times = [opened + dt.timedelta(minutes=rng.randrange(1, 8))]
        executors = [rng.choice(pick["clerk"])]
        held = {executors[0]: {Duty.CREATOR}}  # user id -> duties on this refund
        for (action, who, _target), (_a, source, *_rest) in zip(path, template.steps, strict=True):
            low, high = MINUTES.get(action, (10, 60))
            minutes = rng.randrange(low, high) * (8 if rng.random() < 0.03 else 1)
            times.append(times[-1] + dt.timedelta(minutes=minutes))
            duty = STEP_DUTY.get((action, source))
            if who == "clerk" and action == A.SUBMIT:
                person = executors[0]
            else:  # someone of the role whom the separations leave free to take the step
                person = first_free(rng.sample(pick[who], len(pick[who])), held, duty)
            if duty is not None:
                held.setdefault(person, set()).add(duty)
            executors.append(person)
        if times[-1] > end:  # keep every step in the past
            shift = times[-1] - end + dt.timedelta(minutes=1)
            times = [t - shift for t in times]
        stamps = [_stamp(t) for t in times]
        local_year = (times[0] + OFFICE_OFFSET).year
        seq = counters[local_year] = counters.get(local_year, 0) + 1
        order_no = f"TK{2020000000 + i * 7 + rng.randrange(7)}"
        values = {
            "state_since": stamps[0],
            "version": 1 + len(path),
            "updated_by_id": executors[-1],
            "updated_at": stamps[-1],
            "order_claim": order_no,
            "outcome": None,
            "president_requested": 0,
            "president_answered": 0,
            "state": State.DRAFT.value,
        }
        for name in TIMED:
            values.setdefault(name, None)
        for name in ("submitted_by_id", "cashier_id", "accountant_id", "director_id", "payer_id"):
            values[name] = None
        for key, value in template.columns.items():
            if isinstance(value, tuple):
                value = stamps[value[1]] if value[0] == "t" else executors[value[1]]
            values[key + "_id" if key in _USER_COLUMNS else key] = value
        amount = rng.choice((rng.randrange(1000, 20000), rng.randrange(20000, 300000)))
        refund_rows.append(
            (
                refund_id,
                f"TD-{local_year}-{seq:06d}",
                f"bulk-{seed}-{refund_id}",
                order_no,
                values["order_claim"],
                f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}",
                "",
                _stamp(opened - dt.timedelta(minutes=rng.randrange(5, 600))),
                rng.choice(banks),
                "",
                amount,
                rng.choice(categories),
                "客户反映扣款成功但未收到订单号及出票验证码。",
                "要求原卡退款。",
                "",
                _stamp(opened),
                "客服部",
                "技术部",
                values["state"],
                values["state_since"],
                values["outcome"],
                executors[0],
                stamps[0],
                values["submitted_by_id"],
                values["submitted_at"],
                values["tech_returned_at"],
                values["finance_submitted_at"],
                values["finance_answered_at"],
                values["money_confirmed_at"],
                values["paid_at"],
                values["customer_told_at"],
                values["cashier_id"],
                values["accountant_id"],
                values["director_id"],
                values["payer_id"],
                values["president_requested"],
                values["president_answered"],
                values["version"],
                values["updated_by_id"],
                values["updated_at"],
            )
        )
        duty_rows.append(("refund", refund_id, executors[0], Duty.CREATOR.value))
        entered = times[0]  # when the refund came into its current state
        for (action, source, target, block, n), (_a, _who, _t) in zip(
            template.steps, path, strict=True
        ):
            waited = None
            if source != target:
                waited = round((times[n] - entered) / dt.timedelta(milliseconds=1))
                entered = times[n]
            step_rows.append(
                (
                    refund_id,
                    action.value,
                    source.value,
                    target.value,
                    block,
                    OPINIONS.get(action, OPINION) if block else "",
                    REASONS.get(action, ""),
                    executors[n],
                    stamps[n],
                    "",
                    1 + n,
                    waited,
                )
            )
            duty = STEP_DUTY.get((action, source))
            if duty is not None:
                duty_rows.append(("refund", refund_id, executors[n], duty.value))
        if len(refund_rows) >= BATCH:
            _flush(conn, refund_sql, refund_rows)
        if len(step_rows) >= BATCH:
            _flush(conn, step_sql, step_rows)
        if len(duty_rows) >= BATCH:
            _flush(conn, duty_sql, duty_rows)
    _flush(conn, refund_sql, refund_rows)
    _flush(conn, step_sql, step_rows)
    _flush(conn, duty_sql, duty_rows)
    return counters


_USER_COLUMNS = {"submitted_by", "cashier", "accountant", "director", "payer", "updated_by"}
# The duty each kind of step gives its executor, read off the transition table.
STEP_DUTY = {(t.action, t.source): t.duty for t in workflow.TRANSITIONS if t.duty is not None}


def _insert_sql(table: str, columns: list[str], ignore: bool = False) -> dict[int, str]:
    one = "(" + ",".join("?" * len(columns)) + ")"
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    head = f"{verb} INTO {table} ({','.join(columns)}) VALUES "
    return {n: head + ",".join([one] * n) for n in (BATCH,)} | {"head": head, "one": one}


def _flush(conn: sqlite3.Connection, sql: dict, rows: list[tuple]) -> None:
    while rows:
        chunk, rows[:] = rows[:BATCH], rows[BATCH:]
        statement = sql.get(len(chunk)) or sql["head"] + ",".join([sql["one"]] * len(chunk))
        conn.execute(statement, [v for row in chunk for v in row])


# --- cache --------------------------------------------------------------------------------------
def schema_key() -> str:
    """A hash of the schema the current models create (a new index means a new database)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "schema.db")
        session.open_store(path, create=True, kind="demo")
        dbmod.DB.obj.close()
        with sqlite3.connect(path) as conn:
            sql = sorted(r[0] for r in conn.execute("SELECT sql FROM sqlite_master") if r[0])
        conn.close()
    # the schema version too: a version may change only what its rows mean (the same SQL)
    text = json.dumps([GENERATOR_VERSION, DAYS, migrations.LATEST, sql])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def bench_db(count: int, seed: int = 7, log=print) -> BenchDb:
    """The cached database of `count` refunds, generated when missing."""
    os.makedirs(CACHE_DIR, exist_ok=True)
    key = schema_key()
    path = os.path.join(CACHE_DIR, f"refunds-{count}-s{seed}-{key}.db")
    meta_path = path + ".json"
    if os.path.exists(path) and os.path.exists(meta_path):
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
        return BenchDb(path, count, dt.datetime.fromisoformat(meta["end"]), meta["users"])
    for stale in glob.glob(os.path.join(CACHE_DIR, f"refunds-{count}-s{seed}-*.db*")):
        if not stale.startswith(path) and not stale.endswith(".partial"):
            os.remove(stale)  # made for an older schema: never used again
    log(f"generating {count:,} refunds into {path} …")
    partial = f"{path}.{os.getpid()}.partial"  # two runs at once each make their own
    session.open_store(partial, create=True, kind="demo")  # made-up data: a demo database
    people = demo.ensure_users()
    users = {name: actor.user_id for name, actor in people.items()}
    dbmod.DB.obj.close()
    end = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    conn.execute("BEGIN")
    counters = _generate(conn, count, seed, end.replace(tzinfo=None), users)
    for year, value in counters.items():
        conn.execute(
            "INSERT OR REPLACE INTO counter (name, value) VALUES (?, ?)", (f"form_no:{year}", value)
        )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    with open(meta_path, "w", encoding="utf-8") as f:
        json.dump({"end": end.isoformat(), "users": users, "count": count}, f)
    os.replace(partial, path)
    return BenchDb(path, count, end, users)
