"""A layout projected to metres once, with the zone unions and indexes the rules share."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from avsec.core.layout import GEOMETRY_TYPES, ZONE_KINDS, Feature, Kind
from avsec.geo.projection import LocalProjection
from avsec.geo.segments import RingSegments

#: Zones from the most to the least sensitive; a finding takes the first one it lies in.
ZONE_ORDER = (Kind.CRITICAL_PART, Kind.SRA, Kind.AIRSIDE, Kind.LANDSIDE)
#: Zones whose boundary an access point or a road crossing leads into.
SECURE_ZONES = (Kind.AIRSIDE, Kind.SRA, Kind.CRITICAL_PART)
#: A point this close to a zone (metres) lies in it: absorbs rounding of points on a boundary.
ON_BOUNDARY_M = 0.01
#: An airport position farther than this from the layout is not the layout's airport.
MAX_CENTRE_OFFSET_M = 100_000.0


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
    #: Why the projection is not centred where the caller asked ("" when it is).
    centre_note: str = ""
    _by_kind: dict[str, np.ndarray] = field(default_factory=dict)
    _zones: dict[str, BaseGeometry | None] = field(default_factory=dict)
    _boundaries: dict[str, RingSegments] = field(default_factory=dict)
    _zone_trees: dict[str, STRtree] = field(default_factory=dict)

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
            union = shapely.union_all(self.geoms[idx]) if len(idx) else None
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


def _great_circle_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance in metres between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_008.8 * math.asin(min(1.0, math.sqrt(h)))


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
    points: list[tuple[int, np.ndarray]] = []
    lines: list[tuple[int, np.ndarray]] = []
    polygons: list[tuple[int, list[np.ndarray]]] = []
    for n, feature in enumerate(features):
        geometry = feature.geometry if isinstance(feature.geometry, dict) else {}
        gtype, coords = geometry.get("type"), geometry.get("coordinates")
        if gtype == "Point":
            xy = _xy(coords, 1)
            if xy is not None:
                points.append((n, xy))
                continue
        elif gtype == "LineString":
            xy = _xy(coords, 2)
            if xy is not None and len(xy) >= 2:
                lines.append((n, xy))
                continue
        elif gtype == "Polygon" and isinstance(coords, list) and coords:
            rings = [_xy(ring, 2) for ring in coords]
            clean = [r for r in rings if r is not None and len(r) >= 4 and (r[0] == r[-1]).all()]
            if len(clean) == len(rings):
                polygons.append((n, clean))
                continue
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


def prepare_layout(
    features: Sequence[Feature], centre: tuple[float, float] | None = None
) -> PreparedLayout:
    """Project the analysable features of a layout to metres.

    Features of an unknown kind, or whose geometry is missing, malformed, empty or of a type
    their kind does not take, are left out and listed in ``ignored`` (imports already warned
    about them; the analysis must not fail on a layout edited by hand).

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
    array = (
        shapely.force_2d(np.array(lonlat, dtype=object)) if lonlat else np.array([], dtype=object)
    )
    layout_centre = (0.0, 0.0)
    if len(array):
        minx, miny, maxx, maxy = shapely.total_bounds(array)
        layout_centre = ((minx + maxx) / 2, (miny + maxy) / 2)
    note = ""
    if centre is None:
        centre = layout_centre
    elif len(array) and _great_circle_m(centre, layout_centre) > MAX_CENTRE_OFFSET_M:
        # A wrong airport position would distort every measure; the layout knows better.
        note = (
            f"the airport position ({centre[0]:.4f}, {centre[1]:.4f}) is "
            f"{_great_circle_m(centre, layout_centre) / 1000:.0f} km from the layout; "
            "measured around the layout's centre instead"
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
    return PreparedLayout(
        projection=projection,
        features=kept,
        geoms=np.asarray(metres),
        ignored=ignored,
        centre_note=note,
    )
