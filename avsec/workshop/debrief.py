"""The workshop debrief as PDF: how the teams did, where they disagreed, what they propose.

Landscape A4 so that the heat map of teams x items fits across the page. Sections: team scores
(table and chart), heat map, agreement (Fleiss' kappa), the most disputed items with the key's
rationale, and the consolidated improvement outline (actions most teams proposed first). The
handling marking is printed in the header and footer of every page, with "page x of y".
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from pathlib import Path
from typing import Any

from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from avsec.core import palette
from avsec.core.i18n import keyed_text, pick
from avsec.io.outputs import cannot_write, output_in_existing_folder, partial_file
from avsec.io.translations import keyed
from avsec.workshop.agreement import BAND_LABELS
from avsec.workshop.compare import CATEGORIES, Comparison, kappa_band

#: Colours of the statuses in the heat map and of the areas in the chart (avsec.core.palette).
STATUS_FILL = palette.STATUS_CELL_COLOURS
AREA_FILL = palette.SERIES_COLOURS

#: The debrief's own words: key -> English, translated through the gettext catalogues (the key
#: is the message context, see :func:`avsec.io.translations.keyed`); ``{name}`` fields are filled
#: by :func:`_t`.
MESSAGES: dict[str, str] = dict(
    [
        keyed("title", "Workshop debrief"),
        keyed("subtitle", "Teams compared with the answer key and with each other"),
        # Translators: the PDF's keywords (document properties), separated by commas.
        keyed("keywords", "ICAO Annex 17, aviation security, training, workshop debrief"),
        keyed("running", "Workshop debrief — {airport}"),
        keyed("airport", "Airport"),
        keyed("key", "Answer key"),
        keyed("checklist", "Checklist"),
        keyed("date", "Date"),
        keyed("teams_compared", "Teams compared"),
        keyed("refused", "Files refused"),
        keyed("sec_scores", "1 Team scores"),
        keyed(
            "scores_note",
            "Accuracy = items where the team's status equals the key's, divided by the items the "
            "key assessed (items the key left not assessed do not count).",
        ),
        keyed("team", "Team"),
        keyed("overall", "Overall"),
        keyed("accuracy", "Accuracy"),
        keyed("chart_caption", "Figure 1. Accuracy of each team, overall and by area."),
        keyed("sec_heatmap", "2 Answers of each team, item by item"),
        keyed(
            "heatmap_caption",
            "Figure 2. Status given to each item by the key (top row) and by each team; × marks "
            "an answer that differs from the key.",
        ),
        keyed("sec_agreement", "3 Agreement between teams"),
        keyed("kappa", "Fleiss' kappa across the {teams} teams: {kappa} ({band})."),
        keyed(
            "kappa_none",
            "Fleiss' kappa needs at least two teams with some variety of answers; it is not "
            "available here.",
        ),
        keyed(
            "kappa_note",
            "Kappa measures how far the teams agree with each other beyond chance (1 = full "
            "agreement, 0 = no more than chance), whatever the key says. Item agreement is the "
            "share of pairs of teams that gave the same status.",
        ),
        keyed("sec_disputed", "4 Most disputed items"),
        keyed(
            "disputed_note",
            "Lowest agreement between teams first, then fewest teams matching the key.",
        ),
        keyed("no_disputed", "Every team gave the key's answer to every item."),
        keyed("item", "Item"),
        keyed("answers", "Team answers"),
        keyed("agreement", "Agreement"),
        keyed("rationale", "Key's rationale"),
        keyed("sec_outline", "5 Consolidated improvement outline"),
        keyed(
            "outline_note",
            "The teams' actions merged by the gap they answer; actions proposed by most teams "
            "come first.",
        ),
        keyed("no_outline", "No team proposed an action."),
        keyed("action", "Action"),
        keyed("items", "Items"),
        keyed("proposed_by", "Proposed by"),
        keyed("of_teams", "{count} of {total}"),
        keyed("horizon", "Horizon"),
        keyed("priority", "Priority"),
        keyed("page_of", "Page {page} of {pages}"),
    ]
)
MESSAGES.update(BAND_LABELS)


def _t(key: str, lang: str, **fields: object) -> str:
    return keyed_text(MESSAGES, key, lang, **fields)


# --- figures -------------------------------------------------------------------------------------


def team_scores_chart(comparison: Comparison, lang: str) -> Figure:
    """Grouped bars: each team's overall accuracy and its accuracy in each area."""
    teams = comparison.teams
    areas = comparison.checklist.areas
    series = [(_t("overall", lang), [t.accuracy for t in teams])]
    series += [(pick(a.title, lang), [t.areas.get(a.id) for t in teams]) for a in areas]
    width_in = 10.4
    fig = Figure(figsize=(width_in, 2.5))
    ax = fig.add_axes((0.06, 0.36, 0.92, 0.6))
    group = 0.8
    bar = group / len(series)
    for s, (label, values) in enumerate(series):
        xs = [i - group / 2 + bar * (s + 0.5) for i in range(len(teams))]
        heights = [0 if v is None else v * 100 for v in values]
        colour = AREA_FILL[s % len(AREA_FILL)]
        ax.bar(xs, heights, bar * 0.92, label=label, color=colour, alpha=1.0 if s == 0 else 0.8)
    ax.set_xticks(range(len(teams)))
    ax.set_xticklabels([textwrap.shorten(t.name, 24) for t in teams], fontsize=8)
    ax.set_ylim(0, 100)
    ax.set_ylabel(_t("accuracy", lang) + " (%)", fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(loc="lower center", ncol=min(len(series), 3), fontsize=7, frameon=False)
    return fig


def heat_map(comparison: Comparison, lang: str) -> Figure:
    """Teams x items coloured by status, with the key on top and misses marked ×."""
    from avsec.report.colours import luminance
    from avsec.report.text import status_label

    items = comparison.items
    rows = [("key", _t("key", lang))] + [
        (t.name, textwrap.shorten(t.name, 22)) for t in comparison.teams
    ]
    n_items, n_rows = len(items), len(rows)
    height_in = 1.5 + 0.28 * n_rows
    fig = Figure(figsize=(10.4, height_in))
    left, right = 1.45 / 10.4, 0.99
    bottom, top = 0.85 / height_in, 1 - 0.55 / height_in
    ax = fig.add_axes((left, bottom, right - left, top - bottom))
    index = {status: i for i, status in enumerate(CATEGORIES)}
    cmap = ListedColormap([STATUS_FILL[s] for s in CATEGORIES])
    grid = []
    for key, _label in rows:
        if key == "key":
            grid.append([index[i.key] for i in items])
        else:
            grid.append([index[i.answers.get(key, "not_assessed")] for i in items])
    ax.imshow(
        grid,
        cmap=cmap,
        vmin=-0.5,
        vmax=len(CATEGORIES) - 0.5,
        aspect="auto",
        interpolation="nearest",
    )
    for r, (key, _label) in enumerate(rows):
        if key == "key":
            continue
        for c, item in enumerate(items):
            if item.key != "not_assessed" and item.answers.get(key) != item.key:
                fill = STATUS_FILL.get(item.answers.get(key, "not_assessed"), "#ffffff")
                ax.text(
                    c,
                    r,
                    "×",
                    ha="center",
                    va="center",
                    fontsize=6,
                    color="white" if luminance(fill) < 0.2 else "black",
                )
    ax.set_yticks(range(n_rows))
    ax.set_yticklabels([label for _, label in rows], fontsize=7)
    ax.set_xticks(range(n_items))
    ax.set_xticklabels([i.id for i in items], rotation=90, fontsize=4.6)
    ax.tick_params(length=0)
    ax.axhline(0.5, color="white", linewidth=2.5)
    # Area separators and names along the top.
    start = 0
    for area in comparison.checklist.areas:
        count = len(area.items)
        if start:
            ax.axvline(start - 0.5, color="white", linewidth=2)
        ax.text(
            start + count / 2 - 0.5,
            -0.75,
            textwrap.fill(pick(area.title, lang), 26),
            ha="center",
            va="bottom",
            fontsize=6.5,
            clip_on=False,
        )
        start += count
    for side in ax.spines.values():
        side.set_visible(False)
    handles = [
        Patch(facecolor=STATUS_FILL[s], edgecolor="#999999", label=status_label(s, lang))
        for s in CATEGORIES
    ]
    fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=7, frameon=False)
    return fig


# --- document ------------------------------------------------------------------------------------


def build_debrief(
    comparison: Comparison, out: Path, *, lang: str = "en", today: dt.date | None = None
) -> Path:
    """Write the debrief PDF of ``comparison``.

    Parameters
    ----------
    comparison
        From :func:`avsec.workshop.compare.compare_files`.
    out
        The PDF to write (written beside its name first, then moved into place).
    lang
        ``en`` or ``es``.
    today
        Date printed on the cover (today by default).

    Raises
    ------
    InputError
        The output folder does not exist or the file cannot be written.
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Image,
        KeepTogether,
        PageBreak,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from avsec.report import styles as st
    from avsec.report.figures.render import figure_png
    from avsec.report.pdf.furniture import MarkedTemplate, NumberedCanvas, canvas_maker
    from avsec.report.pdf.markup import action_markup, esc, keywords
    from avsec.report.text import horizon_label, long_date, number, percent, status_label

    out = output_in_existing_folder(out)
    today = today or dt.date.today()
    styles = st.Styles()
    page_w, page_h = landscape(A4)
    margin_x, margin_top, margin_bottom = 15 * mm, 24 * mm, 22 * mm
    frame_w = page_w - 2 * margin_x
    frame_h = page_h - margin_top - margin_bottom
    marking = comparison.key.marking(lang)
    airport = comparison.key.airport
    airport_text = f"{airport.name} ({airport.icao})" if airport.icao else airport.name
    running = _t("running", lang, airport=airport_text)
    page_label = _t("page_of", lang, page="{page}", pages="{pages}")

    def cell(text: object, style: Any = None) -> Paragraph:
        return Paragraph(esc(text), style or styles.cell)

    def head(text: str) -> Paragraph:
        return Paragraph(esc(text), styles.cell_head)

    def table(titles: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
        # Spanish headers are longer: columns make room for their words instead of cutting one
        # in two ("Concordan/cia"); the default cell padding is 6 points a side.
        widths = st.fit_columns(titles, widths, st.FONT_BOLD, styles.cell_head.fontSize, 12)
        t = Table([[head(title) for title in titles], *rows], colWidths=widths, repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), st.HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, st.RULE_GREY),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return t

    def figure(fig: Figure, max_h: float) -> Image:
        png = figure_png(fig, dpi=200)
        w_in, h_in = fig.get_size_inches()
        width = min(frame_w, w_in * 72)
        height = width * h_in / w_in
        if height > max_h:
            width, height = width * max_h / height, max_h
        return Image(io.BytesIO(png), width=width, height=height)

    story: list[Any] = []
    # --- heading and scores
    story.append(Paragraph(esc(_t("title", lang)), styles.h1))
    story.append(Paragraph(esc(_t("subtitle", lang)), styles.body))
    checklist = comparison.checklist
    facts = [
        [head(_t("airport", lang)), cell(airport_text)],
        [head(_t("key", lang)), cell(f"{comparison.key_path.name} — {comparison.key.title}")],
        [
            head(_t("checklist", lang)),
            cell(f"{pick(checklist.title, lang)} ({checklist.id} v{checklist.version})"),
        ],
        [head(_t("date", lang)), cell(long_date(today, lang))],
        [head(_t("teams_compared", lang)), cell(", ".join(t.name for t in comparison.teams))],
    ]
    if comparison.refused:
        facts.append(
            [
                head(_t("refused", lang)),
                cell("; ".join(f"{r.path.name}: {r.reason_in(lang)}" for r in comparison.refused)),
            ]
        )
    facts_table = Table(facts, colWidths=[45 * mm, frame_w - 45 * mm])
    facts_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, st.RULE_GREY),
            ]
        )
    )
    story += [Spacer(1, 3 * mm), facts_table, Spacer(1, 4 * mm)]
    story.append(Paragraph(esc(_t("sec_scores", lang)), styles.h2))
    areas = checklist.areas
    titles = [_t("team", lang), _t("overall", lang)] + [pick(a.title, lang) for a in areas]
    rows: list[list[Any]] = []
    for team in comparison.teams:
        rows.append(
            [cell(team.name, styles.cell_bold), cell(percent(team.accuracy, lang))]
            + [cell(percent(team.areas.get(a.id), lang)) for a in areas]
        )
    first = 60 * mm
    rest = (frame_w - first - 25 * mm) / max(1, len(areas))
    story.append(table(titles, rows, [first, 25 * mm] + [rest] * len(areas)))
    story.append(Paragraph(esc(_t("scores_note", lang)), styles.note))
    story.append(
        KeepTogether(
            [
                figure(team_scores_chart(comparison, lang), 50 * mm),
                Paragraph(esc(_t("chart_caption", lang)), styles.caption),
            ]
        )
    )
    # --- heat map and agreement
    story.append(PageBreak())
    story.append(Paragraph(esc(_t("sec_heatmap", lang)), styles.h2))
    story.append(figure(heat_map(comparison, lang), frame_h - 40 * mm))
    story.append(Paragraph(esc(_t("heatmap_caption", lang)), styles.caption))
    story.append(Paragraph(esc(_t("sec_agreement", lang)), styles.h2))
    kappa = comparison.fleiss_kappa
    if kappa is None:
        story.append(Paragraph(esc(_t("kappa_none", lang)), styles.body))
    else:
        band = _t(f"band_{kappa_band(kappa)}", lang)
        shown = number(kappa, lang, 2)
        story.append(
            Paragraph(
                esc(_t("kappa", lang, teams=len(comparison.teams), kappa=shown, band=band)),
                styles.body,
            )
        )
    story.append(Paragraph(esc(_t("kappa_note", lang)), styles.note))
    # --- disputed items
    story.append(PageBreak())
    story.append(Paragraph(esc(_t("sec_disputed", lang)), styles.h2))
    disputed = comparison.disputed(12)
    if not disputed:
        story.append(Paragraph(esc(_t("no_disputed", lang)), styles.body))
    else:
        story.append(Paragraph(esc(_t("disputed_note", lang)), styles.note))
        titles = [
            _t("item", lang),
            _t("key", lang),
            _t("answers", lang),
            _t("agreement", lang),
            _t("rationale", lang),
        ]
        rows = []
        for item in disputed:
            question = pick(checklist.item(item.id).question, lang)
            counts: dict[str, list[str]] = {}
            for team_name, status in item.answers.items():
                counts.setdefault(status, []).append(team_name)
            answers = "; ".join(
                f"{status_label(s, lang)}: {', '.join(names)}"
                for s, names in sorted(counts.items(), key=lambda kv: -len(kv[1]))
            )
            rows.append(
                [
                    cell(f"{item.id} — {textwrap.shorten(question, 160)}", styles.small),
                    cell(status_label(item.key, lang), styles.cell_bold),
                    cell(answers, styles.small),
                    cell(percent(item.agreement, lang)),
                    cell(comparison.rationale(item.id, lang), styles.small),
                ]
            )
        story.append(table(titles, rows, [78 * mm, 30 * mm, 62 * mm, 22 * mm, frame_w - 192 * mm]))
    # --- consolidated outline
    story.append(PageBreak())
    story.append(Paragraph(esc(_t("sec_outline", lang)), styles.h2))
    outline = comparison.consolidated_outline(lang)
    if not outline:
        story.append(Paragraph(esc(_t("no_outline", lang)), styles.body))
    else:
        story.append(Paragraph(esc(_t("outline_note", lang)), styles.note))
        total = len(comparison.teams)
        titles = [
            "#",
            _t("action", lang),
            _t("items", lang),
            _t("proposed_by", lang),
            _t("horizon", lang),
            _t("priority", lang),
        ]
        rows = []
        for rank, action in enumerate(outline, start=1):
            rows.append(
                [
                    cell(str(rank)),
                    Paragraph(action_markup(action.title, action.description), styles.small),
                    cell(", ".join(action.items)),
                    cell(
                        _t("of_teams", lang, count=len(action.teams), total=total)
                        + " — "
                        + ", ".join(action.teams),
                        styles.small,
                    ),
                    cell(horizon_label(action.horizon, lang), styles.small),
                    cell(number(action.priority, lang, 2)),
                ]
            )
        story.append(
            table(titles, rows, [10 * mm, frame_w - 150 * mm, 28 * mm, 55 * mm, 38 * mm, 19 * mm])
        )

    try:
        with partial_file(out) as partial:
            doc = MarkedTemplate(
                str(partial),
                pagesize=(page_w, page_h),
                margins=(margin_x, margin_top, margin_bottom),
                marking=marking,
                running=running,
                footer_left=f"{_t('title', lang)} · {today.isoformat()}",
                marking_top=10 * mm,
                marking_bottom=13 * mm,
                title=f"{_t('title', lang)} — {airport_text}",
                subject=f"{_t('subtitle', lang)} — {marking}",
                keywords=keywords(_t("keywords", lang), marking),
                lang=lang,
                creator="avsec",
            )
            doc.build(story, canvasmaker=canvas_maker(NumberedCanvas, page_label))
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    return out
