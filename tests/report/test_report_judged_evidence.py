"""The report shows judged findings apart and photos as marked up and captioned (14.7, 14.8)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from pdfcheck import page_texts
from PIL import Image
from pypdf import PdfReader

from avsec.app.editor import Editor
from avsec.core.document import Mark
from avsec.core.findings import Finding
from avsec.report.pdf import build_report
from avsec.store import AvsecFile


def _gap(x: float, severity: str, rule: str = "perimeter_gap") -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        value=12.0,
        unit="m",
        location=(x, 10.0),
        geometry={"type": "Point", "coordinates": [x, 10.0]},
        features=["fence"],
        items=["PER-01"],
    )


def _jpeg(tmp_path: Path) -> Path:
    path = tmp_path / "gate.jpg"
    Image.new("RGB", (1200, 900), (40, 120, 40)).save(path, "JPEG", quality=90)
    return path


def test_false_positive_apart_and_marked_up_photo_with_caption(
    new_file: AvsecFile, tmp_path: Path
) -> None:
    kept, wrong = _gap(-80.001, "critical"), _gap(-80.002, "major", "barrier_below_height")
    new_file.set_findings([kept, wrong])
    editor = Editor(new_file)
    editor.apply(
        editor.judgement_edit(
            wrong.id, verdict="false_positive", reason="Measured 2.6 m with a tape on site"
        )
    )
    aid, link = editor.attach_photo("PER-01", _jpeg(tmp_path))
    editor.apply(link)
    original = hashlib.sha256(editor.file.attachment_bytes(aid) or b"").hexdigest()
    editor.apply(editor.photo_edit(aid, caption="Opening beside gate 3"))
    editor.apply(
        editor.photo_edit(aid, marks=[Mark(kind="circle", x0=0.2, y0=0.2, x1=0.8, y1=0.8)])
    )
    marked = editor.file.report_photo_bytes(aid)
    out = build_report(
        editor.file.document(),
        tmp_path / "r.pdf",
        lang="en",
        photo_loader=editor.file.report_photo_bytes,
    )
    whole = " ".join(page_texts(PdfReader(out)))
    assert "Findings judged false positive" in whole
    assert "Measured 2.6 m with a tape on site" in whole
    key = whole[whole.index("Map key") : whole.index("Findings judged false positive")]
    assert "F1 Perimeter gap" in key and "Barrier below" not in key
    assert "Opening beside gate 3" in whole
    # The embedded photo is the stored marked-up copy: the circle's rim is red, its centre
    # the photo's green.
    assert marked is not None
    embedded = [
        Image.open(io.BytesIO(image.data)).convert("RGB")
        for page in PdfReader(out).pages
        for image in page.images
        if Image.open(io.BytesIO(image.data)).size == (1200, 900)
    ]
    assert len(embedded) == 1
    (photo,) = embedded
    r, g, _ = photo.getpixel((int(0.2 * 1200) + 3, 450))
    assert r > 180 and g < 90
    r, g, _ = photo.getpixel((600, 450))
    assert g > r
    assert hashlib.sha256(editor.file.attachment_bytes(aid) or b"").hexdigest() == original
    editor.close()


def test_spanish_report_heads_the_false_positives_in_spanish(
    new_file: AvsecFile, tmp_path: Path
) -> None:
    wrong = _gap(-80.002, "major")
    new_file.set_findings([wrong])
    editor = Editor(new_file)
    editor.apply(editor.judgement_edit(wrong.id, verdict="false_positive", reason="Muro"))
    out = build_report(
        editor.file.document(), tmp_path / "r.pdf", lang="es", photo_loader=lambda _: None
    )
    whole = " ".join(page_texts(PdfReader(out)))
    assert "Hallazgos considerados falsos positivos" in whole and "Muro" in whole
    assert "The geometry analysis recorded no findings" not in whole
    editor.close()
