"""Limits on imported geometry, checked before shapely sees it.

A single polygon with a million vertices took 15 s and 510 MB to check; no airport fence needs
more than a few thousand. Positions with a height (``[lon, lat, z]``) are accepted and the
height dropped: avsec works in plan view, and saying so beats a silent change.
"""

from __future__ import annotations

from typing import Any

from avsec.core.errors import InputError
from avsec.core.i18n import N_

#: Most positions in one feature.
MAX_FEATURE_VERTICES = 100_000
#: Most positions in one imported layer.
MAX_LAYER_VERTICES = 1_000_000


def flatten_positions(geometry: Any, place: str, budget: list[int]) -> tuple[Any, bool]:
    """Return ``geometry`` with every position cut to ``[lon, lat]`` and whether a Z was
    dropped; count positions against the feature and layer limits (``budget`` holds the
    positions the layer may still take, and is decremented).

    Malformed coordinates pass through untouched for the geometry check to name.
    """
    if not isinstance(geometry, dict) or not isinstance(geometry.get("coordinates"), list):
        return geometry, False
    count = 0
    dropped = False

    def walk(value: Any) -> Any:
        nonlocal count, dropped
        # Iterative over the outer levels would be longer; GeoJSON nests at most four deep.
        if isinstance(value, list) and value and all(not isinstance(v, list) for v in value):
            count += 1
            if count > MAX_FEATURE_VERTICES:
                raise InputError(
                    N_(
                        "{place}: more than {MAX_FEATURE_VERTICES:,} positions in one feature; simplify it first (for example QGIS Vector > Geometry > Simplify)"
                    ),
                    place=place,
                    MAX_FEATURE_VERTICES=MAX_FEATURE_VERTICES,
                )
            if len(value) > 2:
                dropped = True
                return value[:2]
            return value
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    coordinates = walk(geometry["coordinates"])
    budget[0] -= count
    if budget[0] < 0:
        raise InputError(
            N_(
                "{place}: the layer has more than {MAX_LAYER_VERTICES:,} positions; split it or simplify it first"
            ),
            place=place,
            MAX_LAYER_VERTICES=MAX_LAYER_VERTICES,
        )
    if not dropped:
        return geometry, False
    return {**geometry, "coordinates": coordinates}, True
