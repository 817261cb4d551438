"""退款申请: the refund form with live checks, the 10-minute clock, the step history, and exactly
the workflow buttons this user may press now."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QMessageBox, QPushButton, QWidget

from .. import drafts
from ..domain import money, permissions, sla, workflow
from ..domain.errors import Conflict, FormErrors, RefundDeskError
from ..domain.permissions import Permission
from ..domain.sla import Timeline
from ..domain.workflow import Action, Clock, Transition
from ..store.queries import RefundView
from . import display, printing, refund_jobs
from .action_dialog import ActionDialog, action_title, needs_dialog
from .context import AppContext
from .field_widgets import FIELDS, RefundFields
from .flow_layout import FlowLayout
from .forms.refund_form import Ui_RefundForm
from .table_models import StepColumn, StepTableModel

MAIN_ACTION_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # the main keyboard's and the keypad's
DRAFT_MS = 60_000  # a crash or a power cut loses at most this much typing
log = logging.getLogger(__name__)


class RefundTab(QWidget):
    changed = Signal()  # something was saved: queues should refresh

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = Ui_RefundForm()
        self.form.setupUi(self)
        self.fields = RefundFields(self.form, ctx.lang, self)
        self.fields.edited.connect(self._edited)
        self.history = StepTableModel(ctx.lang, self)
        self.form.history.setModel(self.history)
        header = self.form.history.horizontalHeader()
        header.setSectionResizeMode(StepColumn.OPINION, QHeaderView.ResizeMode.Stretch)
        for column in (StepColumn.TIME, StepColumn.EXECUTOR, StepColumn.LEADER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(StepColumn.STEP, 300)
        header.resizeSection(StepColumn.BLOCK, 110)
        self.view: RefundView | None = None
        self.dirty = False
        self.reasons: list = []
        self.action_buttons: dict[str, QPushButton] = {}
        self.action_dialog: ActionDialog | None = None
        self.conflict_box: QMessageBox | None = None
        self.unsaved_box: QMessageBox | None = None
        self.confirm_box: QMessageBox | None = None
        self.draft_box: QMessageBox | None = None
        self.draft_offered = False
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)  # started by an edit: at most once a minute
        self.draft_timer.setInterval(DRAFT_MS)
        self.draft_timer.timeout.connect(self.keep_draft)
        QGuiApplication.instance().commitDataRequest.connect(self._system_closing)
        self.acting = False  # a save or a step is running: its buttons wait, disabled, in place
        self.after_save: Callable[[], None] | None = None  # what waits for a save to succeed
        notice = self.form.notice
        notice.setText("Ag")  # one line's height, empty or not: nothing below it moves
        notice.setMinimumHeight(notice.sizeHint().height())
        notice.setText("")
        self.nothing_to_do = QPushButton(
            self.tr("Nothing for you to do on this form"), self.form.actionsBox
        )
        self.nothing_to_do.setEnabled(False)
        self.action_row = QWidget(self.form.actionsBox)
        self.action_flow = FlowLayout(self.action_row)  # wraps: never widens the window
        self.action_flow.addWidget(self.nothing_to_do)
        self.form.actions.addWidget(self.action_row, 1)
        self.form.newButton.clicked.connect(lambda: self.settle_edits(self.new_refund))
        self.form.newButton.setEnabled(
            permissions.allowed(Permission.CREATE_REFUND, ctx.actor.roles)
        )
        self.form.reloadButton.clicked.connect(lambda: self.settle_edits(self.reload))
        self.form.saveButton.clicked.connect(self.save)
        self.form.previewButton.clicked.connect(self.preview)
        self.form.printButton.clicked.connect(self.print_form)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        for keys in MAIN_ACTION_KEYS:
            step = QShortcut(QKeySequence(keys), self)
            step.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            step.activated.connect(self.main_action)
        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self.show_clock)
        self.clock_timer.start(1000)
        self.busy = 0
        self._run(refund_jobs.load_choices, self._choices_loaded)
        self.new_refund()

    # --- loading -----------------------------------------------------------------------
    def _run(self, fn, on_done, *args, **kwargs) -> None:
        self.busy += 1

        def done(result):
            self.busy -= 1
            on_done(result)

        def failed(error):
            self.busy -= 1
            self._failed(error)

        self.ctx.worker.submit(fn, *args, on_done=done, on_error=failed, **kwargs)

    def _choices_loaded(self, choices: refund_jobs.Choices) -> None:
        self.fields.rules = choices.rules
        self.fields.set_choices("fault_category", choices.fault_categories)
        self.fields.set_choices("bank", choices.banks)
        self.reasons = choices.send_back_reasons
        if not self.draft_offered:  # the lists are there: a draft's choices can be shown
            self.draft_offered = True
            self.offer_draft()

    def new_refund(self) -> None:
        """A blank form; the 10-minute clock starts now (the complaint is being taken)."""
        self.view = None
        self.opened_at = dt.datetime.now(dt.UTC)
        self.idem_key = uuid.uuid4().hex
        self.fields.clear()
        self.dirty = False
        self._show_state()
        self.form.order_no.setFocus()

    def open_refund(self, refund_id: int) -> None:
        self._run(refund_jobs.load, self.show_refund, refund_id)

    def reload(self) -> None:
        if self.view is not None:
            self.open_refund(self.view.id)

    def reload_if_clean(self) -> None:
        """Someone changed refunds elsewhere: show the saved one, unless edits would be lost
        (saving them then meets the conflict, which says who changed it)."""
        if not self.has_unsaved_edits():
            self.reload()

    # --- nothing lost ------------------------------------------------------------------
    def has_unsaved_edits(self) -> bool:
        return self.dirty and self.editable()

    def settle_edits(self, then: Callable[[], None]) -> None:
        """Run `then` (which would discard the form's edits) once they are saved or discarded,
        after asking; Cancel keeps everything as it was. A clean form asks nothing."""
        if not self.has_unsaved_edits():
            then()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("This refund form has changes that are not saved yet."),
            parent=self,
        )
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)

        def answered(button) -> None:
            if button is save:
                self.after_save = then
                self.save()
            elif button is discard:
                self.dirty = False
                self.forget_draft()
                then()

        box.buttonClicked.connect(answered)
        self.unsaved_box = box
        box.open()

    # --- drafts kept on this PC --------------------------------------------------------------
    def _draft_owner(self) -> tuple[str, str]:
        return self.ctx.database_id or self.ctx.location.target, self.ctx.actor.username

    def keep_draft(self) -> None:
        """Keep the unsaved form on this PC (every minute while edited, and when the system
        ends the session); the next log-in of this person on this database offers it."""
        if not self.has_unsaved_edits():
            return
        view = self.view
        draft = drafts.Draft(
            self.fields.values(),
            view.id if view else None,
            view.version if view else 0,
            self.opened_at.isoformat(),
            self.idem_key,
        )
        try:
            drafts.keep(*self._draft_owner(), draft)
        except OSError:
            log.warning("the draft could not be kept", exc_info=True)

    def forget_draft(self) -> None:
        self.draft_timer.stop()
        drafts.forget(*self._draft_owner())

    def _system_closing(self, _manager=None) -> None:
        self.keep_draft()

    def offer_draft(self) -> None:
        """A form this person left unsaved here: 恢复 fills the form again, 丢弃 removes it."""
        draft = drafts.find(*self._draft_owner())
        if draft is None:
            return
        what = " · ".join(
            v for v in (draft.values.get("order_no"), draft.values.get("contact")) if v
        )
        try:
            at = display.local_minute(dt.datetime.fromisoformat(draft.kept_at))
        except ValueError:
            at = ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved refund form"),
            self.tr("A refund form you had not saved was kept on this PC at {at}: {what}").format(
                at=at, what=what or self.tr("new refund")
            ),
            parent=self,
        )
        box.setInformativeText(self.tr("Restore it, or discard it for good?"))
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)

        def answered(button) -> None:
            if button is restore:
                self.restore_draft(draft)
            elif button is discard:
                self.forget_draft()

        box.buttonClicked.connect(answered)
        self.draft_box = box
        box.open()

    def restore_draft(self, draft: drafts.Draft) -> None:
        if draft.refund_id is None:
            self.view = None
            try:
                self.opened_at = dt.datetime.fromisoformat(draft.opened_at)
            except ValueError:
                self.opened_at = dt.datetime.now(dt.UTC)
            self.idem_key = draft.idem_key or uuid.uuid4().hex
            self._show_draft(draft)
            return

        def loaded(view: RefundView) -> None:
            # Saved at the draft's version: if someone changed the refund since, the save
            # meets the conflict, which says who and when, instead of overwriting them.
            self.view = dataclasses.replace(view, version=draft.version)
            self._show_draft(draft)

        self._run(refund_jobs.load, loaded, draft.refund_id)

    def _show_draft(self, draft: drafts.Draft) -> None:
        self.fields.restore(draft.values)
        self.dirty = True
        self._show_state()
        self.form.notice.setText(self.tr("The form kept on this PC is back; save it (Ctrl+S)."))

    def show_refund(self, view: RefundView) -> None:
        self.view = view
        self.fields.show_refund(view)
        self.dirty = False
        self._show_state()

    # --- what the person sees ----------------------------------------------------------
    def editable(self) -> bool:
        roles = self.ctx.actor.roles
        if self.view is None:
            return permissions.allowed(Permission.CREATE_REFUND, roles)
        needed = permissions.edit_permission(self.view.state)
        return needed is not None and permissions.allowed(needed, roles)

    def _show_state(self) -> None:
        lang, view = self.ctx.lang, self.view
        editable = self.editable()
        self.fields.set_editable(editable)
        self.form.saveButton.setEnabled(editable)
        self.form.reloadButton.setEnabled(view is not None)
        for button in (self.form.previewButton, self.form.printButton):
            button.setEnabled(view is not None)
        self.form.notice.setText("")
        if view is None:
            self.form.formNo.setText(self.tr("New refund (not saved yet)"))
            self.form.state.setText("")
            self.form.meta.setText(
                self.tr("Reporting department: Customer service · complaint opened {at}").format(
                    at=display.local_minute(self.opened_at)
                )
            )
            self.history.set_steps(())
        else:
            self.form.formNo.setText(self.tr("Form no. {form_no}").format(form_no=view.form_no))
            self.form.state.setText(view.state.label.get(lang))
            self.form.meta.setText(
                self.tr(
                    "Reporting department: {dept} · reported {at} · submitted by {who} · "
                    "version {version}, last changed by {changer} at {changed}"
                ).format(
                    dept=view.reporting_dept,
                    at=display.local_minute(view.created_at),
                    who=view.submitted_by or "—",
                    version=view.version,
                    changer=view.updated_by,
                    changed=display.local_minute(view.updated_at),
                )
            )
            self.history.set_steps(view.steps)
            self.form.history.resizeRowsToContents()
        self._show_actions()
        self.show_clock()

    def transitions(self) -> list[Transition]:
        """Exactly what this user may do now (a new form: submit it, if allowed to write one)."""
        actor = self.ctx.actor
        if self.view is None:
            return [
                t
                for t in workflow.transitions_from(workflow.State.DRAFT)
                if t.action == Action.SUBMIT and t.roles & actor.roles
            ]
        return workflow.allowed_actions(self.view.facts(), actor.user_id, actor.roles)

    def _show_actions(self) -> None:
        """One button per allowed transition, in the flow's order, wrapping when narrow. Old
        buttons are removed from the row and deleted later."""
        for button in self.action_buttons.values():
            self.action_flow.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.action_buttons = {}
        for t in self.transitions():
            key = t.action.value + (f":{t.target.value}" if t.action == Action.SEND_BACK else "")
            button = QPushButton(action_title(t, self.ctx.lang), self.action_row)
            button.clicked.connect(lambda _=False, t=t: self.start_action(t))
            if t.forward:
                button.setToolTip(MAIN_ACTION_KEYS[0])
            self.action_flow.addWidget(button)
            self.action_buttons[key] = button
        self.nothing_to_do.setVisible(not self.action_buttons)
        self.action_flow.invalidate()

    def show_clock(self) -> None:
        now = dt.datetime.now(dt.UTC)
        if self.view is None and not self.editable():  # a blank form nobody here may fill
            self.form.clock.setText("")
            return
        if self.view is None:
            statuses = sla.clocks(Timeline(complaint_at=self.opened_at), now, self.ctx.calendar)
            status = statuses[Clock.FORM_10MIN]
        else:
            statuses = self.view.clocks(now, self.ctx.calendar)
            status = sla.current_clock(statuses)
        if status is None:
            self.form.clock.setText(display.clock_summary(statuses, self.ctx.lang))
            self.form.clock.setStyleSheet("")
            return
        self.form.clock.setText(display.clock_text(status, self.ctx.lang))
        self.form.clock.setStyleSheet(display.clock_style(status.colour))

    # --- printing ---------------------------------------------------------------------
    def _print_title(self) -> str:
        return self.tr("Refund form {form_no}").format(form_no=self.view.form_no)

    def _printable(self) -> bool:
        """Paper shows the saved version: unsaved corrections must be saved first."""
        if self.view is None:
            return False
        if self.dirty and self.editable():
            self.form.notice.setText(self.tr("Save the changes first (Ctrl+S)."))
            return False
        return True

    def preview(self) -> printing.PrintRun | None:
        if not self._printable():
            return None
        job = printing.refund_job(self.ctx, self.view.id)
        return printing.preview(self, self.ctx, job, self._print_title())

    def print_form(self) -> printing.PrintRun | None:
        if not self._printable():
            return None
        job = printing.refund_job(self.ctx, self.view.id)
        return printing.print_document(self, self.ctx, job, self._print_title())

    # --- saving and acting -------------------------------------------------------------
    def _edited(self, _name: str) -> None:
        self.dirty = True
        if not self.draft_timer.isActive():
            self.draft_timer.start()

    def save(self) -> None:
        if not self.editable():
            self.after_save = None
            return
        self._save(submit=False)

    def _save(self, submit: bool) -> None:
        now = dt.datetime.now(dt.UTC)
        data = self.fields.check_all(now)
        if data is None:
            self.after_save = None
            self.form.notice.setText(self.tr("Correct the fields marked in red first."))
            return
        if self.view is None:
            data["complaint_at"] = self.opened_at
        else:
            data["complaint_at"] = self.view.complaint_at
        view = self.view
        self.form.notice.setText(self.tr("Saving…"))
        self._hold_buttons(True)
        self._run(
            refund_jobs.save,
            self._saved,
            self.ctx.actor,
            view.id if view else None,
            view.version if view else 0,
            data if (view is None or self.dirty or not submit) else None,
            self.idem_key,
            submit,
        )

    def _hold_buttons(self, hold: bool) -> None:
        """While a save or a step runs, its buttons stay where they are but take no click (a
        double-click must not press what appears under the pointer next)."""
        self.acting = hold
        self.form.saveButton.setEnabled(not hold and self.editable())
        for button in self.action_buttons.values():
            button.setEnabled(not hold)

    def _saved(self, outcome: refund_jobs.Outcome) -> None:
        self.acting = False
        self.show_refund(outcome.view)
        self.changed.emit()
        if outcome.error is not None:
            self._failed(outcome.error)
            return
        self.form.notice.setText(self.tr("Saved."))
        self.forget_draft()
        then, self.after_save = self.after_save, None
        if then is not None:
            then()

    def start_action(self, t: Transition) -> None:
        if self.acting:
            return
        if t.action == Action.SUBMIT and self.editable():
            if self.fields.check_all(dt.datetime.now(dt.UTC)) is None:
                self.form.notice.setText(self.tr("Correct the fields marked in red first."))
                return
            self.confirm(t, lambda: self._save(submit=True))
            return
        if self.dirty and self.editable():
            # An action moves the form on as saved: unsaved corrections would be lost.
            self.form.notice.setText(self.tr("Save the changes first (Ctrl+S)."))
            return
        if not needs_dialog(t):
            self.confirm(t, lambda: self._act(t, {}))
            return
        form_no = self.view.form_no if self.view else ""
        summary = self.summary(t) if t.irreversible else None
        self.action_dialog = ActionDialog(
            t, form_no, self.ctx.lang, self.reasons, self, summary=summary
        )
        dialog = self.action_dialog
        dialog.accepted.connect(
            lambda: self._act(
                t,
                {"opinion": dialog.opinion(), "reason": dialog.reason(), "leader": dialog.leader()},
            )
        )
        dialog.open()

    def main_action(self) -> None:
        """Ctrl+Enter: the step that moves this refund on, asked and confirmed as its button."""
        step = next((t for t in self.transitions() if t.forward), None)
        if step is None:
            self.form.notice.setText(self.tr("There is no step for you to take on this form."))
            return
        self.start_action(step)

    def summary(self, t: Transition) -> str:
        """One line saying what the step is done to: form, amount, customer, step."""
        values = self.fields.values()  # what is on screen is what is saved (or submitted)
        try:
            amount = display.yuan(money.parse_yuan(values["amount"]))
        except RefundDeskError:
            amount = values["amount"]
        customer = " ".join(v for v in (values["phone"], values["contact"]) if v)
        return self.tr("{form_no} · {amount} · {customer} · {step}").format(
            form_no=self.view.form_no if self.view else self.tr("new refund"),
            amount=amount,
            customer=customer or "—",
            step=action_title(t, self.ctx.lang),
        )

    def confirm(self, t: Transition, go: Callable[[], None]) -> None:
        """A step that cannot be undone asks first, naming what it is done to; others go."""
        if not t.irreversible:
            go()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, action_title(t, self.ctx.lang), self.summary(t), parent=self
        )
        box.setInformativeText(self.tr("This step cannot be undone."))
        take = box.addButton(action_title(t, self.ctx.lang), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(take)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(lambda b: go() if b is take else None)
        self.confirm_box = box
        box.open()

    def _act(self, t: Transition, kw: dict) -> None:
        view = self.view
        if view is None:
            return
        target = t.target if t.action == Action.SEND_BACK else None
        self.form.notice.setText(self.tr("Saving…"))
        self._hold_buttons(True)
        self._run(
            refund_jobs.act,
            self._saved,
            self.ctx.actor,
            view.id,
            view.version,
            t.action,
            target=target,
            **kw,
        )

    def _failed(self, error: RefundDeskError) -> None:
        self.after_save = None  # what waited for the save does not happen
        self._hold_buttons(False)
        if error.field in FIELDS or isinstance(error, FormErrors):  # said at its field
            self.fields.show_errors(error)
            self.form.notice.setText(self.tr("Correct the fields marked in red first."))
            return
        self.form.notice.setText(error.text())
        if isinstance(error, Conflict):
            self.show_conflict(error)

    def show_conflict(self, error: Conflict) -> None:
        """Somebody else saved first: say who and when, and offer to reload."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Changed by someone else"), error.text(), parent=self
        )
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(reload_button)
        box.buttonClicked.connect(lambda b: self.reload() if b is reload_button else None)
        self.conflict_box = box
        box.open()
