"""Local metric projection: azimuthal equidistant centred on the airport
(docs/architecture.md, *Layout and geometry*)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry


@lru_cache(maxsize=32)
def _transformers(lon0: float, lat0: float) -> tuple[Transformer, Transformer]:
    local = CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat0:.8f} +lon_0={lon0:.8f} +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
    )
    wgs84 = CRS.from_epsg(4326)
    forward = Transformer.from_crs(wgs84, local, always_xy=True)
    inverse = Transformer.from_crs(local, wgs84, always_xy=True)
    return forward, inverse


#: Below this many coordinates every one is projected: looking for repeats costs more.
DEDUPLICATE_FROM = 4096


def _transform_once_each(transformer: Transformer, coords: np.ndarray) -> np.ndarray:
    """``coords`` (n, 2) through ``transformer``, each distinct coordinate once.

    The ellipsoidal projection solves a geodesic per point (about 0.7 µs): layouts repeat many
    vertices (a fence drawn on the airside boundary, parcels sharing edges, every closed
    ring's first vertex), and projecting each distinct one once gives the same numbers for
    less. Coordinates with a NaN or a negative zero are projected as they are (a sort would
    merge those with others).
    """
    xy = np.ascontiguousarray(coords[:, :2], dtype=float)
    if len(xy) >= DEDUPLICATE_FROM and np.isfinite(xy).all() and not (xy == 0).any():
        distinct, inverse = np.unique(xy.view(np.complex128).ravel(), return_inverse=True)
        if len(distinct) < 0.9 * len(xy):
            x, y = transformer.transform(distinct.real.copy(), distinct.imag.copy())
            return np.column_stack([np.asarray(x)[inverse], np.asarray(y)[inverse]])
    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


class LocalProjection:
    """Project lon/lat geometries to metres around (lon0, lat0) and back.

    Parameters
    ----------
    lon0, lat0
        The centre, normally the airport reference point or the layout's centroid.
    """

    def __init__(self, lon0: float, lat0: float):
        self.lon0 = float(lon0)
        self.lat0 = float(lat0)
        self._forward, self._inverse = _transformers(round(self.lon0, 8), round(self.lat0, 8))

    def _apply(self, geom: BaseGeometry, transformer: Transformer) -> BaseGeometry:
        def convert(coords: np.ndarray) -> np.ndarray:
            return _transform_once_each(transformer, coords)

        return shapely.transform(geom, convert)

    def to_metres(self, geom: BaseGeometry) -> BaseGeometry:
        """Project a lon/lat shapely geometry to local metres."""
        return self._apply(geom, self._forward)

    def to_lonlat(self, geom: BaseGeometry) -> BaseGeometry:
        """Project a local-metre shapely geometry back to lon/lat."""
        return self._apply(geom, self._inverse)

    def metres_to_geojson(self, geom: BaseGeometry) -> dict[str, Any]:
        """Project a metre geometry to a GeoJSON geometry mapping (lon/lat)."""
        return dict(mapping(self.to_lonlat(geom)))

    def point_to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        """Project one metre coordinate to (lon, lat)."""
        lon, lat = self._inverse.transform(x, y)
        return float(lon), float(lat)

    def points_to_metres(self, lonlat: np.ndarray) -> np.ndarray:
        """Project many (lon, lat) rows to metres in one call."""
        x, y = self._forward.transform(lonlat[:, 0], lonlat[:, 1])
        return np.column_stack([np.asarray(x, dtype=float), np.asarray(y, dtype=float)])

    def point_to_metres(self, lon: float, lat: float) -> tuple[float, float]:
        """Project one (lon, lat) to metres."""
        x, y = self._forward.transform(lon, lat)
        return float(x), float(y)
