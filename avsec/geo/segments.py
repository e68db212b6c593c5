"""Lines cut into straight segments, with the distance of each along its line.

Long boundaries (hundreds of thousands of vertices) are queried through an STRtree of short
runs of consecutive segments ("chunks", :data:`CHUNK_SEGMENTS` each), so a lookup costs
O(log n) instead of a pass over the whole ring while the tree holds a few Python objects per
hundred vertices rather than one per segment (creating and collecting those objects was a
large share of the time on big layouts). Positions along a line are found with binary
searches, never with a pass over the full ring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

#: Consecutive segments per chunk of the STRtree. Nearest-boundary queries from far points
#: (the slowest lookups) are fastest around 8 to 16; larger chunks make the tree cheaper.
CHUNK_SEGMENTS = 16


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
    chunk_first
        Index of the first segment of each chunk (see :attr:`chunks`); segments
        ``chunk_first[k]`` to ``chunk_first[k + 1] - 1`` make chunk ``k``.
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
    chunk_first: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    _chunks: np.ndarray | None = field(default=None, repr=False)
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
        line = np.concatenate(line_parts)
        return cls(
            a=np.concatenate(a_parts),
            b=np.concatenate(b_parts),
            length=np.concatenate(len_parts),
            start=np.concatenate(start_parts),
            line=line,
            line_length=np.array(line_length),
            coords=coords,
            cumulative=cumulative,
            closed=np.array(closed),
            chunk_first=chunk_starts(line, CHUNK_SEGMENTS),
        )

    def __len__(self) -> int:
        return len(self.length)

    @property
    def total_length(self) -> float:
        """Sum of the lengths of every line."""
        return float(self.line_length.sum())

    @property
    def chunks(self) -> np.ndarray:
        """Runs of up to :data:`CHUNK_SEGMENTS` consecutive segments as LineStrings.

        Zero-length segments were dropped, so the segments of a chunk still join end to end
        and a chunk is exactly that stretch of its line: distances and intersections with it
        are those with its segments.
        """
        if self._chunks is None:
            self._chunks = chunk_lines(self.a, self.b, self.chunk_first)
        return self._chunks

    @property
    def tree(self) -> STRtree:
        """An STRtree over :attr:`chunks` (positions in the tree are chunk numbers)."""
        if self._tree is None:
            self._tree = STRtree(self.chunks)
        return self._tree

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
        # Binary searches, not a mask over the whole ring: a layout has one piece per gap,
        # and a pass over a ring of n vertices per gap made the perimeter rule quadratic.
        lo = int(np.searchsorted(cum, begin, side="right"))
        hi = int(np.searchsorted(cum, end, side="left"))
        inner = slice(lo, max(lo, hi))

        def at(d: float) -> np.ndarray:
            k = int(np.searchsorted(cum, d, side="right")) - 1
            k = min(max(k, 0), len(xy) - 2)
            span = cum[k + 1] - cum[k]
            t = 0.0 if span == 0 else (d - cum[k]) / span
            return xy[k] + t * (xy[k + 1] - xy[k])

        return np.vstack([at(begin), xy[inner], at(end)])


def chunk_starts(group: np.ndarray, size: int) -> np.ndarray:
    """First index of each run of up to ``size`` consecutive items of the same ``group``.

    ``group`` gives, for each segment in order, the line it belongs to (equal values are
    adjacent); a run never spans two lines.
    """
    if not len(group):
        return np.zeros(0, dtype=np.intp)
    first_of_group = np.flatnonzero(np.append(True, group[1:] != group[:-1]))
    rank = np.arange(len(group)) - np.repeat(
        first_of_group, np.diff(np.append(first_of_group, len(group)))
    )
    return np.flatnonzero(rank % size == 0).astype(np.intp)


def chunk_lines(a: np.ndarray, b: np.ndarray, first: np.ndarray) -> np.ndarray:
    """LineStrings through runs of segments ``a[i]`` to ``b[i]`` that join end to end.

    Run ``k`` holds segments ``first[k]`` to ``first[k + 1] - 1``; its vertices are the start
    of each of them and the end of the last, so the line is exactly those segments.
    """
    if not len(first):
        return np.array([], dtype=object)
    counts = np.diff(np.append(first, len(a)))
    last = first + counts - 1
    xy = np.insert(a, last + 1, b[last], axis=0)
    return shapely.linestrings(xy, indices=np.repeat(np.arange(len(first)), counts + 1))
