"""GeoJSON geometries to map-scene coordinates and back (no Qt).

The map scene works in metres of the assessment's local projection (avsec.geo.projection,
centred on the airport) with y pointing down, as Qt draws: scene (x, y) = (east, -north).
Coordinates of all features are projected in one pyproj call (2,000 features open fast).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from avsec.geo.projection import LocalProjection

#: Geometry families the map draws.
POLYGON, LINE, POINT = "polygon", "line", "point"


@dataclass
class SceneGeometry:
    """A feature's geometry in scene coordinates.

    Attributes
    ----------
    family
        "polygon", "line" or "point".
    parts
        Polygon rings (closing vertex dropped), line strings, or one 1x2 array per point.
    polygons
        For polygons, the polygon index of each ring.
    """

    family: str
    parts: list[np.ndarray]
    #: Polygons only: the polygon each ring belongs to (its first ring is the exterior), so
    #: an edited MultiPolygon keeps its shape.
    polygons: list[int] | None = None

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(min x, min y, max x, max y) or None when empty."""
        if not self.parts:
            return None
        stacked = np.vstack(self.parts)
        return (
            float(stacked[:, 0].min()),
            float(stacked[:, 1].min()),
            float(stacked[:, 0].max()),
            float(stacked[:, 1].max()),
        )


def _family(geometry_type: str) -> str:
    if geometry_type in ("Polygon", "MultiPolygon"):
        return POLYGON
    if geometry_type in ("LineString", "MultiLineString"):
        return LINE
    return POINT


def _open_ring(ring: Any) -> Any:
    return ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring


def _raw_parts(geometry: dict[str, Any]) -> tuple[str, list[Any], list[int]]:
    """(family, lists of lon/lat pairs, polygon index per part) of a GeoJSON geometry.

    Hostile or broken shapes give no parts rather than an exception.
    """
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if not isinstance(kind, str) or coords is None:
        return POINT, [], []
    try:
        if kind == "Point":
            return POINT, [[coords]], [0]
        if kind == "MultiPoint":
            return POINT, [[c] for c in coords], list(range(len(coords)))
        if kind == "LineString":
            return LINE, [coords], [0]
        if kind == "MultiLineString":
            return LINE, list(coords), list(range(len(coords)))
        if kind == "Polygon":
            return POLYGON, [_open_ring(ring) for ring in coords], [0] * len(coords)
        if kind == "MultiPolygon":
            rings, owners = [], []
            for index, polygon in enumerate(coords):
                for ring in polygon:
                    rings.append(_open_ring(ring))
                    owners.append(index)
            return POLYGON, rings, owners
    except TypeError:
        return _family(kind), [], []
    return _family(kind), [], []


class MapProjection:
    """Projects lon/lat arrays to scene coordinates and back.

    Parameters
    ----------
    lon0, lat0
        The centre (the airport reference point).
    """

    def __init__(self, lon0: float, lat0: float):
        self.local = LocalProjection(lon0, lat0)

    def to_scene(self, lonlat: np.ndarray) -> np.ndarray:
        """(n, 2) lon/lat -> (n, 2) scene coordinates."""
        if len(lonlat) == 0:
            return np.zeros((0, 2))
        metres = shapely.get_coordinates(self.local.to_metres(shapely.multipoints(lonlat)))
        metres[:, 1] *= -1
        return metres

    def to_lonlat(self, scene: np.ndarray) -> np.ndarray:
        """(n, 2) scene coordinates -> (n, 2) lon/lat."""
        if len(scene) == 0:
            return np.zeros((0, 2))
        metres = np.array(scene, dtype=float)
        metres[:, 1] *= -1
        return shapely.get_coordinates(self.local.to_lonlat(shapely.multipoints(metres)))

    def point_to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        """One scene point -> (lon, lat)."""
        return self.local.point_to_lonlat(x, -y)

    def point_to_scene(self, lon: float, lat: float) -> tuple[float, float]:
        """One (lon, lat) -> scene point."""
        x, y = self.local.point_to_metres(lon, lat)
        return x, -y

    def project_all(self, geometries: Sequence[dict[str, Any]]) -> list[SceneGeometry]:
        """Project many GeoJSON geometries with one transformation call."""
        families: list[str] = []
        owners_list: list[list[int]] = []
        chunks: list[np.ndarray] = []
        lengths: list[list[int]] = []
        for geometry in geometries:
            family, parts, owners = _raw_parts(geometry)
            families.append(family)
            sizes: list[int] = []
            kept_owners: list[int] = []
            for part, owner in zip(parts, owners, strict=False):
                try:
                    array = np.asarray(part, dtype=float)
                except (TypeError, ValueError):
                    continue
                if array.ndim != 2 or array.shape[0] == 0 or array.shape[1] < 2:
                    continue
                array = array[:, :2]
                if not np.isfinite(array).all():
                    continue
                chunks.append(array)
                sizes.append(len(array))
                kept_owners.append(owner)
            lengths.append(sizes)
            owners_list.append(kept_owners)
        projected = self.to_scene(np.vstack(chunks)) if chunks else np.zeros((0, 2))
        out: list[SceneGeometry] = []
        offset = 0
        for family, sizes, owners in zip(families, lengths, owners_list, strict=True):
            parts = []
            for size in sizes:
                parts.append(projected[offset : offset + size])
                offset += size
            out.append(SceneGeometry(family, parts, owners if family == POLYGON else None))
        return out

    def project(self, geometry: dict[str, Any]) -> SceneGeometry:
        """Project one GeoJSON geometry."""
        return self.project_all([geometry])[0]

    def to_geojson(
        self, family: str, parts: Sequence[np.ndarray], polygons: Sequence[int] | None = None
    ) -> dict[str, Any]:
        """Scene parts -> a GeoJSON geometry in lon/lat (rings closed; Multi* when several).

        ``polygons`` gives each ring's polygon (as :attr:`SceneGeometry.polygons`).
        """
        kept = [(i, np.asarray(p, dtype=float)) for i, p in enumerate(parts) if len(p)]
        lonlat = [np.round(self.to_lonlat(p), 8).tolist() for _, p in kept]
        if family == POINT:
            if len(lonlat) == 1:
                return {"type": "Point", "coordinates": lonlat[0][0]}
            return {"type": "MultiPoint", "coordinates": [p[0] for p in lonlat]}
        if family == LINE:
            if len(lonlat) == 1:
                return {"type": "LineString", "coordinates": lonlat[0]}
            return {"type": "MultiLineString", "coordinates": lonlat}
        owners = [polygons[i] if polygons else 0 for i, _ in kept]
        grouped: dict[int, list[list[list[float]]]] = {}
        for owner, ring in zip(owners, lonlat, strict=True):
            grouped.setdefault(owner, []).append(ring + [ring[0]])
        shapes = list(grouped.values())
        if len(shapes) == 1:
            return {"type": "Polygon", "coordinates": shapes[0]}
        return {"type": "MultiPolygon", "coordinates": shapes}


def segment_distance(points: np.ndarray, x: float, y: float, closed: bool) -> float:
    """Distance from (x, y) to the polyline (or ring when ``closed``) through ``points``."""
    if len(points) == 0:
        return float("inf")
    if len(points) == 1:
        return float(np.hypot(points[0, 0] - x, points[0, 1] - y))
    nearest = _nearest_points(points, x, y, closed)
    return float(np.hypot(nearest[:, 0] - x, nearest[:, 1] - y).min())


def _nearest_points(points: np.ndarray, x: float, y: float, closed: bool) -> np.ndarray:
    """The point of each segment (from vertex i) nearest to (x, y), one row per segment."""
    a = points if closed else points[:-1]
    b = np.roll(points, -1, axis=0) if closed else points[1:]
    ab = b - a
    ap = np.array([x, y]) - a
    denom = (ab**2).sum(axis=1)
    t = np.clip(
        np.divide((ap * ab).sum(axis=1), denom, out=np.zeros_like(denom), where=denom > 0), 0, 1
    )
    return a + ab * t[:, None]


def nearest_segment(points: np.ndarray, x: float, y: float, closed: bool) -> tuple[int, np.ndarray]:
    """(index i of the segment from vertex i, nearest point on it) of a polyline or ring."""
    nearest = _nearest_points(points, x, y, closed)
    distances = np.hypot(nearest[:, 0] - x, nearest[:, 1] - y)
    index = int(distances.argmin())
    return index, nearest[index]


def ring_contains(ring: np.ndarray, x: float, y: float) -> bool:
    """Even-odd point-in-ring test."""
    if len(ring) < 3:
        return False
    xs, ys = ring[:, 0], ring[:, 1]
    xj, yj = np.roll(xs, 1), np.roll(ys, 1)
    crosses = ((ys > y) != (yj > y)) & (
        x < (xj - xs) * (y - ys) / np.where(yj - ys == 0, 1e-300, yj - ys) + xs
    )
    return bool(crosses.sum() % 2)
