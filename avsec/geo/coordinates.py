"""GeoJSON coordinates of many features as numpy arrays, in one conversion.

A large layout holds hundreds of thousands of vertices in tens of thousands of features:
converting each feature's nested lists on its own (``numpy.asarray`` per ring) cost more than
projecting them. Here every clean coordinate pair of the layout is flattened into one array,
and each geometry gets its slice of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np

#: One geometry's arrays: a point or a line is one (n, 2) array, a polygon a list of rings.
Parsed = tuple[
    list[tuple[int, np.ndarray]], list[tuple[int, np.ndarray]], list[tuple[int, list[np.ndarray]]]
]

_PAIR_TYPES = {list, tuple}


def _pairs(items: Any) -> bool:
    """Whether ``items`` is a list of [x, y] pairs (no z, nothing nested)."""
    return (
        isinstance(items, list)
        and bool(items)
        and set(map(type, items)) <= _PAIR_TYPES
        and set(map(len, items)) == {2}
    )


def clean_arrays(geometries: Sequence[Any]) -> tuple[Parsed, list[int]] | None:
    """Points, lines and polygons among ``geometries`` (GeoJSON mappings) as arrays.

    Returns ``((points, lines, polygons), others)``: each of the three lists holds
    ``(position, array)`` (a polygon: a list of ring arrays) of plain 2-D coordinates, all
    finite, a line of at least 2 vertices, a polygon's rings closed and of at least 4;
    ``others`` are the positions of every other geometry (any other type, a z, a ring not
    closed), for the caller to read one by one. None when a coordinate is not a number or not
    finite: the caller then reads every geometry on its own, which names the bad one.
    """
    point_xy: list[Any] = []
    line_xy: list[Any] = []
    ring_xy: list[Any] = []
    points: list[int] = []
    lines: list[int] = []
    line_counts: list[int] = []
    polygons: list[int] = []
    rings_of: list[int] = []
    ring_counts: list[int] = []
    others: list[int] = []
    for n, geometry in enumerate(geometries):
        gtype = geometry.get("type") if isinstance(geometry, dict) else None
        coords: Any = geometry.get("coordinates") if gtype else None
        if gtype == "Point" and type(coords) in _PAIR_TYPES and len(coords) == 2:
            points.append(n)
            point_xy.append(coords)
        elif gtype == "LineString" and _pairs(coords) and len(coords) >= 2:
            lines.append(n)
            line_counts.append(len(coords))
            line_xy.extend(coords)
        elif (
            gtype == "Polygon"
            and isinstance(coords, list)
            and coords
            and all(_pairs(ring) and len(ring) >= 4 for ring in coords)
        ):
            polygons.append(n)
            rings_of.append(len(coords))
            for ring in coords:
                ring_counts.append(len(ring))
                ring_xy.extend(ring)
        else:
            others.append(n)
    every = point_xy + line_xy + ring_xy
    try:
        xy = np.fromiter(chain.from_iterable(every), dtype=float, count=2 * len(every))
    except (TypeError, ValueError):
        return None
    xy = xy.reshape(-1, 2)
    if not np.isfinite(xy).all():
        return None
    point_arrays = [(n, xy[i : i + 1]) for i, n in enumerate(points)]
    line_ends = len(points) + np.cumsum(line_counts, dtype=np.intp)
    line_arrays = [
        (n, xy[end - count : end])
        for n, count, end in zip(lines, line_counts, line_ends.tolist(), strict=True)
    ]
    ring_ends = len(points) + len(line_xy) + np.cumsum(ring_counts, dtype=np.intp)
    ring_starts = ring_ends - np.asarray(ring_counts, dtype=np.intp)
    closed = (xy[ring_starts] == xy[ring_ends - 1]).all(axis=1) if len(ring_counts) else []
    polygon_arrays = []
    ring = 0
    for n, count in zip(polygons, rings_of, strict=True):
        if all(closed[ring : ring + count]):
            polygon_arrays.append(
                (
                    n,
                    [
                        xy[start:end]
                        for start, end in zip(
                            ring_starts[ring : ring + count].tolist(),
                            ring_ends[ring : ring + count].tolist(),
                            strict=True,
                        )
                    ],
                )
            )
        else:
            others.append(n)
        ring += count
    return (point_arrays, line_arrays, polygon_arrays), sorted(others)
