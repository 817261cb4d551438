"""Shipped resources stay in step with their sources: compiled forms, the Chinese catalogue,
the bundled font."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from refund_desk import paths
from refund_desk.ui import i18n

FORMS = sorted(paths.FORMS_SOURCE.glob("*.ui"))
COMPILED = paths.PACKAGE / "ui" / "forms"
TS_FILE = paths.TRANSLATIONS / "refund_desk_zh_CN.ts"
PLACEHOLDER = re.compile(r"%n|%L?\d|\{[A-Za-z_][A-Za-z0-9_]*\}")


def test_every_form_has_a_source():
    assert len(FORMS) >= 7
    compiled = {p.stem for p in COMPILED.glob("*.py")} - {"__init__"}
    assert compiled == {p.stem for p in FORMS}


@pytest.mark.parametrize("ui", FORMS, ids=lambda p: p.name)
def test_compiled_form_matches_its_ui(ui, tmp_path):
    uic = shutil.which("pyside6-uic")
    assert uic, "pyside6-uic is part of PySide6"
    out = tmp_path / (ui.stem + ".py")
    subprocess.run([uic, str(ui), "-o", str(out)], check=True)
    committed = _without_version((COMPILED / out.name).read_text(encoding="utf-8"))
    assert _without_version(out.read_text(encoding="utf-8")) == committed, (
        f"{ui.name} changed: run pyside6-uic {ui} -o {COMPILED / out.name}"
    )


def _without_version(source: str) -> str:
    """The generated code, less the header line naming the uic version that wrote it."""
    return "\n".join(line for line in source.splitlines() if "Created by: Qt User" not in line)


def _messages():
    root = ET.parse(TS_FILE).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def test_every_message_has_a_chinese_translation():
    problems = []
    count = 0
    for context, message in _messages():
        translation = message.find("translation")
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            continue
        count += 1
        if kind == "unfinished" or not (translation.text or "").strip():
            problems.append(f"{context}: {message.findtext('source')!r}")
    assert count > 100
    assert not problems, "untranslated:\n" + "\n".join(problems)


def test_placeholders_are_the_same_in_both_languages():
    wrong = []
    for context, message in _messages():
        source = message.findtext("source") or ""
        target = message.findtext("translation") or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(target)):
            wrong.append(f"{context}: {source!r} -> {target!r}")
    assert not wrong, "\n".join(wrong)


def test_compiled_catalogue_is_current(tmp_path):
    out = tmp_path / "x.qm"
    subprocess.run(
        [shutil.which("pyside6-lrelease"), str(TS_FILE), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == i18n.QM_FILE.read_bytes()


def test_catalogue_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(i18n.QM_FILE))
    assert translator.translate("MainWindow", "My queue") == "待办"
    assert QCoreApplication.translate("MainWindow", "Refund form") == "退款申请"


def test_bundled_font_is_registered(qapp):
    assert i18n.register_font(qapp) == "WenQuanYi Micro Hei"
    assert qapp.font().family() == "WenQuanYi Micro Hei"


def test_qt_own_buttons_are_chinese_too(qapp):
    i18n.install_language(qapp, "zh")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_window_icon_renders(qapp):
    from PySide6.QtGui import QIcon

    icon = QIcon(str(paths.ICONS / "refund_desk.svg"))
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull()
