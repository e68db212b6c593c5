"""The annexes: every response, and the provisions the checklist cites."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from avsec.core.checklist import Provision
from avsec.core.i18n import pick
from avsec.core.samples import sample_line
from avsec.report.longtext import printed_excerpt
from avsec.report.pdf.context import Report
from avsec.report.pdf.markup import esc
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.text import number, tr, tr_count

_INVERSE = {"subset": "superset", "superset": "subset"}


def _natural_key(text: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def responses(r: Report) -> list[Flowable]:
    s, lang = r.s, r.lang
    out: list[Flowable] = [r.heading(r.t("sec_responses"), "sec-responses")]
    out.append(Paragraph(esc(r.t("responses_intro")), s.body))
    header = [r.t("item"), r.t("question"), r.t("status"), r.t("notes")]
    for index, area in enumerate(r.checklist.areas, start=1):
        out.append(CondPageBreak(30 * mm))
        out.append(r.heading(f"A.{index} {r.area_titles[area.id]}", f"resp-{index}", 1))
        rows = []
        for item in area.items:
            response = r.doc.responses.get(item.id)
            status = str(response.status) if response else "not_assessed"
            notes, left_out = printed_excerpt(response.notes if response else "")
            note_text = esc(notes) if notes else ""
            if left_out:
                cut = r.t("note_cut", count=number(left_out, r.lang, 0))
                note_text += f"<br/><i>{esc(cut)}</i>"
            sampled = sample_line(item, response, lang)  # "ID cards: 3 of 10 failed"
            if sampled:
                note_text = f"<b>{esc(sampled)}</b>" + ("<br/>" if note_text else "") + note_text
            if response and response.photos:
                count = esc(tr_count("photo_count", len(response.photos), lang))
                note_text += ("<br/>" if note_text else "") + f"<i>{count}</i>"
            rows.append(
                [
                    r.plain(item.id),
                    r.cell(pick(item.question, lang)),
                    r.status_cell(status),
                    Paragraph(note_text, s.cell),
                ]
            )
        out.append(r.table(header, rows, [17, 60, 26, 67], split_in_row=True, bold_columns=(0,)))
    return out


def provisions(r: Report) -> list[Flowable]:
    s = r.s
    out: list[Flowable] = [r.heading(r.t("sec_provisions"), "sec-provisions")]
    out.append(Paragraph(esc(r.t("provisions_intro")), s.body))
    if r.catalogue is None:
        out.append(Paragraph(esc(r.t("no_catalogue")), s.note))
    cited: dict[str, list[str]] = {}
    for item in r.checklist.items():
        for ref in item.references:
            cited.setdefault(ref, []).append(item.id)
    if not cited:
        out.append(Paragraph(esc(r.t("no_provisions")), s.body))
        return out
    if r.catalogue is not None:
        unconfirmed = r.catalogue.unconfirmed(sorted(cited, key=_natural_key))
        note = r.catalogue.note("unconfirmed_list", r.lang, ids=", ".join(unconfirmed))
        if unconfirmed and note:
            out.append(Paragraph(esc(note), s.note))
    for ref in sorted(cited, key=_natural_key):
        provision = r.catalogue.get(ref) if r.catalogue else None
        out.append(provision_block(r, ref, provision, cited[ref]))
    return out


def provision_block(r: Report, ref: str, provision: Provision | None, items: list[str]) -> Flowable:
    s, lang = r.s, r.lang
    parts: list[Flowable] = []
    if provision is None:
        parts.append(Paragraph(f"<b>{esc(ref)}</b>", s.h3))
        if r.catalogue is not None:
            parts.append(Paragraph(esc(r.t("not_in_catalogue")), s.note))
    else:
        title = pick(provision.title, lang)
        parts.append(Paragraph(f"<b>{esc(ref)}</b> — {esc(title)}", s.h3))
        kind = tr(f"kind_{provision.kind}", lang)
        line = f"{esc(kind)} · {esc(provision.framework)}"
        if provision.confidence == "unconfirmed":
            line += f" · <i>{esc(r.t('unconfirmed'))}</i>"
        if r.catalogue is not None and provision.checked_against:
            source = r.catalogue.checked_text(provision, lang)
            line += f" · {esc(r.catalogue.note('checked_against', lang, source=source))}"
        parts.append(Paragraph(line, s.small))
        summary = pick(provision.summary, lang)
        if summary:
            parts.append(Spacer(1, 1 * mm))
            parts.append(Paragraph(esc(summary), s.body))
        assert r.catalogue is not None
        mappings = r.catalogue.crosswalk_for(ref)
        if mappings:
            lines = []
            for _walk, mapping in mappings:
                other = mapping.target if mapping.source == ref else mapping.source
                other_provision = r.catalogue.get(other)
                other_title = pick(other_provision.title, lang) if other_provision else ""
                relationship: str = mapping.relationship
                if mapping.target == ref:
                    # Said from the source's side: turn it round to speak of ``ref``.
                    relationship = _INVERSE.get(relationship, relationship)
                relation = tr(f"relation_{relationship}", lang)
                text = f"<b>{esc(other)}</b>"
                if other_title:
                    text += f" — {esc(other_title)}"
                text += f" ({esc(relation)})"
                rationale = pick(mapping.rationale, lang)
                if rationale:
                    text += f": <i>{esc(rationale)}</i>"
                lines.append(text)
            parts.append(
                Paragraph(f"<b>{esc(r.t('crosswalk'))}:</b><br/>" + "<br/>".join(lines), s.small)
            )
    parts.append(Paragraph(f"<b>{esc(r.t('cited_by'))}:</b> {esc(', '.join(items))}", s.small))
    parts.append(Spacer(1, 2 * mm))
    return KeepTogether(parts)
