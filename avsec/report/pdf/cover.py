"""The report's cover: title, airport, facts, the handling box and the signatures."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from avsec.core.i18n import pick
from avsec.report import styles as st
from avsec.report.pdf.context import FRAME_WIDTH, Report
from avsec.report.pdf.furniture import Heading, table_style
from avsec.report.pdf.markup import esc
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.redaction import redaction_text
from avsec.report.text import long_date


def build(r: Report) -> list[Flowable]:
    a = r.doc.assessment
    airport = a.airport
    s = r.s
    out: list[Flowable] = [Spacer(1, 16 * mm)]
    title = r.t("report_title")
    out.append(Heading(esc(title), s.cover_title, key="cover", level=0, title=r.t("cover")))
    out.append(Paragraph(esc(r.t("report_subtitle")), s.cover_subtitle))
    out.append(Spacer(1, 12 * mm))
    out.append(Paragraph(esc(airport.name), s.cover_airport))
    codes = " / ".join(c for c in (airport.icao, airport.iata) if c)
    place = ", ".join(p for p in (airport.city, airport.country) if p)
    line = " — ".join(p for p in (codes, place) if p)
    if line:
        out.append(Paragraph(esc(line), s.cover_subtitle))
    out.append(Spacer(1, 10 * mm))

    ended = long_date(a.ended, r.lang) if a.ended else r.t("ongoing")
    dates = f"{long_date(a.started, r.lang)} – {ended}"
    edition = r.checklist.edition_in(r.lang) or (
        r.catalogue.editions.get("A17", "") if r.catalogue else ""
    )
    checklist_text = r.t(
        "checklist_version",
        title=pick(r.checklist.title, r.lang),
        id=r.checklist.id,
        version=r.checklist.version,
    )
    facts: list[tuple[str, str]] = [
        (r.t("airport"), airport.name),
        (r.t("codes"), codes or r.t("none_given")),
    ]
    if place:
        facts.append((r.t("location"), place))
    if a.title:
        facts.append((r.t("assessment"), a.title))
    facts.append((r.t("dates"), dates))
    if a.team_name:
        facts.append((r.t("exercise_team"), a.team_name))
    facts.append((r.t("team"), "\n".join(a.team) or r.t("none_given")))
    if a.organisation:
        facts.append((r.t("organisation"), a.organisation))
    facts.append((r.t("checklist"), checklist_text))
    facts.append((r.t("edition"), edition or r.t("edition_unknown")))
    facts.append((r.t("generated_on"), long_date(r.today, r.lang)))
    rows = [[Paragraph(esc(k), s.label), Paragraph(esc(v), s.body)] for k, v in facts]
    table = Table(rows, colWidths=[42 * mm, FRAME_WIDTH - 42 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, st.RULE_GREY),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, st.NAVY),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, st.NAVY),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    out.append(table)
    out.append(Spacer(1, 9 * mm))

    box = Table(
        [
            [Paragraph(esc(a.marking(r.lang)), s.marking_box)],
            [Paragraph(esc(r.t("handling_note")), s.small)],
        ],
        colWidths=[FRAME_WIDTH],
    )
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, st.MARKING_RED),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    out.append(box)
    if r.redaction is not None:
        out.append(Spacer(1, 3 * mm))
        out.append(Paragraph(esc(redaction_text("redacted_notice", r.lang)), s.body))
    out.append(Spacer(1, 9 * mm))

    out.append(Paragraph(esc(r.t("signatures")), s.h3))
    roles = ("prepared_by", "reviewed_by", "approved_by")
    signature = Table(
        [
            [Paragraph(esc(r.t(role)), s.label) for role in roles],
            [Spacer(1, 14 * mm) for _ in roles],
            [Paragraph(esc(r.t("name_signature_date")), s.small) for _ in roles],
        ],
        colWidths=[FRAME_WIDTH / 3] * 3,
    )
    signature.setStyle(
        table_style(
            [
                ("LINEBELOW", (0, 1), (-1, 1), 0.6, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    out.append(signature)
    return out
