"""The map's measure tool: click points, read the distance along them and the area they enclose.

Lengths and areas are computed in the scene's metres (the airport's local projection, see
:mod:`avsec.app.map_tools`). Nothing is stored: a measurement is a look, not an edit.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from avsec.app.map_tools import Measurement, measure
from avsec.gui.i18n import number, tr
from avsec.gui.map_overlays import MeasurePath


def distance_text(metres: float) -> str:
    """ "1,234.5 m" (metres, one decimal)."""
    return tr("{n} m").format(n=number(metres, 1))


def area_text(square_metres: float) -> str:
    """ "12,345 m² (1.23 ha)"; hectares only from one hectare on."""
    text = tr("{n} m²").format(n=number(square_metres, 0))
    if square_metres >= 10_000:
        text += " (" + tr("{n} ha").format(n=number(square_metres / 10_000, 2)) + ")"
    return text


class MeasureTool:
    """The points of one measurement and the path that shows them on ``scene``."""

    def __init__(self, scene: QGraphicsScene):
        self.scene = scene
        self.points: list[QPointF] = []
        self.cursor: QPointF | None = None
        self.done = False
        self.path: MeasurePath | None = None

    def add(self, point: QPointF) -> None:
        """Add a point (after a finished measurement, start a new one)."""
        if self.done:
            self.clear()
        if not self.points or (self.points[-1] - point).manhattanLength() > 1e-9:
            self.points.append(point)
        self._update()

    def hover(self, point: QPointF) -> None:
        """Follow the pointer: the path runs on to it until the measurement is finished."""
        if self.points and not self.done:
            self.cursor = point
            self._update()

    def finish(self) -> None:
        """Stop adding points; the measurement stays shown until the next click or Escape."""
        self.done = bool(self.points)
        self.cursor = None
        self._update()

    def drop_last(self) -> None:
        """Take the last point back."""
        if self.points and not self.done:
            self.points.pop()
            self._update()

    def clear(self) -> None:
        """Forget the measurement and take its path off the map."""
        self.points = []
        self.cursor = None
        self.done = False
        if self.path is not None:
            self.scene.removeItem(self.path)
            self.path = None

    def measurement(self) -> Measurement:
        """Length and area of the points (and the pointer while measuring)."""
        shown = self.points + ([self.cursor] if self.cursor is not None else [])
        return measure([(p.x(), p.y()) for p in shown])

    def text(self) -> str:
        """What the map shows: the distance, and the area from three points on ("" when
        nothing is measured)."""
        if not self.points:
            return ""
        result = self.measurement()
        lines = [tr("Distance: {value}").format(value=distance_text(result.length_m))]
        if result.points >= 3:
            lines.append(tr("Area: {value}").format(value=area_text(result.area_m2)))
        return "\n".join(lines)

    def _update(self) -> None:
        if self.path is None:
            self.path = MeasurePath()
            self.scene.addItem(self.path)
        self.path.set_points(self.points + ([self.cursor] if self.cursor is not None else []))
