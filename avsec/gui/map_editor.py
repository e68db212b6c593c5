"""The map editor: tool bar, layers, the map, attributes of the selection, findings and the
observations of the visit.

Loads pyproj and shapely (through the projection) the first time the Map tab opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import numpy as np
from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from avsec.app.georef import control_from_two_points, world_file_placement
from avsec.app.map_geometry import POINT
from avsec.core.commands import (
    add_feature,
    change_feature,
    delete_feature,
    merge_layout,
    replace_layout,
)
from avsec.core.errors import AvsecError, InputError
from avsec.core.findings import Finding
from avsec.core.layout import Feature
from avsec.gui import dialogs
from avsec.gui.analysis_runner import AnalysisRunner
from avsec.gui.attribute_panel import AttributePanel
from avsec.gui.dialogs import show_error
from avsec.gui.findings_panel import FindingsPanel
from avsec.gui.i18n import N_, ngettext, notice_text, tr
from avsec.gui.layer_list import LayerList
from avsec.gui.map_scene import BACKGROUND_KEY, MapScene
from avsec.gui.map_view import DRAW_FAMILY, MapView
from avsec.gui.observations_panel import ObservationsPanel
from avsec.gui.paths_panel import PathsPanel
from avsec.gui.session import Session
from avsec.gui.session_widget import SessionWidget
from avsec.gui.widgets import column

#: Background images larger than this are refused (a scanned A0 plan at 300 dpi is ~60 MB).
MAX_IMAGE_BYTES = 64 * 1024 * 1024


class MapEditor(SessionWidget):
    """Map of one session."""

    #: Show this checklist item.
    item_requested = Signal(str)
    #: Status-bar text with the pointer's position.
    coordinates_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent, name="map-editor")
        self.scene = MapScene(session, self)
        #: A photo waiting for the click that places it (avsec/gui/photo_placement.py).
        self.placement: Any = None
        self.view = MapView(self.scene, self)
        self.tool_bar = QToolBar(self)
        self.tool_bar.setObjectName("map-toolbar")
        self.tool_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.layers = LayerList(self.scene, self)
        self.attributes = AttributePanel(session, self)
        self.findings = FindingsPanel(session, self)
        self.observations = ObservationsPanel(session, self)
        # Runs the analysis off the GUI thread; the busy bar shows while it runs.
        self.analysis = AnalysisRunner(self)
        self.analysis.finished.connect(self._on_analysis_done)
        self.analysis.failed.connect(self._on_analysis_failed)
        self.analysis_progress = QProgressBar(self)
        self.analysis_progress.setRange(0, 0)
        self.analysis_progress.setTextVisible(False)
        self.analysis_progress.setMaximumHeight(6)
        self.analysis_progress.hide()
        self.hint = QLabel(self)
        self.hint.setObjectName("map-hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6b73;")

        draw_box = QGroupBox(tr("Draw"), self)
        #: Filled with one button per drawing tool by the action registry.
        self.draw_layout = QVBoxLayout(draw_box)
        self.draw_layout.setSpacing(0)
        self.draw_layout.setContentsMargins(4, 4, 4, 4)
        layers_box = QGroupBox(tr("Layers"), self)
        QVBoxLayout(layers_box).addWidget(self.layers)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(draw_box)
        left_layout.addWidget(layers_box, 1)
        attributes_box = QGroupBox(tr("Attributes"), self)
        # A gate has ten fields: they scroll inside their box rather than push the findings
        # list down or widen the pane (and narrow the map) at 1280x720.
        attributes_scroll = QScrollArea(attributes_box)
        attributes_scroll.setObjectName("attributes-scroll")
        attributes_scroll.setAccessibleName(tr("Attributes"))
        attributes_scroll.setWidgetResizable(True)
        attributes_scroll.setFrameShape(QFrame.Shape.NoFrame)
        attributes_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        attributes_scroll.setWidget(self.attributes)
        QVBoxLayout(attributes_box).addWidget(attributes_scroll)
        # Findings and the visit's observations share one place: a team switches between what
        # the rules found and what the visit saw. Files without a narrative show no tab bar.
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("map-side-tabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.findings, tr("Findings"))
        self.side_tabs.addTab(self.observations, tr("Observations"))
        self.side_tabs.setTabVisible(1, bool(session.doc.observations))
        self.side_tabs.tabBar().setVisible(bool(session.doc.observations))
        self.paths = PathsPanel(session, self.scene, self)  # weakest adversary routes
        self.side_tabs.addTab(self.paths, tr("Paths"))
        self.side_tabs.tabBar().setVisible(True)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(attributes_box)
        right.addWidget(self.side_tabs)
        right.setSizes([220, 460])
        centre = QWidget(self)
        column(centre, self.analysis_progress, (self.view, 1), self.hint)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([225, 755, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tool_bar)
        layout.addWidget(splitter, 1)

        self.view.feature_picked.connect(self.select_feature)
        self.view.finding_picked.connect(self.select_finding)
        self.view.photo_picked.connect(self._on_photo_picked)
        self.view.observation_picked.connect(self.select_observation)
        self.view.geometry_drawn.connect(self._on_geometry_drawn)
        self.view.geometry_edited.connect(self._on_geometry_edited)
        self.view.pointer_moved.connect(self._on_pointer_moved)
        self.view.access_test_requested.connect(self.record_access_test)
        self.attributes.delete_requested.connect(self._on_delete_requested)
        self.findings.finding_selected.connect(self._on_finding_selected)
        self.findings.item_requested.connect(self.item_requested)
        self.observations.observation_selected.connect(self._on_observation_selected)
        self.observations.item_requested.connect(self.item_requested)
        self.scene.features_changed.connect(self._on_features_changed)
        self._update_hint()
        self._restore_labels()

    def _restore_labels(self) -> None:
        """Feature labels as the user left them (View > Feature labels)."""
        from avsec.gui.main_window import MainWindow

        window = self.window()
        if isinstance(window, MainWindow) and window.preferences.map_labels:
            self.set_labels_shown(True)

    # --- tools ------------------------------------------------------------------------------

    def set_tool(self, tool: str) -> None:
        """Choose "select" or the kind to draw."""
        self.view.set_tool(tool)
        if tool != "select":
            self.select_feature("")
        self.view.setFocus()
        self.sync_tool_actions()
        self._update_hint()

    def tool(self) -> str:
        """The current tool."""
        return self.view.tool

    def sync_tool_actions(self) -> None:
        """Tick the tool bar action of the current tool."""
        tool = self.view.tool
        key = f"map.{tool}" if tool in ("select", "measure") else f"map.draw.{tool}"
        slots = [self.draw_layout.itemAt(i) for i in range(self.draw_layout.count())]
        palette = [slot.widget() for slot in slots if slot is not None]
        actions = [b.defaultAction() for b in palette if isinstance(b, QToolButton)]
        for action in [*self.tool_bar.actions(), *actions]:
            if action.objectName() == key:
                action.setChecked(True)

    def _update_hint(self) -> None:
        family = DRAW_FAMILY.get(self.view.tool)
        if self.view.tool == "measure":
            self.hint.setText(
                tr(
                    "Click points to measure the distance along them (and the area from three "
                    "points); double-click or Enter ends; Esc clears."
                )
            )
        elif family is None:
            if not self.session.doc.features:
                self.hint.setText(
                    tr(
                        "The file has no layout yet: draw zones, barriers and access points with the drawing tools "
                        "on the left, or import GeoJSON / OpenStreetMap."
                    )
                )
            else:
                self.hint.setText(
                    tr(
                        "Drag to pan, wheel to zoom; drag a vertex to move it, double-click an edge to add one."
                    )
                )
        elif family == POINT:
            self.hint.setText(tr("Click to place the point; Esc cancels."))
        else:
            self.hint.setText(
                tr(
                    "Click to add points; double-click or Enter to finish; Esc cancels; Backspace undoes a point."
                )
            )

    # --- view commands -------------------------------------------------------------------

    def place_photo(self, attachment_id: str) -> None:
        """Let the next click on the map place a photo (Esc cancels)."""
        from avsec.gui.photo_placement import PhotoPlacement

        if self.placement is not None:
            self.placement.finish()
        self.set_tool("select")
        self.placement = PhotoPlacement(self, attachment_id)

    def fit(self) -> None:
        """Show the whole layout."""
        self.view.fit()

    def zoom(self, factor: float) -> None:
        """Zoom in (> 1) or out (< 1)."""
        self.view.zoom(factor)

    def toggle_labels(self) -> None:
        """Show or hide the names of the features on the map (kept in the preferences)."""
        self.set_labels_shown(not self.scene.labels_shown)

    def set_labels_shown(self, shown: bool) -> None:
        """Draw the features' names on the map or not; the choice is remembered."""
        from avsec.gui.main_window import MainWindow

        self.scene.set_labels_shown(shown)
        window = self.window()
        if isinstance(window, MainWindow):
            window.preferences.map_labels = shown
            try:
                window.registry.action("map.labels").setChecked(shown)
            except KeyError:
                pass  # menus not built yet (the window completes its setup after showing)

    # --- selection --------------------------------------------------------------------------

    def record_access_test(self, feature_id: str) -> None:
        """Open the access-test dialog for the access point ``feature_id``."""
        from avsec.gui.access_test_dialog import open_test_dialog

        self.test_dialog = open_test_dialog(self.session, self, at=feature_id)

    def select_feature(self, feature_id: str) -> None:
        """Select a feature ("" clears) and show its attributes."""
        self.scene.select_feature(feature_id)
        self.attributes.show_feature(self.scene.selected_feature)

    def selected_feature(self) -> str:
        """The selected feature's id ("" when none)."""
        return self.scene.selected_feature

    def select_finding(self, finding_id: str) -> None:
        """Highlight a finding, zoom to it and list its items."""
        rect = self.scene.select_finding(finding_id)
        self.findings.select(finding_id)
        if finding_id:
            self.side_tabs.setCurrentWidget(self.findings)
        if rect.isValid():
            self.view.show_rect(rect)

    def select_observation(self, observation_id: str) -> None:
        """Highlight an observation of the visit, show its text and bring it into view."""
        self.scene.select_observation(observation_id)
        self.observations.select(observation_id)
        if observation_id:
            self.side_tabs.setCurrentWidget(self.observations)
            if not self.layers.is_visible("observations"):
                self.layers.set_visible("observations", True)
        self._bring_into_view(observation_id)

    def _on_observation_selected(self, observation_id: str) -> None:
        self.scene.select_observation(observation_id)
        self._bring_into_view(observation_id)

    def _bring_into_view(self, observation_id: str) -> None:
        """Centre the map on an observation's marker when it lies outside the view."""
        marker = self.scene.observation_items.get(observation_id)
        if marker is None:
            return
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if not shown.contains(marker.pos()):
            self.view.centerOn(marker.pos())

    def _on_finding_selected(self, finding_id: str) -> None:
        rect = self.scene.select_finding(finding_id)
        if rect.isValid():
            self.view.show_rect(rect)

    def _on_photo_picked(self, attachment_id: str) -> None:
        items = self.session.photo_items(attachment_id)
        if items:
            self.item_requested.emit(items[0])

    def _on_features_changed(self, _ids: set) -> None:
        if (
            self.attributes.feature_id
            and self.session.doc.feature(self.attributes.feature_id) is None
        ):
            self.attributes.show_feature("")
        self._update_hint()

    def _on_pointer_moved(self, x: float, y: float) -> None:
        lon, lat = self.scene.projection.point_to_lonlat(x, y)
        self.coordinates_changed.emit(tr("Lon {lon:.6f}  Lat {lat:.6f}").format(lon=lon, lat=lat))

    # --- edits ------------------------------------------------------------------------------

    def draw(self, kind: str, parts: list[np.ndarray]) -> str:
        """Add a feature of ``kind`` from scene-coordinate parts; return its id ("" if refused)."""
        family = DRAW_FAMILY[kind]
        geometry = self.scene.projection.to_geojson(family, parts)
        feature = Feature(kind=kind, geometry=geometry, properties={})
        if not self.session.push(add_feature(feature)):
            return ""
        self.set_tool("select")
        self.select_feature(feature.id)
        return feature.id

    def _on_geometry_drawn(self, kind: str, _family: str, parts: list) -> None:
        self.draw(kind, parts)

    def _on_geometry_edited(self, feature_id: str, parts: list) -> None:
        feature = self.session.doc.feature(feature_id)
        item = self.scene.feature_items.get(feature_id)
        if feature is None or item is None:
            return
        geometry = self.scene.projection.to_geojson(item.family, parts, item.polygons)
        changed = feature.model_copy(update={"geometry": geometry})
        if not self.session.push(change_feature(self.session.doc, changed)):
            self.scene.update_features({feature_id})

    def delete_selected(self) -> None:
        """Delete the selected feature."""
        self._on_delete_requested(self.scene.selected_feature)

    def _on_delete_requested(self, feature_id: str) -> None:
        if feature_id and self.session.doc.feature(feature_id) is not None:
            self.session.push(delete_feature(self.session.doc, feature_id))
            self.select_feature("")

    # --- analysis ---------------------------------------------------------------------------

    def _analysis_job(self) -> Callable[[], list[Finding]]:
        """A Qt-free job computing the findings of the layout as it is now."""
        from avsec.geo.analysis import analyze

        doc = self.session.doc
        centre = (doc.assessment.airport.lon, doc.assessment.airport.lat)
        features, parameters, checklist = (
            list(doc.features),
            doc.assessment.parameters,
            doc.checklist,
        )
        return lambda: analyze(features, parameters, checklist, centre).findings

    def analyse(self) -> int:
        """Run the geometry rules over the layout and wait; return the number of findings
        (-1 on error). The menu action runs :meth:`start_analysis` instead."""
        job = self._analysis_job()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            findings = job()
        except (AvsecError, ValueError) as exc:
            self._on_analysis_failed(exc)
            return -1
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._on_analysis_done(findings)
        return len(findings)

    def start_analysis(self) -> bool:
        """Run the geometry rules in a worker thread (the window stays responsive, progress
        shows in the findings panel); False when a run is already going or cannot start."""
        if self.analysis.is_running():
            return False
        job = self._analysis_job()
        self.analysis_progress.show()
        self.findings.summary.setText(tr("Analysing the layout…"))
        return self.analysis.start(job)

    def _on_analysis_done(self, findings: object) -> None:
        self.analysis_progress.hide()
        self.session.set_findings(list(findings))  # type: ignore[call-overload]
        self.layers.set_visible("findings", True)

    def _on_analysis_failed(self, error: object) -> None:
        self.analysis_progress.hide()
        self.findings.refresh()
        show_error(self, tr("Analyse"), tr("Analysis failed: {error}").format(error=error))

    # --- import -----------------------------------------------------------------------------

    def import_layout_dialog(self, source: Literal["avsec", "osm"]) -> None:
        """Ask for a GeoJSON file (avsec or OpenStreetMap tags) and import it."""
        folder = dialogs.last_folder(self)
        title = tr("Import OpenStreetMap…") if source == "osm" else tr("Import GeoJSON…")
        path = dialogs.choose_open_file(
            self, title.rstrip("…"), folder, tr("GeoJSON (*.geojson *.json)")
        )
        if path:
            self.import_layout(path, source)

    def import_layout(
        self, path: str | Path, source: Literal["avsec", "osm"] = "avsec", mode: str = "ask"
    ) -> int:
        """Import a layout file; ``mode`` "add", "replace" or "ask". Return features imported.

        Nothing changes when the file is refused or the user cancels.
        """
        from avsec.io.geojson import Reference, check_position, read_layout

        path = Path(path)
        try:
            # The same position check as `avsec layout import`: a layer whose coordinates look
            # swapped (lat,lon) is refused; one far from the airport is imported only when the
            # user says so, before anything changes.
            reference = Reference.for_airport(self.session.doc.assessment.airport)
            layout = read_layout(path, source=source)
            far = check_position(layout, path.name, reference)
        except (AvsecError, OSError) as exc:
            show_error(self, tr("Cannot import"), exc)
            return 0
        if far and not dialogs.confirm(
            self,
            tr("Import {name}").format(name=path.name),
            tr(
                "{name} lies far from the airport of this assessment ({detail}). It may be an "
                "off-site facility, or the wrong file."
            ).format(name=path.name, detail="; ".join(map(notice_text, far))),
            tr("Import anyway"),
        ):
            return 0
        features = list(layout.features)
        if not features:
            show_error(
                self,
                tr("Cannot import"),
                tr("{name} holds no features avsec can use.").format(name=path.name),
            )
            return 0
        if mode == "ask":
            mode = self._ask_import_mode(path.name, len(features))
            if not mode:
                return 0
        if mode == "replace":
            command = replace_layout(
                self.session.doc,
                features,
                tr("Replace the layout with {name}").format(name=path.name),
            )
        else:
            command = merge_layout(
                self.session.doc,
                features,
                ngettext(
                    "Import {count} feature from {name}",
                    "Import {count} features from {name}",
                    len(features),
                ).format(count=len(features), name=path.name),
            )
        if not self.session.push(command):
            return 0
        warnings = list(getattr(layout, "warnings", []) or [])
        if warnings:
            more = f"\n… (+{len(warnings) - 20})" if len(warnings) > 20 else ""
            shown = "\n".join(map(notice_text, warnings[:20]))
            show_error(self, tr("Import warnings"), shown + more)
        self.fit()
        return len(features)

    def _ask_import_mode(self, name: str, count: int) -> str:
        box = QMessageBox(self)
        box.setWindowTitle(tr("Import {name}").format(name=name))
        box.setText(
            tr(
                "{name} holds {count} features. Add them to the layout or replace the layout?"
            ).format(name=name, count=count)
        )
        add = box.addButton(tr("Add"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        if not self.session.doc.features:
            return "add"
        box.exec()
        clicked = box.clickedButton()
        return "add" if clicked is add else "replace" if clicked is replace else ""

    # --- background -------------------------------------------------------------------------

    def background_dialog(self) -> None:
        """Choose a background image (placed by its world file or two reference points)."""
        for path in dialogs.choose_images(self, tr("Choose a background image")):
            self.set_background_image(path)

    def set_background_image(
        self,
        path: str | Path,
        reference_points: list[tuple[float, float, float, float]] | None = None,
    ) -> bool:
        """Put an image under the map.

        Parameters
        ----------
        path
            PNG or JPEG file.
        reference_points
            Two (col, row, lon, lat) points; when None, the world file next to the image is
            used, else the user places two points in a dialog.
        """
        path = Path(path)
        try:
            from avsec.io.resources import read_limited

            too_big = N_("{name}: larger than {MAX_IMAGE_BYTES} MiB")
            mib = MAX_IMAGE_BYTES // 2**20
            data = read_limited(path, MAX_IMAGE_BYTES, too_big, name=path.name, MAX_IMAGE_BYTES=mib)
            image = QImage.fromData(QByteArray(data))
            if image.isNull():
                raise InputError(
                    N_("{name}: not a PNG or JPEG image avsec can read"), name=path.name
                )
            control = None
            if reference_points is None:
                control = world_file_placement(path, image.width(), image.height())
            if control is None:
                if reference_points is None:
                    reference_points = self._ask_reference_points(image)
                    if reference_points is None:
                        return False
                control = control_from_two_points(reference_points, self.scene.projection)
            attachment = self.session.file.add_attachment(
                data,
                filename=path.name,
                mime="image/png" if path.suffix.lower() == ".png" else "image/jpeg",
            )
            self.scene.set_background(image, control)
            self.session.set_extra(
                BACKGROUND_KEY,
                {
                    "attachment": attachment,
                    "filename": path.name,
                    "control": [list(c) for c in control],
                },
            )
        except (AvsecError, OSError) as exc:
            show_error(self, tr("Background image…").rstrip("…"), exc)
            return False
        self.layers.refresh_counts()
        self.layers.set_visible("background", True)
        return True

    def _ask_reference_points(
        self, image: QImage
    ) -> list[tuple[float, float, float, float]] | None:
        from avsec.gui.background_dialog import ReferencePointsDialog

        airport = self.session.doc.assessment.airport
        dialog = ReferencePointsDialog(image, (airport.lon, airport.lat), self)
        return dialog.points() if dialog.exec() else None

    def remove_background(self) -> None:
        """Remove the background image."""
        self.scene.remove_background()
        self.layers.refresh_counts()
