"""The score chart and the layout map (matplotlib object API)."""

from __future__ import annotations

from matplotlib.figure import Figure
from reportdata import lonlat, point, sample_findings, sample_layout

from avsec.core.assessment import Response, Status
from avsec.core.findings import Finding
from avsec.core.layout import Feature
from avsec.core.scoring import score_checklist
from avsec.geo.projection import LocalProjection
from avsec.report.figures import _nice_length, figure_image, figure_png, layout_map, score_chart


def texts(figure: Figure) -> list[str]:
    """Every text drawn in the figure (axes texts, tick labels, legend entries)."""
    figure_image(figure, 50)  # lays the figure out so tick labels exist
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


def test_score_chart_shows_every_area_and_the_overall(mini):
    responses = {
        "PER-01": Response(item_id="PER-01", status=Status.COMPLIANT),
        "PER-02": Response(item_id="PER-02", status=Status.PARTIALLY_COMPLIANT),
    }
    scores = score_checklist(mini, responses)
    figure = score_chart(scores, mini, "es")
    assert isinstance(figure, Figure)
    drawn = texts(figure)
    for label in ("Perímetro", "Puntos de acceso", "Total", "Cobertura", "Aplicación eficaz (EI)"):
        assert label in drawn, label
    # Access points has nothing assessed: no figure rather than 0 %.
    assert "s. d." in drawn
    assert "50\u00a0%" in drawn  # EI of the perimeter


def test_layout_map_draws_legend_numbers_scale_and_north(make_doc):
    doc = make_doc()
    figure = layout_map(doc.features, doc.findings, "en")
    drawn = texts(figure)
    for label in (
        "Airside",
        "Security restricted area",
        "Critical part",
        "Perimeter fence",
        "Wall",
    ):
        assert label in drawn, label
    assert "Uncontrolled access point" in drawn and "Damaged barrier" in drawn
    assert "Finding (critical)" in drawn and "Finding (minor)" in drawn
    assert [str(n) for n in range(1, 5)] == [t for t in drawn if t in {"1", "2", "3", "4"}][:4]
    assert "N" in drawn
    assert "500 m" in drawn or "1 km" in drawn
    image = figure_image(figure, 100)
    assert image.mode == "RGB" and image.width == round(figure.get_figwidth() * 100)


def test_layout_map_spanish_legend(make_doc):
    doc = make_doc()
    drawn = texts(layout_map(doc.features, doc.findings, "es"))
    assert "Parte aeronáutica" in drawn and "Zona de seguridad restringida" in drawn
    assert "Hallazgo (crítico)" in drawn and "metros" in drawn


def test_empty_layout_gives_a_figure_saying_so():
    figure = layout_map([], [], "es")
    assert "No se ha trazado el plano de esta evaluación." in texts(figure)
    assert figure_png(figure, 40).startswith(b"\x89PNG")


def test_findings_without_features_and_a_single_point():
    findings = sample_findings()[:1]
    assert layout_map([], findings, "en").axes
    one = [point("access_point", 0, 0, control="uncontrolled")]
    figure = layout_map(one, [], "en")
    (x0, x1), (y0, y1) = figure.axes[0].get_xlim(), figure.axes[0].get_ylim()
    assert x1 - x0 >= 100 and y1 - y0 >= 100


def test_broken_geometry_is_skipped():
    features = [
        *sample_layout(),
        Feature(kind="airside", geometry={"type": "Polygon", "coordinates": [[[0, 0]]]}),
        Feature(kind="road", geometry={"type": "Nonsense", "coordinates": []}),
    ]
    assert "Airside" in texts(layout_map(features, [], "en"))


def test_polygon_with_a_hole_and_a_given_projection():
    outer = [
        lonlat(-500, -500),
        lonlat(500, -500),
        lonlat(500, 500),
        lonlat(-500, 500),
        lonlat(-500, -500),
    ]
    hole = [
        lonlat(-100, -100),
        lonlat(-100, 100),
        lonlat(100, 100),
        lonlat(100, -100),
        lonlat(-100, -100),
    ]
    feature = Feature(kind="sra", geometry={"type": "Polygon", "coordinates": [outer, hole]})
    finding = Finding(
        rule="sra_outside_airside",
        severity="major",
        value=1200.0,
        unit="m2",
        location=tuple(lonlat(0, 0)),
        geometry={"type": "Polygon", "coordinates": [hole]},
    )
    centre = LocalProjection(*lonlat(0, 0))
    figure = layout_map([feature], [finding], "en", projection=centre)
    image = figure_image(figure, 60)
    assert image.getpixel((image.width // 2, image.height // 2)) != (255, 255, 255)


def test_nice_scale_bar_lengths():
    assert _nice_length(2800) == 500
    assert _nice_length(7000) == 1000
    assert _nice_length(120) == 20
    assert _nice_length(10) == 2
