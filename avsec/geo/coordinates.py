"""GeoJSON coordinates of many features as numpy arrays, in one conversion.

A large layout holds hundreds of thousands of vertices in tens of thousands of features:
converting each feature's nested lists on its own (``numpy.asarray`` per ring) cost more than
projecting them. Here every clean coordinate pair of the layout is flattened into one array
per geometry type, with the vertex counts that cut it into geometries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

_PAIR_TYPES = {list, tuple}


@dataclass
class CleanGeometries:
    """The points, lines and polygons read in one conversion (positions into the input)."""

    #: Point positions and their (n, 2) coordinates.
    points: list[int]
    point_xy: np.ndarray
    #: Line positions, their vertices one after the other and each line's vertex count.
    lines: list[int]
    line_xy: np.ndarray
    line_counts: np.ndarray
    #: Polygon positions, their rings' vertices, each ring's vertex count, each polygon's
    #: ring count.
    polygons: list[int]
    ring_xy: np.ndarray
    ring_counts: np.ndarray
    polygon_rings: np.ndarray
    #: Positions of every other geometry, to read one by one.
    others: list[int]


def _pairs(items: Any) -> bool:
    """Whether ``items`` is a non-empty list of [x, y] pairs (no z, nothing nested)."""
    return (
        isinstance(items, list)
        and bool(items)
        and set(map(type, items)) <= _PAIR_TYPES
        and set(map(len, items)) == {2}
    )


def clean_arrays(geometries: Sequence[Any]) -> CleanGeometries | None:
    """Points, lines and polygons among ``geometries`` (GeoJSON mappings) as arrays.

    A geometry is read here when it has plain 2-D coordinates, all finite, a line at least 2
    vertices, a polygon's rings closed and of at least 4; any other (another type, a z, a ring
    not closed) is left in ``others`` for the caller to read on its own. None when a
    coordinate is not a number or not finite: the caller then reads every geometry on its
    own, which names the bad one.
    """
    point_xy: list[Any] = []
    line_xy: list[Any] = []
    ring_xy: list[Any] = []
    points: list[int] = []
    lines: list[int] = []
    line_counts: list[int] = []
    polygons: list[int] = []
    polygon_rings: list[int] = []
    ring_counts: list[int] = []
    others: list[int] = []
    for n, geometry in enumerate(geometries):
        gtype = geometry.get("type") if isinstance(geometry, dict) else None
        coords: Any = geometry.get("coordinates") if gtype else None
        if gtype == "Polygon":
            if (
                isinstance(coords, list)
                and coords
                and all(_pairs(ring) and len(ring) >= 4 for ring in coords)
            ):
                polygons.append(n)
                polygon_rings.append(len(coords))
                for ring in coords:
                    ring_counts.append(len(ring))
                    ring_xy.extend(ring)
                continue
        elif gtype == "Point":
            if type(coords) in _PAIR_TYPES and len(coords) == 2:
                points.append(n)
                point_xy.append(coords)
                continue
        elif gtype == "LineString" and _pairs(coords) and len(coords) >= 2:
            lines.append(n)
            line_counts.append(len(coords))
            line_xy.extend(coords)
            continue
        others.append(n)
    arrays = []
    for pairs in (point_xy, line_xy, ring_xy):
        try:
            flat = np.fromiter(chain.from_iterable(pairs), dtype=float, count=2 * len(pairs))
        except (TypeError, ValueError):
            return None
        if not np.isfinite(flat).all():
            return None
        arrays.append(flat.reshape(-1, 2))
    counts = np.asarray(ring_counts, dtype=np.intp)
    rings = np.asarray(polygon_rings, dtype=np.intp)
    ring_xy_array = arrays[2]
    if len(counts):
        # A polygon with a ring not closed is read on its own (shapely says why).
        ends = np.cumsum(counts)
        closed = (ring_xy_array[ends - counts] == ring_xy_array[ends - 1]).all(axis=1)
        polygon_of_ring = np.repeat(np.arange(len(rings)), rings)
        open_polygons = np.unique(polygon_of_ring[~closed])
        if len(open_polygons):
            keep = np.ones(len(rings), dtype=bool)
            keep[open_polygons] = False
            others.extend(polygons[int(k)] for k in open_polygons)
            polygons = [n for n, kept in zip(polygons, keep.tolist(), strict=True) if kept]
            ring_kept = keep[polygon_of_ring]
            ring_xy_array = ring_xy_array[np.repeat(ring_kept, counts)]
            counts, rings = counts[ring_kept], rings[keep]
    return CleanGeometries(
        points=points,
        point_xy=arrays[0],
        lines=lines,
        line_xy=arrays[1],
        line_counts=np.asarray(line_counts, dtype=np.intp),
        polygons=polygons,
        ring_xy=ring_xy_array,
        ring_counts=counts,
        polygon_rings=rings,
        others=sorted(others),
    )
