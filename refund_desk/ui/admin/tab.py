"""The 系统管理 tab: one page per kind of administration, each shown to whoever holds its
permission (the services check it again inside their writing transaction)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...domain import permissions
from ...domain.permissions import Permission
from ..context import AppContext
from .categories_page import CategoriesPage
from .settings_page import SettingsPage
from .users_page import UsersPage

PAGES = (  # permission, page, attribute of the tab
    (Permission.MANAGE_USERS, UsersPage, "users_page"),
    (Permission.EDIT_SETTINGS, SettingsPage, "settings_page"),
    (Permission.EDIT_SETTINGS, CategoriesPage, "categories_page"),
)


def may_administer(roles) -> bool:
    """Whether the tab has a page for someone with `roles`."""
    return any(permissions.allowed(permission, roles) for permission, _page, _name in PAGES)


class AdminTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.pages = QTabWidget(self)
        layout.addWidget(self.pages)
        titles = {
            UsersPage: self.tr("Users"),
            SettingsPage: self.tr("Settings"),
            CategoriesPage: self.tr("Fault categories"),
        }
        self.users_page: UsersPage | None = None
        self.settings_page: SettingsPage | None = None
        self.categories_page: CategoriesPage | None = None
        for permission, kind, name in PAGES:
            if permissions.allowed(permission, ctx.actor.roles):
                page = kind(ctx, self.pages)
                self.pages.addTab(page, titles[kind])
                setattr(self, name, page)

    def refresh(self) -> None:
        """Load every page (the first time the tab is opened, and on demand)."""
        for i in range(self.pages.count()):
            self.pages.widget(i).refresh()
