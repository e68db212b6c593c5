"""Dialog for an airport that is not in the database (a new or military aerodrome)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from avsec.gui.i18n import tr


class CustomAirportDialog(QDialog):
    """Name and position of an airport entered by hand; ``airport()`` builds it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Custom airport…").rstrip("…"))
        self.name = QLineEdit(self)
        self.icao = QLineEdit(self)
        self.icao.setMaxLength(4)
        self.city = QLineEdit(self)
        self.country = QLineEdit(self)
        self.country.setMaxLength(2)
        self.lat = QDoubleSpinBox(self)
        self.lat.setRange(-90, 90)
        self.lat.setDecimals(6)
        self.lon = QDoubleSpinBox(self)
        self.lon.setRange(-180, 180)
        self.lon.setDecimals(6)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b71c1c")
        form = QFormLayout(self)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("ICAO code (optional)"), self.icao)
        form.addRow(tr("City"), self.city)
        form.addRow(tr("Country"), self.country)
        form.addRow(tr("Latitude"), self.lat)
        form.addRow(tr("Longitude"), self.lon)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(tr("Give the airport a name."))
            return
        self.accept()

    def airport(self) -> Any:
        """The airport as entered."""
        from avsec.io.airports import custom_airport

        return custom_airport(
            self.name.text().strip(),
            self.lat.value(),
            self.lon.value(),
            icao=self.icao.text().strip(),
            city=self.city.text().strip(),
            country=self.country.text().strip().upper(),
        )
