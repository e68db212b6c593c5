"""The map's drawing tool: the vertices of a new feature, clicked one by one, and the dashed
path that shows them (closed for a zone) running on to the pointer.

The view turns clicks and keys into these calls and emits the finished geometry; nothing is
stored until then.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from avsec.app.map_geometry import POLYGON
from avsec.gui.style import Z_DRAWING


class DrawTool:
    """The vertices drawn so far on ``scene`` and the rubber band through them."""

    def __init__(self, scene: QGraphicsScene):
        self.scene = scene
        self.vertices: list[QPointF] = []
        self.rubber: QGraphicsPathItem | None = None

    def cancel(self) -> None:
        """Drop the vertices and the rubber band."""
        self.vertices = []
        if self.rubber is not None:
            self.scene.removeItem(self.rubber)
            self.rubber = None

    def add(self, point: QPointF, family: str) -> None:
        """Add a vertex (a click on the last one adds nothing)."""
        if self.vertices and (self.vertices[-1] - point).manhattanLength() < 1e-9:
            return
        self.vertices.append(point)
        self.show(family)

    def drop_last(self, family: str) -> bool:
        """Drop the last vertex; False when there was none."""
        if not self.vertices:
            return False
        self.vertices.pop()
        self.show(family)
        return True

    def finish(self, family: str) -> list[np.ndarray] | None:
        """The drawn geometry's parts (scene coordinates) when it has enough vertices for
        ``family`` (3 for a zone, 2 for a line), the tool then cleared; None otherwise."""
        if len(self.vertices) < (3 if family == POLYGON else 2):
            return None
        parts = [np.array([[p.x(), p.y()] for p in self.vertices])]
        self.cancel()
        return parts

    def show(self, family: str, cursor: QPointF | None = None) -> None:
        """Draw the rubber band through the vertices (and on to ``cursor``)."""
        points = list(self.vertices)
        if cursor is not None:
            points.append(cursor)
        if self.rubber is None:
            self.rubber = QGraphicsPathItem()
            pen = QPen(QColor("#00838f"), 2.0, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self.rubber.setPen(pen)
            self.rubber.setZValue(Z_DRAWING)
            self.scene.addItem(self.rubber)
        path = QPainterPath()
        if points:
            path.moveTo(points[0])
            for point in points[1:]:
                path.lineTo(point)
            if family == POLYGON and len(points) > 2:
                path.closeSubpath()
        self.rubber.setPath(path)
