"""The map view: zoom, pan, scale bar, picking, drawing and vertex editing.

Tools: "select" (click picks a feature, finding, observation or photo, or opens a cluster of
markers; drag pans; drag a handle to move it; double-click an edge to add a vertex; right-click
a handle to delete it), "measure" (click points; the distance and the enclosed area show in the
corner; double-click or Enter ends, Escape clears) or a feature kind (click to add vertices,
double-click or Enter to finish, Backspace drops the last vertex, Escape cancels). The middle
button and the wheel pan and zoom in every tool. "Fit to layout" stays in force while the
window is resized, until the user zooms or pans.

The view turns events into calls: the vertices being drawn are kept by
:mod:`avsec.gui.map_draw_tool`, the points measured by :mod:`avsec.gui.map_measure`, and what
is painted over the map (scale bar, north arrow, measurement) by :mod:`avsec.gui.map_foreground`.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from avsec.app.map_geometry import LINE, POINT, POLYGON, nearest_segment
from avsec.gui.i18n import tr
from avsec.gui.map_draw_tool import DrawTool
from avsec.gui.map_foreground import paint_north_arrow, paint_readout, paint_scale_bar
from avsec.gui.map_items import FeatureItem, NumberedMarker, PointFeatureItem
from avsec.gui.map_measure import MeasureTool
from avsec.gui.map_overlays import OVERLAP, ClusterMarker
from avsec.gui.map_scene import MapScene

#: Geometry family each kind is drawn as (docs/architecture.md, *Layout and geometry*: zones polygons, barriers and roads
#: lines, access points and obstacles points).
DRAW_FAMILY = {
    "airside": POLYGON,
    "sra": POLYGON,
    "critical_part": POLYGON,
    "landside": POLYGON,
    "building": POLYGON,
    "parking": POLYGON,
    "barrier": LINE,
    "road": LINE,
    "access_point": POINT,
    "obstacle": POINT,
}
PICK_PIXELS = 7.0
CLICK_PIXELS = 4.0
MIN_SCALE, MAX_SCALE = 1e-4, 200.0  # pixels per metre


class MapView(QGraphicsView):
    """Shows a :class:`MapScene` and turns mouse and keys into edits.

    Parameters
    ----------
    scene
        The map scene.
    """

    #: A feature was clicked ("" for empty map).
    feature_picked = Signal(str)
    #: A finding marker was clicked.
    finding_picked = Signal(str)
    #: A photo marker was clicked.
    photo_picked = Signal(str)
    #: An observation marker was clicked.
    observation_picked = Signal(str)
    #: A new geometry was drawn: kind, family, list of (n, 2) scene arrays.
    geometry_drawn = Signal(str, str, list)
    #: The selected feature's vertices were edited: feature id, new parts.
    geometry_edited = Signal(str, list)
    #: The pointer moved: scene x, y.
    pointer_moved = Signal(float, float)
    #: "Record access test…" was chosen on an access point (its feature id).
    access_test_requested = Signal(str)

    def __init__(self, scene: MapScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setObjectName("map-view")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setBackgroundBrush(QBrush(QColor("#f4f6f4")))
        self.setMouseTracking(True)
        # Pan by dragging; scroll bars only take room from the map.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tool = "select"
        self.draw_tool = DrawTool(scene)
        self._press: QPoint | None = None
        self._drag: tuple[str, int, int] | None = None
        self._drag_moved = False
        self._pan_from: QPoint | None = None
        self._fitted_once = False
        #: The view shows the whole layout and refits when resized (until a zoom or pan).
        self.fit_mode = False
        self.measure_tool = MeasureTool(scene)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    # --- zoom and pan -----------------------------------------------------------------------

    def scale_factor(self) -> float:
        """Screen pixels per metre."""
        return abs(self.transform().m11()) or 1.0

    def zoom(self, factor: float) -> None:
        """Zoom by ``factor`` (> 1 in), within sensible limits."""
        target = self.scale_factor() * factor
        if MIN_SCALE <= target <= MAX_SCALE:
            self.scale(factor, factor)
            self.fit_mode = False
            self._zoom_changed()

    def _zoom_changed(self) -> None:
        """Markers that overlap at the new zoom cluster; the ones no longer overlapping part."""
        scale = self.scale_factor()
        if abs(scale - self.map_scene.cluster_scale) > 1e-9 * scale:
            self.map_scene.recluster(scale)

    def fit(self) -> None:
        """Show the whole layout (or 2 km round the airport when there is none)."""
        rect = self.map_scene.layout_rect()
        if not rect.isValid() or rect.width() + rect.height() < 1:
            centre = rect.center() if rect.isValid() else QPointF(0, 0)
            rect = QRectF(centre - QPointF(1000, 1000), centre + QPointF(1000, 1000))
        margin = max(rect.width(), rect.height()) * 0.025 + 5
        self.fitInView(
            rect.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio
        )
        self._fitted_once = True
        self.fit_mode = True
        self._zoom_changed()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fit_mode:
            self.fit()  # the panes moved or the window grew: the layout fills the view again

    def show_rect(self, rect: QRectF) -> None:
        """Zoom to ``rect`` (at least 150 m across) and centre it."""
        if not rect.isValid():
            return
        size = max(rect.width(), rect.height(), 150.0)
        centre = rect.center()
        self.fitInView(
            QRectF(centre.x() - size * 0.6, centre.y() - size * 0.6, size * 1.2, size * 1.2),
            Qt.AspectRatioMode.KeepAspectRatio,
        )
        self.fit_mode = False
        self._zoom_changed()

    def open_cluster(self, cluster: ClusterMarker) -> None:
        """Zoom in on a cluster until its markers stand apart (as far as the zoom allows)."""
        points = [m.pos() for m in cluster.members]
        gaps = [
            math.hypot(a.x() - b.x(), a.y() - b.y())
            for i, a in enumerate(points)
            for b in points[i + 1 :]
        ]
        apart = [g for g in gaps if g > 0.05]  # markers at one place are fanned out already
        reach = 2 * cluster.members[0].radius * OVERLAP
        needed = reach / min(apart) * 1.2 if apart else self.scale_factor() * 2
        target = min(MAX_SCALE, max(needed, self.scale_factor() * 1.5))
        centre = cluster.member_rect().center()
        self.zoom(target / self.scale_factor())
        self.centerOn(centre)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._fitted_once:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom(1.2**steps)
        event.accept()

    # --- tools ------------------------------------------------------------------------------

    def set_tool(self, tool: str) -> None:
        """Choose "select" or a kind to draw."""
        self.draw_tool.cancel()
        self.measure_tool.clear()
        self.tool = tool if tool in DRAW_FAMILY or tool == "measure" else "select"
        if self.tool == "select":
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def drawing_family(self) -> str:
        """The family the current tool draws ("" when selecting)."""
        return DRAW_FAMILY.get(self.tool, "")

    def add_vertex(self, point: QPointF) -> None:
        """Add a vertex to the geometry being drawn (a point finishes at once)."""
        if self.drawing_family() == POINT:
            self.geometry_drawn.emit(self.tool, POINT, [np.array([[point.x(), point.y()]])])
            return
        self.draw_tool.add(point, self.drawing_family())

    def finish_drawing(self) -> bool:
        """Emit the drawn geometry if it has enough vertices; True when emitted."""
        family = self.drawing_family()
        parts = self.draw_tool.finish(family)
        if parts is None:
            return False
        self.geometry_drawn.emit(self.tool, family, parts)
        return True

    # --- picking ------------------------------------------------------------------------------

    def _tolerance(self) -> float:
        return PICK_PIXELS / self.scale_factor()

    def _screen_distance(self, scene_point: QPointF, pos: QPoint) -> float:
        mapped = self.mapFromScene(scene_point)
        return math.hypot(mapped.x() - pos.x(), mapped.y() - pos.y())

    def _marker_distance(self, marker: NumberedMarker, pos: QPoint) -> float:
        """Screen distance from ``pos`` to where ``marker`` is drawn (fanned-out markers sit
        a few pixels off their position)."""
        mapped = self.mapFromScene(marker.pos())
        return math.hypot(
            mapped.x() + marker.offset.x() - pos.x(), mapped.y() + marker.offset.y() - pos.y()
        )

    def pick(self, pos: QPoint) -> tuple[str, str]:
        """What lies under viewport position ``pos``.

        Returns
        -------
        tuple
            ("finding" | "observation" | "photo" | "cluster" | "feature" | "", id).
        """
        # The nearest marker within reach wins; at equal distance a finding comes before an
        # observation, and an observation before a photo.
        best: tuple[float, int, str, str] | None = None
        clusters: dict[str, NumberedMarker] = {
            f"{c.layer}:{n}": c for n, c in enumerate(self.map_scene.cluster_items)
        }
        layers: tuple[tuple[str, dict[str, NumberedMarker]], ...] = (
            ("finding", self.map_scene.finding_items),
            ("observation", self.map_scene.observation_items),
            ("photo", self.map_scene.photo_items),
            ("cluster", clusters),
        )
        for order, (layer, items) in enumerate(layers):
            for key, marker in items.items():
                if not marker.isVisible():
                    continue
                candidate = (round(self._marker_distance(marker, pos), 1), order, layer, key)
                if candidate[0] <= 13 and (best is None or candidate[:2] < best[:2]):
                    best = candidate
        if best is not None:
            return best[2], best[3]
        scene_point = self.mapToScene(pos)
        tolerance = self._tolerance()
        area = QRectF(
            scene_point - QPointF(tolerance, tolerance), scene_point + QPointF(tolerance, tolerance)
        )
        candidates = [
            item
            for item in self.scene().items(
                area,
                Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                Qt.SortOrder.DescendingOrder,
                self.viewportTransform(),
            )
            if isinstance(item, FeatureItem | PointFeatureItem) and item.isVisible()
        ]
        rank = {POINT: 0, LINE: 1, POLYGON: 2}
        best_item = None
        best_key: tuple[float, float, float] | None = None
        for item in candidates:
            if isinstance(item, PointFeatureItem):
                distance = self._screen_distance(item.pos(), pos) / self.scale_factor()
            else:
                distance = item.distance(scene_point.x(), scene_point.y())
            if distance > tolerance and not (item.family == POLYGON and distance == 0):
                continue
            ranking = (
                rank[item.family],
                distance if item.family != POLYGON else 0.0,
                -item.zValue(),
            )
            if best_key is None or ranking < best_key:
                best_key, best_item = ranking, item
        return ("feature", best_item.feature_id) if best_item is not None else ("", "")

    def _handle_at(self, pos: QPoint) -> tuple[int, int] | None:
        best = None
        for handle in self.map_scene.handles:
            distance = self._screen_distance(handle.pos(), pos)
            if distance <= PICK_PIXELS and (best is None or distance < best[0]):
                best = (distance, handle.part, handle.index)
        return (best[1], best[2]) if best else None

    def _selected_item(self) -> FeatureItem | PointFeatureItem | None:
        return self.map_scene.feature_items.get(self.map_scene.selected_feature)

    # --- mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = pos
            self.fit_mode = False
            event.accept()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        if self.tool == "measure":
            self.measure_tool.add(self.mapToScene(pos))
            self.viewport().update()
            event.accept()
            return
        if self.tool != "select":
            self.add_vertex(self.mapToScene(pos))
            event.accept()
            return
        handle = self._handle_at(pos)
        item = self._selected_item()
        if handle is not None:
            self._drag = ("vertex", handle[0], handle[1])
        elif (
            isinstance(item, PointFeatureItem)
            and self._screen_distance(item.pos(), pos) <= PICK_PIXELS + 2
        ):
            self._drag = ("point", 0, 0)
        if self._drag is not None:
            self._drag_moved = False
            event.accept()
            return
        self._press = pos
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        scene_point = self.mapToScene(pos)
        self.pointer_moved.emit(scene_point.x(), scene_point.y())
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._drag is not None:
            self._move_drag(scene_point)
            event.accept()
            return
        if self.tool == "measure" and self.measure_tool.points:
            self.measure_tool.hover(scene_point)
            self.viewport().update()
        if self.tool != "select" and self.draw_tool.vertices:
            self.draw_tool.show(self.drawing_family(), scene_point)
        super().mouseMoveEvent(event)

    def _move_drag(self, scene_point: QPointF) -> None:
        item = self._selected_item()
        if item is None or self._drag is None:
            return
        self._drag_moved = True
        what, part, index = self._drag
        parts = [p.copy() for p in item.parts]
        if what == "point":
            parts[0][0] = (scene_point.x(), scene_point.y())
        else:
            parts[part][index] = (scene_point.x(), scene_point.y())
            for handle in self.map_scene.handles:
                if handle.part == part and handle.index == index:
                    handle.setPos(scene_point)
        item.set_parts(parts)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            event.accept()
            return
        if self._drag is not None:
            item = self._selected_item()
            moved = self._drag_moved
            self._drag = None
            if item is not None and moved:
                self.geometry_edited.emit(item.feature_id, [p.copy() for p in item.parts])
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if (
            self.tool == "select"
            and event.button() == Qt.MouseButton.LeftButton
            and self._press is not None
        ):
            if (pos - self._press).manhattanLength() <= CLICK_PIXELS:
                self.click(pos)
            else:
                self.fit_mode = False  # the user panned: a resize keeps their view
            self._press = None

    def click(self, pos: QPoint) -> None:
        """Pick what lies at ``pos`` and announce it (the select tool's click)."""
        layer, key = self.pick(pos)
        if layer == "cluster":
            self.open_cluster(self.map_scene.cluster_items[int(key.rsplit(":", 1)[1])])
        elif layer == "finding":
            self.finding_picked.emit(key)
        elif layer == "photo":
            self.photo_picked.emit(key)
        elif layer == "observation":
            self.observation_picked.emit(key)
        else:
            self.feature_picked.emit(key)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        if self.tool == "measure":
            self.measure_tool.finish()
            self.viewport().update()
            event.accept()
            return
        if self.tool != "select":
            self.finish_drawing()
            event.accept()
            return
        self.insert_vertex_at(event.position().toPoint())
        event.accept()

    def insert_vertex_at(self, pos: QPoint) -> bool:
        """Add a vertex to the selected feature's nearest edge if ``pos`` lies on it."""
        item = self._selected_item()
        if not isinstance(item, FeatureItem):
            return False
        scene_point = self.mapToScene(pos)
        best = None
        for part_index, part in enumerate(item.parts):
            if len(part) < 2:
                continue
            closed = item.family == POLYGON
            segment, nearest = nearest_segment(part, scene_point.x(), scene_point.y(), closed)
            distance = float(np.hypot(nearest[0] - scene_point.x(), nearest[1] - scene_point.y()))
            if best is None or distance < best[0]:
                best = (distance, part_index, segment, nearest)
        if best is None or best[0] > self._tolerance():
            return False
        _, part_index, segment, nearest = best
        parts = [p.copy() for p in item.parts]
        parts[part_index] = np.insert(parts[part_index], segment + 1, nearest, axis=0)
        self.geometry_edited.emit(item.feature_id, parts)
        return True

    def delete_vertex(self, part: int, index: int) -> bool:
        """Remove one vertex of the selected feature if enough remain."""
        item = self._selected_item()
        if not isinstance(item, FeatureItem):
            return False
        needed = 3 if item.family == POLYGON else 2
        if len(item.parts[part]) <= needed:
            return False
        parts = [p.copy() for p in item.parts]
        parts[part] = np.delete(parts[part], index, axis=0)
        self.geometry_edited.emit(item.feature_id, parts)
        return True

    def contextMenuEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        pos = event.pos()  # type: ignore[attr-defined]
        if self.tool != "select":
            return
        menu = self.context_menu(pos)
        if menu is not None:
            menu.exec(event.globalPos())  # type: ignore[attr-defined]

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The menu for viewport position ``pos``: a vertex handle's, or an access point's
        (record a test there); None elsewhere."""
        handle = self._handle_at(pos)
        menu = QMenu(self)
        if handle is not None:
            menu.addAction(tr("Delete"), lambda: self.delete_vertex(*handle))
            return menu
        layer, ident = self.pick(pos)
        item = self.map_scene.feature_items.get(ident) if layer == "feature" else None
        if item is None or item.kind != "access_point":
            return None
        action = menu.addAction(tr("Record access test…"))
        action.setObjectName("record-access-test")
        action.triggered.connect(lambda: self.access_test_requested.emit(ident))
        return menu

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.tool == "measure" and self._measure_key(event.key()):
            self.viewport().update()
            return
        if self.tool != "select":
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish_drawing()
                return
            if event.key() == Qt.Key.Key_Escape:
                self.draw_tool.cancel()
                return
            if event.key() == Qt.Key.Key_Backspace and self.draw_tool.drop_last(
                self.drawing_family()
            ):
                return
        super().keyPressEvent(event)

    def _measure_key(self, key: int) -> bool:
        """Enter ends the measurement, Escape clears it, Backspace drops a point."""
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.measure_tool.finish()
        elif key == Qt.Key.Key_Escape:
            self.measure_tool.clear()
        elif key == Qt.Key.Key_Backspace:
            self.measure_tool.drop_last()
        else:
            return False
        return True

    # --- scale bar, north arrow, measurement ----------------------------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802 - Qt's name
        """Draw the scale bar, the north arrow and the measurement in screen coordinates."""
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_scale_bar(painter, 1.0 / self.scale_factor(), self.viewport().height())
        paint_north_arrow(painter, self.viewport().width())
        text = self.measure_tool.text() if self.tool == "measure" else ""
        if text:
            paint_readout(painter, text)
        painter.restore()
