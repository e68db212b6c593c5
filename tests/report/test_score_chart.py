"""The score chart, a reportlab Drawing: texts, bar lengths, layout and what it imports."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from avsec.core.assessment import Response, Status
from avsec.core.scoring import AreaScore, Scores, score_checklist
from avsec.report.figures.charts import chart_svg, score_chart

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"
# The chart's colours, written out here rather than read from the module.
COVERAGE, EI, WEIGHTED = "#9AA7B8", "#1F3A5F", "#3C8D93"


def shapes(node: Group, kind: type) -> Iterator:
    """Every ``kind`` shape in ``node``, however deep (groups are not moved or scaled)."""
    for item in node.contents:
        if isinstance(item, Group):
            assert tuple(item.transform) == (1, 0, 0, 1, 0, 0), "a group moves its shapes"
            yield from shapes(item, kind)
        elif isinstance(item, kind):
            yield item


def texts(drawing: Drawing) -> list[str]:
    return [s.text for s in shapes(drawing, String)]


def string(drawing: Drawing, text: str) -> String:
    (found,) = [s for s in shapes(drawing, String) if s.text == text]
    return found


def extent(s: String) -> tuple[float, float, float, float]:
    """Left, bottom, right, top of a drawn text (DejaVu: descent 0.24, ascent 0.93 em)."""
    width = stringWidth(s.text, s.fontName, s.fontSize)
    left = {"start": s.x, "middle": s.x - width / 2, "end": s.x - width}[s.textAnchor]
    return left, s.y - 0.24 * s.fontSize, left + width, s.y + 0.93 * s.fontSize


def bars(drawing: Drawing, colour: str) -> list[Rect]:
    """The bars of one measure, top row first (the legend's swatch, above them all, left out)."""
    found = [r for r in shapes(drawing, Rect) if r.fillColor == HexColor(colour)]
    legend = max(found, key=lambda r: r.y)
    return sorted((r for r in found if r is not legend), key=lambda r: -r.y)


def area(id_: str, coverage, ei, weighted) -> AreaScore:
    return AreaScore(
        id=id_,
        ei=ei,
        weighted=weighted,
        coverage=coverage,
        assessed=0,
        applicable=0,
        compliant=0,
        items=0,
    )


def test_every_area_and_the_overall_in_spanish(mini):
    responses = {
        "PER-01": Response(item_id="PER-01", status=Status.COMPLIANT),
        "PER-02": Response(item_id="PER-02", status=Status.PARTIALLY_COMPLIANT),
    }
    drawing = score_chart(score_checklist(mini, responses), mini, "es")
    assert isinstance(drawing, Drawing)
    assert drawing.width == pytest.approx(6.69 * 72)
    drawn = texts(drawing)
    for label in ("Perímetro", "Puntos de acceso", "Total", "Cobertura", "Aplicación eficaz (EI)"):
        assert label in drawn, label
    assert "Puntuación ponderada" in drawn
    # Access points has nothing assessed: no EI nor weighted score rather than 0 %.
    assert drawn.count("s. d.") == 2
    # Perimeter: EI 1 of 2 assessed; weighted (3 x 1 + 2 x 0.5) / 5; coverage 2 of 3.
    assert drawn.count(f"50{NBSP}%") == 3  # the x tick, EI of the perimeter and of the total
    assert drawn.count(f"80{NBSP}%") == 2 and f"67{NBSP}%" in drawn and f"40{NBSP}%" in drawn
    # The x tick, and the coverage of the access points: a figure (0 of 2), not n/a.
    assert drawn.count(f"0{NBSP}%") == 2
    # Rows top to bottom in checklist order, the total last and in bold.
    heights = [string(drawing, name).y for name in ("Perímetro", "Puntos de acceso", "Total")]
    assert heights == sorted(heights, reverse=True)
    assert string(drawing, "Total").fontName.endswith("Bold")
    assert not string(drawing, "Perímetro").fontName.endswith("Bold")


def test_bar_lengths_follow_the_percent_axis(mini):
    scores = Scores(
        overall=area("overall", 0.9, 0.5, 1.0),
        areas=[area("perimeter", 1.0, 0.5, 0.25), area("access_points", 0.75, None, None)],
    )
    drawing = score_chart(scores, mini, "en")
    zero, hundred = string(drawing, f"0{NBSP}%"), string(drawing, f"100{NBSP}%")
    assert zero.textAnchor == hundred.textAnchor == "middle"
    full = hundred.x - zero.x  # the length of a 100 % bar

    def measure(colour: str) -> list[tuple[float, float]]:
        return [(r.x, r.width) for r in bars(drawing, colour)]

    assert measure(COVERAGE) == [
        (pytest.approx(zero.x), pytest.approx(full)),
        (pytest.approx(zero.x), pytest.approx(0.75 * full)),
        (pytest.approx(zero.x), pytest.approx(0.9 * full)),
    ]
    # No EI and no weighted score for the access points: no bar, "n/a" at the axis instead.
    assert measure(EI) == [
        (pytest.approx(zero.x), pytest.approx(full / 2)),
        (pytest.approx(zero.x), pytest.approx(full / 2)),
    ]
    assert [w for _, w in measure(WEIGHTED)] == [pytest.approx(full / 4), pytest.approx(full)]
    assert texts(drawing).count("n/a") == 2
    # Each percentage just after its bar: 25 % of the perimeter's weighted score.
    label = string(drawing, "25%")
    assert zero.x + full / 4 < label.x < zero.x + full / 4 + 8
    # Within a row the bars run coverage, EI, weighted from the top, as the legend reads.
    perimeter = [bars(drawing, colour)[0].y for colour in (COVERAGE, EI, WEIGHTED)]
    assert perimeter == sorted(perimeter, reverse=True)


def test_a_grey_rule_sets_the_overall_apart(mini):
    drawing = score_chart(score_checklist(mini, {}), mini, "en")
    last_area, overall = string(drawing, "Access points").y, string(drawing, "Overall").y
    rules = [
        line
        for line in shapes(drawing, Line)
        if line.y1 == line.y2 and overall < line.y1 < last_area
    ]
    assert len(rules) == 1
    assert rules[0].x2 - rules[0].x1 > drawing.width / 2


def test_long_names_wrap_and_nothing_overflows_or_overlaps(mini):
    long_name = (
        "Identification of staff, background checks and the control of every airport "
        "identification card and vehicle permit"
    )
    scores = Scores(
        overall=area("overall", 1.0, 1.0, 1.0),
        areas=[area(long_name, 1.0, 1.0, 1.0), area("perimeter", 1.0, None, 1.0)],
    )
    drawing = score_chart(scores, mini, "en")
    lines = [s for s in shapes(drawing, String) if s.text and s.text in long_name]
    assert len(lines) >= 4 and all(len(s.text) <= 32 for s in lines)
    assert " ".join(s.text for s in sorted(lines, key=lambda s: -s.y)) == long_name
    boxes = [extent(s) for s in shapes(drawing, String)]
    for left, bottom, right, top in boxes:
        assert 0 <= left and right <= drawing.width
        assert 0 <= bottom and top <= drawing.height
    for index, a in enumerate(boxes):
        for b in boxes[index + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a, b)
    # Names end left of the axis.
    zero = string(drawing, f"0{NBSP}%").x
    assert all(extent(s)[2] < zero for s in lines)
    # Four lines need a taller row than a one-line name: the drawing grows.
    short = score_chart(
        Scores(overall=scores.overall, areas=[area("x", 1, 1, 1), area("y", 1, 1, 1)]), mini, "en"
    )
    assert drawing.height > short.height


def test_the_drawing_grows_with_the_areas(mini):
    overall = area("overall", 0.5, 0.5, 0.5)
    heights = [
        score_chart(
            Scores(overall, [area(str(n), 0.5, 0.5, 0.5) for n in range(count)]), mini, "en"
        ).height
        for count in (2, 8)
    ]
    assert heights[1] - heights[0] == pytest.approx(6 * 0.4 * 72, abs=1)  # 0.4 in an area


def test_svg_names_fonts_as_css_and_draws_no_clip_box(mini):
    svg = chart_svg(score_chart(score_checklist(mini, {}), mini, "es")).decode("utf-8")
    assert "font-family: DejaVu Sans;" in svg and "font-weight: bold" in svg
    assert "DejaVuSans" not in svg
    assert "<clipPath" not in svg  # Qt's SVG renderer paints it as a black rectangle
    assert ">Puntos de acceso<" in svg and ">Total<" in svg


def test_the_pdf_uses_only_the_embedded_report_fonts(mini):
    pdf = renderPDF.drawToString(score_chart(score_checklist(mini, {}), mini, "en"))
    fonts = set(re.findall(rb"/BaseFont\s*/(\S+)", pdf))
    assert fonts and all(b"DejaVu" in name for name in fonts), fonts


def test_building_the_chart_loads_no_matplotlib():
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from avsec.io.checklists import load_checklist_file\n"
        "from avsec.core.scoring import score_checklist\n"
        "from avsec.report.figures.charts import chart_svg, score_chart\n"
        "mini = load_checklist_file(Path('tests/fixtures/mini-checklist.yaml'),"
        " check_references=False)\n"
        "chart_svg(score_chart(score_checklist(mini, {}), mini, 'en'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
