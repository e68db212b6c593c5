"""The walked GPS tracks on the report's zone map, and the fence they did not inspect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry

from avsec.core.palette import NOT_INSPECTED_COLOUR, TRACK_COLOUR
from avsec.geo.projection import LocalProjection
from avsec.report.text import tr


@dataclass
class TrackLayer:
    """What the map draws of the tracks: their lines and the stretches not inspected (lon/lat)."""

    lines: Sequence[Sequence[tuple[float, float]]]
    not_inspected: BaseGeometry | None = None


def _segments(geom: BaseGeometry) -> list[np.ndarray]:
    parts = shapely.get_parts(shapely.line_merge(geom)) if not geom.is_empty else []
    return [shapely.get_coordinates(p) for p in parts if p.geom_type == "LineString"]


def draw_tracks(
    ax: Any, layer: TrackLayer, projection: LocalProjection, handles: list[Any], lang: str
) -> None:
    """Draw the tracks (thin blue) and the uninspected fence (thick dashed magenta)."""
    walked = MultiLineString([LineString(line) for line in layer.lines if len(line) >= 2])
    if not walked.is_empty:
        ax.add_collection(
            LineCollection(
                _segments(projection.to_metres(walked)),
                colors=TRACK_COLOUR,
                linewidths=1.0,
                zorder=3.5,
            ),
            autolim=False,
        )
        handles.append(
            Line2D([], [], color=TRACK_COLOUR, linewidth=1.0, label=tr("track_legend", lang))
        )
    if layer.not_inspected is not None and not layer.not_inspected.is_empty:
        dash = (0, (3, 1.5))
        ax.add_collection(
            LineCollection(
                _segments(projection.to_metres(layer.not_inspected)),
                colors=NOT_INSPECTED_COLOUR,
                linewidths=2.6,
                linestyles=dash,
                zorder=3.6,
            ),
            autolim=False,
        )
        handles.append(
            Line2D(
                [],
                [],
                color=NOT_INSPECTED_COLOUR,
                linewidth=2.6,
                linestyle=dash,
                label=tr("track_not_inspected", lang),
            )
        )
