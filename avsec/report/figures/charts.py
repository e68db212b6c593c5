"""The score chart: coverage, EI and weighted score of every area, as the report and the
dashboard show it."""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.figure import Figure

from avsec.core.checklist import Checklist
from avsec.core.i18n import pick
from avsec.core.scoring import AreaScore, Scores
from avsec.report.figures.render import PAGE_WIDTH_IN
from avsec.report.text import percent, tr

SCORE_COLOURS = {"coverage": "#9AA7B8", "ei": "#1F3A5F", "weighted": "#3C8D93"}


def score_chart(scores: Scores, checklist: Checklist, lang: str) -> Figure:
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
    Figure
        Horizontal grouped bars in percent; an area without a figure shows "n/a".
    """
    titles = {area.id: pick(area.title, lang) for area in checklist.areas}
    rows: list[tuple[str, AreaScore]] = [(titles.get(a.id, a.id), a) for a in scores.areas]
    rows.append((tr("overall", lang), scores.overall))
    measures = (
        ("coverage", tr("coverage", lang)),
        ("ei", tr("ei_long", lang)),
        ("weighted", tr("weighted", lang)),
    )
    height = 0.4 * len(rows) + 0.68
    # A layout engine here (cheap for a few bars) keeps the labels inside the figure when the
    # GUI dashboard resizes it.
    figure = Figure(figsize=(PAGE_WIDTH_IN, height), layout="constrained")
    ax = figure.add_subplot()
    bar = 0.27
    positions = np.arange(len(rows))[::-1].astype(float)
    for index, (key, label) in enumerate(measures):
        values = [getattr(score, key) for _, score in rows]
        offsets = positions + (1 - index) * bar
        widths = [0.0 if v is None else v * 100 for v in values]
        ax.barh(offsets, widths, height=bar * 0.92, color=SCORE_COLOURS[key], label=label)
        for y, value in zip(offsets, values, strict=True):
            text = percent(value, lang)
            x = 1.0 if value is None else value * 100 + 1.0
            ax.text(x, y, text, va="center", ha="left", fontsize=6.5, color="#333333")
    ax.set_yticks(positions)
    labels = [textwrap.fill(name, 32) for name, _ in rows]
    ax.set_yticklabels(labels, fontsize=7.5)
    ax.get_yticklabels()[-1].set_fontweight("bold")
    ax.set_xlim(0, 112)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xticklabels([f"{v}\u00a0%" for v in (0, 25, 50, 75, 100)], fontsize=7)
    ax.axhline(positions[-1] + 0.5, color="#8A94A3", linewidth=0.6)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    figure.legend(loc="outside upper center", ncols=3, fontsize=7.5, frameon=False)
    return figure
