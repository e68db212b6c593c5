"""The walked GPS tracks on the report's zone map, and the fence they did not inspect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry

from avsec.core.palette import NOT_INSPECTED_COLOUR, TRACK_COLOUR
from avsec.geo.projection import LocalProjection
from avsec.report.figures.map_canvas import Key, MapCanvas
from avsec.report.text import tr


@dataclass
class TrackLayer:
    """What the map draws of the tracks: their lines and the stretches not inspected (lon/lat)."""

    lines: Sequence[Sequence[tuple[float, float]]]
    not_inspected: BaseGeometry | None = None


def _merged(geom: BaseGeometry) -> list[BaseGeometry]:
    """The lines of ``geom``, joined where they meet (so dashes run on across vertices)."""
    if geom.is_empty:
        return []
    return [p for p in shapely.get_parts(shapely.line_merge(geom)) if p.geom_type == "LineString"]


def draw_tracks(
    canvas: MapCanvas, layer: TrackLayer, projection: LocalProjection, lang: str
) -> None:
    """Draw the tracks (thin blue) and the uninspected fence (thick dashed magenta)."""
    walked = MultiLineString([LineString(line) for line in layer.lines if len(line) >= 2])
    if not walked.is_empty:
        canvas.lines(_merged(projection.to_metres(walked)), stroke=TRACK_COLOUR, width=1.0)
        canvas.key(Key(tr("track_legend", lang), "line", stroke=TRACK_COLOUR, width=1.0))
    if layer.not_inspected is not None and not layer.not_inspected.is_empty:
        dash = (7.8, 3.9)
        canvas.lines(
            _merged(projection.to_metres(layer.not_inspected)),
            stroke=NOT_INSPECTED_COLOUR,
            width=2.6,
            dash=dash,
        )
        canvas.key(
            Key(
                tr("track_not_inspected", lang),
                "line",
                stroke=NOT_INSPECTED_COLOUR,
                width=2.6,
                dash=dash,
            )
        )
