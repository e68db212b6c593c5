"""Findings by area: each gap with its notes, geometry findings and evidence photos."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from avsec.core.checklist import ChecklistItem
from avsec.core.findings import Finding
from avsec.core.i18n import pick
from avsec.core.samples import sample_line
from avsec.core.scoring import Gap
from avsec.io.images import MAX_PIXELS
from avsec.report import styles as st
from avsec.report.longtext import note_paragraphs
from avsec.report.pdf.context import FRAME_WIDTH, Report
from avsec.report.pdf.furniture import table_style
from avsec.report.pdf.markup import esc
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.pdf.photo_forms import PhotoBox
from avsec.report.photos import TOO_LARGE
from avsec.report.text import measure, number, rule_label, zone_label
from avsec.report.tracks import PERIMETER_RULE, inspected_text


def build(r: Report) -> list[Flowable]:
    s = r.s
    out: list[Flowable] = [r.heading(r.t("sec_findings"), "sec-findings")]
    out.append(Paragraph(esc(r.t("findings_intro")), s.body))
    for index, area in enumerate(r.checklist.areas, start=1):
        title = f"3.{index} {r.area_titles[area.id]}"
        out.append(CondPageBreak(30 * mm))
        out.append(r.heading(title, f"findings-{index}", level=1))
        area_gaps = [r.gap_items[i.id] for i in area.items if i.id in r.gap_items]
        if not area_gaps:
            out.append(Paragraph(esc(r.t("area_no_gaps")), s.body))
            continue
        for gap in area_gaps:
            out += gap_block(r, gap)
    # Findings shown under no gap: linked to no item, or only to items the inspector
    # marked compliant or not applicable. They are listed here so that every finding on
    # the map has its description in this section.
    unlinked = [f for f in r.numbered if not any(i in r.gap_items for i in f.items)]
    if unlinked:
        index = len(r.checklist.areas) + 1
        out.append(CondPageBreak(30 * mm))
        out.append(r.heading(f"3.{index} {r.t('sub_unlinked')}", "findings-other", 1))
        out.append(finding_table(r, unlinked))
    return out


def gap_block(r: Report, gap: Gap) -> list[Flowable]:
    s, lang = r.s, r.lang
    item: ChecklistItem = gap.item
    response = r.doc.responses.get(item.id)
    head = Paragraph(f"{esc(item.id)} — {esc(pick(item.question, lang))}", s.h3)
    facts = Table(
        [
            [
                r.cell(r.t("status"), s.small_bold),
                r.cell(r.t("priority"), s.small_bold),
                r.cell(r.t("weight"), s.small_bold),
                r.cell(r.t("provisions"), s.small_bold),
            ],
            [
                r.status_cell(str(gap.status)),
                r.cell(number(gap.priority, lang, 2)),
                r.cell(r.t(f"weight_{item.weight}")),
                r.cell(", ".join(item.references) or "–"),
            ],
        ],
        colWidths=[46 * mm, 22 * mm, 26 * mm, FRAME_WIDTH - 94 * mm],
        hAlign="LEFT",
    )
    facts.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), st.LIGHT_GREY),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.STATUS_COLOURS[str(gap.status)]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    out: list[Flowable] = [KeepTogether([head, facts, Spacer(1, 2 * mm)])]
    sampled = sample_line(item, response, lang)  # "ID cards: 3 of 10 failed"
    if sampled:
        out.append(Paragraph(f"<b>{esc(sampled)}</b>", s.body))
    if PERIMETER_RULE in item.rules:
        walked = inspected_text(r.doc, lang, r)
        if walked:
            out.append(Paragraph(f"<b>{esc(r.t('track_label'))}:</b> {esc(walked)}", s.body))
    notes = response.notes if response else ""
    if notes.strip():
        blocks = note_paragraphs(
            notes,
            lambda block: Paragraph(esc(block), s.body),
            lambda count: r.t("note_cut", count=number(count, r.lang, 0)),
        )
        # The label never ends a page alone: it keeps with the first paragraph.
        out.append(KeepTogether([Paragraph(esc(r.t("notes")), s.label), blocks[0]]))
        out += blocks[1:]
    linked = {id(f) for f in r.findings_by_item.get(item.id, [])}
    item_findings = [f for f in r.numbered if id(f) in linked]
    if item_findings:
        out.append(
            KeepTogether(
                [
                    Spacer(1, 1.5 * mm),
                    Paragraph(esc(r.t("geometry_findings")), s.label),
                    Spacer(1, 1 * mm),
                    finding_table(r, item_findings[:3]),
                ]
            )
        )
        if len(item_findings) > 3:
            out.append(finding_table(r, item_findings[3:], header=False))
    if response and response.photos:
        out += photo_grid(r, response.photos)
    recommendation = pick(item.recommendation, lang)
    if recommendation:
        out.append(Spacer(1, 1.5 * mm))
        out.append(Paragraph(f"<b>{esc(r.t('recommendation'))}:</b> {esc(recommendation)}", s.body))
    out.append(Spacer(1, 3 * mm))
    return out


def finding_table(r: Report, findings: list[Finding], header: bool = True) -> Table:
    rows = [
        [
            r.plain(f"[{r.number_of(f)}]"),
            r.cell(rule_label(f.rule, r.lang)),
            r.severity_cell(f.severity),
            r.plain(measure(f.value, f.unit, r.lang)),
            r.cell(pick(f.message, r.lang) or zone_label(f.zone, r.lang)),
        ]
        for f in findings
    ]
    titles = [
        r.t("no"),
        r.t("rule"),
        r.t("severity"),
        r.t("measure"),
        r.t("message"),
    ]
    return r.table(
        titles, rows, [12, 44, 18, 20, 76], split_in_row=True, header=header, bold_columns=(0,)
    )


def photo_grid(r: Report, photo_ids: list[str]) -> list[Flowable]:
    """Evidence photos two across, each with its caption; decoded when laid out."""
    assert r.photos is not None
    cells: list[list[Flowable]] = []
    for number_, photo_id in enumerate(photo_ids, start=1):
        info = r.attachments.get(photo_id)
        short = photo_id[:12]
        caption = f"{number_}. {info.filename if info and info.filename else short}"
        if info and info.taken:
            caption += f" — {info.taken:%Y-%m-%d %H:%M}"
        if info and info.caption:
            # The inspector's caption of the marked-up copy (the stored report copy).
            caption += f"\n{info.caption}"
        box = PhotoBox(
            photo_id,
            missing_note=r.t("photo_missing", id=short),
            unreadable_note=r.t("photo_unreadable", id=short),
        )
        box.notes[TOO_LARGE] = r.t("photo_too_large", id=short, limit=MAX_PIXELS // 10**6)
        cells.append([box, Spacer(1, 1), Paragraph(esc(caption), r.s.small)])
    rows: list[list[Any]] = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append(Spacer(1, 1))
    label = Paragraph(esc(r.t("evidence_photos")), r.s.label)
    # The label keeps with the first row of photos; later rows flow on.
    out: list[Flowable] = [
        Spacer(1, 1.5 * mm),
        KeepTogether([label, _photo_rows(r, rows[:1])]),
    ]
    if len(rows) > 1:
        out.append(_photo_rows(r, rows[1:]))
    return out


def _photo_rows(r: Report, rows: list[list[Any]]) -> Table:
    grid = Table(rows, colWidths=[FRAME_WIDTH / 2] * 2, hAlign="LEFT")
    grid.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return grid
