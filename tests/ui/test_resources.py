"""Shipped resources stay in step with their sources: compiled forms, the Chinese catalogue,
the bundled font; and every shipped resource is declared as package data."""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from refund_desk import paths
from refund_desk.ui import i18n

REPOSITORY = Path(__file__).resolve().parents[2]
PACKAGE = REPOSITORY / "refund_desk"
FORMS = sorted((REPOSITORY / "forms").glob("*.ui"))
COMPILED = PACKAGE / "ui" / "forms"
TS_FILE = REPOSITORY / "translations" / "refund_desk_zh_CN.ts"
PLACEHOLDER = re.compile(r"%n|%L?\d|\{[A-Za-z_][A-Za-z0-9_]*\}")


def pyside_tool(name: str) -> list[str]:
    """`pyside6-<name>` of the PySide6 that runs the tests, through its package: a venv's
    python need not be activated, and a pyside6-uic on PATH may belong to another PySide6."""
    code = f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())"
    return [sys.executable, "-c", code]


def test_every_form_has_a_source():
    assert len(FORMS) >= 7
    compiled = {p.stem for p in COMPILED.glob("*.py")} - {"__init__"}
    assert compiled == {p.stem for p in FORMS}


@pytest.mark.parametrize("ui", FORMS, ids=lambda p: p.name)
def test_compiled_form_matches_its_ui(ui, tmp_path):
    out = tmp_path / (ui.stem + ".py")
    subprocess.run([*pyside_tool("uic"), str(ui), "-o", str(out)], check=True)
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


def _qt_tool(name: str) -> str:
    """A Qt tool of the PySide6 this test runs with (beside its python, else on PATH)."""
    import sys

    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def test_every_text_of_the_sources_is_in_the_catalogue(tmp_path):
    """A widget text added without running lupdate would show in English in the Chinese app:
    lupdate over today's sources adds nothing to the catalogue and leaves nothing unfinished."""
    copy = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, copy)
    sources = [
        str(p)
        for p in sorted(PACKAGE.rglob("*.py"))
        if "forms" not in p.relative_to(PACKAGE).parts[:2] or p.parent.name != "forms"
    ]
    sources += [str(p) for p in FORMS]
    subprocess.run(
        [_qt_tool("pyside6-lupdate"), *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    missing = [
        f"{ctx.findtext('name')}: {m.findtext('source')!r}"
        for ctx in ET.parse(copy).getroot().iter("context")
        for m in ctx.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert not missing, "run pyside6-lupdate and translate:\n" + "\n".join(missing)


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
        [*pyside_tool("lrelease"), str(TS_FILE), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == paths.resource(paths.CATALOGUE_ZH).read_bytes()


def test_catalogue_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(paths.resource_file(paths.CATALOGUE_ZH)))
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

    icon = QIcon(str(paths.resource_file(paths.APP_ICON)))
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull()


def test_resources_are_found_through_the_package_not_the_checkout():
    for name in (paths.CJK_FONT, paths.FONT_LICENCE, paths.CATALOGUE_ZH, paths.APP_ICON):
        assert paths.resource(name).is_file(), name
        assert paths.resource_file(name).is_relative_to(PACKAGE / "resources")


def test_every_shipped_resource_is_declared_as_package_data():
    """A file of the package that no package-data pattern matches (a font, a catalogue, a frozen
    schema) is left out of the wheel (and so out of every installed copy), while the checkout
    still works."""
    config = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["refund_desk"]
    shipped = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    ]
    assert len(shipped) >= 10
    missing = [f for f in shipped if not any(fnmatch.fnmatchcase(f, pat) for pat in patterns)]
    assert not missing, f"add to [tool.setuptools.package-data]: {missing}"
