"""Checks on real PDF files: qpdf's structural check, text, outline and fonts read back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


def qpdf_check(path: Path, password: str | None = None) -> None:
    """Fail unless ``qpdf --check`` accepts the file."""
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed (apt-get install qpdf)")
    command = ["qpdf", "--check", str(path)]
    if password is not None:
        command.insert(1, f"--password={password}")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def page_texts(reader: PdfReader) -> list[str]:
    """Every page's text with runs of white space made single spaces."""
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def outline_titles(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) of every bookmark, depth first."""
    out: list[tuple[int, str, int]] = []

    def walk(entries: list, level: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                out.append((level, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return out


def font_names(reader: PdfReader) -> dict[str, bool]:
    """Font base names used on the pages -> whether the font program is embedded."""
    fonts: dict[str, bool] = {}

    def visit(resources: object) -> None:
        if not resources:
            return
        resources = resources.get_object()  # type: ignore[attr-defined]
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = False
            if descriptor is not None:
                descriptor = descriptor.get_object()
                embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return fonts
