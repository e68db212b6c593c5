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


def test_repeated_coordinates_project_as_each_one_alone():
    """Projecting each distinct coordinate once gives exactly what projecting every one does
    (pyproj called point by point is the reference), repeats, NaN and zeros included."""
    import numpy as np
    from pyproj import Transformer

    from avsec.geo.projection import DEDUPLICATE_FROM

    projection = LocalProjection(-74.0, 4.6)
    rng = np.random.default_rng(3)
    distinct = np.column_stack(
        [-74.0 + rng.uniform(-0.2, 0.2, 300), 4.6 + rng.uniform(-0.2, 0.2, 300)]
    )
    ring = distinct[rng.integers(0, len(distinct), DEDUPLICATE_FROM * 2)]
    ring = np.vstack([ring, ring[:1]])  # closed
    line = shapely.LineString(ring)
    reference = Transformer.from_crs("EPSG:4326", projection._forward.target_crs, always_xy=True)
    expected = np.array([reference.transform(x, y) for x, y in ring])
    got = shapely.get_coordinates(projection.to_metres(line))
    assert np.array_equal(got, expected)
    # Coordinates the sort would merge (a zero, a NaN) are projected one by one as before.
    odd = np.vstack([ring, [[0.0, 4.6], [-0.0, 4.6]]])
    got = shapely.get_coordinates(projection.to_metres(shapely.LineString(odd)))
    expected = np.array([reference.transform(x, y) for x, y in odd])
    assert np.array_equal(got, expected)


def test_the_analysis_leaves_the_garbage_collector_as_it_found_it():
    import gc

    layout = [Feature(kind="access_point", geometry={"type": "Point", "coordinates": [-74.0, 4.6]})]
    assert gc.isenabled()
    analyze(layout, RuleParameters())
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(layout, RuleParameters())
        assert not gc.isenabled()
    finally:
        gc.enable()
