"""A layout projected to metres once, with the zone unions and indexes the rules share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from avsec.core.i18n import N_
from avsec.core.layout import GEOMETRY_TYPES, ZONE_KINDS, Feature, Kind
from avsec.core.notices import Notice, Number
from avsec.geo.coordinates import CleanGeometries, clean_arrays
from avsec.geo.projection import LocalProjection
from avsec.geo.segments import RingSegments
from avsec.geo.validate import DEGENERATE_M, great_circle_m

#: Zones from the most to the least sensitive; a finding takes the first one it lies in.
ZONE_ORDER = (Kind.CRITICAL_PART, Kind.SRA, Kind.AIRSIDE, Kind.LANDSIDE)
#: Zones whose boundary an access point or a road crossing leads into.
SECURE_ZONES = (Kind.AIRSIDE, Kind.SRA, Kind.CRITICAL_PART)
#: A point this close to a zone (metres) lies in it: absorbs rounding of points on a boundary.
ON_BOUNDARY_M = 0.01
#: An airport position farther than this from the layout is not the layout's airport.
MAX_CENTRE_OFFSET_M = 100_000.0


@dataclass
class BoundaryIndex:
    """One STRtree over the boundary chunks of several zone kinds.

    Attributes
    ----------
    kinds
        The zone kinds, in the order given.
    chunks
        Every kind's :attr:`RingSegments.chunks`, one after the other.
    kind
        For each chunk, the position of its kind in ``kinds``.
    tree
        An STRtree over ``chunks``; None when no kind has a boundary.
    """

    kinds: tuple[str, ...]
    chunks: np.ndarray
    kind: np.ndarray
    tree: STRtree | None


@dataclass
class PreparedLayout:
    """The analysable part of a layout in local metres.

    Attributes
    ----------
    projection
        The local azimuthal-equidistant projection used.
    features
        Features with a known kind and a usable geometry, in layout order.
    geoms
        Their geometries in metres (2D), aligned with ``features``.
    ignored
        ``(feature id, reason)`` for every feature left out of the analysis.
    """

    projection: LocalProjection
    features: list[Feature]
    geoms: np.ndarray
    ignored: list[tuple[str, str]] = field(default_factory=list)
    #: Why the projection is not centred where the caller asked ("" when it is): a Notice,
    #: translated where it is shown.
    centre_note: str = ""
    _by_kind: dict[str, np.ndarray] = field(default_factory=dict)
    _zones: dict[str, BaseGeometry | None] = field(default_factory=dict)
    _boundaries: dict[str, RingSegments] = field(default_factory=dict)
    _zone_trees: dict[str, STRtree] = field(default_factory=dict)
    _boundary_index: BoundaryIndex | None = None

    def indexes(self, kind: str) -> np.ndarray:
        """Positions (into ``features``/``geoms``) of the features of ``kind``."""
        if kind not in self._by_kind:
            self._by_kind[kind] = np.array(
                [i for i, f in enumerate(self.features) if f.kind == kind], dtype=np.intp
            )
        return self._by_kind[kind]

    def zone(self, kind: str) -> BaseGeometry | None:
        """The union of every zone of ``kind`` (prepared), or None when the layout has none."""
        if kind not in self._zones:
            idx = self.indexes(kind)
            union = _union(self.geoms[idx]) if len(idx) else None
            if union is not None and union.is_empty:
                union = None
            if union is not None:
                shapely.prepare(union)
            self._zones[kind] = union
        return self._zones[kind]

    def boundary(self, kind: str) -> RingSegments:
        """The rings of the boundary of the union of zones of ``kind``, as segments."""
        if kind not in self._boundaries:
            union = self.zone(kind)
            rings = [] if union is None else list(shapely.get_parts(union.boundary))
            self._boundaries[kind] = RingSegments.from_lines(rings)
        return self._boundaries[kind]

    def boundary_index(self) -> BoundaryIndex:
        """The boundaries of every zone kind (:data:`ZONE_ORDER`) in one STRtree.

        A nearest-boundary search from a point deep inside a zone visits many stretches of a
        long ring that lie at about the same distance; one search over every kind's boundary
        pays that once rather than once per kind.
        """
        if self._boundary_index is None:
            kinds = tuple(str(k) for k in ZONE_ORDER)
            parts = [self.boundary(k).chunks for k in kinds]
            chunks = np.concatenate(parts) if parts else np.array([], dtype=object)
            kind = np.repeat(np.arange(len(kinds)), [len(p) for p in parts])
            tree = STRtree(chunks) if len(chunks) else None
            self._boundary_index = BoundaryIndex(kinds, chunks, kind, tree)
        return self._boundary_index

    def zone_at(self, points: np.ndarray) -> list[str]:
        """The most sensitive zone each point lies in (boundary included), or ""."""
        out = [""] * len(points)
        if not len(points):
            return out
        for kind in reversed(ZONE_ORDER):
            union = self.zone(kind)
            if union is None:
                continue
            inside = shapely.dwithin(union, points, ON_BOUNDARY_M)
            for i in np.flatnonzero(inside):
                out[i] = str(kind)
        return out

    def zone_features_at(self, point: BaseGeometry, kinds: Sequence[str]) -> list[str]:
        """Ids of the zone features of ``kinds`` that contain or touch ``point``."""
        ids: list[str] = []
        for kind in kinds:
            idx = self.indexes(kind)
            if not len(idx):
                continue
            if kind not in self._zone_trees:
                # Prepared zones answer distance questions through their own edge index,
                # which a zone of a hundred thousand vertices needs.
                shapely.prepare(self.geoms[idx])
                self._zone_trees[kind] = STRtree(self.geoms[idx])
            near = self._zone_trees[kind].query(point.buffer(ON_BOUNDARY_M).envelope)
            hits = near[shapely.dwithin(self.geoms[idx[near]], point, ON_BOUNDARY_M)]
            ids.extend(self.features[idx[h]].id for h in sorted(hits))
        return ids


def _union(geoms: np.ndarray) -> BaseGeometry:
    """The union of zone polygons.

    Zones of one kind are mostly apart (landside parcels, SRAs around the field), and a
    union that first splits its input into groups that do not touch grows about linearly
    with them, where ``union_all`` of hundreds of parcels grew about 5x per 4x more. Shapely
    before 2.1 has no such union and falls back on ``union_all``.
    """
    union = getattr(shapely, "disjoint_subset_union_all", shapely.union_all)
    return union(geoms)


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Repair an invalid (e.g. self-intersecting) polygon, keeping its polygonal parts."""
    repaired = shapely.make_valid(geom)
    parts = [p for p in shapely.get_parts(repaired) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def _xy(coords: object, depth: int) -> np.ndarray | None:
    """Coordinates as an (n, 2) float array, or None when they are not a clean nesting."""
    try:
        array = np.asarray(coords, dtype=float)
    except (ValueError, TypeError):
        return None
    if array.ndim != depth or array.shape[-1] < 2 or not np.isfinite(array).all():
        return None
    return array.reshape(-1, array.shape[-1])[:, :2]


def _parse_geometries(features: Sequence[Feature]) -> list[BaseGeometry | str]:
    """Shapely geometries of the features, or the reason one cannot be read.

    Points, lines and polygons (nearly every feature) are built in three vectorised calls from
    numpy arrays: an order of magnitude faster than ``shape`` per feature on a large layout.
    Anything else, and anything that does not convert cleanly, goes through ``shape`` on its
    own so a bad feature is named rather than failing the whole layout.
    """
    out: list[BaseGeometry | str | None] = [None] * len(features)
    geometries = [f.geometry if isinstance(f.geometry, dict) else {} for f in features]
    clean = clean_arrays(geometries)
    if clean is not None:
        _build_clean(clean, out)
    points: list[tuple[int, np.ndarray]] = []
    lines: list[tuple[int, np.ndarray]] = []
    polygons: list[tuple[int, list[np.ndarray]]] = []
    for n in range(len(features)) if clean is None else clean.others:
        geometry = geometries[n]
        gtype, coords = geometry.get("type"), geometry.get("coordinates")
        if gtype == "Point":
            xy = _xy(coords, 1)
            if xy is not None:
                points.append((n, xy))
        elif gtype == "LineString":
            xy = _xy(coords, 2)
            if xy is not None and len(xy) >= 2:
                lines.append((n, xy))
        elif gtype == "Polygon" and isinstance(coords, list) and coords:
            rings = [_xy(ring, 2) for ring in coords]
            kept = [r for r in rings if r is not None and len(r) >= 4 and (r[0] == r[-1]).all()]
            if len(kept) == len(rings):
                polygons.append((n, kept))
    if points:
        made = shapely.points(np.vstack([xy for _, xy in points]))
        for (n, _), geom in zip(points, made, strict=True):
            out[n] = geom
    if lines:
        made = shapely.linestrings(
            np.vstack([xy for _, xy in lines]),
            indices=np.repeat(np.arange(len(lines)), [len(xy) for _, xy in lines]),
        )
        for (n, _), geom in zip(lines, made, strict=True):
            out[n] = geom
    if polygons:
        every_ring = [ring for _, polygon in polygons for ring in polygon]
        linear = shapely.linearrings(
            np.vstack(every_ring),
            indices=np.repeat(np.arange(len(every_ring)), [len(r) for r in every_ring]),
        )
        made = shapely.polygons(
            linear, indices=np.repeat(np.arange(len(polygons)), [len(p) for _, p in polygons])
        )
        for (n, _), geom in zip(polygons, made, strict=True):
            out[n] = geom
    for n, geom in enumerate(out):
        if geom is None:
            try:
                out[n] = shape(features[n].geometry)
            except Exception as exc:  # noqa: BLE001 - any malformed mapping is reported, not raised
                out[n] = str(exc) or type(exc).__name__
    return [g for g in out if g is not None]


def _build_clean(clean: CleanGeometries, out: list[BaseGeometry | str | None]) -> None:
    """Shapely geometries of :func:`clean_arrays`'s points, lines and polygons into ``out``."""
    if clean.points:
        for n, geom in zip(clean.points, shapely.points(clean.point_xy), strict=True):
            out[n] = geom
    if clean.lines:
        indices = np.repeat(np.arange(len(clean.lines)), clean.line_counts)
        made = shapely.linestrings(clean.line_xy, indices=indices)
        for n, geom in zip(clean.lines, made, strict=True):
            out[n] = geom
    if clean.polygons:
        rings = np.repeat(np.arange(len(clean.ring_counts)), clean.ring_counts)
        linear = shapely.linearrings(clean.ring_xy, indices=rings)
        owners = np.repeat(np.arange(len(clean.polygons)), clean.polygon_rings)
        made = shapely.polygons(linear, indices=owners)
        for n, geom in zip(clean.polygons, made, strict=True):
            out[n] = geom


def parse_geometries(features: Sequence[Feature]) -> list[BaseGeometry | str]:
    """Shapely geometries (lon/lat) of ``features``, or for each one that cannot be read the
    reason; the vectorised reading of :func:`prepare_layout`, shared with the report's maps."""
    return _parse_geometries(features)


def _degenerate(geoms: np.ndarray) -> list[str]:
    """Why each metre geometry is degenerate, or "" (points never are).

    A line is when all its points lie within :data:`DEGENERATE_M` of its first one; a polygon
    when it is thinner than that (twice its area over its perimeter), empty included.
    """
    reasons = [""] * len(geoms)
    types = shapely.get_type_id(geoms)
    lines = np.flatnonzero(np.isin(types, (1, 2, 5)))  # LineString, LinearRing, MultiLineString
    if len(lines):
        xy, owner = shapely.get_coordinates(geoms[lines], return_index=True)
        counts = np.bincount(owner, minlength=len(lines))
        first = np.cumsum(counts) - counts
        offset = xy - xy[first[owner]]
        extent = np.zeros(len(lines))
        np.maximum.at(extent, owner, np.hypot(offset[:, 0], offset[:, 1]))
        for i in lines[extent < DEGENERATE_M]:
            reasons[i] = (
                f"zero-length {geoms[i].geom_type}: all its points lie within 1 cm of its first"
            )
    polygons = np.flatnonzero(np.isin(types, (3, 6)))  # Polygon, MultiPolygon
    if len(polygons):
        perimeter = shapely.length(geoms[polygons])
        with np.errstate(divide="ignore", invalid="ignore"):
            width = np.where(perimeter > 0, 2 * shapely.area(geoms[polygons]) / perimeter, 0.0)
        for i in polygons[width < DEGENERATE_M]:
            reasons[i] = f"{geoms[i].geom_type} of no area (thinner than 1 cm)"
    return reasons


def prepare_layout(
    features: Sequence[Feature], centre: tuple[float, float] | None = None
) -> PreparedLayout:
    """Project the analysable features of a layout to metres.

    Features of an unknown kind, or whose geometry is missing, malformed, empty, degenerate (a
    line whose points all lie within 1 cm of its first, a polygon thinner than 1 cm) or of a
    type their kind does not take, are left out and listed in ``ignored`` (imports already
    refused or warned about them; the analysis must not fail on a layout edited by hand, nor
    report a zero-length fence as too low or a zero-area building as blocking the clear zone).

    Parameters
    ----------
    features
        The layout, geometries in WGS84 lon/lat.
    centre
        (lon, lat) of the projection; the centre of the layout's bounding box when None.
    """
    kept: list[Feature] = []
    lonlat: list[BaseGeometry] = []
    ignored: list[tuple[str, str]] = []
    known = [f for f in features if f.kind in GEOMETRY_TYPES]
    ignored.extend(
        (f.id, f"unknown kind {f.kind!r}") for f in features if f.kind not in GEOMETRY_TYPES
    )
    parsed = _parse_geometries(known)
    for feature, geom in zip(known, parsed, strict=True):
        allowed = GEOMETRY_TYPES[feature.kind]
        if isinstance(geom, str):
            ignored.append((feature.id, f"unusable geometry ({geom})"))
            continue
        if geom.is_empty or geom.geom_type not in allowed:
            ignored.append(
                (feature.id, f"{geom.geom_type} geometry is not usable as {feature.kind}")
            )
            continue
        kept.append(feature)
        lonlat.append(geom)
    array = np.array(lonlat, dtype=object) if lonlat else np.array([], dtype=object)
    # Only geometries read through ``shape`` can carry a z; copying every other one would
    # only make garbage on a large layout.
    with_z = np.flatnonzero(shapely.has_z(array)) if len(array) else np.zeros(0, dtype=np.intp)
    if len(with_z):
        array[with_z] = shapely.force_2d(array[with_z])
    layout_centre = (0.0, 0.0)
    if len(array):
        minx, miny, maxx, maxy = shapely.total_bounds(array)
        layout_centre = ((minx + maxx) / 2, (miny + maxy) / 2)
    note = Notice("")
    if centre is None:
        centre = layout_centre
    elif len(array) and great_circle_m(centre, layout_centre) > MAX_CENTRE_OFFSET_M:
        # A wrong airport position would distort every measure; the layout knows better.
        note = Notice(
            N_(
                "the airport position {position} is {km} km from the layout; measured around "
                "the layout's centre instead"
            ),
            position=f"({centre[0]:.4f}, {centre[1]:.4f})",
            km=Number(great_circle_m(centre, layout_centre) / 1000),
        )
        centre = layout_centre
    projection = LocalProjection(*centre)
    # One transform call for every coordinate of the layout: pyproj is fast per array, slow
    # per call.
    metres = projection.to_metres(array) if len(array) else array
    polygonal = np.array(
        [f.kind in ZONE_KINDS or f.kind in (Kind.BUILDING, Kind.PARKING) for f in kept]
    )
    if len(metres):
        areas = polygonal | np.array([g.geom_type in ("Polygon", "MultiPolygon") for g in metres])
        invalid = np.flatnonzero(areas & ~shapely.is_valid(metres))
        for i in invalid:
            metres[i] = _polygonal(metres[i])
        reasons = _degenerate(metres)
        if any(reasons):
            ignored.extend((f.id, r) for f, r in zip(kept, reasons, strict=True) if r)
            usable = np.array([not r for r in reasons])
            kept = [f for f, ok in zip(kept, usable, strict=True) if ok]
            metres = metres[usable]
    return PreparedLayout(
        projection=projection,
        features=kept,
        geoms=np.asarray(metres),
        ignored=ignored,
        centre_note=note,
    )
