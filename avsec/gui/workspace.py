"""The open assessment: handling-marking banner over four views in tabs.

The checklist walker is built at once; the map (pyproj, shapely), the dashboard (reportlab)
and the outline load the first time their tab is shown, so opening a file stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from avsec.gui.action_registry import ActionRegistry
from avsec.gui.actions import VIEWS
from avsec.gui.i18n import N_, language, tr
from avsec.gui.session import Session
from avsec.gui.walker import ChecklistWalker
from avsec.gui.widgets import marking_banner

if TYPE_CHECKING:
    from avsec.gui.dashboard import Dashboard
    from avsec.gui.map_editor import MapEditor
    from avsec.gui.outline_editor import OutlineEditor

_TITLES = {
    "walker": N_("Checklist"),
    "map": N_("Map"),
    "dashboard": N_("Dashboard"),
    "outline": N_("Improvement outline"),
}


class Workspace(QWidget):
    """Tabs over one session.

    Parameters
    ----------
    session
        The open assessment.
    registry
        The window's actions (the map editor's tool bar is built from it).
    """

    #: The shown view changed ("walker", "map", "dashboard", "outline").
    view_changed = Signal(str)
    #: Text for the status bar: the pointer's lon/lat on the map.
    coordinates_changed = Signal(str)

    def __init__(self, session: Session, registry: ActionRegistry, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.registry = registry
        self.setObjectName("workspace")
        self.banner = marking_banner(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("views")
        self.tabs.setDocumentMode(True)
        self.walker = ChecklistWalker(session, self)
        self.walker.finding_requested.connect(self.show_finding)
        self.walker.observation_requested.connect(self.show_observation)
        self.walker.photo_place_requested.connect(self.place_photo)
        self._containers: dict[str, QWidget] = {}
        self._views: dict[str, QWidget] = {"walker": self.walker}
        for view in VIEWS:
            if view == "walker":
                self.tabs.addTab(self.walker, tr(_TITLES[view]))
                continue
            container = QWidget(self)
            container.setObjectName(f"tab:{view}")
            box = QVBoxLayout(container)
            box.setContentsMargins(0, 0, 0, 0)
            self._containers[view] = container
            self.tabs.addTab(container, tr(_TITLES[view]))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        session.changed.connect(self._on_session_changed)
        self._update_banner()

    # --- views ------------------------------------------------------------------------------

    def current_view(self) -> str:
        """The name of the shown view."""
        return VIEWS[max(0, self.tabs.currentIndex())]

    def show_view(self, view: str) -> None:
        """Show ``view`` (building it the first time)."""
        self.tabs.setCurrentIndex(VIEWS.index(view))
        self._ensure(view)

    def _on_tab_changed(self, index: int) -> None:
        view = VIEWS[index]
        self._ensure(view)
        self.view_changed.emit(view)

    def _ensure(self, view: str) -> QWidget:
        existing = self._views.get(view)
        if existing is not None:
            return existing
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            widget = self._build(view)
        finally:
            QGuiApplication.restoreOverrideCursor()
        layout = self._containers[view].layout()
        assert layout is not None  # every container is made with its layout
        layout.addWidget(widget)
        self._views[view] = widget
        if self._containers[view].isVisible():
            widget.show()  # now, not at the next event loop pass: the view is wanted at once
        return widget

    def _build(self, view: str) -> QWidget:
        container = self._containers[view]
        if view == "map":
            from avsec.gui.map_editor import MapEditor

            editor = MapEditor(self.session, container)
            editor.item_requested.connect(self.go_to_item)
            editor.coordinates_changed.connect(self.coordinates_changed)
            self.registry.build_toolbar(editor.tool_bar, "map")
            self.registry.build_buttons(editor.draw_layout, "draw")
            editor.sync_tool_actions()
            return editor
        if view == "dashboard":
            from avsec.gui.dashboard import Dashboard

            dashboard = Dashboard(self.session, container)
            dashboard.item_requested.connect(self.go_to_item)
            return dashboard
        from avsec.gui.outline_editor import OutlineEditor

        outline = OutlineEditor(self.session, container)
        outline.item_requested.connect(self.go_to_item)
        return outline

    def map_editor(self) -> MapEditor:
        """The map view (built on first use)."""
        return self._ensure("map")  # type: ignore[return-value]

    def dashboard(self) -> Dashboard:
        """The dashboard (built on first use)."""
        return self._ensure("dashboard")  # type: ignore[return-value]

    def outline_editor(self) -> OutlineEditor:
        """The outline editor (built on first use)."""
        return self._ensure("outline")  # type: ignore[return-value]

    def built_views(self) -> list[str]:
        """Views built so far (tests check the lazy loading)."""
        return list(self._views)

    # --- navigation between views -------------------------------------------------------------

    def go_to_item(self, item_id: str) -> None:
        """Show ``item_id`` in the checklist walker."""
        self.show_view("walker")
        self.walker.select_item(item_id)

    def show_finding(self, finding_id: str) -> None:
        """Show a geometry finding on the map."""
        self.show_view("map")
        self.map_editor().select_finding(finding_id)

    def show_observation(self, observation_id: str) -> None:
        """Show an observation of the visit on the map."""
        self.show_view("map")
        self.map_editor().select_observation(observation_id)

    def place_photo(self, attachment_id: str) -> None:
        """Show the map and let the next click place a photo (one undoable edit)."""
        self.show_view("map")
        self.map_editor().place_photo(attachment_id)

    def commit_pending(self) -> None:
        """Save anything still being typed (notes, a table cell)."""
        self.walker.commit_pending()

    # --- header ---------------------------------------------------------------------------

    def _on_session_changed(self, command: object) -> None:
        from avsec.gui.session import touched

        if touched(command).assessment:  # type: ignore[arg-type]
            self._update_banner()

    def _update_banner(self) -> None:
        self.banner.setText(self.session.doc.assessment.marking(language()))
