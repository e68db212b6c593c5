"""Colours of statuses, feature kinds and severities, shared by the views and icons.

The colours themselves come from :mod:`avsec.core.palette`, which the report's map uses too:
an inspector reading the PDF next to the app finds the same colour for the same thing. This
module adds only what is the app's own: fill opacity, line widths, stacking order and marker
shapes. The palette keeps blue/orange apart rather than red/green where two kinds meet, and
every status also differs by shape (see :mod:`avsec.gui.icons`).
"""

from __future__ import annotations

from typing import NamedTuple

from avsec.core import palette

STATUS_COLOURS: dict[str, str] = dict(palette.STATUS_COLOURS)
SEVERITY_COLOURS: dict[str, str] = dict(palette.SEVERITY_COLOURS)
#: Access point fill by its ``control`` property (an uncontrolled gate stands out in red).
CONTROL_COLOURS: dict[str, str] = dict(palette.CONTROL_COLOURS)
PHOTO_COLOUR = palette.PHOTO_COLOUR
OBSERVATION_COLOUR = palette.OBSERVATION_COLOUR

#: Solid status colours of the app (selected status button, list and dashboard icons): the
#: palette's colours, darkened where white text on them would fall below 4.5:1 (WCAG AA),
#: so that the recorded status reads at a glance and in greyscale.
STATUS_FILLS: dict[str, str] = {
    **palette.STATUS_COLOURS,
    "partially_compliant": "#a15c00",
    "not_applicable": "#546e7a",
    "not_assessed": "#37474f",
}
#: Secondary text (hints, captions): 5.4:1 on white, 4.7:1 on the light grey of panels.
HINT_COLOUR = "#5f6b73"
HINT_STYLE = f"color: {HINT_COLOUR};"

MARKING_BACKGROUND = "#8b1a1a"
MARKING_FOREGROUND = "#ffffff"


class KindStyle(NamedTuple):
    """How one feature kind is drawn: stroke, fill (None: no fill), widths in screen pixels.

    A NamedTuple, not a dataclass: this module loads at start-up, and importing dataclasses
    alone costs more than the bare window's own setup.
    """

    stroke: str
    fill: str | None
    fill_alpha: int = 0
    width: float = 1.5
    dashed: bool = False
    z: float = 0.0
    #: Point kinds: marker shape ("square", "triangle", "circle").
    marker: str = "circle"


#: The app's own drawing of each kind: (fill alpha, width, dashed, z, marker).
_DRAWING: dict[str, tuple[int, float, bool, float, str]] = {
    "landside": (60, 1.2, False, 0, "circle"),
    "airside": (70, 1.6, False, 1, "circle"),
    "sra": (90, 1.6, False, 2, "circle"),
    "critical_part": (110, 1.6, False, 3, "circle"),
    "parking": (150, 1.0, True, 4, "circle"),
    "building": (200, 1.0, False, 5, "circle"),
    "road": (0, 2.2, False, 6, "circle"),
    "barrier": (0, 2.6, False, 7, "circle"),
    "obstacle": (160, 1.2, False, 8, "triangle"),
    "access_point": (255, 2.0, False, 9, "square"),
}


def _kind_styles() -> dict[str, KindStyle]:
    styles = {}
    for kind, (stroke, fill) in palette.KIND_COLOURS.items():
        alpha, width, dashed, z, marker = _DRAWING.get(kind, (80, 1.2, False, 4, "circle"))
        styles[kind] = KindStyle(stroke, fill, alpha if fill else 0, width, dashed, z, marker)
    return styles


KIND_STYLES = _kind_styles()
DEFAULT_STYLE = KindStyle("#555555", "#cccccc", 80, 1.2, z=4)

#: Z values of the map layers that are not feature kinds.
Z_BACKGROUND = -10.0
Z_PHOTOS = 20.0
Z_OBSERVATIONS = 25.0
Z_FINDINGS = 30.0
Z_DRAWING = 40.0
Z_HANDLES = 50.0


def kind_style(kind: str) -> KindStyle:
    """The style of ``kind`` (a neutral grey for unknown kinds)."""
    return KIND_STYLES.get(kind, DEFAULT_STYLE)
