"""Lines cut into straight segments, with the distance of each along its line.

Long boundaries (tens of thousands of vertices) are queried through an STRtree of their
segments, so each lookup costs O(log n) instead of a pass over the whole ring, and positions
along a line are found without ``line_locate_point`` on the full ring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry


@dataclass
class RingSegments:
    """The segments of a list of lines (zone boundary rings or barriers).

    Attributes
    ----------
    a, b
        Segment start and end points, shape (n, 2).
    length
        Segment lengths.
    start
        Distance of each segment's start along its line.
    line
        Index of the line each segment belongs to.
    line_length
        Length of each line.
    coords, cumulative
        Per line, its vertices and the distance of each vertex along it.
    closed
        Per line, whether it is a closed ring (first vertex equals last).
    """

    a: np.ndarray
    b: np.ndarray
    length: np.ndarray
    start: np.ndarray
    line: np.ndarray
    line_length: np.ndarray
    coords: list[np.ndarray]
    cumulative: list[np.ndarray]
    closed: np.ndarray
    _lines: np.ndarray | None = field(default=None, repr=False)
    _tree: STRtree | None = field(default=None, repr=False)

    @classmethod
    def from_lines(cls, lines: Sequence[BaseGeometry]) -> RingSegments:
        """Cut LineStrings (or LinearRings) into segments; zero-length segments are dropped."""
        coords: list[np.ndarray] = []
        for geom in lines:
            xy = shapely.get_coordinates(geom)
            if len(xy) >= 2:
                coords.append(xy)
        if not coords:
            empty = np.zeros((0, 2))
            return cls(
                empty,
                empty,
                np.zeros(0),
                np.zeros(0),
                np.zeros(0, dtype=np.intp),
                np.zeros(0),
                [],
                [],
                np.zeros(0, dtype=bool),
            )
        a_parts, b_parts, len_parts, start_parts, line_parts = [], [], [], [], []
        cumulative, line_length, closed = [], [], []
        for i, xy in enumerate(coords):
            seg_len = np.hypot(*(xy[1:] - xy[:-1]).T)
            cum = np.concatenate([[0.0], np.cumsum(seg_len)])
            cumulative.append(cum)
            line_length.append(cum[-1])
            closed.append(bool(np.array_equal(xy[0], xy[-1])))
            keep = seg_len > 0
            a_parts.append(xy[:-1][keep])
            b_parts.append(xy[1:][keep])
            len_parts.append(seg_len[keep])
            start_parts.append(cum[:-1][keep])
            line_parts.append(np.full(int(keep.sum()), i, dtype=np.intp))
        return cls(
            a=np.concatenate(a_parts),
            b=np.concatenate(b_parts),
            length=np.concatenate(len_parts),
            start=np.concatenate(start_parts),
            line=np.concatenate(line_parts),
            line_length=np.array(line_length),
            coords=coords,
            cumulative=cumulative,
            closed=np.array(closed),
        )

    def __len__(self) -> int:
        return len(self.length)

    @property
    def total_length(self) -> float:
        """Sum of the lengths of every line."""
        return float(self.line_length.sum())

    @property
    def lines(self) -> np.ndarray:
        """Each segment as a two-point LineString."""
        if self._lines is None:
            self._lines = shapely.linestrings(np.stack([self.a, self.b], axis=1))
        return self._lines

    @property
    def tree(self) -> STRtree:
        """An STRtree over the segments."""
        if self._tree is None:
            self._tree = STRtree(self.lines)
        return self._tree

    def boxes(self, margin: float) -> np.ndarray:
        """Each segment's bounding box grown by ``margin`` (for envelope queries)."""
        lo = np.minimum(self.a, self.b) - margin
        hi = np.maximum(self.a, self.b) + margin
        return shapely.box(lo[:, 0], lo[:, 1], hi[:, 0], hi[:, 1])

    def point_at(self, line: int, distance: float) -> tuple[float, float]:
        """The point ``distance`` along line ``line`` (wrapping around closed rings)."""
        xy, cum = self.coords[line], self.cumulative[line]
        total = cum[-1]
        if self.closed[line] and total > 0:
            distance = distance % total
        distance = min(max(distance, 0.0), total)
        k = int(np.searchsorted(cum, distance, side="right")) - 1
        k = min(max(k, 0), len(xy) - 2)
        span = cum[k + 1] - cum[k]
        t = 0.0 if span == 0 else (distance - cum[k]) / span
        p = xy[k] + t * (xy[k + 1] - xy[k])
        return float(p[0]), float(p[1])

    def substring(self, line: int, begin: float, end: float) -> LineString:
        """The part of line ``line`` from ``begin`` to ``end`` along it.

        On a closed ring ``end`` may exceed the ring's length: the part then runs through the
        ring's first vertex.
        """
        xy, cum = self.coords[line], self.cumulative[line]
        total = cum[-1]
        if end > total and self.closed[line]:
            first = self._piece(xy, cum, begin, total)
            second = self._piece(xy, cum, 0.0, end - total)
            return LineString(np.concatenate([first, second[1:]]))
        return LineString(self._piece(xy, cum, begin, min(end, total)))

    @staticmethod
    def _piece(xy: np.ndarray, cum: np.ndarray, begin: float, end: float) -> np.ndarray:
        inner = (cum > begin) & (cum < end)

        def at(d: float) -> np.ndarray:
            k = int(np.searchsorted(cum, d, side="right")) - 1
            k = min(max(k, 0), len(xy) - 2)
            span = cum[k + 1] - cum[k]
            t = 0.0 if span == 0 else (d - cum[k]) / span
            return xy[k] + t * (xy[k + 1] - xy[k])

        return np.vstack([at(begin), xy[inner], at(end)])


def concatenate(parts: Sequence[RingSegments]) -> tuple[np.ndarray, np.ndarray]:
    """Segment LineStrings of several sets, and for each the index of the set it came from."""
    lines = [p.lines for p in parts if len(p)]
    owners = [np.full(len(p), i, dtype=np.intp) for i, p in enumerate(parts) if len(p)]
    if not lines:
        return np.array([], dtype=object), np.zeros(0, dtype=np.intp)
    return np.concatenate(lines), np.concatenate(owners)
