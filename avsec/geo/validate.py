"""Checks on one GeoJSON geometry before it enters a layout.

Pure functions over parsed data: the readers in avsec.io call them and add the file name and
the feature to each message. A problem that cannot be repaired raises :class:`GeometryProblem`;
a repaired one (a self-intersecting polygon fixed with ``shapely.make_valid``) comes back as a
warning with the repaired geometry.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from avsec.core.layout import GEOMETRY_TYPES

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


class GeometryProblem(ValueError):
    """A geometry that cannot be used; the message says what is wrong and where."""


@dataclass
class CheckedGeometry:
    """A usable geometry and what was done to it."""

    geometry: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def _positions(coords: Any, depth: int, path: str) -> list[tuple[float, float]]:
    """Flatten nested GeoJSON coordinates, checking their shape and numbers."""
    if depth == 1:
        if not isinstance(coords, list | tuple) or not 2 <= len(coords) <= 4:
            raise GeometryProblem(f"position {path or '0'} must be [lon, lat] (got {coords!r:.60})")
        values = coords[:2]
        for v in coords:
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise GeometryProblem(f"position {path or '0'} has a non-number {v!r:.30}")
            if not math.isfinite(v):
                raise GeometryProblem(f"position {path or '0'} has a non-finite number")
        return [(float(values[0]), float(values[1]))]
    if not isinstance(coords, list | tuple):
        where = f" at {path}" if path else ""
        raise GeometryProblem(f"coordinates{where} must be a list")
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
        if abs(lon) > _PROJECTED_HINT or abs(lat) > _PROJECTED_HINT:
            raise GeometryProblem(
                f"coordinate ({lon:g}, {lat:g}) looks like projected metres, not WGS84 "
                "lon/lat; reproject the layer to EPSG:4326 (WGS84) before importing"
            )
        if -90.0 <= lon <= 90.0 and -180.0 <= lat <= 180.0:
            raise GeometryProblem(
                f"coordinate ({lon:g}, {lat:g}) has a latitude outside -90..90; are lon and "
                "lat swapped? GeoJSON puts longitude first"
            )
        raise GeometryProblem(
            f"coordinate ({lon:g}, {lat:g}) is outside WGS84 ranges (lon -180..180, lat -90..90)"
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


def _repair_polygon(geom: BaseGeometry, allowed: tuple[str, ...]) -> tuple[BaseGeometry, str]:
    """Repair an invalid polygon with make_valid; keep only its polygonal parts."""
    reason = shapely.is_valid_reason(geom)
    repaired = shapely.make_valid(geom)
    parts = _polygonal_parts(repaired)
    if not parts:
        raise GeometryProblem(f"invalid polygon with no area left after repair ({reason})")
    note = f"invalid polygon ({reason}) repaired with make_valid"
    if len(parts) == 1:
        return parts[0], note
    if "MultiPolygon" in allowed:
        return shapely.MultiPolygon(parts), note + f" into {len(parts)} parts"
    largest = max(parts, key=lambda p: p.area)
    dropped = len(parts) - 1
    return largest, note + f"; kept the largest part and dropped {dropped} smaller one(s)"


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
        coordinates, coordinates outside WGS84 (projected metres, swapped axes), a ring or line
        with too few points, or a polygon with no area.
    """
    if geometry is None:
        raise GeometryProblem("has no geometry (null)")
    if not isinstance(geometry, dict):
        raise GeometryProblem("geometry must be a GeoJSON object")
    gtype = geometry.get("type")
    if gtype == "GeometryCollection":
        raise GeometryProblem("GeometryCollection is not supported; split it into features")
    if gtype not in COORDINATE_DEPTH:
        raise GeometryProblem(f"unknown geometry type {gtype!r:.40}")
    allowed = GEOMETRY_TYPES.get(kind or "")
    if allowed is not None and gtype not in allowed:
        raise GeometryProblem(f"kind {kind} needs {' or '.join(allowed)}, not {gtype}")
    coords = geometry.get("coordinates")
    if coords is None or (isinstance(coords, list) and not coords):
        raise GeometryProblem(f"empty {gtype} (no coordinates)")
    positions = _positions(coords, COORDINATE_DEPTH[gtype], "")
    if not positions:
        raise GeometryProblem(f"empty {gtype} (no coordinates)")
    check_lonlat(positions)
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, IndexError, shapely.errors.GEOSException) as exc:
        raise GeometryProblem(f"malformed {gtype}: {exc}") from exc
    if geom.is_empty:
        raise GeometryProblem(f"empty {gtype}")
    for part in shapely.get_parts(geom):
        if part.geom_type == "LineString" and shapely.get_num_coordinates(part) < 2:
            raise GeometryProblem("a line needs at least two positions")
    warnings: list[str] = []
    if gtype in ("Polygon", "MultiPolygon"):
        # A self-intersecting bow tie can have zero signed area, so repair before judging it.
        if not geom.is_valid:
            repaired, note = _repair_polygon(geom, allowed or ("Polygon", "MultiPolygon"))
            warnings.append(note)
            return CheckedGeometry(_as_geojson(repaired), warnings)
        if geom.area == 0:
            raise GeometryProblem(f"{gtype} has no area (all its points lie on a line)")
    return CheckedGeometry(geometry, warnings)


def _as_geojson(geom: BaseGeometry) -> dict[str, Any]:
    """Return a shapely geometry as a plain JSON-ready GeoJSON mapping (lists, not tuples)."""

    def listify(value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [listify(v) for v in value]
        return value

    raw = mapping(geom)
    return {"type": raw["type"], "coordinates": listify(raw["coordinates"])}
