"""The report's "Access-control tests" section: table, stop rates, map; absent without tests
and from the redacted edition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from avsec.core.access_tests import AccessTest
from avsec.report.pdf import build_report
from avsec.report.redaction import Redaction
from tests.report.pdfcheck import outline_titles, page_texts
from tests.report.test_paths_section import _layout


def _tests() -> list[AccessTest]:
    day = dt.date(2025, 3, 4)
    rows = [
        ("tailgating", "not_stopped", 9, "Walked in behind a porter"),
        ("no_badge", "stopped", 10, ""),
        ("no_badge", "partly", 11, "Challenged late"),
        ("no_badge", "stopped", 12, ""),
    ]
    return [
        AccessTest(
            id=f"t-{n}",
            at="gate",
            when=dt.datetime.combine(day, dt.time(hour)),
            method=method,
            result=result,
            who="A. Inspector",
            notes=notes,
        )  # fmt: skip
        for n, (method, result, hour, notes) in enumerate(rows, start=1)
    ]


def _text(path: Path) -> str:
    return " ".join(" ".join(page_texts(PdfReader(path))).split())


def test_the_section_lists_tests_and_stop_rates(make_doc, tmp_path: Path) -> None:
    doc = make_doc(features=_layout(), access_tests=_tests())
    out = build_report(doc, tmp_path / "r.pdf", lang="en", photo_loader=lambda _: None)
    text = _text(out)
    assert "Access-control tests" in text
    assert "2025-03-04 09:00 South gate Tailgating Not stopped A. Inspector Walked in" in text
    # By hand: no ID card 3 tests, 2 stopped, 1 partly, 0 through: 67 %; tailgating 0 %.
    assert "No ID card 3 2 1 0 67%" in text
    assert "Tailgating 1 0 0 1 0%" in text
    assert "All tests 4 2 1 1 50%" in text
    assert "1. South gate 4 2 1 1 50%" in text
    assert "Tested access points, coloured by their worst result" in text
    assert any(title == "Access-control tests" for _, title, _ in outline_titles(PdfReader(out)))


def test_no_tests_no_section_and_the_redacted_edition_leaves_them_out(make_doc, tmp_path):
    plain = build_report(make_doc(features=_layout()), tmp_path / "a.pdf", lang="en",
                         photo_loader=lambda _: None)  # fmt: skip
    assert "Access-control tests" not in _text(plain)
    doc = make_doc(features=_layout(), access_tests=_tests())
    redacted = build_report(doc, tmp_path / "b.pdf", lang="en", photo_loader=lambda _: None,
                            redaction=Redaction())  # fmt: skip
    text = _text(redacted)
    assert "Access-control tests" not in text and "porter" not in text
    assert Redaction().apply(doc).access_tests == []


def test_the_section_in_spanish(make_doc, tmp_path: Path) -> None:
    doc = make_doc(features=_layout(), access_tests=_tests())
    out = build_report(doc, tmp_path / "r.pdf", lang="es", photo_loader=lambda _: None)
    text = _text(out)
    assert "Pruebas de control de acceso" in text
    assert "Tasa de detención por método" in text
