"""The main window: the five tabs, the status bar, the refresh timer and the shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from .. import __version__, localdirs
from . import i18n
from .context import AppContext
from .handover_tab import HandoverTab
from .messages import notify
from .queue_tab import QueueTab
from .refund_tab import RefundTab
from .search_tab import SearchTab
from .statistics_tab import StatisticsTab
from .status import DatabaseStatus

REFRESH_MS = 60_000


DEMO_MARK = {"zh": "【演示数据】", "en": "[DEMO DATA] "}


def window_title(ctx: AppContext) -> str:
    roles = sorted(r.label.get(ctx.lang) for r in ctx.actor.roles)
    demo = DEMO_MARK[ctx.lang] if ctx.demo else ""
    if ctx.lang == "en":
        return (
            f"{demo}Refund Desk — {ctx.actor.display_name} ({', '.join(roles)}) — "
            f"{ctx.location.display}"
        )
    return f"{demo}退款台 — {ctx.actor.display_name}（{'、'.join(roles)}）— {ctx.location.display}"


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(window_title(ctx))
        self.resize(1280, 860)
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self.refund_tab = RefundTab(ctx, self)
        self.queue_tab = QueueTab(ctx, self)
        self.handover_tab = HandoverTab(ctx, self)
        self.statistics_tab = StatisticsTab(ctx, self, load_now=False)
        self.search_tab = SearchTab(ctx, self)
        self.tabs.addTab(self.refund_tab, self.tr("Refund form"))
        self.tabs.addTab(self.queue_tab, self.tr("My queue"))
        self.tabs.addTab(self.handover_tab, self.tr("Shift handover"))
        self.tabs.addTab(self.statistics_tab, self.tr("Statistics"))
        self.tabs.addTab(self.search_tab, self.tr("Search"))
        self.status = DatabaseStatus(self.statusBar(), ctx.worker, ctx.location.display)
        self._connect()
        self._menus()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._first_look)
        self.refund_tab.changed.connect(self.refresh)
        self.queue_tab.changed.connect(self.refund_tab.reload)
        self.queue_tab.refreshed.connect(self.status.refreshed)
        self.queue_tab.refreshed.connect(self._queue_title)
        for tab in (self.queue_tab, self.search_tab):
            tab.open_requested.connect(self.open_refund)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.focus_search)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = file_menu.addAction(self.tr("New refund"))
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_refund)
        file_menu.addAction(self.tr("Refresh"), QKeySequence.StandardKey.Refresh, self.refresh)
        file_menu.addAction(self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close)
        language = self.menuBar().addMenu(self.tr("&Settings")).addMenu(self.tr("Language"))
        group = QActionGroup(self)
        for code, name in (("zh", "简体中文"), ("en", "English")):
            action = QAction(name, self, checkable=True, checked=code == self.ctx.lang)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            language.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("About Refund Desk…"), self.about)

    def about(self) -> None:
        """The version (what the help desk asks first), the database and the log folder."""
        notify(
            self,
            self.tr("About Refund Desk"),
            self.tr("Refund Desk {version}\nDatabase: {database}\nLog files: {logs}").format(
                version=__version__,
                database=self.ctx.location.display,
                logs=localdirs.log_dir(),
            ),
        )

    def warn_on_opening(self, opened) -> None:
        """What a person must know at once: a history that no longer matches what this PC saw,
        and (for a sysadmin) user names under repeated failed log-ins."""
        if opened.anchor_warning:
            notify(self, self.tr("Audit log"), opened.anchor_warning, warning=True)
        if opened.login_alerts:
            names = ", ".join(f"{a.name} ({a.failures})" for a in opened.login_alerts)
            notify(
                self,
                self.tr("Failed log-ins"),
                self.tr("Repeated failed log-ins in the last 24 hours: {names}").format(
                    names=names
                ),
                warning=True,
            )

    def choose_language(self, code: str) -> None:
        i18n.settings().setValue(i18n.LANGUAGE_KEY, code)
        notify(
            self,
            self.tr("Language"),
            self.tr("The language changes the next time Refund Desk starts."),
        )

    def refresh(self) -> None:
        self.queue_tab.refresh()

    def _first_look(self, index: int) -> None:
        """The statistics build two monthly tables: only once someone opens the tab, so that
        start-up and the queue do not wait for them."""
        tab = self.tabs.widget(index)
        if tab is self.statistics_tab and tab.data is None:
            self.tabs.currentChanged.disconnect(self._first_look)
            tab.refresh()

    def _queue_title(self, _at) -> None:
        n = sum(self.queue_tab.counts.values())
        self.tabs.setTabText(
            self.tabs.indexOf(self.queue_tab), self.tr("My queue ({n})").format(n=n)
        )

    def open_refund(self, refund_id: int) -> None:
        self.refund_tab.open_refund(refund_id)
        self.tabs.setCurrentWidget(self.refund_tab)

    def new_refund(self) -> None:
        self.refund_tab.new_refund()
        self.tabs.setCurrentWidget(self.refund_tab)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search_tab)
        self.search_tab.focus_search()

    def closeEvent(self, event) -> None:
        self.timer.stop()
        super().closeEvent(event)
