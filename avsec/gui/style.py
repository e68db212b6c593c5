"""Colours of statuses, feature kinds and severities, shared by the views and icons.

Colours are chosen to stay apart for the common colour-vision deficiencies (blue/orange
rather than red/green where two kinds meet) and every status also differs by shape
(see :mod:`avsec.gui.icons`).
"""

from __future__ import annotations

from dataclasses import dataclass

STATUS_COLOURS = {
    "compliant": "#2e7d32",
    "partially_compliant": "#f9a825",
    "not_compliant": "#c62828",
    "not_applicable": "#78909c",
    "not_assessed": "#ffffff",
}

SEVERITY_COLOURS = {"critical": "#b71c1c", "major": "#e65100", "minor": "#f9a825"}

MARKING_BACKGROUND = "#8b1a1a"
MARKING_FOREGROUND = "#ffffff"


@dataclass(frozen=True)
class KindStyle:
    """How one feature kind is drawn: stroke, fill (None: no fill), widths in screen pixels."""

    stroke: str
    fill: str | None
    fill_alpha: int = 0
    width: float = 1.5
    dashed: bool = False
    z: float = 0.0
    #: Point kinds: marker shape ("square", "triangle", "circle").
    marker: str = "circle"


KIND_STYLES = {
    "landside": KindStyle("#7cb342", "#c5e1a5", 60, 1.2, z=0),
    "airside": KindStyle("#1565c0", "#90caf9", 70, 1.6, z=1),
    "sra": KindStyle("#ef6c00", "#ffcc80", 90, 1.6, z=2),
    "critical_part": KindStyle("#ad1457", "#f48fb1", 110, 1.6, z=3),
    "parking": KindStyle("#757575", "#e0e0e0", 150, 1.0, dashed=True, z=4),
    "building": KindStyle("#424242", "#9e9e9e", 200, 1.0, z=5),
    "road": KindStyle("#616161", None, 0, 2.2, z=6),
    "barrier": KindStyle("#212121", None, 0, 2.6, z=7),
    "obstacle": KindStyle("#2e7d32", "#66bb6a", 160, 1.2, z=8, marker="triangle"),
    "access_point": KindStyle("#0d47a1", "#ffffff", 255, 2.0, z=9, marker="square"),
}
DEFAULT_STYLE = KindStyle("#555555", "#cccccc", 80, 1.2, z=4)

#: Z values of the map layers that are not feature kinds.
Z_BACKGROUND = -10.0
Z_PHOTOS = 20.0
Z_FINDINGS = 30.0
Z_DRAWING = 40.0
Z_HANDLES = 50.0


def kind_style(kind: str) -> KindStyle:
    """The style of ``kind`` (a neutral grey for unknown kinds)."""
    return KIND_STYLES.get(kind, DEFAULT_STYLE)
