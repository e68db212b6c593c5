"""Which stretches of a zone boundary a barrier covers, measured along the boundary.

A boundary point is covered when a barrier runs along it within the offset tolerance: the
point lies inside the barrier's buffer with *flat* caps and round joins. Flat caps matter: a
round cap would reach ``offset`` metres past each barrier end and shorten every opening by
twice the tolerance, whereas the opening to report is the stretch between the barrier ends.

The buffer is never built. Each barrier segment is a rectangle (its flat-capped buffer) and
each interior barrier vertex a disc (the round join); both are clipped against the boundary
segments in closed form with numpy. Candidate pairs come from one STRtree query between short
runs of boundary and barrier segments (:data:`PAIR_RUN` each), expanded and filtered by
bounding box with numpy. Runs rather than single segments keep the Python geometry objects
to a few per hundred vertices instead of three per vertex (a segment, a join and a query box):
that halved the time spent finding pairs on a perimeter of 320,000 vertices and spares the
garbage collector, whose full passes over a large layout grew faster than the layout. The
rule grows linearly with the size of the layout.

A barrier segment only covers boundary segments it runs along (within ``max_angle_deg``), so
a fence meeting the perimeter at right angles does not cover the four metres it crosses.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from avsec.geo.segments import RingSegments, chunk_starts

#: Slack (metres) for points exactly on a rectangle's edge after floating-point rounding.
_EPS = 1e-7
#: Candidate pairs clipped per numpy pass: keeps the temporaries in cache on big layouts.
_CHUNK = 65_536
#: Segments per run when pairing boundary with barriers. Each pair of runs expands to up to
#: PAIR_RUN x 2 PAIR_RUN candidate pairs for the numpy filter: small runs keep that cheap,
#: large ones save geometry objects.
PAIR_RUN = 8


@dataclass
class Stretch:
    """An uncovered stretch of one boundary ring.

    ``begin`` and ``end`` are distances along the ring; on a closed ring ``end`` may pass the
    ring's length when the stretch runs through its first vertex. ``before`` and ``after`` are
    the barriers (indexes into the list given to :func:`boundary_coverage`) whose ends bound
    the stretch, None where no barrier covers the ring at all.
    """

    ring: int
    begin: float
    end: float
    before: int | None
    after: int | None

    @property
    def length(self) -> float:
        """Length of the opening along the boundary."""
        return self.end - self.begin


@dataclass
class Coverage:
    """The result of :func:`boundary_coverage`."""

    gaps: list[Stretch]
    total_length: float
    gap_length: float
    #: Barriers that cover some of the boundary (the perimeter barriers).
    covering: set[int]


@dataclass
class _Elements:
    """Barrier segments (p to q) and round joins (c), each with its barrier part.

    A round join only fills the wedge outside the corner between the segment arriving at
    ``c`` (direction ``d_in``) and the one leaving it (``d_out``); elsewhere the segments'
    rectangles already cover, and a whole disc would reach past a barrier that ends just
    after a corner.
    """

    p: np.ndarray
    q: np.ndarray
    seg_part: np.ndarray
    c: np.ndarray
    d_in: np.ndarray
    d_out: np.ndarray
    c_part: np.ndarray
    #: Per join: the segment it ends (the join sits at that segment's end point ``q``).
    c_seg: np.ndarray
    #: Per part: the barrier it belongs to, its line, and whether it is closed.
    part_barrier: np.ndarray
    part_lines: list[BaseGeometry]
    part_closed: list[bool]


def _barrier_elements(barriers: list[BaseGeometry]) -> _Elements:
    """Cut barriers into parts, segments and joins (in a few vectorised calls: a layout has
    thousands of barriers)."""
    geoms = np.empty(len(barriers), dtype=object)
    geoms[:] = barriers
    parts, owner = shapely.get_parts(geoms, return_index=True)
    xy, of = shapely.get_coordinates(parts, return_index=True)
    if len(xy):
        # Repeated vertices would make zero-length segments with no direction.
        keep = np.ones(len(xy), dtype=bool)
        keep[1:] = (of[1:] != of[:-1]) | np.any(xy[1:] != xy[:-1], axis=1)
        xy, of = xy[keep], of[keep]
    counts = np.bincount(of, minlength=len(parts))
    usable = counts >= 2
    on_usable = usable[of]
    xy, rank = xy[on_usable], (np.cumsum(usable) - 1)[of[on_usable]]
    counts = counts[usable]
    first = np.cumsum(counts) - counts
    last = first + counts - 1
    closed = (counts > 2) & np.all(xy[first] == xy[last], axis=1)
    # Vertex v starts segment v - rank[v] (each earlier part has one segment fewer than
    # vertices), unless it is the last of its part.
    starts = np.ones(len(xy), dtype=bool)
    starts[last] = False
    start_at = np.flatnonzero(starts)
    p, q = xy[start_at], xy[start_at + 1]
    step = q - p
    direction = step / np.hypot(step[:, 0], step[:, 1])[:, None]
    # Interior vertices are joins; a closed line's first vertex is one too, after the others.
    interior = starts.copy()
    interior[first] = False
    at = np.flatnonzero(interior)
    arriving = at - 1 - rank[at]
    ring_parts = np.flatnonzero(closed)
    last_segment = last[ring_parts] - 1 - ring_parts
    join_part = np.concatenate([rank[at], ring_parts])
    order = np.argsort(join_part, kind="stable")
    # Join j follows segment j of the part (a closed line's extra join, the last).
    c_seg = np.concatenate([arriving, last_segment])[order]
    return _Elements(
        p=p,
        q=q,
        seg_part=rank[start_at].astype(np.intp),
        c=np.concatenate([xy[at], xy[first[ring_parts]]])[order],
        d_in=direction[c_seg],
        d_out=np.concatenate([direction[at - rank[at]], direction[first[ring_parts] - ring_parts]])[
            order
        ],
        c_part=join_part[order].astype(np.intp),
        c_seg=c_seg.astype(np.intp),
        part_barrier=owner[usable].astype(np.intp),
        part_lines=list(parts[usable]),
        part_closed=[bool(c) for c in closed],
    )


def _clip_linear(a: np.ndarray, b: np.ndarray, lo: float | np.ndarray, hi: float | np.ndarray):
    """Interval of u in [0, 1] where lo <= a + b*u <= hi (empty: begin > end)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        u1 = (lo - a) / b
        u2 = (hi - a) / b
    flat = np.abs(b) < 1e-12
    inside = (a >= lo) & (a <= hi)
    begin = np.where(flat, np.where(inside, 0.0, 1.0), np.minimum(u1, u2))
    end = np.where(flat, np.where(inside, 1.0, 0.0), np.maximum(u1, u2))
    return begin, end


def _intervals(
    ring: RingSegments,
    elements: _Elements,
    offset: float,
    max_angle_deg: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Covered intervals (line, begin, end, barrier part) along the ring segments."""
    empty = (np.zeros(0, dtype=np.intp), np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.intp))
    # Joins only exist between segments: no segment, nothing covers.
    if not len(ring) or not len(elements.p):
        return empty
    radius = offset + _EPS
    columns = _Columns.of(ring, elements)
    parts = [
        _clip_chunk(ring, elements, columns, ring_idx, element_idx, radius, max_angle_deg)
        for ring_idx, element_idx in _candidate_pairs(ring, elements, radius)
    ]
    if not parts:
        return empty
    return tuple(np.concatenate([part[k] for part in parts]) for k in range(4))  # type: ignore[return-value]


@dataclass
class _Columns:
    """What the clip reads per ring segment and per barrier element, as separate contiguous
    x and y arrays: gathering and multiplying 1-D columns is several times faster than
    gathering rows of (n, 2) arrays and summing over them, and each segment's direction and
    length are computed once rather than once per candidate pair (the same operations on the
    same numbers, so the same results)."""

    ax: np.ndarray
    ay: np.ndarray
    abx: np.ndarray
    aby: np.ndarray
    ab_len: np.ndarray
    ab_sq: np.ndarray
    px: np.ndarray
    py: np.ndarray
    dx: np.ndarray
    dy: np.ndarray
    seg_len: np.ndarray
    cx: np.ndarray
    cy: np.ndarray
    in_x: np.ndarray
    in_y: np.ndarray
    out_x: np.ndarray
    out_y: np.ndarray

    @classmethod
    def of(cls, ring: RingSegments, elements: _Elements) -> _Columns:
        ab = ring.b - ring.a
        pq = elements.q - elements.p
        seg_len = np.hypot(pq[:, 0], pq[:, 1])
        d = pq / seg_len[:, None]

        def col(array: np.ndarray, k: int) -> np.ndarray:
            return np.ascontiguousarray(array[:, k])

        return cls(
            ax=col(ring.a, 0),
            ay=col(ring.a, 1),
            abx=col(ab, 0),
            aby=col(ab, 1),
            ab_len=np.hypot(ab[:, 0], ab[:, 1]),
            ab_sq=(ab * ab).sum(1),
            px=col(elements.p, 0),
            py=col(elements.p, 1),
            dx=col(d, 0),
            dy=col(d, 1),
            seg_len=seg_len,
            cx=col(elements.c, 0),
            cy=col(elements.c, 1),
            in_x=col(elements.d_in, 0),
            in_y=col(elements.d_in, 1),
            out_x=col(elements.d_out, 0),
            out_y=col(elements.d_out, 1),
        )


def _candidate_pairs(
    ring: RingSegments, elements: _Elements, radius: float
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Batches of (ring segment, barrier element) pairs whose boxes are within ``radius``.

    Element numbers below ``len(elements.p)`` are barrier segments, the others joins. Every
    pair whose clip can be non-empty is among them: a covered boundary point lies within
    ``radius`` of the element, hence its run lies within ``radius`` of the element's run.
    """
    ring_first = chunk_starts(ring.line, PAIR_RUN)
    barrier_first = chunk_starts(elements.seg_part, PAIR_RUN)
    # Runs whose boxes, the ring's grown by the radius, overlap: a box test in the tree, no
    # geometry (a distance test between the runs halved the pairs but cost more than it
    # saved; the pairs it would drop are farther apart than the radius and clip to nothing).
    # The slack absorbs rounding in the clip's own tolerance (its ends reach _EPS further).
    tree = STRtree(_run_boxes(elements.p, elements.q, barrier_first, 0.0))
    ring_run, barrier_run = tree.query(_run_boxes(ring.a, ring.b, ring_first, radius + 1e-6))
    if not len(ring_run):
        return
    n_seg, n_runs = len(elements.p), len(barrier_first)
    # The elements of each barrier run: its segments and the joins at their ends.
    seg_run = np.repeat(np.arange(n_runs), np.diff(np.append(barrier_first, n_seg)))
    element_run = np.concatenate([seg_run, seg_run[elements.c_seg]])
    element_order = np.argsort(element_run, kind="stable")
    element_count = np.bincount(element_run, minlength=n_runs)
    element_first = np.append(0, np.cumsum(element_count)[:-1])
    ring_count = np.diff(np.append(ring_first, len(ring)))
    # Boxes as separate contiguous x and y arrays: gathering 1-D arrays is much faster than
    # gathering rows of 2-D ones and reducing over them.
    lo = np.concatenate([np.minimum(elements.p, elements.q), elements.c]).T.copy()
    hi = np.concatenate([np.maximum(elements.p, elements.q), elements.c]).T.copy()
    ring_lo = (np.minimum(ring.a, ring.b) - radius).T.copy()
    ring_hi = (np.maximum(ring.a, ring.b) + radius).T.copy()
    # Each ring segment of a run pair against the barrier run's box first: a segment at the
    # end of a run meets only the end of a neighbouring run, and expanding it against every
    # element there would make most of the candidates (the same pairs survive: an element's
    # box lies inside its run's).
    run_lo = np.minimum.reduceat(np.minimum(elements.p, elements.q), barrier_first, axis=0).T
    run_hi = np.maximum.reduceat(np.maximum(elements.p, elements.q), barrier_first, axis=0).T
    rows = ring_count[ring_run]
    row_pair = np.repeat(np.arange(len(ring_run)), rows)
    row_ring = np.repeat(ring_first[ring_run], rows) + (
        np.arange(len(row_pair)) - np.repeat(np.cumsum(rows) - rows, rows)
    )
    row_run = barrier_run[row_pair]
    meets = (
        (ring_lo[0][row_ring] <= run_hi[0][row_run])
        & (run_lo[0][row_run] <= ring_hi[0][row_ring])
        & (ring_lo[1][row_ring] <= run_hi[1][row_run])
        & (run_lo[1][row_run] <= ring_hi[1][row_ring])
    )
    row_ring, row_run = row_ring[meets], row_run[meets]
    if not len(row_ring):
        return
    sizes = element_count[row_run]
    ends = np.cumsum(sizes)
    element_base = element_first[row_run]
    # Split the rows so each batch expands to about _CHUNK candidates.
    cuts = np.searchsorted(ends, np.arange(_CHUNK, ends[-1], _CHUNK), side="right")
    for begin, end in zip(np.append(0, cuts), np.append(cuts, len(sizes)), strict=True):
        if begin == end:
            continue
        size = sizes[begin:end]
        # Candidate k of row m: the row's ring segment, element k - start(m) of its run.
        column = np.arange(int(size.sum())) - np.repeat(np.cumsum(size) - size, size)
        ring_idx = np.repeat(row_ring[begin:end], size)
        element_idx = element_order[np.repeat(element_base[begin:end], size) + column]
        # Boxes overlap in x, then (of those) in y.
        near = (ring_lo[0][ring_idx] <= hi[0][element_idx]) & (
            lo[0][element_idx] <= ring_hi[0][ring_idx]
        )
        ring_idx, element_idx = ring_idx[near], element_idx[near]
        near = (ring_lo[1][ring_idx] <= hi[1][element_idx]) & (
            lo[1][element_idx] <= ring_hi[1][ring_idx]
        )
        if near.any():
            yield ring_idx[near], element_idx[near]


def _run_boxes(a: np.ndarray, b: np.ndarray, first: np.ndarray, pad: float) -> np.ndarray:
    """Boxes around runs of segments ``a[i]``-``b[i]`` (run k from ``first[k]``), grown by
    ``pad``."""
    lo = np.minimum.reduceat(np.minimum(a, b), first, axis=0) - pad
    hi = np.maximum.reduceat(np.maximum(a, b), first, axis=0) + pad
    return shapely.box(lo[:, 0], lo[:, 1], hi[:, 0], hi[:, 1])


def _clip_chunk(
    ring: RingSegments,
    elements: _Elements,
    columns: _Columns,
    ring_idx: np.ndarray,
    element_idx: np.ndarray,
    radius: float,
    max_angle_deg: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Clip one chunk of (ring segment, barrier element) pairs; see :func:`_intervals`."""
    v = columns
    n_seg = len(elements.p)
    out_line, out_begin, out_end, out_owner = [], [], [], []

    is_seg = element_idx < n_seg
    if is_seg.any():
        i = ring_idx[is_seg]
        j = element_idx[is_seg]
        abx, aby, dx, dy = v.abx[i], v.aby[i], v.dx[j], v.dy[j]
        along1 = abx * dx + aby * dy
        # Only segments running along the boundary cover it: the angle first, as it is cheap
        # and rules out the pairs that meet at an angle before the rest is computed.
        parallel = np.abs(along1) / v.ab_len[i] >= math.cos(math.radians(max_angle_deg)) - 1e-9
        i, j, abx, aby, dx, dy, along1 = (x[parallel] for x in (i, j, abx, aby, dx, dy, along1))
        apx, apy = v.ax[i] - v.px[j], v.ay[i] - v.py[j]
        along0 = apx * dx + apy * dy
        across0 = apx * -dy + apy * dx
        across1 = abx * -dy + aby * dx
        b1, e1 = _clip_linear(along0, along1, -_EPS, v.seg_len[j] + _EPS)
        b2, e2 = _clip_linear(across0, across1, -radius, radius)
        begin = np.maximum(np.maximum(b1, b2), 0.0)
        end = np.minimum(np.minimum(e1, e2), 1.0)
        ok = end > begin
        out_line.append(i[ok])
        out_begin.append(begin[ok])
        out_end.append(end[ok])
        out_owner.append(elements.seg_part[j[ok]])

    is_disc = ~is_seg
    if is_disc.any():
        i = ring_idx[is_disc]
        k = element_idx[is_disc] - n_seg
        dax, day = v.ax[i] - v.cx[k], v.ay[i] - v.cy[k]
        abx, aby = v.abx[i], v.aby[i]
        qa = v.ab_sq[i]
        qb = 2 * (dax * abx + day * aby)
        qc = (dax * dax + day * day) - radius * radius
        disc = qb * qb - 4 * qa * qc
        # Only a line that meets the disc can be covered by it.
        meets = disc > 0
        i, k, dax, day, abx, aby, qa, qb, disc = (
            x[meets] for x in (i, k, dax, day, abx, aby, qa, qb, disc)
        )
        root = np.sqrt(disc)
        # The wedge: past the end of the arriving segment, before the start of the leaving one.
        in_x, in_y, out_x, out_y = v.in_x[k], v.in_y[k], v.out_x[k], v.out_y[k]
        b1, e1 = _clip_linear(dax * in_x + day * in_y, abx * in_x + aby * in_y, -_EPS, np.inf)
        b2, e2 = _clip_linear(dax * out_x + day * out_y, abx * out_x + aby * out_y, -np.inf, _EPS)
        begin = np.maximum(np.maximum(np.maximum((-qb - root) / (2 * qa), b1), b2), 0.0)
        end = np.minimum(np.minimum(np.minimum((-qb + root) / (2 * qa), e1), e2), 1.0)
        ok = end > begin
        out_line.append(i[ok])
        out_begin.append(begin[ok])
        out_end.append(end[ok])
        out_owner.append(elements.c_part[k[ok]])

    seg = np.concatenate(out_line)
    u0, u1 = np.concatenate(out_begin), np.concatenate(out_end)
    return (
        ring.line[seg],
        ring.start[seg] + u0 * ring.length[seg],
        ring.start[seg] + u1 * ring.length[seg],
        np.concatenate(out_owner),
    )


def boundary_coverage(
    ring: RingSegments,
    barriers: list[BaseGeometry],
    offset: float,
    join: float,
    max_angle_deg: float = 45.0,
) -> Coverage:
    """Find the stretches of boundary rings that no barrier covers.

    Parameters
    ----------
    ring
        The boundary rings (metres) as segments.
    barriers
        Barrier lines (metres).
    offset
        A barrier within this distance of the boundary covers it (offset tolerance).
    join
        Openings up to this length count as joined (join tolerance).
    max_angle_deg
        Largest angle between a barrier segment and the boundary for it to count.

    Returns
    -------
    Coverage
        One :class:`Stretch` per opening longer than ``join``, its length being the distance
        along the boundary between the barrier ends on either side.
    """
    elements = _barrier_elements(barriers)
    lines, begins, ends, owners = _intervals(ring, elements, offset, max_angle_deg)
    covering = {int(elements.part_barrier[o]) for o in np.unique(owners)}
    gaps: list[Stretch] = []
    n_lines = len(ring.line_length)
    if len(lines):
        # A total order: which barrier bounds an opening must not depend on the order the
        # candidate pairs came in (two barriers may end at the same point).
        order = np.lexsort((owners, ends, begins, lines))
        lines, begins, ends, owners = lines[order], begins[order], ends[order], owners[order]
    for line in range(n_lines):
        total = float(ring.line_length[line])
        lo, hi = np.searchsorted(lines, [line, line + 1]) if len(lines) else (0, 0)
        if lo == hi:
            gaps.append(Stretch(line, 0.0, total, None, None))
            continue
        gaps.extend(
            _line_gaps(
                line,
                total,
                begins[lo:hi],
                ends[lo:hi],
                owners[lo:hi],
                join,
                bool(ring.closed[line]),
            )
        )
    gaps = [g for g in gaps if not _cuts_corner(ring, g, elements, offset, join)]
    for gap in gaps:
        # Stretches were built with barrier parts; report the barriers themselves.
        gap.before = None if gap.before is None else int(elements.part_barrier[gap.before])
        gap.after = None if gap.after is None else int(elements.part_barrier[gap.after])
    gap_length = float(sum(g.length for g in gaps))
    return Coverage(
        gaps=gaps, total_length=ring.total_length, gap_length=gap_length, covering=covering
    )


def _cuts_corner(
    ring: RingSegments, gap: Stretch, elements: _Elements, offset: float, join: float
) -> bool:
    """True when a continuous barrier merely cuts a corner of the boundary.

    A barrier running inside the boundary within tolerance cannot follow a convex corner: the
    corner point is farther from the barrier than the offset (offset x sqrt 2 at a right
    angle). That short stretch is no opening when one barrier line bounds it on both sides,
    none of its ends is near, and it stays within twice the offset of the stretch.
    """
    part = gap.before
    if part is None or part != gap.after or gap.length > 2 * (offset + join):
        return False
    line = elements.part_lines[part]
    stretch = ring.substring(gap.ring, gap.begin, gap.end)
    if not elements.part_closed[part]:
        ends = shapely.points(shapely.get_coordinates(line)[[0, -1]])
        if shapely.distance(ends, stretch).min() <= offset + join:
            return False
    dense = shapely.points(shapely.get_coordinates(shapely.segmentize(stretch, 0.25)))
    return bool(shapely.distance(dense, line).max() <= 2 * offset)


def _line_gaps(
    line: int,
    total: float,
    begins: np.ndarray,
    ends: np.ndarray,
    owners: np.ndarray,
    join: float,
    closed: bool,
) -> list[Stretch]:
    """Openings of one line from its covered intervals, sorted by begin."""
    # Group intervals that overlap or are at most `join` apart (vectorised running maximum).
    reach = np.maximum.accumulate(ends)
    starts_group = np.ones(len(begins), dtype=bool)
    starts_group[1:] = begins[1:] > reach[:-1] + join
    first = np.flatnonzero(starts_group)
    last = np.append(first[1:] - 1, len(begins) - 1)
    group_begin = begins[first]
    group_end = reach[last]
    group_of = np.cumsum(starts_group) - 1
    # The barrier that reaches furthest in each group bounds the next opening.
    best = np.lexsort((ends, group_of))
    sorted_groups = group_of[best]
    last_of_group = np.flatnonzero(np.append(sorted_groups[1:] != sorted_groups[:-1], True))
    end_owner = owners[best[last_of_group]]
    begin_owner = owners[first]
    gaps: list[Stretch] = []
    for g in range(len(first) - 1):
        gaps.append(
            Stretch(
                line,
                float(group_end[g]),
                float(group_begin[g + 1]),
                int(end_owner[g]),
                int(begin_owner[g + 1]),
            )
        )
    head, tail = float(group_begin[0]), float(group_end[-1])
    if closed:
        # The opening through the ring's first vertex, unless it is joined or covered.
        if head + total - tail > join:
            gaps.append(Stretch(line, tail, head + total, int(end_owner[-1]), int(begin_owner[0])))
    else:
        if head > join:
            gaps.insert(0, Stretch(line, 0.0, head, None, int(begin_owner[0])))
        if total - tail > join:
            gaps.append(Stretch(line, tail, total, int(end_owner[-1]), None))
    return gaps
