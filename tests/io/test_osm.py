"""OpenStreetMap import: tag mapping, skipped features with reasons, and the real extracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from avsec.core.assessment import RuleParameters
from avsec.core.errors import InputError
from avsec.geo.analysis import analyze
from avsec.io.geojson import read_layout
from avsec.io.osm import parse_height, parse_osm_features

DATA = Path(__file__).parents[1] / "data"
COPENHAGEN = DATA / "EKCH_copenhagen_aerodrome_fence.geojson"
LUTON_AREAS = DATA / "EGGW_luton_area_polygons.geojson"
LUTON_GATES = DATA / "EGGW_luton_airside_gates_aprons_stands.geojson"

RING = [[-80, 10], [-79.99, 10], [-79.99, 10.01], [-80, 10.01], [-80, 10]]
POLYGON = {"type": "Polygon", "coordinates": [RING]}
LINE = {"type": "LineString", "coordinates": [[-80, 10], [-79.99, 10]]}
POINT = {"type": "Point", "coordinates": [-79.995, 10]}


def osm(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def element(ident: str, geometry: dict, **tags) -> dict:
    return {
        "type": "Feature",
        "id": ident,
        "geometry": geometry,
        "properties": {"@id": ident, **tags},
    }


def parse(*features: dict):
    return parse_osm_features(osm(*features), "x.geojson")


# --- tag mapping --------------------------------------------------------------------------


def test_aerodrome_area_tagged_fence_gives_airside_and_barrier() -> None:
    result = parse(
        element("way/1", POLYGON, aeroway="aerodrome", barrier="fence", name="Field", height="2.5")
    )
    airside, barrier = result.features
    assert (airside.id, airside.kind, airside.geometry) == ("osm-way-1-airside", "airside", POLYGON)
    assert airside.properties["name"] == "Field" and airside.properties["osm_id"] == "way/1"
    assert (barrier.id, barrier.kind) == ("osm-way-1-barrier", "barrier")
    assert barrier.geometry == {"type": "LineString", "coordinates": RING}
    assert barrier.properties["barrier"] == "fence" and barrier.properties["height_m"] == 2.5
    assert result.warnings == []


def test_closed_aerodrome_way_becomes_a_polygon() -> None:
    result = parse(
        element("way/1", {"type": "LineString", "coordinates": RING}, aeroway="aerodrome")
    )
    assert result.features[0].geometry == POLYGON


@pytest.mark.parametrize(
    ("barrier", "mode"),
    [("gate", None), ("lift_gate", "vehicle"), ("turnstile", "pedestrian"), ("swing_gate", None)],
)
def test_gates_become_access_points(barrier: str, mode: str | None) -> None:
    feature = parse(element("node/5", POINT, barrier=barrier, ref="G5", locked="yes")).features[0]
    assert feature.kind == "access_point" and feature.id == "osm-node-5-access_point"
    assert feature.properties.get("mode") == mode
    assert feature.properties["name"] == "G5" and feature.properties["control"] == "locked"


def test_gate_drawn_as_a_line_becomes_its_midpoint() -> None:
    feature = parse(element("way/9", LINE, barrier="gate")).features[0]
    assert feature.geometry == {"type": "Point", "coordinates": [-79.995, 10.0]}


def test_roads_buildings_parking_and_walls() -> None:
    result = parse(
        element("way/1", LINE, highway="service", name="Perimeter road"),
        element("way/2", POLYGON, aeroway="terminal", building="yes", name="T1"),
        element("way/3", POLYGON, building="hangar"),
        element("way/4", POLYGON, building="warehouse", industrial="cargo"),
        element("way/5", POLYGON, building="office"),
        element("way/6", POLYGON, amenity="parking", building="parking"),
        element("way/7", LINE, barrier="wall", height="8 ft"),
    )
    by_id = {f.id: f for f in result.features}
    assert by_id["osm-way-1-road"].properties["name"] == "Perimeter road"
    assert by_id["osm-way-2-building"].properties["role"] == "terminal"
    assert by_id["osm-way-3-building"].properties["role"] == "hangar"
    assert by_id["osm-way-4-building"].properties["role"] == "cargo"
    assert by_id["osm-way-5-building"].properties["role"] == "other"
    assert {"osm-way-6-parking", "osm-way-6-building"} <= set(by_id)
    assert by_id["osm-way-7-barrier"].properties["height_m"] == pytest.approx(2.438)


def test_skipped_features_are_reported_with_the_reason() -> None:
    result = parse(
        element("way/1", POLYGON, aeroway="aerodrome"),
        element("relation/2", POLYGON, boundary="administrative", admin_level="6"),
        element("node/3", POINT, aeroway="gate", ref="12"),
        element("way/4", POLYGON, highway="service", area="yes"),
        element("way/5", LINE, barrier="hedge"),
        element("way/6", POLYGON, landuse="grass"),
        element("node/7", POINT, amenity="parking"),
        {"type": "Feature", "geometry": None, "properties": {"barrier": "gate"}},
    )
    assert [f.id for f in result.features] == ["osm-way-1-airside"]
    text = "\n".join(result.warnings)
    assert "skipped 1 feature, boundary=administrative: an administrative boundary" in text
    assert "(feature 1 (id relation/2))" in text
    assert "aeroway=gate: an aircraft boarding gate" in text
    assert "highway=service: drawn as a Polygon, not a road line" in text
    assert "barrier=hedge: not a security barrier" in text
    assert "landuse=grass: no layout kind for this tag" in text
    assert "amenity=parking: drawn as a Point, not an area" in text
    assert "no geometry (feature 7)" in text


def test_many_skipped_features_are_summarised() -> None:
    stands = [element(f"node/{n}", POINT, aeroway="parking_position") for n in range(10, 20)]
    result = parse(element("way/1", POLYGON, aeroway="aerodrome"), *stands)
    assert len(result.warnings) == 1
    assert "skipped 10 features, aeroway=parking_position" in result.warnings[0]
    assert result.warnings[0].endswith("…)")


@pytest.mark.parametrize(
    ("props", "ident", "expected"),
    [
        ({"full_id": "w42"}, None, "osm-way-42-building"),
        ({"osm_type": "relation", "osm_id": 7}, None, "osm-relation-7-building"),
        ({"@id": "node/3"}, None, "osm-node-3-building"),
        ({}, "way/11", "osm-way-11-building"),
    ],
)
def test_ids_derive_from_the_osm_element(props: dict, ident: str | None, expected: str) -> None:
    raw = {"type": "Feature", "geometry": POLYGON, "properties": {"building": "yes", **props}}
    if ident:
        raw["id"] = ident
    feature = parse(raw).features[0]
    assert feature.id == expected
    assert feature.properties["osm_id"] == expected.split("-")[1] + "/" + expected.split("-")[2]


def test_features_without_osm_identity_get_a_stable_id() -> None:
    raw = {"type": "Feature", "geometry": POLYGON, "properties": {"building": "yes"}}
    first, second = parse(raw).features[0].id, parse(raw).features[0].id
    assert first == second and first.startswith("osm-") and first.endswith("-building")


def test_old_overpass_exports_nest_tags() -> None:
    raw = {
        "type": "Feature",
        "id": "way/1",
        "geometry": POLYGON,
        "properties": {"type": "way", "id": 1, "tags": {"aeroway": "aerodrome"}},
    }
    assert parse(raw).features[0].kind == "airside"


def test_nothing_mapped_is_an_error() -> None:
    with pytest.raises(
        InputError, match=r"x.geojson: no OpenStreetMap feature maps .*landuse=grass"
    ):
        parse(element("way/6", POLYGON, landuse="grass"))


def test_projected_coordinates_are_an_error() -> None:
    bad = {"type": "Point", "coordinates": [512345.0, 181234.0]}
    with pytest.raises(InputError, match=r"x.geojson: feature 0 \(id node/1\): .*projected metres"):
        parse(element("node/1", bad, barrier="gate"))


def test_self_intersecting_osm_polygon_is_repaired() -> None:
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[-80, 10], [-79.99, 10.01], [-79.99, 10], [-80, 10.01], [-80, 10]]],
    }
    result = parse(element("way/1", bowtie, aeroway="aerodrome"))
    assert result.features[0].geometry["type"] == "MultiPolygon"
    assert "make_valid" in result.warnings[0]


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("2.5", 2.5),
        ("2,5 m", 2.5),
        ("3 metres", 3.0),
        ("8'", 2.438),
        ("10 ft", 3.048),
        (2, 2.0),
        ("tall", None),
        (None, None),
    ],
)
def test_parse_height(text, metres) -> None:
    assert parse_height(text) == (None if metres is None else pytest.approx(metres, abs=1e-3))


# --- the real extracts (ODbL, see tests/data/README.md) -----------------------------------


def test_copenhagen_fence_covers_the_whole_perimeter() -> None:
    result = read_layout(COPENHAGEN, "osm")
    assert result.counts() == {"airside": 1, "barrier": 1}
    assert result.warnings == []
    airside = result.features[0]
    assert airside.id == "osm-way-12786040-airside"
    assert airside.properties["icao"] == "EKCH" and airside.properties["name:es"].startswith(
        "Aeropuerto"
    )
    analysis = analyze(result.features, RuleParameters(), centre=(12.6508, 55.6179))
    assert [f for f in analysis.findings if f.rule == "perimeter_gap"] == []
    assert analysis.metrics["perimeter_covered"] == 1.0
    assert 15_000 < analysis.metrics["perimeter_length_m"] < 25_000


def test_luton_areas_skip_the_noise() -> None:
    result = read_layout(LUTON_AREAS, "osm")
    assert result.counts() == {"airside": 1, "building": 19, "parking": 8}
    text = "\n".join(result.warnings)
    assert "skipped 3 features, boundary=administrative" in text
    assert "relation/158392" in text
    assert "landuse=grass" in text and "aeroway=apron" in text
    assert "area:aeroway=runway" in text
    airside = next(f for f in result.features if f.kind == "airside")
    assert airside.properties["icao"] == "EGGW"
    assert airside.properties["aerodrome:type"] == "public"
    terminal = next(f for f in result.features if f.id == "osm-way-23950575-building")
    assert terminal.properties["role"] == "terminal"


def test_luton_gates_file_keeps_only_terminals() -> None:
    result = read_layout(LUTON_GATES, "osm")
    assert result.counts() == {"building": 2}
    text = "\n".join(result.warnings)
    assert "skipped 20 features, aeroway=gate" in text
    assert "skipped 176 features, aeroway=parking_position" in text


def test_luton_files_share_the_terminal_ids() -> None:
    areas = {f.id for f in read_layout(LUTON_AREAS, "osm").features}
    gates = {f.id for f in read_layout(LUTON_GATES, "osm").features}
    assert gates <= areas  # merging the second file replaces, never duplicates


def test_real_files_are_byte_copies_with_attribution() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "ODbL" in readme and "OpenStreetMap contributors" in readme
    data = json.loads(COPENHAGEN.read_text(encoding="utf-8"))
    assert "ODbL" in data["copyright"]


def test_degenerate_elements_are_skipped_like_empty_ones() -> None:
    stub = {"type": "LineString", "coordinates": [[-80, 10], [-80, 10], [-80.00000001, 10]]}
    flat = {"type": "Polygon", "coordinates": [[[-80, 10], [-79.99, 10], [-79.98, 10], [-80, 10]]]}
    result = parse(
        element("way/1", POLYGON, aeroway="aerodrome"),
        element("way/2", stub, barrier="fence"),
        element("way/3", flat, building="yes"),
    )
    assert [f.id for f in result.features] == ["osm-way-1-airside"]
    text = "\n".join(result.warnings)
    assert (
        "x.geojson: skipped 1 feature, (any): degenerate geometry (the LineString has zero " in text
    )
    assert "(feature 1 (id way/2))" in text
    assert "no area left after repair" in text and "(feature 2 (id way/3))" in text
    assert result.bounds == (-80, 10, -79.99, 10.01)
