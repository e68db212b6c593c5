"""KML export: structure, escaping, and GDAL (ogrinfo) reading it."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from avsec.core.layout import Feature
from avsec.io.kml import KML_NS, write_kml
from tests.geo.builders import training_field

NS = {"k": KML_NS}
HOSTILE = 'Gate <b>&amp; "1"</b>\x00\x07 ]]> fin'


def _features() -> list[Feature]:
    features = training_field()
    features.append(
        Feature(
            id="multi",
            kind="sra",
            geometry={
                "type": "MultiPolygon",
                "coordinates": [
                    [
                        [[-80, 10], [-79.99, 10], [-79.99, 10.01], [-80, 10.01], [-80, 10]],
                        [
                            [-79.998, 10.002],
                            [-79.992, 10.002],
                            [-79.992, 10.008],
                            [-79.998, 10.002],
                        ],
                    ],
                    [[[-79.98, 10], [-79.97, 10], [-79.97, 10.01], [-79.98, 10]]],
                ],
            },
            properties={"name": HOSTILE, "levels": [1, 2], "screened": True},
        )
    )
    features.append(
        Feature(
            id="rwy",
            kind="runway",
            geometry={"type": "LineString", "coordinates": [[-80, 10, 5.0], [-79.99, 10, 6.0]]},
        )
    )
    return features


def test_structure_and_extended_data(tmp_path: Path) -> None:
    features = _features()
    path = tmp_path / "layout.kml"
    assert write_kml(features, path, title="Test Field", marking="RESTRICTED — SENSITIVE") == len(
        features
    )
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{KML_NS}}}kml"
    document = root.find("k:Document", NS)
    assert document.findtext("k:name", namespaces=NS) == "Test Field"
    assert document.findtext("k:description", namespaces=NS) == "RESTRICTED — SENSITIVE"
    folders = {f.findtext("k:name", namespaces=NS): f for f in document.findall("k:Folder", NS)}
    assert set(folders) == {f.kind for f in features}
    assert sum(len(f.findall("k:Placemark", NS)) for f in folders.values()) == len(features)
    # Every placemark carries its id, kind and properties.
    ids = []
    for placemark in document.iter(f"{{{KML_NS}}}Placemark"):
        data = {
            d.get("name"): d.findtext("k:value", namespaces=NS)
            for d in placemark.iter(f"{{{KML_NS}}}Data")
        }
        ids.append(data["id"])
        assert data["kind"]
        assert placemark.findtext("k:styleUrl", namespaces=NS) == f"#kind-{data['kind']}"
    assert ids.count("multi") == 1 and len(ids) == len(features)


def test_geometries(tmp_path: Path) -> None:
    path = tmp_path / "layout.kml"
    write_kml(_features(), path)
    root = ET.parse(path).getroot()
    multi = next(
        p
        for p in root.iter(f"{{{KML_NS}}}Placemark")
        if any(d.findtext("k:value", namespaces=NS) == "multi" for d in p.iter(f"{{{KML_NS}}}Data"))
    )
    polygons = multi.findall("k:MultiGeometry/k:Polygon", NS)
    assert len(polygons) == 2
    assert len(polygons[0].findall("k:innerBoundaryIs", NS)) == 1
    coords = polygons[1].findtext("k:outerBoundaryIs/k:LinearRing/k:coordinates", namespaces=NS)
    assert coords.split()[0] == "-79.98,10.0"
    text = path.read_text(encoding="utf-8")
    assert "-80.0,10.0,5.0 -79.99,10.0,6.0" in text  # heights kept
    assert "<Point>" in text and "<LineString>" in text


def test_text_is_escaped_and_control_characters_dropped(tmp_path: Path) -> None:
    path = tmp_path / "layout.kml"
    write_kml(_features(), path, marking="<script>alert(1)</script>")
    raw = path.read_text(encoding="utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    assert "<b>" not in raw and "\x00" not in raw and "\x07" not in raw
    root = ET.parse(path).getroot()  # still well-formed XML
    names = [n.text for n in root.iter(f"{{{KML_NS}}}name")]
    assert 'Gate <b>&amp; "1"</b> ]]> fin' in names
    values = [v.text for v in root.iter(f"{{{KML_NS}}}value")]
    assert "[1, 2]" in values and "true" in values


def test_kml_is_written_atomically(tmp_path: Path) -> None:
    write_kml(training_field(), tmp_path / "a.kml")
    assert [p.name for p in tmp_path.iterdir()] == ["a.kml"]


@pytest.mark.skipif(
    shutil.which("ogrinfo") is None, reason="ogrinfo (Debian package gdal-bin) is not installed"
)
def test_gdal_reads_the_kml(tmp_path: Path) -> None:
    features = _features()
    path = tmp_path / "layout.kml"
    write_kml(features, path)
    run = subprocess.run(
        ["ogrinfo", "-ro", "-al", "-so", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    counts = dict(re.findall(r"Layer name: (\S+)\n(?:.*\n)*?Feature Count: (\d+)", run.stdout))
    expected: dict[str, str] = {}
    for f in features:
        expected[f.kind] = str(int(expected.get(f.kind, "0")) + 1)
    assert counts == expected
    # GDAL sees the properties as fields.
    full = subprocess.run(
        ["ogrinfo", "-ro", "-al", str(path), "sra"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "id (String) = multi" in full.stdout or "id = multi" in full.stdout


def _rgb_of_kml(colour: str) -> tuple[str, float]:
    """A KML ``aabbggrr`` colour read back as ``#rrggbb`` and an opacity 0..1."""
    alpha, blue, green, red = (colour[i : i + 2] for i in (0, 2, 4, 6))
    return f"#{red}{green}{blue}", int(alpha, 16) / 255


def test_kml_styles_carry_the_apps_palette(tmp_path):
    """Read back from the written file: each kind's line and fill are the app's colours."""
    from avsec.core import palette

    out = tmp_path / "layout.kml"
    write_kml(_features(), out)
    root = ET.parse(out).getroot()
    styles = {s.get("id"): s for s in root.iter(f"{{{KML_NS}}}Style")}
    kinds = {f.kind for f in _features()} & set(palette.KIND_COLOURS)  # not the unknown "runway"
    assert len(kinds) >= 8
    assert {f"kind-{k}" for k in kinds} <= set(styles)
    for kind in kinds:
        style = styles[f"kind-{kind}"]
        line = style.find("k:LineStyle/k:color", NS).text
        fill = style.find("k:PolyStyle/k:color", NS).text
        stroke_colour, stroke_opacity = _rgb_of_kml(line)
        assert (stroke_colour, stroke_opacity) == (palette.KIND_COLOURS[kind][0], 1.0), kind
        fill_colour, fill_opacity = _rgb_of_kml(fill)
        if palette.KIND_COLOURS[kind][1] is None:
            assert fill_opacity == 0, kind  # lines draw no fill
        else:
            assert fill_colour == palette.KIND_COLOURS[kind][1], kind
            assert 0 < fill_opacity < 1, kind  # zones are see-through over the imagery
    # One worked by hand: airside blue #1565c0 is ff c0 65 15 in KML's byte order.
    assert styles["kind-airside"].find("k:LineStyle/k:color", NS).text == "ffc06515"
