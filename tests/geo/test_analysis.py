"""analyze() and analysis_json(): the ``analyze --json`` shape, zones, items, messages, metrics."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import Polygon

from avsec.core.assessment import RuleParameters
from avsec.core.checklist import RULE_IDS
from avsec.core.layout import Feature
from avsec.geo.analysis import analysis_json, analyze
from tests.geo.builders import (
    CENTRE,
    feature,
    fence_around,
    line,
    of_rule,
    point,
    run,
    square,
    training_field,
)

FINDING_KEYS = {
    "rule",
    "severity",
    "value",
    "unit",
    "location",
    "geometry",
    "features",
    "items",
    "message",
}


def test_json_shape_is_exactly_the_design(mini_checklist) -> None:
    result = run(training_field(), checklist=mini_checklist)
    data = analysis_json(result, "en")
    assert set(data) == {"findings", "metrics"}
    assert len(data["findings"]) == 8
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["severity"] in ("critical", "major", "minor")
        assert isinstance(finding["value"], float | int)
        assert finding["unit"] in ("m", "m2")
        lon, lat = finding["location"]
        assert -80.01 < lon < -79.98 and 9.99 < lat < 10.02
        assert finding["geometry"]["type"] in ("Point", "LineString", "Polygon", "MultiPolygon")
        assert isinstance(finding["message"], str) and finding["message"]
        assert all(isinstance(i, str) for i in finding["features"] + finding["items"])
    json.dumps(data, allow_nan=False)  # plain JSON, no NaN or infinity


def test_items_come_from_the_checklist(mini_checklist) -> None:
    result = run(training_field(), checklist=mini_checklist)
    items = {f.rule: f.items for f in result.findings}
    assert items["perimeter_gap"] == ["PER-01"]
    assert items["barrier_below_height"] == ["PER-02"]
    assert items["clear_zone_obstruction"] == ["PER-03"]
    assert items["uncontrolled_access_point"] == ["ACP-01"]
    assert items["uncontrolled_crossing"] == ["ACP-01"]
    assert items["sra_outside_airside"] == []
    assert all(f.items == [] for f in run(training_field()).findings)


def test_messages_in_both_languages() -> None:
    result = run(training_field())
    en = analysis_json(result, "en")["findings"]
    es = analysis_json(result, "es")["findings"]
    for a, b in zip(en, es, strict=True):
        assert a["message"] != b["message"]
    gap = next(f for f in es if f["rule"] == "perimeter_gap")
    assert gap["message"].startswith("Abertura de 12,0 m")


#: The severity of each rule as the rule table documents it (avsec/geo/rules.py, written out
#: here by hand): what an inspector is told, checked against what the analysis reports.
DOCUMENTED_SEVERITY = {
    "perimeter_gap": "critical",
    "uncontrolled_access_point": "critical",
    "uncontrolled_crossing": "major",
    "barrier_below_height": "major",
    "sra_outside_airside": "major",
    "critical_part_outside_sra": "major",
    "clear_zone_obstruction": "major",  # the training field's obstruction is a building
    "access_point_off_boundary": "minor",
}


def test_every_rule_fires_on_the_training_field_with_its_documented_severity() -> None:
    found = {(f.rule, f.severity) for f in run(training_field()).findings}
    assert found == set(DOCUMENTED_SEVERITY.items())
    assert set(DOCUMENTED_SEVERITY) == set(RULE_IDS)


def test_a_climbing_aid_is_major_and_a_hiding_place_minor() -> None:
    fence = line((0, 0), (1000, 0))
    layout = [
        feature("airside", square(0, 0, 1000, 1000), "air"),
        feature("barrier", fence, "fence", barrier="fence", height_m=2.5),
        feature("obstacle", point(200, 1.0), "box", obstacle="container"),
        feature("obstacle", point(700, 1.0), "tree", obstacle="tree"),
    ]
    severity = {f.features[0]: f.severity for f in of_rule(run(layout), "clear_zone_obstruction")}
    assert severity == {"box": "major", "tree": "minor"}


def test_findings_sorted_most_severe_first() -> None:
    ranks = {"critical": 3, "major": 2, "minor": 1}
    severities = [ranks[f.severity] for f in run(training_field()).findings]
    assert severities == sorted(severities, reverse=True)


def test_finding_ids_are_the_same_in_another_process() -> None:
    """Ids survive a restart: another interpreter (another hash seed) finds the same ones."""
    here = [f.id for f in run(training_field()).findings]
    script = (
        "import json; from tests.geo.builders import run, training_field; "
        "print(json.dumps([f.id for f in run(training_field()).findings]))"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": "4242", "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == here
    assert len(set(here)) == len(here)


def test_zone_is_the_most_sensitive_one() -> None:
    layout = [
        feature("airside", square(0, 0, 1000, 1000), "air"),
        feature("sra", square(100, 100, 500, 500), "sra"),
        feature("critical_part", square(200, 200, 300, 300), "cp"),
        feature("landside", square(-500, 0, 0, 1000), "land"),
        feature("access_point", point(250, 250), "in-cp"),
        feature("access_point", point(450, 450), "in-sra"),
        feature("access_point", point(800, 800), "in-air"),
        feature("access_point", point(-250, 500), "in-land"),
        feature("access_point", point(-800, 500), "nowhere"),
    ]
    zones = {f.features[0]: f.zone for f in of_rule(run(layout), "access_point_off_boundary")}
    assert zones == {
        "in-cp": "critical_part",
        "in-sra": "sra",
        "in-air": "airside",
        "in-land": "landside",
        "nowhere": "",
    }


def test_metrics() -> None:
    result = run(training_field())
    m = result.metrics
    assert m["perimeter_length_m"] == pytest.approx(4000, rel=1e-6)
    assert m["perimeter_gap_m"] == pytest.approx(12, abs=1e-6)
    assert m["perimeter_covered"] == pytest.approx(0.997, abs=1e-4)
    assert m["airside_area_m2"] == pytest.approx(1_000_000, rel=1e-6)
    assert m["sra_area_m2"] == pytest.approx(410 * 300, rel=1e-6)
    assert m["access_points"] == 3
    assert m["features"] == 13 and m["features_ignored"] == 0
    assert m["findings"] == 8
    assert set(m["findings_by_rule"]) == set(RULE_IDS)
    assert m["findings_by_severity"] == {"critical": 2, "major": 5, "minor": 1}
    assert m["parameters"] == RuleParameters().model_dump()
    assert m["centre"] == [CENTRE[0], CENTRE[1]]


def test_unknown_kinds_and_bad_geometries_are_left_out() -> None:
    layout = [
        *training_field(),
        Feature(id="rwy", kind="runway", geometry={"type": "Point", "coordinates": [-80, 10]}),
        Feature(id="pt-zone", kind="airside", geometry={"type": "Point", "coordinates": [-80, 10]}),
        Feature(id="junk", kind="road", geometry={"type": "LineString", "coordinates": [[1]]}),
    ]
    result = run(layout)
    assert len(result.findings) == 8
    assert {fid for fid, _ in result.ignored} == {"rwy", "pt-zone", "junk"}
    assert result.metrics["features_ignored"] == 3


def test_self_intersecting_zone_does_not_break_the_analysis() -> None:
    bowtie = Polygon([(0, 0), (1000, 1000), (1000, 0), (0, 1000), (0, 0)])
    result = run([feature("airside", bowtie, "air"), fence_around(0, 0, 1000, 1000)])
    assert result.metrics["airside_area_m2"] == pytest.approx(500_000, rel=1e-6)


def test_empty_layout() -> None:
    result = analyze([], RuleParameters())
    assert result.findings == []
    assert result.metrics["features"] == 0
    assert result.metrics["perimeter_covered"] is None


def test_far_airport_position_falls_back_to_the_layout_centre() -> None:
    layout = training_field()
    near = analyze(layout, RuleParameters(), centre=CENTRE)
    far = analyze(layout, RuleParameters(), centre=(10.0, 50.0))
    assert "km from the layout" in far.metrics["notes"]["centre"]
    assert far.metrics["perimeter_length_m"] == pytest.approx(
        near.metrics["perimeter_length_m"], rel=1e-4
    )
    assert [f.rule for f in far.findings] == [f.rule for f in near.findings]


def test_every_geometry_form_is_read() -> None:
    """Holes, multi-parts and heights go through the fast reader and the fallback alike."""
    from shapely.geometry import MultiPolygon

    holed = Polygon(
        square(0, 0, 1000, 1000).exterior.coords, [square(400, 400, 600, 600).exterior.coords]
    )
    multi = MultiPolygon([square(0, 0, 100, 100), square(200, 0, 300, 100)])
    layout = [feature("airside", holed, "a"), feature("sra", multi, "s")]
    z = feature("access_point", point(500, 0), "g")
    z.geometry["coordinates"] = [*z.geometry["coordinates"], 12.0]
    result = run([*layout, z])
    assert result.metrics["airside_area_m2"] == pytest.approx(1_000_000 - 40_000, rel=1e-6)
    assert result.metrics["sra_area_m2"] == pytest.approx(20_000, rel=1e-6)
    assert result.metrics["features_analysed"] == 3


def test_heights_in_multi_geometries_are_dropped() -> None:
    """Multi-part geometries go through ``shape`` and keep their z until the analysis drops it."""
    plain = fence_around(0, 0, 1000, 1000)
    ring = plain.geometry["coordinates"]
    raised = Feature(
        id="fence",
        kind="barrier",
        geometry={"type": "MultiLineString", "coordinates": [[[*xy, 3.5] for xy in ring]]},
        properties=plain.properties,
    )
    airside = feature("airside", square(0, 0, 1000, 1000), "air")
    flat, high = run([airside, plain]), run([airside, raised])
    assert high.metrics["perimeter_covered"] == flat.metrics["perimeter_covered"] == 1.0
    assert high.metrics["barrier_length_m"] == pytest.approx(4000, rel=1e-6)


def test_degenerate_features_are_left_out_and_named() -> None:
    airside = feature("airside", square(0, 0, 1000, 1000), "air")
    fence = fence_around(0, 0, 1000, 1000, height_m=2.5)
    stub = feature("barrier", square(0, 0, 0.003, 0.003).exterior, "stub", height_m=1.0)
    dot = feature("road", square(500, -0.002, 500.004, 0.002).exterior, "dot")
    flat = feature("building", Polygon([(10, 1), (300, 1), (300, 1.004), (10, 1)]), "flat")
    wall = feature("obstacle", square(20, 1, 20.02, 300), "wall", obstacle="structure")
    result = run([airside, fence, stub, dot, flat, wall])
    reasons = dict(result.ignored)
    assert set(reasons) == {"stub", "dot", "flat"}
    assert reasons["stub"].startswith("zero-length LineString")
    assert reasons["flat"] == "Polygon of no area (thinner than 1 cm)"
    # No 1 m fence of no length, no crossing by a road of no length, no zero-area building at
    # the fence; the 2 cm wide wall is real.
    assert of_rule(result, "barrier_below_height") == []
    assert of_rule(result, "uncontrolled_crossing") == []
    assert [f.features[0] for f in of_rule(result, "clear_zone_obstruction")] == ["wall"]
    assert result.metrics["features_ignored"] == 3


def test_overlapping_zones_of_one_kind_are_one_zone() -> None:
    sras = [
        feature("sra", square(100, 100, 400, 300), "s1"),
        feature("sra", square(300, 200, 600, 500), "s2"),
        feature("sra", square(700, 700, 800, 800), "s3"),  # apart from the others
    ]
    airside = feature("airside", square(0, 0, 1000, 1000), "air")
    # Inside both s1 and s2, 50 m from edges that lie inside the union: the nearest boundary is
    # the corner 50√2 m away.
    gate = feature("access_point", point(350, 250), "inner")
    result = run([airside, *sras, gate])
    assert result.metrics["sra_area_m2"] == pytest.approx(60_000 + 90_000 - 10_000 + 10_000)
    found = of_rule(result, "access_point_off_boundary")
    assert [f.value for f in found] == [pytest.approx(50 * 2**0.5)]
