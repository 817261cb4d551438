"""The refund form on screen is made from `domain.refund_fields`: every field with its label
and its error place, in the table's order and columns."""

from __future__ import annotations

from refund_desk.domain import refund_fields


def test_the_form_on_screen_has_every_field_with_its_label_and_error_place(qtbot, make_ctx):
    from refund_desk.ui.refund_tab import RefundTab

    tab = RefundTab(make_ctx("clerk"))
    qtbot.addWidget(tab)
    for field in refund_fields.ON_SCREEN:
        assert getattr(tab.form, field.name + "Label").text() == field.screen_label("zh")
        assert tab.fields.error_label(field.name).text() == ""
    # Tab goes through the fields in the table's order, column by column.
    order = [f.name for side in refund_fields.Screen for f in refund_fields.on_screen(side)]
    widget = tab.form.order_no
    seen = [widget.objectName()]
    for _ in range(len(order) - 1):
        widget = widget.nextInFocusChain()
        while widget.objectName() not in refund_fields.BY_NAME:
            widget = widget.nextInFocusChain()
        seen.append(widget.objectName())
    assert seen == order


def test_bank_found_by_typing_and_only_a_listed_bank_is_kept(qtbot, make_ctx):
    from PySide6.QtCore import Qt

    from refund_desk.ui.refund_tab import RefundTab

    from .conftest import idle

    ctx = make_ctx("clerk")
    tab = RefundTab(ctx)
    qtbot.addWidget(tab)
    idle(qtbot, ctx.worker)
    bank = tab.form.bank
    line = bank.lineEdit()
    assert bank.isEditable() and bank.completer().filterMode() == Qt.MatchFlag.MatchContains
    qtbot.keyClicks(line, "Construction")  # any part of a name, either language
    assert bank.completer().popup().isVisible()
    assert bank.completer().currentCompletion().startswith("中国建设银行")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert bank.currentData() == "ccb" and bank.currentText() == "中国建设银行"
    assert tab.has_unsaved_edits()
    line.selectAll()
    qtbot.keyClicks(line, "cmb")  # a code: the bank of that code, not every code holding it
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert bank.currentData() == "cmb" and bank.currentText() == "招商银行"
    line.selectAll()
    qtbot.keyClicks(line, "Bank of Nowhere")  # not a listed bank: the chosen one stays
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert bank.currentData() == "cmb" and bank.currentText() == "招商银行"
    assert bank.count() == 17  # nothing typed was added to the list
    assert not tab.form.bank_other.isEnabled()
    line.selectAll()
    qtbot.keyClicks(line, "other")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert bank.currentData() == "other" and tab.form.bank_other.isEnabled()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert bank.currentData() == "" and tab.fields.values()["bank"] == ""


def test_bank_chosen_from_the_completion_list(qtbot, make_ctx):
    from PySide6.QtCore import Qt

    from refund_desk.ui.refund_tab import RefundTab

    from .conftest import idle

    ctx = make_ctx("clerk")
    tab = RefundTab(ctx)
    qtbot.addWidget(tab)
    idle(qtbot, ctx.worker)
    bank = tab.form.bank
    qtbot.keyClicks(bank.lineEdit(), "china")  # many fit: the list shows them
    popup = bank.completer().popup()
    assert popup.isVisible() and popup.model().rowCount() > 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert bank.currentData() not in ("", None)
    assert bank.currentText() == bank.itemText(bank.findData(bank.currentData()))
    assert "china" in bank.itemData(bank.currentIndex(), Qt.ItemDataRole.UserRole + 1).lower()
