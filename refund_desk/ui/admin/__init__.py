"""系统管理: users, settings and fault categories, through the same audited services as the
admin command line."""

from .tab import AdminTab, may_administer

__all__ = ["AdminTab", "may_administer"]
