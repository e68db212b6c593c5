"""Every writing system either prints in the report or is named in a visible warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from avsec.core.assessment import Response
from avsec.core.commands import Batch, SetAssessment, SetResponse
from avsec.store import AvsecFile
from tests.security.conftest import MINI

CHINESE = "东京北门的锁坏了"
JAPANESE = "ゲートは開いている"
KOREAN = "정문 잠금 장치 고장"
THAI = "ประตูเปิด"
ARABIC = "البوابة مفتوحة"
MARKING = "機密 — AVSEC"


def _fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object().get("/BaseFont")))
    return names


@pytest.fixture
def multilingual(run, tmp_path: Path) -> Path:
    path = tmp_path / "a.avsec"
    assert run("new", path, "--airport", "MHTG", "--checklist", MINI)[0] == 0
    with AvsecFile.open(path) as f:
        notes = {"PER-01": CHINESE, "PER-02": JAPANESE, "PER-03": KOREAN, "ACP-01": THAI}
        notes["ACP-02"] = ARABIC
        f.apply(
            Batch(
                "answers",
                [
                    SetResponse(i, None, Response(item_id=i, status="not_compliant", notes=n))
                    for i, n in notes.items()
                ],
            )
        )
        before = f.assessment
        f.apply(
            SetAssessment(before, before.model_copy(update={"handling_marking": {"en": MARKING}}))
        )
    return path


def test_cjk_prints_and_other_scripts_are_named_in_a_warning(run, multilingual, tmp_path):
    out = tmp_path / "r.pdf"
    code, _, stderr = run("report", multilingual, "-o", out, "--lang", "en")
    assert code == 0, stderr
    reader = PdfReader(out)
    pages = ["".join((p.extract_text() or "").split()) for p in reader.pages]
    whole = "".join(pages)
    for text in (CHINESE, JAPANESE):
        assert "".join(text.split()) in whole
    assert any("DroidSansFallback" in name for name in _fonts(reader))
    # The marking, in Japanese, on every page (header and footer).
    assert all(page.count("".join(MARKING.split())) >= 2 for page in pages)
    # Thai has no shipped font: the report names it on the page after the cover.
    assert "Warning:somecharactersinthisreportcannotbeprinted" in pages[1]
    assert "THAI" in pages[1] and "U+0E1B" in pages[1]
    # Most Hangul syllables are not in the fallback font either: named, not dropped.
    assert "HANGUL" in pages[1]
    assert "right-to-lefttext(Arabic,Hebrew)" in pages[1]


def test_a_latin_report_has_no_warning_and_no_fallback_font(run, tmp_path):
    path = tmp_path / "plain.avsec"
    assert run("new", path, "--airport", "MHTG", "--checklist", MINI)[0] == 0
    out = tmp_path / "r.pdf"
    assert run("report", path, "-o", out)[0] == 0
    reader = PdfReader(out)
    assert "Warning:" not in "".join((p.extract_text() or "") for p in reader.pages)
    assert not any("DroidSansFallback" in name for name in _fonts(reader))
