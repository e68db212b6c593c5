"""Five status buttons with their keyboard numbers (1-5).

The recorded status must be unmistakable in sunlight and in greyscale: the checked button is
filled in its status colour with white text (as field apps do), the others stay plain.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QToolButton, QWidget

from avsec.gui.i18n import tr
from avsec.gui.icons import status_icon
from avsec.gui.labels import STATUSES, status_label
from avsec.gui.style import STATUS_FILLS


class StatusSelector(QWidget):
    """A row of exclusive buttons; emits :attr:`status_chosen` when the user clicks one."""

    status_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("status-selector")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self._columns = 0
        for number, status in enumerate(STATUSES, start=1):
            button = QToolButton(self)
            button.setObjectName(f"status:{status}")
            button.setCheckable(True)
            button.setIcon(status_icon(status))
            button.setIconSize(QSize(18, 18))
            button.setText(f"{number}  {status_label(status)}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            # In the tab order (Space records the status); keys 1-5 work from anywhere.
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(
                tr("Status: {status} (key {number})").format(
                    status=status_label(status), number=number
                )
            )
            button.setToolTip(f"{status_label(status)} ({number})")
            fill = STATUS_FILLS[status]
            button.setStyleSheet(
                "QToolButton { padding: 4px 8px; border: 1px solid #9aa5ab; border-radius: 4px;"
                " background: white; color: #1f2a30; }"
                f" QToolButton:checked {{ background: {fill}; color: white;"
                f" border: 2px solid {fill}; font-weight: bold; }}"
                " QToolButton:focus { border: 2px solid #1565c0; }"
                f" QToolButton:checked:focus {{ border: 2px solid #0d47a1; }}"
            )
            self.group.addButton(button, number)
            self.buttons[status] = button
        widest = self._widest()
        for button in self.buttons.values():
            button.setMinimumWidth(widest)
        self._arrange(len(STATUSES))
        self.group.idClicked.connect(self._on_clicked)

    def _arrange(self, columns: int) -> None:
        """Lay the buttons out in rows of ``columns`` (narrow windows wrap them)."""
        columns = max(1, min(columns, len(STATUSES)))
        if columns == self._columns:
            return
        self._columns = columns
        for index, status in enumerate(STATUSES):
            self.grid.addWidget(self.buttons[status], index // columns, index % columns)
        for column in range(len(STATUSES) + 1):
            self.grid.setColumnStretch(column, 0)
        self.grid.setColumnStretch(columns, 1)

    def _widest(self) -> int:
        """The widest button as it looks when checked: bold text and a 2 px border, so the
        chosen status is never cut short ("Partially complian")."""

        def checked_width(button: QToolButton) -> int:
            bold = button.font()
            bold.setBold(True)
            text = button.text()
            extra = QFontMetrics(bold).horizontalAdvance(text)
            extra -= button.fontMetrics().horizontalAdvance(text)
            return button.sizeHint().width() + max(0, extra) + 2

        return max(checked_width(b) for b in self.buttons.values())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the widest button: the row wraps instead of widening the page."""
        return QSize(self._widest(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        widest = self._widest() + self.grid.spacing()
        self._arrange(max(1, (event.size().width() + self.grid.spacing()) // widest))

    def set_status(self, status: str) -> None:
        """Show ``status`` as chosen (without emitting)."""
        button = self.buttons.get(status)
        if button is not None:
            button.setChecked(True)

    def status(self) -> str:
        """The checked status."""
        for status, button in self.buttons.items():
            if button.isChecked():
                return status
        return "not_assessed"

    def _on_clicked(self, number: int) -> None:
        self.status_chosen.emit(STATUSES[number - 1])
