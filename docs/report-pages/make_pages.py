"""Render the sample report pages in this folder.

    python docs/report-pages/make_pages.py

Builds a small assessment in code (the bundled checklist, the test airport layout of
tests/report/reportdata.py, a few photos), writes the report in English and in Spanish, and
renders the executive summary and the zone map (English) and a findings page (Spanish) with
poppler's pdftoppm at 60 dpi.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests" / "report"))
sys.path.insert(0, str(ROOT))

from reportdata import attach, jpeg_bytes, sample_findings, sample_layout  # noqa: E402

from pypdf import PdfReader  # noqa: E402

from avsec.core.assessment import Airport, Assessment, Response, Status  # noqa: E402
from avsec.core.document import AssessmentDocument  # noqa: E402
from avsec.io.checklists import get_checklist, load_catalogue  # noqa: E402
from avsec.report.pdf import build_report  # noqa: E402

NOTES = {
    "en": "Fence fabric cut over about 50 m next to gate 1; footprints inside. The patrol log "
    "shows no round on that stretch for three nights.",
    "es": "Malla de la cerca cortada en unos 50 m junto a la puerta 1; huellas en el interior. "
    "El registro de patrullaje no muestra rondas en ese tramo durante tres noches.",
}


def document(lang: str, store: dict[str, bytes]) -> AssessmentDocument:
    checklist = get_checklist()
    items = checklist.item_ids()
    cycle = (Status.COMPLIANT, Status.NOT_COMPLIANT, Status.PARTIALLY_COMPLIANT, Status.COMPLIANT)
    responses = {
        item: Response(item_id=item, status=cycle[i % len(cycle)], notes=NOTES[lang] if i < 6 else "")
        for i, item in enumerate(items)
    }
    findings = sample_findings()
    for finding in findings:
        finding.items = [i for i in checklist.items_for_rule(finding.rule)][:2]
    doc = AssessmentDocument(
        assessment=Assessment(
            title="Perimeter and access control inspection",
            airport=Airport(icao="ZZTA", iata="ZTA", name="Test Field International", city="Villa",
                            country="Panama", lat=10.0, lon=-80.0, custom=True),
            checklist_id=checklist.id,
            checklist_version=checklist.version,
            started=dt.date(2025, 3, 3),
            ended=dt.date(2025, 3, 7),
            team=["A. Inspector", "B. Ñandú Pérez"],
            organisation="Civil Aviation Authority",
        ),
        checklist=checklist,
        responses=responses,
        features=sample_layout(),
        findings=findings,
    )
    gaps = [i for i in items if responses[i].status == Status.NOT_COMPLIANT]
    for n in range(3):
        attach(doc, store, gaps[0], jpeg_bytes(4000, 3000, n), f"photo{n}")
    return doc


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pages = (("en", "1 Executive summary", "executive-summary-en.png"),
                 ("en", "Map key", "zone-map-en.png"),
                 ("es", "Fotos de evidencia", "findings-es.png"))
        for lang, words, name in pages:
            store: dict[str, bytes] = {}
            pdf = Path(tmp) / f"report-{lang}.pdf"
            build_report(document(lang, store), pdf, lang=lang, photo_loader=store.get,
                         catalogue=load_catalogue(), today=dt.date(2025, 3, 10))
            texts = [p.extract_text() or "" for p in PdfReader(pdf).pages]
            page = next(n for n, t in enumerate(texts, start=1) if words in t)
            stem = Path(tmp) / lang
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                            "-singlefile", str(pdf), str(stem)], check=True)
            (HERE / name).write_bytes(stem.with_suffix(".png").read_bytes())
            print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
