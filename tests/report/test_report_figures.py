"""The layout map (reportlab graphics); the score chart is in test_score_chart.py."""

from __future__ import annotations

import colorsys
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from reportdata import lonlat, point, polygon, sample_findings, sample_layout
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.shapes import Path as VectorPath

from avsec.core import palette
from avsec.core.findings import Finding, finding_numbers
from avsec.core.layout import Feature
from avsec.geo.projection import LocalProjection
from avsec.report.figures.airport_map import layout_map
from avsec.report.figures.map_canvas import MapCanvas, nice_length
from avsec.report.figures.track_layer import TrackLayer


def strings(drawing: Any) -> list[String]:
    """Every String of a reportlab drawing, groups opened."""
    found: list[String] = []
    for node in drawing.getContents():
        if isinstance(node, Group):
            found += strings(node)
        elif isinstance(node, String):
            found.append(node)
    return found


def map_texts(canvas: MapCanvas) -> list[str]:
    return [s.text for s in strings(canvas.drawing())]


def raster(drawing: Drawing, tmp_path: Path, dpi: int = 100) -> np.ndarray:
    """The drawing as RGB pixels, through the PDF and poppler (an independent renderer)."""
    pdf = tmp_path / "map.pdf"
    renderPDF.drawToFile(drawing, str(pdf))
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(tmp_path / "map")],
        check=True,
    )
    with Image.open(tmp_path / "map.png") as image:
        return np.asarray(image.convert("RGB")).astype(int)


def pixel_box(
    canvas: MapCanvas, image: np.ndarray, dpi: int, x0: float, y0: float, x1: float, y1: float
) -> np.ndarray:
    """The pixels of a box given in metres (the drawing's y axis points up, the image's down)."""
    height = image.shape[0]
    (ax, ay), (bx, by) = canvas.on_drawing(x0, y0), canvas.on_drawing(x1, y1)
    k = dpi / 72
    return image[round(height - by * k) : round(height - ay * k), round(ax * k) : round(bx * k)]


def test_layout_map_draws_legend_numbers_scale_and_north(make_doc):
    doc = make_doc()
    canvas = layout_map(doc.features, doc.findings, "en")
    drawn = map_texts(canvas)
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
    assert "N" in drawn and "metres" in drawn
    assert "500 m" in drawn or "1 km" in drawn or "200 m" in drawn


def test_layout_map_spanish_legend_and_number_format(make_doc):
    doc = make_doc()
    drawn = map_texts(layout_map(doc.features, doc.findings, "es"))
    assert "Parte aeronáutica" in drawn and "Zona de seguridad restringida" in drawn
    assert "Hallazgo (crítico)" in drawn and "metros" in drawn
    wide = [polygon("airside", -2500, -500, 2500, 500)]
    ticks = map_texts(layout_map(wide, [], "es"))
    assert "1.000" in ticks and "1,000" not in ticks  # Spain and Argentina write 1.000
    assert "1,000" in map_texts(layout_map(wide, [], "en"))


def test_nothing_to_map_gives_no_map():
    assert layout_map([], [], "es") is None


def test_findings_without_features_and_a_single_point():
    findings = sample_findings()[:1]
    assert layout_map([], findings, "en") is not None
    one = [point("access_point", 0, 0, control="uncontrolled")]
    x0, y0, x1, y1 = layout_map(one, [], "en").bounds
    assert x1 - x0 >= 100 and y1 - y0 >= 100


def test_broken_geometry_is_skipped():
    features = [
        *sample_layout(),
        Feature(kind="airside", geometry={"type": "Polygon", "coordinates": [[[0, 0]]]}),
        Feature(kind="road", geometry={"type": "Nonsense", "coordinates": []}),
    ]
    assert "Airside" in map_texts(layout_map(features, [], "en"))


def _square(half: float) -> list[list[float]]:
    return [lonlat(-half, -half), lonlat(half, -half), lonlat(half, half), lonlat(-half, half),
            lonlat(-half, -half)]  # fmt: skip


def test_a_hole_stays_empty_and_a_finding_fills_it(tmp_path):
    outer, hole = _square(500), _square(100)[::-1]
    feature = Feature(kind="sra", geometry={"type": "Polygon", "coordinates": [outer, hole]})
    centre = LocalProjection(*lonlat(0, 0))
    canvas = layout_map([feature], [], "en", projection=centre)
    image = raster(canvas.drawing(), tmp_path)
    assert (pixel_box(canvas, image, 100, -60, -60, 60, 60) == 255).all()  # the hole: paper
    ring = pixel_box(canvas, image, 100, 200, 200, 400, 400)
    assert (ring != 255).any(axis=2).all()  # the zone around it: filled
    finding = Finding(
        rule="sra_outside_airside",
        severity="major",
        value=1200.0,
        unit="m2",
        location=tuple(lonlat(300, 300)),
        geometry={"type": "Polygon", "coordinates": [hole]},
    )
    canvas = layout_map([feature], [finding], "en", projection=centre)
    image = raster(canvas.drawing(), tmp_path)
    assert (pixel_box(canvas, image, 100, -60, -60, 60, 60) != 255).any(axis=2).all()


def test_nice_scale_bar_lengths():
    assert nice_length(2800) == 500
    assert nice_length(7000) == 1000
    assert nice_length(120) == 20
    assert nice_length(10) == 2


def test_the_scale_bar_is_as_long_as_it_says(tmp_path):
    """The bar's length on paper, divided by the map's scale, is the length its label gives:
    measured against the frame's own metre ticks, read from the drawing."""
    canvas = layout_map([polygon("airside", -1000, -400, 1000, 400)], [], "en")
    drawing = canvas.drawing()
    bar = next(
        node for node in canvas_nodes(drawing) if isinstance(node, Rect) and node.height == 2.5
    )
    label = next(s.text for s in strings(drawing) if s.text.endswith(" m") or s.text.endswith("km"))
    metres = float(label.split()[0]) * (1000 if label.endswith("km") else 1)
    ticks = {
        float(s.text.replace(",", "")): s.x
        for s in strings(drawing)
        if s.textAnchor == "middle" and s.text.replace(",", "").lstrip("-").isdigit()
    }
    (v0, x0), (v1, x1) = sorted(ticks.items())[0], sorted(ticks.items())[-1]
    points_per_metre = (x1 - x0) / (v1 - v0)
    assert bar.width / points_per_metre == pytest.approx(metres, rel=1e-6)


def canvas_nodes(drawing: Any) -> list[Any]:
    found: list[Any] = []
    for node in drawing.getContents():
        found.append(node)
        if isinstance(node, Group):
            found += canvas_nodes(node)
    return found


def _disc_numbers(canvas: MapCanvas) -> dict[tuple[int, int], str]:
    """The number written at each place of the map (the finding discs), in frame points."""
    return {
        (round(s.x), round(s.y + 0.36 * s.fontSize)): s.text
        for s in strings(canvas.content)
        if s.text[:1] == "F" and s.text[1:].isdigit()
    }


def test_discs_carry_the_apps_numbers(make_doc):
    """Disc n is the n-th finding in stored order, the number the app and the key show."""
    doc = make_doc()
    centre = LocalProjection(*lonlat(0, 0))
    canvas = layout_map(doc.features, doc.findings, "en", projection=centre)
    numbers = finding_numbers(doc.findings)
    x0, y0, _, _ = canvas.bounds
    expected = {}
    for finding in doc.findings:
        x, y = centre.point_to_metres(*finding.location)
        at = (round((x - x0) * canvas.scale), round((y - y0) * canvas.scale))
        expected[at] = f"F{numbers[finding.id]}"
    assert _disc_numbers(canvas) == expected
    # Numbers given by the caller win (the report passes the app's).
    given = {f.id: 10 + i for i, f in enumerate(doc.findings)}
    canvas = layout_map(doc.features, doc.findings, "en", projection=centre, numbers=given)
    assert sorted(_disc_numbers(canvas).values()) == ["F10", "F11", "F12", "F13"]


def _hue(colour: str) -> float:
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return colorsys.rgb_to_hls(*rgb)[0]


def test_map_uses_the_apps_colours(make_doc):
    doc = make_doc()
    keys = {k.label: k for k in layout_map(doc.features, doc.findings, "en").keys}
    for label, kind in (
        ("Airside", "airside"),
        ("Security restricted area", "sra"),
        ("Critical part", "critical_part"),
        ("Landside", "landside"),
    ):
        key = keys[label]
        assert key.shape == "area"
        stroke, fill = palette.KIND_COLOURS[kind]
        # Lightened for print, same hue; the outline is the app's.
        assert _hue(key.fill) == pytest.approx(_hue(fill), abs=0.02), label
        assert key.stroke.lower() == stroke.lower()
    assert keys["Critical part"].hatched
    for severity in ("critical", "major", "minor"):
        assert keys[f"Finding ({severity})"].fill == palette.SEVERITY_COLOURS[severity]
    assert keys["Uncontrolled access point"].fill == palette.CONTROL_COLOURS["uncontrolled"]
    assert keys["Access point, staffed"].fill == palette.CONTROL_COLOURS["staffed"]


def test_critical_part_under_a_building_stays_visible(tmp_path):
    """A terminal drawn over the critical part must not hide it: its hatched outline is on top."""
    features = [
        polygon("airside", -500, -500, 500, 500),
        polygon("sra", -300, -300, 300, 300),
        polygon("critical_part", -100, -100, 100, 100),
        # The building covers the whole critical part and more.
        polygon("building", -200, -200, 200, 200, role="terminal"),
    ]
    centre = LocalProjection(*lonlat(0, 0))
    canvas = layout_map(features, [], "en", projection=centre)
    image = raster(canvas.drawing(), tmp_path)
    magenta = np.array(
        [int(palette.KIND_COLOURS["critical_part"][0][i : i + 2], 16) for i in (1, 3, 5)]
    )

    def magenta_share(pixels: np.ndarray) -> float:
        near = np.abs(pixels - magenta).sum(axis=2) < 150
        return float(near.mean())

    inside = pixel_box(canvas, image, 100, -90, -90, 90, 90)
    assert magenta_share(inside) > 0.05  # the hatching shows through the building
    building_only = pixel_box(canvas, image, 100, 120, 120, 190, 190)
    assert magenta_share(building_only) == 0.0


def test_what_lies_outside_the_frame_is_cut_off():
    """A GPS track walked far beyond the layout is clipped to the map, not drawn over the legend."""
    centre = LocalProjection(*lonlat(0, 0))
    walk = [tuple(lonlat(-300, 0)), tuple(lonlat(30000, 0))]
    canvas = layout_map(
        [polygon("airside", -500, -500, 500, 500)],
        [],
        "en",
        projection=centre,
        tracks=TrackLayer([walk]),
    )
    paths = [n for n in canvas_nodes(canvas.content) if isinstance(n, VectorPath)]
    xs = [x for path in paths for x in path.points[0::2]]
    assert max(xs) <= canvas.frame_width + 2.5 and min(xs) >= -2.5


def test_a_fine_perimeter_is_drawn_with_what_print_can_show():
    """A 20,000-vertex round perimeter is simplified to far fewer points, and the area drawn
    stays within 0.1 % of the area of the circle (pi r^2 by hand)."""
    radius = 1500.0
    angles = np.linspace(0, 2 * math.pi, 20000, endpoint=False)
    ring_m = [(radius * math.cos(a), radius * math.sin(a)) for a in angles]
    centre = LocalProjection(*lonlat(0, 0))
    ring_ll = [list(centre.point_to_lonlat(x, y)) for x, y in ring_m]
    feature = Feature(
        kind="airside", geometry={"type": "Polygon", "coordinates": [[*ring_ll, ring_ll[0]]]}
    )
    canvas = layout_map([feature], [], "en", projection=centre)
    (fill, *_) = [n for n in canvas_nodes(canvas.content) if isinstance(n, VectorPath)]
    xy = np.array(fill.points).reshape(-1, 2) / canvas.scale
    assert len(xy) < 2000
    x, y = xy[:, 0], xy[:, 1]
    shoelace = abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2
    assert shoelace == pytest.approx(math.pi * radius**2, rel=1e-3)


def test_drawing_a_map_loads_no_matplotlib():
    """The report's maps are reportlab graphics: building one imports no matplotlib."""
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from reportdata import sample_layout\n"
        "from avsec.report.figures.airport_map import layout_map\n"
        "layout_map(sample_layout(), [], 'en').drawing()\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


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


def test_an_invalid_critical_part_is_still_hatched() -> None:
    """Two self-crossing rings (bow ties drawn by hand, whose union GEOS refuses) neither
    stop the map nor its hatching."""
    ties = (
        [(-100, -100), (100, 100), (100, -100), (-100, 100)],
        [(-50, -120), (60, 90), (80, -100), (-90, 110)],
    )
    features = [polygon("airside", -500, -500, 500, 500)] + [
        Feature(
            kind="critical_part",
            geometry={
                "type": "Polygon",
                "coordinates": [[lonlat(x, y) for x, y in [*tie, tie[0]]]],
            },
        )
        for tie in ties
    ]
    canvas = layout_map(features, [], "en", projection=LocalProjection(*lonlat(0, 0)))
    hatch = [n for n in canvas_nodes(canvas.content) if isinstance(n, VectorPath)]
    assert len(hatch) >= 3  # airside, the critical part, its outline and its hatching


@pytest.mark.parametrize("lang", ["en", "es", "pt", "fr"])
def test_no_legend_label_runs_into_the_next_column(make_doc, lang: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    doc = make_doc()
    features = [*doc.features, point("access_point", 50, 50, control="electronic")]
    drawing = layout_map(features, doc.findings, lang).drawing()
    labels = [s for s in strings(drawing) if s.y < 60 and s.textAnchor == "start"]
    starts = sorted({round(s.x) for s in labels})
    assert len(starts) in (2, 3)
    column = drawing.width / len(starts)
    for s in labels:
        right = s.x + stringWidth(s.text, s.fontName, s.fontSize)
        assert right <= (s.x // column + 1) * column, (s.text, right)
