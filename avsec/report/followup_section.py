"""The "Since the last visit" section of a follow-up visit's report, and its chart.

The report builder calls :func:`followup_section` with itself; the section uses its headings,
tables and figures so that it looks like every other section. A first visit has no section.
"""

from __future__ import annotations

import textwrap
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
from matplotlib.figure import Figure
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from avsec.core.checklist import Checklist
from avsec.core.followup import AreaTrend, SinceLastVisit, since_last_visit
from avsec.core.i18n import keyed_text, pick
from avsec.io.translations import keyed
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.text import percent

#: message key -> English text (the gettext msgid; the key is its context).
MESSAGES: dict[str, str] = dict(
    [
        keyed("since_title", "Since the last visit"),
        keyed("since_intro", "This visit follows up the visit of {date} (assessment {uuid})."),
        keyed("since_then", "Last visit"),
        keyed("since_now", "This visit"),
        keyed("since_ei", "Effective Implementation"),
        keyed("since_weighted", "Weighted score"),
        keyed(
            "since_items",
            "Items assessed at both visits: {improved} improved, {regressed} regressed, "
            "{unchanged} unchanged.",
        ),
        keyed(
            "since_actions",
            "Action plan of the last visit: {verified} verified, {overdue} overdue, "
            "{not_done} not done.",
        ),
        keyed("since_changed", "Items that changed"),
        keyed("since_plan", "Actions to follow up"),
        keyed("since_item", "Item"),
        keyed("since_area", "Area"),
        keyed("since_action", "Action"),
        keyed("since_owner", "Owner"),
        keyed("since_due", "Due"),
        keyed("since_state", "Follow-up"),
        keyed("since_evidence", "Evidence"),
        keyed("since_overall", "Overall"),
        keyed("followup_open", "open"),
        keyed("followup_in_progress", "in progress"),
        keyed("followup_done", "done (not yet verified)"),
        keyed("followup_verified", "verified"),
        keyed("followup_not_done", "not done"),
        keyed("followup_overdue", "overdue"),
    ]
)


#: ``t(key, lang, **fields)``: message ``key`` in ``lang`` (English when not translated).
t = partial(keyed_text, MESSAGES)


def since_chart(since: SinceLastVisit, checklist: Checklist, lang: str) -> Figure:
    """EI and weighted score per area at the last visit and now, side by side."""
    titles = {area.id: pick(area.title, lang) for area in checklist.areas}
    rows: list[tuple[str, AreaTrend]] = [(titles.get(a.id, a.id), a) for a in since.areas]
    rows.append((t("since_overall", lang), since.overall))
    figure = Figure(figsize=(6.7, 0.45 * len(rows) + 0.9), layout="constrained")
    axes = figure.subplots(1, 2, sharey=True)
    positions = np.arange(len(rows))[::-1].astype(float)
    bar = 0.38
    panels = (("ei", t("since_ei", lang)), ("weighted", t("since_weighted", lang)))
    for ax, (measure, title) in zip(axes, panels, strict=True):
        for offset, when, colour, label in (
            (bar / 2, "then", "#A7B1C2", t("since_then", lang)),
            (-bar / 2, "now", "#1F3A5F", t("since_now", lang)),
        ):
            values = [getattr(trend, f"{when}_{measure}") for _, trend in rows]
            widths = [0.0 if v is None else v * 100 for v in values]
            ax.barh(positions + offset, widths, height=bar * 0.92, color=colour, label=label)
            for y, value in zip(positions + offset, values, strict=True):
                x = 1.0 if value is None else value * 100 + 1.0
                ax.text(x, y, percent(value, lang), va="center", fontsize=6, color="#333333")
        ax.set_title(title, fontsize=8)
        ax.set_xlim(0, 115)
        ax.set_xticks([0, 50, 100])
        ax.set_xticklabels(["0\u00a0%", "50\u00a0%", "100\u00a0%"], fontsize=7)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
    axes[0].set_yticks(positions)
    axes[0].set_yticklabels([textwrap.fill(n, 26) for n, _ in rows], fontsize=7)
    handles, labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside upper center", ncols=2, fontsize=7.5, frameon=False)
    return figure


def state_label(action: Any, overdue: bool, lang: str) -> str:
    """The follow-up state of an action in words, "overdue" added when it is."""
    label = t(f"followup_{action.followup or 'open'}", lang)
    return f"{label}, {t('followup_overdue', lang)}" if overdue else label


def followup_section(report: Any) -> list[Flowable]:
    """The section's flowables, or nothing for a first visit.

    ``report`` is the report builder: it gives ``doc``, ``lang``, the styles ``s`` and the
    ``heading``, ``table``, ``cell``, ``status_cell`` and ``figure`` helpers.
    """
    doc, lang = report.doc, report.lang
    if doc.last_visit is None:
        return []
    since = since_last_visit(doc, doc.last_visit)
    s = report.s
    out: list[Flowable] = [report.heading(t("since_title", lang), "sec-since")]
    intro = t("since_intro", lang, date=since.previous_date.isoformat(), uuid=since.previous_id[:8])
    out.append(Paragraph(escape(intro), s.body))
    out.append(report.figure(since_chart(since, doc.checklist, lang), 170 * mm, 95 * mm))
    for sentence in ("since_items", "since_actions"):
        out.append(Paragraph(escape(t(sentence, lang, **since.counts())), s.body))
    changed = [*since.regressed, *since.improved]
    if changed:
        out.append(Paragraph(escape(t("since_changed", lang)), s.h2))
        rows = [
            [report.cell(c.item_id), report.status_cell(c.then), report.status_cell(c.now)]
            for c in changed
        ]
        titles = [t("since_item", lang), t("since_then", lang), t("since_now", lang)]
        out.append(report.table(titles, rows, (30, 70, 70)))
    overdue_ids = {a.id for a in since.overdue}
    carried = [a for a in doc.actions if a.followup is not None]
    if carried:
        out.append(Paragraph(escape(t("since_plan", lang)), s.h2))
        rows = [
            [
                report.cell(a.title),
                report.cell(a.owner),
                report.cell(a.due.isoformat() if a.due else ""),
                report.cell(state_label(a, a.id in overdue_ids, lang)),
                report.cell(a.evidence),
            ]
            for a in carried
        ]
        titles = [
            t("since_action", lang),
            t("since_owner", lang),
            t("since_due", lang),
            t("since_state", lang),
            t("since_evidence", lang),
        ]
        out.append(report.table(titles, rows, (62, 24, 20, 28, 36), split_in_row=True))
    return out
