"""The report's "Weakest routes" section."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from avsec.core.layout import Feature
from avsec.geo.projection import LocalProjection
from avsec.report.pdf import build_report
from tests.geo.builders import feature, point, square
from tests.report.pdfcheck import page_texts
from tests.report.reportdata import LAT0, LON0


def _layout() -> list[Feature]:
    projection = LocalProjection(LON0, LAT0)
    parts = [
        ("airside", square(0, 0, 1000, 1000), "airside", {}),
        ("access_point", point(500, 0), "gate", {"control": "uncontrolled", "name": "South gate"}),
        ("sra", square(400, 400, 600, 600), "sra", {}),
        ("critical_part", square(450, 450, 550, 550), "cp", {"name": "Vault"}),
    ]
    ring = square(0, 0, 1000, 1000).exterior
    parts.append(("barrier", ring, "perimeter", {"barrier": "fence", "intrusion_detection": True}))
    return [feature(k, g, fid, projection=projection, **props) for k, g, fid, props in parts]


def test_weakest_route_section(make_doc, tmp_path: Path) -> None:
    doc = make_doc(features=_layout())
    out = build_report(doc, tmp_path / "r.pdf", lang="en", photo_loader=lambda _: None)
    text = "\n".join(page_texts(PdfReader(out)))
    assert "Weakest routes (adversary path analysis)" in text
    assert "Weakest route: Vault" in text
    assert "South gate (gate)" in text  # the route's first crossing, named
    assert "lock the access point" in text  # the top upgrade
    assert "Default detection and delay figures" in text and "estimate:" in text


def test_refused_layout_says_why(make_doc, tmp_path: Path) -> None:
    doc = make_doc(features=[f for f in _layout() if f.kind != "airside"])
    out = build_report(doc, tmp_path / "r.pdf", lang="en", photo_loader=lambda _: None)
    text = " ".join(" ".join(page_texts(PdfReader(out))).split())
    assert "The path analysis could not run: the layout has no airside zone" in text
