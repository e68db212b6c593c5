"""The report's "Weakest routes" section: the adversary path analysis of the layout.

It follows the zone map: for each target the probability of interruption P(I) of its weakest
route; for the weakest target, the map with the route drawn as arrows, the table of its
elements, the upgrades ranked by the P(I) they would give, the response time needed for a
P(I) of 0.8; then the default detection and delay figures with their sources. The model is
described in :mod:`avsec.geo.paths`. A layout the analysis refuses (no airside, a bad figure)
gets its one-line reason instead.

The section builds on the report's own building blocks (``heading``, ``table``, ``figure``,
``cell``, ``plain``, styles ``s``), so it looks like the rest of the report.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from avsec.core.errors import PathAnalysisError
from avsec.core.layout import KIND_LABELS
from avsec.geo.path_defaults import DEFAULT_TABLE, UPGRADE_TEXT
from avsec.geo.paths import PathResult, TargetRoute
from avsec.geo.projection import LocalProjection
from avsec.io.translations import N_, catalogue
from avsec.report.figures.airport_map import layout_map
from avsec.report.path_analysis import analyse
from avsec.report.pdf.paragraph import Paragraph

#: P(I) bands of the colour scale (the app's Paths panel uses the same).
BANDS = ((0.8, "#2E7D32"), (0.5, "#F9A825"), (0.0, "#C62828"))

TEXT = {
    "title": N_("Weakest routes (adversary path analysis)"),
    "intro": N_(
        "For every critical part (and every SRA holding none), the route from outside the "
        "airside with the lowest probability of interruption P(I): the chance that the "
        "intruder is detected early enough for the response to arrive before the task is done "
        "(EASI, Garcia, Design and Evaluation of Physical Protection Systems). Response "
        "{response:.0f} s (standard deviation {sd:.0f} s), delays ± {fraction:.0%}, running "
        "speed {speed:.1f} m/s, task {task:.0f} s."
    ),
    "target": N_("Target"),
    "pi": N_("P(I)"),
    "cdp": N_("Critical detection point"),
    "needed": N_("Response for P(I) 0.8 (s)"),
    "weakest": N_("Weakest route: {name} (P(I) {p:.2f})"),
    "caption": N_("The weakest route, crossings numbered as in the table below."),
    "no": N_("No."),
    "element": N_("Element"),
    "via": N_("Via"),
    "feature": N_("Feature"),
    "p_detect": N_("P(detection)"),
    "delay": N_("Delay (s)"),
    "at": N_("Detected at"),
    "upgrades": N_("What to fix first"),
    "change": N_("Change"),
    "after": N_("P(I) after"),
    "none": N_("The layout has no critical part or SRA to analyse."),
    "refused": N_("The path analysis could not run: {reason}"),
    "no_route": N_("none"),
    "defaults": N_("Default detection and delay figures"),
    "defaults_intro": N_(
        "Used where a barrier or access point has no p_detect, delay_s or detect_at of its "
        "own. Figures marked “estimate” are judgements, with the reasoning given; replace them "
        "with tested figures for the site."
    ),
    "figure": N_("Figure"),
    "value": N_("Value"),
    "source": N_("Source"),
    "opening": N_("opening"),
    "crossing": N_("crossing"),
    "travel": N_("travel"),
    "task": N_("task"),
}


def band_colour(p: float | None) -> str:
    """The colour of a P(I): green from 0.8, amber from 0.5, red below."""
    if p is None:
        return "#5A6472"
    return next(colour for floor, colour in BANDS if p >= floor)


def _route_map(report: Any, target: TargetRoute, projection: LocalProjection) -> Flowable:
    """The layout with the route drawn as numbered arrows."""
    canvas = layout_map(
        report.doc.features,
        [],
        report.lang,
        projection=projection,
        shapes=getattr(report, "layout_shapes", None),
    )
    if canvas is None:
        return Spacer(1, 0)
    points = [(n, e.xy) for n, e in enumerate(target.route) if e.kind == "crossing" and e.xy]
    colour = band_colour(target.p_interruption)
    for (_, a), (_, b) in zip(points, points[1:], strict=False):
        canvas.arrow(a, b, stroke=colour, width=2.2)
    for n, xy in points:
        canvas.label(*xy, str(n), size=8, fill=colour, bold=True, offset=(4, 4))
    from avsec.report.pdf.context import FRAME_HEIGHT, FRAME_WIDTH

    return report.figure(canvas.drawing(), FRAME_WIDTH, FRAME_HEIGHT - 60 * mm)


def paths_section(report: Any) -> list[Flowable]:
    """The "Weakest routes" flowables of one report (``report`` is the report builder).

    The redacted edition leaves the section out: routes name features and give places.
    """
    if getattr(report, "redaction", None) is not None:
        return []
    t = catalogue(report.lang).gettext
    s = report.s
    doc = report.doc
    out: list[Flowable] = [CondPageBreak(60 * mm), report.heading(t(TEXT["title"]), "sec-paths", 1)]
    try:
        analysis = getattr(report, "path_analysis", None)
        result = analysis.result() if analysis is not None else analyse(doc)
    except PathAnalysisError as exc:
        reason = exc.in_language(report.lang)
        return [*out, Paragraph(_esc(t(TEXT["refused"]).format(reason=reason)), s.body)]
    p = result.params
    intro = t(TEXT["intro"]).format(
        response=p.response_time_s,
        sd=p.response_sd_s,
        fraction=p.delay_sd_fraction,
        speed=p.run_speed_mps,
        task=p.task_delay_s,
    )
    out.append(Paragraph(_esc(intro), s.body))
    if not result.targets:
        return [*out, Paragraph(_esc(t(TEXT["none"])), s.body)]
    out += _targets_table(report, result, t)
    weakest = result.weakest
    if weakest is not None and weakest.route:
        out += _weakest(report, weakest, result, t)
    out += _defaults(report, t)
    return out


def _esc(text: str) -> str:
    from avsec.report.pdf import esc

    return esc(text)


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _targets_table(report: Any, result: PathResult, t: Any) -> list[Flowable]:
    rows = [
        [
            report.cell(_target_name(report, target)),
            report.plain(_share(target.p_interruption)),
            report.plain(
                "–" if target.critical_detection_point is None else target.critical_detection_point
            ),
            report.plain(
                t(TEXT["no_route"])
                if target.required_response_time_s is None
                else f"{target.required_response_time_s:.0f}"
            ),
        ]
        for target in sorted(result.targets, key=lambda x: x.p_interruption or 0.0)
    ]
    header = [t(TEXT["target"]), t(TEXT["pi"]), t(TEXT["cdp"]), t(TEXT["needed"])]
    return [report.table(header, rows, [80, 20, 35, 35])]


def _weakest(report: Any, target: TargetRoute, result: PathResult, t: Any) -> list[Flowable]:
    s = report.s
    name = _target_name(report, target)
    out: list[Flowable] = [CondPageBreak(120 * mm)]
    out.append(
        Paragraph(_esc(t(TEXT["weakest"]).format(name=name, p=target.p_interruption or 0.0)), s.h2)
    )
    out.append(_route_map(report, target, result.projection))
    out.append(Paragraph(_esc(t(TEXT["caption"])), s.caption))
    rows = []
    for n, e in enumerate(target.route):
        via = t(TEXT["opening"]) if e.via == "gap" else t(KIND_LABELS.get(e.via or "", "–"))
        rows.append(
            [
                report.plain(n),
                report.plain(t(TEXT[e.kind])),
                report.plain(via),
                report.cell(_feature_name(report, e.feature)),
                report.plain(f"{e.p_detect:.2f}"),
                report.plain(f"{e.delay_s:.0f}"),
                report.plain(e.detect_at if e.kind == "crossing" else "–"),
            ]
        )
    header = [
        t(TEXT["no"]),
        t(TEXT["element"]),
        t(TEXT["via"]),
        t(TEXT["feature"]),
        t(TEXT["p_detect"]),
        t(TEXT["delay"]),
        t(TEXT["at"]),
    ]
    out.append(report.table(header, rows, [10, 22, 26, 52, 22, 20, 18]))
    if target.upgrades:
        out.append(CondPageBreak(40 * mm))
        out.append(Paragraph(_esc(t(TEXT["upgrades"])), s.h2))
        rows = [
            [
                report.cell(_feature_name(report, u.feature) or t(TEXT["opening"])),
                report.cell(t(UPGRADE_TEXT[u.change])),
                report.plain(_share(u.p_interruption_after)),
            ]
            for u in target.upgrades
        ]
        header = [t(TEXT["feature"]), t(TEXT["change"]), t(TEXT["after"])]
        out.append(report.table(header, rows, [60, 80, 30]))
    return out


def _target_name(report: Any, target: Any) -> str:
    """The target's name in the report's language (``name:es`` where the layout gives one)."""
    feature = report.doc.feature(target.target)
    label = feature.label(report.lang) if feature is not None else ""
    return label or target.name or target.target


def _feature_name(report: Any, feature_id: str | None) -> str:
    if not feature_id:
        return ""
    feature = report.doc.feature(feature_id)
    label = feature.label(report.lang) if feature is not None else ""
    return f"{label} ({feature_id})" if label else feature_id


def _defaults(report: Any, t: Any) -> list[Flowable]:
    s = report.s
    out: list[Flowable] = [CondPageBreak(50 * mm), Paragraph(_esc(t(TEXT["defaults"])), s.h2)]
    out.append(Paragraph(_esc(t(TEXT["defaults_intro"])), s.body))
    rows = [
        [report.plain(key), report.plain(f"{figure.value:g}"), report.cell(t(figure.source))]
        for key, figure in DEFAULT_TABLE.items()
    ]
    header = [t(TEXT["figure"]), t(TEXT["value"]), t(TEXT["source"])]
    out.append(report.table(header, rows, [45, 15, 110]))
    return out
