"""Graphics items of the map: features, point markers, findings, photos and vertex handles.

Pens are cosmetic (widths in screen pixels) and markers ignore the view transform, so the map
reads the same at 1:500 and 1:50 000. Picking is done by the view from the stored scene
coordinates, not by Qt's item shapes: a 1-pixel fence stays easy to click at any zoom.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from avsec.app.map_geometry import LINE, POINT, POLYGON, ring_contains, segment_distance
from avsec.core.findings import finding_label, observation_label
from avsec.gui.style import (
    CONTROL_COLOURS,
    OBSERVATION_COLOUR,
    PHOTO_COLOUR,
    SEVERITY_COLOURS,
    Z_FINDINGS,
    Z_HANDLES,
    Z_OBSERVATIONS,
    Z_PHOTOS,
    kind_style,
)

SELECTED_COLOUR = "#00b8d4"
#: Features with more vertices than this are drawn simplified when zoomed out (a 20 000-vertex
#: perimeter shown whole needs a few hundred): the map redraws 2,000 features without lag.
LOD_MIN_VERTICES = 24
#: Simplification tolerance, screen pixels.
LOD_TOLERANCE_PX = 0.5


_SPRITES: dict[tuple, QPixmap] = {}


def _sprite(key: tuple, radius: float, draw: Callable[[QPainter], None]) -> QPixmap:
    """A cached pixmap of a marker drawn once by ``draw(painter)`` round (0, 0).

    Hundreds of markers share a few looks; blitting a pixmap is far cheaper than drawing
    antialiased shapes and text for each one at every redraw.
    """
    pixmap = _SPRITES.get(key)
    if pixmap is None:
        side = 2 * int(math.ceil(radius)) + 2
        pixmap = QPixmap(side * 2, side * 2)  # twice the size: sharp on HiDPI screens too
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(side / 2, side / 2)
        draw(painter)
        painter.end()
        _SPRITES[key] = pixmap
    return pixmap


def _blit(painter: QPainter, pixmap: QPixmap) -> None:
    side = pixmap.width() / pixmap.devicePixelRatio()
    painter.drawPixmap(QPointF(-side / 2, -side / 2), pixmap)


def _polygon(points: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(float(x), float(y)) for x, y in points])


def build_path(family: str, parts: list[np.ndarray]) -> QPainterPath:
    """A painter path for polygon rings or line strings in scene coordinates."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for part in parts:
        if len(part) == 0:
            continue
        if family == POLYGON:
            path.addPolygon(_polygon(part))
            path.closeSubpath()
        else:
            polygon = _polygon(part)
            path.moveTo(polygon.at(0))
            for index in range(1, polygon.size()):
                path.lineTo(polygon.at(index))
    return path


class FeatureItem(QGraphicsPathItem):
    """A zone, building, parking, barrier, road or polygon obstacle.

    Parameters
    ----------
    feature_id, kind, properties
        From the layout feature.
    family
        "polygon" or "line".
    parts
        Scene coordinates of the rings or lines.
    polygons
        Polygon index of each ring (MultiPolygons).
    """

    def __init__(
        self,
        feature_id: str,
        kind: str,
        properties: dict,
        family: str,
        parts: list[np.ndarray],
        polygons: list[int] | None = None,
    ):
        super().__init__()
        self.feature_id = feature_id
        self.kind = kind
        self.properties = properties
        self.family = family
        self.parts = [np.array(p, dtype=float) for p in parts]
        self.polygons = list(polygons) if polygons else None
        self.selected_look = False
        self._simplified: dict[int, QPainterPath] = {}
        self._vertices = sum(len(p) for p in self.parts)
        style = kind_style(kind)
        self.setZValue(style.z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._apply_style()
        self.setPath(build_path(family, self.parts))

    def _apply_style(self) -> None:
        style = kind_style(self.kind)
        colour = QColor(SELECTED_COLOUR if self.selected_look else style.stroke)
        width = style.width + (1.8 if self.selected_look else 0)
        pen = QPen(colour, width)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        damaged = self.kind == "barrier" and self.properties.get("condition") == "damaged"
        if style.dashed or damaged:
            pen.setStyle(Qt.PenStyle.DashLine)
        if damaged and not self.selected_look:
            pen.setColor(QColor("#c62828"))
        self.setPen(pen)
        if self.family == POLYGON and style.fill:
            fill = QColor(style.fill)
            fill.setAlpha(style.fill_alpha)
            self.setBrush(QBrush(fill))
        else:
            self.setBrush(Qt.BrushStyle.NoBrush)

    def set_selected_look(self, selected: bool) -> None:
        """Draw the feature highlighted (or not)."""
        if selected != self.selected_look:
            self.selected_look = selected
            self._apply_style()

    def set_parts(self, parts: list[np.ndarray]) -> None:
        """Replace the geometry (vertex editing)."""
        self.parts = [np.array(p, dtype=float) for p in parts]
        self._vertices = sum(len(p) for p in self.parts)
        self._simplified.clear()
        self.setPath(build_path(self.family, self.parts))

    def path_for_scale(self, pixels_per_metre: float) -> QPainterPath:
        """The path to draw at this zoom: simplified to half a pixel when that drops vertices."""
        if self._vertices < LOD_MIN_VERTICES or pixels_per_metre <= 0:
            return self.path()
        tolerance = LOD_TOLERANCE_PX / pixels_per_metre
        if tolerance < 0.05:  # closer than 5 cm: nothing to gain
            return self.path()
        bucket = math.floor(math.log2(tolerance))  # cache per power of two of the tolerance
        path = self._simplified.get(bucket)
        if path is None:
            closed = self.family == POLYGON
            simplified = []
            for part in self.parts:
                if len(part) < 8:
                    simplified.append(part)
                    continue
                line = shapely.LineString(np.vstack([part, part[:1]]) if closed else part)
                coords = shapely.get_coordinates(shapely.simplify(line, 2.0**bucket))
                simplified.append(coords[:-1] if closed else coords)
            path = build_path(self.family, simplified)
            self._simplified[bucket] = path
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the (possibly simplified) path with the item's pen and brush."""
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(
            self.path_for_scale(option.levelOfDetailFromTransform(painter.worldTransform()))
        )

    def distance(self, x: float, y: float) -> float:
        """Scene distance from (x, y) to the feature (0 inside a polygon)."""
        if self.family == POLYGON:
            inside = sum(ring_contains(ring, x, y) for ring in self.parts) % 2 == 1
            if inside:
                return 0.0
            return min(segment_distance(ring, x, y, closed=True) for ring in self.parts)
        return min(segment_distance(line, x, y, closed=False) for line in self.parts)


def square(half: float) -> QRectF:
    """The square reaching ``half`` pixels each way from an item's position."""
    return QRectF(-half, -half, 2 * half, 2 * half)


class ScreenItem(QGraphicsItem):
    """An item drawn in screen pixels round its scene position, the same size at any zoom,
    that takes no mouse button: the view picks from the stored scene coordinates."""

    def __init__(self, z: float):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(z)


class PointFeatureItem(ScreenItem):
    """An access point or point obstacle: a marker of constant screen size."""

    SIZE = 12.0

    def __init__(self, feature_id: str, kind: str, properties: dict, point: np.ndarray):
        super().__init__(kind_style(kind).z)
        self.feature_id = feature_id
        self.kind = kind
        self.properties = properties
        self.family = POINT
        self.parts = [np.array(point, dtype=float).reshape(1, 2)]
        self.polygons = None
        self.selected_look = False
        self.setPos(QPointF(float(self.parts[0][0, 0]), float(self.parts[0][0, 1])))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return square(self.SIZE / 2 + 3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        control = str(self.properties.get("control", "")) if self.kind == "access_point" else ""
        _blit(
            painter,
            _sprite(
                ("point", self.kind, control, self.selected_look), self.SIZE / 2 + 3, self._draw
            ),
        )

    def _draw(self, painter: QPainter) -> None:
        style = kind_style(self.kind)
        stroke = QColor(SELECTED_COLOUR if self.selected_look else style.stroke)
        painter.setPen(QPen(stroke, 3.0 if self.selected_look else 1.6))
        half = self.SIZE / 2
        if self.kind == "access_point":
            control = str(self.properties.get("control", ""))
            painter.setBrush(QBrush(QColor(CONTROL_COLOURS.get(control, style.fill or "white"))))
            painter.drawRect(QRectF(-half, -half, self.SIZE, self.SIZE))
        else:
            painter.setBrush(QBrush(QColor(style.fill or "white")))
            painter.drawPolygon(
                QPolygonF([QPointF(0, -half), QPointF(half, half), QPointF(-half, half)])
            )

    def set_selected_look(self, selected: bool) -> None:
        """Draw the marker highlighted (or not)."""
        if selected != self.selected_look:
            self.selected_look = selected
            self.update()

    def set_parts(self, parts: list[np.ndarray]) -> None:
        """Move the point."""
        self.parts = [np.array(parts[0], dtype=float).reshape(1, 2)]
        self.setPos(QPointF(float(self.parts[0][0, 0]), float(self.parts[0][0, 1])))

    def distance(self, x: float, y: float) -> float:
        """Scene distance from (x, y) to the point."""
        return float(np.hypot(self.parts[0][0, 0] - x, self.parts[0][0, 1] - y))


class NumberedMarker(ScreenItem):
    """A round marker with a number (a finding), a small camera (a photo), or a rounded square
    with a number (an observation of the visit).

    ``offset`` moves the drawing by that many screen pixels from the marker's position, so that
    markers at the same place fan out instead of hiding each other.
    """

    def __init__(
        self,
        key: str,
        colour: str,
        text: str,
        radius: float,
        z: float,
        marker_shape: str = "circle",
    ):
        super().__init__(z)
        self.key = key
        self.colour = QColor(colour)
        self.text = text
        self.radius = radius
        # Not "shape": that is QGraphicsItem.shape(), which Qt calls to hit-test the item.
        self.marker_shape = marker_shape
        self.offset = QPointF(0, 0)
        self.highlighted = False

    def set_offset(self, dx: float, dy: float) -> None:
        """Draw the marker ``dx``, ``dy`` screen pixels away from its position."""
        self.prepareGeometryChange()
        self.offset = QPointF(dx, dy)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return square(self.radius + 4).translated(self.offset)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        key = (
            "marker",
            self.colour.name(),
            self.text,
            self.radius,
            self.marker_shape,
            self.highlighted,
        )
        if self.offset.isNull():
            _blit(painter, _sprite(key, self.radius + 4, self._draw))
            return
        painter.translate(self.offset)
        _blit(painter, _sprite(key, self.radius + 4, self._draw))
        painter.translate(-self.offset)

    def _draw(self, painter: QPainter) -> None:
        r = self.radius
        painter.setPen(
            QPen(
                QColor(SELECTED_COLOUR if self.highlighted else "white"),
                3 if self.highlighted else 2,
            )
        )
        painter.setBrush(QBrush(self.colour))
        if self.marker_shape == "square":
            painter.drawRoundedRect(square(r), r * 0.35, r * 0.35)
        else:
            painter.drawEllipse(square(r))
        if self.text:
            font = QFont(painter.font())
            font.setBold(True)
            font.setPixelSize(int(r * 1.1) if len(self.text) < 3 else int(r * 0.85))
            painter.setFont(font)
            painter.setPen(QPen(QColor("white")))
            painter.drawText(square(r), Qt.AlignmentFlag.AlignCenter, self.text)
        else:  # a camera: body and lens
            painter.setPen(QPen(QColor("white"), 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(-r * 0.55, -r * 0.35, r * 1.1, r * 0.75), 1.5, 1.5)
            painter.drawEllipse(QPointF(0, 0.02 * r), r * 0.22, r * 0.22)

    def set_highlighted(self, highlighted: bool) -> None:
        """Draw a ring round the marker (the selected finding)."""
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self.update()


def finding_marker(finding_id: str, number: int, severity: str) -> NumberedMarker:
    """The numbered marker of a finding."""
    return NumberedMarker(
        finding_id,
        SEVERITY_COLOURS.get(severity, "#555555"),
        finding_label(number),
        11,
        Z_FINDINGS,
    )


def photo_marker(attachment_id: str) -> NumberedMarker:
    """The marker of a photo placed by its GPS position."""
    return NumberedMarker(attachment_id, PHOTO_COLOUR, "", 9, Z_PHOTOS)


def observation_marker(observation_id: str, number: int) -> NumberedMarker:
    """The marker of an observation of the visit: a numbered rounded square.

    Square rather than round so that it never reads as a finding's number.
    """
    return NumberedMarker(
        observation_id,
        OBSERVATION_COLOUR,
        observation_label(number),
        9,
        Z_OBSERVATIONS,
        marker_shape="square",
    )


def fan_offsets(count: int, spacing: float = 22.0) -> list[tuple[float, float]]:
    """Screen-pixel offsets that spread ``count`` markers at one place round a circle."""
    if count <= 1:
        return [(0.0, 0.0)] * count
    radius = max(spacing * 0.6, spacing * count / (2 * math.pi))
    return [
        (
            radius * math.cos(2 * math.pi * i / count - math.pi / 2),
            radius * math.sin(2 * math.pi * i / count - math.pi / 2),
        )
        for i in range(count)
    ]


class VertexHandle(ScreenItem):
    """A square handle on one vertex of the selected feature."""

    SIZE = 9.0

    def __init__(self, part: int, index: int, point: QPointF):
        super().__init__(Z_HANDLES)
        self.part = part
        self.index = index
        self.setPos(point)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return square(self.SIZE / 2 + 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        half = self.SIZE / 2
        painter.setPen(QPen(QColor("#006064"), 1.5))
        painter.setBrush(QBrush(QColor("white")))
        painter.drawRect(QRectF(-half, -half, self.SIZE, self.SIZE))


__all__ = [
    "LINE",
    "POINT",
    "POLYGON",
    "FeatureItem",
    "NumberedMarker",
    "PointFeatureItem",
    "VertexHandle",
    "build_path",
    "fan_offsets",
    "finding_marker",
    "observation_marker",
    "photo_marker",
]
