"""The improvement outline editor: a table of actions, regenerated from gaps without losing edits."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from avsec.core.actions import Action
from avsec.core.commands import SetAction
from avsec.gui.i18n import ngettext, tr
from avsec.gui.outline_model import COLUMNS, OutlineDelegate, OutlineTableModel
from avsec.gui.session import Session
from avsec.gui.session_widget import SessionWidget


class OutlineEditor(SessionWidget):
    """Edit the session's improvement outline."""

    #: Show this checklist item.
    item_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent, name="outline-editor")
        self.model = OutlineTableModel(session, self)
        self.table = QTableView(self)
        self.table.setObjectName("outline-table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(OutlineDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("color: #5f6b73;")
        self.empty = QLabel(
            tr("No actions yet: press Regenerate from gaps once items are answered."), self
        )
        self.empty.setStyleSheet("color: #5f6b73;")
        self.regenerate_button = QPushButton(tr("Regenerate from gaps"), self)
        self.regenerate_button.setObjectName("regenerate")
        self.regenerate_button.clicked.connect(self.regenerate)
        self.add_button = QPushButton(tr("Add action"), self)
        self.add_button.clicked.connect(self.add_action)
        self.details_button = QPushButton(tr("Edit action in full…"), self)
        self.details_button.setObjectName("action-details")
        self.details_button.clicked.connect(self.edit_details)
        self.delete_button = QPushButton(tr("Delete action"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.regenerate_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.model.modelReset.connect(self._update_summary)
        self._update_summary()

    def _update_summary(self) -> None:
        count = self.model.rowCount()
        self.summary.setText(
            ngettext(
                "{count} action · edited fields survive regeneration",
                "{count} actions · edited fields survive regeneration",
                count,
            ).format(count=count)
        )
        self.empty.setVisible(count == 0)

    def regenerate(self) -> int:
        """Rebuild the generated actions from the gaps, keeping every user edit; return count."""
        return self.session.regenerate_outline()

    def add_action(self) -> str:
        """Add an action of the user's own and start editing its title; return its id."""
        action = Action(title=tr("New action"), origin="user", horizon="short")
        if not self.session.push(SetAction(action.id, None, action)):
            return ""
        row = self.model.row_of(action.id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)
        return action.id

    def selected_action(self) -> Action | None:
        """The action of the current row, or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.actions()[index.row()]

    def delete_selected(self) -> None:
        """Delete the action of the current row."""
        action = self.selected_action()
        if action is not None:
            self.session.push(SetAction(action.id, action, None))

    def edit_details(self) -> bool:
        """Edit the full title and description of the current row's action in a dialog
        (one undoable edit); True when something changed."""
        from avsec.core.outline import edit_action
        from avsec.gui.action_detail_dialog import ActionDetailDialog

        action = self.selected_action()
        if action is None:
            return False
        # The words shown in the table (the UI language), never the stored ones of another.
        shown = self.model.shown_action(self.table.currentIndex().row())
        dialog = ActionDetailDialog(shown, self)
        self._detail_dialog: ActionDetailDialog | None = dialog
        accepted = dialog.exec()
        changes = dialog.changes() if accepted else {}
        dialog.deleteLater()
        self._detail_dialog = None
        if not changes:
            return False
        return self.session.push(SetAction(action.id, action, edit_action(action, **changes)))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if self.model.field(index.column()) == "items":
            items = self.model.actions()[index.row()].items
            if items:
                self.item_requested.emit(items[0])
