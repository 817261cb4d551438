"""The main window: the five tabs, the status bar, the refresh timer and the shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from .. import __version__, localdirs
from ..domain import permissions
from ..domain.permissions import Permission
from ..store import devices, users
from . import i18n
from .admin import AdminTab, may_administer
from .context import AppContext
from .handover_tab import HandoverTab
from .idle import IdleWatch
from .lock_dialog import LockDialog
from .messages import notify
from .queue_tab import QueueTab
from .refund_tab import RefundTab
from .search_tab import SearchTab
from .statistics import StatisticsTab
from .status import DatabaseStatus

REFRESH_MS = 60_000
PREFERRED_SIZE = QSize(1280, 860)
# What the window system adds around the window (title bar, borders) before the window is
# shown and knows its own frame: Windows 10's is 31 px of title and 8 px borders.
FRAME_GUESS = QSize(16, 39)


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


def fit_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Open inside the screen's free area (the taskbar excluded), frame and status bar
    included: the preferred size or the area, whichever is smaller, centred in it."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    if frame.height() <= 0:  # not shown yet: the frame is not known
        frame = FRAME_GUESS
    size = PREFERRED_SIZE.boundedTo(available.size() - frame)
    window.resize(size)
    outer = size + frame
    window.move(
        available.x() + (available.width() - outer.width()) // 2,
        available.y() + (available.height() - outer.height()) // 2,
    )


class MainWindow(QMainWindow):
    log_out_requested = Signal()  # the form's edits are settled: the next person may log in

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.may_close = False  # the form's edits were saved or discarded on the way out
        self.lock_dialog: LockDialog | None = None
        self.setWindowTitle(window_title(ctx))
        fit_to_screen(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.read_only_banner = QLabel(
            self.tr(
                "Read-only copy: the database waits for its system administrator's upgrade. "
                "You can look things up; nothing can be saved or printed here."
            ),
            central,
        )
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "#readOnlyBanner { background: #fff3cd; color: #664d03; padding: 6px 10px; }"
        )
        self.read_only_banner.setVisible(ctx.read_only)
        layout.addWidget(self.read_only_banner)
        self.tabs = QTabWidget(central)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
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
        self.admin_tab: AdminTab | None = None
        if may_administer(ctx.actor.roles):
            self.admin_tab = AdminTab(ctx, self)
            self.tabs.addTab(self.admin_tab, self.tr("System administration"))
        self.status = DatabaseStatus(self.statusBar(), ctx.worker, ctx.location.display)
        self._connect()
        self._menus()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)
        self.idle = IdleWatch(ctx.idle_lock_ms, self)
        self.idle.idle.connect(self.lock)
        if not permissions.allowed(Permission.CREATE_REFUND, ctx.actor.roles):
            self.tabs.setCurrentWidget(self.queue_tab)  # who writes no forms starts at the work

    def _connect(self) -> None:
        self._unopened = [t for t in (self.statistics_tab, self.admin_tab) if t is not None]
        self.tabs.currentChanged.connect(self._first_look)
        self.refund_tab.changed.connect(self.refresh)
        self.queue_tab.changed.connect(self.refund_tab.reload_if_clean)
        self.queue_tab.refreshed.connect(self.status.refreshed)
        self.queue_tab.refreshed.connect(self._queue_title)
        for tab in (self.queue_tab, self.search_tab):
            tab.open_requested.connect(self.open_refund)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.focus_search)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = self.new_action = file_menu.addAction(self.tr("New refund"))
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_refund)
        file_menu.addAction(self.tr("Refresh"), QKeySequence.StandardKey.Refresh, self.refresh)
        file_menu.addSeparator()
        self.lock_action = file_menu.addAction(self.tr("Lock"), QKeySequence("Ctrl+L"), self.lock)
        self.log_out_action = file_menu.addAction(self.tr("Log out / switch user…"), self.log_out)
        file_menu.addAction(self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        if self.admin_tab is not None:
            settings_menu.addAction(self.tr("System administration…"), self.open_admin)
        language = settings_menu.addMenu(self.tr("Language"))
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
        if opened.calendar_warning:
            notify(self, self.tr("Working calendar"), opened.calendar_warning, warning=True)
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
        """The statistics build two monthly tables, administration reads every user: each only
        once someone opens its tab, so that start-up and the queue do not wait for them."""
        tab = self.tabs.widget(index)
        if tab in self._unopened:
            self._unopened.remove(tab)
            if getattr(tab, "data", None) is None and hasattr(tab, "refresh"):
                tab.refresh()
        if not self._unopened:
            self.tabs.currentChanged.disconnect(self._first_look)

    def open_admin(self) -> None:
        self.tabs.setCurrentWidget(self.admin_tab)

    def _queue_title(self, _at) -> None:
        n = sum(self.queue_tab.counts.values())
        self.tabs.setTabText(
            self.tabs.indexOf(self.queue_tab), self.tr("My queue ({n})").format(n=n)
        )

    def open_refund(self, refund_id: int) -> None:
        """Open a refund from a list; edits on the form are saved or discarded first."""

        def go() -> None:
            self.refund_tab.open_refund(refund_id)
            self.tabs.setCurrentWidget(self.refund_tab)

        self._settle(go)

    def new_refund(self) -> None:
        def go() -> None:
            self.refund_tab.new_refund()
            self.tabs.setCurrentWidget(self.refund_tab)

        self._settle(go)

    def _settle(self, then) -> None:
        if self.refund_tab.has_unsaved_edits():  # show the form the question is about
            self.tabs.setCurrentWidget(self.refund_tab)
        self.refund_tab.settle_edits(then)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search_tab)
        self.search_tab.focus_search()

    # --- sessions ------------------------------------------------------------------------
    def log_out(self) -> None:
        """Hand the PC to the next person: the form's edits are saved or discarded first."""
        self._settle(self.log_out_requested.emit)

    def retire(self) -> None:
        """Close for good (logged out): no timer, no question, nothing more to show."""
        self.timer.stop()
        self.idle.set_interval(0)
        if self.lock_dialog is not None:
            self.lock_dialog.done(0)
        self.may_close = True
        self.close()

    def lock(self) -> None:
        """Hide the work behind the same person's password; everything stays as it was."""
        if self.lock_dialog is not None and self.lock_dialog.isVisible():
            return
        self.idle.set_interval(0)
        self.centralWidget().hide()
        self.menuBar().setEnabled(False)
        check = users.verify_without_writing if self.ctx.read_only else devices.log_in
        dialog = self.lock_dialog = LockDialog(self.ctx.worker, self.ctx.actor, check, self)
        dialog.accepted.connect(self._unlocked)
        dialog.switch_user.connect(self._switch_from_lock)
        dialog.open()

    def _unlocked(self) -> None:
        self.centralWidget().show()
        self.menuBar().setEnabled(True)
        self.idle.set_interval(self.ctx.idle_lock_ms)

    def _switch_from_lock(self) -> None:
        """Someone else takes over: the owner's unsaved form is kept on this PC as their
        draft (offered at their next log-in), never saved or discarded by the next person."""
        self.centralWidget().show()
        self.menuBar().setEnabled(True)
        self.refund_tab.keep_draft()
        self.log_out_requested.emit()

    def closeEvent(self, event) -> None:
        if not self.may_close and self.refund_tab.has_unsaved_edits():
            event.ignore()  # asked first; closed again once the edits are saved or discarded
            self._settle(self._close_settled)
            return
        self.timer.stop()
        super().closeEvent(event)

    def _close_settled(self) -> None:
        self.may_close = True
        self.close()
