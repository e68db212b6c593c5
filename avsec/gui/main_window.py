"""The main window: start page or an open assessment, menus and toolbar from one registry.

Startup cost matters (an inspector opens the laptop at the gate): this module imports only Qt
and the small GUI modules. The models, the store and every view load when a file opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from avsec.gui.i18n import language, set_language, tr
from avsec.gui.labels import MENUS
from avsec.gui.settings import Preferences
from avsec.gui.start_page import StartPage

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from avsec.gui.action_registry import ActionRegistry
    from avsec.gui.session import Session
    from avsec.gui.workspace import Workspace

VIEWS = ("walker", "map", "dashboard", "outline")


class MainWindow(QMainWindow):
    """The avsec window.

    Parameters
    ----------
    preferences
        Language, recent files and the like (tests pass one over a temporary INI file).
    """

    #: Emitted after an assessment was opened or closed.
    session_changed = Signal()

    def __init__(
        self,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
        *,
        defer_setup: bool = False,
    ):
        super().__init__(parent)
        self.preferences = preferences or Preferences()
        self.session: Session | None = None
        self.workspace: Workspace | None = None
        self.setObjectName("main-window")
        self.resize(1280, 800)
        self.registry: ActionRegistry
        self._setup_done = False
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.start_page = self._make_start_page()
        self.stack.addWidget(self.start_page)
        self.setWindowTitle("avsec")
        if defer_setup:
            # Menu titles show in the first frame; the caller runs complete_setup() right after
            # the window is up (avsec.gui.app.run), so the actions, the tool bar and the status
            # bar cost nothing before the user sees the window. Every method that needs them
            # completes the setup first.
            for title in MENUS:
                self.menuBar().addMenu(tr(title))
        else:
            self.complete_setup()

    def complete_setup(self) -> None:
        """Declare the actions, build menus, tool bar and status bar (once)."""
        if self._setup_done:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel, QToolBar

        from avsec.gui.action_registry import ActionRegistry

        self._setup_done = True
        self.registry = ActionRegistry(self)
        self._declare_actions()
        self.registry.build_menus(self.menuBar())
        self.tool_bar = QToolBar(self)
        self.tool_bar.setObjectName("main-toolbar")
        self.tool_bar.setMovable(False)
        self.tool_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.tool_bar)
        self.registry.build_toolbar(self.tool_bar, "main")
        self.saved_label = QLabel(self)
        self.coordinates_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.coordinates_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.start_page.demo_available = self.registry.action("file.demo").isEnabled()
        self._update_title()
        self._update_undo_actions()

    # --- actions ----------------------------------------------------------------------------

    def _declare_actions(self) -> None:
        from avsec.gui.action_registry import ActionSpec
        from avsec.gui.labels import STATUS_LABELS, STATUSES

        add = self.registry.add
        add(ActionSpec("file.new", "New assessment…", "&File", ("Ctrl+N",)), self._on_new)
        add(ActionSpec("file.open", "Open…", "&File", ("Ctrl+O",), toolbar="main"), self._on_open)
        add(ActionSpec("file.demo", "Open training airport", "&File"), self._on_demo)
        add(ActionSpec("file.portfolio", "Open folder as portfolio…", "&File"), self._on_portfolio)
        add(
            ActionSpec(
                "file.details", "Assessment details…", "&File", scope="file", separator=True
            ),
            self._on_assessment_details,
        )
        add(
            ActionSpec("file.close", "Close assessment", "&File", ("Ctrl+W",), scope="file"),
            self._on_close_assessment,
        )
        add(
            ActionSpec(
                "file.report",
                "Write report (PDF)…",
                "&File",
                ("Ctrl+P",),
                scope="file",
                separator=True,
            ),
            self._on_report,
        )
        add(
            ActionSpec("file.quit", "Quit", "&File", ("Ctrl+Q",), separator=True),
            self.close,
        )
        undo = add(
            ActionSpec("edit.undo", "Undo", "&Edit", ("Ctrl+Z",), toolbar="main"), self._on_undo
        )
        redo = add(
            ActionSpec("edit.redo", "Redo", "&Edit", ("Ctrl+Shift+Z", "Ctrl+Y"), toolbar="main"),
            self._on_redo,
        )
        undo.setEnabled(False)
        redo.setEnabled(False)
        add(
            ActionSpec("edit.preferences", "Preferences…", "&Edit", ("Ctrl+,",), separator=True),
            self._on_preferences,
        )
        titles = {
            "walker": "Checklist",
            "map": "Map",
            "dashboard": "Dashboard",
            "outline": "Improvement outline",
        }
        for number, view in enumerate(VIEWS, start=1):
            add(
                ActionSpec(
                    f"view.{view}", titles[view], "&View", (f"Ctrl+{number}",), scope="file"
                ),
                lambda _=False, v=view: self.show_view(v),
            )
        from avsec.gui.icons import status_icon

        for number, status in enumerate(STATUSES, start=1):
            add(
                ActionSpec(
                    f"checklist.{status}",
                    STATUS_LABELS[status],
                    "&Checklist",
                    (str(number),),
                    scope="walker",
                ),
                lambda _=False, s=status: self._walker_call("set_status", s),
                icon=status_icon(status),
            )
        add(
            ActionSpec(
                "checklist.next",
                "Next item",
                "&Checklist",
                ("J", "Ctrl+Down"),
                scope="walker",
                separator=True,
            ),
            lambda: self._walker_call("next_item"),
        )
        add(
            ActionSpec(
                "checklist.previous",
                "Previous item",
                "&Checklist",
                ("K", "Ctrl+Up"),
                scope="walker",
            ),
            lambda: self._walker_call("previous_item"),
        )
        add(
            ActionSpec("checklist.filter", "Filter…", "&Checklist", ("Ctrl+F",), scope="walker"),
            lambda: self._walker_call("focus_filter"),
        )
        add(
            ActionSpec(
                "checklist.photo",
                "Add photo…",
                "&Checklist",
                ("Ctrl+Shift+P",),
                scope="walker",
                separator=True,
            ),
            lambda: self._walker_call("add_photo_dialog"),
        )
        self._declare_map_actions()
        add(
            ActionSpec("outline.regenerate", "Regenerate from gaps", "&Outline", scope="outline"),
            lambda: self._outline_call("regenerate"),
        )
        add(
            ActionSpec("outline.add", "Add action", "&Outline", ("Ctrl+Shift+N",), scope="outline"),
            lambda: self._outline_call("add_action"),
        )
        add(
            ActionSpec("outline.delete", "Delete action", "&Outline", scope="outline"),
            lambda: self._outline_call("delete_selected"),
        )
        add(ActionSpec("workshop.compare", "Compare teams…", "&Workshop"), self._on_compare_teams)
        add(
            ActionSpec("help.shortcuts", "Keyboard shortcuts", "&Help", ("F1",)), self._on_shortcuts
        )
        add(ActionSpec("help.about", "About avsec", "&Help"), self._on_about)
        self._check_optional_modules()

    def _declare_map_actions(self) -> None:
        from PySide6.QtGui import QActionGroup

        from avsec.gui.action_registry import ActionSpec
        from avsec.gui.icons import kind_icon
        from avsec.gui.labels import DRAW_TIPS, KIND_LABELS, KINDS

        add = self.registry.add
        tools = QActionGroup(self)
        tools.setExclusive(True)
        select = add(
            ActionSpec(
                "map.select",
                "Select and edit",
                "&Map",
                ("S",),
                toolbar="draw",
                scope="map",
                checkable=True,
            ),
            lambda: self._map_call("set_tool", "select"),
        )
        select.setChecked(True)
        tools.addAction(select)
        for kind in KINDS:
            spec = ActionSpec(
                f"map.draw.{kind}",
                KIND_LABELS[kind],
                "&Map",
                toolbar="draw",
                scope="map",
                checkable=True,
                separator=kind == KINDS[0],
                tip=DRAW_TIPS[kind],
            )
            action = add(
                spec, lambda _=False, k=kind: self._map_call("set_tool", k), icon=kind_icon(kind)
            )
            tools.addAction(action)
        self.map_tools = tools
        add(
            ActionSpec(
                "map.delete", "Delete feature", "&Map", ("Delete",), scope="map", separator=True
            ),
            lambda: self._map_call("delete_selected"),
        )
        add(
            ActionSpec(
                "map.fit",
                "Fit to layout",
                "&Map",
                ("F", "Ctrl+0"),
                toolbar="map",
                scope="map",
                separator=True,
            ),
            lambda: self._map_call("fit"),
        )
        add(
            ActionSpec(
                "map.zoom_in", "Zoom in", "&Map", ("+", "=", "Ctrl++"), toolbar="map", scope="map"
            ),
            lambda: self._map_call("zoom", 1.25),
        )
        add(
            ActionSpec(
                "map.zoom_out", "Zoom out", "&Map", ("-", "Ctrl+-"), toolbar="map", scope="map"
            ),
            lambda: self._map_call("zoom", 0.8),
        )
        add(
            ActionSpec(
                "map.analyse",
                "Analyse",
                "&Map",
                ("Ctrl+R",),
                toolbar="map",
                scope="map",
                separator=True,
            ),
            lambda: self._map_call("analyse"),
        )
        add(
            ActionSpec(
                "map.import_geojson",
                "Import GeoJSON…",
                "&Map",
                toolbar="map",
                scope="map",
                separator=True,
            ),
            lambda: self._map_call("import_layout_dialog", "avsec"),
        )
        add(
            ActionSpec(
                "map.import_osm", "Import OpenStreetMap…", "&Map", toolbar="map", scope="map"
            ),
            lambda: self._map_call("import_layout_dialog", "osm"),
        )
        add(
            ActionSpec("map.background", "Background image…", "&Map", toolbar="map", scope="map"),
            lambda: self._map_call("background_dialog"),
        )
        add(
            ActionSpec("map.background_remove", "Remove background image", "&Map", scope="map"),
            lambda: self._map_call("remove_background"),
        )

    def _check_optional_modules(self) -> None:
        """Disable actions whose module another part of avsec has not shipped."""
        import importlib.util

        def present(name: str) -> bool:
            try:
                return importlib.util.find_spec(name) is not None
            except (ImportError, ValueError):
                return False

        compare = self.registry.action("workshop.compare")
        compare.setEnabled(present("avsec.gui.trainer_view"))
        if not compare.isEnabled():
            compare.setToolTip(tr("The team comparison view is not available in this build."))
        demo = self.registry.action("file.demo")
        demo.setEnabled(present("avsec.workshop.demo"))

    # --- dispatch to the views ------------------------------------------------------------

    def _walker_call(self, method: str, *args: Any) -> None:
        if self.workspace is not None and self.workspace.current_view() == "walker":
            getattr(self.workspace.walker, method)(*args)

    def _map_call(self, method: str, *args: Any) -> None:
        if self.workspace is not None:
            editor = self.workspace.map_editor()
            if editor is not None:
                getattr(editor, method)(*args)

    def _outline_call(self, method: str, *args: Any) -> None:
        if self.workspace is not None:
            getattr(self.workspace.outline_editor(), method)(*args)

    # --- start page ---------------------------------------------------------------------------

    def _make_start_page(self) -> StartPage:
        page = StartPage(self.preferences, self)
        page.open_requested.connect(self.open_file)
        page.browse_requested.connect(self._on_open)
        page.demo_requested.connect(self._on_demo)
        page.create_requested.connect(self._on_create_requested)
        if self._setup_done:
            page.demo_available = self.registry.action("file.demo").isEnabled()
        return page

    def _on_new(self) -> None:
        if self.session is not None:
            self.close_session()
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.focus_new_assessment()

    def _on_open(self) -> None:
        from avsec.gui.dialogs import choose_open_file

        path = choose_open_file(
            self,
            tr("Open an assessment"),
            self.preferences.last_folder,
            tr("Avsec assessments (*.avsec)"),
        )
        if path:
            self.open_file(path)

    def _on_portfolio(self) -> None:
        from avsec.gui.portfolio_view import open_portfolio_dialog

        open_portfolio_dialog(self, str(self.preferences.last_folder or ""))

    def _on_demo(self) -> None:
        import platformdirs

        from avsec.gui.dialogs import show_error

        try:
            from avsec.workshop.demo import make_demo
        except ImportError:
            show_error(self, tr("Training airport"), tr("The demo is not installed in this build."))
            return
        out_dir = Path(platformdirs.user_data_dir("avsec", appauthor=False)) / "demo"
        try:
            # fresh=False: a demo the user already worked in is opened as it is, never rebuilt
            # over their answers.
            path = make_demo(out_dir, lang=language(), fresh=False)
        except Exception as exc:  # noqa: BLE001 - any failure of the demo builder is shown, not fatal
            show_error(self, tr("Training airport"), exc)
            return
        self.open_file(path)

    def _on_report(self) -> None:
        """Write the gap report of the open assessment (the PDF of ``avsec report``)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        from avsec.core.errors import AvsecError
        from avsec.gui import dialogs

        if self.session is None:
            return
        if self.workspace is not None:
            self.workspace.commit_pending()
        try:
            from avsec.io.checklists import load_catalogue
            from avsec.report.pdf import build_report
        except ImportError:
            dialogs.show_error(
                self, tr("Error"), tr("The PDF report is not available in this build.")
            )
            return
        suggested = str(self.session.path.with_suffix(".pdf"))
        out = dialogs.choose_save_file(
            self, tr("Save the report as"), suggested, tr("PDF (*.pdf)"), ".pdf"
        )
        if not out:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = build_report(
                self.session.file.document(),
                Path(out),
                lang=language(),
                photo_loader=self.session.file.attachment_bytes,
                catalogue=load_catalogue(),
            )
        except (AvsecError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            dialogs.show_error(self, tr("Error"), exc)
            return
        QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(tr("Report written to {path}").format(path=written), 10_000)

    def _on_create_requested(self, request: dict[str, Any]) -> None:
        import datetime as dt

        from avsec.gui.dialogs import choose_save_file

        airport = request["airport"]
        code = (airport.icao or airport.iata or "airport").lower()
        suggested = str(
            Path(self.preferences.last_folder) / f"{code}-{dt.date.today().isoformat()}.avsec"
        )
        path = choose_save_file(
            self,
            tr("Save the new assessment as"),
            suggested,
            tr("Avsec assessments (*.avsec)"),
            ".avsec",
        )
        if path:
            self.create_assessment(path, **request)

    # --- sessions ---------------------------------------------------------------------------

    def create_assessment(
        self,
        path: str | Path,
        airport: Any,
        checklist_id: str = "",
        title: str = "",
        team: list[str] | None = None,
        checklist: Any = None,
    ) -> bool:
        """Create a new .avsec file and open it; False (after a dialog) on failure."""
        from avsec.core.errors import AvsecError
        from avsec.gui.dialogs import show_error
        from avsec.gui.session import Session

        self.complete_setup()
        try:
            if checklist is None:
                from avsec.io.checklists import BUNDLED_CHECKLIST, get_checklist

                checklist = get_checklist(checklist_id or BUNDLED_CHECKLIST)
            if self.session is not None:
                self.close_session()
            session = Session.create(
                path,
                airport,
                checklist,
                title=title,
                team=team or [],
                language=language(),
                user=self.preferences.user_name or None,
            )
        except (AvsecError, OSError) as exc:
            show_error(self, tr("Cannot create the assessment"), exc)
            return False
        self._adopt(session)
        return True

    def open_file(self, path: str | Path, *, raise_errors: bool = False) -> bool:
        """Open an assessment file; False (after a dialog) when it cannot be opened.

        The current assessment stays open when the new one fails. With ``raise_errors``
        (``avsec gui FILE --screenshot``) the error is raised instead of shown, so that the
        command line reports it in one line and exits non-zero.

        Raises
        ------
        avsec.core.errors.AvsecError
            Only with ``raise_errors``: the file cannot be opened.
        """
        from avsec.core.errors import AvsecError, StoreError
        from avsec.gui.dialogs import show_error
        from avsec.gui.session import Session

        self.complete_setup()
        path = Path(path)
        if self.session is not None and self.session.path.resolve() == path.resolve():
            return True
        try:
            session = Session.open(path, user=self.preferences.user_name or None)
        except (AvsecError, OSError) as exc:
            if raise_errors:
                if isinstance(exc, AvsecError):
                    raise
                raise StoreError(f"{path.name}: cannot be opened ({exc})") from exc
            show_error(self, tr("Cannot open {name}").format(name=path.name), exc)
            return False
        if self.session is not None:
            self.close_session()
        self._adopt(session)
        if session.file.backup is not None:
            self.statusBar().showMessage(
                tr(
                    "Migrated {name} to the current format; a backup of the original is at {backup}."
                ).format(name=path.name, backup=session.file.backup)
            )
        return True

    def _adopt(self, session: Session) -> None:
        from avsec.gui.workspace import Workspace

        self.session = session
        self.preferences.add_recent_file(session.path)
        session.saved.connect(self._on_saved)
        session.failed.connect(self._on_session_failed)
        session.changed.connect(self._on_session_changed)
        session.undo_stack.canUndoChanged.connect(self._update_undo_actions)
        session.undo_stack.canRedoChanged.connect(self._update_undo_actions)
        session.undo_stack.undoTextChanged.connect(self._update_undo_actions)
        session.undo_stack.redoTextChanged.connect(self._update_undo_actions)
        self.workspace = Workspace(session, self.registry, self)
        self.workspace.view_changed.connect(self._on_view_changed)
        self.workspace.coordinates_changed.connect(self.coordinates_label.setText)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.registry.set_scope("file", True)
        self._on_view_changed(self.workspace.current_view())
        self._update_title()
        self._update_undo_actions()
        self.saved_label.setText("")
        self.saved_label.setToolTip(tr("Every change is saved to the file as you make it."))
        self.session_changed.emit()

    def close_session(self) -> None:
        """Close the open assessment (its edits are already saved) and show the start page."""
        if self.session is None:
            return
        if self.workspace is not None:
            self.workspace.commit_pending()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        session, self.session = self.session, None
        session.close()
        session.deleteLater()
        for scope in ("file", "walker", "map", "outline"):
            self.registry.set_scope(scope, False)
        self.start_page.refresh_recent()
        self.stack.setCurrentWidget(self.start_page)
        self.coordinates_label.setText("")
        self.saved_label.setText("")
        self._update_title()
        self._update_undo_actions()
        self.session_changed.emit()

    def _on_close_assessment(self) -> None:
        self.close_session()

    # --- views ------------------------------------------------------------------------------

    def show_view(self, view: str) -> None:
        """Show one of the assessment views ("walker", "map", "dashboard", "outline")."""
        if self.workspace is not None:
            self.workspace.show_view(view)

    def _on_view_changed(self, view: str) -> None:
        for scope in ("walker", "map", "outline"):
            self.registry.set_scope(scope, view == scope)
        if view == "map" and self.workspace is not None:
            editor = self.workspace.map_editor()
            if editor is not None:
                editor.sync_tool_actions()

    # --- status -----------------------------------------------------------------------------

    def _on_saved(self) -> None:
        import datetime as dt

        self.saved_label.setText(
            tr("Saved {time}").format(time=dt.datetime.now().strftime("%H:%M:%S"))
        )

    def _on_session_failed(self, title: str, message: str) -> None:
        from avsec.gui.dialogs import show_error

        show_error(self, title, message)

    def _on_session_changed(self, command: object) -> None:
        from avsec.gui.session import touched

        if touched(command).assessment:  # type: ignore[arg-type]
            self._update_title()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("avsec")
            return
        airport, name, marking = self.session.title_parts()
        self.setWindowTitle(f"{airport} — {name} — {marking}")

    def _update_undo_actions(self, *_: object) -> None:
        undo, redo = self.registry.action("edit.undo"), self.registry.action("edit.redo")
        stack = self.session.undo_stack if self.session is not None else None
        can_undo = bool(stack and stack.canUndo())
        can_redo = bool(stack and stack.canRedo())
        undo.setEnabled(can_undo)
        redo.setEnabled(can_redo)
        undo.setText(tr("Undo {}").format(stack.undoText()) if can_undo and stack else tr("Undo"))
        redo.setText(tr("Redo {}").format(stack.redoText()) if can_redo and stack else tr("Redo"))

    def _on_undo(self) -> None:
        if self.session is not None:
            if self.workspace is not None:
                self.workspace.commit_pending()
            self.session.undo_stack.undo()

    def _on_redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    # --- dialogs ------------------------------------------------------------------------------

    def _on_preferences(self) -> None:
        from avsec.gui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec():
            self.apply_language(self.preferences.language or "en")

    def apply_language(self, lang: str) -> None:
        """Switch every visible string to ``lang`` (the open assessment stays open)."""
        self.complete_setup()
        if lang == language():
            return
        set_language(lang)
        self.registry.retranslate()
        self._update_undo_actions()
        old_page = self.start_page
        self.start_page = self._make_start_page()
        self.stack.insertWidget(0, self.start_page)
        self.stack.removeWidget(old_page)
        old_page.deleteLater()
        if self.session is not None and self.workspace is not None:
            from avsec.gui.workspace import Workspace

            view = self.workspace.current_view()
            item = self.workspace.walker.current_item_id()
            self.workspace.commit_pending()
            old = self.workspace
            self.workspace = Workspace(self.session, self.registry, self)
            self.workspace.view_changed.connect(self._on_view_changed)
            self.workspace.coordinates_changed.connect(self.coordinates_label.setText)
            self.stack.addWidget(self.workspace)
            self.stack.setCurrentWidget(self.workspace)
            self.stack.removeWidget(old)
            old.deleteLater()
            if item:
                self.workspace.walker.select_item(item)
            self.workspace.show_view(view)
        else:
            self.stack.setCurrentWidget(self.start_page)
        self._update_title()

    def _on_assessment_details(self) -> None:
        """Edit the header of the open assessment (File > Assessment details…)."""
        from avsec.gui.assessment_dialog import AssessmentDialog

        if self.session is None:
            return
        if self.workspace is not None:
            self.workspace.commit_pending()
        dialog = AssessmentDialog(self.session.doc.assessment, self)
        if dialog.exec():
            result = dialog.result_assessment()
            if result is not None:
                self.apply_assessment_details(result)
        dialog.deleteLater()

    def apply_assessment_details(self, assessment: Any) -> bool:
        """Record a new assessment header as one undoable edit (nothing when unchanged)."""
        from avsec.core.commands import SetAssessment

        if self.session is None:
            return False
        before = self.session.doc.assessment
        if assessment == before:
            return True
        return self.session.push(SetAssessment(before, assessment))

    def _on_compare_teams(self) -> None:
        from avsec.gui.dialogs import show_error

        try:
            from avsec.gui.compare_dialog import CompareDialog
        except ImportError:
            show_error(
                self,
                tr("Compare teams"),
                tr("The team comparison view is not available in this build."),
            )
            return
        CompareDialog.run(self, self.preferences)

    def _on_shortcuts(self) -> None:
        from avsec.gui.help_dialog import ShortcutsDialog

        ShortcutsDialog(self.registry.shortcut_table(), self).exec()

    def _on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from avsec import __version__

        QMessageBox.about(
            self,
            tr("About avsec"),
            f"<b>avsec</b><br>{tr('Version {version}').format(version=__version__)}<br><br>"
            + tr("Offline toolkit for assessing airport access control against ICAO Annex 17."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Save what is being typed and close the file."""
        self.close_session_quietly()
        super().closeEvent(event)

    def close_session_quietly(self) -> None:
        """Close the file without switching pages (the window is going away)."""
        if self.session is None:
            return
        if self.workspace is not None:
            self.workspace.commit_pending()
        self.session.close()
        self.session = None
