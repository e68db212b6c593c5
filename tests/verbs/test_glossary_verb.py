"""``avsec glossary``: the term sheet, one or two A4 pages, marked on every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from avsec.io.terms import load_terms

A4_POINTS = (595.3, 841.9)


def _pages(path: Path) -> list[str]:
    reader = PdfReader(str(path))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == A4_POINTS
    return [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").split())


def test_four_languages_side_by_side(run, tmp_path: Path) -> None:
    out = tmp_path / "terms.pdf"
    code, stdout, err = run("glossary", "-o", str(out))
    assert code == 0, err
    assert "en, es, pt, fr" in stdout
    pages = _pages(out)
    assert 1 <= len(pages) <= 2
    for page in pages:  # the marking at the top and the bottom of every page
        assert _flat(page).count("RESTRICTED — AVIATION SECURITY SENSITIVE INFORMATION") >= 2
    text = _flat(" ".join(pages))
    for header in ("English", "Español", "Português (Brasil)", "Français"):
        assert header in text
    for phrase in ("côté piste", "lado ar", "parte aeronáutica", "inspection-filtrage"):
        assert phrase in text
    # Every term of the table in every language (reportlab may wrap a term across lines).
    for term in load_terms().terms:
        for lang in ("en", "es", "pt", "fr"):
            first_word = term.text[lang].split()[0]
            assert first_word in text, (term.key, lang)


def test_chosen_languages_in_their_order(run, tmp_path: Path) -> None:
    out = tmp_path / "terms.pdf"
    code, _, err = run("glossary", "-o", str(out), "--langs", "fr,es")
    assert code == 0, err
    pages = _pages(out)
    text = _flat(" ".join(pages))
    assert text.index("Français") < text.index("Español")
    assert "Português" not in text and "lado ar" not in text
    # The first language writes the marking on every page.
    for page in pages:
        assert "DIFFUSION RESTREINTE" in _flat(page)


@pytest.mark.parametrize(
    ("langs", "message"),
    [("en,xx", "unknown language xx"), ("en,en", "given twice"), (",", "at least one")],
)
def test_bad_languages_are_refused(run, tmp_path: Path, langs: str, message: str) -> None:
    out = tmp_path / "terms.pdf"
    code, _, err = run("glossary", "-o", str(out), "--langs", langs)
    assert code != 0 and message in err
    assert not out.exists()


def test_not_a_pdf_is_refused(run, tmp_path: Path) -> None:
    code, _, err = run("glossary", "-o", str(tmp_path / "terms.txt"))
    assert code != 0 and ".pdf" in err
