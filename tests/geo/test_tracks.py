"""Inspected perimeter: the airside boundary within ``track_buffer_m`` of a walked track.

The layout and the track are laid out on the WGS84 ellipsoid with pyproj.Geod (not with the
analysis's projection), and the expected lengths are worked out by hand from the geodesic
side lengths: a 1 km square airside, a track 10 m inside along its south and east sides.
"""

from __future__ import annotations

import math

import pytest
from pyproj import Geod

from avsec.core.assessment import RuleParameters
from avsec.core.layout import Feature
from avsec.geo.analysis import analyze
from avsec.geo.tracks import inspection_lonlat

GEOD = Geod(ellps="WGS84")
SW = (-87.2172, 14.0609)


def fwd(p: tuple[float, float], azimuth: float, metres: float) -> tuple[float, float]:
    lon, lat, _ = GEOD.fwd(p[0], p[1], azimuth, metres)
    return (lon, lat)


def dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(GEOD.inv(a[0], a[1], b[0], b[1])[2])


SE = fwd(SW, 90, 1000)
NW = fwd(SW, 0, 1000)
NE = fwd(NW, 90, 1000)
#: The walk: from the west side 10 m north of the south-west corner, east to 10 m inside the
#: south-east corner, then north to the north side 10 m west of the north-east corner.
TRACK = [fwd(SW, 0, 10), fwd(fwd(SE, 0, 10), 270, 10), fwd(NE, 270, 10)]
AIRSIDE = Feature(
    id="airside",
    kind="airside",
    geometry={"type": "Polygon", "coordinates": [[SW, SE, NE, NW, SW]]},
)


def expected_inspected(buffer_m: float) -> float:
    """By hand: the walk starts on the west side 10 m up from the corner and ends on the north
    side 10 m short of the corner, and otherwise keeps 10 m inside the south and east sides.
    So the west and north sides are inspected over ``buffer`` either side of those ends (cut
    at the corner), and the south and east sides whole once the buffer reaches 10 m."""
    ends = 2 * (min(10.0, buffer_m) + buffer_m)
    sides = dist(SW, SE) + dist(SE, NE) if buffer_m >= 10 else 0.0
    return ends + sides


def perimeter() -> float:
    return dist(SW, SE) + dist(SE, NE) + dist(NE, NW) + dist(NW, SW)


@pytest.mark.parametrize("buffer_m", [5.0, 25.0, 50.0])
def test_inspected_length_matches_the_hand_computation(buffer_m):
    params = RuleParameters(track_buffer_m=buffer_m)
    metrics = analyze([AIRSIDE], params, centre=SW, tracks=[TRACK]).metrics
    hand = expected_inspected(buffer_m)
    assert metrics["perimeter_inspected_m"] == pytest.approx(hand, abs=0.5)
    assert metrics["perimeter_inspected_share"] == pytest.approx(hand / perimeter(), abs=2e-4)


def test_default_buffer_is_25_m_and_gives_2070_m_of_4_km():
    metrics = analyze([AIRSIDE], RuleParameters(), centre=SW, tracks=[TRACK]).metrics
    assert metrics["perimeter_inspected_m"] == pytest.approx(2070, abs=1)
    assert metrics["perimeter_inspected_share"] == pytest.approx(0.5175, abs=3e-4)


def test_no_metrics_without_tracks():
    metrics = analyze([AIRSIDE], RuleParameters(), centre=SW).metrics
    assert "perimeter_inspected_m" not in metrics
    assert "perimeter_inspected_share" not in metrics


def test_tracks_without_airside_give_zero_and_no_share():
    metrics = analyze([], RuleParameters(), centre=SW, tracks=[TRACK]).metrics
    assert metrics["perimeter_inspected_m"] == 0
    assert metrics["perimeter_inspected_share"] is None


def test_a_walk_round_the_whole_fence_inspects_all_of_it():
    ring = [fwd(SW, 45, 5 * math.sqrt(2)), fwd(SE, 315, 7), fwd(NE, 225, 7), fwd(NW, 135, 7)]
    metrics = analyze([AIRSIDE], RuleParameters(), centre=SW, tracks=[[*ring, ring[0]]]).metrics
    assert metrics["perimeter_inspected_share"] == pytest.approx(1.0, abs=1e-4)


def test_the_stretches_not_inspected_are_the_west_and_north_sides_less_the_reach():
    result = inspection_lonlat([AIRSIDE], [TRACK], 25.0, centre=SW)
    assert result is not None
    # The uninspected stretch runs from 35 m up the west side, round the north-west corner,
    # to 35 m short of the north-east corner: one line, its ends where the hand says.
    coords = list(result.not_inspected.coords)
    ends = sorted([coords[0], coords[-1]])
    west_end = fwd(SW, 0, 35)
    north_end = fwd(NE, 270, 35)
    for end in (west_end, north_end):
        assert min(dist(end, e) for e in ends) < 0.5
    assert result.total_m - result.inspected_m == pytest.approx(
        dist(NE, NW) + dist(NW, SW) - 70, abs=0.5
    )
