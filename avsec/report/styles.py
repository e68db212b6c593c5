"""Fonts, colours, paragraph and table styles of the PDF report.

The DejaVu fonts shipped in assets/fonts are registered with reportlab and embedded (as
subsets) so that every Latin script prints the same on any machine: Spanish, Portuguese and
French accents, the em dash of the handling marking, m² and the like.
"""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from avsec.core.errors import AvsecError
from avsec.io.resources import data_folder

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {
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

STATUS_COLOURS = {
    "compliant": colors.HexColor("#2E7D32"),
    "partially_compliant": colors.HexColor("#B26A00"),
    "not_compliant": colors.HexColor("#B71C1C"),
    "not_applicable": colors.HexColor("#5A6472"),
    "not_assessed": colors.HexColor("#5A6472"),
}
SEVERITY_COLOURS = {
    "critical": colors.HexColor("#B71C1C"),
    "major": colors.HexColor("#D9630B"),
    "minor": colors.HexColor("#B08D00"),
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
    for name, filename in _FONT_FILES.items():
        source = folder.joinpath(filename)
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise AvsecError(f"assets/fonts/{filename}: cannot be read ({exc})") from exc
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    # No bold-oblique file is shipped: bold stands in for it.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT


class Styles:
    """The paragraph styles of the report (fonts registered on creation)."""

    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle(
            "body",
            fontName=FONT,
            fontSize=9,
            leading=12,
            spaceAfter=4,
            alignment=TA_LEFT,
            splitLongWords=1,
        )
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, spaceAfter=0)
        self.small_bold = ParagraphStyle("small_bold", parent=self.small, fontName=FONT_BOLD)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10, spaceAfter=0)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=FONT_BOLD)
        self.cell_head = ParagraphStyle(
            "cell_head", parent=self.cell, fontName=FONT_BOLD, textColor=NAVY
        )
        self.caption = ParagraphStyle(
            "caption",
            parent=base,
            fontName=FONT_ITALIC,
            fontSize=8,
            leading=10,
            textColor=MID_GREY,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=8,
        )
        self.note = ParagraphStyle(
            "note", parent=base, fontName=FONT_ITALIC, fontSize=8, leading=10, textColor=MID_GREY
        )
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            textColor=NAVY,
            spaceBefore=0,
            spaceAfter=8,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=5,
        )
        self.h3 = ParagraphStyle(
            "h3",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=12.5,
            textColor=colors.black,
            spaceBefore=8,
            spaceAfter=3,
        )
        self.label = ParagraphStyle(
            "label", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10, textColor=MID_GREY
        )
        self.cover_title = ParagraphStyle(
            "cover_title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=22,
            leading=27,
            textColor=NAVY,
            spaceAfter=6,
        )
        self.cover_subtitle = ParagraphStyle(
            "cover_subtitle", parent=base, fontSize=11.5, leading=15, textColor=MID_GREY
        )
        self.cover_airport = ParagraphStyle(
            "cover_airport", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=2
        )
        self.marking_box = ParagraphStyle(
            "marking_box",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=12,
            textColor=MARKING_RED,
            alignment=TA_CENTER,
        )
