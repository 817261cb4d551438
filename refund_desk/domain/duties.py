"""Separation of duties (maker-checker), held per person over a record's whole life.

A duty is what a person did on one record: on a refund (created it, edited it, submitted it,
reviewed it as lead, verified it as tech, submitted it to finance, did the cashier check, the
accountant's review, the director's approval, paid it), on a monthly table (prepared it,
approved it) or on an adjustment (recorded it, approved it). Every duty of every pass is kept;
a resubmission or a send-back never erases one. `SEPARATIONS` is the one declaration of which
duties one person may not hold together on the same record: the domain checks it before every
step, the store checks it again inside the writing transaction, and the database refuses a
conflicting duty whatever wrote it (a trigger over `CONFLICT_PAIRS`)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from .errors import SamePerson, Text


class Duty(StrEnum):
    # a refund
    CREATOR = "creator"
    EDITOR = "editor"
    SUBMITTER = "submitter"
    LEAD = "lead"
    TECH = "tech"
    FINANCE_SUBMITTER = "finance_submitter"
    CASHIER = "cashier"
    ACCOUNTANT = "accountant"
    DIRECTOR = "director"
    PAYER = "payer"
    # a monthly table
    PREPARER = "preparer"
    HEAD_APPROVER = "head_approver"
    # an adjustment
    ADJUSTMENT_MAKER = "adjustment_maker"
    ADJUSTMENT_APPROVER = "adjustment_approver"

    @property
    def label(self) -> Text:
        return DUTY_LABELS[self]


DUTY_LABELS: dict[Duty, Text] = {
    Duty.CREATOR: Text("录入人", "creator"),
    Duty.EDITOR: Text("修改人", "editor"),
    Duty.SUBMITTER: Text("提交人", "submitter"),
    Duty.LEAD: Text("客服部审核人", "lead reviewer"),
    Duty.TECH: Text("技术部核实人", "tech verifier"),
    Duty.FINANCE_SUBMITTER: Text("提交财务人", "submitter to finance"),
    Duty.CASHIER: Text("出纳初核", "cashier check"),
    Duty.ACCOUNTANT: Text("会计复核", "accountant review"),
    Duty.DIRECTOR: Text("财务总监审批", "director approval"),
    Duty.PAYER: Text("付款", "payment"),
    Duty.PREPARER: Text("制表人", "preparer"),
    Duty.HEAD_APPROVER: Text("审批人", "approver"),
    Duty.ADJUSTMENT_MAKER: Text("调整登记人", "who recorded the adjustment"),
    Duty.ADJUSTMENT_APPROVER: Text("调整审批人", "adjustment approval"),
}


@dataclass(frozen=True)
class Separation:
    """Whoever held a duty in `these` never takes one in `those` on the same record, nor the
    other way round (the relation is symmetric)."""

    rule: Text
    these: frozenset[Duty]
    those: frozenset[Duty]


CS_DUTIES = frozenset(
    {Duty.CREATOR, Duty.EDITOR, Duty.SUBMITTER, Duty.LEAD, Duty.TECH, Duty.FINANCE_SUBMITTER}
)
FINANCE_DUTIES = frozenset({Duty.CASHIER, Duty.ACCOUNTANT, Duty.DIRECTOR, Duty.PAYER})
_THREE = Text(
    "出纳、会计、财务总监由三人分别办理", "cashier, accountant and director: three people"
)
SEPARATIONS: tuple[Separation, ...] = (
    Separation(
        Text("经办人不办理财务环节", "who prepared a refund takes no finance step on it"),
        CS_DUTIES,
        FINANCE_DUTIES,
    ),
    Separation(_THREE, frozenset({Duty.CASHIER}), frozenset({Duty.ACCOUNTANT, Duty.DIRECTOR})),
    Separation(_THREE, frozenset({Duty.ACCOUNTANT}), frozenset({Duty.DIRECTOR})),
    Separation(
        Text("付款人不是复核或审批人", "the payer neither reviewed nor approved"),
        frozenset({Duty.PAYER}),
        frozenset({Duty.ACCOUNTANT, Duty.DIRECTOR}),
    ),
    Separation(
        Text("制表人不审批自己的表", "the preparer does not approve the table"),
        frozenset({Duty.PREPARER}),
        frozenset({Duty.HEAD_APPROVER}),
    ),
    Separation(
        Text("调整由一人登记、另一人审批", "one records an adjustment, another approves it"),
        frozenset({Duty.ADJUSTMENT_MAKER}),
        frozenset({Duty.ADJUSTMENT_APPROVER}),
    ),
)
# Every ordered pair (a, b) such that the holder of a may not take b. The store keeps these in
# the database too (table duty_conflict), where a trigger refuses a conflicting duty.
CONFLICT_PAIRS: frozenset[tuple[Duty, Duty]] = frozenset(
    pair for s in SEPARATIONS for a in s.these for b in s.those for pair in ((a, b), (b, a))
)


def conflicts_with(duty: Duty) -> frozenset[Duty]:
    """The duties whose holder may not take `duty`."""
    return frozenset(a for a, b in CONFLICT_PAIRS if b == duty)


def check_duty(held: frozenset[Duty], duty: Duty | None, step: Text) -> None:
    """Refuse `duty` to a person who holds (`held`) a duty it is separated from."""
    if duty is None:
        return
    clash = held & conflicts_with(duty)
    if clash:
        other = min(clash, key=list(Duty).index)  # the same duty named every time
        raise SamePerson(step=step, other=other.label)


P = TypeVar("P", bound=Hashable)


def first_free(people: Sequence[P], held: Mapping[P, Iterable[Duty]], duty: Duty | None) -> P:
    """The first of `people` whom the separations leave free to take `duty`, given the duties
    each already `held` on the record (the first of them when none is: the step is then
    refused where it is taken). The demo, the benchmarks and the tests cast their steps so."""
    clash = conflicts_with(duty) if duty is not None else frozenset()
    return next((p for p in people if not clash & set(held.get(p, ()))), people[0])
