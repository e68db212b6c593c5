"""Keyboard shortcuts, listed from the action registry."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from avsec.gui.i18n import tr
from avsec.gui.widgets import read_only_table


class ShortcutsDialog(QDialog):
    """A table of (menu, action, keys).

    Parameters
    ----------
    rows
        From :meth:`avsec.gui.action_registry.ActionRegistry.shortcut_table`.
    """

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(560, 520)
        table = read_only_table(
            self,
            [tr("Area"), tr("Menu action"), tr("Shortcut")],
            name="shortcuts-table",
            rows=len(rows),
            whole_rows=False,
        )
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
