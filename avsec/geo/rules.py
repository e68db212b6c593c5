"""The eight geometry rules (docs/architecture.md, *Geometry rules*), each over a :class:`PreparedLayout` in metres.

Severities, fixed per rule (the clear zone rule by what stands in it):

===========================  ==========  ==================================================
rule                         severity    why
===========================  ==========  ==================================================
perimeter_gap                critical    an open stretch of perimeter is a way in (A17 4.2.1)
uncontrolled_access_point    critical    an open gate into airside/SRA is a way in
uncontrolled_crossing        major       a road through the boundary with no mapped gate:
                                         either an unmapped gate or an unguarded entry
barrier_below_height         major       the barrier exists but is easy to climb
sra_outside_airside          major       SRA controls depend on airside controls around it
critical_part_outside_sra    major       the sterile area is not inside an SRA
clear_zone_obstruction       major       a building, structure or container next to the
                             / minor     fence is a climbing aid (major); parking, trees,
                                         vegetation, poles and other obstacles hide people
                                         and block patrols (minor)
access_point_off_boundary    minor       mostly a mapping problem: a gate that controls no
                                         zone boundary
===========================  ==========  ==================================================

Measurement choices beyond the rule table of docs/architecture.md:

- perimeter_gap: see :mod:`avsec.geo.perimeter` (flat-capped tolerance, corner allowance).
  An access point within the offset tolerance of an opening closes its ``width_m`` of it
  (default :data:`GATE_WIDTH_M` by mode); the finding's value is the opening less the widths
  of its gates, and an opening the gates close entirely (to within the join tolerance) is no
  finding.
- uncontrolled_crossing: one finding per crossing point (points of one road within 1 m are one);
  value -1 when the layout has no access point at all, so there is no distance to give.
- uncontrolled_access_point: an access point leads into a secure zone when it lies within
  ``access_point_boundary_m`` of that zone's boundary or inside it.
- access_point_off_boundary: distance to the nearest boundary of any zone, landside included.
- sra_outside_airside, critical_part_outside_sra: one finding per zone feature; outside parts
  narrower than twice the join tolerance are digitising slivers and do not count.
- clear_zone_obstruction: perimeter barriers are those covering part of the airside boundary
  (every barrier when the layout has no airside); one finding per obstruction, nearest barrier.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from avsec.core.assessment import RuleParameters
from avsec.core.i18n import N_, LangText
from avsec.core.layout import Kind
from avsec.core.notices import Notice
from avsec.geo import messages
from avsec.geo.perimeter import Coverage, boundary_coverage
from avsec.geo.prepared import SECURE_ZONES, ZONE_ORDER, PreparedLayout

SEVERITY: dict[str, str] = {
    "perimeter_gap": "critical",
    "uncontrolled_access_point": "critical",
    "uncontrolled_crossing": "major",
    "barrier_below_height": "major",
    "sra_outside_airside": "major",
    "critical_part_outside_sra": "major",
    "clear_zone_obstruction": "major",
    "access_point_off_boundary": "minor",
}
#: Width (metres) an access point closes in a perimeter opening when it has no ``width_m``: a
#: vehicle gate's leaf, a pedestrian door. An unknown mode counts as the narrower one, so a
#: gate of unknown kind never hides an opening.
GATE_WIDTH_M = {"vehicle": 6.0, "mixed": 6.0, "pedestrian": 1.2}
#: Obstacles that a person can climb from: they make a clear-zone obstruction major.
CLIMBABLE_OBSTACLES = ("structure", "container")
#: Crossing points of one road closer than this (metres) are one crossing.
SAME_CROSSING_M = 1.0
#: Smallest area (m²) reported by the containment rules: below it is floating-point noise.
MIN_AREA_M2 = 1e-6


@dataclass
class Pending:
    """A finding measured in metres, before projection back to lon/lat."""

    rule: str
    severity: str
    value: float
    unit: str
    xy: tuple[float, float]
    geometry: BaseGeometry
    features: list[str]
    message: LangText


@dataclass
class RuleContext:
    """What the rules share: the layout, the parameters and intermediate results."""

    layout: PreparedLayout
    parameters: RuleParameters
    coverage: Coverage | None = None
    #: Positions (into layout.features) of the barriers that cover the airside boundary.
    perimeter_barriers: np.ndarray | None = None
    notes: dict[str, Any] = field(default_factory=dict)


def _height(value: Any) -> float | None:
    """A barrier height in metres from a number or a numeric string, else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, str):
        try:
            number = float(value.strip().removesuffix("m").strip().replace(",", "."))
        except ValueError:
            return None
        return number if np.isfinite(number) else None
    return None


def _ids(*groups: list[str]) -> list[str]:
    out: list[str] = []
    for group in groups:
        for fid in group:
            if fid not in out:
                out.append(fid)
    return out


def gate_width(properties: dict[str, Any]) -> float:
    """The width an access point closes: its ``width_m``, else the default for its mode."""
    width = _height(properties.get("width_m"))
    if width is not None and width > 0:
        return width
    return GATE_WIDTH_M.get(str(properties.get("mode")), GATE_WIDTH_M["pedestrian"])


def _gates_in_openings(ctx: RuleContext, openings: list[BaseGeometry]) -> list[list[int]]:
    """For each opening, the access points (layout positions) lying in it; each gate once."""
    layout, offset = ctx.layout, ctx.parameters.perimeter_offset_tolerance_m
    points = layout.indexes(Kind.ACCESS_POINT)
    out: list[list[int]] = [[] for _ in openings]
    if not len(points) or not openings:
        return out
    taken: set[int] = set()
    tree = STRtree(openings)
    geoms = layout.geoms[np.asarray(points, dtype=np.intp)]
    # Every gate's openings within the offset in one query, and their distances in one call.
    gate_of, near = tree.query(geoms, predicate="dwithin", distance=offset)
    order = np.argsort(gate_of, kind="stable")
    gate_of, near = gate_of[order], near[order]
    distance = shapely.distance(np.asarray(openings, dtype=object)[near], geoms[gate_of])
    starts = np.searchsorted(gate_of, np.arange(len(points) + 1))
    for g, position in enumerate(points):
        lo, hi = int(starts[g]), int(starts[g + 1])
        if lo == hi or position in taken:
            continue
        closest = distance[lo:hi]
        ties = np.flatnonzero(closest == closest.min())
        if len(ties) == 1:
            best = int(near[lo + ties[0]])
        else:
            # Equally near openings: the first the tree gives for this gate alone, as before.
            own = tree.query(geoms[g], predicate="dwithin", distance=offset)
            best = int(min(own, key=lambda k: shapely.distance(openings[k], geoms[g])))
        out[best].append(int(position))
        taken.add(int(position))
    return out


def _midpoint(geom: BaseGeometry) -> tuple[float, float]:
    point = shapely.line_interpolate_point(geom, 0.5, normalized=True)
    if point is None or point.is_empty:
        point = geom.representative_point()
    return float(point.x), float(point.y)


# --- the rules ----------------------------------------------------------------------------


def perimeter_gap(ctx: RuleContext) -> list[Pending]:
    """Stretches of the airside boundary with no barrier within the offset tolerance."""
    layout, params = ctx.layout, ctx.parameters
    ring = layout.boundary(Kind.AIRSIDE)
    barrier_idx = layout.indexes(Kind.BARRIER)
    if not len(ring):
        ctx.notes["perimeter_gap"] = Notice(N_("no airside zone in the layout"))
        ctx.perimeter_barriers = barrier_idx
        return []
    coverage = boundary_coverage(
        ring,
        list(layout.geoms[barrier_idx]),
        offset=params.perimeter_offset_tolerance_m,
        join=params.perimeter_join_tolerance_m,
    )
    ctx.coverage = coverage
    ctx.perimeter_barriers = barrier_idx[sorted(coverage.covering)]
    openings = [ring.substring(gap.ring, gap.begin, gap.end) for gap in coverage.gaps]
    out = []
    for gap, opening, gates in zip(
        coverage.gaps, openings, _gates_in_openings(ctx, openings), strict=True
    ):
        widths = [(layout.features[g], gate_width(layout.features[g].properties)) for g in gates]
        remaining = gap.length - sum(width for _, width in widths)
        if widths and remaining <= params.perimeter_join_tolerance_m:
            continue  # the gates close the opening: a controlled way through, not a gap
        xy = ring.point_at(gap.ring, gap.begin + gap.length / 2)
        bounding = [
            layout.features[barrier_idx[i]].id for i in (gap.before, gap.after) if i is not None
        ]
        zone_ids = layout.zone_features_at(Point(xy), [Kind.AIRSIDE])
        out.append(
            Pending(
                rule="perimeter_gap",
                severity=SEVERITY["perimeter_gap"],
                value=max(remaining, 0.0),
                unit="m",
                xy=xy,
                geometry=opening,
                features=_ids(zone_ids, bounding, [f.id for f, _ in widths]),
                message=messages.perimeter_gap(
                    remaining,
                    params.perimeter_offset_tolerance_m,
                    gap.length,
                    [(messages.names_of(f), width) for f, width in widths],
                ),
            )
        )
    return out


def barrier_below_height(ctx: RuleContext) -> list[Pending]:
    """Barriers whose ``height_m`` is below the minimum."""
    layout, minimum = ctx.layout, ctx.parameters.min_barrier_height_m
    out = []
    for i in layout.indexes(Kind.BARRIER):
        feature = layout.features[i]
        height = _height(feature.properties.get("height_m"))
        if height is None or height >= minimum:
            continue
        geom = layout.geoms[i]
        length = float(geom.length)
        out.append(
            Pending(
                rule="barrier_below_height",
                severity=SEVERITY["barrier_below_height"],
                value=length,
                unit="m",
                xy=_midpoint(geom),
                geometry=geom,
                features=[feature.id],
                message=messages.barrier_below_height(
                    length, height, minimum, messages.names_of(feature)
                ),
            )
        )
    return out


def uncontrolled_crossing(ctx: RuleContext) -> list[Pending]:
    """Roads crossing a secure zone boundary with no access point nearby."""
    layout, radius = ctx.layout, ctx.parameters.crossing_access_radius_m
    road_idx = layout.indexes(Kind.ROAD)
    if not len(road_idx):
        return []
    roads = layout.geoms[road_idx]
    rank = {str(k): r for r, k in enumerate(ZONE_ORDER)}
    crossings: dict[int, list[tuple[float, float, str]]] = {}
    for kind in SECURE_ZONES:
        boundary = layout.boundary(kind)
        if not len(boundary):
            continue
        road_pos, chunk_pos = boundary.tree.query(roads, predicate="intersects")
        if not len(road_pos):
            continue
        hits = shapely.intersection(roads[road_pos], boundary.chunks[chunk_pos])
        for road, hit in zip(road_pos, hits, strict=True):
            # Only points: a road running along the boundary does not cross it.
            for part in shapely.get_parts(hit):
                if part.geom_type != "Point":
                    continue
                found = crossings.setdefault(int(road), [])
                for n, (x, y, zone) in enumerate(found):
                    if np.hypot(x - part.x, y - part.y) <= SAME_CROSSING_M:
                        if rank[str(kind)] < rank[zone]:
                            found[n] = (x, y, str(kind))
                        break
                else:
                    found.append((part.x, part.y, str(kind)))
    if not crossings:
        return []
    points_xy = [
        (road, x, y, zone) for road, pts in sorted(crossings.items()) for x, y, zone in pts
    ]
    points = shapely.points([(x, y) for _, x, y, _ in points_xy])
    ap_idx = layout.indexes(Kind.ACCESS_POINT)
    if len(ap_idx):
        _, distances = STRtree(layout.geoms[ap_idx]).query_nearest(
            points, return_distance=True, all_matches=False
        )
    else:
        distances = np.full(len(points), np.inf)
    out = []
    for (road, x, y, zone), point, distance in zip(points_xy, points, distances, strict=True):
        if distance <= radius:
            continue
        feature = layout.features[road_idx[road]]
        known = bool(np.isfinite(distance))
        out.append(
            Pending(
                rule="uncontrolled_crossing",
                severity=SEVERITY["uncontrolled_crossing"],
                # -1 says "no access point in the layout": there is no distance to give.
                value=float(distance) if known else -1.0,
                unit="m",
                xy=(x, y),
                geometry=point,
                features=_ids([feature.id], layout.zone_features_at(point, [zone])),
                message=messages.uncontrolled_crossing(
                    float(distance) if known else None, radius, zone, messages.names_of(feature)
                ),
            )
        )
    return out


def _boundary_distances(
    layout: PreparedLayout, points: np.ndarray, near: float
) -> dict[str, np.ndarray]:
    """Distance from each point to the boundary of the zones of each kind (inf: none).

    Exact where the point lies within ``near`` of that boundary. Beyond it, only the distance
    to the nearest boundary of any kind is exact (the other kinds stay inf): that is all the
    rules need. A point near a boundary costs one lookup within ``near``; only the points far
    from every boundary need a nearest search, which from deep inside a zone visits many
    stretches of a long ring at about the same distance, so it runs once over every kind's
    boundary together rather than once per kind and per point.
    """
    index = layout.boundary_index()
    out = {kind: np.full(len(points), np.inf) for kind in index.kinds}
    if index.tree is None or not len(points):
        return out
    point_pos, chunk_pos = index.tree.query(points, predicate="dwithin", distance=near)
    if len(point_pos):
        distance = shapely.distance(points[point_pos], index.chunks[chunk_pos])
        chunk_kind = index.kind[chunk_pos]
        for n, kind in enumerate(index.kinds):
            mine = chunk_kind == n
            np.minimum.at(out[kind], point_pos[mine], distance[mine])
    far = np.flatnonzero(~np.isfinite(np.minimum.reduce(list(out.values()))))
    if len(far):
        (far_pos, chunk_pos), distance = index.tree.query_nearest(
            points[far], return_distance=True, all_matches=False
        )
        for n, kind in enumerate(index.kinds):
            mine = index.kind[chunk_pos] == n
            out[kind][far[far_pos[mine]]] = distance[mine]
    return out


def access_points(ctx: RuleContext) -> list[Pending]:
    """``uncontrolled_access_point`` and ``access_point_off_boundary`` in one pass.

    An access point leads into a secure zone (airside, SRA, critical part) when it lies within
    ``access_point_boundary_m`` of that zone's boundary, or inside the zone.
    """
    layout, params = ctx.layout, ctx.parameters
    ap_idx = layout.indexes(Kind.ACCESS_POINT)
    if not len(ap_idx):
        return []
    points = layout.geoms[ap_idx]
    limit = params.access_point_boundary_m
    distance = _boundary_distances(layout, points, limit)
    nearest = np.minimum.reduce(list(distance.values()))
    secure_order = [str(k) for k in ZONE_ORDER if k in SECURE_ZONES]
    into: dict[str, np.ndarray] = {}
    for kind in secure_order:
        into[kind] = distance[kind] <= limit
        zone = layout.zone(kind)
        if zone is not None:
            into[kind] |= shapely.covers(zone, points)
    controls = [
        str(layout.features[i].properties.get("control") or "").strip().lower() for i in ap_idx
    ]
    uncontrolled = np.array([control == "uncontrolled" for control in controls])
    off = np.isfinite(nearest) & (nearest > limit)
    # Only the access points with a finding are visited one by one (thousands have none).
    candidates = np.flatnonzero(off | (uncontrolled & np.logical_or.reduce(list(into.values()))))
    out = []
    for n in candidates:
        feature = layout.features[ap_idx[n]]
        point = points[n]
        control = controls[n]
        zone_into = next((kind for kind in secure_order if into[kind][n]), None)
        if control == "uncontrolled" and zone_into is not None:
            out.append(
                Pending(
                    rule="uncontrolled_access_point",
                    severity=SEVERITY["uncontrolled_access_point"],
                    value=0.0,
                    unit="m",
                    xy=(point.x, point.y),
                    geometry=point,
                    features=[feature.id],
                    message=messages.uncontrolled_access_point(
                        zone_into, messages.names_of(feature)
                    ),
                )
            )
        if np.isfinite(nearest[n]) and nearest[n] > limit:
            out.append(
                Pending(
                    rule="access_point_off_boundary",
                    severity=SEVERITY["access_point_off_boundary"],
                    value=float(nearest[n]),
                    unit="m",
                    xy=(point.x, point.y),
                    geometry=point,
                    features=[feature.id],
                    message=messages.access_point_off_boundary(
                        float(nearest[n]), limit, messages.names_of(feature)
                    ),
                )
            )
    if not np.isfinite(nearest).any():
        ctx.notes["access_point_off_boundary"] = Notice(N_("no zone in the layout"))
    return out


def _outside(
    ctx: RuleContext,
    kind: str,
    container: str,
    rule: str,
    message: Callable[[float, str | LangText], LangText],
) -> list[Pending]:
    """Parts of zones of ``kind`` outside the union of zones of ``container``."""
    layout = ctx.layout
    idx = layout.indexes(kind)
    if not len(idx):
        return []
    union = layout.zone(container)
    geoms = layout.geoms[idx]
    if union is None:
        outside = geoms
    else:
        # The prepared union answers "fully inside" fast; only the rest needs an overlay.
        outside = np.array([shapely.Polygon()] * len(idx), dtype=object)
        partly = np.flatnonzero(~shapely.covers(union, geoms))
        if len(partly):
            outside[partly] = shapely.difference(geoms[partly], union)
    # Slivers narrower than twice the join tolerance are digitising noise, not a finding.
    half_width = ctx.parameters.perimeter_join_tolerance_m
    out = []
    for n, i in enumerate(idx):
        parts = [
            p
            for p in shapely.get_parts(outside[n])
            if p.geom_type == "Polygon"
            and p.area > MIN_AREA_M2
            and (half_width <= 0 or not shapely.buffer(p, -half_width).is_empty)
        ]
        if not parts:
            continue
        area = float(sum(p.area for p in parts))
        largest = max(parts, key=lambda p: p.area)
        where = largest.representative_point()
        feature = layout.features[i]
        out.append(
            Pending(
                rule=rule,
                severity=SEVERITY[rule],
                value=area,
                unit="m2",
                xy=(where.x, where.y),
                geometry=parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts),
                features=[feature.id],
                message=message(area, messages.names_of(feature)),
            )
        )
    return out


def sra_outside_airside(ctx: RuleContext) -> list[Pending]:
    """Parts of SRAs outside airside."""
    return _outside(
        ctx, Kind.SRA, Kind.AIRSIDE, "sra_outside_airside", messages.sra_outside_airside
    )


def critical_part_outside_sra(ctx: RuleContext) -> list[Pending]:
    """Parts of critical parts outside every SRA."""
    return _outside(
        ctx,
        Kind.CRITICAL_PART,
        Kind.SRA,
        "critical_part_outside_sra",
        messages.critical_part_outside_sra,
    )


def clear_zone_obstruction(ctx: RuleContext) -> list[Pending]:
    """Buildings, parking and obstacles within the clear zone of a perimeter barrier.

    Perimeter barriers are those covering part of the airside boundary; without an airside
    zone every barrier counts.
    """
    layout, clear = ctx.layout, ctx.parameters.clear_zone_m
    barriers = ctx.perimeter_barriers
    if barriers is None:
        barriers = layout.indexes(Kind.BARRIER)
    obstruction_idx = np.concatenate(
        [layout.indexes(k) for k in (Kind.BUILDING, Kind.PARKING, Kind.OBSTACLE)]
    )
    if not len(barriers) or not len(obstruction_idx):
        return []
    obstructions = layout.geoms[obstruction_idx]
    barrier_geoms = layout.geoms[barriers]
    obs_pos, bar_pos = STRtree(barrier_geoms).query(
        obstructions, predicate="dwithin", distance=clear
    )
    if not len(obs_pos):
        return []
    distances = shapely.distance(obstructions[obs_pos], barrier_geoms[bar_pos])
    nearest: dict[int, tuple[float, int]] = {}
    for o, b, d in zip(obs_pos, bar_pos, distances, strict=True):
        if int(o) not in nearest or d < nearest[int(o)][0]:
            nearest[int(o)] = (float(d), int(b))
    out = []
    for o in sorted(nearest):
        distance, b = nearest[o]
        feature = layout.features[obstruction_idx[o]]
        barrier = layout.features[barriers[b]]
        link = shapely.shortest_line(obstructions[o], barrier_geoms[b])
        x, y = shapely.get_coordinates(link)[0]
        climbable = feature.kind == Kind.BUILDING or (
            feature.kind == Kind.OBSTACLE
            and str(feature.properties.get("obstacle") or "") in CLIMBABLE_OBSTACLES
        )
        out.append(
            Pending(
                rule="clear_zone_obstruction",
                severity="major" if climbable else "minor",
                value=distance,
                unit="m",
                xy=(float(x), float(y)),
                geometry=obstructions[o],
                features=[feature.id, barrier.id],
                message=messages.clear_zone_obstruction(
                    feature.kind, distance, clear, messages.names_of(feature)
                ),
            )
        )
    return out


#: Rules in the order they run; perimeter_gap first, its coverage feeds the clear zone rule.
RULES: tuple[Callable[[RuleContext], list[Pending]], ...] = (
    perimeter_gap,
    barrier_below_height,
    uncontrolled_crossing,
    access_points,
    sra_outside_airside,
    critical_part_outside_sra,
    clear_zone_obstruction,
)
