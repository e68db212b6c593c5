"""Measures checked against an independent reference: geodesics on the WGS84 ellipsoid.

The layouts here are built directly in lon/lat with :class:`pyproj.Geod` (walking azimuths and
distances on the ellipsoid), never through :class:`avsec.geo.projection.LocalProjection`, and
the expected lengths and areas come from ``Geod`` too. So a wrong projection (wrong ellipsoid,
wrong centre, degrees taken for metres) shows here even though the builders' round trip in
the other tests would hide it.
"""

from __future__ import annotations

import pytest
from pyproj import Geod

from avsec.core.assessment import RuleParameters
from avsec.core.layout import Feature
from avsec.geo.analysis import analyze
from avsec.geo.projection import LocalProjection

WGS84 = Geod(ellps="WGS84")

#: Airports from the equator to the Arctic circle, both hemispheres, next to the antimeridian.
CENTRES = [(-80.0, 10.0), (-58.4, -34.6), (12.65, 55.62), (-149.9, 61.2), (179.5, -17.7)]


def walk(start: tuple[float, float], *legs: tuple[float, float]) -> list[tuple[float, float]]:
    """The points reached from ``start`` by legs of (azimuth in degrees, metres)."""
    points = [start]
    for azimuth, metres in legs:
        lon, lat, _ = WGS84.fwd(*points[-1], azimuth, metres)
        points.append((lon, lat))
    return points


def square_ring(corner: tuple[float, float], side: float) -> list[tuple[float, float]]:
    """A closed ring of four geodesic sides of ``side`` metres, east then north, west, south."""
    ring = walk(corner, (90, side), (0, side), (270, side))
    return [*ring, corner]


def polygon(ring: list[tuple[float, float]]) -> dict:
    return {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}


def linestring(points: list[tuple[float, float]]) -> dict:
    return {"type": "LineString", "coordinates": [list(p) for p in points]}


@pytest.mark.parametrize("centre", CENTRES)
def test_projected_distances_match_geodesic_distances(centre) -> None:
    projection = LocalProjection(*centre)
    x0, y0 = projection.point_to_metres(*centre)
    for azimuth, metres in [(0, 250.0), (45, 1500.0), (137, 4000.0), (300, 6000.0)]:
        lon, lat, _ = WGS84.fwd(*centre, azimuth, metres)
        x, y = projection.point_to_metres(lon, lat)
        assert ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5 == pytest.approx(metres, rel=1e-4)


@pytest.mark.parametrize("centre", CENTRES)
def test_areas_and_lengths_match_the_ellipsoid(centre) -> None:
    # A 1 km square airside whose south-west corner is 2 km south-west of the airport, and a
    # 3 km fence along a geodesic heading 60 degrees.
    corner = walk(centre, (225, 2000))[-1]
    ring = square_ring(corner, 1000)
    fence = walk(corner, (60, 1000), (60, 1000), (60, 1000))
    layout = [
        Feature(id="air", kind="airside", geometry=polygon(ring)),
        Feature(id="fence", kind="barrier", geometry=linestring(fence), properties={}),
    ]
    lons, lats = zip(*ring, strict=True)
    area, perimeter = WGS84.polygon_area_perimeter(lons, lats)
    fence_lons, fence_lats = zip(*fence, strict=True)
    metrics = analyze(layout, RuleParameters(), centre=centre).metrics
    assert metrics["airside_area_m2"] == pytest.approx(abs(area), rel=1e-3)
    assert metrics["perimeter_length_m"] == pytest.approx(perimeter, rel=1e-3)
    assert metrics["barrier_length_m"] == pytest.approx(
        WGS84.line_length(fence_lons, fence_lats), rel=1e-3
    )


@pytest.mark.parametrize("centre", CENTRES)
def test_a_perimeter_gap_measures_its_geodesic_width(centre) -> None:
    # The fence follows the airside's ring but stops short of closing it: it leaves an
    # opening of 12 m on the south side, between the corner and a point 12 m east of it.
    corner = walk(centre, (200, 1500))[-1]
    ring = square_ring(corner, 1000)
    opening_end = walk(corner, (90, 12))[-1]
    fence = [opening_end, *ring[1:]]
    layout = [
        Feature(id="air", kind="airside", geometry=polygon(ring)),
        Feature(
            id="fence",
            kind="barrier",
            geometry=linestring(fence),
            properties={"barrier": "fence", "height_m": 2.5},
        ),
    ]
    findings = analyze(layout, RuleParameters(), centre=centre).findings
    gaps = [f for f in findings if f.rule == "perimeter_gap"]
    _, _, width = WGS84.inv(*corner, *opening_end)
    assert width == pytest.approx(12.0, abs=1e-6)
    assert len(gaps) == 1
    assert gaps[0].value == pytest.approx(width, abs=0.05)
