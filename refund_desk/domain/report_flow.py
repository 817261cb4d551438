"""The month's paper work as tables, like the refund flow (`workflow`): the two monthly tables'
lifecycle (process step 7: prepared → approved by the department head → submitted to the admin
department → verified and archived) and the approval of adjustments (maker-checker). The store
(`store.monthly_reports`, `store.adjustments`) runs them; the screens ask `allowed_steps`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .duties import Duty, check_duty
from .errors import NotAllowed, ReportError, Text, WorkflowError
from .permissions import PERMISSIONS, Permission
from .roles import Role


class ReportKind(StrEnum):
    CS = "cs"  # 客服退单统计表
    FINANCE = "finance"  # 财务退单统计表

    @property
    def title(self) -> Text:
        return _KIND[self][0]

    @property
    def department(self) -> Text:
        return _KIND[self][1]

    @property
    def number_prefix(self) -> str:
        return _KIND[self][2]

    @property
    def head(self) -> Role:
        """The department head who approves the table."""
        return _KIND[self][3]

    @property
    def preparers(self) -> Permission:
        return _KIND[self][4]


_KIND: dict[ReportKind, tuple[Text, Text, str, Role, Permission]] = {
    ReportKind.CS: (
        Text("客服退单统计表", "CS refund statistics"),
        Text("客服部", "Customer service"),
        "KF",
        Role.CS_LEAD,
        Permission.PREPARE_CS_STATS,
    ),
    ReportKind.FINANCE: (
        Text("财务退单统计表", "Finance refund statistics"),
        Text("财务部", "Finance"),
        "CW",
        Role.FINANCE_DIRECTOR,
        Permission.PREPARE_FINANCE_STATS,
    ),
}


class ReportState(StrEnum):
    NONE = "none"  # no table recorded for the month yet
    PREPARED = "prepared"
    APPROVED = "approved"
    SUBMITTED = "submitted"
    ARCHIVED = "archived"

    @property
    def label(self) -> Text:
        return REPORT_STATE_LABELS[self]


REPORT_STATE_LABELS: dict[ReportState, Text] = {
    ReportState.NONE: Text("未编制", "not prepared"),
    ReportState.PREPARED: Text("已编制", "prepared"),
    ReportState.APPROVED: Text("部门负责人已审批", "approved by the head"),
    ReportState.SUBMITTED: Text("已报行政部", "submitted to admin"),
    ReportState.ARCHIVED: Text("行政部已核实归档", "verified and archived"),
}


class ReportAction(StrEnum):
    PREPARE = "prepare"  # 编制 (again, while not yet approved)
    APPROVE = "approve"  # 部门负责人审批
    SUBMIT = "submit"  # 报行政部
    ARCHIVE = "archive"  # 行政部核实归档

    @property
    def label(self) -> Text:
        return REPORT_ACTION_LABELS[self][0]

    @property
    def verb(self) -> Text:
        """How the refusal sentence names it ("…不能{verb}")."""
        return REPORT_ACTION_LABELS[self][1]


REPORT_ACTION_LABELS: dict[ReportAction, tuple[Text, Text]] = {
    ReportAction.PREPARE: (Text("编制", "Prepare"), Text("重新编制", "prepared again")),
    ReportAction.APPROVE: (Text("审批", "Approve"), Text("审批", "approved")),
    ReportAction.SUBMIT: (Text("报行政部", "Submit to admin"), Text("报行政部", "submitted")),
    ReportAction.ARCHIVE: (Text("核实归档", "Verify and archive"), Text("归档", "archived")),
}


@dataclass(frozen=True)
class ReportStep:
    sources: frozenset[ReportState]
    action: ReportAction
    target: ReportState
    duty: Duty | None = None
    who: str = "preparers"  # preparers | head | head_or_preparers | archivers
    stamp: str = ""  # the report's columns of who and when ("approved" -> approved_by/_at)


REPORT_STEPS: tuple[ReportStep, ...] = (
    ReportStep(
        frozenset({ReportState.NONE, ReportState.PREPARED}),
        ReportAction.PREPARE,
        ReportState.PREPARED,
        Duty.PREPARER,
        "preparers",
        "prepared",
    ),
    ReportStep(
        frozenset({ReportState.PREPARED}),
        ReportAction.APPROVE,
        ReportState.APPROVED,
        Duty.HEAD_APPROVER,
        "head",
        "approved",
    ),
    ReportStep(
        frozenset({ReportState.APPROVED}),
        ReportAction.SUBMIT,
        ReportState.SUBMITTED,
        None,
        "head_or_preparers",
        "submitted",
    ),
    ReportStep(
        frozenset({ReportState.SUBMITTED}),
        ReportAction.ARCHIVE,
        ReportState.ARCHIVED,
        None,
        "archivers",
        "archived",
    ),
)


def roles_for(step: ReportStep, kind: ReportKind) -> frozenset[Role]:
    preparers = PERMISSIONS[kind.preparers]
    return {
        "preparers": preparers,
        "head": frozenset({kind.head}),
        "head_or_preparers": preparers | {kind.head},
        "archivers": PERMISSIONS[Permission.ARCHIVE_STATS],
    }[step.who]


def _names(roles: Iterable[Role]) -> Text:
    roles = sorted(roles, key=list(Role).index)
    return Text("、".join(r.label.zh for r in roles), ", ".join(r.label.en for r in roles))


def check_report_step(
    kind: ReportKind,
    month: str,
    state: ReportState,
    action: ReportAction,
    roles: Iterable[Role],
    held: frozenset[Duty],
) -> ReportStep:
    """The step this person may take on the month's table now, or a typed error saying why."""
    step = next(s for s in REPORT_STEPS if s.action == action)
    allowed = roles_for(step, kind)
    if not (frozenset(roles) & allowed):
        if step.who == "head":
            raise ReportError("head_only", head=kind.head.label, title=kind.title)
        raise NotAllowed(action=action.label, roles=_names(allowed))
    if state not in step.sources:
        raise ReportError(
            "report_state", title=kind.title, month=month, state=state.label, action=action.verb
        )
    check_duty(held, step.duty, step.duty.label if step.duty else action.label)
    return step


def allowed_steps(
    kind: ReportKind, month: str, state: ReportState, roles: Iterable[Role], held: frozenset[Duty]
) -> list[ReportAction]:
    """Exactly the steps this person may take now (the buttons are derived from it)."""
    out = []
    for step in REPORT_STEPS:
        try:
            check_report_step(kind, month, state, step.action, roles, held)
        except WorkflowError:
            continue
        out.append(step.action)
    return out


class AdjustmentState(StrEnum):
    PENDING = "pending"  # recorded, waiting for the director
    APPROVED = "approved"  # counts in the month's tables
    REJECTED = "rejected"

    @property
    def label(self) -> Text:
        return ADJUSTMENT_STATE_LABELS[self]


ADJUSTMENT_STATE_LABELS: dict[AdjustmentState, Text] = {
    AdjustmentState.PENDING: Text("待审批", "awaiting approval"),
    AdjustmentState.APPROVED: Text("已审批", "approved"),
    AdjustmentState.REJECTED: Text("已驳回", "rejected"),
}
# Who records an adjustment, and who approves or rejects it (never the one who recorded it).
ADJUSTMENT_MAKERS = frozenset({Role.CASHIER, Role.ACCOUNTANT, Role.FINANCE_DIRECTOR, Role.ADMIN})
ADJUSTMENT_APPROVERS = frozenset({Role.FINANCE_DIRECTOR})
