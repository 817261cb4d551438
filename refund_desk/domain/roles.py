"""Who takes part (the RACI header of the seed's 执行流程 table)."""

from __future__ import annotations

from enum import StrEnum

from .errors import Text, ValidationError


class Role(StrEnum):
    CLERK = "clerk"
    CS_LEAD = "cs_lead"
    TECH = "tech"
    CASHIER = "cashier"
    ACCOUNTANT = "accountant"
    FINANCE_DIRECTOR = "finance_director"
    PRESIDENT = "president"
    ADMIN = "admin"
    SYSADMIN = "sysadmin"

    @property
    def label(self) -> Text:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, Text] = {
    Role.CLERK: Text("客服", "Clerk"),
    Role.CS_LEAD: Text("客服值班负责人", "CS duty lead"),
    Role.TECH: Text("技术部", "Technical dept."),
    Role.CASHIER: Text("出纳", "Cashier"),
    Role.ACCOUNTANT: Text("会计", "Accountant"),
    Role.FINANCE_DIRECTOR: Text("财务总监", "Finance director"),
    Role.PRESIDENT: Text("总裁", "President"),
    Role.ADMIN: Text("行政部", "Admin dept."),
    Role.SYSADMIN: Text("系统管理员", "System administrator"),
}


def parse_roles(text: str) -> frozenset[Role]:
    """ "clerk,cs_lead" -> {Role.CLERK, Role.CS_LEAD}; unknown names raise."""
    roles = set()
    for name in (part.strip() for part in text.replace("，", ",").split(",")):
        if not name:
            continue
        try:
            roles.add(Role(name))
        except ValueError:
            raise ValidationError("bad_role", field="roles", role=name) from None
    return frozenset(roles)


def format_roles(roles: frozenset[Role] | set[Role]) -> str:
    return ",".join(sorted(r.value for r in roles))
