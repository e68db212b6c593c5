"""The layout map (matplotlib object API); the score chart is in test_score_chart.py."""

from __future__ import annotations

import colorsys

import numpy as np
import pytest
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from reportdata import lonlat, point, polygon, sample_findings, sample_layout

from avsec.core import palette
from avsec.core.findings import Finding, finding_numbers
from avsec.core.layout import Feature
from avsec.geo.projection import LocalProjection
from avsec.report.figures.airport_map import _nice_length, layout_map
from avsec.report.figures.render import figure_image, figure_png


def texts(figure: Figure) -> list[str]:
    """Every text drawn in the figure (axes texts, tick labels, legend entries)."""
    figure_image(figure, 50)  # lays the figure out so tick labels exist
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]


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
    assert sorted(t for t in drawn if t in {"F1", "F2", "F3", "F4"}) == ["F1", "F2", "F3", "F4"]
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


def _disc_numbers(figure: Figure) -> dict[tuple[float, float], str]:
    """The number written at each place of the map (the finding discs)."""
    ax = figure.axes[0]
    return {
        (round(t.get_position()[0]), round(t.get_position()[1])): t.get_text()
        for t in ax.texts
        if isinstance(t, Text) and t.get_text()[:1] == "F" and t.get_text()[1:].isdigit()
    }


def test_discs_carry_the_apps_numbers(make_doc):
    """Disc n is the n-th finding in stored order, the number the app and the key show."""
    doc = make_doc()
    centre = LocalProjection(*lonlat(0, 0))
    figure = layout_map(doc.features, doc.findings, "en", projection=centre)
    numbers = finding_numbers(doc.findings)
    expected = {}
    for finding in doc.findings:
        x, y = centre.point_to_metres(*finding.location)
        expected[(round(x), round(y))] = f"F{numbers[finding.id]}"
    assert _disc_numbers(figure) == expected
    # Numbers given by the caller win (the report passes the app's).
    given = {f.id: 10 + i for i, f in enumerate(doc.findings)}
    figure = layout_map(doc.features, doc.findings, "en", projection=centre, numbers=given)
    assert sorted(_disc_numbers(figure).values()) == ["F10", "F11", "F12", "F13"]


def _hue(colour: object) -> float:
    return colorsys.rgb_to_hls(*to_rgb(colour))[0]


def test_map_uses_the_apps_colours(make_doc):
    doc = make_doc()
    figure = layout_map(doc.features, doc.findings, "en")
    legend = {h.get_label(): h for h in figure.legends[0].legend_handles}
    for label, kind in (
        ("Airside", "airside"),
        ("Security restricted area", "sra"),
        ("Critical part", "critical_part"),
        ("Landside", "landside"),
    ):
        handle = legend[label]
        assert isinstance(handle, Patch)
        stroke, fill = palette.KIND_COLOURS[kind]
        # Lightened for print, same hue; the outline is the app's.
        assert _hue(handle.get_facecolor()) == pytest.approx(_hue(fill), abs=0.02), label
        assert to_hex(handle.get_edgecolor()) == stroke
    assert legend["Critical part"].get_hatch()
    for severity in ("critical", "major", "minor"):
        marker = legend[f"Finding ({severity})"]
        assert to_hex(marker.get_markerfacecolor()) == palette.SEVERITY_COLOURS[severity]
    uncontrolled = legend["Uncontrolled access point"]
    assert to_hex(uncontrolled.get_markerfacecolor()) == palette.CONTROL_COLOURS["uncontrolled"]
    staffed = legend["Access point, staffed"]
    assert to_hex(staffed.get_markerfacecolor()) == palette.CONTROL_COLOURS["staffed"]


def test_critical_part_under_a_building_stays_visible():
    """A terminal drawn over the critical part must not hide it: its hatched outline is on top."""
    features = [
        polygon("airside", -500, -500, 500, 500),
        polygon("sra", -300, -300, 300, 300),
        polygon("critical_part", -100, -100, 100, 100),
        # The building covers the whole critical part and more.
        polygon("building", -200, -200, 200, 200, role="terminal"),
    ]
    centre = LocalProjection(*lonlat(0, 0))
    figure = layout_map(features, [], "en", projection=centre)
    image = np.asarray(figure_image(figure, 100)).astype(int)
    ax = figure.axes[0]
    height = image.shape[0]

    def box(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
        (px0, py0), (px1, py1) = ax.transData.transform([(x0, y0), (x1, y1)])
        return image[round(height - py1) : round(height - py0), round(px0) : round(px1)]

    magenta = np.array(
        [int(palette.KIND_COLOURS["critical_part"][0][i : i + 2], 16) for i in (1, 3, 5)]
    )

    def magenta_share(pixels: np.ndarray) -> float:
        near = np.abs(pixels - magenta).sum(axis=2) < 150
        return float(near.mean())

    inside = box(-90, -90, 90, 90)
    assert magenta_share(inside) > 0.05  # the hatching shows through the building
    building_only = box(120, 120, 190, 190)
    assert magenta_share(building_only) == 0.0


def test_layout_shapes_read_every_geometry_as_shapely_does():
    """The vectorised reading gives what ``shapely.geometry.shape`` gives feature by feature,
    and None for what the map cannot draw (unreadable, empty, not finite)."""
    from shapely.geometry import shape

    from avsec.report.figures.airport_map import layout_shapes

    good = [
        *sample_layout(),
        Feature(
            kind="road", geometry={"type": "LineString", "coordinates": [[0, 0, 5], [1, 1, 6]]}
        ),
        Feature(
            kind="building",
            geometry={"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]},
        ),
    ]
    bad = [
        Feature(kind="road", geometry={"type": "Nonsense", "coordinates": []}),
        Feature(kind="road", geometry={"type": "LineString", "coordinates": []}),
        Feature(kind="access_point", geometry={"type": "Point", "coordinates": [float("inf"), 0]}),
    ]
    shapes = layout_shapes([*good, *bad])
    for feature, geom in zip(good, shapes, strict=False):
        assert geom is not None and geom.equals(shape(feature.geometry))
    assert shapes[len(good) :] == [None, None, None]
