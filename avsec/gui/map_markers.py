"""The assessment's markers on the map, made from the open file: one per finding, per located
observation of the visit and per placed photo; markers at one place fan out round it.

Also what a marker says: the tooltips of observations and of clusters, and the outline of a
selected finding. :class:`avsec.gui.map_scene.MapScene` puts them on the map and clusters them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from avsec.app.map_geometry import POINT, POLYGON, MapProjection
from avsec.core.document import AssessmentDocument, Observation
from avsec.core.findings import Finding, finding_label, observation_label
from avsec.core.i18n import pick
from avsec.gui.i18n import language, ngettext, tr
from avsec.gui.labels import rule_label
from avsec.gui.map_items import (
    NumberedMarker,
    build_path,
    fan_offsets,
    finding_marker,
    observation_marker,
    photo_marker,
)
from avsec.gui.map_overlays import ClusterMarker
from avsec.gui.session import Session
from avsec.gui.style import SEVERITY_COLOURS, Z_FINDINGS


def finding_markers(session: Session, projection: MapProjection) -> dict[str, NumberedMarker]:
    """A numbered marker at each finding, by finding id (findings the inspector set aside as
    false positives fade)."""
    markers: dict[str, NumberedMarker] = {}
    findings = session.doc.findings
    if not findings:
        return markers
    points = projection.to_scene(np.array([f.location for f in findings], dtype=float))
    for finding, (x, y) in zip(findings, points, strict=True):
        if finding.id in markers:
            continue  # the same gap stored twice: one marker, one number
        # The numbers of the findings list, the item page, the outline and the report.
        number = session.finding_number(finding.id)
        marker = finding_marker(finding.id, number, finding.severity)
        marker.setPos(QPointF(float(x), float(y)))
        tip = f"{finding_label(number)}. {rule_label(finding.rule)}"
        judgement = session.doc.judgements.get(finding.id)
        if judgement is not None and judgement.verdict == "false_positive":
            marker.setOpacity(0.45)  # set aside by the inspector, still findable
            tip += f" ({tr('False positive')})"
        marker.setToolTip(tip)
        markers[finding.id] = marker
    return markers


def observation_markers(
    observations: Iterable[Observation], projection: MapProjection
) -> dict[str, NumberedMarker]:
    """A numbered marker at each located observation of the visit narrative, by id."""
    markers: dict[str, NumberedMarker] = {}
    for number, observation in enumerate(observations, start=1):
        if observation.location is None:
            continue
        lon, lat = observation.location
        x, y = projection.point_to_scene(lon, lat)
        marker = observation_marker(observation.id, number)
        marker.setPos(QPointF(x, y))
        marker.setToolTip(observation_tooltip(observation, number))
        markers[observation.id] = marker
    return markers


def photo_markers(doc: AssessmentDocument, projection: MapProjection) -> dict[str, NumberedMarker]:
    """A marker at each photo that carries a GPS position and belongs to an item, by id."""
    linked = {p for r in doc.responses.values() for p in r.photos}
    markers: dict[str, NumberedMarker] = {}
    for info in doc.attachments:
        if info.id not in linked or info.lon is None or info.lat is None:
            continue
        x, y = projection.point_to_scene(info.lon, info.lat)
        marker = photo_marker(info.id)
        marker.setPos(QPointF(x, y))
        marker.setToolTip(info.filename)
        markers[info.id] = marker
    return markers


def fan_out(markers: Iterable[NumberedMarker]) -> None:
    """Spread markers at one place round it, so that each can be read and clicked."""
    by_place: dict[tuple[float, float], list[NumberedMarker]] = {}
    for marker in markers:
        at = marker.pos()
        by_place.setdefault((round(at.x(), 1), round(at.y(), 1)), []).append(marker)
    for group in by_place.values():
        for marker, (dx, dy) in zip(group, fan_offsets(len(group)), strict=True):
            marker.set_offset(dx, dy)


def finding_outline(finding: Finding, projection: MapProjection) -> QGraphicsPathItem | None:
    """The dashed outline of a finding's line or area in its severity's colour (None for a
    point: its marker shows it)."""
    geometry = projection.project(finding.geometry)
    if not geometry.parts or geometry.family == POINT:
        return None
    outline = QGraphicsPathItem(build_path(geometry.family, geometry.parts))
    pen = QPen(QColor(SEVERITY_COLOURS.get(finding.severity, "#b71c1c")), 4.0)
    pen.setCosmetic(True)
    pen.setStyle(Qt.PenStyle.DashLine)
    outline.setPen(pen)
    if geometry.family == POLYGON:
        fill = QColor(SEVERITY_COLOURS.get(finding.severity, "#b71c1c"))
        fill.setAlpha(60)
        outline.setBrush(fill)
    outline.setZValue(Z_FINDINGS - 1)
    outline.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return outline


def cluster_tooltip(cluster: ClusterMarker) -> str:
    """What a cluster holds, and that a click opens it."""
    count = len(cluster.members)
    what = {
        "findings": ngettext("{count} finding", "{count} findings", count),
        "observations": ngettext("{count} observation", "{count} observations", count),
        "photos": ngettext("{count} photo", "{count} photos", count),
    }[cluster.layer].format(count=count)
    names = ", ".join(m.text for m in cluster.members if m.text)
    head = f"{what}: {names}" if names else what
    return head + "\n" + tr("Click or zoom in to see them apart.")


def observation_tooltip(observation: Observation, number: int) -> str:
    """Rich text of an observation for a tooltip: number, place, text and items."""
    lines = [f"<b>{observation_label(number)}. {html.escape(observation.place_in(language()))}</b>"]
    lines.append(html.escape(pick(observation.text, language())))
    if observation.items:
        lines.append(
            "<i>"
            + html.escape(tr("Checklist items"))
            + ": "
            + ", ".join(observation.items)
            + "</i>"
        )
    return "<p>" + "<br>".join(lines) + "</p>"
