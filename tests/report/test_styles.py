"""The report's paragraph styles, built from a table, keep the type sizes and spacing the
report was laid out with (the values are written out here, not read from the table)."""

from __future__ import annotations

import pytest
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT

from avsec.report import styles as st

#: style: (font, size, leading, space before, space after, alignment)
EXPECTED = {
    "body": (st.FONT, 9, 12, 0, 4, TA_LEFT),
    "small": (st.FONT, 7.5, 9.5, 0, 0, TA_LEFT),
    "cell_head": (st.FONT_BOLD, 8, 10, 0, 0, TA_LEFT),
    "caption": (st.FONT_ITALIC, 8, 10, 2, 8, TA_CENTER),
    "h1": (st.FONT_BOLD, 15, 19, 0, 8, TA_LEFT),
    "h2": (st.FONT_BOLD, 11.5, 15, 10, 5, TA_LEFT),
    "h3": (st.FONT_BOLD, 9.5, 12.5, 8, 3, TA_LEFT),
    "cover_title": (st.FONT_BOLD, 22, 27, 0, 6, TA_LEFT),
    "cover_airport": (st.FONT_BOLD, 16, 20, 0, 2, TA_LEFT),
    "marking_box": (st.FONT_BOLD, 9.5, 12, 0, 4, TA_CENTER),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_style_metrics(name):
    style = getattr(st.Styles(), name)
    got = (
        style.fontName,
        style.fontSize,
        style.leading,
        style.spaceBefore,
        style.spaceAfter,
        style.alignment,
    )
    assert got == EXPECTED[name]
    assert style.name == name


def test_colours_of_headings_and_notes():
    s = st.Styles()
    assert s.h1.textColor == s.cell_head.textColor == st.NAVY
    assert s.h3.textColor == colors.black
    assert s.note.textColor == s.label.textColor == st.MID_GREY
    assert s.marking_box.textColor == st.MARKING_RED


def test_an_unknown_style_is_an_attribute_error():
    with pytest.raises(AttributeError):
        _ = st.Styles().h9
