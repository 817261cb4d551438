import sqlite3

import peewee
import pytest

from refund_desk.domain.workflow import Action
from refund_desk.store import audit, maintenance
from refund_desk.store import db as dbmod
from refund_desk.store.models import AuditLog


def _some_history(office):
    saved = office.new_refund()
    office.carry(saved, ("clerk", Action.SUBMIT), ("lead", Action.LEAD_APPROVE))


def test_chain_verifies_and_check_passes(office):
    _some_history(office)
    report = maintenance.check()
    assert report.ok, report.lines
    assert audit.verify().rows >= 3


def test_update_and_delete_on_the_audit_log_are_refused(office):
    _some_history(office)
    with dbmod.connection(), pytest.raises(peewee.DatabaseError):
        AuditLog.update(actor="mallory").where(AuditLog.seq == 1).execute()
    with dbmod.connection(), pytest.raises(peewee.DatabaseError):
        AuditLog.delete().where(AuditLog.seq == 2).execute()
    assert audit.verify().ok


def test_tampering_that_bypasses_the_triggers_is_found_at_its_row(sqlite_office):
    _some_history(sqlite_office)
    rows = audit.verify().rows
    path = sqlite_office.url
    dbmod.DB.obj.close()
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER audit_log_no_update")
    changed = con.execute(
        "UPDATE audit_log SET detail = replace(detail, '12850', '99900') WHERE action = 'create'"
    ).rowcount
    assert changed == 1
    seq = con.execute("SELECT seq FROM audit_log WHERE action='create'").fetchone()[0]
    con.commit()
    con.close()
    report = audit.verify()
    assert not report.ok and f"audit row {seq}:" in report.problems[0].en
    assert not maintenance.check().ok
    assert rows


def test_removing_the_last_rows_is_found(sqlite_office):
    _some_history(sqlite_office)
    dbmod.DB.obj.close()
    con = sqlite3.connect(sqlite_office.url)
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    con.commit()
    con.close()
    assert "rows removed" in audit.verify().problems[0].en
