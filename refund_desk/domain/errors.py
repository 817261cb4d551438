"""Typed errors a person can cause, each with one sentence in Chinese and in English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple


class Text(NamedTuple):
    """A word the user sees, in both languages (field labels, state and action names)."""

    zh: str
    en: str

    def get(self, lang: str | None = None) -> str:
        return self.en if (lang or LANG) == "en" else self.zh

    def __str__(self) -> str:
        return self.get()


FIELD_LABELS: dict[str, Text] = {
    "order_no": Text("订单号", "Order number"),
    "phone": Text("手机号码", "Mobile"),
    "purchase_time": Text("购买时间", "Purchase time"),
    "complaint_at": Text("投诉时间", "Complaint time"),
    "bank": Text("支付银行", "Paying bank"),
    "bank_other": Text("银行名称", "Bank name"),
    "amount": Text("金额", "Amount"),
    "fault_category": Text("故障现象", "Fault"),
    "fault_description": Text("故障描述", "Fault description"),
    "customer_view": Text("客户意见", "Customer's view"),
    "contact": Text("联系方式", "Contact"),
    "complaint_no": Text("投诉编号", "Complaint number"),
    "handling_dept": Text("问题处理部门", "Handling department"),
    "opinion": Text("处理意见", "Opinion"),
    "reason": Text("原因", "Reason"),
    "password": Text("密码", "Password"),
}

# code -> (简体中文, English). Placeholders use str.format names and must match.
MESSAGES: dict[str, tuple[str, str]] = {
    # validation
    "required": ("{label}不能为空。", "{label} is required."),
    "order_no_format": (
        "订单号格式不对：应为“TK”加数字，例如 TK20261127001。",
        "The order number must be “TK” followed by digits, e.g. TK20261127001.",
    ),
    "phone_format": (
        "手机号码应为 11 位数字，以 13–19 开头。",
        "The mobile number must be 11 digits starting with 13–19.",
    ),
    "time_format": (
        "{label}格式应为 年-月-日 时:分，例如 2026-11-27 09:30。",
        "{label} must be YYYY-MM-DD HH:MM, e.g. 2026-11-27 09:30.",
    ),
    "time_future": ("{label}不能晚于现在。", "{label} cannot be in the future."),
    "amount_format": (
        "金额应为数字，最多两位小数，例如 128.50。",
        "The amount must be a number with at most two decimals, e.g. 128.50.",
    ),
    "amount_positive": ("金额必须大于 0。", "The amount must be greater than 0."),
    "amount_ceiling": (
        "金额不能超过 {ceiling} 元。",
        "The amount cannot exceed {ceiling} yuan.",
    ),
    "bank_unknown": (
        "请从列表中选择支付银行，或选“其他”并填写银行名称。",
        "Choose the paying bank from the list, or choose “Other” and type its name.",
    ),
    "category_unknown": (
        "请从列表中选择故障现象。",
        "Choose the fault from the list.",
    ),
    "too_long": ("{label}最多 {max} 个字。", "{label} can have at most {max} characters."),
    # workflow
    "not_allowed": (
        "您没有权限执行“{action}”（需要角色：{roles}）。",
        "You may not “{action}” (it needs the role: {roles}).",
    ),
    "wrong_state": (
        "退款单 {form_no} 当前为“{state}”，不能执行“{action}”。",
        "Refund {form_no} is “{state}”; “{action}” is not possible now.",
    ),
    "same_person": (
        "同一张退款单的{step}不能由{other}本人办理（不相容职务分离）。",
        "On one refund the {step} cannot be done by the person who was its {other}.",
    ),
    "opinion_required": (
        "请填写处理意见：说明原因，并制定解决方案。",
        "Write the opinion: state the cause and the solution.",
    ),
    "reason_required": ("请填写退回或取消的原因。", "Give the reason."),
    "bad_target": (
        "不能退回到“{target}”这一步。",
        "The form cannot be sent back to “{target}”.",
    ),
    "president_not_requested": (
        "这张退款单没有请总裁批示，或总裁已批示。",
        "No president's opinion is pending on this refund.",
    ),
    "handover_signer": ("只有交接人本人可以签字。", "Only the person handing over can sign."),
    "handover_self_confirm": (
        "接交人不能是交接人本人：请接班的同事输入自己的用户名和密码确认。",
        "The person taking over must confirm with their own user name and password.",
    ),
    # store
    "conflict": (
        "退款单 {form_no} 已被 {who} 于 {when} 修改，请重新载入后再操作。",
        "Refund {form_no} was changed by {who} at {when}; reload it and try again.",
    ),
    "duplicate_order": (
        "订单号 {order_no} 已有一张未结束的退款单（{form_no}），一个订单只能有一张。",
        "Order {order_no} already has an open refund ({form_no}); one order, one refund.",
    ),
    "not_found": ("找不到{what}“{key}”。", "{what} “{key}” was not found."),
    "user_exists": ("用户名“{name}”已存在。", "The user name “{name}” is taken."),
    "bad_login": ("用户名或密码不对。", "Wrong user name or password."),
    "user_disabled": ("用户“{name}”已停用。", "The user “{name}” is disabled."),
    "locked_out": (
        "密码错误次数太多，请 {minutes} 分钟后再试。",
        "Too many wrong passwords; try again in {minutes} minutes.",
    ),
    "weak_password": (
        "密码至少 {min} 个字符。",
        "The password needs at least {min} characters.",
    ),
    "bad_role": ("没有“{role}”这个角色。", "There is no role “{role}”."),
    "db_newer": (
        "数据库来自更新版本的退款台（结构版本 {found}，本程序只认到 {known}），请先升级程序。",
        "The database comes from a newer Refund Desk (schema {found}; this program knows "
        "up to {known}): upgrade the program first.",
    ),
    "db_unreachable": (
        "打不开数据库“{where}”：{why}",
        "Cannot open the database “{where}”: {why}",
    ),
    "db_readonly": (
        "数据库“{where}”是只读的，不能保存。请检查共享盘的写权限。",
        "The database “{where}” is read-only; nothing can be saved. Check the share's "
        "write permission.",
    ),
    "db_locked": (
        "数据库正忙（其他电脑在写入），30 秒内没能保存，请稍后再试。",
        "The database stayed busy (another PC is writing) for 30 seconds; try again.",
    ),
    "db_io": (
        "写入数据库失败（{why}），本次操作没有保存。",
        "Writing to the database failed ({why}); this action was not saved.",
    ),
    "db_full": (
        "数据库所在的磁盘已满，本次操作没有保存。请清理共享盘的空间后再试。",
        "The disk holding the database is full; this action was not saved. Free some space "
        "on the share and try again.",
    ),
    "db_not_initialised": (
        "“{where}”还不是退款台数据库，请先运行 refund-desk init。",
        "“{where}” is not a Refund Desk database yet; run refund-desk init first.",
    ),
    "bad_db_spec": ("无法识别的数据库位置：{spec}", "Unrecognised database location: {spec}"),
    "month_closed": (
        "{month} 已结账归档，不能再修改该月的退款单；请在当月登记调整。",
        "{month} is closed and archived; record an adjustment in the open month instead.",
    ),
}

LANG = "zh"


def set_language(lang: str) -> None:
    """Choose the language of error sentences: "zh" (default) or "en"."""
    global LANG
    LANG = "en" if lang.lower().startswith("en") else "zh"


def message(
    code: str,
    params: Mapping[str, Any] | None = None,
    lang: str | None = None,
    field: str | None = None,
) -> str:
    """The sentence for `code` in `lang`; `Text` params and the field label are localised."""
    lang = lang or LANG
    zh, en = MESSAGES[code]
    template = en if lang == "en" else zh
    values = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in (params or {}).items()}
    if field in FIELD_LABELS and "label" not in values:
        values["label"] = FIELD_LABELS[field].get(lang)
    return template.format(**values)


class RefundDeskError(Exception):
    """Base of every error a person can cause: `code` names the sentence, `params` fill it."""

    code = "db_io"

    def __init__(self, code: str | None = None, field: str | None = None, **params: Any):
        self.code = code or self.code
        self.field = field
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str | None = None) -> str:
        return message(self.code, self.params, lang, self.field)

    def __str__(self) -> str:
        return self.text()


class ValidationError(RefundDeskError):
    """One field is wrong; `field` names it so the form can show the sentence beside it."""


class FormErrors(RefundDeskError):
    """Several fields are wrong at once."""

    def __init__(self, errors: list[ValidationError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.code, first.field, **first.params)

    def by_field(self) -> dict[str, ValidationError]:
        return {e.field or "": e for e in self.errors}


class WorkflowError(RefundDeskError):
    """An action that the workflow does not allow."""


class NotAllowed(WorkflowError):
    code = "not_allowed"


class WrongState(WorkflowError):
    code = "wrong_state"


class SamePerson(WorkflowError):
    code = "same_person"


class Conflict(RefundDeskError):
    """Optimistic lock lost: somebody else saved first."""

    code = "conflict"


class DuplicateOrder(RefundDeskError):
    code = "duplicate_order"


class NotFound(RefundDeskError):
    code = "not_found"


class AuthError(RefundDeskError):
    code = "bad_login"


class DatabaseError(RefundDeskError):
    """The database cannot be used: unreachable, read-only, locked, newer, failing I/O."""

    code = "db_io"


class MonthClosed(RefundDeskError):
    code = "month_closed"
