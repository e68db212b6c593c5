"""RingSegments: chunks that are exactly their segments, and pieces cut by binary search."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point
from shapely.ops import substring

from avsec.geo.segments import CHUNK_SEGMENTS, RingSegments, chunk_lines, chunk_starts


def wavy_ring(vertices: int, radius: float = 1000.0) -> LineString:
    theta = np.linspace(0, 2 * math.pi, vertices, endpoint=False)
    r = radius * (1 + 0.05 * np.sin(7 * theta))
    xy = np.column_stack([r * np.cos(theta), r * np.sin(theta)])
    return LineString(np.vstack([xy, xy[:1]]))


def test_chunk_starts_never_span_two_lines() -> None:
    group = np.array([0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2])
    assert chunk_starts(group, 3).tolist() == [0, 3, 5, 7, 10, 13]
    assert chunk_starts(np.zeros(0, dtype=np.intp), 3).tolist() == []


def test_chunks_are_their_segments_joined_end_to_end() -> None:
    ring = wavy_ring(100)
    other = LineString([(0, 0), (5, 0), (5, 0), (9, 3)])  # a repeated vertex is dropped
    segments = RingSegments.from_lines([ring, other])
    assert len(segments) == 100 + 2
    chunks = segments.chunks
    # Chunks never mix lines, and together they hold every segment once.
    assert len(chunks) == math.ceil(100 / CHUNK_SEGMENTS) + 1
    assert sum(shapely.get_num_coordinates(chunks) - 1) == len(segments)
    assert shapely.equals(shapely.line_merge(shapely.union_all(chunks[:-1])), ring)
    assert chunks[-1].equals(LineString([(0, 0), (5, 0), (9, 3)]))
    assert len(segments.tree) == len(chunks)


def test_no_segments_no_chunks() -> None:
    segments = RingSegments.from_lines([])
    assert len(segments) == 0 and len(segments.chunks) == 0
    assert chunk_lines(np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0, dtype=np.intp)).size == 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.floats(-1500, 1500), st.floats(-1500, 1500)), min_size=1, max_size=20))
def test_distance_to_the_chunks_is_the_distance_to_the_ring(points) -> None:
    ring = wavy_ring(500)
    segments = RingSegments.from_lines([ring])
    queries = shapely.points(points)
    (query, _), distance = segments.tree.query_nearest(queries, return_distance=True)
    expected = shapely.distance(queries, ring)
    assert np.allclose(distance, expected[query], atol=1e-9)


@pytest.mark.parametrize(
    ("begin", "end"),
    [(0.0, 10.0), (123.4, 5000.0), (3.0, 3.5), (0.0, 0.0), (6000.0, 6283.0)],
)
def test_substring_matches_shapely(begin: float, end: float) -> None:
    ring = wavy_ring(2_000)
    segments = RingSegments.from_lines([ring])
    piece = segments.substring(0, begin, end)
    expected = substring(ring, begin, end)
    assert piece.length == pytest.approx(expected.length, abs=1e-6)
    if expected.length > 0:
        assert piece.hausdorff_distance(expected) < 1e-6


def test_substring_through_the_first_vertex_of_a_closed_ring() -> None:
    ring = wavy_ring(1000)
    segments = RingSegments.from_lines([ring])
    total = segments.total_length
    piece = segments.substring(0, total - 30.0, total + 20.0)
    assert piece.length == pytest.approx(50.0, abs=1e-6)
    assert Point(piece.coords[0]).distance(Point(segments.point_at(0, total - 30.0))) < 1e-9
    assert Point(piece.coords[-1]).distance(Point(segments.point_at(0, 20.0))) < 1e-9
