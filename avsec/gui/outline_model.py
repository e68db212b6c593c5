"""Table model and editors of the improvement outline (one row per action).

Every cell edit becomes one undoable SetAction built with core.outline.edit_action, which
remembers the field as edited so "Regenerate from gaps" keeps it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from avsec.core.actions import ACTION_STATUSES, HORIZONS, Action
from avsec.core.commands import SetAction
from avsec.core.findings import finding_label
from avsec.core.outline import edit_action, localise_action
from avsec.gui.i18n import N_, language, number, tr
from avsec.gui.labels import action_status_label, horizon_label
from avsec.gui.session import Session, touched

#: (field, header) of each column; items and findings are read-only.
COLUMNS = (
    ("title", N_("Action")),
    ("priority", N_("Priority")),
    ("horizon", N_("Horizon")),
    ("owner", N_("Owner")),
    ("due", N_("Due")),
    ("status", N_("Status")),
    ("items", N_("Items")),
    ("findings", N_("Findings")),
)
EDITABLE = {"title", "priority", "horizon", "owner", "due", "status"}
#: Fields a generated action words in the outline's language (shown in the UI language).
LOCALISED = {"title", "owner"}
_Index = QModelIndex | QPersistentModelIndex


class OutlineTableModel(QAbstractTableModel):
    """The session's actions as a table."""

    def __init__(self, session: Session, parent: Any = None):
        super().__init__(parent)
        self.session = session
        session.changed.connect(self._on_session_changed)
        session.findings_changed.connect(self._on_findings_changed)

    def actions(self) -> list[Action]:
        """The actions shown, in order."""
        return self.session.doc.actions

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self.actions())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section][1])
        return None

    def shown_action(self, row: int) -> Action:
        """The action of ``row`` as shown: generated words in the UI language."""
        return localise_action(self.actions()[row], self.session.checklist, language())

    def field(self, column: int) -> str:
        """The Action field shown in ``column``."""
        return COLUMNS[column][0]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action = self.actions()[index.row()]
        field = self.field(index.column())
        if field in LOCALISED:
            # Generated, unedited actions read in the UI language (as the report does), the
            # editor starts from the same words; the stored ones stay until the user edits.
            action = self.shown_action(index.row())
        value = getattr(action, field)
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "priority":
                return number(value, 2)
            if field == "horizon":
                return horizon_label(value)
            if field == "status":
                return action_status_label(value)
            if field == "due":
                return value.isoformat() if value else ""
            if field == "items":
                return ", ".join(value)
            if field == "findings":
                numbers = [self.session.finding_number(f) for f in value]
                return ", ".join(finding_label(n) for n in numbers if n)
            return value
        if role == Qt.ItemDataRole.EditRole:
            if field == "due":
                return QDate(value) if value else QDate.currentDate()
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == "title":
                return action.description or action.title
            if field in action.edited:
                return tr("edited")
        if role == Qt.ItemDataRole.FontRole and field in action.edited:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and field == "horizon" and value == "immediate":
            return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "priority":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.field(index.column()) in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        action = self.actions()[index.row()]
        field = self.field(index.column())
        if field not in EDITABLE:
            return False
        value = self._convert(field, value)
        if value is None and field != "due":
            return False
        if getattr(action, field) == value or (
            field in LOCALISED and getattr(self.shown_action(index.row()), field) == value
        ):
            return False
        return self.session.push(
            SetAction(action.id, action, edit_action(action, **{field: value}))
        )

    @staticmethod
    def _convert(field: str, value: Any) -> Any:
        if field == "priority":
            try:
                return round(float(value), 3)
            except (TypeError, ValueError):
                return None
        if field == "due":
            if isinstance(value, QDate):
                return (
                    dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
                )
            return value if isinstance(value, dt.date) else None
        if field == "horizon":
            return value if value in HORIZONS else None
        if field == "status":
            return value if value in ACTION_STATUSES else None
        text = str(value).strip()
        return text if text or field == "owner" else None

    def row_of(self, action_id: str) -> int:
        """The row of an action (-1 when absent)."""
        return next((i for i, a in enumerate(self.actions()) if a.id == action_id), -1)

    def _on_session_changed(self, command: object) -> None:
        if touched(command).actions:  # type: ignore[arg-type]
            self.beginResetModel()
            self.endResetModel()

    def _on_findings_changed(self) -> None:
        if self.rowCount():
            column = [f for f, _ in COLUMNS].index("findings")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))


class OutlineDelegate(QStyledItemDelegate):
    """Combo boxes for horizon and status, a date editor for due, a spin box for priority."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        field = COLUMNS[index.column()][0]
        if field == "horizon":
            box = QComboBox(parent)
            for horizon in HORIZONS:
                box.addItem(horizon_label(horizon), horizon)
            return box
        if field == "status":
            box = QComboBox(parent)
            for status in ACTION_STATUSES:
                box.addItem(action_status_label(status), status)
            return box
        if field == "due":
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            return editor
        if field == "priority":
            spin = QDoubleSpinBox(parent)
            spin.setRange(0, 100)
            spin.setDecimals(2)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date())
        elif isinstance(editor, QDoubleSpinBox):
            model.setData(index, editor.value())
        else:
            super().setModelData(editor, model, index)
