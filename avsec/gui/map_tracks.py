"""The walked GPS tracks on the map, and the stretches of the fence they did not inspect.

Kept apart from the scene (:mod:`avsec.gui.map_scene` only calls :func:`track_items`): the
tracks are evidence drawn over the layout, computed by :func:`avsec.geo.tracks.inspection_lonlat`
as ``analyze`` measures them.
"""

from __future__ import annotations

import json

import numpy as np
import shapely
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from avsec.app.map_geometry import MapProjection
from avsec.core.document import AssessmentDocument
from avsec.core.palette import NOT_INSPECTED_COLOUR, TRACK_COLOUR
from avsec.gui.i18n import language, number, tr
from avsec.gui.map_items import build_path
from avsec.gui.style import Z_PHOTOS

#: Below the photo markers, above every feature.
Z_TRACKS = Z_PHOTOS - 2


def _item(parts: list[np.ndarray], colour: str, width: float, dashed: bool) -> QGraphicsPathItem:
    item = QGraphicsPathItem(build_path("line", parts))
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    item.setPen(pen)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return item


def track_items(doc: AssessmentDocument, projection: MapProjection) -> list[QGraphicsPathItem]:
    """One item per track and one for the boundary stretches none of them inspected."""
    from avsec.geo.tracks import document_inspection

    items = []
    for track in doc.tracks:
        parts = [projection.to_scene(np.array(line, dtype=float)) for line in track.lines()]
        item = _item(parts, TRACK_COLOUR, 2.5, dashed=False)
        item.setToolTip(tr("GPS track: {name}").format(name=track.name or track.source))
        items.append(item)
    if not doc.tracks:
        return items
    result = document_inspection(doc)
    if result is not None and not result.not_inspected.is_empty:
        lines = shapely.get_parts(shapely.line_merge(result.not_inspected))
        parts = [
            projection.to_scene(np.array(json.loads(shapely.to_geojson(g))["coordinates"]))
            for g in lines
            if g.geom_type == "LineString"
        ]
        item = _item(parts, NOT_INSPECTED_COLOUR, 5.0, dashed=True)
        item.setToolTip(
            tr("Not inspected: {length} km of the fence").format(
                length=number((result.total_m - result.inspected_m) / 1000, 1)
            )
        )
        items.append(item)
    for item in items:
        item.setZValue(Z_TRACKS)
    return items


def inspected_label(doc: AssessmentDocument, item_id: str) -> str:
    """ "GPS tracks: 4.2 km of 5.0 km inspected (84 %)" for an item the perimeter rule informs
    ("" for other items, or without tracks or an airside zone)."""
    from avsec.core.tracks import inspected_sentence
    from avsec.geo.tracks import document_inspection

    if not doc.tracks or item_id not in doc.checklist.items_for_rule("perimeter_gap"):
        return ""
    result = document_inspection(doc)
    if result is None or result.total_m <= 0:
        return ""
    sentence = inspected_sentence(
        tr("{inspected} km of {total} km inspected ({share})"),
        result.inspected_m,
        result.total_m,
        language(),
    )
    return tr("GPS tracks: {sentence}").format(sentence=sentence)
