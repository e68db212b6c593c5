"""Hit-testing math of the map (avsec.app.map_geometry), checked against hand computations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pyproj import Geod

from avsec.app.map_geometry import (
    LINE,
    MapProjection,
    nearest_segment,
    ring_contains,
    segment_distance,
)

SQUARE = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]])


def test_distance_to_a_polyline_and_to_a_ring() -> None:
    # (5, -3) is 3 below the first edge; (-3, -4) is 5 from the corner (3-4-5 triangle).
    assert segment_distance(SQUARE, 5, -3, closed=False) == pytest.approx(3)
    assert segment_distance(SQUARE, -3, -4, closed=False) == pytest.approx(5)
    # (-2, 5) is 2 from the closing edge of the ring, but 5.385 from the open polyline.
    assert segment_distance(SQUARE, -2, 5, closed=True) == pytest.approx(2)
    assert segment_distance(SQUARE, -2, 5, closed=False) == pytest.approx(math.hypot(5, 2))
    assert segment_distance(SQUARE[:1], 3, 4, closed=False) == pytest.approx(5)
    assert segment_distance(SQUARE[:0], 3, 4, closed=False) == math.inf


def test_nearest_segment_gives_the_foot_of_the_perpendicular() -> None:
    index, point = nearest_segment(SQUARE, 12, 4, closed=True)
    assert index == 1 and point == pytest.approx((10, 4))
    index, point = nearest_segment(SQUARE, -1, 7, closed=True)
    assert index == 3 and point == pytest.approx((0, 7))
    # The open polyline has no closing edge: the nearest is the end of the last segment.
    index, point = nearest_segment(SQUARE, -1, 7, closed=False)
    assert index == 2 and point == pytest.approx((0, 10))


def test_point_in_ring() -> None:
    assert ring_contains(SQUARE, 5, 5)
    assert not ring_contains(SQUARE, 15, 5)
    # A U shape: the notch between its arms is outside.
    u_shape = np.array([[0, 0], [9, 0], [9, 9], [6, 9], [6, 3], [3, 3], [3, 9], [0, 9]], float)
    assert ring_contains(u_shape, 1.5, 6) and not ring_contains(u_shape, 4.5, 6)
    assert not ring_contains(SQUARE[:2], 5, 0)


def test_scene_coordinates_are_metres_east_and_south() -> None:
    projection = MapProjection(-80.0, 10.0)
    x, y = projection.point_to_scene(-80.0, 10.001)
    _, _, north = Geod(ellps="WGS84").inv(-80.0, 10.0, -80.0, 10.001)
    assert x == pytest.approx(0, abs=1e-6) and y == pytest.approx(-north, rel=1e-4)
    geometry = projection.to_geojson(LINE, [np.array([[0.0, 0.0], [x, y]])])
    assert geometry["type"] == "LineString"
    assert geometry["coordinates"][1] == pytest.approx([-80.0, 10.001], abs=1e-8)
