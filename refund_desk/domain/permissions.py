"""Who may do what outside the refund workflow table (which has its own roles per transition)."""

from __future__ import annotations

from enum import StrEnum

from .errors import NotAllowed, Text
from .roles import Role
from .workflow import EDITABLE_STATES, State


class Permission(StrEnum):
    CREATE_REFUND = "create_refund"
    EDIT_DRAFT = "edit_draft"  # edit the fields while the form is a draft
    EDIT_IN_REVIEW = "edit_in_review"  # the lead corrects fields during lead review
    VIEW_ALL = "view_all"
    HANDOVER = "handover"
    MANAGE_USERS = "manage_users"
    EDIT_SETTINGS = "edit_settings"
    EDIT_CALENDAR = "edit_calendar"
    PREPARE_CS_STATS = "prepare_cs_stats"
    PREPARE_FINANCE_STATS = "prepare_finance_stats"
    ARCHIVE_STATS = "archive_stats"

    @property
    def label(self) -> Text:
        return PERMISSION_LABELS[self]


PERMISSION_LABELS: dict[Permission, Text] = {
    Permission.CREATE_REFUND: Text("新建退款申请", "create a refund"),
    Permission.EDIT_DRAFT: Text("修改退款申请", "edit a refund form"),
    Permission.EDIT_IN_REVIEW: Text("审核时修改退款申请", "edit a form under review"),
    Permission.VIEW_ALL: Text("查看全部退款单", "view all refunds"),
    Permission.HANDOVER: Text("填写值班交接单", "write a handover sheet"),
    Permission.MANAGE_USERS: Text("管理用户", "manage users"),
    Permission.EDIT_SETTINGS: Text("修改设置", "change settings"),
    Permission.EDIT_CALENDAR: Text("修改工作日历", "edit the working calendar"),
    Permission.PREPARE_CS_STATS: Text("编制客服退单统计表", "prepare the CS statistics"),
    Permission.PREPARE_FINANCE_STATS: Text("编制财务退单统计表", "prepare the finance statistics"),
    Permission.ARCHIVE_STATS: Text("核实归档统计表", "verify and archive statistics"),
}

_ALL = frozenset(Role)
PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.CREATE_REFUND: frozenset({Role.CLERK, Role.CS_LEAD}),
    Permission.EDIT_DRAFT: frozenset({Role.CLERK, Role.CS_LEAD}),
    Permission.EDIT_IN_REVIEW: frozenset({Role.CS_LEAD}),
    Permission.VIEW_ALL: _ALL,
    Permission.HANDOVER: frozenset({Role.CLERK, Role.CS_LEAD}),
    Permission.MANAGE_USERS: frozenset({Role.SYSADMIN}),
    Permission.EDIT_SETTINGS: frozenset({Role.SYSADMIN}),
    Permission.EDIT_CALENDAR: frozenset({Role.SYSADMIN, Role.ADMIN}),
    Permission.PREPARE_CS_STATS: frozenset({Role.CLERK, Role.CS_LEAD}),
    Permission.PREPARE_FINANCE_STATS: frozenset(
        {Role.CASHIER, Role.ACCOUNTANT, Role.FINANCE_DIRECTOR}
    ),
    Permission.ARCHIVE_STATS: frozenset({Role.ADMIN}),
}


def allowed(permission: Permission, roles) -> bool:
    return bool(PERMISSIONS[permission] & frozenset(roles))


def require(permission: Permission, roles) -> None:
    if not allowed(permission, roles):
        needed = PERMISSIONS[permission]
        raise NotAllowed(
            action=permission.label,
            roles=Text(
                "、".join(sorted(r.label.zh for r in needed)),
                ", ".join(sorted(r.label.en for r in needed)),
            ),
        )


def edit_permission(state: State) -> Permission | None:
    """Which permission editing the fields needs in `state`; None: the fields are frozen."""
    if state not in EDITABLE_STATES:
        return None
    return Permission.EDIT_DRAFT if state == State.DRAFT else Permission.EDIT_IN_REVIEW
