"""What must hold after any race, crash or fault, checked against the writers' logs.

`strict` (no writer was killed) also demands the converse: every change in the database was
acknowledged to exactly one caller, and each refund ends as its last acknowledged change left it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import peewee as pw

from refund_desk.store import db as dbmod
from refund_desk.store import maintenance
from refund_desk.store.models import AuditLog, Refund, StepRecord, User

# Refusals by the rules or by the account: each one is written to the audit log.
# Every refusal is audited: all but a database that failed (which is not a refusal).
NOT_A_REFUSAL = frozenset({"DatabaseError"})


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)

    def bad(self, text: str) -> None:
        if len(self.problems) < 50:
            self.problems.append(text)


def _history():
    """Each refund's committed versions: (refund id -> {version: (kind, detail)})."""
    refunds = {r.id: r for r in Refund.select()}
    by_form = {r.form_no: r.id for r in refunds.values()}
    versions: dict[int, dict[int, tuple]] = defaultdict(dict)
    steps = list(StepRecord.select())
    for s in steps:
        versions[s.refund_id][s.version_after] = ("act", s)
    audited: set[tuple[int, int, str]] = set()
    edits: dict[tuple[int, int], dict] = {}
    for row in AuditLog.select().where(AuditLog.entity == "refund"):
        rid = by_form.get(row.entity_id)
        if rid is None:
            continue
        detail = json.loads(row.detail)
        version = detail.get("version", 1 if row.action == "create" else None)
        if version is None:
            continue
        audited.add((rid, int(version), row.action))
        if row.action == "edit":
            edits[(rid, int(version))] = detail
            versions[rid].setdefault(int(version), ("edit", detail))
    return refunds, versions, steps, audited, edits


def check(entries: list[dict], strict: bool) -> Findings:
    """All invariants; call with the store bound (a short write transaction keeps it still)."""
    f = Findings()
    with dbmod.write(check_schema=False) as database:  # SET TRANSACTION must come first
        if not isinstance(database, pw.SqliteDatabase):  # one snapshot for all the reads
            database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        report = maintenance.check()
        for what, ok, detail in report.lines:
            if not ok:
                f.bad(f"{what}: {detail}")
        refunds, versions, steps, audited, edits = _history()
        denied_rows = AuditLog.select().where(AuditLog.action.startswith("denied:")).count()
        user_ids = {u.username: u.id for u in User.select()}
        if isinstance(database, pw.SqliteDatabase):
            fk = database.execute_sql("PRAGMA foreign_key_check").fetchall()
            if fk:
                f.bad(f"foreign keys broken: {fk[:3]}")
    f.figures["refunds"] = len(refunds)
    f.figures["steps"] = len(steps)
    _no_half_applied(f, refunds, versions, steps, audited)
    acks = [e for e in entries if "version" in e]
    f.figures["acknowledged"] = len(acks)
    f.figures["conflicts"] = sum(e.get("cls") == "Conflict" for e in entries)
    f.figures["refused"] = sum("err" in e for e in entries)
    f.figures["crashes"] = sum("crash" in e for e in entries)
    for e in entries:
        if "crash" in e:
            f.bad(f"{e['w']}: not a RefundDeskError: {e['crash']}")
    _every_ack_present(f, acks, refunds, versions, edits, user_ids)
    _conflicts_were_real(f, entries, refunds)
    _money(f, acks, refunds, steps, strict)
    if strict:
        _nothing_unacknowledged(f, acks, refunds, versions)
        denied = sum("err" in e and e.get("cls") not in NOT_A_REFUSAL for e in entries)
        f.figures["denials_audited"] = denied_rows
        if denied != denied_rows:
            f.bad(f"{denied} refusals by the rules but {denied_rows} denied rows in the audit log")
    f.figures["rows_lost"] = sum(p.startswith("lost") for p in f.problems)
    return f


def _no_half_applied(f, refunds, versions, steps, audited) -> None:
    for rid, refund in refunds.items():
        history = versions.get(rid, {})
        top = max([1, *history])
        if refund.version != top:
            f.bad(f"half-applied: refund {rid} is at version {refund.version}, history at {top}")
        missing = [v for v in range(2, refund.version + 1) if v not in history]
        if missing:
            f.bad(f"half-applied: refund {rid} versions {missing[:5]} have no step or edit row")
        mine = [s for s in steps if s.refund_id == rid]
        last = max(mine, key=lambda s: s.version_after, default=None)
        if (
            last is not None
            and last.version_after == refund.version
            and last.to_state != refund.state
        ):
            f.bad(f"half-applied: refund {rid} state {refund.state} != step {last.to_state}")
    for s in steps:
        if (s.refund_id, s.version_after, s.action) not in audited:
            f.bad(f"half-applied: step {s.id} ({s.action}) has no audit row")


def _every_ack_present(f, acks, refunds, versions, edits, user_ids) -> None:
    seen: Counter = Counter()
    for a in acks:
        rid, version = a["rid"], a["version"]
        if a["op"] == "create":
            refund = refunds.get(rid)
            if refund is None or refund.idem_key != a["idem"]:
                f.bad(f"lost create: {a}")
            continue
        seen[(rid, version)] += 1
        kind, detail = versions.get(rid, {}).get(version, (None, None))
        if a["op"] == "act":
            ok = (
                kind == "act"
                and detail.action == a["action"]
                and detail.executor_id == user_ids[a["who"]]
            )
        else:
            ok = kind == "edit" and detail.get("amount_fen", str(a["amount_fen"])) == str(
                a["amount_fen"]
            )
        if not ok:
            f.bad(f"lost {a['op']}: refund {rid} version {version} is {kind}, ack {a}")
    doubled = [k for k, n in seen.items() if n > 1]
    f.figures["versions_acknowledged_twice"] = len(doubled)
    for rid, version in doubled[:5]:
        f.bad(f"lost update: version {version} of refund {rid} acknowledged to two callers")


def _conflicts_were_real(f, entries, refunds) -> None:
    for e in entries:
        if e.get("cls") == "Conflict":
            refund = refunds.get(e["rid"])
            if refund is None or refund.version <= e["exp"]:
                f.bad(f"conflict without a newer version: {e}")


def _money(f, acks, refunds, steps, strict) -> None:
    paid_per_order: Counter = Counter()
    pays = [s for s in steps if s.action == "pay"]
    for s in pays:
        paid_per_order[refunds[s.refund_id].order_no] += 1
    twice = [o for o, n in paid_per_order.items() if n > 1]
    if twice:
        f.bad(f"paid twice: {twice[:5]}")
    paid_db = sum(r.amount_fen for r in refunds.values() if r.outcome == "refunded")
    f.figures["payments"] = len(pays)
    f.figures["paid_fen"] = paid_db
    if sum(1 for r in refunds.values() if r.outcome == "refunded") != len(pays):
        f.bad("refunded outcomes and pay steps differ")
    if not strict:
        return
    pay_acks = [a for a in acks if a["op"] == "act" and a["action"] == "pay"]
    paid_acked = sum(a["amount_fen"] for a in pay_acks)
    approved = 0
    for a in pay_acks:
        approvals = [
            b
            for b in acks
            if b["op"] == "act"
            and b["action"] == "director_approve"
            and b["rid"] == a["rid"]
            and b["version"] < a["version"]
        ]
        if not approvals:
            f.bad(f"paid without an acknowledged approval: {a}")
            continue
        approved += max(approvals, key=lambda b: b["version"])["amount_fen"]
    f.figures["approved_fen"] = approved
    if not (paid_db == paid_acked == approved):
        f.bad(f"totals differ: paid {paid_db}, acknowledged {paid_acked}, approved {approved}")


def _nothing_unacknowledged(f, acks, refunds, versions) -> None:
    by_refund = defaultdict(dict)
    for a in acks:
        if a["op"] != "create":
            by_refund[a["rid"]][a["version"]] = a
    created = {a["rid"]: a for a in acks if a["op"] == "create"}
    for rid, refund in refunds.items():
        if rid not in created:
            f.bad(f"refund {rid} was created without an acknowledgement")
            continue
        mine = by_refund.get(rid, {})
        missing = [v for v in range(2, refund.version + 1) if v not in mine]
        if missing:
            f.bad(f"refund {rid}: versions {missing[:5]} committed but never acknowledged")
        amounts = [a for a in mine.values() if a["op"] == "edit"]
        last_amount = (
            max(amounts, key=lambda a: a["version"])["amount_fen"]
            if amounts
            else created[rid]["amount_fen"]
        )
        if refund.amount_fen != last_amount:
            f.bad(f"lost update: refund {rid} amount {refund.amount_fen} != last {last_amount}")
        if mine:
            top = mine[max(mine)]
            if top["op"] == "act" and top["state"] != refund.state:
                f.bad(f"lost update: refund {rid} state {refund.state} != {top['state']}")
