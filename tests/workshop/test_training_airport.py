"""The bundled training airport: fictional, complete, seeded with defects, fully keyed."""

from __future__ import annotations

import math
from collections import Counter

import airportsdata
import pytest

from avsec.core.assessment import RuleParameters
from avsec.core.checklist import RULE_IDS, Checklist
from avsec.io.checklists import BUNDLED_CHECKLIST, get_checklist
from avsec.workshop.training import (
    KEY_FILE,
    key_problems,
    load_answer_key,
    load_layout,
    load_narrative,
    load_scenario,
    to_lonlat,
    training_language_problems,
    training_texts,
)
from tests.languages import COMPLETE_LANGUAGES


@pytest.fixture(scope="module")
def bundled() -> Checklist:
    return get_checklist(BUNDLED_CHECKLIST)


@pytest.fixture(scope="module")
def layout():
    return load_layout()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(a))


def test_airport_cannot_be_mistaken_for_a_real_one() -> None:
    airport = load_scenario().airport
    database = airportsdata.load("ICAO")
    assert airport.icao.startswith("ZZ") and airport.icao not in database
    assert airport.iata == "" and airport.custom
    assert "fictional" in airport.name.lower()
    nearest = min(
        _km(airport.lat, airport.lon, row["lat"], row["lon"]) for row in database.values()
    )
    assert nearest > 100, f"a real aerodrome lies {nearest:.0f} km from the training airport"


def _metres(feature, airport):
    from shapely.geometry import shape

    from avsec.geo.projection import LocalProjection

    return LocalProjection(airport.lon, airport.lat).to_metres(shape(feature.geometry))


def test_layout_file_keeps_the_drawn_plan(layout) -> None:
    # The plan drawn in metres around the reference point: a 2000 m x 500 m airside, the north
    # fence broken between x = 600 and x = 640, the old west fence 500 m long and 1.8 m high.
    airport = load_scenario().airport
    by_id = {f.id: f for f in layout}
    assert len(by_id) == len(layout), "feature ids must be unique"
    airside = _metres(by_id["zz-airside"], airport)
    assert airside.bounds == pytest.approx((-1000, -200, 1000, 300), abs=0.05)
    east_end = _metres(by_id["zz-fence-north-east"], airport).bounds
    west_end = _metres(by_id["zz-fence-north-west"], airport).bounds
    assert west_end[2] == pytest.approx(600, abs=0.05) and east_end[0] == pytest.approx(
        640, abs=0.05
    )
    west = by_id["zz-fence-west"]
    assert _metres(west, airport).length == pytest.approx(500, abs=0.05)
    assert west.properties["height_m"] == 1.8
    assert by_id["zz-ap-09"].properties["control"] == "uncontrolled"
    assert all(f.properties.get("name:es") for f in layout), "every feature has a Spanish name"


def test_to_lonlat_is_metres_from_the_reference_point() -> None:
    from pyproj import Geod

    airport = load_scenario().airport
    lon, lat = to_lonlat(300.0, 400.0)
    azimuth, _, distance = Geod(ellps="WGS84").inv(airport.lon, airport.lat, lon, lat)
    assert distance == pytest.approx(500.0, abs=0.01)  # the 3-4-5 triangle
    assert azimuth == pytest.approx(36.8699, abs=0.01)  # atan(300 / 400), east of north


def test_layout_is_complete(layout) -> None:
    from shapely.geometry import shape

    from avsec.geo.projection import LocalProjection

    kinds = Counter(f.kind for f in layout)
    assert kinds["airside"] >= 1 and kinds["sra"] >= 2 and kinds["critical_part"] >= 1
    assert kinds["landside"] >= 1 and kinds["road"] >= 3 and kinds["parking"] >= 2
    assert kinds["building"] >= 3 and kinds["obstacle"] >= 2
    points = [f for f in layout if f.kind == "access_point"]
    assert len(points) >= 8
    assert {p.properties["mode"] for p in points} == {"pedestrian", "vehicle", "mixed"}
    assert {p.properties["control"] for p in points} == {
        "staffed",
        "electronic",
        "locked",
        "uncontrolled",
    }
    centre = load_scenario().airport
    projection = LocalProjection(centre.lon, centre.lat)
    airside = projection.to_metres(shape(next(f for f in layout if f.kind == "airside").geometry))
    perimeter = sum(
        projection.to_metres(shape(f.geometry)).intersection(airside.boundary.buffer(2)).length
        for f in layout
        if f.kind == "barrier"
    )
    assert 4500 <= perimeter <= 5500, perimeter  # "about 5 km of perimeter barrier"


def test_layout_imports_without_warnings() -> None:
    from avsec.io.geojson import read_layout
    from avsec.workshop.training import training_path

    with training_path("layout.geojson") as path:
        result = read_layout(path)
    assert result.warnings == []


def test_each_rule_finds_a_seeded_defect(layout, bundled: Checklist) -> None:
    from avsec.geo.analysis import analyze

    airport = load_scenario().airport
    result = analyze(layout, RuleParameters(), bundled, (airport.lon, airport.lat))
    fired = Counter(f.rule for f in result.findings)
    assert set(fired) == set(RULE_IDS), f"rules without a finding: {set(RULE_IDS) - set(fired)}"
    by_rule = {f.rule: f for f in result.findings}
    assert by_rule["perimeter_gap"].value == pytest.approx(40, abs=0.5)
    assert by_rule["barrier_below_height"].value == pytest.approx(500, abs=1)
    assert by_rule["uncontrolled_crossing"].value == pytest.approx(25, abs=0.5)
    assert by_rule["access_point_off_boundary"].value == pytest.approx(25, abs=0.5)
    assert by_rule["sra_outside_airside"].value == pytest.approx(15 * 180, rel=0.01)
    assert by_rule["critical_part_outside_sra"].value == pytest.approx(30 * 30, rel=0.01)


def test_answer_key_covers_every_item_of_the_bundled_checklist(bundled: Checklist) -> None:
    key = load_answer_key()
    assert key_problems(bundled, key) == [], f"{KEY_FILE} must answer every checklist item"
    for item_id, answer in key.items():
        for lang in COMPLETE_LANGUAGES:
            line = answer.rationale[lang]
            assert "\n" not in line and 20 < len(line) <= 240, f"{item_id} {lang}: one line, please"


def test_narrative(layout, bundled: Checklist) -> None:
    observations = load_narrative(bundled, "es")
    assert len(observations) >= 30
    assert len({o.id for o in observations}) == len(observations)
    feature_ids = {f.id for f in layout}
    centre = load_scenario().airport
    for o in observations:
        assert all(o.text[lang].strip() for lang in COMPLETE_LANGUAGES)
        assert o.items, f"{o.id} informs no item"
        assert set(o.features) <= feature_ids, (
            f"{o.id}: unknown features {set(o.features) - feature_ids}"
        )
        assert o.location is not None
        assert _km(centre.lat, centre.lon, o.location[1], o.location[0]) < 2
    informed = {i for o in observations for i in o.items}
    assert set(bundled.item_ids()) <= informed, "every item needs something to observe"


def test_rationales_are_not_in_the_narrative(bundled: Checklist) -> None:
    # The exercise carries the narrative; the key's verdicts must not be readable in it.
    narrative = " ".join(t for o in load_narrative(bundled) for t in o.text.values())
    for item_id, answer in load_answer_key().items():
        for text in answer.rationale.values():
            assert text not in narrative, item_id


def test_scenario_header_exists_in_spanish() -> None:
    scenario = load_scenario()
    spanish = scenario.airport_in("es")
    assert spanish.name.startswith("Aeropuerto Internacional Isla Ejemplo")
    assert "ficticio" in spanish.name and spanish.icao == "ZZEJ"
    assert scenario.team_in("es") == ["Instructor (respuestas de referencia)"]
    assert scenario.team_in("en") == ["Trainer (reference answers)"]


@pytest.mark.parametrize("lang", COMPLETE_LANGUAGES)
def test_every_training_text_in_each_complete_language(lang: str) -> None:
    """Scenario, answer key, narrative and layout names (name:es, name:pt, name:fr)."""
    assert training_language_problems([lang]) == []


def test_a_language_the_training_lacks_is_named_once_per_file() -> None:
    problems = training_language_problems(["de"])
    assert problems == [
        "scenario.yaml: language de: missing (no text in de)",
        "answer-key.yaml: language de: missing (no text in de)",
        "narrative.yaml: language de: missing (no text in de)",
        "layout.geojson: language de: missing (no name:de)",
    ]
    files = {file for file, _, _ in training_texts()}
    assert files == {"scenario.yaml", "answer-key.yaml", "narrative.yaml", "layout.geojson"}
