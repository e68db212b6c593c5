"""The other seven rules on small hand-built layouts with known answers (metres)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon, shape

from avsec.geo.prepared import prepare_layout
from avsec.geo.rules import _boundary_distances
from tests.geo.builders import (
    CENTRE,
    PROJECTION,
    feature,
    fence_around,
    line,
    of_rule,
    point,
    run,
    square,
    training_field,
)

AIRSIDE = feature("airside", square(0, 0, 1000, 1000), "air")
FENCE = fence_around(0, 0, 1000, 1000)


def metres(location: tuple[float, float]) -> tuple[float, float]:
    return PROJECTION.point_to_metres(*location)


# --- the reference layout: every rule once ------------------------------------------------


def test_training_field_has_one_finding_per_rule() -> None:
    result = run(training_field())
    rules = sorted(f.rule for f in result.findings)
    assert rules == sorted(
        [
            "perimeter_gap",
            "barrier_below_height",
            "uncontrolled_crossing",
            "uncontrolled_access_point",
            "access_point_off_boundary",
            "sra_outside_airside",
            "critical_part_outside_sra",
            "clear_zone_obstruction",
        ]
    )
    values = {f.rule: round(f.value, 3) for f in result.findings}
    assert values == {
        "perimeter_gap": 12.0,
        "barrier_below_height": 1100.0,
        "uncontrolled_crossing": pytest.approx(360.555, abs=1e-3),
        "uncontrolled_access_point": 0.0,
        "access_point_off_boundary": 300.0,
        "sra_outside_airside": 3000.0,
        "critical_part_outside_sra": 2000.0,
        "clear_zone_obstruction": 1.0,
    }
    # What must not fire: the road through the staffed main gate, the hangar 20 m away.
    crossing = of_rule(result, "uncontrolled_crossing")[0]
    assert crossing.features[0] == "road-open"
    obstruction = of_rule(result, "clear_zone_obstruction")[0]
    assert obstruction.features == ["bldg-near", "fence-main"]


# --- barrier_below_height -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("height", "fires"),
    [
        (2.0, True),
        ("2.0", True),
        ("2,1 m", True),
        (2.44, False),
        (3, False),
        (None, False),
        ("tall", False),
        (True, False),
    ],
)
def test_barrier_below_height(height: object, fires: bool) -> None:
    props = {} if height is None else {"height_m": height}
    fence = feature("barrier", line((0, 0), (250, 0)), "low", barrier="fence", **props)
    found = of_rule(run([fence]), "barrier_below_height")
    assert bool(found) is fires
    if fires:
        f = found[0]
        assert (f.severity, f.unit, f.features) == ("major", "m", ["low"])
        assert f.value == pytest.approx(250.0, abs=1e-6)
        assert metres(f.location) == pytest.approx((125.0, 0.0), abs=0.02)


def test_barrier_below_height_uses_the_assessment_minimum() -> None:
    fence = feature("barrier", line((0, 0), (250, 0)), "f", height_m=2.0)
    assert of_rule(run([fence], min_barrier_height_m=1.8), "barrier_below_height") == []


def test_multiline_barrier_length_is_the_sum_of_its_parts() -> None:
    from shapely.geometry import MultiLineString

    geom = MultiLineString([[(0, 0), (100, 0)], [(0, 50), (30, 50), (30, 90)]])
    found = of_rule(run([feature("barrier", geom, "m", height_m=1.0)]), "barrier_below_height")
    assert found[0].value == pytest.approx(170.0, abs=1e-6)


# --- uncontrolled_crossing ----------------------------------------------------------------


def test_road_through_a_staffed_gate_does_not_fire() -> None:
    road = feature("road", line((500, -100), (500, 100)), "road")
    gate = feature("access_point", point(500, 0), "gate", control="staffed")
    assert of_rule(run([AIRSIDE, FENCE, road, gate]), "uncontrolled_crossing") == []


def test_road_with_a_gate_within_the_radius_does_not_fire() -> None:
    road = feature("road", line((500, -100), (500, 100)), "road")
    gate = feature("access_point", point(504, 0), "gate")
    assert of_rule(run([AIRSIDE, road, gate]), "uncontrolled_crossing") == []
    assert (
        len(
            of_rule(run([AIRSIDE, road, gate], crossing_access_radius_m=3), "uncontrolled_crossing")
        )
        == 1
    )


def test_road_without_a_gate_fires_with_the_distance_to_the_nearest_one() -> None:
    road = feature("road", line((500, -100), (500, 100)), "road", name="Service road")
    gate = feature("access_point", point(530, 0), "gate")
    found = of_rule(run([AIRSIDE, road, gate]), "uncontrolled_crossing")
    assert len(found) == 1
    f = found[0]
    assert f.value == pytest.approx(30.0, abs=1e-6)
    assert (f.severity, f.zone, f.features) == ("major", "airside", ["road", "air"])
    assert metres(f.location) == pytest.approx((500.0, 0.0), abs=0.02)
    assert shape(f.geometry).geom_type == "Point"
    assert "Service road" in f.message["en"] and "30.0 m" in f.message["en"]
    assert "parte aeronáutica" in f.message["es"]


def test_road_crossing_twice_gives_two_findings() -> None:
    road = feature("road", line((-100, 500), (1100, 500)), "road")
    found = of_rule(run([AIRSIDE, road]), "uncontrolled_crossing")
    assert sorted(round(metres(f.location)[0]) for f in found) == [0, 1000]
    # No access point at all: there is no distance to give.
    assert {f.value for f in found} == {-1.0}
    assert "no access point" in found[0].message["en"]


def test_road_inside_the_airside_does_not_fire() -> None:
    road = feature("road", line((100, 100), (900, 100)), "road")
    assert of_rule(run([AIRSIDE, road]), "uncontrolled_crossing") == []


def test_road_into_an_sra_takes_the_sra_zone() -> None:
    sra = feature("sra", square(200, 200, 400, 400), "sra")
    road = feature("road", line((300, 100), (300, 300)), "road")
    found = of_rule(run([AIRSIDE, sra, road]), "uncontrolled_crossing")
    assert len(found) == 1
    assert found[0].zone == "sra"
    assert "security restricted area" in found[0].message["en"]


def test_shared_airside_and_sra_boundary_is_one_crossing() -> None:
    sra = feature("sra", square(0, 0, 200, 200), "sra")
    road = feature("road", line((100, -50), (100, 50)), "road")
    found = of_rule(run([AIRSIDE, sra, road]), "uncontrolled_crossing")
    assert len(found) == 1 and found[0].zone == "sra"


# --- access points ------------------------------------------------------------------------


def test_uncontrolled_gate_on_the_airside_boundary() -> None:
    gate = feature("access_point", point(1000, 300), "g", name="North gate", control="uncontrolled")
    found = of_rule(run([AIRSIDE, FENCE, gate]), "uncontrolled_access_point")
    assert len(found) == 1
    f = found[0]
    assert (f.severity, f.value, f.unit, f.zone, f.features) == (
        "critical",
        0.0,
        "m",
        "airside",
        ["g"],
    )
    assert "North gate" in f.message["en"] and "no tiene control" in f.message["es"]


@pytest.mark.parametrize("control", ["staffed", "electronic", "locked", None])
def test_controlled_gates_do_not_fire(control: str | None) -> None:
    props = {"control": control} if control else {}
    gate = feature("access_point", point(1000, 300), "g", **props)
    assert of_rule(run([AIRSIDE, gate]), "uncontrolled_access_point") == []


def test_uncontrolled_gate_into_an_sra() -> None:
    sra = feature("sra", square(200, 200, 400, 400), "sra")
    gate = feature("access_point", point(200, 300), "g", control="uncontrolled")
    found = of_rule(run([AIRSIDE, sra, gate]), "uncontrolled_access_point")
    assert found[0].zone == "sra"
    assert "security restricted area" in found[0].message["en"]


def test_uncontrolled_gate_between_landside_parcels_does_not_fire() -> None:
    landside = feature("landside", square(-500, 0, -100, 500), "land")
    gate = feature("access_point", point(-500, 250), "g", control="uncontrolled")
    result = run([AIRSIDE, landside, gate])
    assert of_rule(result, "uncontrolled_access_point") == []
    assert of_rule(result, "access_point_off_boundary") == []


def test_access_point_far_from_every_boundary() -> None:
    gate = feature("access_point", point(500, 50), "g", name="Lost gate")
    found = of_rule(run([AIRSIDE, gate]), "access_point_off_boundary")
    assert len(found) == 1
    assert found[0].value == pytest.approx(50.0, abs=1e-6)
    assert found[0].severity == "minor"


def test_access_point_near_a_boundary_is_on_it() -> None:
    near = feature("access_point", point(500, 9.5), "near")
    assert of_rule(run([AIRSIDE, near]), "access_point_off_boundary") == []
    assert (
        len(of_rule(run([AIRSIDE, near], access_point_boundary_m=5), "access_point_off_boundary"))
        == 1
    )


def test_access_point_without_zones_is_not_judged() -> None:
    result = run([feature("access_point", point(0, 0), "g", control="uncontrolled")])
    assert result.findings == []
    assert "no zone" in result.metrics["notes"]["access_point_off_boundary"]


# --- containment --------------------------------------------------------------------------


def test_sra_sticking_out_of_the_airside() -> None:
    sra = feature("sra", square(950, 100, 1050, 200), "sra", name="Cargo")
    found = of_rule(run([AIRSIDE, sra]), "sra_outside_airside")
    assert len(found) == 1
    f = found[0]
    assert f.value == pytest.approx(5000.0, rel=1e-6)
    assert (f.unit, f.severity, f.zone, f.features) == ("m2", "major", "sra", ["sra"])
    outside = PROJECTION.to_metres(shape(f.geometry))
    assert outside.area == pytest.approx(5000.0, rel=1e-3)
    assert 1000 < metres(f.location)[0] < 1050
    assert "5,000 m²" in f.message["en"] and "5.000 m²" in f.message["es"]


def test_sra_sharing_the_airside_boundary_is_inside() -> None:
    sra = feature("sra", square(800, 0, 1000, 200), "sra")
    assert of_rule(run([AIRSIDE, sra]), "sra_outside_airside") == []


def test_sliver_narrower_than_the_join_tolerance_is_ignored() -> None:
    sra = feature("sra", square(800, 0, 1000.4, 200), "sra")
    assert of_rule(run([AIRSIDE, sra]), "sra_outside_airside") == []


def test_sra_inside_two_touching_airside_zones() -> None:
    a = feature("airside", square(0, 0, 500, 1000), "a")
    b = feature("airside", square(500, 0, 1000, 1000), "b")
    sra = feature("sra", square(400, 400, 600, 600), "sra")
    assert of_rule(run([a, b, sra]), "sra_outside_airside") == []


def test_sra_without_any_airside_lies_wholly_outside() -> None:
    sra = feature("sra", square(0, 0, 100, 50), "sra")
    found = of_rule(run([sra]), "sra_outside_airside")
    assert found[0].value == pytest.approx(5000.0, rel=1e-6)


def test_critical_part_outside_every_sra() -> None:
    sra1 = feature("sra", square(100, 100, 300, 300), "s1")
    sra2 = feature("sra", square(300, 100, 500, 300), "s2")
    inside = feature("critical_part", square(250, 150, 350, 250), "cp-in")  # spans both SRAs
    out = feature("critical_part", square(450, 150, 550, 250), "cp-out")
    found = of_rule(run([AIRSIDE, sra1, sra2, inside, out]), "critical_part_outside_sra")
    assert [f.features for f in found] == [["cp-out"]]
    assert found[0].value == pytest.approx(5000.0, rel=1e-6)
    assert found[0].zone == "critical_part"


# --- clear_zone_obstruction ---------------------------------------------------------------


def test_building_twenty_metres_from_the_fence_does_not_fire() -> None:
    building = feature("building", square(100, 20, 150, 60), "b")
    assert of_rule(run([AIRSIDE, FENCE, building]), "clear_zone_obstruction") == []


@pytest.mark.parametrize(
    ("kind", "props", "geom", "distance", "severity"),
    [
        ("building", {"role": "cargo"}, square(100, 1, 150, 40), 1.0, "major"),
        ("building", {}, square(100, -30, 150, -2.5), 2.5, "major"),  # outside the fence
        ("parking", {}, square(100, 2, 150, 40), 2.0, "minor"),
        ("obstacle", {"obstacle": "tree"}, point(500, 1.5), 1.5, "minor"),
        ("obstacle", {"obstacle": "container"}, point(500, -2.0), 2.0, "major"),
        ("obstacle", {"obstacle": "structure"}, square(600, 0.5, 610, 10), 0.5, "major"),
    ],
)
def test_obstructions_in_the_clear_zone(kind, props, geom, distance, severity) -> None:
    obstruction = feature(kind, geom, "o", **props)
    found = of_rule(run([AIRSIDE, FENCE, obstruction]), "clear_zone_obstruction")
    assert len(found) == 1
    f = found[0]
    assert f.value == pytest.approx(distance, abs=1e-6)
    assert (f.severity, f.features) == (severity, ["o", "fence"])


def test_clear_zone_width_is_a_parameter() -> None:
    building = feature("building", square(100, 5, 150, 60), "b")
    assert of_rule(run([AIRSIDE, FENCE, building]), "clear_zone_obstruction") == []
    assert (
        len(of_rule(run([AIRSIDE, FENCE, building], clear_zone_m=6), "clear_zone_obstruction")) == 1
    )


def test_inner_fence_is_not_a_perimeter_barrier() -> None:
    inner = feature("barrier", line((200, 500), (800, 500)), "inner", barrier="fence")
    building = feature("building", square(400, 501, 450, 540), "b")
    assert of_rule(run([AIRSIDE, FENCE, inner, building]), "clear_zone_obstruction") == []


def test_without_airside_every_barrier_has_a_clear_zone() -> None:
    fence = feature("barrier", line((0, 0), (100, 0)), "f")
    building = feature("building", square(10, 1, 20, 10), "b")
    found = of_rule(run([fence, building]), "clear_zone_obstruction")
    assert [f.features for f in found] == [["b", "f"]]


# --- distances to zone boundaries: near lookups and one nearest search for far gates ----------


def test_gate_deep_inside_a_long_perimeter_gets_the_exact_distance() -> None:
    theta = np.linspace(0, 2 * math.pi, 5000, endpoint=False)
    radius = 3000 * (1 + 0.05 * np.sin(5 * theta))
    field = Polygon(np.column_stack([radius * np.cos(theta), radius * np.sin(theta)]))
    apron = square(1000, 1000, 1200, 1100)
    gates = [point(-1500, -200), point(1300, 1050), point(1100, 1095)]
    result = run(
        [
            feature("airside", field, "air"),
            feature("sra", apron, "apron"),
            *(feature("access_point", g, f"g{n}") for n, g in enumerate(gates)),
        ]
    )
    found = {f.features[0]: f.value for f in of_rule(result, "access_point_off_boundary")}
    assert set(found) == {"g0", "g1"}  # g2 lies 5 m from the apron's edge
    assert found["g0"] == pytest.approx(gates[0].distance(field.exterior), abs=1e-6)
    assert found["g1"] == pytest.approx(100.0, abs=1e-6)  # the apron is nearer than the fence


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.floats(-1200, 1200), st.floats(-1200, 1200)), min_size=1, max_size=30),
    st.floats(0.5, 60),
)
def test_boundary_distances_match_a_full_comparison(xy, near) -> None:
    zones = [
        feature("airside", square(-1000, -1000, 1000, 1000), "air"),
        feature("landside", square(-1100, -1000, -1000, 1000), "land"),
        feature("sra", square(-200, -200, 300, 100), "sra"),
        feature("critical_part", square(-100, -100, 0, 0), "cp"),
    ]
    layout = prepare_layout(zones, CENTRE)
    points = shapely.points(xy)
    got = _boundary_distances(layout, points, near)
    exact = {
        kind: shapely.distance(points, layout.zone(kind).boundary)
        for kind in ("critical_part", "sra", "airside", "landside")
    }
    nearest = np.minimum.reduce(list(exact.values()))
    for kind, distance in exact.items():
        close = distance <= near
        assert np.allclose(got[kind][close], distance[close], atol=1e-6)
        assert (got[kind][~close] > near).all()
    best = np.minimum.reduce(list(got.values()))
    assert np.allclose(best, nearest, atol=1e-6)
