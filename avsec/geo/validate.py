"""Checks on one GeoJSON geometry before it enters a layout.

Pure functions over parsed data: the readers in avsec.io call them and add the file name and
the feature to each message. A problem that cannot be repaired raises :class:`GeometryProblem`;
a repaired one (a self-intersecting polygon fixed with ``shapely.make_valid``) comes back as a
warning with the repaired geometry.

Degenerate geometries raise :class:`DegenerateGeometry` (a :class:`GeometryProblem`): a line
whose points all lie within :data:`DEGENERATE_M` (1 cm) of its first point, and a polygon of no
area or thinner than 1 cm (twice its area over its perimeter). Such a barrier covers nothing
and such a zone holds nothing, yet the rules would count them; readers refuse or skip them as
they do empty geometries. Distances are measured on the mean Earth sphere around the feature,
well within a millimetre of the ellipsoid at this scale.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from avsec.core.errors import AvsecError
from avsec.core.i18n import N_
from avsec.core.layout import GEOMETRY_TYPES
from avsec.core.notices import Notice

#: Depth of the coordinate nesting of each GeoJSON geometry type.
COORDINATE_DEPTH = {
    "Point": 1,
    "MultiPoint": 2,
    "LineString": 2,
    "MultiLineString": 3,
    "Polygon": 3,
    "MultiPolygon": 4,
}

#: Values farther from zero than this cannot be degrees: the file holds projected metres.
_PROJECTED_HINT = 1000.0
#: Mean Earth radius (IUGG), metres.
EARTH_RADIUS_M = 6_371_008.8
#: Metres per degree of latitude (and of longitude at the equator) on the mean Earth sphere.
METRES_PER_DEGREE = EARTH_RADIUS_M * math.pi / 180
#: A line whose points all lie this close (metres) to its first one has no length; a polygon
#: thinner than this has no area.
DEGENERATE_M = 0.01


class GeometryProblem(AvsecError, ValueError):
    """A geometry that cannot be used; the message (a msgid with its fields, translated where
    it is shown) says what is wrong and where."""


class DegenerateGeometry(GeometryProblem):
    """A line of zero length or a polygon of zero area (within :data:`DEGENERATE_M`).

    Readers that skip features they cannot map (OpenStreetMap) skip these too, as they skip
    features with no geometry; readers of avsec layouts refuse them like empty geometries.
    """


@dataclass
class CheckedGeometry:
    """A usable geometry and what was done to it."""

    geometry: dict[str, Any]
    warnings: list[Notice] = field(default_factory=list)
    #: (min lon, min lat, max lon, max lat) of the positions read.
    bounds: tuple[float, float, float, float] | None = None


def _positions(coords: Any, depth: int, path: str) -> list[tuple[float, float]]:
    """Flatten nested GeoJSON coordinates, checking their shape and numbers."""
    if depth == 1:
        at = path or "0"
        if not isinstance(coords, list | tuple) or not 2 <= len(coords) <= 4:
            raise GeometryProblem(
                N_("position {at} must be [lon, lat] (got {got})"), at=at, got=f"{coords!r:.60}"
            )
        values = coords[:2]
        for v in coords:
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise GeometryProblem(
                    N_("position {at} has a non-number {value}"), at=at, value=f"{v!r:.30}"
                )
            if not math.isfinite(v):
                raise GeometryProblem(N_("position {at} has a non-finite number"), at=at)
        return [(float(values[0]), float(values[1]))]
    if not isinstance(coords, list | tuple):
        if path:
            raise GeometryProblem(N_("coordinates at {at} must be a list"), at=path)
        raise GeometryProblem(N_("coordinates must be a list"))
    out: list[tuple[float, float]] = []
    for i, child in enumerate(coords):
        out.extend(_positions(child, depth - 1, f"{path}.{i}" if path else str(i)))
    return out


def check_lonlat(positions: list[tuple[float, float]]) -> None:
    """Refuse positions outside WGS84 ranges, naming the likely cause.

    Raises
    ------
    GeometryProblem
        Projected metres given as lon/lat, swapped axes, or plain out-of-range values.
    """
    for lon, lat in positions:
        if -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0:
            continue
        # Coordinates as written in the file (a point, whatever the language).
        position = f"({lon:g}, {lat:g})"
        if abs(lon) > _PROJECTED_HINT or abs(lat) > _PROJECTED_HINT:
            raise GeometryProblem(
                N_(
                    "coordinate {position} looks like projected metres, not WGS84 lon/lat; "
                    "reproject the layer to EPSG:4326 (WGS84) before importing"
                ),
                position=position,
            )
        if -90.0 <= lon <= 90.0 and -180.0 <= lat <= 180.0:
            raise GeometryProblem(
                N_(
                    "coordinate {position} has a latitude outside -90..90; are lon and lat "
                    "swapped? GeoJSON puts longitude first"
                ),
                position=position,
            )
        raise GeometryProblem(
            N_("coordinate {position} is outside WGS84 ranges (lon -180..180, lat -90..90)"),
            position=position,
        )


def great_circle_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance in metres between two (lon, lat) points on the mean Earth sphere."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _metres_scale(lat: float) -> np.ndarray:
    """Metres per degree of (lon, lat) around latitude ``lat``."""
    return np.array([METRES_PER_DEGREE * math.cos(math.radians(lat)), METRES_PER_DEGREE])


def line_extent_m(line: BaseGeometry) -> float:
    """Largest distance (metres) from a lon/lat line's first position to any other."""
    xy = shapely.get_coordinates(line)
    if not len(xy):
        return 0.0
    offsets = (xy - xy[0]) * _metres_scale(xy[0, 1])
    return float(np.hypot(offsets[:, 0], offsets[:, 1]).max())


def polygon_width_m(polygon: BaseGeometry) -> float:
    """Mean width (metres) of a lon/lat polygon: twice its area over its perimeter.

    A rectangle of length L and width w gives about w when L is much larger than w; a polygon
    whose points lie on a line gives 0.
    """
    first = shapely.get_coordinates(polygon)[:1]
    if not len(first):
        return 0.0
    scale = _metres_scale(first[0, 1])
    # Offsets from the first position keep the area exact (no large coordinates multiplied).
    metres = shapely.transform(polygon, lambda xy: (xy - first[0]) * scale)
    perimeter = float(metres.length)
    return 2 * float(metres.area) / perimeter if perimeter > 0 else 0.0


def _check_parts(
    geom: BaseGeometry,
    gtype: str,
    size_m: Callable[[BaseGeometry], float],
    whole: str,
    part: str,
) -> None:
    """Refuse ``geom`` when it, or a part of a multi-geometry, measures less than 1 cm by
    ``size_m``: with the message ``whole`` (placeholder ``gtype``) for a single geometry,
    ``part`` (``part`` and ``gtype``) naming the part of a multi-geometry."""
    parts = list(shapely.get_parts(geom))
    for n, one in enumerate(parts):
        if size_m(one) < DEGENERATE_M:
            if len(parts) > 1:
                raise DegenerateGeometry(part, part=n, gtype=gtype)
            raise DegenerateGeometry(whole, gtype=gtype)


def _check_lines(geom: BaseGeometry, gtype: str) -> None:
    """Refuse a line (or a part of a multi-line) whose points all lie within 1 cm."""
    _check_parts(
        geom,
        gtype,
        line_extent_m,
        N_("the {gtype} has zero length: all its points lie within 1 cm of its first point"),
        N_(
            "part {part} of the {gtype} has zero length: all its points lie within "
            "1 cm of its first point"
        ),
    )


def _check_area(geom: BaseGeometry, gtype: str) -> None:
    """Refuse a polygon (or a part of a multi-polygon) of no area, thinner than 1 cm."""
    _check_parts(
        geom,
        gtype,
        polygon_width_m,
        N_("the {gtype} has no area (it is thinner than 1 cm)"),
        N_("part {part} of the {gtype} has no area (it is thinner than 1 cm)"),
    )


def _polygonal_parts(geom: BaseGeometry) -> list[BaseGeometry]:
    parts = shapely.get_parts(geom)
    out = []
    for part in parts:
        if part.geom_type == "Polygon" and not part.is_empty:
            out.append(part)
        elif part.geom_type in ("MultiPolygon", "GeometryCollection"):
            out.extend(_polygonal_parts(part))
    return out


def _repair_polygon(geom: BaseGeometry, allowed: tuple[str, ...]) -> tuple[BaseGeometry, Notice]:
    """Repair an invalid polygon with make_valid; keep only its polygonal parts."""
    # GEOS's reason ("Self-intersection[0.5 0.5]") is a technical term: left as GEOS writes it.
    reason = shapely.is_valid_reason(geom)
    repaired = shapely.make_valid(geom)
    # Slivers a repair leaves behind are dropped: they have no area to speak of.
    parts = [p for p in _polygonal_parts(repaired) if polygon_width_m(p) >= DEGENERATE_M]
    if not parts:
        raise DegenerateGeometry(
            N_("invalid polygon with no area left after repair ({reason})"), reason=reason
        )
    if len(parts) == 1:
        return parts[0], Notice(
            N_("invalid polygon ({reason}) repaired with make_valid"), reason=reason
        )
    if "MultiPolygon" in allowed:
        note = Notice(
            N_("invalid polygon ({reason}) repaired with make_valid into {parts} parts"),
            reason=reason,
            parts=len(parts),
        )
        return shapely.MultiPolygon(parts), note
    largest = max(parts, key=lambda p: p.area)
    note = Notice(
        N_(
            "invalid polygon ({reason}) repaired with make_valid; kept the largest part and "
            "dropped {count} smaller one"
        ),
        plural=N_(
            "invalid polygon ({reason}) repaired with make_valid; kept the largest part and "
            "dropped {count} smaller ones"
        ),
        reason=reason,
        count=len(parts) - 1,
    )
    return largest, note


def check_geometry(geometry: Any, kind: str | None) -> CheckedGeometry:
    """Check one GeoJSON geometry mapping for a feature of ``kind``.

    Parameters
    ----------
    geometry
        The feature's ``geometry`` member as parsed from JSON.
    kind
        The feature kind; None or an unknown kind accepts any geometry type.

    Returns
    -------
    CheckedGeometry
        The geometry to store (the input itself, or its repair) and warnings.

    Raises
    ------
    GeometryProblem
        Missing or empty geometry, a type the kind does not take, malformed or non-finite
        coordinates, coordinates outside WGS84 (projected metres, swapped axes), or a ring or
        line with too few points. :class:`DegenerateGeometry` (a subclass) for a line whose
        points all lie within 1 cm of its first one, or a polygon with no area (thinner than
        1 cm).
    """
    if geometry is None:
        raise GeometryProblem(N_("has no geometry (null)"))
    if not isinstance(geometry, dict):
        raise GeometryProblem(N_("geometry must be a GeoJSON object"))
    gtype = geometry.get("type")
    if gtype == "GeometryCollection":
        raise GeometryProblem(N_("GeometryCollection is not supported; split it into features"))
    if gtype not in COORDINATE_DEPTH:
        raise GeometryProblem(N_("unknown geometry type {gtype}"), gtype=f"{gtype!r:.40}")
    allowed = GEOMETRY_TYPES.get(kind or "")
    if allowed is not None and gtype not in allowed:
        if len(allowed) == 2:
            raise GeometryProblem(
                N_("kind {kind} needs {first} or {second}, not {gtype}"),
                kind=kind,
                first=allowed[0],
                second=allowed[1],
                gtype=gtype,
            )
        raise GeometryProblem(
            N_("kind {kind} needs {allowed}, not {gtype}"),
            kind=kind,
            allowed=allowed[0],
            gtype=gtype,
        )
    coords = geometry.get("coordinates")
    if coords is None or (isinstance(coords, list) and not coords):
        raise GeometryProblem(N_("empty {gtype} (no coordinates)"), gtype=gtype)
    positions = _positions(coords, COORDINATE_DEPTH[gtype], "")
    if not positions:
        raise GeometryProblem(N_("empty {gtype} (no coordinates)"), gtype=gtype)
    check_lonlat(positions)
    lons = [lon for lon, _ in positions]
    lats = [lat for _, lat in positions]
    bounds = (min(lons), min(lats), max(lons), max(lats))
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, IndexError, shapely.errors.GEOSException) as exc:
        # The library's reason is technical English, quoted as it is.
        raise GeometryProblem(N_("malformed {gtype}: {exc}"), gtype=gtype, exc=str(exc)) from exc
    if geom.is_empty:
        raise GeometryProblem(N_("empty {gtype}"), gtype=gtype)
    for part in shapely.get_parts(geom):
        if part.geom_type == "LineString" and shapely.get_num_coordinates(part) < 2:
            raise GeometryProblem(N_("a line needs at least two positions"))
    warnings: list[Notice] = []
    if gtype in ("LineString", "MultiLineString"):
        _check_lines(geom, gtype)
    if gtype in ("Polygon", "MultiPolygon"):
        # A self-intersecting bow tie can have zero signed area, so repair before judging it.
        if not geom.is_valid:
            repaired, note = _repair_polygon(geom, allowed or ("Polygon", "MultiPolygon"))
            warnings.append(note)
            return CheckedGeometry(_as_geojson(repaired), warnings, bounds)
        if geom.area == 0:
            raise DegenerateGeometry(
                N_("{gtype} has no area (all its points lie on a line)"), gtype=gtype
            )
        _check_area(geom, gtype)
    return CheckedGeometry(geometry, warnings, bounds)


def _as_geojson(geom: BaseGeometry) -> dict[str, Any]:
    """Return a shapely geometry as a plain JSON-ready GeoJSON mapping (lists, not tuples)."""

    def listify(value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [listify(v) for v in value]
        return value

    raw = mapping(geom)
    return {"type": raw["type"], "coordinates": listify(raw["coordinates"])}
