"""Reading a PDF back: text per page, fonts, text positions, pictures for review."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "pdf"


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    """Without white space: a wrapped line reads back with line breaks in it."""
    return re.sub(r"\s+", "", text)


def assert_has(text: str, *needles: str) -> None:
    flat = squash(text)
    missing = [n for n in needles if squash(n) not in flat]
    assert not missing, f"not in the PDF: {missing}"


def fonts(data: bytes) -> list[tuple[str, bool]]:
    """(base font, embedded) for every font on every page, read with pypdf."""
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((str(font.get("/BaseFont")), embedded))
    return found


def assert_fonts_embedded(data: bytes, tmp_path: Path) -> None:
    """Only the bundled font, embedded as a subset; `pdffonts` agrees where poppler exists."""
    found = fonts(data)
    assert found
    assert all(embedded for _, embedded in found), found
    assert all("WenQuanYiMicroHei" in name and "+" in name for name, _ in found), found
    if shutil.which("pdffonts"):
        path = tmp_path / "fonts.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        rows = out.splitlines()[2:]
        assert rows
        for row in rows:
            emb = row.split()[-5]
            assert emb == "yes", row


def text_positions(data: bytes) -> list[tuple[int, float, float, str]]:
    """(page, x, y) of each piece of text, from the text matrix."""
    spots = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):

        def visit(text, cm, tm, font_dict, font_size, number=number):
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                spots.append((number, x, y, text))

        page.extract_text(visitor_text=visit)
    return spots


def save_pngs(data: bytes, name: str) -> list[Path]:
    """Pictures of the pages for a person to look at (artifacts/pdf/, not in git). Made in a
    folder of their own, then moved in: two test processes saving the same name at once (the
    same test on SQLite and on PostgreSQL, under pytest-xdist) each leave whole files."""
    if not shutil.which("pdftoppm"):
        return []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ARTIFACTS) as work:
        pdf = Path(work) / f"{name}.pdf"
        pdf.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf), str(Path(work) / name)],
            check=True,
            timeout=60,
        )
        for old in ARTIFACTS.glob(f"{name}-*.png"):
            old.unlink(missing_ok=True)
        for made in (pdf, *Path(work).glob(f"{name}-*.png")):
            os.replace(made, ARTIFACTS / made.name)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def read_qr_codes(data: bytes, tmp_path: Path) -> list[str]:
    """The QR codes on each page, decoded with zbarimg (empty list when it is not installed)."""
    if not (shutil.which("zbarimg") and shutil.which("pdftoppm")):
        return []
    pdf = tmp_path / "qr.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "qr")], check=True)
    codes = []
    for png in sorted(tmp_path.glob("qr-*.png")):
        out = subprocess.run(
            ["zbarimg", "-q", "--raw", "-Sbinary", str(png)], capture_output=True, timeout=60
        ).stdout
        codes.append(out.decode("utf-8").strip())
    return codes
