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


# The labels of the texts that are not the refund form's (those are `refund_fields.LABELS`).
FIELD_LABELS: dict[str, Text] = {
    "adjustment": Text("调整金额", "Adjustment"),
    "opinion": Text("处理意见", "Opinion"),
    "reason": Text("原因", "Reason"),
    "password": Text("密码", "Password"),
    "username": Text("用户名", "User name"),
    "display_name": Text("显示姓名", "Display name"),
    "note": Text("备注", "Note"),
    "label": Text("名称", "Name"),
    "setting": Text("设置值", "Setting"),
    "code": Text("代码", "Code"),
    "date": Text("日期", "Date"),
}


def field_label(name: str | None) -> Text:
    """The label of a field an error is about ("the text" for one without a label)."""
    from .refund_fields import LABELS  # it declares its labels with this module's Text

    return LABELS.get(name or "") or FIELD_LABELS.get(name or "") or Text("内容", "The text")


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
        "{label}应为数字，最多两位小数，例如 128.50（不能用科学计数法或其他符号）。",
        "{label} must be a number with at most two decimals, e.g. 128.50 (no exponent or "
        "other signs).",
    ),
    "amount_points": (
        "{label}只能有一个小数点。",
        "{label} can have only one decimal point.",
    ),
    "amount_decimals": (
        "{label}最多两位小数（到分），例如 128.50。",
        "{label} can have at most two decimals (to the fen), e.g. 128.50.",
    ),
    "amount_comma": (
        "{label}里的逗号只能作千位分隔，例如 12,345.60；小数请用小数点：12,5 应写作 12.5。",
        "A comma in {label} may only group thousands, e.g. 12,345.60; write decimals with a "
        "point: 12,5 is 12.5.",
    ),
    "amount_positive": ("{label}必须大于 0。", "{label} must be greater than 0."),
    "amount_zero": ("{label}不能为 0。", "{label} cannot be 0."),
    "amount_ceiling": (
        "{label}不能超过 {ceiling} 元。",
        "{label} cannot exceed {ceiling} yuan.",
    ),
    "money_not_exact": (
        "数据库中的金额不是整数分（{value}），可能被程序以外的方式改动过："
        "请运行 refund-desk check。",
        "An amount in the database is not a whole number of fen ({value}); it may have been "
        "changed outside the program: run refund-desk check.",
    ),
    "bank_unknown": (
        "请从列表中选择支付银行，或选“其他”并填写银行名称。",
        "Choose the paying bank from the list, or choose “Other” and type its name.",
    ),
    "category_unknown": (
        "请从列表中选择故障现象。",
        "Choose the fault from the list.",
    ),
    "choice_unknown": ("请从列表中选择{label}。", "{label}: choose one from the list."),
    "too_long": ("{label}最多 {max} 个字。", "{label} can have at most {max} characters."),
    "bad_characters": (
        "{label}含有不能保存的字符（控制字符、NUL 或无效编码，单行内容里的换行），请删去后再试。",
        "{label} holds characters that cannot be saved (control characters, NUL, invalid "
        "encoding, or a line break in a one-line field): remove them and try again.",
    ),
    "bad_username": (
        "用户名只能由 1–40 个字母、数字、“.”、“_”或“-”组成。",
        "A user name is 1–40 letters, digits, “.”, “_” or “-”.",
    ),
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
        "退款单 {form_no} 没有请总裁批示，或总裁已批示。",
        "No president's opinion is pending on refund {form_no}.",
    ),
    "president_already_requested": (
        "退款单 {form_no} 已请总裁批示，正在等待总裁意见，不必再请。",
        "The president's opinion on refund {form_no} has been asked for and is pending.",
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
    "order_refunded": (
        "订单号 {order_no} 已经退过款（退款单 {form_no}，{state}），同一订单不能再退。",
        "Order {order_no} was refunded already (refund {form_no}, {state}); it cannot be "
        "refunded twice.",
    ),
    "not_found": ("找不到{what}“{key}”。", "{what} “{key}” was not found."),
    "user_exists": ("用户名“{name}”已存在。", "The user name “{name}” is taken."),
    "password_mismatch": (
        "两次输入的密码不一样，没有保存。",
        "The two passwords differ; nothing was saved.",
    ),
    "recovery_confirm": (
        "恢复系统管理员会记入审计记录，所有人都能看到：确认要这样做，请加上 --yes。",
        "Recovering a sysadmin is recorded in the audit log for all to see: add --yes to go ahead.",
    ),
    "demo_needs_new": (
        "演示数据只能写进新建的空数据库：“{where}”已经存在。请给一个新文件名。",
        "Demo data goes only into a new, empty database: “{where}” exists already. Give a new "
        "file name.",
    ),
    "demo_only": (
        "“{where}”不是演示数据库：演示数据只能写进用 refund-desk demo 新建的数据库。",
        "“{where}” is not a demo database: demo data goes only into a database made by "
        "refund-desk demo.",
    ),
    "demo_too_few": (
        "{month} 办结的退款单太少，造不出演示差异：请换一个月份。",
        "{month} has too few finished refunds to plant the demo differences in: choose another "
        "month.",
    ),
    "first_admin_exists": (
        "这个数据库已有用户：第一个系统管理员只能在新数据库里建立。请用已有的系统管理员登录后添加用户。",
        "This database already has users: the first system administrator can only be made in "
        "a new database. Log in as an existing administrator to add users.",
    ),
    "last_sysadmin": (
        "这样改之后就没有启用的系统管理员了：至少要留一个。",
        "After this change no active system administrator would be left: keep at least one.",
    ),
    "bad_login": (
        "用户名或密码不对，或该账户已停用。",
        "Wrong user name or password, or the account is disabled.",
    ),
    "user_disabled": ("用户“{name}”已停用。", "The user “{name}” is disabled."),
    "login_wait": (
        "这个用户名登录失败的次数太多，请 {seconds} 秒后再试。",
        "Too many failed log-ins under this user name; try again in {seconds} seconds.",
    ),
    "weak_password": (
        "密码至少 {min} 个字符。",
        "The password needs at least {min} characters.",
    ),
    "bad_role": ("没有“{role}”这个角色。", "There is no role “{role}”."),
    "calendar_stale": (
        "工作日历还没有 {years} 年的放假安排（国务院通知里的调休上班日）："
        "在补上之前，这些日子按普通周末和节假日计算时限。"
        "请系统管理员或行政部按通知逐日补上，"
        "例如 refund-desk calendar {example} working --note 调休上班 --user 用户名。",
        "The working calendar has no holiday arrangement for {years} yet (the State Council "
        "notice's make-up working days): until they are entered, the time limits count those "
        "days as plain weekends and holidays. The sysadmin or the admin department enters each, "
        "e.g. refund-desk calendar {example} working --note make-up --user NAME.",
    ),
    "db_older": (
        "数据库还是旧版本的结构（{found}），本程序需要 {known}：请系统管理员先升级它"
        "（在程序里以系统管理员登录后确认，或运行 refund-desk migrate --user 系统管理员）。"
        "升级之前，可以只读打开。",
        "The database still has an older schema ({found}; this program needs {known}): ask the "
        "system administrator to upgrade it (confirm it in the program after a sysadmin "
        "log-in, or run refund-desk migrate --user ADMIN). Until then it can be opened "
        "read-only.",
    ),
    "upgrade_confirm": (
        "升级前请确认其他电脑都已关闭退款台（升级时仍在运行的旧版本写不进去，会报错），"
        "PostgreSQL 数据库请先用 pg_dump 备份（SQLite 文件由程序先复制一份）："
        "确认后加 --yes 再运行。",
        "Before upgrading, make sure every other PC has closed Refund Desk (an older version "
        "still running cannot write afterwards and says so) and, on PostgreSQL, back up with "
        "pg_dump (a SQLite file is copied by the program first): add --yes once you have.",
    ),
    "read_only_mode": (
        "现在是只读打开（数据库等待系统管理员升级）：不能保存任何修改。",
        "This is a read-only copy (the database is waiting for the sysadmin's upgrade): "
        "nothing can be saved.",
    ),
    "snapshot_sqlite_only": (
        "只读打开只适用于共享盘上的 SQLite 文件；PostgreSQL 请系统管理员先升级。",
        "A read-only copy works only for an SQLite file on the share; on PostgreSQL the "
        "sysadmin must upgrade first.",
    ),
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
    "windows_path": (
        "“{spec}”是 Windows 的网络盘或盘符路径，本机不是 Windows，打不开："
        "请给出共享盘在本机挂载后的路径。",
        "“{spec}” is a Windows share or drive path and this is not Windows: give the path "
        "where the share is mounted on this computer.",
    ),
    "db_schema_changed": (
        "数据库已升级到新版本的结构（{found}，本程序为 {known}），本程序不能再写入："
        "请关闭程序并安装新版本。",
        "The database was upgraded to a newer schema ({found}; this program writes {known}): "
        "nothing was saved. Close the program and install the new version.",
    ),
    "db_same_person": (
        "数据库拒绝了这一步：同一人不能在同一记录上兼任不相容的职务（不相容职务分离）。",
        "The database refused this step: one person cannot hold incompatible duties on the "
        "same record.",
    ),
    "db_amount_range": (
        "数据库拒绝了这个金额：金额必须是整数分，且在允许范围内。",
        "The database refused this amount: it must be whole fen and within the allowed range.",
    ),
    "db_bad_text": (
        "文本含有数据库不能保存的字符（NUL 或无效编码），本次操作没有保存。",
        "A text holds characters the database cannot store (NUL or invalid encoding); "
        "nothing was saved.",
    ),
    "db_overflow": (
        "金额合计超出了可精确计算的范围，结果没有显示：请运行 refund-desk check。",
        "A sum of amounts left the range that can be computed exactly, so it is not shown: "
        "run refund-desk check.",
    ),
    "report_state": (
        "{title}（{month}）当前为“{state}”，不能{action}。",
        "The {title} of {month} is “{state}”: it cannot be {action} now.",
    ),
    "report_conflict": (
        "{title}（{month}）已被 {who} 修改，请重新载入后再操作。",
        "The {title} of {month} was changed by {who}; reload it and try again.",
    ),
    "not_reconciled": (
        "{month} 的客服表与财务表还有 {count} 处不一致，核对一致后才能归档。",
        "The CS and finance tables of {month} still differ in {count} places; "
        "they must agree before archiving.",
    ),
    "month_open_refunds": (
        "{month} 还有 {count} 张退款单没有办结（如 {forms}），办结后才能归档。",
        "{count} refunds of {month} are still in progress (e.g. {forms}); archive once they "
        "are closed.",
    ),
    "head_only": (
        "只有{head}可以审批{title}。",
        "Only the {head} may approve the {title}.",
    ),
    "adjustment_not_handled": (
        "退款单 {form_no} 尚未经财务处理，不需要调整：直接在流程中更正。",
        "Refund {form_no} has not been handled by finance: correct it in the flow instead.",
    ),
    "adjustment_state": (
        "调整 #{id}（{form_no}）当前为“{state}”，不能再审批或驳回。",
        "Adjustment #{id} ({form_no}) is “{state}”: it cannot be approved or rejected now.",
    ),
    "adjustment_conflict": (
        "调整 #{id}（{form_no}）已被他人处理，请重新载入后再操作。",
        "Adjustment #{id} ({form_no}) was handled by someone else; reload it and try again.",
    ),
    "idem_reused": (
        "这次保存与同一次填写之前保存的退款单 {form_no} 内容不同，没有保存："
        "请打开 {form_no} 修改，或新建一张。",
        "This save differs from refund {form_no}, saved earlier from the same form; nothing "
        "was saved: open {form_no} to change it, or start a new form.",
    ),
    "setting_pattern": (
        "订单号格式应为有效的正则表达式（不超过 200 个字符），例如 TK[0-9]{{6,20}}。",
        "The order-number pattern must be a valid regular expression (at most 200 characters), "
        "e.g. TK[0-9]{{6,20}}.",
    ),
    "setting_form_no": (
        "退单编号格式须含 {{seq}}（可含 {{year}}），例如 TD-{{year}}-{{seq:06d}}，"
        "生成的编号不超过 40 个字符。",
        "The form-number format must contain {{seq}} (and may contain {{year}}), e.g. "
        "TD-{{year}}-{{seq:06d}}, and make numbers of at most 40 characters.",
    ),
    "setting_password_min": (
        "密码最短长度应为 8 到 128 之间的整数。",
        "The minimum password length must be a whole number from 8 to 128.",
    ),
    "setting_idle_lock": (
        "锁定前的无操作时间应为 0 到 480 之间的整数（分钟，0 为不锁定）。",
        "The idle time before the lock must be a whole number of minutes from 0 to 480 "
        "(0: never lock).",
    ),
    "bad_code": (
        "代码只能由小写字母开头，含小写字母、数字或下划线，最多 40 个字符。",
        "A code starts with a lower-case letter and has only lower-case letters, digits or "
        "underscores, at most 40 characters.",
    ),
    "date_range": (
        "{label}应在 2000 年至 2099 年之间。",
        "{label} must be between the years 2000 and 2099.",
    ),
    "setting_unknown": (
        "没有可以修改的设置“{key}”。",
        "There is no setting “{key}” that can be changed.",
    ),
    "sqlite_only": (
        "{what}只适用于 SQLite 文件；PostgreSQL 请用 pg_dump / pg_restore。",
        "{what} works on SQLite files; for PostgreSQL use pg_dump / pg_restore.",
    ),
    "not_a_backup": (
        "“{where}”不能作为备份使用：{why}",
        "“{where}” cannot be used as a backup: {why}",
    ),
    "backup_onto_itself": (
        "备份文件不能就是数据库本身：“{where}”。请另选一个文件或文件夹。",
        "The backup cannot be the database itself (“{where}”): choose another file or folder.",
    ),
    "restore_onto_itself": (
        "“{where}”就是正在使用的数据库，不能用它恢复它自己。",
        "“{where}” is the database in use: it cannot be restored onto itself.",
    ),
    "backup_version": (
        "这个备份是旧版本的结构（{found}），本程序是 {known}，不能直接恢复：请先复制一份备份，"
        "用 refund-desk --db 复制的文件 migrate --yes --user 系统管理员 把副本升级，再恢复副本。",
        "This backup has an older schema ({found}; this program writes {known}): it cannot be "
        "restored as it is. Copy it, upgrade the copy with refund-desk --db COPY migrate --yes "
        "--user SYSADMIN, and restore the copy.",
    ),
    "backup_newer": (
        "这个备份来自更新版本的退款台（结构版本 {found}，本程序只认识 {known}）："
        "请用那个版本恢复它。",
        "This backup comes from a newer Refund Desk (schema version {found}; this program knows "
        "up to {known}): restore it with that version.",
    ),
    "backup_other_database": (
        "“{where}”是另一个数据库的备份，不能恢复到这个数据库上。",
        "“{where}” is a backup of another database; it cannot be restored onto this one.",
    ),
    "db_unknown_shape": (
        "数据库的结构与结构版本 {version} 的任何已发布形态都不一致，不能自动升级（{detail}）。"
        "请联系技术支持。",
        "The database's schema matches no released shape of version {version}, so it cannot be "
        "upgraded automatically ({detail}). Contact support.",
    ),
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
    if "label" not in values:  # a field without a label of its own is "the text"
        values["label"] = field_label(field).get(lang)
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


class ReportError(WorkflowError):
    """A refused step of a monthly table's lifecycle or of an adjustment."""


class MoneyNotExact(RefundDeskError):
    """A stored amount or a sum that is not an exact number of fen (never shown as money)."""

    code = "money_not_exact"
