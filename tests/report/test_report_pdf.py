"""The PDF report, checked for real: qpdf, pypdf text, bookmarks, fonts, encryption."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from pdfcheck import font_names, outline_titles, page_texts, qpdf_check
from pypdf import PdfReader
from reportdata import attach, jpeg_bytes, lonlat, sample_catalogue, sample_findings

from avsec.core.actions import Action
from avsec.core.assessment import DEFAULT_MARKING, Response, Status
from avsec.core.document import AssessmentDocument
from avsec.core.errors import InputError
from avsec.core.findings import Finding
from avsec.report.pdf import build_report, esc
from avsec.report.pdf import zone_map as pdf_zone_map
from avsec.report.photos import MAX_SIDE_PX

TODAY = dt.date(2025, 3, 10)
HOSTILE = "<b>x</b> & <font size=40>y</font>"


def build(
    doc: AssessmentDocument,
    out: Path,
    *,
    lang: str = "en",
    photos: dict[str, bytes] | None = None,
    catalogue: object = "sample",
    password: str | None = None,
) -> PdfReader:
    """Build the report, check it with qpdf and return a reader (decrypted if needed)."""
    store = photos or {}
    build_report(
        doc,
        out,
        lang=lang,
        photo_loader=store.get,
        catalogue=sample_catalogue() if catalogue == "sample" else catalogue,  # type: ignore[arg-type]
        password=password,
        today=TODAY,
    )
    qpdf_check(out, password)
    reader = PdfReader(out)
    if password is not None:
        reader.decrypt(password)
    return reader


def test_report_is_a_valid_pdf_marked_and_numbered_on_every_page(make_doc, tmp_path):
    reader = build(make_doc(), tmp_path / "r.pdf")
    texts = page_texts(reader)
    pages = len(reader.pages)
    assert pages >= 7
    marking = DEFAULT_MARKING["en"]
    for number, text in enumerate(texts, start=1):
        # Header and footer: the marking shows twice on every page.
        assert text.count(marking) >= 2, f"page {number}"
        assert f"Page {number} of {pages}" in text
    assert "Test Field" in texts[0] and "ZZTA / ZTA" in texts[0]
    assert "Mini test checklist (mini-test, version 1)" in texts[0]
    assert "12th edition (2022)" in texts[0]
    assert "3 March 2025 – 7 March 2025" in texts[0]


def test_sections_have_bookmarks_on_their_pages(make_doc, tmp_path):
    reader = build(make_doc(), tmp_path / "r.pdf")
    outline = outline_titles(reader)
    top = [title for level, title, _ in outline if level == 0]
    assert top == [
        "Cover",
        "1 Executive summary",
        "2 Zone map",
        "3 Findings by area",
        "4 Improvement outline",
        "Annex A — Responses",
        "Annex B — Provisions cited",
    ]
    nested = [title for level, title, _ in outline if level == 1]
    assert "3.1 Perimeter" in nested and "3.2 Access points" in nested
    assert "4.1 Immediate (within 14 days)" in nested
    texts = page_texts(reader)
    for _, title, page in outline:
        if title != "Cover":
            assert title in texts[page - 1], title
    pages = [page for _, _, page in outline]
    assert pages == sorted(pages)


def test_metadata_and_embedded_fonts(make_doc, tmp_path):
    reader = build(make_doc(), tmp_path / "r.pdf")
    meta = reader.metadata
    assert meta.title == "Airport access control assessment — Test Field (ZZTA)"
    assert "Annex 17" in meta.subject and DEFAULT_MARKING["en"] in meta.subject
    assert meta.author == "Civil Aviation Authority"
    fonts = font_names(reader)
    assert fonts, "no fonts found"
    assert all("DejaVu" in name for name in fonts), fonts
    assert all(fonts.values()), f"fonts not embedded: {fonts}"


def test_spanish_report(make_doc, tmp_path):
    reader = build(make_doc(), tmp_path / "r.pdf", lang="es")
    texts = page_texts(reader)
    whole = " ".join(texts)
    pages = len(texts)
    for number, text in enumerate(texts, start=1):
        assert text.count(DEFAULT_MARKING["es"]) >= 2
        assert f"Página {number} de {pages}" in text
    top = [title for level, title, _ in outline_titles(reader) if level == 0]
    assert top == [
        "Portada",
        "1 Resumen ejecutivo",
        "2 Plano de zonas",
        "3 Hallazgos por área",
        "4 Plan de mejora",
        "Anexo A — Respuestas",
        "Anexo B — Disposiciones citadas",
    ]
    for words in (
        "Resumen ejecutivo",
        "Hallazgos por área",
        "Plan de mejora",
        "aplicación eficaz (EI)",
        "No conforme",
        "Parcialmente conforme",
        "No aplicable",
        "Conforme",
        "Abertura en el perímetro",
        "Cierre toda abertura de la cerca.",
        "3 de marzo de 2025",
        "50,0 m",
    ):
        assert words in whole, words
    assert reader.metadata.title.startswith("Evaluación del control de acceso del aeropuerto")


def test_user_text_prints_literally(make_doc, tmp_path):
    doc = make_doc()
    doc.responses["PER-01"].notes = HOSTILE
    doc.responses["PER-03"].notes = HOSTILE + "\x00\x07 tail"
    doc.assessment.team = [HOSTILE]
    doc.assessment.title = HOSTILE
    doc.actions = [Action(title=HOSTILE, description="", owner=HOSTILE, items=["PER-01"])]
    reader = build(doc, tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    # Cover, findings, annex, outline title and owner.
    assert whole.count(HOSTILE) >= 6
    assert f"{HOSTILE} tail" in whole


def test_esc_neutralises_markup():
    assert esc(HOSTILE) == "&lt;b&gt;x&lt;/b&gt; &amp; &lt;font size=40&gt;y&lt;/font&gt;"
    assert esc("a\nb\r\nc\x00d\ud800") == "a<br/>b<br/>cd"


def test_very_long_notes(make_doc, tmp_path):
    doc = make_doc()
    paragraph = "The fence fabric is cut in several places and the patrol misses it. " * 60
    unbroken = "x" * 6000
    doc.responses["PER-01"].notes = (
        "START " + "\n\n".join([paragraph] * 8) + " " + unbroken + " END"
    )
    doc.responses["PER-03"].notes = "ANNEX-START " + paragraph * 6 + " ANNEX-END"
    reader = build(doc, tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    # Issue 15: at most 3,000 characters of a note print; the report says the rest is in the
    # file instead of laying out tens of pages of one note (or stalling on a 10 MB one).
    assert "START" in whole and "ANNEX-START" in whole
    assert " END" not in whole and "ANNEX-END" not in whole
    assert whole.count("more characters; they are kept in the assessment") >= 2


def test_two_hundred_findings(make_doc, tmp_path):
    findings = []
    for i in range(200):
        angle = 2 * math.pi * i / 200
        x, y = 1300 * math.cos(angle), 650 * math.sin(angle)
        findings.append(
            Finding(
                rule=("perimeter_gap", "clear_zone_obstruction", "uncontrolled_crossing")[i % 3],
                severity=("critical", "major", "minor")[i % 3],
                value=float(i),
                unit="m",
                location=tuple(lonlat(x, y)),
                geometry={"type": "Point", "coordinates": lonlat(x, y)},
                items=[("PER-01", "PER-03", "ACP-01")[i % 3]] if i % 7 else [],
                message={"en": f"Finding number {i}"},
                zone="airside",
            )
        )
    reader = build(make_doc(findings=findings), tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    assert "[F200]" in whole
    assert "Finding number 199" in whole


def test_big_missing_and_unreadable_photos(make_doc, tmp_path):
    doc = make_doc()
    store: dict[str, bytes] = {}
    attach(doc, store, "PER-01", jpeg_bytes(5472, 3648, 1), "big20mp")
    attach(doc, store, "PER-01", b"", "gonephoto")
    attach(doc, store, "ACP-01", b"this is not a picture", "brokenphoto")
    attach(doc, store, "ACP-01", jpeg_bytes(600, 800, 2), "portrait")
    reader = build(doc, tmp_path / "r.pdf", photos=store)
    whole = " ".join(page_texts(reader))
    assert "Photo gonephoto is missing from the assessment file." in whole
    assert "Photo brokenphoto could not be read as an image." in whole
    assert "big20mp.jpg" in whole and "portrait.jpg" in whole
    sizes = [
        (image.image.width, image.image.height)
        for page in reader.pages
        for image in page.images
        if image.image.width in (640, 480, 600)
    ]
    assert (640, 427) in sizes  # the 20 MP photo, scaled down
    assert (600, 800) in sizes or (480, 640) in sizes
    assert all(max(size) <= MAX_SIDE_PX for size in sizes)


def test_empty_layout(make_doc, tmp_path):
    reader = build(make_doc(features=[], findings=[]), tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    assert "No layout has been mapped for this assessment." in whole
    assert "The geometry analysis recorded no findings." in whole


def test_nothing_answered(make_doc, tmp_path):
    reader = build(make_doc(responses={}, features=[], findings=[]), tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    assert "No gaps are recorded." in whole
    assert "The outline holds no actions." in whole
    assert "n/a" in whole


def test_provision_annex(make_doc, tmp_path):
    reader = build(make_doc(), tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    assert "A17:4.2.1 — Access to airside controlled" in whole
    assert "Airside access is controlled." in whole
    assert "EU2015/1998:1.2.1 — Access to airside (this provision is broader)" in whole
    assert "Wording or numbering unconfirmed." in whole
    # A17:4.2.6 is cited by ACP-02 but missing from the catalogue: shown by its id.
    assert "A17:4.2.6 This provision is not in the provision catalogue." in whole


def test_without_catalogue(make_doc, tmp_path):
    reader = build(make_doc(), tmp_path / "r.pdf", catalogue=None)
    whole = " ".join(page_texts(reader))
    assert "The provision catalogue was not available" in whole
    assert "A17:4.2.1" in whole and "A17:4.2.6" in whole


def test_generated_outline_when_none_saved(make_doc, tmp_path):
    reader = build(make_doc(), tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    assert "this one was generated from the gaps" in whole
    assert "CAP-01" in whole and "CAP-03" in whole
    # Due dates count from the report date: immediate actions within 14 days.
    assert (TODAY + dt.timedelta(days=14)).isoformat() in whole


def test_saved_outline_is_used(make_doc, tmp_path):
    saved = [
        Action(
            title="Rebuild the north fence",
            horizon="long",
            priority=1.0,
            owner="Works",
            items=["PER-01"],
        ),
        Action(title="Lock gate 2 tonight", horizon="immediate", priority=5.0, status="done"),
    ]
    reader = build(make_doc(actions=saved), tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    assert "generated from the gaps" not in whole
    assert "CAP-01 Lock gate 2 tonight" in whole
    assert "CAP-02 Rebuild the north fence" in whole
    assert (
        "Close every gap in the fence"
        not in whole.split("4 Improvement outline")[1].split("Annex A")[0]
    )


def test_password_protection_is_aes_256(make_doc, tmp_path):
    out = tmp_path / "r.pdf"
    reader = build(make_doc(), out, password="s3cret-ñ")
    encrypt = PdfReader(out).trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5 and encrypt["/R"] in (5, 6)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert DEFAULT_MARKING["en"] in page_texts(reader)[0]
    locked = PdfReader(out)
    assert locked.is_encrypted
    assert not locked.decrypt("wrong")
    assert reader.metadata.title.startswith("Airport access control assessment")
    # Bookmarks survive the encryption, and the reader may print and copy but not change it.
    assert (0, "1 Executive summary", 2) in outline_titles(reader)
    permissions = int(encrypt["/P"])
    assert permissions & 4 and permissions & 16  # print, copy
    assert not permissions & 8  # modify


def test_password_protection_leaves_no_clear_copy(make_doc, tmp_path):
    build(make_doc(), tmp_path / "r.pdf", password="pw")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_empty_password_is_refused(make_doc, tmp_path):
    with pytest.raises(InputError):
        build_report(
            make_doc(), tmp_path / "r.pdf", lang="en", photo_loader=dict().get, password=""
        )


def test_missing_folder_is_an_input_error(make_doc, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        build_report(make_doc(), tmp_path / "nope" / "r.pdf", lang="en", photo_loader=dict().get)


def test_failed_build_leaves_no_file(make_doc, tmp_path, monkeypatch):
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf_zone_map, "layout_map", broken)
    with pytest.raises(RuntimeError):
        build_report(make_doc(), tmp_path / "r.pdf", lang="en", photo_loader=dict().get)
    assert list(tmp_path.iterdir()) == []


def test_failing_photo_loader_is_a_missing_photo(make_doc, tmp_path):
    doc = make_doc()
    attach(doc, {}, "PER-01", b"", "flaky")

    def loader(photo_id: str) -> bytes:
        raise OSError("disk gone")

    out = tmp_path / "r.pdf"
    build_report(doc, out, lang="en", photo_loader=loader)
    qpdf_check(out)
    assert "Photo flaky is missing" in " ".join(page_texts(PdfReader(out)))


def test_unknown_language_falls_back_to_english(make_doc, tmp_path):
    reader = build(make_doc(), tmp_path / "r.pdf", lang="de")
    assert "1 Executive summary" in " ".join(page_texts(reader))


def test_response_to_an_item_outside_the_checklist_is_ignored(make_doc, tmp_path):
    doc = make_doc()
    doc.responses["XXX-99"] = Response(item_id="XXX-99", status=Status.NOT_COMPLIANT, notes="stray")
    reader = build(doc, tmp_path / "r.pdf")
    assert "stray" not in " ".join(page_texts(reader))


def test_loader_runs_on_the_calling_thread(make_doc, tmp_path):
    import threading

    doc = make_doc()
    store: dict[str, bytes] = {}
    for n in range(5):
        attach(doc, store, "PER-01", jpeg_bytes(800, 600, n), f"p{n}")
    threads: set[int] = set()

    def loader(photo_id: str) -> bytes | None:
        threads.add(threading.get_ident())
        return store.get(photo_id)

    build_report(doc, tmp_path / "r.pdf", lang="en", photo_loader=loader)
    assert threads == {threading.get_ident()}


def test_long_marking_names_and_team_still_fit(make_doc, tmp_path):
    doc = make_doc()
    marking = "CONFIDENTIAL — " + "HANDLE VIA AVIATION SECURITY CHANNELS ONLY " * 2 + "— ÑANDÚ"
    doc.assessment.handling_marking = {"en": marking}
    doc.assessment.airport.name = "Aeropuerto Internacional " * 8
    doc.assessment.team = [f"Inspector number {n} of the regional team" for n in range(120)]
    reader = build(doc, tmp_path / "r.pdf")
    texts = page_texts(reader)
    assert all(marking in text for text in texts)
    assert "Inspector number 119 of the regional team" in " ".join(texts)


def test_photo_that_fails_to_decode_after_its_header_is_read(make_doc, tmp_path):
    doc = make_doc()
    store: dict[str, bytes] = {}
    whole_photo = jpeg_bytes(1200, 900, 3)
    attach(doc, store, "PER-01", whole_photo[: len(whole_photo) // 3], "cutshort")
    reader = build(doc, tmp_path / "r.pdf", photos=store)
    assert "Photo cutshort could not be read as an image." in " ".join(page_texts(reader))


def _section(whole: str, start: str, end: str) -> str:
    return whole.split(start, 1)[1].split(end, 1)[0]


def test_finding_numbers_are_the_apps(make_doc, tmp_path):
    """Map key, findings by area and outline all number findings as the app does: by their
    stored order, not by the order the report walks the checklist."""
    minor, per01, per02, acp01 = (sample_findings()[i] for i in (3, 0, 1, 2))
    findings = [minor, acp01, per02, per01]  # stored order: the app's 1, 2, 3, 4
    doc = make_doc(findings=findings)
    reader = build(doc, tmp_path / "r.pdf")
    whole = " ".join(page_texts(reader))
    key = _section(whole, "Map key", "3 Findings by area")
    assert key.index("F1 Clear zone obstruction") < key.index("F2 Uncontrolled access point")
    assert "F3 Barrier below minimum height" in key and "F4 Perimeter gap" in key
    by_area = _section(whole, "3 Findings by area", "4 Improvement outline")
    assert "[F4] Perimeter gap" in by_area and "[F2] Uncontrolled access point" in by_area
    assert "[F1] Clear zone obstruction" in by_area  # linked to no gap
    outline = _section(whole, "4 Improvement outline", "Annex A")
    assert "PER-01 [F4]" in outline and "ACP-01 [F2]" in outline


def test_spanish_report_translates_a_saved_english_outline(make_doc, tmp_path):
    from avsec.core.outline import edit_action, generate_outline

    doc = make_doc()
    outline = generate_outline(doc.checklist, doc.responses, doc.findings, lang="en", today=TODAY)
    outline = [
        edit_action(a, title="Our own words, kept") if a.source_key == "ACP-01" else a
        for a in outline
    ]
    outline.append(Action(title="Hire a night guard", horizon="short", origin="user"))
    doc.actions = outline
    reader = build(doc, tmp_path / "r.pdf", lang="es")
    whole = " ".join(page_texts(reader))
    plan = _section(whole, "4 Plan de mejora", "Anexo A")
    assert "Cierre toda abertura de la cerca." in plan
    assert "Close every gap in the fence" not in plan and "Raise the fence" not in plan
    assert "Our own words, kept" in plan and "Vigile o cierre cada puerta." in plan
    assert "Hire a night guard" in plan


@pytest.mark.parametrize(
    ("lang", "words", "subject"),
    [
        ("en", "ICAO Annex 17", "Access control gap report"),
        ("es", "Anexo 17 de la OACI", "Informe de deficiencias del control de acceso"),
    ],
)
def test_metadata_in_the_report_language(make_doc, tmp_path, lang, words, subject):
    reader = build(make_doc(), tmp_path / "r.pdf", lang=lang)
    meta = reader.metadata
    keywords = str(meta.get("/Keywords"))
    assert words in keywords and DEFAULT_MARKING[lang] in keywords
    if lang == "es":
        assert "access control" not in keywords
        assert meta.title.startswith("Evaluación del control de acceso")
    assert meta.subject.startswith(subject) and DEFAULT_MARKING[lang] in meta.subject


def test_one_photo_is_not_photos(make_doc, tmp_path):
    doc = make_doc()
    store: dict[str, bytes] = {}
    attach(doc, store, "PER-03", jpeg_bytes(40, 30), "p1")
    whole = " ".join(page_texts(build(doc, tmp_path / "r.pdf", photos=store)))
    assert "1 photo" in whole and "1 photos" not in whole
