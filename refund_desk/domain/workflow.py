"""The seed's refund flow as one table of transitions (Frappe's Workflow idea), checked by one
function. Every state change of a refund goes through `check`; the store re-runs it inside the
writing transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from .errors import NotAllowed, SamePerson, Text, WorkflowError, WrongState
from .roles import Role


class State(StrEnum):
    DRAFT = "draft"
    LEAD_REVIEW = "lead_review"
    TECH_VERIFICATION = "tech_verification"
    CS_SUBMIT = "cs_submit"
    CASHIER_CHECK = "cashier_check"
    ACCOUNTANT_REVIEW = "accountant_review"
    DIRECTOR_APPROVAL = "director_approval"
    AWAITING_PAYMENT = "awaiting_payment"
    REFUNDED = "refunded"
    NOT_CREDITED = "not_credited"
    CUSTOMER_TOLD = "customer_told"
    CANCELLED = "cancelled"

    @property
    def label(self) -> Text:
        return STATE_LABELS[self]


STATE_LABELS: dict[State, Text] = {
    State.DRAFT: Text("草稿（客服填写）", "Draft (clerk)"),
    State.LEAD_REVIEW: Text("待客服负责人审核", "Lead review"),
    State.TECH_VERIFICATION: Text("待技术部核实", "Tech verification"),
    State.CS_SUBMIT: Text("待提交财务", "Back at CS, to submit to finance"),
    State.CASHIER_CHECK: Text("待出纳初核", "Cashier check"),
    State.ACCOUNTANT_REVIEW: Text("待会计复核", "Accountant review"),
    State.DIRECTOR_APPROVAL: Text("待财务总监审批", "Director approval"),
    State.AWAITING_PAYMENT: Text("待出纳付款", "Awaiting payment"),
    State.REFUNDED: Text("已退款，待反馈用户", "Refunded, customer to be told"),
    State.NOT_CREDITED: Text("未入帐，待反馈用户", "Not credited, customer to be told"),
    State.CUSTOMER_TOLD: Text("已反馈用户（办结）", "Customer told (closed)"),
    State.CANCELLED: Text("已取消", "Cancelled"),
}

# States in which the form still claims its order number. A refund that is cancelled or was
# never credited frees the order for a new form; a paid one keeps it for ever (no double refund).
RELEASING_STATES = frozenset({State.CANCELLED, State.NOT_CREDITED})
FINAL_STATES = frozenset({State.CUSTOMER_TOLD, State.CANCELLED})
FINANCE_STATES = frozenset(
    {State.CASHIER_CHECK, State.ACCOUNTANT_REVIEW, State.DIRECTOR_APPROVAL, State.AWAITING_PAYMENT}
)
IN_PROGRESS = frozenset(
    {
        State.LEAD_REVIEW,
        State.TECH_VERIFICATION,
        State.CS_SUBMIT,
        State.CASHIER_CHECK,
        State.ACCOUNTANT_REVIEW,
        State.DIRECTOR_APPROVAL,
        State.AWAITING_PAYMENT,
    }
)
# Fields a clerk may still change: only while the form is a draft or with the lead.
EDITABLE_STATES = frozenset({State.DRAFT, State.LEAD_REVIEW})


class Action(StrEnum):
    SUBMIT = "submit"  # clerk: form to the day's lead
    LEAD_APPROVE = "lead_approve"  # lead: 客服部 opinion, on to tech
    TECH_RETURN = "tech_return"  # tech: 技术部 finding, back to customer service
    SUBMIT_TO_FINANCE = "submit_to_finance"  # CS duty lead, within 60 min
    CASHIER_APPROVE = "cashier_approve"  # 出纳初核: money confirmed arrived
    ACCOUNTANT_APPROVE = "accountant_approve"  # 会计复核
    DIRECTOR_APPROVE = "director_approve"  # 财务总监审批
    PAY = "pay"  # cashier pays back to the original card
    NOT_CREDITED = "not_credited"  # 未入帐: ends without payment
    SEND_BACK = "send_back"  # 退回 to a named earlier step, with a reason
    CANCEL = "cancel"  # by a lead, with a reason
    TELL_CUSTOMER = "tell_customer"  # 反馈用户
    REQUEST_PRESIDENT = "request_president"  # a lead escalates: 总裁 opinion wanted
    PRESIDENT_OPINION = "president_opinion"  # 总裁 writes the opinion
    TRACK = "track"  # 后期执行情况跟踪, by the admin department

    @property
    def label(self) -> Text:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[Action, Text] = {
    Action.SUBMIT: Text("提交审核", "Submit"),
    Action.LEAD_APPROVE: Text("审核通过，转技术部", "Approve, to tech"),
    Action.TECH_RETURN: Text("核实完毕，返回客服", "Verified, back to CS"),
    Action.SUBMIT_TO_FINANCE: Text("提交财务部", "Submit to finance"),
    Action.CASHIER_APPROVE: Text("出纳初核通过", "Cashier: checked"),
    Action.ACCOUNTANT_APPROVE: Text("会计复核通过", "Accountant: reviewed"),
    Action.DIRECTOR_APPROVE: Text("财务总监审批通过", "Director: approved"),
    Action.PAY: Text("已付款（退回原卡）", "Paid to the original card"),
    Action.NOT_CREDITED: Text("未入帐", "Not credited"),
    Action.SEND_BACK: Text("退回", "Send back"),
    Action.CANCEL: Text("取消退款单", "Cancel"),
    Action.TELL_CUSTOMER: Text("已反馈用户", "Customer told"),
    Action.REQUEST_PRESIDENT: Text("请总裁批示", "Ask the president"),
    Action.PRESIDENT_OPINION: Text("总裁批示", "President's opinion"),
    Action.TRACK: Text("后期执行情况跟踪", "Later tracking"),
}


class Clock(StrEnum):
    """The seed's time limits (see `sla.py`)."""

    FORM_10MIN = "form_10min"
    CS_60MIN = "cs_60min"
    FINANCE_12H = "finance_12h"
    PAYMENT_24H = "payment_24h"
    PAYMENT_3WD = "payment_3wd"


class Block(StrEnum):
    """The opinion blocks of the paper form (退款申请表)."""

    CS = "cs"  # 客服部
    TECH = "tech"  # 技术部
    CASHIER = "cashier"  # 出纳
    ACCOUNTANT = "accountant"  # 会计
    DIRECTOR = "director"  # 财务总监
    PRESIDENT = "president"  # 总裁
    TRACKING = "tracking"  # 后期执行情况跟踪 (行政部)

    @property
    def label(self) -> Text:
        return BLOCK_LABELS[self]


BLOCK_LABELS: dict[Block, Text] = {
    Block.CS: Text("客服部", "Customer service"),
    Block.TECH: Text("技术部", "Technical dept."),
    Block.CASHIER: Text("出纳", "Cashier"),
    Block.ACCOUNTANT: Text("会计", "Accountant"),
    Block.DIRECTOR: Text("财务总监", "Finance director"),
    Block.PRESIDENT: Text("总裁", "President"),
    Block.TRACKING: Text("后期执行情况跟踪", "Later tracking"),
}


class Duty(StrEnum):
    """Who did what on one refund, for separation of duties."""

    SUBMITTER = "submitter"
    CASHIER = "cashier"
    ACCOUNTANT = "accountant"
    DIRECTOR = "director"

    @property
    def label(self) -> Text:
        return DUTY_LABELS[self]


DUTY_LABELS: dict[Duty, Text] = {
    Duty.SUBMITTER: Text("提交人", "submitter"),
    Duty.CASHIER: Text("出纳初核", "cashier check"),
    Duty.ACCOUNTANT: Text("会计复核", "accountant review"),
    Duty.DIRECTOR: Text("财务总监审批", "director approval"),
}


@dataclass(frozen=True)
class Transition:
    source: State
    action: Action
    target: State | None  # None: the state does not change (opinion-only actions)
    roles: frozenset[Role]
    opinion: bool = False  # the seed asks for 处理意见 (cause and solution)
    reason: bool = False  # sending back / cancelling needs a reason
    block: Block | None = None  # which opinion block of the paper form it fills
    duty: Duty | None = None  # the duty this action records (separation of duties)
    not_by: frozenset[Duty] = frozenset()  # duties whose holder may not do this action
    condition: str | None = None  # named predicate on the refund, see `_CONDITIONS`
    starts: frozenset[Clock] = field(default=frozenset())
    stops: frozenset[Clock] = field(default=frozenset())


R = Role
S = State
A = Action
C = Clock
_FINANCE_OTHERS = {
    Duty.CASHIER: frozenset({Duty.SUBMITTER, Duty.ACCOUNTANT, Duty.DIRECTOR}),
    Duty.ACCOUNTANT: frozenset({Duty.SUBMITTER, Duty.CASHIER, Duty.DIRECTOR}),
    Duty.DIRECTOR: frozenset({Duty.SUBMITTER, Duty.CASHIER, Duty.ACCOUNTANT}),
}
_FIN_ANSWER = frozenset({C.FINANCE_12H})
_LEADS = frozenset({R.CS_LEAD})
_CS = frozenset({R.CLERK, R.CS_LEAD})


def _t(source, action, target, roles, **kw) -> Transition:
    for name in ("starts", "stops", "not_by"):
        if name in kw:
            kw[name] = frozenset(kw[name])
    return Transition(source, action, target, frozenset(roles), **kw)


# Where each step may send a form back to: any earlier step that can fix the problem.
SEND_BACK_TARGETS: dict[State, tuple[State, ...]] = {
    S.LEAD_REVIEW: (S.DRAFT,),
    S.TECH_VERIFICATION: (S.DRAFT, S.LEAD_REVIEW),
    S.CS_SUBMIT: (S.DRAFT, S.TECH_VERIFICATION),
    S.CASHIER_CHECK: (S.DRAFT, S.TECH_VERIFICATION, S.CS_SUBMIT),
    S.ACCOUNTANT_REVIEW: (S.DRAFT, S.TECH_VERIFICATION, S.CS_SUBMIT, S.CASHIER_CHECK),
    S.DIRECTOR_APPROVAL: (
        S.DRAFT,
        S.TECH_VERIFICATION,
        S.CS_SUBMIT,
        S.CASHIER_CHECK,
        S.ACCOUNTANT_REVIEW,
    ),
}
_SEND_BACK_ROLES = {
    S.LEAD_REVIEW: _LEADS,
    S.TECH_VERIFICATION: {R.TECH},
    S.CS_SUBMIT: _LEADS,
    S.CASHIER_CHECK: {R.CASHIER},
    S.ACCOUNTANT_REVIEW: {R.ACCOUNTANT},
    S.DIRECTOR_APPROVAL: {R.FINANCE_DIRECTOR},
}

TRANSITIONS: tuple[Transition, ...] = (
    _t(S.DRAFT, A.SUBMIT, S.LEAD_REVIEW, _CS, duty=Duty.SUBMITTER, stops={C.FORM_10MIN}),
    _t(S.LEAD_REVIEW, A.LEAD_APPROVE, S.TECH_VERIFICATION, _LEADS, opinion=True, block=Block.CS),
    _t(
        S.TECH_VERIFICATION,
        A.TECH_RETURN,
        S.CS_SUBMIT,
        {R.TECH},
        opinion=True,
        block=Block.TECH,
        starts={C.CS_60MIN},
    ),
    _t(
        S.CS_SUBMIT,
        A.SUBMIT_TO_FINANCE,
        S.CASHIER_CHECK,
        _LEADS,
        stops={C.CS_60MIN},
        starts={C.FINANCE_12H},
    ),
    _t(
        S.CASHIER_CHECK,
        A.CASHIER_APPROVE,
        S.ACCOUNTANT_REVIEW,
        {R.CASHIER},
        opinion=True,
        block=Block.CASHIER,
        duty=Duty.CASHIER,
        not_by=_FINANCE_OTHERS[Duty.CASHIER],
        starts={C.PAYMENT_24H, C.PAYMENT_3WD},
    ),
    _t(
        S.ACCOUNTANT_REVIEW,
        A.ACCOUNTANT_APPROVE,
        S.DIRECTOR_APPROVAL,
        {R.ACCOUNTANT},
        opinion=True,
        block=Block.ACCOUNTANT,
        duty=Duty.ACCOUNTANT,
        not_by=_FINANCE_OTHERS[Duty.ACCOUNTANT],
    ),
    _t(
        S.DIRECTOR_APPROVAL,
        A.DIRECTOR_APPROVE,
        S.AWAITING_PAYMENT,
        {R.FINANCE_DIRECTOR},
        opinion=True,
        block=Block.DIRECTOR,
        duty=Duty.DIRECTOR,
        not_by=_FINANCE_OTHERS[Duty.DIRECTOR],
    ),
    _t(
        S.AWAITING_PAYMENT,
        A.PAY,
        S.REFUNDED,
        {R.CASHIER},
        not_by=frozenset({Duty.SUBMITTER, Duty.ACCOUNTANT, Duty.DIRECTOR}),
        stops={C.FINANCE_12H, C.PAYMENT_24H, C.PAYMENT_3WD},
    ),
    *(
        _t(
            source,
            A.NOT_CREDITED,
            S.NOT_CREDITED,
            {role},
            opinion=True,
            block=block,
            duty=duty,
            not_by=_FINANCE_OTHERS[duty],
            stops=_FIN_ANSWER,
        )
        for source, role, block, duty in (
            (S.CASHIER_CHECK, R.CASHIER, Block.CASHIER, Duty.CASHIER),
            (S.ACCOUNTANT_REVIEW, R.ACCOUNTANT, Block.ACCOUNTANT, Duty.ACCOUNTANT),
            (S.DIRECTOR_APPROVAL, R.FINANCE_DIRECTOR, Block.DIRECTOR, Duty.DIRECTOR),
        )
    ),
    *(
        _t(
            source,
            A.SEND_BACK,
            target,
            _SEND_BACK_ROLES[source],
            reason=True,
            stops=_FIN_ANSWER if source in FINANCE_STATES else frozenset(),
        )
        for source, targets in SEND_BACK_TARGETS.items()
        for target in targets
    ),
    *(
        _t(source, A.CANCEL, S.CANCELLED, _LEADS, reason=True)
        for source in (S.DRAFT, *sorted(IN_PROGRESS - {S.AWAITING_PAYMENT}))
    ),
    _t(S.REFUNDED, A.TELL_CUSTOMER, S.CUSTOMER_TOLD, _CS),
    _t(S.NOT_CREDITED, A.TELL_CUSTOMER, S.CUSTOMER_TOLD, _CS),
    *(
        _t(
            source,
            A.REQUEST_PRESIDENT,
            None,
            {R.CS_LEAD, R.FINANCE_DIRECTOR},
            reason=True,
            condition="president_not_requested",
        )
        for source in sorted(IN_PROGRESS)
    ),
    *(
        _t(
            source,
            A.PRESIDENT_OPINION,
            None,
            {R.PRESIDENT},
            opinion=True,
            block=Block.PRESIDENT,
            condition="president_pending",
        )
        for source in sorted(IN_PROGRESS | {S.REFUNDED, S.NOT_CREDITED})
    ),
    *(
        _t(source, A.TRACK, None, {R.ADMIN}, opinion=True, block=Block.TRACKING)
        for source in (S.REFUNDED, S.NOT_CREDITED, S.CUSTOMER_TOLD, S.CANCELLED)
    ),
)


@dataclass(frozen=True)
class RefundFacts:
    """What the rules need to know about one refund."""

    form_no: str
    state: State
    duties: dict[Duty, int]  # duty -> user id who holds it on this refund
    president_requested: bool = False
    president_answered: bool = False


_CONDITIONS = {
    "president_not_requested": lambda f: not f.president_requested or f.president_answered,
    "president_pending": lambda f: f.president_requested and not f.president_answered,
}


def transitions_from(state: State) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == state]


def find(state: State, action: Action, target: State | None = None) -> Transition | None:
    for t in TRANSITIONS:
        if t.source == state and t.action == action and (target is None or t.target == target):
            return t
    return None


def check(
    facts: RefundFacts,
    action: Action,
    user_id: int,
    roles: Iterable[Role],
    target: State | None = None,
) -> Transition:
    """The transition `user_id` may take now, or a typed error saying why not."""
    if action == Action.SEND_BACK and target is None:
        raise WorkflowError("bad_target", target=Text("（未指定）", "(none)"))
    candidates = [t for t in TRANSITIONS if t.action == action]
    if not candidates:
        raise WrongState(form_no=facts.form_no, state=facts.state.label, action=action.label)
    here = [t for t in candidates if t.source == facts.state]
    if not here:
        raise WrongState(form_no=facts.form_no, state=facts.state.label, action=action.label)
    if action == Action.SEND_BACK:
        here = [t for t in here if t.target == target]
        if not here:
            raise WorkflowError("bad_target", target=target.label if target else "")
    transition = here[0]
    roles = frozenset(roles)
    if not (roles & transition.roles):
        names = "、".join(sorted(r.label.zh for r in transition.roles))
        names_en = ", ".join(sorted(r.label.en for r in transition.roles))
        raise NotAllowed(action=action.label, roles=Text(names, names_en))
    if transition.condition and not _CONDITIONS[transition.condition](facts):
        raise WorkflowError("president_not_requested")
    for duty in sorted(transition.not_by):
        if facts.duties.get(duty) == user_id:
            step = transition.duty.label if transition.duty else action.label
            raise SamePerson(step=step, other=duty.label)
    return transition


def allowed_actions(facts: RefundFacts, user_id: int, roles: Iterable[Role]) -> list[Transition]:
    """Exactly the transitions this user may take now (one per send-back target)."""
    roles = frozenset(roles)
    result = []
    for t in transitions_from(facts.state):
        try:
            check(
                facts, t.action, user_id, roles, t.target if t.action == Action.SEND_BACK else None
            )
        except WorkflowError:
            continue
        result.append(t)
    return result


def waiting_roles(state: State) -> frozenset[Role]:
    """Roles whose queue a refund in `state` sits in (the forward action's roles)."""
    forward = [
        t
        for t in transitions_from(state)
        if t.action
        not in (
            Action.SEND_BACK,
            Action.CANCEL,
            Action.REQUEST_PRESIDENT,
            Action.PRESIDENT_OPINION,
            Action.TRACK,
        )
    ]
    return frozenset(r for t in forward for r in t.roles)
