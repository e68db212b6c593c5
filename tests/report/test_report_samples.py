"""The report prints a recorded sample ("ID cards: 3 of 10 failed") on its item, in its
language's plural, in the findings by area and in the annex of responses."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfcheck import page_texts
from pypdf import PdfReader

from avsec.core.assessment import Response, Status
from avsec.report.pdf import build_report
from tests.sampling import sampling_checklist


@pytest.mark.parametrize(
    ("lang", "expected", "single"),
    [
        ("en", "ID cards: 3 of 10 failed", "Vehicles: 1 of 20 failed"),
        ("es", "Tarjetas de identificación: 3 de 10 fallaron", "Vehículos: 1 de 20 falló"),
        ("pt", "Credenciais: 3 de 10 falharam", "Veículos: 1 de 20 falhou"),
        ("fr", "Titres de circulation : 3 sur 10 ont échoué", "Véhicules : 1 sur 20 a échoué"),
    ],
)
def test_the_sample_prints_on_its_item(
    make_doc, tmp_path: Path, lang: str, expected: str, single: str
) -> None:
    checklist = sampling_checklist(tmp_path)
    doc = make_doc(checklist=checklist)
    doc.responses["ACP-01"] = Response(
        item_id="ACP-01",
        status=Status.NOT_COMPLIANT,
        notes="Two expired, one copied.",
        sample_size=10,
        failures=3,
    )
    doc.responses["ACP-02"] = Response(
        item_id="ACP-02", status=Status.PARTIALLY_COMPLIANT, sample_size=20, failures=1
    )
    out = tmp_path / f"r-{lang}.pdf"
    build_report(doc, out, lang=lang, photo_loader=dict().get)
    texts = page_texts(PdfReader(out))
    pages = [n for n, text in enumerate(texts) if expected in text]
    # Once with the gap (findings by area), once in the annex of every response.
    assert len(pages) == 2, texts
    assert sum(single in text for text in texts) == 2
    # Never on an item without a sample: the perimeter items print no count.
    assert not any("PER-0" in text and " 0 of " in text for text in texts)
