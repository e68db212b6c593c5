"""The report's "Access-control tests" section: every test, the stop rate per method and per
access point, and the tested access points on the map coloured by their worst result.

A file without tests gets no section (and the redacted edition, which leaves the tests out,
none either). Texts are msgids translated through the report language's catalogue.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from avsec.core.access_tests import METHOD_LABELS, RESULT_LABELS, StopRate, ordered, stop_rates
from avsec.geo.projection import LocalProjection
from avsec.io.translations import N_, catalogue
from avsec.report.figures.airport_map import layout_map
from avsec.report.figures.map_canvas import Key
from avsec.report.pdf.context import FRAME_HEIGHT, FRAME_WIDTH
from avsec.report.pdf.markup import esc
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.text import percent

#: Colours of the results (green stopped, orange partly, red not stopped), as in the app.
RESULT_COLOURS = {"stopped": "#2E7D32", "partly": "#EF6C00", "not_stopped": "#C62828"}

TEXT = {
    "title": N_("Access-control tests"),
    "intro": N_(
        "Tests made during the visit: a team member, or an officer of the airport playing "
        "the intruder, tried to get through an access point without the right to. A test "
        "that was not stopped suggests that the checklist items its method informs are not "
        "compliant; the inspectors' answers in the annex are what counts."
    ),
    "when": N_("When"),
    "at": N_("Access point"),
    "method": N_("Method"),
    "result": N_("Result"),
    "who": N_("Who"),
    "notes": N_("Notes"),
    "by_method": N_("Stop rate per method"),
    "by_point": N_("Stop rate per access point"),
    "tests": N_("Tests"),
    "stopped": N_("Stopped"),
    "partly": N_("Partly stopped"),
    "not_stopped": N_("Not stopped"),
    "rate": N_("Stop rate"),
    "total": N_("All tests"),
    "rate_note": N_(
        "The stop rate counts the tests fully stopped; a partly stopped intruder still got "
        "somewhere."
    ),
    "map_caption": N_(
        "Tested access points, coloured by their worst result; the number is the access "
        "point's row in the table above."
    ),
}


def tests_section(report: Any) -> list[Flowable]:
    """The section's flowables (none when the file holds no test)."""
    tests = ordered(report.doc.access_tests)
    if not tests:
        return []
    t = catalogue(report.lang).gettext
    s = report.s
    names = _names(report)
    out: list[Flowable] = [report.heading(t(TEXT["title"]), "sec-tests")]
    out.append(Paragraph(esc(t(TEXT["intro"])), s.body))
    rows = [
        [
            report.plain(test.when.strftime("%Y-%m-%d %H:%M")),
            report.cell(names.get(test.at, test.at)),
            report.cell(t(METHOD_LABELS[test.method])),
            report.cell(t(RESULT_LABELS[test.result])),
            report.cell(test.who),
            report.cell(test.notes),
        ]
        for test in tests
    ]
    header = [t(TEXT[k]) for k in ("when", "at", "method", "result", "who", "notes")]
    out.append(report.table(header, rows, [27, 32, 26, 20, 22, 43], split_in_row=True))

    by_method = stop_rates(tests, "method")
    out.append(CondPageBreak(40 * mm))
    out.append(Paragraph(esc(t(TEXT["by_method"])), s.h2))
    labels = {m: t(METHOD_LABELS[m]) for m in METHOD_LABELS}
    out.append(_rate_table(report, t, t(TEXT["method"]), by_method, labels, tests))
    by_point = stop_rates(tests, "at")
    numbered = {rate.key: n for n, rate in enumerate(by_point, start=1)}
    out.append(CondPageBreak(40 * mm))
    out.append(Paragraph(esc(t(TEXT["by_point"])), s.h2))
    point_labels = {k: f"{numbered[k]}. {names.get(k, k)}" for k in numbered}
    out.append(_rate_table(report, t, t(TEXT["at"]), by_point, point_labels, tests))
    out.append(Paragraph(esc(t(TEXT["rate_note"])), s.caption))
    if report.doc.features:
        out.append(CondPageBreak(90 * mm))
        drawing = _tests_map(report, tests, numbered, t)
        out.append(report.figure(drawing, FRAME_WIDTH, FRAME_HEIGHT - 60 * mm))
        out.append(Paragraph(esc(t(TEXT["map_caption"])), s.caption))
    return out


def _names(report: Any) -> dict[str, str]:
    """Access point id -> its name in the report's language (the id when unnamed)."""
    return {f.id: f.label(report.lang) or f.id for f in report.doc.features}


def _rate_table(
    report: Any,
    t: Any,
    title: str,
    rates: list[StopRate],
    labels: dict[str, str],
    tests: list[Any],
) -> Any:
    stopped = sum(test.result == "stopped" for test in tests)
    total = StopRate("", len(tests), stopped, sum(test.result == "partly" for test in tests))
    rows = [
        [
            report.cell(labels.get(rate.key, rate.key)),
            report.plain(rate.tests),
            report.plain(rate.stopped),
            report.plain(rate.partly),
            report.plain(rate.not_stopped),
            report.plain(percent(rate.rate, report.lang)),
        ]
        for rate in [*rates, total]
    ]
    rows[-1][0] = report.cell(t(TEXT["total"]))
    header = [title] + [t(TEXT[k]) for k in ("tests", "stopped", "partly", "not_stopped", "rate")]
    return report.table(header, rows, [60, 18, 20, 22, 24, 22], bold_last=True)


def _tests_map(report: Any, tests: list[Any], numbered: dict[str, int], t: Any) -> Any:
    """The layout with a disc on every tested access point, in its worst result's colour."""
    airport = report.doc.assessment.airport
    projection = LocalProjection(airport.lon, airport.lat)
    canvas = layout_map(report.doc.features, [], report.lang, projection=projection)
    assert canvas is not None  # called only when there are features
    worst: dict[str, str] = {}
    rank = {"stopped": 0, "partly": 1, "not_stopped": 2}
    for test in tests:
        if rank[test.result] >= rank.get(worst.get(test.at, "stopped"), 0):
            worst[test.at] = test.result
    points = {
        f.id: f.geometry.get("coordinates")
        for f in report.doc.features
        if f.kind == "access_point" and f.geometry.get("type") == "Point"
    }
    for at, result in worst.items():
        if at not in points:
            continue
        x, y = projection.point_to_metres(*points[at][:2])
        canvas.markers(
            [(x, y)],
            shape="o",
            size=11,
            fill=RESULT_COLOURS[result],
            edge="#FFFFFF",
            edge_width=1.2,
        )
        canvas.label(x, y, str(numbered[at]), size=6.5, fill="#FFFFFF", bold=True)
    for result, shade in RESULT_COLOURS.items():
        canvas.key(Key(t(RESULT_LABELS[result]), "o", fill=shade, stroke="#FFFFFF"))
    return canvas.drawing()
