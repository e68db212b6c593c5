"""Colours shared by the map in the app and the map in the report.

An inspector who reads the report next to the app must find the same colour for the same
thing: airside blue, SRA orange, critical part magenta, a critical finding dark red.
"""

from __future__ import annotations

#: kind -> (stroke, fill); fill None means a line or point kind drawn without fill.
KIND_COLOURS: dict[str, tuple[str, str | None]] = {
    "landside": ("#7cb342", "#c5e1a5"),
    "airside": ("#1565c0", "#90caf9"),
    "sra": ("#ef6c00", "#ffcc80"),
    "critical_part": ("#ad1457", "#f48fb1"),
    "parking": ("#757575", "#e0e0e0"),
    "building": ("#424242", "#9e9e9e"),
    "road": ("#616161", None),
    "barrier": ("#212121", None),
    "obstacle": ("#2e7d32", "#66bb6a"),
    "access_point": ("#0d47a1", "#ffffff"),
}

#: Access point colour by its ``control`` property.
CONTROL_COLOURS: dict[str, str] = {
    "staffed": "#1565c0",
    "electronic": "#00897b",
    "locked": "#78909c",
    "uncontrolled": "#c62828",
}

SEVERITY_COLOURS: dict[str, str] = {"critical": "#b71c1c", "major": "#e65100", "minor": "#f9a825"}

STATUS_COLOURS: dict[str, str] = {
    "compliant": "#2e7d32",
    "partially_compliant": "#f9a825",
    "not_compliant": "#c62828",
    "not_applicable": "#78909c",
    "not_assessed": "#ffffff",
}

#: Colour of photo markers and of narrative observation markers on the map.
PHOTO_COLOUR = "#6a1b9a"
OBSERVATION_COLOUR = "#00695c"
