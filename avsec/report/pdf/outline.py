"""The improvement outline: the actions by horizon, with the items they answer."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from avsec.core.findings import finding_label
from avsec.io.cap import CapRow
from avsec.report.pdf.context import Report
from avsec.report.pdf.markup import action_markup, esc
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.text import action_status_label, horizon_label, number


def _item_refs(row: CapRow) -> str:
    """The items an action answers and, on a line of their own, its findings' map numbers."""
    items = ", ".join(row.items)
    findings = " ".join(f"[{finding_label(n)}]" for n in row.finding_refs)
    return "\n".join(part for part in (items, findings) if part) or "–"


def build(r: Report) -> list[Flowable]:
    s, lang = r.s, r.lang
    out: list[Flowable] = [r.heading(r.t("sec_outline"), "sec-outline")]
    out.append(Paragraph(esc(r.t("outline_intro")), s.body))
    if r.cap_generated and r.cap:
        out.append(Paragraph(esc(r.t("outline_generated")), s.note))
    if not r.cap:
        out.append(Paragraph(esc(r.t("outline_empty")), s.body))
    header = [r.t(k) for k in ("ref", "action", "items", "priority", "owner", "due", "status")]
    for index, horizon in enumerate(("immediate", "short", "medium", "long"), start=1):
        rows: list[CapRow] = [row for row in r.cap if row.horizon == horizon]
        out.append(CondPageBreak(30 * mm))
        out.append(r.heading(f"4.{index} {horizon_label(horizon, lang)}", f"h-{horizon}", 1))
        if not rows:
            out.append(Paragraph(esc(r.t("horizon_empty")), s.body))
            continue
        cells = []
        for row in rows:
            action = action_markup(row.title, row.action)
            cells.append(
                [
                    r.plain(row.ref),
                    Paragraph(action, s.cell),
                    r.cell(_item_refs(row)),
                    r.plain(number(row.priority, lang, 2)),
                    r.cell(row.owner or "–"),
                    r.plain(row.due.isoformat() if row.due else "–"),
                    r.plain(action_status_label(row.status, lang)),
                ]
            )
        out.append(
            r.table(
                header,
                cells,
                [16, 56, 16, 17, 23, 21, 21],
                split_in_row=True,
                bold_columns=(0,),
            )
        )
    return out
