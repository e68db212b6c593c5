"""perimeter_gap: openings measured between barrier ends, tolerances never shortening them."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Polygon, shape
from shapely.ops import substring

from avsec.geo import perimeter
from avsec.geo.perimeter import boundary_coverage
from avsec.geo.segments import RingSegments
from tests.geo.builders import (
    PROJECTION,
    feature,
    fence_around,
    line,
    of_rule,
    run,
    square,
)

AIRSIDE = feature("airside", square(0, 0, 1000, 1000), "air")


def gaps(features, **params):
    return of_rule(run(features, **params), "perimeter_gap")


def test_fence_exactly_on_the_boundary_covers_it() -> None:
    result = run([AIRSIDE, fence_around(0, 0, 1000, 1000)])
    assert of_rule(result, "perimeter_gap") == []
    assert result.metrics["perimeter_covered"] == 1.0
    assert result.metrics["perimeter_length_m"] == pytest.approx(4000, rel=1e-6)


@pytest.mark.parametrize("offset", [-1.9, -1.5, 1.5, 1.9])
def test_fence_within_the_offset_tolerance_covers_it(offset: float) -> None:
    outside = -offset  # a positive offset moves the fence outward
    fence = fence_around(-outside, -outside, 1000 + outside, 1000 + outside)
    assert gaps([AIRSIDE, fence]) == []


def test_fence_inside_the_boundary_may_cut_its_corners() -> None:
    # 1.9 m inside, the fence passes 2.7 m from each corner: still one continuous fence.
    assert gaps([AIRSIDE, fence_around(1.9, 1.9, 998.1, 998.1)]) == []


def test_one_line_whose_own_ends_face_each_other_leaves_an_opening() -> None:
    fence = feature(
        "barrier", line((100, 0), (0, 0), (0, 1000), (1000, 1000), (1000, 0), (104, 0)), "f"
    )
    assert [round(g.value, 6) for g in gaps([AIRSIDE, fence])] == [4.0]


def test_fence_detour_away_from_the_boundary_is_an_opening() -> None:
    detour = line(
        (0, 0), (400, 0), (400, 50), (450, 50), (450, 0), (1000, 0), (1000, 1000), (0, 1000), (0, 0)
    )
    found = gaps([AIRSIDE, feature("barrier", detour, "f")])
    # Uncovered from 2 m past x=400 to 2 m before x=450 (the detour's sides cover their ends).
    assert [round(g.value, 6) for g in found] == [46.0]


def test_fence_beyond_the_offset_tolerance_leaves_the_whole_ring_open() -> None:
    found = gaps([AIRSIDE, fence_around(-3, -3, 1003, 1003)])
    assert len(found) == 1
    assert found[0].value == pytest.approx(4000, rel=1e-6)
    assert found[0].features == ["air"]


def test_opening_is_the_distance_between_the_barrier_ends() -> None:
    west = feature("barrier", line((100, 0), (0, 0), (0, 1000), (1000, 1000)), "west")
    east = feature("barrier", line((1000, 1000), (1000, 0), (112, 0)), "east")
    found = gaps([AIRSIDE, west, east])
    assert len(found) == 1
    gap = found[0]
    assert gap.value == pytest.approx(12.0, abs=1e-6)
    assert (gap.rule, gap.severity, gap.unit, gap.zone) == (
        "perimeter_gap",
        "critical",
        "m",
        "airside",
    )
    assert gap.features == ["air", "west", "east"]
    # The geometry is the opening itself, located at its middle.
    metres = PROJECTION.to_metres(shape(gap.geometry))
    # Findings carry lon/lat to 7 decimals (about 1 cm).
    assert metres.length == pytest.approx(12.0, abs=0.03)
    x, y = PROJECTION.point_to_metres(*gap.location)
    assert (x, y) == pytest.approx((106.0, 0.0), abs=0.02)
    assert "12.0 m" in gap.message["en"] and "12,0 m" in gap.message["es"]


def test_offset_fence_with_an_opening_is_not_shortened_by_the_tolerance() -> None:
    # Fence 1.5 m outside the boundary: within tolerance, but the 10 m opening stays 10 m.
    west = feature(
        "barrier", line((200, -1.5), (-1.5, -1.5), (-1.5, 1001.5), (1001.5, 1001.5)), "a"
    )
    east = feature("barrier", line((1001.5, 1001.5), (1001.5, -1.5), (210, -1.5)), "b")
    found = gaps([AIRSIDE, west, east])
    assert [round(g.value, 6) for g in found] == [10.0]


def test_opening_through_the_first_vertex_of_the_ring_is_one_finding() -> None:
    # The airside ring starts at (1000, 0) (shapely's box); open the corner around it.
    fence = feature("barrier", line((1000, 20), (1000, 1000), (0, 1000), (0, 0), (980, 0)), "f")
    found = gaps([AIRSIDE, fence])
    assert len(found) == 1
    assert found[0].value == pytest.approx(40.0, abs=1e-6)


def test_opening_just_past_a_corner_is_not_hidden_by_the_corner_join() -> None:
    # The west fence turns the south-west corner and stops 0.5 m later; the south fence
    # starts 2 m past the corner. A whole disc at the corner would hide the 1.5 m opening.
    west = feature("barrier", line((0, 1000), (0, 0), (0.5, 0)), "west")
    rest = feature("barrier", line((2, 0), (1000, 0), (1000, 1000), (0, 1000)), "rest")
    assert [round(g.value, 6) for g in gaps([AIRSIDE, west, rest])] == [1.5]


@pytest.mark.parametrize(
    ("opening", "expected"), [(0.4, []), (0.5, []), (0.6, [0.6]), (2.0, [2.0])]
)
def test_join_tolerance(opening: float, expected: list[float]) -> None:
    west = feature("barrier", line((500, 0), (0, 0), (0, 1000), (1000, 1000)), "a")
    east = feature("barrier", line((1000, 1000), (1000, 0), (500 + opening, 0)), "b")
    assert [round(g.value, 6) for g in gaps([AIRSIDE, west, east])] == expected


def test_join_tolerance_is_a_parameter() -> None:
    west = feature("barrier", line((500, 0), (0, 0), (0, 1000), (1000, 1000)), "a")
    east = feature("barrier", line((1000, 1000), (1000, 0), (501, 0)), "b")
    assert len(gaps([AIRSIDE, west, east])) == 1
    assert gaps([AIRSIDE, west, east], perimeter_join_tolerance_m=1.5) == []


def test_offset_tolerance_is_a_parameter() -> None:
    fence = fence_around(-3, -3, 1003, 1003)
    assert len(gaps([AIRSIDE, fence])) == 1
    assert gaps([AIRSIDE, fence], perimeter_offset_tolerance_m=4.5) == []


def test_fence_across_an_opening_does_not_close_it() -> None:
    # A fence meeting the boundary at a right angle in the middle of a 20 m opening.
    west = feature("barrier", line((490, 0), (0, 0), (0, 1000), (1000, 1000)), "a")
    east = feature("barrier", line((1000, 1000), (1000, 0), (510, 0)), "b")
    across = feature("barrier", line((500, -50), (500, 50)), "across")
    assert [round(g.value, 6) for g in gaps([AIRSIDE, west, east, across])] == [20.0]


def test_overlapping_pieces_and_several_openings() -> None:
    pieces = [
        feature("barrier", line((0, 0), (300, 0)), "p1"),
        feature("barrier", line((250, 0), (600, 0)), "p2"),  # overlaps p1
        feature("barrier", line((630, 0), (1000, 0), (1000, 1000)), "p3"),  # 30 m after p2
        feature("barrier", line((1000, 1000), (0, 1000)), "p4"),
        feature("barrier", line((0, 1000), (0, 500)), "p5"),  # 500 m open on the west side
    ]
    found = sorted(gaps([AIRSIDE, *pieces]), key=lambda g: g.value)
    assert [round(g.value, 6) for g in found] == [30.0, 500.0]
    assert found[0].features == ["air", "p2", "p3"]
    assert found[1].features == ["air", "p5", "p1"]


def test_airside_with_a_hole_has_two_rings() -> None:
    with_hole = Polygon(
        square(0, 0, 1000, 1000).exterior.coords, [square(400, 400, 600, 600).exterior.coords]
    )
    result = run([feature("airside", with_hole, "air")])
    found = of_rule(result, "perimeter_gap")
    assert sorted(round(g.value, 3) for g in found) == [800.0, 4000.0]
    assert result.metrics["perimeter_length_m"] == pytest.approx(4800, rel=1e-6)
    assert result.metrics["perimeter_covered"] == 0.0


def test_overlapping_airside_zones_are_one_perimeter() -> None:
    a = feature("airside", square(0, 0, 600, 1000), "a")
    b = feature("airside", square(400, 0, 1000, 1000), "b")
    result = run([a, b, fence_around(0, 0, 1000, 1000)])
    assert of_rule(result, "perimeter_gap") == []
    assert result.metrics["perimeter_length_m"] == pytest.approx(4000, rel=1e-6)


def test_no_airside_means_no_perimeter_rule() -> None:
    result = run([fence_around(0, 0, 100, 100)])
    assert of_rule(result, "perimeter_gap") == []
    assert result.metrics["perimeter_covered"] is None
    assert "no airside" in result.metrics["notes"]["perimeter_gap"]


def test_fence_following_a_wavy_boundary_with_different_vertices() -> None:
    # The fence is digitised with its own vertices, up to 1 m off the boundary.
    boundary = shapely.Point(0, 0).buffer(500, quad_segs=64)
    fence = LineString(shapely.Point(0.8, -0.5).buffer(500.3, quad_segs=50).exterior.coords)
    result = run([feature("airside", boundary, "air"), feature("barrier", fence, "f")])
    assert of_rule(result, "perimeter_gap") == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.floats(5, 3995), min_size=2, max_size=10, unique=True))
def test_random_openings_are_measured_exactly(cuts: list[float]) -> None:
    """Cut openings into a fence along the ring; each comes back once, with its length."""
    cuts = sorted(cuts)[: len(cuts) // 2 * 2]
    assume(all(b - a > 1.0 for a, b in zip(cuts, cuts[1:], strict=False)))
    ring = LineString(square(0, 0, 1000, 1000).exterior.coords)
    openings = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    pieces = [(cuts[i + 1], cuts[i + 2]) for i in range(0, len(cuts) - 2, 2)]
    pieces += [(cuts[-1], ring.length), (0.0, cuts[0])]
    fence = [feature("barrier", substring(ring, a, b), f"p{n}") for n, (a, b) in enumerate(pieces)]
    found = sorted(g.value for g in gaps([AIRSIDE, *fence]))
    assert found == pytest.approx(sorted(b - a for a, b in openings), abs=1e-3)


# --- candidate pairs: runs of segments find every pair that a full comparison finds ---------


def _every_pair(ring, elements, radius):
    """All (ring segment, element) pairs: what the runs and their filter must not miss."""
    n_elements = len(elements.p) + len(elements.c)
    ring_idx = np.repeat(np.arange(len(ring)), n_elements)
    element_idx = np.tile(np.arange(n_elements), len(ring))
    yield ring_idx, element_idx


def _coverage(boundary, barriers, **kwargs):
    ring = RingSegments.from_lines([shapely.get_exterior_ring(boundary)])
    found = boundary_coverage(ring, barriers, offset=2.0, join=0.5, **kwargs)
    return (
        [(g.ring, round(g.begin, 6), round(g.end, 6), g.before, g.after) for g in found.gaps],
        sorted(found.covering),
        round(found.gap_length, 6),
    )


_piece = st.tuples(
    st.floats(0, 2 * math.pi),  # where along the ring (angle)
    st.floats(0.01, 1.5),  # how far along it (angle)
    st.floats(-3.0, 3.0),  # offset outward, metres
    st.integers(2, 40),  # vertices
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_piece, min_size=1, max_size=8),
    st.lists(
        st.tuples(st.floats(-450, 450), st.floats(-450, 450), st.floats(-450, 450)),
        max_size=3,
    ),
    st.sampled_from([1, 3, 8]),
)
def test_runs_of_segments_find_every_covering_pair(pieces, strays, run_size) -> None:
    theta = np.linspace(0, 2 * math.pi, 300, endpoint=False)
    radius = 400 * (1 + 0.1 * np.sin(5 * theta))
    boundary = Polygon(np.column_stack([radius * np.cos(theta), radius * np.sin(theta)]))
    barriers = []
    for start, span, offset, vertices in pieces:
        t = np.linspace(start, start + span, vertices)
        r = 400 * (1 + 0.1 * np.sin(5 * t)) + offset
        barriers.append(LineString(np.column_stack([r * np.cos(t), r * np.sin(t)])))
    for x, y, angle in strays:
        barriers.append(LineString([(x, y), (x + 80 * math.cos(angle), y + 80 * math.sin(angle))]))
    expected = _coverage(boundary, barriers)
    original = perimeter._candidate_pairs
    try:
        perimeter._candidate_pairs = _every_pair  # type: ignore[assignment]
        brute = _coverage(boundary, barriers)
    finally:
        perimeter._candidate_pairs = original
    assert expected == brute
    saved = perimeter.PAIR_RUN
    try:
        perimeter.PAIR_RUN = run_size
        assert _coverage(boundary, barriers) == brute
    finally:
        perimeter.PAIR_RUN = saved
