"""Filter of the checklist walker: text, status, area and weight (Ctrl+F).

The criteria and what they match live in :mod:`avsec.app.filters`; this is the widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QToolButton, QWidget

from avsec.app.filters import FilterCriteria
from avsec.gui.i18n import tr
from avsec.gui.icons import status_icon
from avsec.gui.labels import STATUSES, status_label, weight_label


class FilterBar(QWidget):
    """Text field and three combos; emits :attr:`changed` with the criteria.

    Parameters
    ----------
    areas
        (area id, translated title) pairs for the area combo.
    """

    changed = Signal(object)
    #: Escape in the text field: the walker takes the focus back.
    escaped = Signal()

    def __init__(self, areas: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filter-bar")
        self.text = QLineEdit(self)
        self.text.setObjectName("filter-text")
        self.text.setPlaceholderText(tr("Search questions, guidance and notes"))
        self.text.setClearButtonEnabled(True)
        self.text.installEventFilter(self)
        self.status = QComboBox(self)
        self.status.setObjectName("filter-status")
        self.status.addItem(tr("Any status"), "")
        for status in STATUSES:
            self.status.addItem(status_icon(status), status_label(status), status)
        self.area = QComboBox(self)
        self.area.setObjectName("filter-area")
        self.area.addItem(tr("Any area"), "")
        for area_id, title in areas:
            self.area.addItem(title, area_id)
        self.weight = QComboBox(self)
        self.weight.setObjectName("filter-weight")
        self.weight.addItem(tr("Any weight"), 0)
        for weight in (3, 2, 1):
            self.weight.addItem(weight_label(weight), weight)
        for combo in (self.status, self.area, self.weight):
            # Long Spanish labels must not widen the walker's tree pane.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.text, 0, 0, 1, 3)
        layout.addWidget(self.clear_button, 0, 3)
        layout.addWidget(self.status, 1, 0)
        layout.addWidget(self.area, 1, 1)
        layout.addWidget(self.weight, 1, 2, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 3)
        layout.setColumnStretch(2, 2)
        self.text.textChanged.connect(self._on_changed)
        self.status.currentIndexChanged.connect(self._on_changed)
        self.area.currentIndexChanged.connect(self._on_changed)
        self.weight.currentIndexChanged.connect(self._on_changed)

    def criteria(self) -> FilterCriteria:
        """The current criteria."""
        return FilterCriteria(
            text=self.text.text(),
            status=self.status.currentData() or "",
            area=self.area.currentData() or "",
            weight=int(self.weight.currentData() or 0),
        )

    def set_criteria(self, criteria: FilterCriteria) -> None:
        """Show ``criteria`` (emits :attr:`changed` once)."""
        self.blockSignals(True)
        self.text.setText(criteria.text)
        self.status.setCurrentIndex(max(0, self.status.findData(criteria.status)))
        self.area.setCurrentIndex(max(0, self.area.findData(criteria.area)))
        self.weight.setCurrentIndex(max(0, self.weight.findData(criteria.weight)))
        self.blockSignals(False)
        self._on_changed()

    def clear(self) -> None:
        """Show every item again."""
        self.set_criteria(FilterCriteria())

    def focus_text(self) -> None:
        """Put the cursor in the text field, its text selected."""
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        """Escape in the text field hands the keyboard back to the walker."""
        if watched is self.text and isinstance(event, QKeyEvent):
            if event.type() == QKeyEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.escaped.emit()
                return True
        return super().eventFilter(watched, event)

    def _on_changed(self, *_: object) -> None:
        self.changed.emit(self.criteria())
