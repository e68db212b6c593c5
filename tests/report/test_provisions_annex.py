"""The annex of provisions says which cited provisions are unconfirmed and what each was checked against."""

from __future__ import annotations

from pdfcheck import page_texts, qpdf_check
from pypdf import PdfReader

from avsec.io.checklists import load_catalogue
from avsec.report.pdf import build_report


def _annex_text(doc, out, lang: str) -> str:
    build_report(doc, out, lang=lang, photo_loader=lambda _: None, catalogue=load_catalogue())
    qpdf_check(out, None)
    return " ".join(" ".join(t.split()) for t in page_texts(PdfReader(out)))


def test_unconfirmed_provisions_are_listed(make_doc, tmp_path) -> None:
    # The mini checklist cites A17:4.2.1 (confirmed in public copies), 4.2.3 and 4.2.6
    # (wording of the current edition not seen): only the last two are listed.
    whole = _annex_text(make_doc(), tmp_path / "en.pdf", "en")
    assert (
        "Not verified against the current edition (wording or numbering unconfirmed): "
        "A17:4.2.3, A17:4.2.6." in whole
    )
    assert "checked against: Annex 17 numbering and scope as quoted in public copies" in whole


def test_unconfirmed_provisions_are_listed_in_spanish(make_doc, tmp_path) -> None:
    whole = _annex_text(make_doc(), tmp_path / "es.pdf", "es")
    assert (
        "No verificadas en la edición vigente (redacción o numeración sin confirmar): "
        "A17:4.2.3, A17:4.2.6." in whole
    )
    assert "verificada en: Numeración y alcance del Anexo 17" in whole
