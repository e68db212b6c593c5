"""Fonts, colours, paragraph and table styles of the PDF report.

The DejaVu fonts shipped in assets/fonts are registered with reportlab and embedded (as
subsets) so that every Latin script prints the same on any machine: Spanish, Portuguese and
French accents, the em dash of the handling marking, m² and the like.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from avsec.core.errors import AvsecError
from avsec.core.i18n import N_
from avsec.io.resources import data_folder, read_bytes
from avsec.report import colours as report_colours

#: Width of a figure, in inches: the text width of an A4 page with 20 mm margins, so that a
#: figure is drawn at print size and its type matches the document's.
FIGURE_WIDTH_IN = 6.69
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}

# A sober palette: dark blue for structure, dark red only for the handling marking.
NAVY = colors.HexColor("#1F3A5F")
MARKING_RED = colors.HexColor("#9B1C1C")
RULE_GREY = colors.HexColor("#8A94A3")
LIGHT_GREY = colors.HexColor("#EEF1F5")
MID_GREY = colors.HexColor("#5A6472")
HEADER_FILL = colors.HexColor("#DCE3EC")
#: Every other row of a long table, so the eye keeps its line.
BAND_FILL = colors.HexColor("#F7F8FA")

#: Status and severity labels in the app's colours, darkened where needed to read on white.
STATUS_COLOURS = {status: colors.HexColor(c) for status, c in report_colours.STATUS_TEXT.items()}
SEVERITY_COLOURS = {
    severity: colors.HexColor(c) for severity, c in report_colours.SEVERITY_TEXT.items()
}


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the DejaVu family with reportlab once; return the regular font's name.

    Raises
    ------
    AvsecError
        When a font file is missing from assets/fonts (a broken installation).
    """
    from reportlab.lib.fonts import addMapping

    folder = data_folder("assets").joinpath("fonts")
    for name, filename in FONT_FILES.items():
        message = N_("assets/fonts/{name}: cannot be read ({strerror})")
        data = read_bytes(folder.joinpath(filename), message, AvsecError, name=filename)
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    # No bold-oblique file is shipped: bold stands in for it.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT


#: The report's paragraph styles: name -> (the style it derives from, what it changes). The
#: first is the body text every other one starts from.
_STYLES: dict[str, tuple[str | None, dict[str, Any]]] = {
    "body": (None, {"fontName": FONT, "fontSize": 9, "leading": 12, "spaceAfter": 4}),
    "small": ("body", {"fontSize": 7.5, "leading": 9.5, "spaceAfter": 0}),
    "small_bold": ("small", {"fontName": FONT_BOLD}),
    "cell": ("body", {"fontSize": 8, "leading": 10, "spaceAfter": 0}),
    "cell_bold": ("cell", {"fontName": FONT_BOLD}),
    "cell_head": ("cell", {"fontName": FONT_BOLD, "textColor": NAVY}),
    "caption": (
        "note",
        {"alignment": TA_CENTER, "spaceBefore": 2, "spaceAfter": 8},
    ),
    "note": (
        "body",
        {"fontName": FONT_ITALIC, "fontSize": 8, "leading": 10, "textColor": MID_GREY},
    ),
    "h1": ("heading", {"fontSize": 15, "leading": 19, "spaceBefore": 0, "spaceAfter": 8}),
    "h2": ("heading", {"fontSize": 11.5, "leading": 15, "spaceBefore": 10, "spaceAfter": 5}),
    "h3": (
        "heading",
        {
            "fontSize": 9.5,
            "leading": 12.5,
            "textColor": colors.black,
            "spaceBefore": 8,
            "spaceAfter": 3,
        },
    ),
    "label": ("body", {"fontName": FONT_BOLD, "fontSize": 8, "leading": 10, "textColor": MID_GREY}),
    "cover_title": ("heading", {"fontSize": 22, "leading": 27, "spaceAfter": 6}),
    "cover_subtitle": ("body", {"fontSize": 11.5, "leading": 15, "textColor": MID_GREY}),
    "cover_airport": (
        "body",
        {"fontName": FONT_BOLD, "fontSize": 16, "leading": 20, "spaceAfter": 2},
    ),
    "marking_box": (
        "label",
        {"fontSize": 9.5, "leading": 12, "textColor": MARKING_RED, "alignment": TA_CENTER},
    ),
}


class Styles:
    """The paragraph styles of the report (fonts registered on creation): ``Styles().h1``."""

    def __init__(self) -> None:
        register_fonts()
        body = ParagraphStyle("body", alignment=TA_LEFT, splitLongWords=1, **_STYLES["body"][1])
        # The headings' common ground (not a style of its own in the report).
        heading = ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, textColor=NAVY)
        self._heading = heading
        self._styles: dict[str, ParagraphStyle] = {"body": body}
        for name in _STYLES:
            self._style(name)

    def _style(self, name: str) -> ParagraphStyle:
        """The style ``name``, made (after the one it derives from) on first need."""
        if name == "heading":
            return self._heading
        if name not in self._styles:
            parent, changes = _STYLES[name]
            base = self._style(parent or "body")
            self._styles[name] = ParagraphStyle(name, parent=base, **changes)
        return self._styles[name]

    def __getattr__(self, name: str) -> ParagraphStyle:
        try:
            return self.__dict__["_styles"][name]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError(name) from None


def fit_columns(
    titles: Sequence[str],
    widths: Sequence[float],
    font: str = FONT_BOLD,
    size: float = 8,
    padding: float = 6,
) -> list[float]:
    """Column widths in which no header word has to be split.

    A header cell may wrap between words, but a word cut in two ("Concordan/cia") reads
    badly. Each column is widened to its header's longest word (plus ``padding``, the cell's
    left and right padding together); the room is taken back from the columns with the most
    to spare, so the table keeps its total width. Only when no column can spare enough does
    the table grow.

    Parameters
    ----------
    titles
        The header texts.
    widths
        The wanted widths, in points.
    font, size
        The header font.
    padding
        Left plus right cell padding, in points.

    Returns
    -------
    list of float
        The widths, in points.
    """
    register_fonts()
    # Half a point more than measured: reportlab breaks a line that fits to the last decimal.
    need = [
        max((stringWidth(word, font, size) for word in title.split()), default=0.0) + padding + 0.5
        for title in titles
    ]
    fitted = [max(w, n) for w, n in zip(widths, need, strict=True)]
    excess = sum(fitted) - sum(widths)
    if excess <= 0:
        return fitted
    spare = [max(0.0, f - n) for f, n in zip(fitted, need, strict=True)]
    total_spare = sum(spare)
    if total_spare <= 0:
        return fitted
    take = min(excess, total_spare)
    return [f - take * s / total_spare for f, s in zip(fitted, spare, strict=True)]
