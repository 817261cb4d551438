"""The seed's refund flow, declared once (Frappe's Workflow idea): states in order, the clocks,
the duties and their separations, and one table of transitions, checked by one function.

Everything else reads this module: the store's effects of a transition (`store.refunds`), the
queues (`waiting_roles`), batch approval and the demo (`FORWARD_PATH`), the clocks (`sla`), the
analytics' clock lists, the tests' happy path. Adding a step is a state, its labels and its rows
here; nothing else spells out the path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .duties import Duty, check_duty, first_free
from .errors import NotAllowed, Text, WorkflowError, WrongState
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


class Outcome(StrEnum):
    """How a refund ended (the monthly tables' 备注, the analytics' success rate)."""

    REFUNDED = "refunded"
    NOT_CREDITED = "not_credited"
    CANCELLED = "cancelled"

    @property
    def label(self) -> Text:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS: dict[Outcome, Text] = {
    Outcome.REFUNDED: Text("已退款", "refunded"),
    Outcome.NOT_CREDITED: Text("未入帐", "not credited"),
    Outcome.CANCELLED: Text("已取消", "cancelled"),
}


class Event(StrEnum):
    """The times a refund records; the store keeps each in the column of the same name."""

    COMPLAINT = "complaint_at"  # the complaint was taken (the form's 10 minutes start)
    SUBMITTED = "submitted_at"  # the clerk submitted the form (the CS table's month)
    TECH_RETURNED = "tech_returned_at"
    FINANCE_SUBMITTED = "finance_submitted_at"  # the finance table's month
    FINANCE_ANSWERED = "finance_answered_at"
    MONEY_CONFIRMED = "money_confirmed_at"  # the cashier confirmed the money arrived
    PAID = "paid_at"
    CUSTOMER_TOLD = "customer_told_at"


class Clock(StrEnum):
    """The seed's time limits (`CLOCK_RULES` says when each runs and for how long)."""

    FORM_10MIN = "form_10min"
    CS_60MIN = "cs_60min"
    FINANCE_12H = "finance_12h"
    PAYMENT_24H = "payment_24h"
    PAYMENT_3WD = "payment_3wd"

    @property
    def rule(self) -> ClockRule:
        return CLOCK_RULES[self]

    @property
    def label(self) -> Text:
        return CLOCK_RULES[self].label


@dataclass(frozen=True)
class ClockRule:
    """A time limit: it runs from `start` to `stop`, for `limit` or `working_days`."""

    label: Text
    start: Event
    stop: Event
    limit: dt.timedelta | None = None
    working_days: int | None = None  # due at the end of the n-th working day after the start


CLOCK_RULES: dict[Clock, ClockRule] = {
    Clock.FORM_10MIN: ClockRule(
        Text("10分钟内填单", "Form within 10 min"),
        Event.COMPLAINT,
        Event.SUBMITTED,
        limit=dt.timedelta(minutes=10),
    ),
    Clock.CS_60MIN: ClockRule(
        Text("60分钟内提交财务", "To finance within 60 min"),
        Event.TECH_RETURNED,
        Event.FINANCE_SUBMITTED,
        limit=dt.timedelta(minutes=60),
    ),
    Clock.FINANCE_12H: ClockRule(
        Text("财务12小时内处理", "Finance within 12 h"),
        Event.FINANCE_SUBMITTED,
        Event.FINANCE_ANSWERED,
        limit=dt.timedelta(hours=12),
    ),
    Clock.PAYMENT_24H: ClockRule(
        Text("24小时内退款", "Paid within 24 h"),
        Event.MONEY_CONFIRMED,
        Event.PAID,
        limit=dt.timedelta(hours=24),
    ),
    Clock.PAYMENT_3WD: ClockRule(
        Text("3个工作日内退款", "Paid within 3 working days"),
        Event.MONEY_CONFIRMED,
        Event.PAID,
        working_days=3,
    ),
}
TIMELINE_EVENTS: tuple[Event, ...] = tuple(
    dict.fromkeys(e for rule in CLOCK_RULES.values() for e in (rule.start, rule.stop))
)


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


@dataclass(frozen=True)
class RefundFacts:
    """What the rules need to know about one refund."""

    form_no: str
    state: State
    held: Mapping[int, frozenset[Duty]] = field(default_factory=dict)  # user id -> duties held
    president_requested: bool = False
    president_answered: bool = False

    def duties_of(self, user_id: int | None) -> frozenset[Duty]:
        return self.held.get(user_id, frozenset()) if user_id is not None else frozenset()


@dataclass(frozen=True)
class Condition:
    """A test a transition needs besides state and role, with the sentence when it fails."""

    test: Callable[[RefundFacts], bool]
    error: str  # message code


PRESIDENT_NOT_PENDING = Condition(
    lambda f: not f.president_requested or f.president_answered, "president_already_requested"
)
PRESIDENT_PENDING = Condition(
    lambda f: f.president_requested and not f.president_answered, "president_not_requested"
)


@dataclass(frozen=True)
class Transition:
    source: State
    action: Action
    target: State | None  # None: the state does not change (opinion-only actions)
    roles: frozenset[Role]
    opinion: bool = False  # the seed asks for 处理意见 (cause and solution)
    reason: bool = False  # sending back / cancelling needs a reason
    block: Block | None = None  # which opinion block of the paper form it fills
    duty: Duty | None = None  # the duty whoever takes it holds from then on
    condition: Condition | None = None
    starts: frozenset[Clock] = frozenset()  # its start event is stamped, its stop cleared
    stops: frozenset[Clock] = frozenset()  # its stop event is stamped (once per round)
    stamps: frozenset[Event] = frozenset()  # other events it records
    outcome: Outcome | None = None
    sets: tuple[tuple[str, bool], ...] = ()  # refund flags it sets
    forward: bool = False  # the step that moves a refund on (queues, batch approval)

    @property
    def irreversible(self) -> bool:
        """Moves the refund on or ends it: whoever takes it cannot take it back (a send-back,
        an opinion or a request leaves the refund where someone can still act on it)."""
        return self.target is not None and (self.forward or self.outcome is not None)


R = Role
S = State
A = Action
C = Clock
_LEADS = frozenset({R.CS_LEAD})
_CS = frozenset({R.CLERK, R.CS_LEAD})
_FIN_ANSWER = frozenset({C.FINANCE_12H})


def _t(source, action, target, roles, **kw) -> Transition:
    for name in ("starts", "stops", "stamps"):
        if name in kw:
            kw[name] = frozenset(kw[name])
    return Transition(source, action, target, frozenset(roles), **kw)


# The forward path, in order: each step's transition moves the refund on to the next state.
FORWARD_PATH: tuple[Transition, ...] = (
    _t(
        S.DRAFT,
        A.SUBMIT,
        S.LEAD_REVIEW,
        _CS,
        duty=Duty.SUBMITTER,
        stops={C.FORM_10MIN},
        forward=True,
    ),
    _t(
        S.LEAD_REVIEW,
        A.LEAD_APPROVE,
        S.TECH_VERIFICATION,
        _LEADS,
        opinion=True,
        block=Block.CS,
        duty=Duty.LEAD,
        forward=True,
    ),
    _t(
        S.TECH_VERIFICATION,
        A.TECH_RETURN,
        S.CS_SUBMIT,
        {R.TECH},
        opinion=True,
        block=Block.TECH,
        duty=Duty.TECH,
        starts={C.CS_60MIN},
        forward=True,
    ),
    _t(
        S.CS_SUBMIT,
        A.SUBMIT_TO_FINANCE,
        S.CASHIER_CHECK,
        _LEADS,
        duty=Duty.FINANCE_SUBMITTER,
        stops={C.CS_60MIN},
        starts={C.FINANCE_12H},
        forward=True,
    ),
    _t(
        S.CASHIER_CHECK,
        A.CASHIER_APPROVE,
        S.ACCOUNTANT_REVIEW,
        {R.CASHIER},
        opinion=True,
        block=Block.CASHIER,
        duty=Duty.CASHIER,
        starts={C.PAYMENT_24H, C.PAYMENT_3WD},
        forward=True,
    ),
    _t(
        S.ACCOUNTANT_REVIEW,
        A.ACCOUNTANT_APPROVE,
        S.DIRECTOR_APPROVAL,
        {R.ACCOUNTANT},
        opinion=True,
        block=Block.ACCOUNTANT,
        duty=Duty.ACCOUNTANT,
        forward=True,
    ),
    _t(
        S.DIRECTOR_APPROVAL,
        A.DIRECTOR_APPROVE,
        S.AWAITING_PAYMENT,
        {R.FINANCE_DIRECTOR},
        opinion=True,
        block=Block.DIRECTOR,
        duty=Duty.DIRECTOR,
        forward=True,
    ),
    _t(
        S.AWAITING_PAYMENT,
        A.PAY,
        S.REFUNDED,
        {R.CASHIER},
        duty=Duty.PAYER,
        stops={C.FINANCE_12H, C.PAYMENT_24H, C.PAYMENT_3WD},
        outcome=Outcome.REFUNDED,
        forward=True,
    ),
    _t(
        S.REFUNDED,
        A.TELL_CUSTOMER,
        S.CUSTOMER_TOLD,
        _CS,
        stamps={Event.CUSTOMER_TOLD},
        forward=True,
    ),
)
STEP_ORDER: tuple[State, ...] = (
    *(t.source for t in FORWARD_PATH),
    FORWARD_PATH[-1].target,  # type: ignore[misc]
)
_STEP = {t.source: t for t in FORWARD_PATH}  # each step's own transition

# Where each step may send a form back to: any earlier step that can fix the problem. Sending
# back is done by whoever does the step, and counts as that step's duty.
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
# Finance may answer "not credited" (未入帐) at each of its checks.
NOT_CREDITED_AT = (S.CASHIER_CHECK, S.ACCOUNTANT_REVIEW, S.DIRECTOR_APPROVAL)
# What belongs to one pass of a step and is cleared when the form is sent back to or before it
# (the newest pass is what the paper form's block shows; `Duty` keeps every pass).
PASS_RECORDS: frozenset[Duty | Event] = frozenset(
    {Duty.CASHIER, Duty.ACCOUNTANT, Duty.DIRECTOR, Event.MONEY_CONFIRMED}
)

TRANSITIONS: tuple[Transition, ...] = (
    *FORWARD_PATH,
    *(
        _t(
            source,
            A.NOT_CREDITED,
            S.NOT_CREDITED,
            _STEP[source].roles,
            opinion=True,
            block=_STEP[source].block,
            duty=_STEP[source].duty,
            stops=_FIN_ANSWER,
            outcome=Outcome.NOT_CREDITED,
        )
        for source in NOT_CREDITED_AT
    ),
    _t(
        S.NOT_CREDITED,
        A.TELL_CUSTOMER,
        S.CUSTOMER_TOLD,
        _CS,
        stamps={Event.CUSTOMER_TOLD},
        forward=True,
    ),
    *(
        _t(
            source,
            A.SEND_BACK,
            target,
            _STEP[source].roles,
            reason=True,
            duty=_STEP[source].duty,
            stops=_FIN_ANSWER if source in FINANCE_STATES else frozenset(),
        )
        for source, targets in SEND_BACK_TARGETS.items()
        for target in targets
    ),
    *(
        _t(source, A.CANCEL, S.CANCELLED, _LEADS, reason=True, outcome=Outcome.CANCELLED)
        for source in (S.DRAFT, *sorted(IN_PROGRESS - {S.AWAITING_PAYMENT}))
    ),
    *(
        _t(
            source,
            A.REQUEST_PRESIDENT,
            None,
            {R.CS_LEAD, R.FINANCE_DIRECTOR},
            reason=True,
            condition=PRESIDENT_NOT_PENDING,
            sets=(("president_requested", True), ("president_answered", False)),
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
            condition=PRESIDENT_PENDING,
            sets=(("president_answered", True),),
        )
        for source in sorted(IN_PROGRESS | {S.REFUNDED, S.NOT_CREDITED})
    ),
    *(
        _t(source, A.TRACK, None, {R.ADMIN}, opinion=True, block=Block.TRACKING)
        for source in (S.REFUNDED, S.NOT_CREDITED, S.CUSTOMER_TOLD, S.CANCELLED)
    ),
)
FORWARD_ACTIONS = frozenset(t.action for t in TRANSITIONS if t.forward)


def step_of(record: Duty | Event) -> State:
    """The step whose own transition records `record` (a duty, or a clock's start)."""
    for t in FORWARD_PATH:
        if t.duty == record or any(CLOCK_RULES[c].start == record for c in t.starts):
            return t.source
    raise KeyError(record)


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
    user_id: int | None,
    roles: Iterable[Role],
    target: State | None = None,
) -> Transition:
    """The transition `user_id` may take now, or a typed error saying why not."""
    if action == Action.SEND_BACK and target is None:
        raise WorkflowError("bad_target", target=Text("（未指定）", "(none)"))
    here = [t for t in TRANSITIONS if t.action == action and t.source == facts.state]
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
    if transition.condition and not transition.condition.test(facts):
        raise WorkflowError(transition.condition.error, form_no=facts.form_no)
    step = transition.duty.label if transition.duty else action.label
    check_duty(facts.duties_of(user_id), transition.duty, step)
    return transition


def allowed_actions(
    facts: RefundFacts, user_id: int | None, roles: Iterable[Role]
) -> list[Transition]:
    """Exactly the transitions this user may take now (one per send-back target)."""
    roles = frozenset(roles)
    result = []
    for t in transitions_from(facts.state):
        try:
            check(facts, t.action, user_id, roles, t.target)
        except WorkflowError:
            continue
        result.append(t)
    return result


def forward_step(state: State) -> Transition | None:
    """The transition that moves a refund on from `state` (None in a final state)."""
    return next((t for t in transitions_from(state) if t.forward), None)


def waiting_roles(state: State) -> frozenset[Role]:
    """Roles whose queue a refund in `state` sits in (the forward step's roles)."""
    step = forward_step(state)
    return step.roles if step else frozenset()


def cast_path(
    cast: Mapping[Role, Sequence[Hashable]],
    first: Hashable,
    until: State = State.CUSTOMER_TOLD,
    start: State = State.DRAFT,
) -> list[tuple[Transition, Hashable]]:
    """The forward steps from `start` until `until`, each with who takes it: the first of
    `cast[role]` (the step's first role) whom the separations leave free, `first` having made
    the refund. The benchmark's action chain and the tests' happy path are cast so."""
    held: dict[Hashable, set[Duty]] = {first: {Duty.CREATOR}}
    steps: list[tuple[Transition, Hashable]] = []
    state = start
    while state != until:
        t = forward_step(state)
        if t is None or t.target is None:
            raise ValueError(f"no forward path from {start} to {until}")
        who = first_free(cast[min(t.roles, key=list(Role).index)], held, t.duty)
        if t.duty is not None:
            held.setdefault(who, set()).add(t.duty)
        steps.append((t, who))
        state = t.target
    return steps
