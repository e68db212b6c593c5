"""The score chart: coverage, EI and weighted score of every area, as the report and the
dashboard show it.

Drawn with reportlab's graphics shapes, laid out by hand: the PDF places it vector (no
rendering to pixels, no matplotlib to import) and the dashboard shows it as SVG.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from avsec.core.checklist import Checklist
from avsec.core.i18n import pick
from avsec.core.scoring import AreaScore, Scores
from avsec.report import styles
from avsec.report.text import percent, tr

SCORE_COLOURS = {"coverage": "#9AA7B8", "ei": "#1F3A5F", "weighted": "#3C8D93"}

#: The chart's width in points (the report's figure width).
WIDTH = styles.FIGURE_WIDTH_IN * 72
#: Axis end, in percent: room after a full bar for its label.
X_MAX = 112.0
TICKS = (0, 25, 50, 75, 100)

LABEL_SIZE = 7.5  # area names and the legend
VALUE_SIZE = 6.5  # the percentage after each bar
TICK_SIZE = 7.0
LEADING = 1.2  # line height of a wrapped area name, in font sizes
WRAP = 32  # characters per line of an area name

ROW = 28.8  # height of one area (0.4 in), three bars in it
BAR_PITCH = 0.27 * ROW
BAR = 0.92 * BAR_PITCH
LEGEND_HEIGHT = 18.0
AXIS_HEIGHT = 16.0  # ticks and their labels under the plot
PAD = 4.0  # inside the plot, above the first and below the last row
LABEL_GAP = 5.0  # between an area name and the axis
EDGE = 2.0  # white margin at the drawing's left and right edges

TEXT = HexColor("#333333")
AXIS = styles.MID_GREY
GRID = HexColor("#DDDDDD")
SEPARATOR = styles.RULE_GREY


@dataclass(frozen=True)
class _Row:
    """One area (or the overall) as drawn: wrapped name lines, font, height, scores."""

    lines: list[str]
    font: str
    height: float
    score: AreaScore


def score_chart(scores: Scores, checklist: Checklist, lang: str) -> Drawing:
    """Draw coverage, EI and weighted score of every area and of the whole checklist.

    Parameters
    ----------
    scores
        From :func:`avsec.core.scoring.score_checklist`.
    checklist
        Gives the area titles.
    lang
        Language of the labels.

    Returns
    -------
    Drawing
        :data:`WIDTH` points wide, taller with every area: horizontal grouped bars in percent,
        the overall last in bold under a rule; an area without a figure shows "n/a", no bar.
    """
    styles.register_fonts()  # stringWidth and the renderers need the DejaVu metrics
    titles = {area.id: pick(area.title, lang) for area in checklist.areas}
    named = [(titles.get(a.id, a.id), a, styles.FONT) for a in scores.areas]
    named.append((tr("overall", lang), scores.overall, styles.FONT_BOLD))
    rows = []
    for name, score, font in named:
        lines = textwrap.wrap(name, WRAP) or [""]
        height = max(ROW, len(lines) * LABEL_SIZE * LEADING + 4)
        rows.append(_Row(lines, font, height, score))
    measures = (
        ("coverage", tr("coverage", lang)),
        ("ei", tr("ei_long", lang)),
        ("weighted", tr("weighted", lang)),
    )

    label_width = max(stringWidth(line, row.font, LABEL_SIZE) for row in rows for line in row.lines)
    left = EDGE + label_width + LABEL_GAP
    scale = (WIDTH - EDGE - left) / X_MAX  # points per percent
    plot_height = sum(row.height for row in rows) + 2 * PAD
    # Whole points: SVG writes the drawing's viewBox in integers, and would cut the fraction.
    height = math.ceil(AXIS_HEIGHT + plot_height + LEGEND_HEIGHT)
    # The renderers start in this font (Helvetica otherwise: an unembedded font in the PDF).
    drawing = Drawing(WIDTH, height, initialFontName=styles.FONT, initialFontSize=LABEL_SIZE)
    bottom = AXIS_HEIGHT
    top = bottom + plot_height

    drawing.add(_axis(left, scale, bottom, top))
    bars, labels = Group(), Group()
    y = top - PAD
    for index, row in enumerate(rows):
        if index == len(rows) - 1:
            labels.add(
                Line(left, y, left + X_MAX * scale, y, strokeColor=SEPARATOR, strokeWidth=0.6)
            )
        centre = y - row.height / 2
        _name(labels, row, left - LABEL_GAP, centre)
        for position, (key, _) in enumerate(measures):
            bar_centre = centre + (1 - position) * BAR_PITCH
            value = getattr(row.score, key)
            if value is not None:
                bars.add(
                    Rect(
                        left,
                        bar_centre - BAR / 2,
                        value * 100 * scale,
                        BAR,
                        fillColor=HexColor(SCORE_COLOURS[key]),
                        strokeColor=None,
                    )
                )
            x = left + ((0.0 if value is None else value * 100) + 1) * scale
            labels.add(
                String(
                    x,
                    bar_centre - VALUE_SIZE * 0.35,
                    percent(value, lang),
                    fontName=styles.FONT,
                    fontSize=VALUE_SIZE,
                    fillColor=TEXT,
                )
            )
        y -= row.height
    drawing.add(bars)
    drawing.add(labels)
    drawing.add(_legend(measures, top))
    return drawing


def _axis(left: float, scale: float, bottom: float, top: float) -> Group:
    """Light vertical grid, the x axis with its percent ticks, and the y axis line."""
    group = Group()
    for tick in TICKS:
        x = left + tick * scale
        if tick:
            group.add(Line(x, bottom, x, top, strokeColor=GRID, strokeWidth=0.5))
        group.add(Line(x, bottom, x, bottom - 3.5, strokeColor=AXIS, strokeWidth=0.6))
        group.add(
            String(
                x,
                bottom - 3.5 - 2 - TICK_SIZE * 0.8,
                f"{tick}\u00a0%",
                fontName=styles.FONT,
                fontSize=TICK_SIZE,
                fillColor=TEXT,
                textAnchor="middle",
            )
        )
    right = left + X_MAX * scale
    group.add(Line(left, bottom, right, bottom, strokeColor=AXIS, strokeWidth=0.6))
    group.add(Line(left, bottom, left, top, strokeColor=AXIS, strokeWidth=0.6))
    return group


def _name(group: Group, row: _Row, right: float, centre: float) -> None:
    """The area's wrapped name, right-aligned at ``right``, centred on its row."""
    leading = LABEL_SIZE * LEADING
    first = centre + (len(row.lines) - 1) * leading / 2 - LABEL_SIZE * 0.35
    for number, line in enumerate(row.lines):
        group.add(
            String(
                right,
                first - number * leading,
                line,
                fontName=row.font,
                fontSize=LABEL_SIZE,
                fillColor=TEXT,
                textAnchor="end",
            )
        )


def _legend(measures: tuple[tuple[str, str], ...], top: float) -> Group:
    """The three measures in a row, centred above the plot."""
    swatch, gap, spacing = 10.0, 4.0, 14.0
    widths = [swatch + gap + stringWidth(label, styles.FONT, LABEL_SIZE) for _, label in measures]
    x = (WIDTH - sum(widths) - spacing * (len(widths) - 1)) / 2
    y = top + (LEGEND_HEIGHT - LABEL_SIZE) / 2
    group = Group()
    for (key, label), width in zip(measures, widths, strict=True):
        group.add(
            Rect(
                x,
                y,
                swatch,
                LABEL_SIZE * 0.9,
                fillColor=HexColor(SCORE_COLOURS[key]),
                strokeColor=None,
            )
        )
        group.add(
            String(
                x + swatch + gap,
                y + 0.5,
                label,
                fontName=styles.FONT,
                fontSize=LABEL_SIZE,
                fillColor=TEXT,
            )
        )
        x += width + spacing
    return group


def chart_svg(drawing: Drawing) -> bytes:
    """``drawing`` as SVG that names the fonts as CSS does ("DejaVu Sans", bold), not by
    reportlab's registration names, so that an SVG viewer (the dashboard) finds them."""
    family = {"family": "DejaVu Sans"}
    fonts = {
        styles.FONT: family,
        styles.FONT_BOLD: {**family, "weight": "bold"},
        styles.FONT_ITALIC: {**family, "style": "italic"},
    }
    # useClip: the clip as a property; Qt draws a <clipPath> rectangle as a black box.
    svg = renderSVG.drawToString(drawing, fontHacks=fonts, useClip=True)
    return svg.encode("utf-8")
