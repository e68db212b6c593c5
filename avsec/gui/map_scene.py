"""The map's scene: one item per layout feature, findings, photos, observations of the visit
and the background image.

Scene units are metres of the local projection centred on the airport, y down (see
:mod:`avsec.app.map_geometry`). The scene listens to the session and rebuilds only the
features a command touched. It places, shows and clusters the items; the markers are made by
:mod:`avsec.gui.map_markers`, the background item by :mod:`avsec.gui.map_background`.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from PySide6.QtCore import QByteArray, QPointF, QRectF, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPixmapItem, QGraphicsScene

from avsec.app.georef import check_control_points
from avsec.app.map_geometry import POINT, POLYGON, MapProjection, SceneGeometry
from avsec.app.map_tools import clusters
from avsec.core.errors import AvsecError
from avsec.core.layout import Feature
from avsec.gui.i18n import error_text, language
from avsec.gui.labels import kind_label
from avsec.gui.map_background import background_item
from avsec.gui.map_items import (
    FeatureItem,
    NumberedMarker,
    PointFeatureItem,
    VertexHandle,
)
from avsec.gui.map_markers import (
    cluster_tooltip,
    fan_out,
    finding_markers,
    finding_outline,
    observation_markers,
    photo_markers,
)
from avsec.gui.map_overlays import CLUSTER_LAYERS, OVERLAP, ClusterMarker, FeatureLabel, make_label
from avsec.gui.session import Session, touched
from avsec.gui.style import Z_OBSERVATIONS

#: Extras key of the background image placement.
BACKGROUND_KEY = "map_background"
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
    #: Emitted after the GPS tracks were redrawn.
    tracks_rebuilt = Signal()

    def __init__(self, session: Session, parent: Any = None):
        super().__init__(parent)
        self.session = session
        airport = session.doc.assessment.airport
        self.projection = MapProjection(airport.lon, airport.lat)
        self.feature_items: dict[str, AnyFeatureItem] = {}
        self.finding_items: dict[str, NumberedMarker] = {}
        self.photo_items: dict[str, NumberedMarker] = {}
        self.observation_items: dict[str, NumberedMarker] = {}
        #: The walked GPS tracks and the fence they did not inspect (avsec.gui.map_tracks).
        self.track_items: list[QGraphicsPathItem] = []
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
        self.rebuild_tracks()
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
        counts["tracks"] = len(self.session.doc.tracks)
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
        """Show or hide a layer (a kind, "findings", "observations", "photos", "tracks" or
        "background")."""
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
        elif layer == "tracks":
            for track in self.track_items:
                track.setVisible(visible)
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

    def _place_markers(
        self, layer: str, items: dict[str, NumberedMarker], markers: dict[str, NumberedMarker]
    ) -> None:
        """Put ``markers`` on the map in place of ``items`` (one layer's markers, by id, which
        the dict then holds), fanned out and clustered at the current zoom."""
        for marker in items.values():
            self.removeItem(marker)
        items.clear()
        for marker in markers.values():
            marker.setVisible(self.layer_visible(layer))
            self.addItem(marker)
        items.update(markers)
        fan_out(markers.values())
        self.recluster()

    def rebuild_findings(self) -> None:
        """Redraw the numbered finding markers."""
        self._clear_finding_outline()
        markers = finding_markers(self.session, self.projection)
        self._place_markers("findings", self.finding_items, markers)
        if self.selected_finding not in self.finding_items:
            self.selected_finding = ""
        self._update_scene_rect()
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
        outline = finding_outline(finding, self.projection)
        if outline is not None:
            self.addItem(outline)
            self.finding_outline = outline
            rect = rect.united(outline.path().boundingRect())
        return rect

    # --- observations of the visit ------------------------------------------------------------

    def rebuild_observations(self) -> None:
        """Redraw a numbered marker at each located observation of the visit narrative.

        Observations made at the same spot (several in one office) fan out round it so that
        each can be read and clicked.
        """
        markers = observation_markers(self.session.doc.observations, self.projection)
        self._place_markers("observations", self.observation_items, markers)
        if self.selected_observation not in self.observation_items:
            self.selected_observation = ""
        self._update_scene_rect()
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
        markers = photo_markers(self.session.doc, self.projection)
        self._place_markers("photos", self.photo_items, markers)

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
        item = background_item(image, control, self.projection)
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

    # --- GPS tracks -------------------------------------------------------------------------

    def rebuild_tracks(self) -> None:
        """Redraw the walked tracks and the stretches of fence they did not inspect."""
        from avsec.gui.map_tracks import track_items

        for item in self.track_items:
            self.removeItem(item)
        self.track_items = track_items(self.session.doc, self.projection)
        for item in self.track_items:
            item.setVisible(self.layer_visible("tracks"))
            self.addItem(item)
        self.tracks_rebuilt.emit()

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
        if changed.tracks or (self.session.doc.tracks and (changed.features or changed.assessment)):
            self.rebuild_tracks()
