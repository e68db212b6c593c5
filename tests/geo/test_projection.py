"""Metres, not degrees: a layout built in metres comes back with its lengths and areas."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import LineString, Polygon

from avsec.core.assessment import RuleParameters
from avsec.core.layout import Feature
from avsec.geo.analysis import analyze
from avsec.geo.prepared import prepare_layout
from avsec.geo.projection import LocalProjection

# An L-shaped airside of known area and perimeter, and a 3 km fence.
L_SHAPE = Polygon([(0, 0), (3000, 0), (3000, 800), (1200, 800), (1200, 2500), (0, 2500)])
L_AREA = 3000 * 800 + 1200 * 1700
L_PERIMETER = 2 * (3000 + 2500)
FENCE = LineString([(0, -5), (3000, -5)])

CENTRES = [
    (-80.0, 10.0),
    (-58.4, -34.6),
    (-99.1, 19.4),
    (12.65, 55.62),
    (-149.9, 61.2),
    (179.5, -17.7),
]


def _lonlat(projection: LocalProjection, geom) -> dict:
    return json.loads(shapely.to_geojson(projection.to_lonlat(geom)))


@pytest.mark.parametrize("centre", CENTRES)
def test_round_trip_keeps_lengths_and_areas_within_a_tenth_of_a_percent(centre) -> None:
    build = LocalProjection(*centre)
    # Build 4 km off the projection centre so the analysis (centred on the layout) differs.
    offset = shapely.affinity.translate
    layout = [
        Feature(id="air", kind="airside", geometry=_lonlat(build, offset(L_SHAPE, 4000, 3000))),
        Feature(id="f", kind="barrier", geometry=_lonlat(build, offset(FENCE, 4000, 3000))),
    ]
    metrics = analyze(layout, RuleParameters()).metrics
    assert metrics["airside_area_m2"] == pytest.approx(L_AREA, rel=1e-3)
    assert metrics["perimeter_length_m"] == pytest.approx(L_PERIMETER, rel=1e-3)
    assert metrics["barrier_length_m"] == pytest.approx(3000, rel=1e-3)
    # Centred on the airport itself the round trip is exact to rounding.
    exact = analyze(layout, RuleParameters(), centre=centre).metrics
    assert exact["airside_area_m2"] == pytest.approx(L_AREA, rel=1e-6)


def test_point_round_trip() -> None:
    projection = LocalProjection(-80.0, 10.0)
    lon, lat = projection.point_to_lonlat(1234.5, -678.9)
    assert projection.point_to_metres(lon, lat) == pytest.approx((1234.5, -678.9), abs=1e-6)


def test_prepared_layout_is_in_metres_around_the_centre() -> None:
    projection = LocalProjection(-80.0, 10.0)
    square = Polygon([(-100, -100), (100, -100), (100, 100), (-100, 100)])
    layout = prepare_layout([Feature(id="a", kind="airside", geometry=_lonlat(projection, square))])
    geom = layout.geoms[0]
    assert geom.area == pytest.approx(40_000, rel=1e-6)
    assert geom.centroid.x == pytest.approx(0, abs=1e-3) and geom.centroid.y == pytest.approx(
        0, abs=1e-3
    )
