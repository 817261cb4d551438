"""The bundle's rules (packaging/bundle_rules.py) stay true to the code: every Qt module the app
imports is bundled, the imports made by name are declared, the Windows icon is the app's
drawing, and the Linux menu entry starts the GUI script. packaging/smoke.sh builds the bundle
itself and runs it (in .ci/run)."""

from __future__ import annotations

import ast
import configparser
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImageReader

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
import bundle_rules  # noqa: E402
import make_icons  # noqa: E402


def qt_modules_imported_by_the_app() -> set[str]:
    found = set()
    for source in (ROOT / "refund_desk").rglob("*.py"):
        found |= set(re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    return found


def test_every_qt_module_the_app_imports_is_bundled():
    imported = qt_modules_imported_by_the_app()
    assert {"QtCharts", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtNetwork"} <= imported
    assert imported <= bundle_rules.QT_USED, imported - bundle_rules.QT_USED


def test_unused_qt_modules_are_left_out_and_used_ones_kept():
    import PySide6

    excluded = bundle_rules.unused_qt_modules(str(Path(PySide6.__file__).parent))
    assert "PySide6.QtWebEngineCore" in excluded or "PySide6.Qt3DCore" in excluded
    assert "PySide6.QtQuick" in excluded and "PySide6.QtMultimedia" in excluded
    assert not {f"PySide6.{m}" for m in bundle_rules.QT_USED} & set(excluded)


def test_imports_made_by_name_are_declared():
    from PyInstaller.utils.hooks import collect_submodules

    hidden = bundle_rules.hidden_imports(collect_submodules)
    for name in (
        "reportlab.graphics.barcode.code128",  # the error a bundle without it printed
        "reportlab.graphics.barcode.qr",
        "holidays.countries.china",
        "tzdata",  # zoneinfo's fallback, the only time-zone database on Windows
        "psycopg2.extensions",
        "refund_desk.ui.statistics.tab",
        "refund_desk.cli.printing",
    ):
        assert name in hidden


def test_the_on_screen_keyboard_and_what_only_it_needs_are_dropped():
    binaries = [
        (f"PySide6/Qt/{name}", "x", "BINARY")
        for name in (
            "plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
            "plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
            "lib/libQt6Quick.so.6",
            "lib/libQt6QmlModels.so.6",
            "lib/libQt6VirtualKeyboard.so.6",
            "lib/libQt6Widgets.so.6",
            "bin/Qt6Quick.dll",
            "bin/Qt6Pdf.dll",
        )
    ]
    kept = [b[0].rsplit("/", 1)[1] for b in bundle_rules.keep_binaries(binaries)]
    assert kept == ["libcomposeplatforminputcontextplugin.so", "libQt6Widgets.so.6", "Qt6Pdf.dll"]


def test_only_the_offered_languages_of_qt_catalogues_are_kept():
    datas = [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", "x", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
        ("PySide6/Qt/translations/qt_help_fr.qm", "x", "DATA"),
        ("refund_desk/resources/translations/refund_desk_zh_CN.qm", "x", "DATA"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
    ]
    kept = [d[0] for d in bundle_rules.keep_data(datas)]
    assert kept == [datas[0][0], datas[3][0]]


def test_windows_version_resource_carries_the_package_version(monkeypatch):
    from importlib.metadata import version

    import PyInstaller.compat

    # PyInstaller's version classes import win32api only to write the resource into an .exe.
    monkeypatch.setattr(PyInstaller.compat, "win32api", object(), raising=False)
    from PyInstaller.utils.win32 import versioninfo

    text = bundle_rules.windows_version_info(version("refund-desk"), "refund-desk-app")
    call = ast.parse(text, mode="eval").body  # PyInstaller evaluates it on Windows
    assert isinstance(call, ast.Call) and call.func.id == "VSVersionInfo"
    strings = {
        node.args[0].value: node.args[1].value
        for node in ast.walk(call)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"
    }
    assert strings["ProductVersion"] == strings["FileVersion"] == version("refund-desk")
    assert strings["OriginalFilename"] == "refund-desk-app.exe"
    numbers = str(bundle_rules.file_version(version("refund-desk")))
    assert f"filevers={numbers}" in text
    resource = eval(text, vars(versioninfo))  # as PyInstaller reads the file on Windows
    assert isinstance(resource, versioninfo.VSVersionInfo) and len(resource.toRaw()) > 500
    assert bundle_rules.file_version("1.2.3") == (1, 2, 3, 0)
    assert bundle_rules.file_version("0.4.0.dev1+g1") == (0, 4, 0, 1)


def test_windows_icon_is_the_apps_drawing_at_every_size(qapp):
    from PySide6.QtSvg import QSvgRenderer

    data = QByteArray((PACKAGING / "icons" / "refund_desk.ico").read_bytes())
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"ico")
    renderer = QSvgRenderer(str(make_icons.SVG))
    sizes = []
    for _ in range(reader.imageCount()):
        image = reader.read()
        sizes.append(image.width())
        fresh = QImageReader()
        fresh_data = QByteArray(make_icons.png(renderer, image.width()))
        fresh_buffer = QBuffer(fresh_data)
        fresh_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        fresh.setDevice(fresh_buffer)
        expected = fresh.read().convertToFormat(image.format())
        assert image == expected, f"{image.width()} px: run python packaging/make_icons.py"
        reader.jumpToNextImage()
    assert sorted(sizes) == sorted(make_icons.SIZES)


def test_menu_entry_starts_the_gui_script_with_the_installed_icon(tmp_path):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / "refund-desk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert desktop["Exec"].split()[0] in project["gui-scripts"]
    assert desktop["Name[zh_CN]"] == "退款台" and desktop["Terminal"] == "false"
    bundle = tmp_path / "dist" / "RefundDesk"
    (bundle / "_internal" / "refund_desk" / "resources" / "icons").mkdir(parents=True)
    for program in ("refund-desk", "refund-desk-app"):
        (bundle / program).write_text("#!/bin/sh\n")
        (bundle / program).chmod(0o755)
    svg = ROOT / "refund_desk" / "resources" / "icons" / "refund_desk.svg"
    (bundle / "_internal/refund_desk/resources/icons/refund_desk.svg").write_bytes(svg.read_bytes())
    root = tmp_path / "root"
    subprocess.run(
        ["bash", str(PACKAGING / "linux" / "install.sh"), str(bundle)],
        env={"DESTDIR": str(root), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    assert (root / "opt/RefundDesk/refund-desk-app").exists()
    assert (root / "usr/local/bin/refund-desk").readlink() == Path("/opt/RefundDesk/refund-desk")
    icon = root / "usr/share/icons/hicolor/scalable/apps" / f"{desktop['Icon']}.svg"
    assert icon.read_bytes() == svg.read_bytes()
    assert (root / "usr/share/applications/refund-desk.desktop").exists()


@pytest.mark.parametrize("script", ["entry_app.py", "entry_cli.py"])
def test_entry_scripts_call_the_declared_entry_points(script):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {**project["scripts"], **project["gui-scripts"]}
    text = (PACKAGING / script).read_text(encoding="utf-8")
    module, function = re.search(r"from (\S+) import (\w+)", text).groups()
    assert f"{module}:{function}" in declared.values()
