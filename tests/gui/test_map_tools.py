"""A map you can read: overlapping markers cluster, features carry their names, the measure
tool reads metres (checked against pyproj's geodesic, an independent reference), and "fit to
layout" fills the view."""

from __future__ import annotations

import json

import pytest
from pyproj import Geod
from PySide6.QtCore import Qt

from avsec.core.findings import Finding
from tests.gui.test_map import LAT, LON, _click, _draw, _pos

GEOD = Geod(ellps="WGS84")


@pytest.fixture
def editor(qtbot, opened):
    opened.resize(1280, 720)
    opened.show()
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    qtbot.waitExposed(editor.view)
    editor.view.fitInView(-300, -300, 600, 600)
    return editor


def _finding(dx_m: float, dy_m: float, severity: str = "major") -> Finding:
    lon, lat = LON + dx_m / 111_320.0, LAT + dy_m / 110_574.0
    return Finding(
        rule="clear_zone_obstruction",
        severity=severity,
        value=2.0,
        unit="m",
        location=(lon, lat),
        geometry={"type": "Point", "coordinates": [lon, lat]},
        items=["PER-01"],
        message={"en": "Obstruction", "es": "Obstrucción"},
    )


def test_overlapping_findings_cluster_with_a_count_and_a_click_opens_them(qtbot, editor):
    from avsec.gui.map_overlays import ClusterMarker

    # Three findings within 6 m of each other, one 250 m away.
    editor.session.set_findings(
        [_finding(0, 0, "critical"), _finding(5, 0), _finding(0, 6), _finding(250, 0)]
    )
    editor.view.fitInView(-300, -300, 600, 600)
    editor.view._zoom_changed()
    scene = editor.scene
    assert editor.view.scale_factor() < 2  # 6 m is a few pixels: the markers overlap
    assert len(scene.cluster_items) == 1
    cluster = scene.cluster_items[0]
    assert isinstance(cluster, ClusterMarker) and cluster.text == "3"
    assert cluster.layer == "findings" and cluster.isVisible()
    # It takes the colour of its worst finding and says what it holds.
    assert cluster.colour.name() == "#b71c1c"
    assert "3 findings" in cluster.toolTip()
    shown = [m for m in scene.finding_items.values() if m.isVisible()]
    assert len(shown) == 1  # only the far one stands alone
    # A click on the cluster zooms in until its findings stand apart.
    point = editor.view.mapFromScene(cluster.pos())
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert scene.cluster_items == []
    assert all(m.isVisible() for m in list(scene.finding_items.values())[:3])
    # Zooming out far enough brings the cluster back; hiding the layer hides it too.
    for _ in range(12):
        editor.zoom(0.8)
    assert len(scene.cluster_items) == 1
    editor.layers.set_visible("findings", False)
    assert scene.cluster_items == []
    assert not any(m.isVisible() for m in scene.finding_items.values())
    editor.layers.set_visible("findings", True)
    assert len(scene.cluster_items) == 1


def test_selecting_a_clustered_finding_shows_it_alone(qtbot, editor):
    editor.session.set_findings([_finding(0, 0), _finding(3, 0), _finding(0, 3)])
    editor.view.fitInView(-3000, -3000, 6000, 6000)
    editor.view._zoom_changed()
    first = editor.session.doc.findings[0].id
    editor.scene.select_finding(first)
    assert editor.scene.finding_items[first].isVisible()
    assert [c.text for c in editor.scene.cluster_items] == ["2"]


def test_feature_labels_toggle_and_the_choice_is_remembered(qtbot, opened, editor, tmp_path):
    features = [
        {
            "type": "Feature",
            "id": "g1",
            "geometry": {"type": "Point", "coordinates": [LON, LAT - 0.0005]},
            "properties": {"kind": "access_point", "name": "Gate 3", "name:es": "Puerta 3"},
        },
        {
            "type": "Feature",
            "id": "t1",
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [
                        [LON, LAT],
                        [LON + 0.001, LAT],
                        [LON + 0.001, LAT + 0.001],
                        [LON, LAT + 0.001],
                        [LON, LAT],
                    ]
                ],
            },
            "properties": {"kind": "building", "name": "Terminal"},
        },
        {
            "type": "Feature",
            "id": "r1",
            "geometry": {"type": "LineString", "coordinates": [[LON, LAT], [LON + 0.001, LAT]]},
            "properties": {"kind": "road"},
        },
    ]
    path = tmp_path / "named.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    assert editor.import_layout(path, mode="add") == 3
    scene = editor.scene
    assert scene.label_items == {}  # off by default
    # Hovering names a feature whether or not labels are drawn.
    assert scene.feature_items["t1"].toolTip() == "Terminal"
    action = opened.registry.action("map.labels")
    assert action.isCheckable() and action.isEnabled()
    action.trigger()
    assert action.isChecked()
    assert {k: v.text for k, v in scene.label_items.items()} == {"g1": "Gate 3", "t1": "Terminal"}
    # The terminal's name sits inside the terminal.
    label = scene.label_items["t1"]
    assert scene.feature_items["t1"].distance(label.pos().x(), label.pos().y()) == 0
    assert opened.preferences.map_labels is True
    # Zoomed far out the two names would overlap: one gives way until the user zooms in.
    for _ in range(14):
        editor.zoom(0.8)
    assert [k for k, v in scene.label_items.items() if v.isVisible()] == ["g1"]
    for _ in range(14):
        editor.zoom(1.25)
    assert all(v.isVisible() for v in scene.label_items.values())
    # A hidden layer hides its labels.
    editor.layers.set_visible("access_point", False)
    assert not scene.label_items["g1"].isVisible()
    editor.layers.set_visible("access_point", True)
    # Reopening the file (a new map) shows the labels again, in the UI language.
    file = opened.session.path
    opened.close_session()
    from avsec.gui.i18n import set_language

    set_language("es")
    assert opened.open_file(file)
    opened.show_view("map")
    again = opened.workspace.map_editor().scene
    assert again.label_items["g1"].text == "Puerta 3"
    action.trigger()
    assert again.label_items == {} and opened.preferences.map_labels is False


def test_measure_reads_metres_as_the_geodesic_does(qtbot, opened, editor):
    view = editor.view
    opened.registry.action("map.measure").trigger()
    assert view.tool == "measure" and opened.registry.action("map.measure").isChecked()
    corners = [(-250, -200), (250, -200), (250, 200), (-200, 220)]
    _click(qtbot, view, *corners[0])
    _click(qtbot, view, *corners[1])
    clicked = [view.mapToScene(_pos(view, x, y)) for x, y in corners]
    projection = editor.scene.projection
    lonlat = [projection.point_to_lonlat(p.x(), p.y()) for p in clicked]
    # Two points: the distance, as pyproj's geodesic on the WGS84 ellipsoid has it.
    result = view.measure_tool.measurement()
    _, _, expected = GEOD.inv(*lonlat[0], *lonlat[1])
    assert result.length_m == pytest.approx(expected, rel=1e-3)
    assert "Distance" in view.measure_tool.text() and "Area" not in view.measure_tool.text()
    _click(qtbot, view, *corners[2])
    _click(qtbot, view, *corners[3])
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_pos(view, *corners[3]))
    result = view.measure_tool.measurement()
    assert result.points == 4 and view.measure_tool.done
    lons, lats = zip(*lonlat, strict=True)
    area, _ = GEOD.polygon_area_perimeter(lons, lats)
    length = sum(GEOD.inv(*lonlat[i], *lonlat[i + 1])[2] for i in range(3))
    assert result.length_m == pytest.approx(length, rel=1e-3)
    assert result.area_m2 == pytest.approx(abs(area), rel=1e-3)
    text = view.measure_tool.text()
    assert f"{round(result.length_m, 1):,.1f} m" in text and "m²" in text and "ha" in text
    # The map shows it; nothing was drawn into the layout.
    assert opened.session.doc.features == []
    # A new click starts a new measurement; Escape clears it; S goes back to selecting.
    _click(qtbot, view, 0, 0)
    assert view.measure_tool.measurement().points == 1
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.measure_tool.text() == "" and view.measure_tool.path is None
    opened.registry.action("map.select").trigger()
    assert view.tool == "select"


def test_measure_in_spanish_writes_spanish_numbers(qtbot, opened, editor):
    from avsec.gui.i18n import set_language

    set_language("es")
    view = editor.view
    editor.set_tool("measure")
    for x, y in [(0, 0), (200, 0), (200, 100)]:
        _click(qtbot, view, x, y)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    text = view.measure_tool.text()
    assert text.startswith("Distancia:") and "Superficie:" in text


def test_fit_to_layout_fills_the_view_and_follows_resizes(qtbot, opened, editor):
    _draw(qtbot, editor, "airside", [(-1000, -500), (1000, -500), (1000, 500), (-1000, 500)])
    editor.set_tool("select")
    opened.registry.action("map.fit").trigger()
    view = editor.view

    def spans() -> tuple[float, float]:
        box = editor.scene.layout_rect()
        top_left, bottom_right = (
            view.mapFromScene(box.topLeft()),
            view.mapFromScene(box.bottomRight()),
        )
        port = view.viewport().rect()
        return (
            (bottom_right.x() - top_left.x()) / port.width(),
            (bottom_right.y() - top_left.y()) / port.height(),
        )

    assert max(spans()) >= 0.9 and max(spans()) <= 1.0
    # The map takes the width the side panes leave: more than half the window at 1280x720.
    assert view.viewport().width() >= 0.55 * opened.width()
    # The window grows: the layout fills the view again without pressing F.
    opened.resize(1600, 900)
    qtbot.waitUntil(lambda: max(spans()) >= 0.9)
    # After a zoom, a resize keeps the user's view.
    editor.zoom(2.0)
    scale = view.scale_factor()
    opened.resize(1280, 720)
    qtbot.wait(20)
    assert view.scale_factor() == pytest.approx(scale)


def test_a_selected_gate_neither_narrows_the_map_nor_hides_the_findings(qtbot, opened, editor):
    from PySide6.QtWidgets import QScrollArea

    from tests.gui.test_map import _finding as finding_at

    opened.apply_language("es")  # the longest labels
    editor = opened.workspace.map_editor()
    opened.session.set_findings([finding_at(x=0.001 * n) for n in range(12)])
    _draw(qtbot, editor, "access_point", [(0, 0)])
    gate = opened.session.doc.features[-1].id
    editor.select_feature("")
    qtbot.wait(50)
    width = editor.view.width()
    editor.select_feature(gate)
    qtbot.wait(50)
    assert editor.attributes.feature_id == gate
    assert editor.view.width() >= width - 2  # the gate's ten fields do not widen the pane
    scroll = editor.findChild(QScrollArea, "attributes-scroll")
    assert scroll.verticalScrollBar().maximum() > 0  # they scroll in their box instead
    findings = editor.findings.list
    shown = [
        row
        for row in range(findings.count())
        if findings.visualItemRect(findings.item(row)).bottom() <= findings.viewport().height()
    ]
    assert len(shown) >= 8
