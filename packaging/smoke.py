"""Smoke test of an installed Refund Desk, as an office's IT person would try it: the programs
of a wheel installed in a clean venv, or of the PyInstaller bundle. Needs only the standard
library and poppler-utils (pdffonts, pdftotext); imports nothing from the source tree, and runs
in a fresh folder of its own, outside it.

    python3 packaging/smoke.py --cli VENV/bin/refund-desk --app VENV/bin/refund-desk-app
    python3 packaging/smoke.py --cli RefundDesk/refund-desk --app RefundDesk/refund-desk-app

With REFUND_DESK_TEST_PG naming a PostgreSQL server (and createdb on the PATH) it also makes a
database there, which proves the PostgreSQL driver is in the build."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PASSWORD = "smoke-pass-2026"  # at least 8 characters
DEMO_LOGIN = "lead1:demo"  # a demo user and the demo password (refund_desk/store/demo.py)


class SmokeFailure(AssertionError):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)


class Programs:
    def __init__(self, cli: str, app: str, folder: Path):
        self.cli = str(Path(cli).resolve())
        self.app = str(Path(app).resolve())
        self.folder = folder
        self.env = {
            **os.environ,
            # This PC's folders (log, remembered choice, embedded default): the smoke test's own.
            "XDG_DATA_HOME": str(folder / "local-data"),
            "LOCALAPPDATA": str(folder / "local-data"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        for name in ("PYTHONPATH", "REFUND_DESK_DB", "PYTHONHOME"):
            self.env.pop(name, None)

    def run(self, *args: str, stdin: str = "", program: str | None = None, timeout: int = 300):
        started = time.monotonic()
        result = subprocess.run(
            [program or self.cli, *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=self.folder,
            env=self.env,
            timeout=timeout,
        )
        took = time.monotonic() - started
        print(f"  $ refund-desk {' '.join(args)}  -> {result.returncode} ({took:.1f} s)")
        return result

    def ok(self, *args: str, stdin: str = "") -> str:
        result = self.run(*args, stdin=stdin)
        check(
            result.returncode == 0 and "Traceback" not in result.stderr,
            f"refund-desk {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}",
        )
        return result.stdout


def first_form_number(database: Path) -> str:
    connection = sqlite3.connect(database)
    try:
        row = connection.execute("SELECT form_no FROM refund ORDER BY id LIMIT 1").fetchone()
    finally:
        connection.close()
    check(row is not None, f"the demo database {database} has no refund")
    return row[0]


def check_pdf(pdf: Path, form_no: str) -> None:
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    check(bool(rows), f"{pdf} has no fonts")
    for row in rows:
        # name, type…, then emb sub uni as yes/no before the object number
        flags = row.split()[-5:-2]
        check(flags[0] == "yes", f"a font of {pdf} is not embedded: {row}")
    check(any("WenQuanYi" in row for row in rows), f"no WenQuanYi Micro Hei in {pdf}")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    check("退款" in text and form_no in text, f"{pdf} lacks Chinese text or {form_no}")
    print(f"  {pdf.name}: {len(rows)} embedded font(s), Chinese text and {form_no} read back")


def check_window(programs: Programs, database: Path) -> None:
    report = programs.folder / "window.json"
    programs.env["REFUND_DESK_SELFTEST"] = str(report)
    programs.env["REFUND_DESK_SELFTEST_LOGIN"] = DEMO_LOGIN
    try:
        result = programs.run("--db", str(database), program=programs.app, timeout=180)
    finally:
        del programs.env["REFUND_DESK_SELFTEST"], programs.env["REFUND_DESK_SELFTEST_LOGIN"]
    check(report.exists(), f"the app wrote no report ({result.returncode}): {result.stderr}")
    seen = json.loads(report.read_text(encoding="utf-8"))
    check(result.returncode == 0 and seen.get("ok"), f"the app's self-check failed: {seen}")
    check(seen["tabs"][0] == "退款申请", f"no Chinese tab names on screen: {seen['tabs']}")
    check("退款台" in seen["title"], f"no Chinese window title: {seen['title']}")
    check(seen["font"] == "WenQuanYi Micro Hei", f"the app font is {seen['font']}")
    check(seen["icon"], "the window has no icon")
    who = DEMO_LOGIN.split(":")[0]
    print(f"  window after log-in as {who}: {seen['title']}; tabs {', '.join(seen['tabs'])}")


def check_postgres(programs: Programs) -> None:
    base = os.environ.get("REFUND_DESK_TEST_PG")
    if not base or not shutil.which("createdb"):
        print("  PostgreSQL: skipped (REFUND_DESK_TEST_PG unset or no createdb)")
        return
    parts = urlsplit(base)
    name = "rd_smoke_" + uuid.uuid4().hex[:8]
    server = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    server += ["-U", parts.username or "postgres"]
    subprocess.run(["createdb", *server, name], check=True)
    try:
        url = urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))
        programs.ok("--db", url, "init", "--admin", "root", stdin=PASSWORD + "\n")
        programs.ok("--db", url, "check")
    finally:
        subprocess.run(["dropdb", *server, name], check=False)


def smoke(cli: str, app: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="refund-desk-smoke-"))
    print(f"smoke test in {folder} of {cli}")
    programs = Programs(cli, app, folder)
    version = programs.ok("--version").strip()
    check(version.startswith("refund-desk ") and version[12:13].isdigit(), version)
    print(f"  {version}")
    programs.ok("--db", "X.db", "init", "--admin", "root", stdin=PASSWORD + "\n")
    demo = folder / "D.db"
    check(not demo.exists(), "the demo database must be a new file")
    programs.ok("--db", "D.db", "demo")
    report = programs.ok("--db", "D.db", "check")
    check("FAIL" not in report, f"check found a problem:\n{report}")
    form_no = first_form_number(demo)
    programs.ok("--db", "D.db", "print", "refund", form_no, "-o", "x.pdf")
    check_pdf(folder / "x.pdf", form_no)
    # As on Windows, which has no time-zone database of its own: only the tzdata package's.
    programs.env["PYTHONTZPATH"] = str(folder / "no-zoneinfo")
    try:
        programs.ok("--db", "D.db", "print", "refund", form_no, "-o", "tz.pdf")
    finally:
        del programs.env["PYTHONTZPATH"]
    check_window(programs, demo)
    check_postgres(programs)
    log = folder / "local-data" / "RefundDesk" / "RefundDesk" / "logs" / "refund-desk.log"
    check(log.exists() and "started" in log.read_text(encoding="utf-8"), f"no log file {log}")
    print(f"smoke test passed: {version}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the console program refund-desk")
    parser.add_argument("--app", required=True, help="the windowed program refund-desk-app")
    args = parser.parse_args()
    try:
        smoke(args.cli, args.app)
    except SmokeFailure as failure:
        print(f"smoke test FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
