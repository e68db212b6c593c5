"""What the map draws on top of the layout to stay readable: marker clusters, feature labels
and the measure tool's path.

Markers that would overlap at the current zoom are replaced by one cluster marker with their
count (:class:`ClusterMarker`); zooming in or clicking the cluster separates them again.
Named features can carry their name as a label (View > Feature labels). All three ignore the
view transform: they read the same at every zoom.
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from avsec.app.map_geometry import LINE, POINT, POLYGON
from avsec.gui.map_items import NumberedMarker, ScreenItem, _blit, _sprite, square
from avsec.gui.style import SEVERITY_COLOURS, Z_DRAWING, Z_PHOTOS

#: Labels lie over every feature and under every marker.
Z_LABELS = Z_PHOTOS - 5

#: Marker layers that cluster, each on its own (a finding never hides in a cluster of photos).
CLUSTER_LAYERS = ("findings", "observations", "photos")
#: Markers closer than this share of their diameter (screen pixels) are drawn as one cluster.
OVERLAP = 0.9
#: Colour rank of the finding severities: a cluster takes the colour of its worst member.
_SEVERITY_RANK = {colour.lower(): rank for rank, colour in enumerate(SEVERITY_COLOURS.values())}


class ClusterMarker(NumberedMarker):
    """Several markers of one layer that overlap at this zoom: a stacked marker with a count.

    Parameters
    ----------
    layer
        "findings", "observations" or "photos".
    members
        The markers it stands for (hidden while it is shown).
    """

    def __init__(self, layer: str, members: list[NumberedMarker]):
        first = members[0]
        colour = min(
            (m.colour.name() for m in members), key=lambda c: _SEVERITY_RANK.get(c.lower(), 99)
        )
        super().__init__(
            f"cluster:{layer}:{first.key}",
            colour,
            str(len(members)),
            first.radius + 2,
            first.zValue() + 0.5,
            marker_shape=first.marker_shape,
        )
        self.layer = layer
        self.members = list(members)
        centre = np.mean([(m.pos().x(), m.pos().y()) for m in members], axis=0)
        self.setPos(QPointF(float(centre[0]), float(centre[1])))

    def member_rect(self) -> QRectF:
        """The scene rectangle holding every member's position."""
        xs = [m.pos().x() for m in self.members]
        ys = [m.pos().y() for m in self.members]
        return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        r = self.radius + 7
        return square(r)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        key = ("cluster", self.colour.name(), self.text, self.radius, self.marker_shape)
        _blit(painter, _sprite(key, self.radius + 7, self._draw_stack))

    def _draw_stack(self, painter: QPainter) -> None:
        """Two shapes behind a white front with the count in colour: a stack, never read as a
        finding's or an observation's number (those are white on colour)."""
        r = self.radius

        def shape(rect: QRectF) -> None:
            if self.marker_shape == "square":
                painter.drawRoundedRect(rect, r * 0.35, r * 0.35)
            else:
                painter.drawEllipse(rect)

        for shift in (5.0, 2.5):
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QBrush(self.colour))
            shape(QRectF(-r + shift, -r - shift, 2 * r, 2 * r))
        painter.setPen(QPen(self.colour, 3.0))
        painter.setBrush(QBrush(QColor("white")))
        shape(square(r))
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(int(r * 1.1))
        painter.setFont(font)
        painter.setPen(QPen(self.colour.darker(130)))
        painter.drawText(square(r), Qt.AlignmentFlag.AlignCenter, self.text)


class FeatureLabel(ScreenItem):
    """A feature's name drawn at a fixed screen size, dark text on a white halo."""

    def __init__(self, text: str, anchor: str = "centre"):
        super().__init__(Z_LABELS)
        self.text = text
        font = QFont()
        font.setPixelSize(11)
        font.setBold(True)
        self._path = QPainterPath()
        self._path.addText(0, 0, font, text)
        box = self._path.boundingRect()
        # Centred on its anchor (zones, lines) or to the right of it (points).
        dx = -box.center().x() if anchor == "centre" else 10 - box.left()
        self._path.translate(dx, -box.center().y())

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._path.boundingRect().adjusted(-3, -3, 3, 3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        halo = QPen(QColor(255, 255, 255, 230), 3.5)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(self._path, halo)
        painter.fillPath(self._path, QBrush(QColor("#1c262b")))


def label_anchor(family: str, parts: list[np.ndarray]) -> QPointF:
    """Where a feature's label goes, scene coordinates: inside a zone, halfway along a line."""
    if family == POLYGON and len(parts[0]) >= 3:
        point = shapely.Polygon(parts[0]).representative_point()
        return QPointF(point.x, point.y)
    if family == LINE and len(parts[0]) >= 2:
        point = shapely.LineString(parts[0]).interpolate(0.5, normalized=True)
        return QPointF(point.x, point.y)
    first = parts[0][0]
    return QPointF(float(first[0]), float(first[1]))


def make_label(family: str, parts: list[np.ndarray], text: str) -> FeatureLabel:
    """The label of a feature: its name inside a zone, halfway along a line, right of a point."""
    label = FeatureLabel(text, "right" if family == POINT else "centre")
    label.setPos(label_anchor(family, parts))
    return label


class MeasurePath(QGraphicsPathItem):
    """The measure tool's path: a dashed line, closed and tinted once it encloses an area."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(QColor("#6a1b9a"), 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setZValue(Z_DRAWING)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_points(self, points: list[QPointF]) -> None:
        """Draw the path through ``points`` (closed and filled from three on)."""
        path = QPainterPath()
        if points:
            path.moveTo(points[0])
            for point in points[1:]:
                path.lineTo(point)
            if len(points) > 2:
                path.closeSubpath()
        fill = QColor("#6a1b9a")
        fill.setAlpha(40 if len(points) > 2 else 0)
        self.setBrush(QBrush(fill))
        self.setPath(path)
