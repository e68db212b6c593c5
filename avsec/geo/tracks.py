"""How much of the airside boundary the walked GPS tracks inspected.

A stretch of the boundary counts as inspected when it lies within ``track_buffer_m`` of any
track (the inspector saw the fence from there). Measured in the layout's local
azimuthal-equidistant projection, as the perimeter rules measure the boundary: within the
50 km a track may lie from the airport its distortion is far below a GPS fix's error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry

from avsec.core.document import AssessmentDocument
from avsec.core.layout import Feature, Kind
from avsec.core.tracks import track_lines
from avsec.geo.prepared import PreparedLayout, prepare_layout

#: Segments per quarter circle of the buffer's round ends (error under 0.1 % of the buffer).
QUAD_SEGS = 16

#: A track as (lon, lat) pairs.
Line = Sequence[tuple[float, float]]


@dataclass
class Inspection:
    """The airside boundary split into what the tracks inspected and what they did not.

    Geometries are in metres (the layout's projection) when returned by :func:`inspection`,
    in lon/lat when returned by :func:`inspection_lonlat`.
    """

    total_m: float
    inspected_m: float
    inspected: BaseGeometry
    not_inspected: BaseGeometry

    @property
    def share(self) -> float | None:
        """Inspected share of the boundary, 0..1 (None without a boundary)."""
        return self.inspected_m / self.total_m if self.total_m > 0 else None


def _tracks_in_metres(layout: PreparedLayout, tracks: Sequence[Line]) -> BaseGeometry:
    lines = [LineString(line) for line in tracks if len(line) >= 2]
    return layout.projection.to_metres(MultiLineString(lines))


def inspection(
    layout: PreparedLayout, tracks: Sequence[Line], buffer_m: float
) -> Inspection | None:
    """Split the airside boundary of ``layout`` by the ``tracks`` (None: no airside zone)."""
    zone = layout.zone(Kind.AIRSIDE)
    if zone is None or zone.is_empty:
        return None
    boundary = zone.boundary
    total = float(boundary.length)
    walked = _tracks_in_metres(layout, tracks)
    if walked.is_empty or buffer_m <= 0:
        empty = MultiLineString()
        return Inspection(total, 0.0, empty, boundary)
    area = shapely.buffer(walked, buffer_m, quad_segs=QUAD_SEGS)
    seen = shapely.line_merge(shapely.intersection(boundary, area))
    unseen = shapely.line_merge(shapely.difference(boundary, area))
    seen_m = min(float(seen.length), total)
    return Inspection(total, seen_m, seen, unseen)


def inspection_metrics(
    layout: PreparedLayout, tracks: Sequence[Line], buffer_m: float
) -> dict[str, Any]:
    """The ``analyze --json`` metrics of the tracks: inspected metres and share (0..1).

    Without an airside zone both are 0 and null, as ``perimeter_covered`` is.
    """
    result = inspection(layout, tracks, buffer_m)
    if result is None:
        return {"perimeter_inspected_m": 0.0, "perimeter_inspected_share": None}
    share = result.share
    return {
        "perimeter_inspected_m": round(result.inspected_m, 2),
        "perimeter_inspected_share": None if share is None else round(share, 4),
    }


def inspection_lonlat(
    features: Sequence[Feature],
    tracks: Sequence[Line],
    buffer_m: float,
    centre: tuple[float, float] | None = None,
) -> Inspection | None:
    """:func:`inspection` for drawing: the stretches in lon/lat (the map, the report)."""
    layout = prepare_layout(features, centre)
    result = inspection(layout, tracks, buffer_m)
    if result is None:
        return None
    to_lonlat = layout.projection.to_lonlat
    return Inspection(
        result.total_m,
        result.inspected_m,
        to_lonlat(result.inspected),
        to_lonlat(result.not_inspected),
    )


def document_inspection(doc: AssessmentDocument) -> Inspection | None:
    """:func:`inspection_lonlat` of a file's tracks with its own buffer and airport centre (None
    without tracks or an airside zone): what the map, the item page and the report draw."""
    if not doc.tracks:
        return None
    airport = doc.assessment.airport
    return inspection_lonlat(
        doc.features,
        track_lines(doc.tracks),
        doc.assessment.parameters.track_buffer_m,
        (airport.lon, airport.lat),
    )
