"""Candidate crossings of zone boundaries for the path analysis (:mod:`avsec.geo.paths`).

A boundary is crossed at an access point within 10 m of it, at an opening no barrier covers
(as the ``perimeter_gap`` rule finds it, unless the gates lying in it close it), sampled at its
midpoint and every 25 m, or at a barrier lying on it, sampled every 25 m and at its ends. Each
boundary's crossings are found once and shared by every target whose route crosses it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from avsec.core.assessment import RuleParameters
from avsec.core.layout import Kind
from avsec.geo.path_search import Layer
from avsec.geo.perimeter import boundary_coverage
from avsec.geo.prepared import PreparedLayout
from avsec.geo.rules import gate_width
from avsec.geo.segments import RingSegments

__all__ = ["ACCESS_POINT_BOUNDARY_M", "SAMPLE_M", "Crossings", "route_layers"]

#: An access point this close to a boundary (m) crosses it.
ACCESS_POINT_BOUNDARY_M = 10.0
#: Spacing (m) of the crossing points sampled along barriers and long openings.
SAMPLE_M = 25.0


class Crossings:
    """Candidate crossings of zone boundaries, computed once per boundary."""

    def __init__(self, layout: PreparedLayout, rules: RuleParameters):
        self.layout = layout
        self.rules = rules
        self.barriers = layout.indexes(Kind.BARRIER)
        self.access_points = layout.indexes(Kind.ACCESS_POINT)
        self.barrier_tree = STRtree(layout.geoms[self.barriers]) if len(self.barriers) else None
        self.ap_tree = (
            STRtree(layout.geoms[self.access_points]) if len(self.access_points) else None
        )
        self.cache: dict[str, tuple[np.ndarray, list[str], list[str]]] = {}
        self.gaps: dict[str, str | None] = {}  # opening key -> None (its figures are 0, 0)
        #: Spatial indexes of the outer layer's groups of crossings, shared by every search.
        self.trees: dict[bytes, Any] = {}
        self.codes: dict[str, tuple[list[str], np.ndarray]] = {}

    def _closed_by_gates(self, opening: BaseGeometry, length: float) -> bool:
        """Whether access points lying in an opening close it (their ``width_m`` add up)."""
        if self.ap_tree is None:
            return False
        offset = self.rules.perimeter_offset_tolerance_m
        hits = self.ap_tree.query(opening, predicate="dwithin", distance=offset)
        widths = sum(
            gate_width(self.layout.features[self.access_points[h]].properties) for h in hits
        )
        return bool(len(hits)) and length - widths <= self.rules.perimeter_join_tolerance_m

    def boundary(self, key: str, geom: BaseGeometry) -> tuple[np.ndarray, list[str], list[str]]:
        """(xy, figure keys, via) of the candidate crossings of ``geom``'s boundary."""
        if key in self.cache:
            return self.cache[key]
        layout, rules = self.layout, self.rules
        rings = list(shapely.get_parts(geom.boundary))
        ring = RingSegments.from_lines(rings)
        chunks = ring.chunks
        offset = rules.perimeter_offset_tolerance_m
        xy: list[np.ndarray] = []
        keys: list[str] = []
        via: list[str] = []
        near = np.zeros(0, dtype=np.intp)
        if self.barrier_tree is not None and len(chunks):
            near = np.unique(
                self.barrier_tree.query(chunks, predicate="dwithin", distance=offset)[1]
            )
        coverage = boundary_coverage(
            ring,
            list(layout.geoms[self.barriers[near]]),
            offset=offset,
            join=rules.perimeter_join_tolerance_m,
        )
        for n, gap in enumerate(coverage.gaps):
            if self._closed_by_gates(ring.substring(gap.ring, gap.begin, gap.end), gap.length):
                continue  # only its gates cross it, as the perimeter_gap rule sees it
            steps = np.arange(SAMPLE_M, gap.length, SAMPLE_M)
            dists = np.concatenate([[gap.length / 2], steps])
            gap_key = f"{key}#opening{n}"
            self.gaps[gap_key] = None
            for d in dists:
                xy.append(np.array(ring.point_at(gap.ring, gap.begin + d)))
                keys.append(gap_key)
                via.append("gap")
        boundary = geom.boundary
        shapely.prepare(boundary)
        for i in sorted(coverage.covering):
            line = layout.geoms[self.barriers[near[i]]]
            length = float(line.length)
            dists = np.unique(np.concatenate([np.arange(0.0, length, SAMPLE_M), [length]]))
            pts = shapely.line_interpolate_point(line, dists)
            on = shapely.dwithin(boundary, pts, offset + 0.01)
            fid = layout.features[self.barriers[near[i]]].id
            for p in pts[on]:
                xy.append(np.array([p.x, p.y]))
                keys.append(fid)
                via.append("barrier")
        if self.ap_tree is not None and len(chunks):
            hits = np.unique(
                self.ap_tree.query(chunks, predicate="dwithin", distance=ACCESS_POINT_BOUNDARY_M)[1]
            )
            for h in hits:
                point = layout.geoms[self.access_points[h]]
                xy.append(np.array([point.x, point.y]))
                keys.append(layout.features[self.access_points[h]].id)
                via.append("access_point")
        array = np.array(xy, dtype=float).reshape(-1, 2)
        self.cache[key] = (array, keys, via)
        return self.cache[key]


def route_layers(
    crossings: Crossings, zones: list[tuple[str, BaseGeometry]]
) -> tuple[list[Layer], list[list[str]]]:
    """The layers of a target's route (outermost first) with each crossing's ``via``."""
    found = [crossings.boundary(key, geom) for key, geom in zones]
    boundaries = [geom.boundary for _, geom in zones]
    for b in boundaries:
        shapely.prepare(b)
    layers, vias = [], []
    offset = crossings.rules.perimeter_offset_tolerance_m
    for k, (xy, keys, via) in enumerate(found):
        last = np.full(len(keys), k, dtype=np.intp)
        if len(keys):
            reach = np.array(
                [ACCESS_POINT_BOUNDARY_M if v == "access_point" else offset for v in via]
            )
            open_ = np.array([v != "gap" for v in via])
            pts = shapely.points(xy)
            for j in range(k + 1, len(zones)):
                on = open_ & (last == j - 1) & shapely.dwithin(boundaries[j], pts, reach)
                last[on] = j
        layer = Layer(xy=xy, keys=keys, last=last)
        # The distinct keys of a boundary's crossings are the same for every target.
        if zones[k][0] not in crossings.codes:
            crossings.codes[zones[k][0]] = layer.codes()
        layer._codes = crossings.codes[zones[k][0]]
        layers.append(layer)
        vias.append(via)
    return layers, vias
