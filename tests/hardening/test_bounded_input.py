"""Issue 15 item 4: bounded input (sizes read before reading, zip and XML bombs, YAML, vertices)."""

from __future__ import annotations

import json
import math
import zipfile
from pathlib import Path

import pytest

from avsec.core.errors import InputError
from avsec.io.checklist_xlsx import MAX_XLSX_UNPACKED_BYTES
from avsec.io.geojson import parse_avsec_features
from avsec.io.geometry_limits import MAX_FEATURE_VERTICES
from avsec.io.yamlfile import load_yaml_text
from tests.hardening.conftest import MINI, digest, one_line


def test_dev_zero_as_a_responses_csv_is_refused_before_reading(cli, mini_file):
    before = digest(mini_file)
    done = cli("responses", "import", mini_file, "/dev/zero")
    assert done.returncode == 2 and "larger than 8 MiB" in one_line(done.stderr)
    assert digest(mini_file) == before


def test_dev_zero_as_a_checklist_is_refused(run):
    code, _, err = run("checklist", "validate", "/dev/zero")
    assert code == 1 and "larger than 4 MiB" in err and "Traceback" not in err


def test_yaml_duplicate_keys_are_refused():
    with pytest.raises(InputError, match="line 3, column 1: duplicate key 'version'"):
        load_yaml_text(b"id: a\nversion: 1\nversion: 2\n", "dup.yaml")


def test_yaml_nested_too_deeply_is_one_line(run, tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("[" * 5_000 + "]" * 5_000)
    code, _, err = run("checklist", "validate", deep)
    assert code == 1 and "nesting depth" in err and len(err.splitlines()) == 1


def test_yaml_block_nesting_is_refused_too(tmp_path):
    text = "".join("  " * i + f"k{i}:\n" for i in range(3_000)).encode()
    with pytest.raises(InputError, match="deep.yaml"):
        load_yaml_text(text, "deep.yaml")


def test_billion_laughs_is_refused_before_expansion():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(InputError, match="more than 500,000 YAML values"):
        load_yaml_text("\n".join(lines).encode(), "laughs.yaml")


def test_yaml_uses_libyaml():
    import yaml

    from avsec.io import yamlfile

    assert yaml.__with_libyaml__ and issubclass(yamlfile._StrictLoader, yaml.CSafeLoader)


def test_too_many_checklist_items_are_refused(run, tmp_path):
    items = "\n".join(
        f"      - {{id: X-{i}, question: {{en: q, es: q}}, guidance: {{en: g, es: g}}, "
        "evidence: {en: e, es: e}, recommendation: {en: r, es: r}, references: [], weight: 1}"
        for i in range(2_001)
    )
    big = tmp_path / "big.yaml"
    big.write_text(
        "id: big\nversion: 1\ntitle: {en: t, es: t}\nareas:\n"
        "  - id: a\n    title: {en: a, es: a}\n    items:\n" + items + "\n"
    )
    code, _, err = run("checklist", "validate", big)
    assert code == 1 and "2001 items" in err and "at most 100 areas and 2,000 items" in err


def _zip_bomb(path: Path, unpacked: int) -> None:
    chunk = b"\0" * 2**20
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for _ in range(unpacked // len(chunk)):
                part.write(chunk)


def test_an_xlsx_zip_bomb_is_refused_before_parsing(run, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    _zip_bomb(bomb, MAX_XLSX_UNPACKED_BYTES + 2**20)
    assert bomb.stat().st_size < 2**20  # small on disk
    code, _, err = run("checklist", "from-xlsx", bomb, "-o", tmp_path / "out.yaml")
    assert code == 2 and "unpacks to 101 MiB" in one_line(err)
    assert not (tmp_path / "out.yaml").exists()


def test_openpyxl_parses_through_defusedxml():
    import defusedxml  # noqa: F401 - a declared dependency
    from openpyxl import xml

    assert xml.DEFUSEDXML is True


def test_an_xml_entity_bomb_in_a_workbook_is_one_line(run, tmp_path):
    from avsec.io.checklist_xlsx import to_xlsx
    from avsec.io.checklists import load_checklist_file

    good = tmp_path / "good.xlsx"
    to_xlsx(load_checklist_file(Path(MINI), check_references=False), good)
    evil = tmp_path / "evil.xlsx"
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><workbook>&lol2;</workbook>'
    )
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(evil, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, bomb if info.filename == "xl/workbook.xml" else data)
    code, _, err = run("checklist", "from-xlsx", evil, "-o", tmp_path / "out.yaml")
    assert code == 2 and "evil.xlsx" in one_line(err)
    assert not (tmp_path / "out.yaml").exists()


def _ring(count: int) -> list[list[float]]:
    points = [
        [
            -87.2 + 0.01 * math.cos(2 * math.pi * i / count),
            14.06 + 0.01 * math.sin(2 * math.pi * i / count),
        ]
        for i in range(count)
    ]
    return [*points, points[0]]


def _collection(*geometries: dict) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"kind": "airside"}, "geometry": g}
            for g in geometries
        ],
    }


def test_a_polygon_over_the_vertex_limit_is_refused_with_a_message():
    polygon = {"type": "Polygon", "coordinates": [_ring(MAX_FEATURE_VERTICES)]}  # + closing point
    with pytest.raises(InputError, match="more than 100,000 positions in one feature; simplify"):
        parse_avsec_features(_collection(polygon), "big.geojson")


def test_a_million_vertex_polygon_is_refused_on_import(cli, mini_file, tmp_path):
    big = tmp_path / "big.geojson"
    big.write_text(json.dumps(_collection({"type": "Polygon", "coordinates": [_ring(1_000_000)]})))
    before = digest(mini_file)
    done = cli("layout", "import", mini_file, big, "--far-ok")
    assert done.returncode == 2 and "simplify it first" in one_line(done.stderr)
    assert digest(mini_file) == before


def test_3d_positions_are_accepted_with_the_height_dropped_and_said():
    ring = [[*p, 812.5] for p in _ring(40)]
    layout = parse_avsec_features(
        _collection({"type": "Polygon", "coordinates": [ring]}), "z.geojson"
    )
    stored = layout.features[0].geometry["coordinates"][0]
    assert all(len(p) == 2 for p in stored) and stored[0] == ring[0][:2]
    assert any("height (Z) was dropped" in w for w in layout.warnings)


def test_osm_imports_are_held_to_the_same_limits():
    from avsec.io.osm import parse_osm_features

    fence = {
        "type": "LineString",
        "coordinates": [[-87.2 + i * 1e-4, 14.06, 900.0] for i in range(30)],
    }
    data = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "way/1",
                "properties": {"barrier": "fence"},
                "geometry": fence,
            }
        ],
    }
    layout = parse_osm_features(data, "osm.geojson")
    assert all(len(p) == 2 for p in layout.features[0].geometry["coordinates"])
    assert any("height (Z) was dropped" in w for w in layout.warnings)
    big = {
        "type": "LineString",
        "coordinates": [[-87.2 + i * 1e-7, 14.06] for i in range(MAX_FEATURE_VERTICES + 1)],
    }
    data["features"][0]["geometry"] = big
    with pytest.raises(InputError, match="more than 100,000 positions"):
        parse_osm_features(data, "osm.geojson")


# --- endless devices: the stat says 0 bytes, the read must still stop at the limit ----------


@pytest.mark.parametrize(
    "argv",
    [
        ("layout", "import", "{file}", "/dev/zero"),
        ("analyze", "/dev/zero"),
        ("paths", "/dev/zero"),
        ("photo", "add", "{file}", "PER-01", "/dev/zero"),
    ],
    ids=["layout-import", "analyze", "paths", "photo-add"],
)
def test_dev_zero_is_refused_at_the_limit_for_every_reader(cli, mini_file, argv):
    before = digest(mini_file)
    # A memory cap on the child: reading /dev/zero whole would fail here, not pass slowly.
    result = cli(*[a.format(file=mini_file) for a in argv], memory_limit=1_500_000_000)
    assert result.returncode == 2, result.stderr
    assert "larger than" in one_line(result.stderr)
    assert digest(mini_file) == before


def test_a_kml_file_given_to_layout_import_is_one_line(run, mini_file, tmp_path):
    # avsec writes KML (layout export) but reads layouts as GeoJSON only: a KML is refused
    # before anything is read into the assessment, never half-imported.
    kml = tmp_path / "layer.kml"
    kml.write_text(
        '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>'
        "<Point><coordinates>-87.2,14.06,0</coordinates></Point></Placemark></kml>"
    )
    before = digest(mini_file)
    code, _, err = run("layout", "import", mini_file, kml)
    assert code == 2 and "not valid JSON" in one_line(err)
    assert digest(mini_file) == before
