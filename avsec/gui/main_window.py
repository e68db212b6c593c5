"""The main window: start page or an open assessment, menus and toolbar from one registry.

Startup cost matters (an inspector opens the laptop at the gate): this module imports only Qt
and the small GUI modules. The models, the store and every view load when a file opens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from avsec.gui.file_controller import FileController
from avsec.gui.i18n import N_, language, set_language, tr
from avsec.gui.labels import MENUS
from avsec.gui.report_controller import ReportController
from avsec.gui.settings import Preferences
from avsec.gui.start_page import StartPage

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QIcon

    from avsec.gui.action_registry import ActionRegistry
    from avsec.gui.actions import Call
    from avsec.gui.session import Session
    from avsec.gui.workspace import Workspace


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
        self.files = FileController(self)
        self.reports = ReportController(self)
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
        from PySide6.QtWidgets import QLabel, QToolBar

        from avsec.gui.action_registry import ActionRegistry

        self._setup_done = True
        self.registry = ActionRegistry(self)
        self._declare_actions()
        self.registry.build_menus(self.menuBar())
        self.recent_menu = self.files.install_recent_menu(self.registry.menu("&File"))
        self.tool_bar = QToolBar(self)
        self.tool_bar.setObjectName("main-toolbar")
        self.tool_bar.setMovable(False)
        # Qt.ToolButtonStyle.ToolButtonTextOnly, set through the property by its name: the
        # first use of the Qt namespace costs about 30 ms of enum types (see
        # avsec.gui.action_registry), which the cold start need not pay.
        self.tool_bar.setProperty("toolButtonStyle", "ToolButtonTextOnly")
        self.addToolBar(self.tool_bar)
        self.registry.build_toolbar(self.tool_bar, "main")
        self.saved_label = QLabel(self)
        self.coordinates_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.coordinates_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._update_title()
        self._update_undo_actions()

    # --- actions ----------------------------------------------------------------------------

    def _declare_actions(self) -> None:
        """One QAction per row of :data:`avsec.gui.actions.ACTIONS`, bound to its handler."""
        from avsec.gui.actions import ACTIONS

        for spec in ACTIONS:
            icon = partial(_draw_icon, spec.icon) if spec.icon else None  # drawn when first shown
            self.registry.add(spec, self._handler(spec.call), icon=icon)

    def _handler(self, call: Call | None) -> Callable[..., None] | None:
        """The slot that runs ``call``: on the window, a controller, or the view if it is open."""
        if call is None:
            return None
        target, method, args = call
        if target in ("walker", "map", "outline"):
            return lambda *_: self._view_call(target, method, *args)
        if target == "workshop":
            # The Workshop menu's module loads on its first use, not at the cold start.
            return lambda *_: getattr(self._workshop(), method)(*args)
        owner = {"window": self, "files": self.files, "reports": self.reports}[target]
        return lambda *_: getattr(owner, method)(*args)

    def _workshop(self) -> Any:
        """The handlers of the Workshop menu (made on first use)."""
        controller = getattr(self, "_workshop_controller", None)
        if controller is None:
            from avsec.gui.workshop_menu import WorkshopController

            controller = self._workshop_controller = WorkshopController(self)
        return controller

    # --- dispatch to the views ------------------------------------------------------------

    def _view_call(self, view: str, method: str, *args: Any) -> None:
        """Call ``method`` on an open view; the checklist's keys act only while it is shown."""
        if self.workspace is None:
            return
        target: Any
        if view == "walker":
            if self.workspace.current_view() != "walker":
                return
            target = self.workspace.walker
        elif view == "map":
            target = self.workspace.map_editor()
        else:
            target = self.workspace.outline_editor()
        if target is not None:
            getattr(target, method)(*args)

    # --- start page ---------------------------------------------------------------------------

    def _make_start_page(self) -> StartPage:
        page = StartPage(self.preferences, self)
        page.open_requested.connect(self.open_file)
        page.browse_requested.connect(self.files.browse)
        page.demo_requested.connect(self.files.open_demo)
        page.create_requested.connect(self.files.create_requested)
        return page

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
        from avsec.gui.passphrase_dialog import install as ask_passphrases_here
        from avsec.gui.session import Session

        ask_passphrases_here()  # an encrypted file asks in a dialog, not on a terminal
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
                raise StoreError(
                    N_("{name}: cannot be opened ({exc})"), name=path.name, exc=exc
                ) from exc
            show_error(self, tr("Cannot open {name}").format(name=path.name), exc)
            return False
        if self.session is not None:
            self.close_session()
        # Edits of earlier sessions can be undone again (labels and all, from the journal).
        session.restore_undo_history()
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
        from avsec.gui.external_change import ExternalChangeWatcher

        self.external_watch: ExternalChangeWatcher | None = ExternalChangeWatcher(self, session)
        self.session_changed.emit()

    def open_portfolio(self) -> None:
        """Choose a folder of .avsec files and show the airports' trends."""
        from avsec.gui.portfolio_view import open_portfolio_dialog

        open_portfolio_dialog(self, str(self.preferences.last_folder or ""))

    def check_file(self) -> None:
        """Read and check the whole file, photos included, in the background."""
        from avsec.gui.integrity_check import run_integrity_check

        run_integrity_check(self)

    def _stop_watch_and_commit(self) -> None:
        """Stop watching the file for other programs' changes and save the edit in progress."""
        watch = getattr(self, "external_watch", None)
        if watch is not None:
            watch.stop()
            self.external_watch = None
        if self.workspace is not None:
            self.workspace.commit_pending()

    def close_session(self) -> None:
        """Close the open assessment (its edits are already saved) and show the start page."""
        if self.session is None:
            return
        self._stop_watch_and_commit()
        if self.workspace is not None:
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

    # --- views ------------------------------------------------------------------------------

    def show_view(self, view: str) -> None:
        """Show one of the assessment views ("walker", "map", "dashboard", "outline")."""
        if self.workspace is not None:
            self.workspace.show_view(view)

    def _on_view_changed(self, view: str) -> None:
        from avsec.gui.accessibility import name_controls

        for scope in ("walker", "map", "outline"):
            self.registry.set_scope(scope, view == scope)
        if self.workspace is not None:
            name_controls(self.workspace)  # views build lazily: name what the new one holds
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
        # The menu names the edit as a sentence ("Undo: Set PER-01 to Not compliant"); the tool
        # bar keeps a short, fixed label (its width never jumps) and names the edit in its tip.
        undo.setText(
            tr("Undo: {edit}").format(edit=stack.undoText()) if can_undo and stack else tr("Undo")
        )
        redo.setText(
            tr("Redo: {edit}").format(edit=stack.redoText()) if can_redo and stack else tr("Redo")
        )
        for action, short in ((undo, tr("Undo")), (redo, tr("Redo"))):
            action.setIconText(short)
            action.setToolTip(self.registry.tip_with_keys(action, action.text()))

    def undo(self) -> None:
        """Undo the last edit (saving what is being typed first)."""
        if self.session is not None:
            if self.workspace is not None:
                self.workspace.commit_pending()
            self.session.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone edit."""
        if self.session is not None:
            self.session.undo_stack.redo()

    # --- dialogs ------------------------------------------------------------------------------

    def edit_preferences(self) -> None:
        """Edit > Preferences; a new language applies at once."""
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

    def edit_assessment_details(self) -> None:
        """Edit the header of the open assessment (File > Assessment details…)."""
        from avsec.gui.assessment_dialog import AssessmentDialog

        if self.session is None:
            return
        self._stop_watch_and_commit()
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

    def compare_teams(self) -> None:
        """Workshop > Compare teams: the trainer's comparison dialog."""
        from avsec.gui.compare_dialog import CompareDialog

        CompareDialog.run(self, self.preferences)

    def show_access_tests(self) -> None:
        """View > Access-control tests: the visit's tests, to record, edit and delete."""
        from PySide6.QtCore import Qt

        from avsec.gui.access_test_dialog import AccessTestsDialog

        if self.session is None:
            return
        dialog = AccessTestsDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.tests_dialog = dialog
        dialog.show()

    def show_history(self) -> None:
        """View > History: the file's changes journal with a filter."""
        from PySide6.QtCore import Qt

        from avsec.gui.history_dialog import HistoryDialog

        if self.session is None:
            return
        if self.workspace is not None:
            self.workspace.commit_pending()
        dialog = HistoryDialog(self.session.file.changes(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dialog
        dialog.show()

    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts, listed from the registry."""
        from avsec.gui.help_dialog import ShortcutsDialog

        ShortcutsDialog(self.registry.shortcut_table(), self).exec()

    def show_about(self) -> None:
        """Help > About avsec."""
        from PySide6.QtWidgets import QMessageBox

        from avsec import __version__

        QMessageBox.about(
            self,
            tr("About avsec"),
            "<b>avsec</b><br>"
            + tr("Version {version}").format(version=__version__)
            + "<br><br>"
            + tr("Offline toolkit for assessing airport access control against ICAO Annex 17."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Save what is being typed and close the file."""
        self.reports.wait_until_done()
        self.close_session_quietly()
        super().closeEvent(event)

    def close_session_quietly(self) -> None:
        """Close the file without switching pages (the window is going away)."""
        if self.session is None:
            return
        self._stop_watch_and_commit()
        self.session.close()
        self.session = None


def _draw_icon(name: str) -> QIcon:
    """The icon ``family:name`` of an action (avsec.gui.icons loads on the first one drawn)."""
    from avsec.gui.icons import kind_icon, status_icon

    family, key = name.split(":", 1)
    return {"status": status_icon, "kind": kind_icon}[family](key)
