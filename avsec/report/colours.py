"""The app's palette adapted to paper: same hues, fills lightened, text darkened to be read.

The colours themselves come from :mod:`avsec.core.palette` (the app's map uses the very same),
so an inspector holding the report next to the screen finds airside blue, SRA orange and the
critical part magenta in both. Paper differs from a screen in two ways handled here: large
fills print heavy, so they are mixed with white (the app draws them translucent); and a colour
meant for a marker (an amber "minor", a white "not assessed") can be too pale for text, so
text colours are darkened, keeping their hue, until they read on white.
"""

from __future__ import annotations

from avsec.core import palette

#: How much of the palette's fill is kept when a zone is printed (the rest is white). The app
#: draws zone fills translucent over its background; this gives about the same look on paper.
PRINT_FILL_SHARE = 0.55
#: Contrast ratio that text needs on white (WCAG AA for normal text).
TEXT_CONTRAST = 4.5


def _rgb(colour: str) -> tuple[float, float, float]:
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def mix(colour: str, other: str, share: float) -> str:
    """``share`` of ``colour`` and the rest of ``other`` (both ``#rrggbb``)."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(share * x + (1 - share) * y for x, y in zip(a, b, strict=True)))  # type: ignore[arg-type]


def lighten(colour: str, share: float = PRINT_FILL_SHARE) -> str:
    """The colour mixed with white, keeping ``share`` of it (hue unchanged)."""
    return mix(colour, "#ffffff", share)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2) of a ``#rrggbb`` colour, 0 black .. 1 white."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of ``colour`` against white (1 .. 21)."""
    return 1.05 / (luminance(colour) + 0.05)


def text_colour(colour: str, contrast: float = TEXT_CONTRAST) -> str:
    """``colour`` darkened (mixed with black) just enough to be read as text on white."""
    share = 1.0
    shown = colour
    while contrast_on_white(shown) < contrast and share > 0:
        share = round(share - 0.05, 2)
        shown = mix(colour, "#000000", share)
    return shown


def kind_stroke(kind: str) -> str:
    """The app's line colour of a feature kind."""
    return palette.KIND_COLOURS[kind][0]


def kind_fill(kind: str, share: float = PRINT_FILL_SHARE) -> str:
    """The app's fill of a feature kind, lightened for print (its stroke when it has no fill)."""
    stroke, fill = palette.KIND_COLOURS[kind]
    return lighten(fill or stroke, share)


#: Finding colours: the app's, used as they are for discs and finding geometry.
SEVERITY = dict(palette.SEVERITY_COLOURS)
#: Status and severity colours as text on white (same hues, darker where needed).
STATUS_TEXT = {status: text_colour(colour) for status, colour in palette.STATUS_COLOURS.items()}
SEVERITY_TEXT = {severity: text_colour(colour) for severity, colour in SEVERITY.items()}
#: Access point colour by its ``control`` property.
CONTROL = dict(palette.CONTROL_COLOURS)
