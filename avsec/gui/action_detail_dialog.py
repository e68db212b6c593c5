"""Edit one improvement action in full: its whole title and description.

The outline table shows a title cut to fit its row; editing that cut text would save the
"…" into the plan. This dialog edits the stored text itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from avsec.core.actions import Action
from avsec.core.textlimits import MAX_ACTION_TITLE_CHARS
from avsec.gui.dialogs import ok_cancel_buttons
from avsec.gui.i18n import tr


class ActionDetailDialog(QDialog):
    """Title and description of ``action``; :meth:`changes` gives what the user changed."""

    def __init__(self, action: Action, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("action-detail-dialog")
        self.setWindowTitle(tr("Edit action"))
        self.resize(620, 360)
        self.action = action
        self.title = QLineEdit(action.title, self)
        self.title.setObjectName("action-title")
        self.title.setMaxLength(MAX_ACTION_TITLE_CHARS)
        self.title.setAccessibleName(tr("Title"))
        self.description = QPlainTextEdit(action.description, self)
        self.description.setObjectName("action-description")
        self.description.setAccessibleName(tr("Description"))
        self.description.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Description"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(ok_cancel_buttons(self, self._on_accept))

    def _on_accept(self) -> None:
        if self.title.text().strip():
            self.accept()
        else:
            self.title.setFocus()

    def changes(self) -> dict[str, str]:
        """The fields whose text changed: {"title": ..., "description": ...}."""
        values = {
            "title": self.title.text().strip(),
            "description": self.description.toPlainText().strip(),
        }
        return {k: v for k, v in values.items() if v != getattr(self.action, k)}
