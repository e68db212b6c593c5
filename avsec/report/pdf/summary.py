"""The executive summary: the verdict, the scores by area and the worst gaps."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from avsec.core.assessment import Status
from avsec.core.findings import SEVERITY_RANK
from avsec.core.i18n import pick
from avsec.core.scoring import AreaScore
from avsec.report.figures.charts import score_chart
from avsec.report.pdf.context import FRAME_WIDTH, Report
from avsec.report.pdf.markup import esc
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.text import number, percent, tr_count


def build(r: Report) -> list[Flowable]:
    s, lang = r.s, r.lang
    overall = r.scores.overall
    responses = r.doc.responses
    known = set(r.checklist.item_ids())
    statuses = [r.status for i, r in responses.items() if i in known]
    out: list[Flowable] = [r.heading(r.t("sec_summary"), "sec-summary")]
    out.append(
        Paragraph(
            esc(
                r.t(
                    "summary_text",
                    assessed=overall.assessed,
                    applicable=overall.applicable,
                    coverage=percent(overall.coverage, lang),
                    ei=percent(overall.ei, lang),
                    weighted=percent(overall.weighted, lang),
                    not_compliant=statuses.count(Status.NOT_COMPLIANT),
                    partial=statuses.count(Status.PARTIALLY_COMPLIANT),
                )
            ),
            s.body,
        )
    )
    findings = r.numbered  # the findings that stand (false positives apart)
    if findings:
        counts = {k: sum(1 for f in findings if f.severity == k) for k in SEVERITY_RANK}
        text = tr_count("summary_geometry", len(findings), r.lang, **counts)
    else:
        text = r.t("summary_no_geometry")
    out.append(Paragraph(esc(text), s.body))
    immediate = sum(1 for row in r.cap if row.horizon == "immediate")
    out.append(
        Paragraph(esc(tr_count("summary_outline", len(r.cap), lang, immediate=immediate)), s.body)
    )

    out.append(Paragraph(esc(r.t("sub_scores")), s.h2))
    columns = ("area", "items", "applicable", "assessed", "coverage", "ei", "weighted")
    header = [r.t(k) for k in columns]

    def score_row(name: str, score: AreaScore, bold: bool = False) -> list[Any]:
        style = s.cell_bold if bold else s.cell
        values = [
            name,
            str(score.items),
            str(score.applicable),
            str(score.assessed),
            percent(score.coverage, lang),
            percent(score.ei, lang),
            percent(score.weighted, lang),
        ]
        return [r.cell(values[0], style), *(r.plain(v) for v in values[1:])]

    rows = [score_row(r.area_titles.get(a.id, a.id), a) for a in r.scores.areas]
    rows.append(score_row(r.t("overall"), overall, bold=True))
    out.append(r.table(header, rows, [50, 14, 20, 19, 19, 14, 34], bold_last=True))
    out.append(Spacer(1, 2 * mm))
    out.append(Paragraph(esc(r.t("score_definitions")), s.note))

    chart = score_chart(r.scores, r.checklist, lang)
    out.append(Spacer(1, 3 * mm))
    out.append(
        KeepTogether(
            [
                r.figure(chart, FRAME_WIDTH, 80 * mm),
                Paragraph(esc(r.t("chart_caption")), s.caption),
            ]
        )
    )

    top = r.gaps[:5]
    out.append(CondPageBreak(40 * mm))
    block: list[Flowable] = [Paragraph(esc(r.t("sub_top_gaps")), s.h2)]
    if top:
        rows = [
            [
                r.plain(rank),
                r.plain(gap.item.id),
                r.cell(r.area_titles.get(r.checklist.area_of(gap.item.id).id, "")),
                r.status_cell(str(gap.status)),
                r.plain(number(gap.priority, lang, 2)),
                r.cell(pick(gap.item.recommendation, lang) or pick(gap.item.question, lang)),
            ]
            for rank, gap in enumerate(top, start=1)
        ]
        header = [
            r.t("no"),
            r.t("item"),
            r.t("area"),
            r.t("status"),
            r.t("priority"),
            r.t("recommendation"),
        ]
        # A long recommendation (up to 65,536 characters) continues on the next page.
        table = r.table(
            header, rows, [10, 17, 32, 27, 19, 65], split_in_row=True, bold_columns=(1,)
        )
        block.append(table)
    else:
        block.append(Paragraph(esc(r.t("no_gaps")), s.body))
    out += block
    return out
