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
