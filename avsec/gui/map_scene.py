"""The map's scene: one item per layout feature, findings, photos, observations of the visit
and the background image.

Scene units are metres of the local projection centred on the airport, y down (see
:mod:`avsec.app.map_geometry`). The scene listens to the session and rebuilds only the
features a command touched.
"""

from __future__ import annotations

import html
from collections.abc import Set as AbstractSet
from typing import Any

import numpy as np
from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPixmapItem, QGraphicsScene

from avsec.app.georef import affine_from_points, check_control_points
from avsec.app.map_geometry import POINT, POLYGON, MapProjection, SceneGeometry
from avsec.app.map_tools import clusters
from avsec.core.document import Observation
from avsec.core.errors import AvsecError
from avsec.core.findings import finding_label, observation_label
from avsec.core.i18n import pick
from avsec.core.layout import Feature
from avsec.gui.i18n import error_text, language, ngettext, tr
from avsec.gui.labels import kind_label, rule_label
from avsec.gui.map_items import (
    FeatureItem,
    NumberedMarker,
    PointFeatureItem,
    VertexHandle,
    build_path,
    fan_offsets,
    finding_marker,
    observation_marker,
    photo_marker,
)
from avsec.gui.map_overlays import CLUSTER_LAYERS, OVERLAP, ClusterMarker, FeatureLabel, make_label
from avsec.gui.session import Session, touched
from avsec.gui.style import SEVERITY_COLOURS, Z_BACKGROUND, Z_FINDINGS, Z_OBSERVATIONS

#: Extras key of the background image placement.
BACKGROUND_KEY = "map_background"
#: Larger background images are scaled down on load (memory; the placement is unchanged).
MAX_BACKGROUND_SIDE = 8192
#: A batch touching more features than this rebuilds every item (cheaper than one by one).
_REBUILD_THRESHOLD = 200
#: Empty margin round the layout in which the user can pan, metres.
_MARGIN_M = 3000.0

AnyFeatureItem = FeatureItem | PointFeatureItem


class MapScene(QGraphicsScene):
    """Everything the map draws for one session."""

    #: Emitted after features were added, changed or removed (ids).
    features_changed = Signal(set)
    #: Emitted after the finding markers were rebuilt.
    findings_rebuilt = Signal()
    #: Emitted after the observation markers were rebuilt.
    observations_rebuilt = Signal()

    def __init__(self, session: Session, parent: Any = None):
        super().__init__(parent)
        self.session = session
        airport = session.doc.assessment.airport
        self.projection = MapProjection(airport.lon, airport.lat)
        self.feature_items: dict[str, AnyFeatureItem] = {}
        self.finding_items: dict[str, NumberedMarker] = {}
        self.photo_items: dict[str, NumberedMarker] = {}
        self.observation_items: dict[str, NumberedMarker] = {}
        self.handles: list[VertexHandle] = []
        self.hidden_layers: set[str] = set()
        self.selected_feature = ""
        self.selected_finding = ""
        self.selected_observation = ""
        self.finding_outline: QGraphicsPathItem | None = None
        self.background: QGraphicsPixmapItem | None = None
        self.background_error = ""
        #: Feature names drawn on the map (View > Feature labels), by feature id.
        self.labels_shown = False
        self.label_items: dict[str, FeatureLabel] = {}
        #: Markers that overlap at the view's zoom (pixels per metre) are drawn as clusters.
        self.cluster_items: list[ClusterMarker] = []
        self.cluster_scale = 0.0
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.rebuild_features()
        self.rebuild_findings()
        self.rebuild_photos()
        self.rebuild_observations()
        self.load_background()
        session.changed.connect(self._on_session_changed)
        session.findings_changed.connect(self.rebuild_findings)
        session.attachments_changed.connect(self.rebuild_photos)

    # --- features ---------------------------------------------------------------------------

    def _make_item(self, feature: Feature, geometry: SceneGeometry) -> AnyFeatureItem | None:
        if not geometry.parts:
            return None
        if geometry.family == POINT:
            item: AnyFeatureItem = PointFeatureItem(
                feature.id, feature.kind, feature.properties, geometry.parts[0]
            )
        else:
            item = FeatureItem(
                feature.id,
                feature.kind,
                feature.properties,
                geometry.family,
                geometry.parts,
                geometry.polygons,
            )
        item.setVisible(feature.kind not in self.hidden_layers)
        # Hovering names the feature; an unnamed one says at least what it is.
        kind = kind_label(str(feature.kind))
        item.setToolTip(feature.label(language()) or kind[:1].upper() + kind[1:])
        return item

    def rebuild_features(self) -> None:
        """Drop and redraw every feature item."""
        for item in self.feature_items.values():
            self.removeItem(item)
        self.feature_items.clear()
        self._drop_labels()
        self.clear_handles()
        features = self.session.doc.features
        geometries = self.projection.project_all([f.geometry for f in features])
        for feature, geometry in zip(features, geometries, strict=True):
            drawn = self._make_item(feature, geometry)
            if drawn is not None:
                self.addItem(drawn)
                self.feature_items[feature.id] = drawn
                self._label(feature, drawn)
        if self.selected_feature not in self.feature_items:
            self.selected_feature = ""
        elif self.selected_feature:
            self.feature_items[self.selected_feature].set_selected_look(True)
        self._update_scene_rect()

    def update_features(self, feature_ids: AbstractSet[str]) -> None:
        """Redraw the given features (removed ones disappear)."""
        if len(feature_ids) > _REBUILD_THRESHOLD:
            self.rebuild_features()
            self.features_changed.emit(set(feature_ids))
            return
        for feature_id in feature_ids:
            old = self.feature_items.pop(feature_id, None)
            if old is not None:
                self.removeItem(old)
            label = self.label_items.pop(feature_id, None)
            if label is not None:
                self.removeItem(label)
            feature = self.session.doc.feature(feature_id)
            if feature is None:
                continue
            item = self._make_item(feature, self.projection.project(feature.geometry))
            if item is not None:
                self.addItem(item)
                self.feature_items[feature_id] = item
                self._label(feature, item)
        if self.selected_feature in feature_ids:
            selected = self.selected_feature
            self.selected_feature = ""
            self.select_feature(selected if selected in self.feature_items else "")
        self._update_scene_rect()
        self.features_changed.emit(set(feature_ids))

    def layout_rect(self) -> QRectF:
        """The bounding rectangle of every feature, finding and photo (scene units)."""
        rect = QRectF()
        for item in self.feature_items.values():
            if isinstance(item, PointFeatureItem):
                rect = rect.united(QRectF(item.pos() - QPointF(1, 1), item.pos() + QPointF(1, 1)))
            else:
                rect = rect.united(item.path().boundingRect())
        markers = [
            *self.finding_items.values(),
            *self.photo_items.values(),
            *self.observation_items.values(),
        ]
        for marker in markers:
            rect = rect.united(QRectF(marker.pos() - QPointF(1, 1), marker.pos() + QPointF(1, 1)))
        if self.background is not None and not rect.isValid():
            rect = self.background.sceneBoundingRect()
        return rect

    def _update_scene_rect(self) -> None:
        rect = self.layout_rect()
        if not rect.isValid() or rect.isEmpty():
            rect = QRectF(-1000, -1000, 2000, 2000)
        if self.background is not None:
            rect = rect.united(self.background.sceneBoundingRect())
        rect = rect.united(QRectF(-2000, -2000, 4000, 4000))
        self.setSceneRect(rect.adjusted(-_MARGIN_M, -_MARGIN_M, _MARGIN_M, _MARGIN_M))

    def count_by_layer(self) -> dict[str, int]:
        """Number of items per layer (kinds, findings, observations, photos, background)."""
        counts: dict[str, int] = {}
        for item in self.feature_items.values():
            counts[item.kind] = counts.get(item.kind, 0) + 1
        counts["findings"] = len(self.finding_items)
        counts["photos"] = len(self.photo_items)
        counts["observations"] = len(self.observation_items)
        counts["background"] = int(self.background is not None)
        return counts

    # --- labels -----------------------------------------------------------------------------

    def _label(self, feature: Feature, item: AnyFeatureItem) -> None:
        name = feature.label(language()) if self.labels_shown else ""
        if name:
            label = make_label(item.family, item.parts, name)
            label.setVisible(item.isVisible())
            self.addItem(label)
            self.label_items[feature.id] = label

    def _drop_labels(self) -> None:
        for label in self.label_items.values():
            self.removeItem(label)
        self.label_items.clear()

    def set_labels_shown(self, shown: bool) -> None:
        """Draw (or stop drawing) the name of every named feature on the map."""
        self.labels_shown = shown
        self._drop_labels()
        for feature in self.session.doc.features if shown else ():
            item = self.feature_items.get(feature.id)
            if item is not None:
                self._label(feature, item)
        self.declutter_labels()

    def declutter_labels(self) -> None:
        """Show only labels that do not overlap one shown before them at the current zoom
        (points first, then zones, then lines): zooming in brings the others back."""
        if not self.label_items or self.cluster_scale <= 0:
            return
        rank = {POINT: 0, POLYGON: 1}
        taken: list[QRectF] = []
        order = sorted(
            self.label_items.items(),
            key=lambda pair: rank.get(self.feature_items[pair[0]].family, 2),
        )
        for feature_id, label in order:
            if not self.feature_items[feature_id].isVisible():
                label.setVisible(False)
                continue
            box = label.boundingRect().translated(label.pos() * self.cluster_scale)
            free = not any(box.intersects(other) for other in taken)
            label.setVisible(free)
            if free:
                taken.append(box)

    # --- clusters ---------------------------------------------------------------------------

    def marker_layers(self) -> dict[str, dict[str, NumberedMarker]]:
        """The markers of each clustering layer, by key."""
        return {
            "findings": self.finding_items,
            "observations": self.observation_items,
            "photos": self.photo_items,
        }

    def recluster(self, scale: float | None = None) -> None:
        """Draw markers that overlap at ``scale`` (pixels per metre; the last one when None)
        as one cluster per group; the selected finding and observation always show alone."""
        if scale is not None:
            self.cluster_scale = scale
            self.declutter_labels()
        for cluster in self.cluster_items:
            self.removeItem(cluster)
        self.cluster_items = []
        selected = {self.selected_finding, self.selected_observation} - {""}
        for layer, items in self.marker_layers().items():
            shown = self.layer_visible(layer)
            markers = [m for key, m in items.items() if key not in selected]
            for marker in items.values():
                marker.setVisible(shown)
            if not shown or self.cluster_scale <= 0 or len(markers) < 2:
                continue
            at = [
                (
                    m.pos().x() * self.cluster_scale + m.offset.x(),
                    m.pos().y() * self.cluster_scale + m.offset.y(),
                )
                for m in markers
            ]
            reach = 2 * markers[0].radius * OVERLAP
            for group in clusters(at, reach):
                if len(group) < 2:
                    continue
                cluster = ClusterMarker(layer, [markers[i] for i in group])
                cluster.setToolTip(cluster_tooltip(cluster))
                for member in cluster.members:
                    member.setVisible(False)
                self.addItem(cluster)
                self.cluster_items.append(cluster)

    # --- layers -----------------------------------------------------------------------------

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide a layer (a kind, "findings", "observations", "photos" or "background")."""
        if visible:
            self.hidden_layers.discard(layer)
        else:
            self.hidden_layers.add(layer)
        if layer == "findings":
            for marker in self.finding_items.values():
                marker.setVisible(visible)
            if self.finding_outline is not None:
                self.finding_outline.setVisible(visible)
        elif layer == "photos":
            for marker in self.photo_items.values():
                marker.setVisible(visible)
        elif layer == "observations":
            for marker in self.observation_items.values():
                marker.setVisible(visible)
        elif layer == "background":
            if self.background is not None:
                self.background.setVisible(visible)
        else:
            for feature_id, item in self.feature_items.items():
                if item.kind == layer:
                    item.setVisible(visible)
                    if feature_id in self.label_items:
                        self.label_items[feature_id].setVisible(visible)
            self.declutter_labels()
            if (
                not visible
                and self.selected_feature
                and self.feature_items[self.selected_feature].kind == layer
            ):
                self.select_feature("")

        if layer in CLUSTER_LAYERS:
            self.recluster()

    def layer_visible(self, layer: str) -> bool:
        """Whether a layer is shown."""
        return layer not in self.hidden_layers

    # --- selection -------------------------------------------------------------------------

    def select_feature(self, feature_id: str) -> None:
        """Highlight one feature and show its vertex handles ("" clears)."""
        if self.selected_feature and self.selected_feature in self.feature_items:
            self.feature_items[self.selected_feature].set_selected_look(False)
        self.selected_feature = feature_id if feature_id in self.feature_items else ""
        self.clear_handles()
        if self.selected_feature:
            item = self.feature_items[self.selected_feature]
            item.set_selected_look(True)
            self.show_handles(item)

    def clear_handles(self) -> None:
        """Remove the vertex handles."""
        for handle in self.handles:
            self.removeItem(handle)
        self.handles = []

    def show_handles(self, item: AnyFeatureItem) -> None:
        """Put a handle on every vertex of ``item`` (not on points: they move whole)."""
        self.clear_handles()
        if item.family == POINT:
            return
        if sum(len(p) for p in item.parts) > 2000:
            return  # a 20 000-vertex perimeter would bury the map in handles
        for part_index, part in enumerate(item.parts):
            for index, (x, y) in enumerate(part):
                handle = VertexHandle(part_index, index, QPointF(float(x), float(y)))
                self.addItem(handle)
                self.handles.append(handle)

    # --- findings ---------------------------------------------------------------------------

    def rebuild_findings(self) -> None:
        """Redraw the numbered finding markers."""
        for marker in self.finding_items.values():
            self.removeItem(marker)
        self.finding_items.clear()
        self._clear_finding_outline()
        findings = self.session.doc.findings
        by_place: dict[tuple[float, float], list[NumberedMarker]] = {}
        if findings:
            points = self.projection.to_scene(np.array([f.location for f in findings], dtype=float))
            for finding, (x, y) in zip(findings, points, strict=True):
                if finding.id in self.finding_items:
                    continue  # the same gap stored twice: one marker, one number
                # The numbers of the findings list, the item page, the outline and the report.
                number = self.session.finding_number(finding.id)
                marker = finding_marker(finding.id, number, finding.severity)
                marker.setPos(QPointF(float(x), float(y)))
                tip = f"{finding_label(number)}. {rule_label(finding.rule)}"
                judgement = self.session.doc.judgements.get(finding.id)
                if judgement is not None and judgement.verdict == "false_positive":
                    marker.setOpacity(0.45)  # set aside by the inspector, still findable
                    tip += f" ({tr('False positive')})"
                marker.setToolTip(tip)
                marker.setVisible(self.layer_visible("findings"))
                self.addItem(marker)
                self.finding_items[finding.id] = marker
                by_place.setdefault((round(x, 1), round(y, 1)), []).append(marker)
        _fan_out(by_place)
        if self.selected_finding not in self.finding_items:
            self.selected_finding = ""
        self._update_scene_rect()
        self.recluster()
        self.findings_rebuilt.emit()

    def _clear_finding_outline(self) -> None:
        if self.finding_outline is not None:
            self.removeItem(self.finding_outline)
            self.finding_outline = None

    def select_finding(self, finding_id: str) -> QRectF:
        """Highlight a finding and its geometry; return the rectangle to show."""
        for key, marker in self.finding_items.items():
            marker.set_highlighted(key == finding_id)
        self._clear_finding_outline()
        self.selected_finding = finding_id if finding_id in self.finding_items else ""
        self.recluster()
        if not self.selected_finding:
            return QRectF()
        finding = next(f for f in self.session.doc.findings if f.id == finding_id)
        marker = self.finding_items[finding_id]
        rect = QRectF(marker.pos() - QPointF(40, 40), marker.pos() + QPointF(40, 40))
        geometry = self.projection.project(finding.geometry)
        if geometry.parts and geometry.family != POINT:
            path = build_path(geometry.family, geometry.parts)
            outline = QGraphicsPathItem(path)
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
            self.addItem(outline)
            self.finding_outline = outline
            rect = rect.united(path.boundingRect())
        return rect

    # --- observations of the visit ------------------------------------------------------------

    def rebuild_observations(self) -> None:
        """Redraw a numbered marker at each located observation of the visit narrative.

        Observations made at the same spot (several in one office) fan out round it so that
        each can be read and clicked.
        """
        for marker in self.observation_items.values():
            self.removeItem(marker)
        self.observation_items.clear()
        by_place: dict[tuple[float, float], list[NumberedMarker]] = {}
        for number, observation in enumerate(self.session.doc.observations, start=1):
            if observation.location is None:
                continue
            lon, lat = observation.location
            x, y = self.projection.point_to_scene(lon, lat)
            marker = observation_marker(observation.id, number)
            marker.setPos(QPointF(x, y))
            marker.setToolTip(observation_tooltip(observation, number))
            marker.setVisible(self.layer_visible("observations"))
            self.addItem(marker)
            self.observation_items[observation.id] = marker
            by_place.setdefault((round(x, 1), round(y, 1)), []).append(marker)
        _fan_out(by_place)
        if self.selected_observation not in self.observation_items:
            self.selected_observation = ""
        self._update_scene_rect()
        self.recluster()
        self.observations_rebuilt.emit()

    def select_observation(self, observation_id: str) -> QRectF:
        """Highlight an observation's marker ("" clears); return the rectangle to show."""
        for key, marker in self.observation_items.items():
            marker.set_highlighted(key == observation_id)
            # The chosen one on top of its neighbours (several share a building).
            marker.setZValue(Z_OBSERVATIONS + (1 if key == observation_id else 0))
        self.selected_observation = (
            observation_id if observation_id in self.observation_items else ""
        )
        self.recluster()
        if not self.selected_observation:
            return QRectF()
        marker = self.observation_items[observation_id]
        return QRectF(marker.pos() - QPointF(60, 60), marker.pos() + QPointF(60, 60))

    # --- photos -----------------------------------------------------------------------------

    def rebuild_photos(self) -> None:
        """Redraw markers of the photos that carry a GPS position and belong to an item."""
        for marker in self.photo_items.values():
            self.removeItem(marker)
        self.photo_items.clear()
        linked = {p for r in self.session.doc.responses.values() for p in r.photos}
        by_place: dict[tuple[float, float], list[NumberedMarker]] = {}
        for info in self.session.doc.attachments:
            if info.id not in linked or info.lon is None or info.lat is None:
                continue
            x, y = self.projection.point_to_scene(info.lon, info.lat)
            marker = photo_marker(info.id)
            marker.setPos(QPointF(x, y))
            marker.setToolTip(info.filename)
            marker.setVisible(self.layer_visible("photos"))
            self.addItem(marker)
            self.photo_items[info.id] = marker
            by_place.setdefault((round(x, 1), round(y, 1)), []).append(marker)
        _fan_out(by_place)
        self.recluster()

    # --- background image -----------------------------------------------------------------

    def load_background(self) -> None:
        """Show the background image stored in the file (if any)."""
        if self.background is not None:
            self.removeItem(self.background)
            self.background = None
        self.background_error = ""
        stored = self.session.extra(BACKGROUND_KEY)
        if not stored:
            return
        try:
            points = check_control_points(stored.get("control"))
            data = self.session.file.attachment_bytes(str(stored.get("attachment", ""))) or b""
        except (AvsecError, AttributeError, TypeError, ValueError) as exc:
            self.background_error = error_text(exc)
            return
        image = QImage.fromData(QByteArray(data))
        if image.isNull():
            self.background_error = "background image unreadable"
            return
        self.set_background(image, points)

    def set_background(
        self, image: QImage, control: list[tuple[float, float, float, float]]
    ) -> None:
        """Place ``image`` by three control points (col, row, lon, lat) of the full image."""
        if self.background is not None:
            self.removeItem(self.background)
        factor = 1.0
        if max(image.width(), image.height()) > MAX_BACKGROUND_SIDE:
            scaled = image.scaled(
                MAX_BACKGROUND_SIDE,
                MAX_BACKGROUND_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            factor = image.width() / scaled.width()
            image = scaled
        scene_points = [self.projection.point_to_scene(lon, lat) for _, _, lon, lat in control]
        m11, m12, m21, m22, dx, dy = affine_from_points(
            [(c, r) for c, r, _, _ in control], scene_points
        )
        transform = QTransform.fromScale(factor, factor) * QTransform(m11, m12, m21, m22, dx, dy)
        item = QGraphicsPixmapItem(QPixmap.fromImage(image))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setTransform(transform)
        item.setZValue(Z_BACKGROUND)
        item.setOpacity(0.85)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setVisible(self.layer_visible("background"))
        self.addItem(item)
        self.background = item
        self._update_scene_rect()

    def remove_background(self) -> None:
        """Take the background image off the map and out of the file's placement."""
        if self.background is not None:
            self.removeItem(self.background)
            self.background = None
        self.session.set_extra(BACKGROUND_KEY, None)
        self._update_scene_rect()

    # --- session ----------------------------------------------------------------------------

    def _on_session_changed(self, command: object) -> None:
        changed = touched(command)  # type: ignore[arg-type]
        if changed.features:
            self.update_features(changed.features)
        if changed.responses:
            self.rebuild_photos()
        if changed.assessment:
            airport = self.session.doc.assessment.airport
            if (airport.lon, airport.lat) != (
                self.projection.local.lon0,
                self.projection.local.lat0,
            ):
                self.projection = MapProjection(airport.lon, airport.lat)
                self.rebuild_features()
                self.rebuild_findings()
                self.rebuild_photos()
                self.rebuild_observations()
                self.load_background()


def _fan_out(by_place: dict[tuple[float, float], list[NumberedMarker]]) -> None:
    """Spread markers at one place round it, so that each can be read and clicked."""
    for markers in by_place.values():
        for marker, (dx, dy) in zip(markers, fan_offsets(len(markers)), strict=True):
            marker.set_offset(dx, dy)


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
