"""`refund-desk show FORM_NO [--json]`: one refund, every field of the form with its label, its
state and its step history, for the help desk and for scripts. Reading needs no log-in."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain import refund_fields
from ..domain.errors import Text
from ..store import queries, session, settings
from .common import lang, t


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "show", help=t("显示一张退款单（字段、状态、处理记录）", "show one refund")
    )
    p.add_argument("form_no", help=t("编号，例如 TD-2026-000123", "e.g. TD-2026-000123"))
    p.add_argument(
        "--json",
        action="store_true",
        help=t("以 JSON 输出（金额为元的字符串）", "as JSON (amounts as strings of yuan)"),
    )
    p.set_defaults(func=cmd_show)


def cmd_show(args: argparse.Namespace) -> int:
    session.open_store(args.db)
    view = queries.get_refund(form_no=args.form_no)
    if args.json:
        json.dump(_as_json(view), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    categories = dict(settings.fault_categories())
    language = lang()
    rows = [(Text("编号", "Form no.").get(), view.form_no)]
    rows.append((Text("状态", "State").get(), view.state.label.get(language)))
    for field in refund_fields.FIELDS:
        if field.required_with and not view.values.get(field.name):
            continue  # the bank's name is shown in the bank's place
        rows.append(
            (
                field.label.get(language),
                refund_fields.shown(field, view.values, language, categories),
            )
        )
    width = max(_width(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label}{' ' * (width - _width(label))}  {value}")
    if view.steps:
        print()
        print(Text("处理记录", "Step history").get())
        for step in view.steps:
            said = " ".join(p for p in (step.opinion, step.reason) if p)
            print(
                f"  {refund_fields.office_minute(step.executed_at)}  "
                f"{step.action.label.get(language)}  {step.executor}"
                + (f"  {said}" if said else "")
            )
    return 0


def _as_json(view: queries.RefundView) -> dict:
    return {
        "form_no": view.form_no,
        "state": view.state.value,
        "version": view.version,
        "fields": {
            f.name: refund_fields.as_json(view.values.get(f.name)) for f in refund_fields.FIELDS
        },
        "steps": [
            {
                "action": s.action.value,
                "from": s.from_state.value,
                "to": s.to_state.value,
                "executor": s.executor,
                "at": s.executed_at.isoformat(),
                "opinion": s.opinion,
                "reason": s.reason,
            }
            for s in view.steps
        ],
    }


def _width(text: str) -> int:
    """Columns a terminal gives the text: a Chinese character takes two."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)
