"""Colours shared by every picture avsec draws: the app's map, the report, the KML export,
the trainer view and the workshop debrief.

An inspector who reads the report next to the app, or opens the KML in a globe viewer, must
find the same colour for the same thing: airside blue, SRA orange, critical part magenta, a
critical finding dark red, a compliant answer green.
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

#: Status colours of a heat map's cells (trainer view, debrief): the statuses' own colours,
#: except that a blank answer is light grey rather than white, so that it shows between the
#: white grid lines.
STATUS_CELL_COLOURS: dict[str, str] = {**STATUS_COLOURS, "not_assessed": "#ededed"}

#: Colours of data series in charts (one per checklist area, in order), dark enough to carry
#: white text.
SERIES_COLOURS: tuple[str, ...] = ("#1f3a5f", "#3c8d93", "#7a9cc6", "#c9a200", "#9b6a9b", "#6e9a5a")

#: Opacity of zone fills where a picture draws them translucent (the KML export), 0..1.
FILL_OPACITY = 0.35

#: Colour of photo markers and of narrative observation markers on the map.
PHOTO_COLOUR = "#6a1b9a"
OBSERVATION_COLOUR = "#00695c"

#: Walked GPS tracks, and the stretches of the airside boundary they did not inspect
#: (the map and the report's map figure).
TRACK_COLOUR = "#1565c0"
NOT_INSPECTED_COLOUR = "#ffab00"
