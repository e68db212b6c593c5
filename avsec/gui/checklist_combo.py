"""Choice of checklist for a new assessment: bundled, user-folder and added files.

Listing validates every checklist file, which costs a moment; the combo starts with the bundled
checklist only and lists the rest when it first opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from avsec.gui.i18n import error_text, language

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

BUNDLED_ID = "icao-a17-access-control"


class ChecklistCombo(QComboBox):
    """A combo box whose data is the checklist id."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklist-combo")
        self.addItem(BUNDLED_ID, BUNDLED_ID)
        self._listed = False
        self.problems: list[str] = []

    def _load_if_shown(self) -> None:
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Titles, not ids, soon after the page is up (listing validates files: not before
        the first frame), and only while the combo is shown: a file opened from the start
        page must not wait for the list of the page it leaves."""
        super().showEvent(event)
        if not self._listed:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(300, self._load_if_shown)

    def checklist_id(self) -> str:
        """The chosen checklist id."""
        return str(self.currentData() or BUNDLED_ID)

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        """List the available checklists the first time the list opens."""
        self.load()
        super().showPopup()

    def load(self) -> None:
        """Fill the list from the bundled and user checklists (once)."""
        if self._listed:
            return
        self._listed = True
        from avsec.io.checklists import list_checklists

        try:
            sources, self.problems = list_checklists()
        except Exception as exc:  # noqa: BLE001 - a broken catalogue must not break the start page
            self.problems = [error_text(exc)]
            return
        chosen = self.checklist_id()
        self.clear()
        for source in sources:
            title = source.title.get(language()) or source.title.get("en") or source.id
            self.addItem(f"{title} (v{source.version}, {source.items})", source.id)
        if self.count() == 0:
            self.addItem(BUNDLED_ID, BUNDLED_ID)
        index = self.findData(chosen)
        self.setCurrentIndex(max(index, 0))
