"""The zone map with the numbered findings, and its key."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from avsec.core.tracks import track_lines
from avsec.report.figures.airport_map import layout_map
from avsec.report.figures.track_layer import TrackLayer
from avsec.report.pdf.context import FRAME_HEIGHT, FRAME_WIDTH, Report
from avsec.report.pdf.markup import esc
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.redaction import redaction_text
from avsec.report.text import measure, rule_label, zone_label
from avsec.report.tracks import inspected_note, inspected_text, inspection_of


def build(r: Report) -> list[Flowable]:
    s = r.s
    out: list[Flowable] = [r.heading(r.t("sec_map"), "sec-map")]
    if r.redaction is not None:
        out.append(Paragraph(esc(redaction_text("map_redacted", r.lang)), s.body))
    elif r.doc.features or r.numbered:
        layer = None
        inspected = inspection_of(r.doc, r)
        if r.doc.tracks:
            lines = track_lines(r.doc.tracks)
            layer = TrackLayer(lines, inspected.not_inspected if inspected else None)
        canvas = layout_map(
            r.doc.features,
            r.numbered,
            r.lang,
            numbers=r.numbers,
            tracks=layer,
            shapes=r.layout_shapes,
        )
        assert canvas is not None  # there are features or findings
        out.append(r.figure(canvas.drawing(), FRAME_WIDTH, FRAME_HEIGHT - 30 * mm))
        out.append(Paragraph(esc(r.t("map_caption")), s.caption))
        walked = inspected_text(r.doc, r.lang, r)
        if walked:
            text = f"<b>{esc(r.t('track_label'))}:</b> {esc(walked)}. {esc(inspected_note(r.doc, r.lang))}"
            out.append(Paragraph(text, s.body))
    else:
        out.append(Paragraph(esc(r.t("map_empty")), s.body))
    if not r.numbered:
        if not r.false_positives:
            out.append(Paragraph(esc(r.t("map_no_findings")), s.body))
        return out + false_positives(r)
    out.append(CondPageBreak(40 * mm))
    out.append(Paragraph(esc(r.t("sub_map_key")), s.h2))
    rows = []
    for finding in r.numbered:
        rows.append(
            [
                r.plain(r.number_of(finding)),
                r.cell(rule_label(finding.rule, r.lang)),
                r.severity_cell(finding.severity),
                r.plain(measure(finding.value, finding.unit, r.lang)),
                r.cell(zone_label(finding.zone, r.lang)),
                r.cell(", ".join(finding.items)),
            ]
        )
    header = [
        r.t("no"),
        r.t("rule"),
        r.t("severity"),
        r.t("measure"),
        r.t("zone"),
        r.t("items"),
    ]
    out.append(r.table(header, rows, [11, 46, 19, 21, 30, 43], bold_columns=(0,)))
    return out + false_positives(r)


def false_positives(r: Report) -> list[Flowable]:
    """The findings the inspector set aside, each with its number and the reason given."""
    if not r.false_positives:
        return []
    s = r.s
    out: list[Flowable] = [CondPageBreak(30 * mm)]
    out.append(Paragraph(esc(r.t("sub_false_positives")), s.h2))
    out.append(Paragraph(esc(r.t("false_positives_intro")), s.body))
    rows = [
        [
            r.plain(r.number_of(finding)),
            r.cell(rule_label(finding.rule, r.lang)),
            r.plain(measure(finding.value, finding.unit, r.lang)),
            r.cell(r.doc.judgements[finding.id].reason),
        ]
        for finding in r.false_positives
    ]
    header = [r.t("no"), r.t("rule"), r.t("measure"), r.t("reason")]
    out.append(r.table(header, rows, [11, 46, 21, 92], bold_columns=(0,)))
    return out
