"""Every refused action is audited, also when the database is busy at the moment the refusal is
written down (seen on the Samba share with `posix locking = yes`: writers waited out the busy
timeout and a refusal's audit row went missing)."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from refund_desk.domain.errors import RefundDeskError
from refund_desk.domain.workflow import Action
from refund_desk.store import audit, refunds
from refund_desk.store import db as dbmod
from refund_desk.store.models import AuditLog
from tests.conftest import make_office

pytestmark = pytest.mark.reliability


def test_a_refusal_is_audited_when_another_pc_holds_the_lock_at_that_moment(tmp_path, monkeypatch):
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_S", 0.2)  # the 30 s timeout, made short
    path = str(tmp_path / "refunds.db")
    office = make_office(path)
    saved = office.new_refund()
    other_pc = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    write_down = refunds._refused

    def while_another_pc_writes(*args, **kwargs):
        # another PC's write transaction holds the lock for 0.5 s from this moment
        other_pc.execute("BEGIN IMMEDIATE")
        threading.Timer(0.5, lambda: other_pc.execute("ROLLBACK")).start()
        return write_down(*args, **kwargs)

    monkeypatch.setattr(refunds, "_refused", while_another_pc_writes)
    with pytest.raises(RefundDeskError):  # a clerk may not approve as finance director
        refunds.act(
            office["clerk"], saved.refund_id, saved.version, Action.DIRECTOR_APPROVE, opinion="x"
        )
    monkeypatch.setattr(refunds, "_refused", write_down)
    threading.Event().wait(0.7)
    assert audit.pending_refusals() == 1  # kept: the database could not take it then
    office.new_refund()  # the next write: the kept refusal is written first
    with dbmod.connection():
        denied = AuditLog.select().where(AuditLog.action.startswith("denied:")).count()
    other_pc.close()
    assert denied == 1 and audit.pending_refusals() == 0
