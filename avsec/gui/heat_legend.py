"""The colour key of the trainer's heat map: one swatch per status, in the heat map's colours."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from avsec.gui.i18n import tr
from avsec.gui.labels import STATUSES, status_label
from avsec.gui.trainer_view import STATUS_FILL


class HeatLegend(QWidget):
    """A row of "■ Compliant  ■ Partially compliant …" in the heat map's cell colours."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("heat-legend")
        self.setAccessibleName(tr("Colour key of the heat map"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.swatches: dict[str, QLabel] = {}
        for status in STATUSES:
            swatch = QLabel(self)
            swatch.setObjectName(f"legend:{status}")
            swatch.setFixedSize(18, 18)
            swatch.setStyleSheet(f"background: {STATUS_FILL[status]}; border: 1px solid #9aa5ab;")
            layout.addWidget(swatch)
            layout.addWidget(QLabel(status_label(status), self))
            layout.addSpacing(12)
            self.swatches[status] = swatch
        layout.addStretch(1)
