"""``avsec report FILE -o OUT.pdf --redact [--marking TEXT]``: the edition for wider circulation."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from avsec.core.assessment import Response
from avsec.core.commands import Batch, SetResponse, add_feature
from avsec.core.document import Observation
from avsec.store import AvsecFile
from tests.security.conftest import MINI

sys.path.insert(0, str(Path(__file__).parents[1] / "report"))
from reportdata import sample_findings, sample_layout  # noqa: E402

NOTE = "NOTEWORD the padlock on the north gate hangs open"
GATE = "Gatehouse Zulu-Nine"
PHOTO_NAME = "photoword-gate.jpg"
OBSERVED = "Observed beside the fuel farm"
LOWER = "OFFICIAL — FOR AIRPORT STAFF"


def _text(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def _images(path: Path) -> int:
    return sum(len(page.images) for page in PdfReader(path).pages)


@pytest.fixture
def sensitive(run, tmp_path: Path) -> Path:
    """An assessment whose notes, gate names, photo and narrative must not travel."""
    path = tmp_path / "a.avsec"
    assert run("new", path, "--airport", "MHTG", "--checklist", MINI)[0] == 0
    jpeg = io.BytesIO()
    Image.new("RGB", (640, 480), (90, 120, 150)).save(jpeg, "JPEG")
    layout = sample_layout()
    for feature in layout:
        if feature.properties.get("name") == "Gate 2":
            feature.properties["name"] = GATE
    findings = sample_findings()
    findings[2] = findings[2].model_copy(
        update={"message": {"en": f"{GATE} is uncontrolled", "es": f"{GATE} sin control"}}
    )
    with AvsecFile.open(path) as f:
        photo = f.add_attachment(jpeg.getvalue(), filename=PHOTO_NAME)
        f.apply(Batch("layout", [add_feature(x) for x in layout]))
        f.apply(
            Batch(
                "answers",
                [
                    SetResponse(
                        "PER-01",
                        None,
                        Response(
                            item_id="PER-01", status="not_compliant", notes=NOTE, photos=[photo]
                        ),
                    ),
                    SetResponse(
                        "ACP-01",
                        None,
                        Response(item_id="ACP-01", status="partially_compliant", notes=NOTE),
                    ),
                    SetResponse("PER-02", None, Response(item_id="PER-02", status="compliant")),
                ],
            )
        )
        f.set_findings(findings)
        observation = Observation(id="o1", place=OBSERVED, text={"en": OBSERVED})
        f.set_extra("observations", [observation.model_dump(mode="json")])
    return path


def test_the_full_report_carries_what_redaction_removes(run, sensitive, tmp_path) -> None:
    """The control: without --redact each sensitive text is there to find."""
    out = tmp_path / "full.pdf"
    assert run("report", sensitive, "-o", out)[0] == 0
    whole = " ".join(_text(out))
    assert NOTE in whole and GATE in whole and PHOTO_NAME in whole
    assert _images(out) >= 1  # the photo (the map and the score chart are vector)
    assert "metres" in whole  # the map's axis: the map is there


def test_the_redacted_report_leaves_out_notes_names_photos_map_and_coordinates(
    run, sensitive, tmp_path
) -> None:
    out = tmp_path / "redacted.pdf"
    code, stdout, stderr = run("report", sensitive, "-o", out, "--redact", "--marking", LOWER)
    assert code == 0, stderr
    assert "redacted edition" in stdout
    pages = _text(out)
    whole = " ".join(pages)
    for secret in (NOTE, "NOTEWORD", GATE, "Zulu-Nine", PHOTO_NAME, "photoword", OBSERVED):
        assert secret not in whole
    # No coordinate of the layout: every lon/lat in it has four or more decimals.
    assert not re.search(r"\d+[.,]\d{4,}", whole)
    assert _images(out) == 0  # no photo (the map and the score chart are vector)
    assert "metres" not in whole  # no map axis: no map
    # What it keeps: scores, findings by rule, the gaps and the outline.
    assert "1 Executive summary" in whole and "Coverage" in whole
    assert "Perimeter gap" in whole or "perimeter gap" in whole.lower()
    assert "PER-01" in whole and "4 Improvement outline" in whole
    assert "Redacted edition" in pages[0] and "map is left out" in whole
    # The marking chosen, on every page, and never the file's own.
    assert all(LOWER in page for page in pages)
    assert "RESTRICTED" not in whole


def test_redaction_without_marking_keeps_the_files_marking(run, sensitive, tmp_path) -> None:
    out = tmp_path / "redacted.pdf"
    assert run("report", sensitive, "-o", out, "--redact")[0] == 0
    assert all("RESTRICTED" in page for page in _text(out))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--marking", LOWER], "--marking applies to the redacted edition only"),
        (["--redact", "--marking", "   "], "cannot be empty"),
        (["--redact", "--marking", "X" * 200], "longer than 120"),
    ],
)
def test_marking_misuse_is_one_line(run, sensitive, tmp_path, args, message) -> None:
    out = tmp_path / "r.pdf"
    code, _, stderr = run("report", sensitive, "-o", out, *args)
    assert code == 2 and message in stderr and stderr.count("\n") == 1
    assert not out.exists()
