"""Full-screen presentation of a team comparison for the front of a room: the trainer view in
large type with the heat map's colour key; Escape (or F11) leaves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from avsec.gui.heat_legend import HeatLegend
from avsec.gui.i18n import tr
from avsec.gui.trainer_view import TrainerView

#: Type size of the presentation relative to the desktop's (readable from the back row).
SCALE = 1.6


class PresentationWindow(QWidget):
    """A top-level, full-screen trainer view over ``comparison``."""

    def __init__(self, comparison: Any, parent: QWidget | None = None, *, tab: int = 1):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setWindowTitle(tr("Presentation"))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * SCALE)
        self.setFont(font)
        self.view = TrainerView(comparison, self)
        self.view.tabs.setCurrentIndex(tab)  # the heat map first
        self.legend = HeatLegend(self)
        hint = QLabel(tr("Esc leaves the presentation"), self)
        hint.setStyleSheet("color: #5f6b73;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)
