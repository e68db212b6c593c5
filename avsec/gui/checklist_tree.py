"""Areas and items of the checklist in a tree, with status icons and per-area progress."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from avsec.app.filters import FilterCriteria
from avsec.core.assessment import Status
from avsec.core.i18n import pick
from avsec.gui.i18n import language
from avsec.gui.icons import status_icon
from avsec.gui.labels import status_label
from avsec.gui.session import Session

_ID = Qt.ItemDataRole.UserRole


class ChecklistTree(QTreeWidget):
    """Tree of areas (with "answered / items") and items (with their status icon).

    Parameters
    ----------
    session
        The open assessment; the tree reads the checklist and the responses from it.
    """

    #: The current item changed (item id).
    item_selected = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("checklist-tree")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._areas: dict[str, QTreeWidgetItem] = {}
        self._area_of: dict[str, str] = {}
        self._build()
        self.currentItemChanged.connect(self._on_current_item_changed)

    def _build(self) -> None:
        lang = language()
        bold = QFont(self.font())
        bold.setBold(True)
        for area in self.session.checklist.areas:
            area_node = QTreeWidgetItem(self, [pick(area.title, lang), ""])
            area_node.setData(0, _ID, "")
            area_node.setFont(0, bold)
            area_node.setFlags(Qt.ItemFlag.ItemIsEnabled)
            area_node.setForeground(1, QBrush(QColor("#546e7a")))
            self._areas[area.id] = area_node
            for item in area.items:
                node = QTreeWidgetItem(area_node, [f"{item.id}  {pick(item.question, lang)}", ""])
                node.setData(0, _ID, item.id)
                node.setToolTip(0, pick(item.question, lang))
                self._items[item.id] = node
                self._area_of[item.id] = area.id
                self._paint_item(item.id)
            self._paint_area(area.id)
        self.expandAll()

    # --- refresh --------------------------------------------------------------------------

    def _status(self, item_id: str) -> str:
        return str(self.session.doc.status_of(item_id))

    def _paint_item(self, item_id: str) -> None:
        node = self._items[item_id]
        status = self._status(item_id)
        node.setIcon(0, status_icon(status))
        node.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, status_label(status))

    def _paint_area(self, area_id: str) -> None:
        node = self._areas[area_id]
        statuses = [self._status(i) for i, a in self._area_of.items() if a == area_id]
        answered = sum(1 for s in statuses if s != Status.NOT_ASSESSED)
        node.setText(1, f"{answered} / {len(statuses)}")
        node.setToolTip(1, f"{answered} / {len(statuses)}")

    def refresh_items(self, item_ids: set[str]) -> None:
        """Repaint the given items and their areas' progress."""
        areas = set()
        for item_id in item_ids:
            if item_id in self._items:
                self._paint_item(item_id)
                areas.add(self._area_of[item_id])
        for area_id in areas:
            self._paint_area(area_id)

    def progress(self) -> tuple[int, int]:
        """(answered items, all items)."""
        statuses = [self._status(i) for i in self._items]
        return sum(1 for s in statuses if s != Status.NOT_ASSESSED), len(statuses)

    def area_progress(self, area_id: str) -> str:
        """The progress text shown next to an area."""
        return self._areas[area_id].text(1)

    # --- selection and navigation -------------------------------------------------------

    def current_item_id(self) -> str:
        """The selected item's id ("" when an area or nothing is selected)."""
        node = self.currentItem()
        return node.data(0, _ID) if node is not None else ""

    def select_item(self, item_id: str) -> bool:
        """Select ``item_id`` (shown even if the filter hid it); False when unknown."""
        node = self._items.get(item_id)
        if node is None:
            return False
        if node.isHidden():
            node.setHidden(False)
            node.parent().setHidden(False)
        self.setCurrentItem(node)
        self.scrollToItem(node)
        return True

    def visible_item_ids(self) -> list[str]:
        """Item ids the filter shows, in checklist order."""
        return [i for i, node in self._items.items() if not node.isHidden()]

    def step(self, offset: int) -> str:
        """Select the next (+1) or previous (-1) visible item; return its id."""
        visible = self.visible_item_ids()
        if not visible:
            return ""
        current = self.current_item_id()
        if current in visible:
            index = min(max(visible.index(current) + offset, 0), len(visible) - 1)
        else:
            index = 0 if offset > 0 else len(visible) - 1
        self.select_item(visible[index])
        return visible[index]

    def apply_filter(self, criteria: FilterCriteria) -> int:
        """Hide the items that do not match; return how many stay visible."""
        lang = language()
        shown = 0
        checklist = self.session.checklist
        for area in checklist.areas:
            area_shown = 0
            for item in area.items:
                response = self.session.response(item.id)
                ok = criteria.matches(
                    item, area.id, self._status(item.id), response.notes if response else "", lang
                )
                self._items[item.id].setHidden(not ok)
                area_shown += ok
            self._areas[area.id].setHidden(area_shown == 0)
            shown += area_shown
        return shown

    def _on_current_item_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        item_id = current.data(0, _ID) if current is not None else ""
        if item_id:
            self.item_selected.emit(item_id)
