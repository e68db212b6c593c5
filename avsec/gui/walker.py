"""The checklist walker: filter, tree of areas and items, and the item page.

Keyboard (declared in the main window's action registry): 1-5 set the status, J/K and
Ctrl+Down/Up move between the visible items, Ctrl+F filters.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QSplitter, QVBoxLayout, QWidget

from avsec.app.filters import FilterCriteria
from avsec.core.i18n import pick
from avsec.gui.checklist_tree import ChecklistTree
from avsec.gui.filter_bar import FilterBar
from avsec.gui.i18n import language, tr
from avsec.gui.item_page import ItemPage
from avsec.gui.session import Session, touched
from avsec.gui.session_widget import SessionWidget
from avsec.gui.widgets import column


class ChecklistWalker(SessionWidget):
    """Walk the checklist item by item."""

    #: Show a finding on the map (finding id).
    finding_requested = Signal(str)
    #: Show an observation of the visit on the map (observation id).
    observation_requested = Signal(str)
    #: Place a photo on the map by hand (attachment id).
    photo_place_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent, name="walker")
        lang = language()
        areas = [(a.id, pick(a.title, lang)) for a in session.checklist.areas]
        self.filter_bar = FilterBar(areas, self)
        self.filter_bar.changed.connect(self._on_filter_changed)
        self.filter_bar.escaped.connect(self._on_filter_escaped)
        self.tree = ChecklistTree(session, self)
        self.tree.item_selected.connect(self._on_item_selected)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("walker-progress")
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(16)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #5f6b73;")
        self.page = ItemPage(session, self)
        self.page.finding_requested.connect(self.finding_requested)
        self.page.observation_requested.connect(self.observation_requested)
        self.page.photo_place_requested.connect(self.photo_place_requested)
        self.page.notes.escaped.connect(self._leave_notes)

        left = QWidget(self)
        items = (self.filter_bar, (self.tree, 1), self.count_label, self.progress)
        column(left, *items, margins=(6, 6, 0, 6))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([500, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        session.changed.connect(self._on_session_changed)
        session.findings_changed.connect(self._on_findings_changed)
        session.attachments_changed.connect(self._on_attachments_changed)
        self._update_progress(len(session.checklist.item_ids()))
        first = self._first_unanswered() or (session.checklist.item_ids() or [""])[0]
        if first:
            self.select_item(first)

    def _first_unanswered(self) -> str:
        for item_id in self.session.checklist.item_ids():
            if str(self.session.doc.status_of(item_id)) == "not_assessed":
                return item_id
        return ""

    # --- API used by the actions ------------------------------------------------------------

    def current_item_id(self) -> str:
        """The item shown."""
        return self.page.item_id

    def select_item(self, item_id: str) -> None:
        """Show ``item_id``."""
        if self.tree.select_item(item_id) and self.page.item_id != item_id:
            self.page.show_item(item_id)

    def set_status(self, status: str) -> None:
        """Set the shown item's status (keys 1-5)."""
        self.page.set_status(status)

    def next_item(self) -> None:
        """Move to the next visible item (J, Ctrl+Down)."""
        self.page.commit_notes()
        self._leave_notes()
        self.tree.step(+1)

    def previous_item(self) -> None:
        """Move to the previous visible item (K, Ctrl+Up)."""
        self.page.commit_notes()
        self._leave_notes()
        self.tree.step(-1)

    def focus_filter(self) -> None:
        """Put the cursor in the filter (Ctrl+F)."""
        self.filter_bar.focus_text()

    def set_filter(self, criteria: FilterCriteria) -> None:
        """Apply ``criteria`` (tests, and a saved filter)."""
        self.filter_bar.set_criteria(criteria)

    def add_photo_dialog(self) -> None:
        """Ask for photos for the shown item."""
        self.page.add_photo_dialog()

    def commit_pending(self) -> None:
        """Save the notes being typed."""
        self.page.commit_notes()

    # --- handlers ---------------------------------------------------------------------------

    def _on_item_selected(self, item_id: str) -> None:
        if item_id != self.page.item_id:
            self.page.show_item(item_id)

    def _on_filter_changed(self, criteria: FilterCriteria) -> None:
        shown = self.tree.apply_filter(criteria)
        self._update_progress(shown)
        visible = self.tree.visible_item_ids()
        if visible and self.page.item_id not in visible:
            self.tree.select_item(visible[0])

    def _leave_notes(self) -> None:
        """Take the keyboard out of the notes (Escape, or moving to another item): the next
        1-5, J or K acts on the checklist instead of typing into the note."""
        if self.page.notes.hasFocus():
            self.page.commit_notes()
            self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_filter_escaped(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_session_changed(self, command: object) -> None:
        changed = touched(command)  # type: ignore[arg-type]
        if not changed.responses:
            return
        self.tree.refresh_items(changed.responses)
        self._update_progress()
        if self.page.item_id in changed.responses:
            self.page.refresh_response()
            self.page.refresh_findings()
        if self.filter_bar.criteria().status:
            # A status filter must drop an item as soon as its status no longer matches,
            # but keep showing the item being edited so the page does not jump away.
            current = self.page.item_id
            self._on_filter_changed(self.filter_bar.criteria())
            if current:
                self.tree.select_item(current)

    def _on_findings_changed(self) -> None:
        self.page.refresh_findings()

    def _on_attachments_changed(self) -> None:
        self.page.refresh_response()

    def _update_progress(self, shown: int | None = None) -> None:
        answered, total = self.tree.progress()
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(answered)
        self.progress.setFormat(f"{answered} / {total}")
        if shown is None:
            shown = len(self.tree.visible_item_ids())
        self.count_label.setText(tr("{shown} of {total} items").format(shown=shown, total=total))
