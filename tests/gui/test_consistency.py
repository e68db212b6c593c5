"""The app and the report agree: finding numbers from core.findings, colours from core.palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from avsec.core import palette
from avsec.core.actions import Action
from avsec.core.commands import SetAction
from avsec.core.findings import Finding, finding_numbers
from avsec.gui.outline_model import COLUMNS

LON, LAT = -78.3575, -0.12917


def _finding(rule, dx, items=("PER-01",), severity="major"):
    return Finding(
        rule=rule,
        severity=severity,
        value=10.0,
        unit="m",
        location=(LON + dx, LAT),
        geometry={"type": "Point", "coordinates": [LON + dx, LAT]},
        items=list(items),
        message={"en": f"{rule} here"},
    )


def test_finding_numbers_are_the_same_on_map_list_item_page_and_outline(qtbot, opened):
    gap = _finding("perimeter_gap", 0.0, severity="critical")
    low = _finding("barrier_below_height", 0.001)
    crossing = _finding("uncontrolled_crossing", 0.002, items=("PER-01", "ACP-01"))
    # The same gap stored twice must not shift the numbers after it.
    stored = [gap, low, gap.model_copy(), crossing]
    expected = finding_numbers(stored)
    assert expected == {gap.id: 1, low.id: 2, crossing.id: 3}
    session = opened.session
    session.set_findings(stored)
    assert {f.id: session.finding_number(f.id) for f in stored} == expected

    opened.show_view("map")
    editor = opened.workspace.map_editor()
    markers = editor.scene.finding_items
    labels = {key: f"F{n}" for key, n in expected.items()}
    assert {key: marker.text for key, marker in markers.items()} == labels
    rows = [editor.findings.list.item(i) for i in range(editor.findings.list.count())]
    listed = {row.data(Qt.ItemDataRole.UserRole): row.text().split(".")[0] for row in rows}
    assert listed == labels
    assert editor.findings.summary.text().startswith("3 findings")

    walker = opened.workspace.walker
    walker.select_item("PER-01")
    page = walker.page.findings
    shown = {
        page.item(i).data(Qt.ItemDataRole.UserRole): page.item(i).text().split(".")[0]
        for i in range(page.count())
    }
    assert shown == labels

    action = Action(title="Close the gaps", findings=[crossing.id, gap.id], items=["PER-01"])
    session.push(SetAction(action.id, None, action))
    outline = opened.workspace.outline_editor()
    column = [title for _, title in COLUMNS].index("Findings")
    index = outline.model.index(outline.model.row_of(action.id), column)
    assert outline.model.data(index) == "F3, F1"

    # Analysed again with the layout unchanged: the crossing keeps F3 on the map and in the
    # list, the gap that vanished keeps F1 reserved, a new one takes F4.
    new = _finding("clear_zone_obstruction", 0.003)
    session.set_findings([new, crossing])
    markers = editor.scene.finding_items
    assert {key: marker.text for key, marker in markers.items()} == {
        crossing.id: "F3",
        new.id: "F4",
    }
    rows = [editor.findings.list.item(i) for i in range(editor.findings.list.count())]
    assert [row.text().split(".")[0] for row in rows] == ["F4", "F3"]
    assert outline.model.data(index) == "F3"


def test_map_items_are_drawn_in_the_palette_colours(qtbot):
    """Each kind's outline and fill on the map are the palette's; a damaged fence is red."""
    import numpy as np

    from avsec.gui.map_items import FeatureItem

    ring = [np.array([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)])]
    for kind, (stroke, fill) in palette.KIND_COLOURS.items():
        if kind == "access_point":
            continue  # a point: drawn by PointFeatureItem (below)
        family = "polygon" if fill else "line"
        item = FeatureItem("f", kind, {}, family, ring)
        assert item.pen().color().name() == stroke, kind
        if fill:
            assert item.brush().color().name() == fill, kind
            assert 0 < item.brush().color().alpha() < 255, kind  # the map shows through
        else:
            assert item.brush().style() == Qt.BrushStyle.NoBrush, kind
    damaged = FeatureItem("d", "barrier", {"condition": "damaged"}, "line", ring)
    assert damaged.pen().color().name() == "#c62828"
    assert damaged.pen().style() == Qt.PenStyle.DashLine


def _drawn_centre(draw) -> QColor:
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.translate(20, 20)
    draw(painter)
    painter.end()
    return image.pixelColor(20, 20)


def test_the_map_draws_with_the_palette(qtbot):
    import numpy as np

    from avsec.gui.map_items import PointFeatureItem, finding_marker, photo_marker

    gate = PointFeatureItem("g", "access_point", {"control": "uncontrolled"}, np.zeros(2))
    assert _drawn_centre(gate._draw).name() == palette.CONTROL_COLOURS["uncontrolled"]
    assert finding_marker("f", 1, "critical").colour.name() == palette.SEVERITY_COLOURS["critical"]
    assert photo_marker("p").colour.name() == palette.PHOTO_COLOUR
