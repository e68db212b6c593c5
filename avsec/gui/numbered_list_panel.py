"""The base of the map's side lists of numbered records (the findings of the analysis, the
observations of the visit): a summary line over the list, the chosen record's details below
it with a link to each checklist item it concerns."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from avsec.core.checklist import Checklist
from avsec.core.i18n import pick
from avsec.gui.session import Session
from avsec.gui.session_widget import SessionWidget

#: The role under which each row keeps its record's id.
RECORD_ID = Qt.ItemDataRole.UserRole


def short(text: str, limit: int = 90) -> str:
    """``text`` cut at a word boundary to about ``limit`` characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def item_links(checklist: Checklist, item_ids: Iterable[str], lang: str) -> list[str]:
    """Rich text per checklist item: its id as a link (the panel's ``item_requested``), then
    its question cut short (none for an item the checklist does not hold)."""
    links = []
    for item_id in item_ids:
        try:
            question = pick(checklist.item(item_id).question, lang)
        except KeyError:
            question = ""
        links.append(
            f'<a href="{html.escape(item_id)}">{html.escape(item_id)}</a> '
            + html.escape(short(question))
        )
    return links


class NumberedListPanel(SessionWidget):
    """A summary label and a list of numbered records, each row holding its record's id.

    ``name`` and ``list_name`` are the Qt object names of the panel and of its list (tests and
    style sheets find them by it), ``list_height`` the list's minimum height in pixels.
    """

    #: Show this checklist item (item id).
    item_requested = Signal(str)

    def __init__(
        self,
        session: Session,
        parent: QWidget | None,
        *,
        name: str,
        list_name: str,
        list_height: int,
    ):
        super().__init__(session, parent, name=name)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName(list_name)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(list_height)
        self.list.currentItemChanged.connect(self._on_current_changed)

    def current_id(self) -> str:
        """The selected record's id ("" when none)."""
        entry = self.list.currentItem()
        return entry.data(RECORD_ID) if entry is not None else ""

    def _select_quietly(self, record_id: str) -> QListWidgetItem | None:
        """Make the row of ``record_id`` the current one without emitting; None when no row
        holds it."""
        for row in range(self.list.count()):
            entry = self.list.item(row)
            if entry.data(RECORD_ID) == record_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(entry)
                self.list.blockSignals(False)
                return entry
        return None

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        """Show and announce the record chosen in the list (each panel says how)."""
        raise NotImplementedError
