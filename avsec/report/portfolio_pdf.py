"""The national portfolio as a PDF: trend per airport and area, overdue actions, systemic gaps.

Every page carries the handling marking: the portfolio names weaknesses of many airports.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from matplotlib.figure import Figure
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from avsec.core.assessment import DEFAULT_MARKING
from avsec.core.i18n import keyed_text
from avsec.core.notices import notice_text
from avsec.core.portfolio import Portfolio
from avsec.io.outputs import output_in_existing_folder, partial_file
from avsec.io.translations import keyed
from avsec.report import styles as st
from avsec.report.figures.render import figure_png
from avsec.report.pdf.furniture import banded_table
from avsec.report.text import percent

#: message key -> English text (the gettext msgid; the key is its context).
MESSAGES: dict[str, str] = dict(
    [
        keyed("pf_title", "National portfolio of airport access control"),
        keyed(
            "pf_intro",
            "Airports: {airports}; visits: {visits}; files skipped: {skipped}. Report date {date}.",
        ),
        keyed("pf_latest", "Latest visit by airport"),
        keyed("pf_trend", "Trend by airport and area (Effective Implementation)"),
        keyed("pf_overdue", "Overdue actions (latest visit)"),
        keyed("pf_none_overdue", "No action of a latest visit is overdue."),
        keyed("pf_systemic", "Systemic gaps"),
        keyed(
            "pf_systemic_note",
            "Items partially or not compliant at the latest visit of each airport; gaps found "
            "at many airports point to the national programme rather than to one airport.",
        ),
        keyed("pf_skipped", "Files skipped"),
        keyed("pf_airport", "Airport"),
        keyed("pf_date", "Date"),
        keyed("pf_visits", "Visits"),
        keyed("pf_ei", "EI"),
        keyed("pf_weighted", "Weighted"),
        keyed("pf_coverage", "Coverage"),
        keyed("pf_open", "Open actions"),
        keyed("pf_overdue_col", "Overdue"),
        keyed("pf_action", "Action"),
        keyed("pf_owner", "Owner"),
        keyed("pf_due", "Due"),
        keyed("pf_item", "Item"),
        keyed("pf_not_compliant", "Airports not compliant"),
        keyed("pf_assessed", "Airports assessed"),
        keyed("pf_file", "File"),
        keyed("pf_reason", "Reason"),
        keyed("pf_overall", "overall"),
        keyed("pf_page", "Page {page}"),
    ]
)


#: ``t(key, lang, **fields)``: message ``key`` in ``lang`` (English when not translated).
t = partial(keyed_text, MESSAGES)


def trend_chart(airport: dict[str, Any], lang: str) -> Figure:
    """EI of each area and overall across an airport's visits (oldest left)."""
    visits = airport["visits"]
    figure = Figure(figsize=(3.4, 1.9), layout="constrained")
    ax = figure.add_subplot()
    xs = list(range(len(visits)))
    areas = sorted({a for v in visits for a in v["areas"]})
    for area in areas:
        ys = [v["areas"].get(area, {}).get("ei") for v in visits]
        ax.plot(
            xs,
            [math.nan if y is None else y * 100 for y in ys],
            marker="o",
            markersize=2.5,
            linewidth=0.9,
            label=area,
        )
    overall = [math.nan if v["ei"] is None else v["ei"] * 100 for v in visits]
    ax.plot(
        xs,
        overall,
        color="black",
        linewidth=2,
        marker="o",
        markersize=3,
        label=t("pf_overall", lang),
    )
    ax.set_ylim(0, 105)
    ax.set_xticks(xs)
    ax.set_xticklabels([v["date"] for v in visits], fontsize=5.5, rotation=30)
    ax.tick_params(axis="y", labelsize=6)
    ax.set_title(f"{airport['icao']} {airport['name']}"[:48], fontsize=7)
    ax.grid(color="#DDDDDD", linewidth=0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    figure.legend(fontsize=4.5, frameon=False, loc="outside right upper")
    return figure


def _table(rows: list[list[Any]], widths: list[float], s: st.Styles) -> Table:
    data = [
        [Paragraph(escape(str(c)), s.cell_head if r == 0 else s.cell) for c in row]
        for r, row in enumerate(rows)
    ]
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(banded_table())
    return table


def _picture(figure: Figure, width: float) -> Image:
    import io

    data = figure_png(figure, 160)
    reader = ImageReader(io.BytesIO(data))
    w, h = reader.getSize()
    return Image(io.BytesIO(data), width=width, height=width * h / w)


def build_portfolio_report(
    portfolio: Portfolio, out: Path, *, lang: str = "en", today: dt.date | None = None
) -> Path:
    """Write the portfolio PDF to ``out`` (built beside it, moved into place when complete).

    Raises
    ------
    InputError
        The output folder does not exist.
    """
    out = output_in_existing_folder(out)
    today = today or dt.date.today()
    s = st.Styles()
    marking = DEFAULT_MARKING.get(lang, DEFAULT_MARKING["en"])
    airports = portfolio.airports
    story: list[Flowable] = [
        Paragraph(escape(t("pf_title", lang)), s.h1),
        Paragraph(
            escape(
                t(
                    "pf_intro",
                    lang,
                    airports=len(airports),
                    visits=sum(len(a["visits"]) for a in airports),
                    skipped=len(portfolio.skipped),
                    date=today.isoformat(),
                )
            ),
            s.body,
        ),
        Paragraph(escape(t("pf_latest", lang)), s.h2),
    ]
    header = [
        t(k, lang)
        for k in (
            "pf_airport",
            "pf_date",
            "pf_visits",
            "pf_ei",
            "pf_weighted",
            "pf_coverage",
            "pf_open",
            "pf_overdue_col",
        )
    ]
    rows: list[list[Any]] = [header]
    for airport in airports:
        latest = airport["visits"][-1]
        rows.append(
            [
                f"{airport['icao']} {airport['name']}".strip(),
                latest["date"],
                len(airport["visits"]),
                percent(latest["ei"], lang),
                percent(latest["weighted"], lang),
                percent(latest["coverage"], lang),
                latest["open_actions"],
                latest["overdue_actions"],
            ]
        )
    story.append(_table(rows, [42, 22, 15, 14, 20, 20, 22, 19], s))
    story.append(Paragraph(escape(t("pf_trend", lang)), s.h2))
    charts = [_picture(trend_chart(a, lang), 84 * mm) for a in airports]
    for start in range(0, len(charts), 2):
        pair = charts[start : start + 2]
        story.append(KeepTogether(Table([pair], colWidths=[87 * mm] * len(pair), hAlign="LEFT")))
    story.append(Paragraph(escape(t("pf_overdue", lang)), s.h2))
    if portfolio.overdue:
        rows = [[t(k, lang) for k in ("pf_airport", "pf_action", "pf_owner", "pf_due")]]
        rows += [
            [key, row.title, row.owner, row.due.isoformat() if row.due else ""]
            for key, _name, row in portfolio.overdue
        ]
        story.append(_table(rows, [20, 98, 34, 22], s))
    else:
        story.append(Paragraph(escape(t("pf_none_overdue", lang)), s.body))
    story.append(Paragraph(escape(t("pf_systemic", lang)), s.h2))
    story.append(Paragraph(escape(t("pf_systemic_note", lang)), s.body))
    rows = [[t(k, lang) for k in ("pf_item", "pf_not_compliant", "pf_assessed")]]
    rows += [
        [g["item"], g["airports_not_compliant"], g["airports_assessed"]] for g in portfolio.systemic
    ]
    story.append(_table(rows, [30, 40, 40], s))
    if portfolio.skipped:
        story.append(Paragraph(escape(t("pf_skipped", lang)), s.h2))
        rows = [[t("pf_file", lang), t("pf_reason", lang)]]
        rows += [[Path(x.path).name, notice_text(x.reason, lang)] for x in portfolio.skipped]
        story.append(_table(rows, [50, 120], s))
    story.append(Spacer(1, 4 * mm))

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(st.FONT_BOLD, 8)
        canvas.setFillColor(st.MARKING_RED)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, marking)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, marking)
        canvas.setFont(st.FONT, 7)
        canvas.setFillColor(st.MID_GREY)
        canvas.drawRightString(A4[0] - 18 * mm, 6 * mm, t("pf_page", lang, page=doc.page))
        canvas.restoreState()

    with partial_file(out) as partial:
        template = SimpleDocTemplate(
            str(partial),
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=20 * mm,
            bottomMargin=18 * mm,
            title=t("pf_title", lang),
        )
        template.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out
