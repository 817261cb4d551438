"""A writer for the race, crash and fault tests: random operations through the services (create,
edit, every transition, send back, and illegal ones), each answer appended to a log as one JSON
line *after* the service returned, so the tests can prove that every acknowledged change is in
the database and every refusal was reported.

    python -m tests.reliability.worker setup --db URL --refunds 50
    python -m tests.reliability.worker run --db URL --ops 200 --seed 3 --log w3.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from refund_desk.domain.errors import RefundDeskError
from refund_desk.domain.sla import OFFICE_TZ
from refund_desk.domain.workflow import Action, State, allowed_actions
from refund_desk.store import db as dbmod
from refund_desk.store import refunds, session
from refund_desk.store.actors import Actor
from refund_desk.store.models import Refund, User

PEOPLE = (
    "clerk",
    "clerk2",
    "lead",
    "tech",
    "cashier",
    "cashier2",
    "accountant",
    "director",
    "president",
    "admin",
    "all_finance",
)
EDITORS = ("clerk", "clerk2", "lead")
OPINION = "原因：已核实扣款记录。方案：原卡退款。"
REASON = "资料不全，请补充"
# Most people move a form forward; sending back, cancelling and escalating are rarer.
WEIGHTS = {
    Action.SEND_BACK: 0.15,
    Action.CANCEL: 0.03,
    Action.REQUEST_PRESIDENT: 0.05,
    Action.PRESIDENT_OPINION: 0.3,
    Action.TRACK: 0.05,
    Action.NOT_CREDITED: 0.1,
}


def order_numbers(count: int) -> list[str]:
    """The fixed pool of orders the refunds are about (`count` of them)."""
    return [f"TK{8_000_000_000 + i}" for i in range(count)]


def form_data(order_no: str, amount_fen: int) -> dict:
    purchase = dt.datetime(2026, 1, 5, 9, 30, tzinfo=OFFICE_TZ)
    return {
        "order_no": order_no,
        "phone": "13800138000",
        "purchase_time": purchase.strftime("%Y-%m-%d %H:%M"),
        "bank": "icbc",
        "amount": f"{amount_fen // 100}.{amount_fen % 100:02d}",
        "fault_category": "no_ticket_code",
        "fault_description": "扣款成功但未收到出票验证码",
        "customer_view": "要求原卡退款",
    }


def setup(url: str, count: int, log_path: str | None = None) -> list[dict]:
    """A new office (one user per role, password "demo") with one draft per order of the pool."""
    from tests.conftest import make_office

    office = make_office(url)
    acks = []
    for i, order in enumerate(order_numbers(count)):
        fen = 10_000 + i * 101
        idem = f"setup-{i}"
        saved = refunds.create_refund(office["clerk"], form_data(order, fen), idem)
        acks.append(
            {
                "w": "setup",
                "op": "create",
                "who": "clerk",
                "order": order,
                "idem": idem,
                "rid": saved.refund_id,
                "version": 1,
                "state": "draft",
                "amount_fen": fen,
            }
        )
    if log_path:
        with open(log_path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(a) + "\n" for a in acks)
    return acks


class Writer:
    """One office PC: loads a refund, waits a little (a person reading), then writes."""

    def __init__(self, name: str, seed: int, log: Path, think_ms: float = 3.0) -> None:
        self.name = name
        self.rng = random.Random(seed)
        self.log = open(log, "a", encoding="utf-8")  # noqa: SIM115 (open for the whole run)
        self.think = think_ms / 1000
        with dbmod.connection():
            users = {u.username: u for u in User.select()}
        self.people = {n: Actor.from_user(users[n]) for n in PEOPLE}
        self.orders = order_numbers(int(os.environ.get("RD_REL_ORDERS", "50")))
        self.idem_used: list[tuple[str, str, int, str]] = []
        self.ids: list[int] = []
        self.ops = 0
        # Set by the fault tests: called around each service call to switch faults on and off.
        self.around: Callable[[bool], None] = lambda on: None

    def record(self, entry: dict) -> None:
        entry["w"] = self.name
        self.log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.log.flush()

    def _refresh_ids(self) -> None:
        with dbmod.connection():
            self.ids = [i for (i,) in Refund.select(Refund.id).tuples()]

    def _load(self, refund_id: int) -> Refund:
        with dbmod.connection():
            return Refund.get_by_id(refund_id)

    def _call(self, entry: dict, fn: Callable, *args, **kw):
        self.ops += 1
        self.around(True)
        try:
            saved = fn(*args, **kw)
        except RefundDeskError as e:
            self.around(False)
            entry.update(err=e.code, cls=type(e).__name__, text=e.text())
            self.record(entry)
            return None
        except Exception as e:  # a crash is what the tests look for
            self.around(False)
            entry.update(crash=f"{type(e).__name__}: {e}")
            self.record(entry)
            return None
        self.around(False)
        entry.update(version=saved.version, state=saved.state.value, rid=saved.refund_id)
        self.record(entry)
        return saved

    def one(self) -> None:
        if not self.ids or self.rng.random() < 0.05:
            self._refresh_ids()
        r = self.rng.random()
        if r < 0.08:
            self.create()
        elif r < 0.25:
            self.edit()
        elif r < 0.30:
            self.anything()
        else:
            self.transition()

    def create(self) -> None:
        if self.idem_used and self.rng.random() < 0.25:
            # A double-click or a retried save: the same form again under the same key.
            idem, order, fen, who = self.rng.choice(self.idem_used)
        else:
            idem = f"{self.name}-{uuid.uuid4().hex}"
            order = self.rng.choice(self.orders)
            fen = self.rng.randint(1, 5_000_000)
            who = self.rng.choice(EDITORS)
            self.idem_used.append((idem, order, fen, who))
        entry = {"op": "create", "who": who, "order": order, "idem": idem, "amount_fen": fen}
        self._call(entry, refunds.create_refund, self.people[who], form_data(order, fen), idem)

    def edit(self) -> None:
        refund = self._load(self.rng.choice(self.ids))
        fen = self.rng.randint(1, 5_000_000)
        who = self.rng.choice(EDITORS)
        time.sleep(self.rng.uniform(0, self.think))
        entry = {
            "op": "edit",
            "who": who,
            "rid": refund.id,
            "exp": refund.version,
            "amount_fen": fen,
        }
        data = form_data(refund.order_no, fen)
        self._call(entry, refunds.edit_refund, self.people[who], refund.id, refund.version, data)

    def transition(self) -> None:
        refund = self._load(self.rng.choice(self.ids))
        facts = refunds.facts_of(refund)
        choices = [
            (name, t)
            for name, actor in self.people.items()
            for t in allowed_actions(facts, actor.user_id, actor.roles)
        ]
        if not choices:
            return
        actions = sorted({t.action for _, t in choices})
        action = self.rng.choices(actions, [WEIGHTS.get(a, 1.0) for a in actions])[0]
        name, t = self.rng.choice([c for c in choices if c[1].action == action])
        time.sleep(self.rng.uniform(0, self.think))
        self._act(refund, name, t.action, t.target if t.action == Action.SEND_BACK else None)

    def anything(self) -> None:
        """Someone clicks something the rules may well refuse."""
        refund = self._load(self.rng.choice(self.ids))
        action = self.rng.choice(list(Action))
        target = self.rng.choice(list(State)) if action == Action.SEND_BACK else None
        self._act(refund, self.rng.choice(PEOPLE), action, target)

    def _act(self, refund: Refund, who: str, action: Action, target: State | None) -> None:
        entry = {
            "op": "act",
            "who": who,
            "rid": refund.id,
            "exp": refund.version,
            "action": action.value,
            "target": target.value if target else None,
            "amount_fen": refund.amount_fen,
            "order": refund.order_no,
        }
        self._call(
            entry,
            refunds.act,
            self.people[who],
            refund.id,
            refund.version,
            action,
            opinion=OPINION,
            reason=REASON,
            target=target,
        )

    def run(self, ops: int) -> None:
        while ops < 0 or self.ops < ops:
            calls = self.ops
            try:
                self.one()
            except RefundDeskError as e:  # reading failed (the share went away, say)
                self.record(
                    {"op": "load", "err": e.code, "cls": type(e).__name__, "text": e.text()}
                )
            except Refund.DoesNotExist:  # a restore took away a refund this PC had listed
                self._refresh_ids()
            except Exception as e:  # a crash is what the tests look for
                self.record({"op": "load", "crash": f"{type(e).__name__}: {e}"})
            if self.ops == calls:
                self.ops += 1  # a read that failed, or nothing to do, counts as an operation


def read_log(path: Path) -> list[dict]:
    """Every complete line (a writer killed mid-line leaves a torn last line: not an ack)."""
    entries = []
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("setup", "run"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--refunds", type=int, default=50)
    parser.add_argument("--ops", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log", default="")
    parser.add_argument("--think-ms", type=float, default=3.0)
    args = parser.parse_args(argv)
    if args.command == "setup":
        setup(args.db, args.refunds, args.log or None)
        return 0
    session.open_store(args.db)
    writer = Writer(f"w{args.seed}", args.seed, Path(args.log), args.think_ms)
    print("ready", flush=True)
    writer.run(args.ops)
    return 0


if __name__ == "__main__":
    sys.exit(main())
