"""Map editor wiring: drawing, picking, vertex editing, attributes, layers, findings, import,
background image."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QMessageBox

from avsec.app.map_geometry import MapProjection
from avsec.core.findings import Finding
from avsec.core.scale import round_length as nice_length
from avsec.gui.map_foreground import length_label

LON, LAT = -78.3575, -0.12917  # the fixture airport


@pytest.fixture
def editor(qtbot, opened):
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    editor.view.resize(800, 600)
    editor.view.fitInView(-300, -300, 600, 600)
    return editor


def _pos(view, x, y) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def _click(qtbot, view, x, y, button=Qt.MouseButton.LeftButton):
    qtbot.mouseClick(view.viewport(), button, pos=_pos(view, x, y))


def _draw(qtbot, editor, kind, points, finish="double"):
    editor.set_tool(kind)
    for x, y in points:
        _click(qtbot, editor.view, x, y)
    if finish == "double":
        qtbot.mouseDClick(
            editor.view.viewport(), Qt.MouseButton.LeftButton, pos=_pos(editor.view, *points[-1])
        )
    elif finish == "enter":
        qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    return editor.session.doc.features


def _drag(qtbot, view, start, end):
    """Press on ``start``, move to ``end``, release (scene coordinates)."""
    viewport = view.viewport()
    a, b = _pos(view, *start), _pos(view, *end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(b),
        QPointF(viewport.mapToGlobal(b)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.mouseMoveEvent(move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_projection_round_trip_and_hostile_geometry():
    projection = MapProjection(LON, LAT)
    square = {
        "type": "Polygon",
        "coordinates": [[[LON, LAT], [LON + 0.001, LAT], [LON + 0.001, LAT + 0.001], [LON, LAT]]],
    }
    geometry = projection.project(square)
    assert geometry.family == "polygon" and geometry.parts[0].shape == (3, 2)
    x, y = geometry.parts[0][1]
    assert x == pytest.approx(111.3, abs=0.5) and y == pytest.approx(0, abs=0.01)
    assert geometry.parts[0][2][1] < 0  # north is up: negative scene y
    back = projection.to_geojson("polygon", geometry.parts, geometry.polygons)
    assert np.allclose(back["coordinates"][0], square["coordinates"][0], atol=1e-7)
    for hostile in (
        {"type": "Polygon", "coordinates": "x"},
        {"type": "Point"},
        None,
        {"type": "LineString", "coordinates": [[1, "a"]]},
        {"type": "LineString", "coordinates": [[float("nan"), 1], [2, 2]]},
    ):
        assert projection.project(hostile).parts == []


def test_scale_bar_lengths():
    assert nice_length(137) == 100 and nice_length(260) == 200 and nice_length(4900) == 2000
    assert length_label(200) == "200 m" and length_label(1500) == "1.5 km"


def test_draw_every_family_with_the_mouse(qtbot, editor):
    features = _draw(qtbot, editor, "sra", [(-100, -100), (100, -100), (100, 100)])
    assert [f.kind for f in features] == ["sra"]
    assert (
        features[0].geometry["type"] == "Polygon"
        and len(features[0].geometry["coordinates"][0]) == 4
    )
    features = _draw(qtbot, editor, "road", [(-150, 0), (0, 10), (150, 0)], finish="enter")
    assert features[-1].kind == "road" and len(features[-1].geometry["coordinates"]) == 3
    editor.set_tool("access_point")
    _click(qtbot, editor.view, 50, 50)
    point = editor.session.doc.features[-1]
    assert point.kind == "access_point" and point.geometry["type"] == "Point"
    lon, lat = point.geometry["coordinates"]
    pixel = 1 / editor.view.scale_factor()  # clicks land on whole pixels
    assert editor.scene.projection.point_to_scene(lon, lat) == pytest.approx((50, 50), abs=pixel)
    assert editor.selected_feature() == point.id
    assert editor.session.undo_stack.undoText() == "Add access point"


def test_escape_cancels_and_backspace_drops_a_vertex(qtbot, editor):
    editor.set_tool("barrier")
    _click(qtbot, editor.view, 0, 0)
    _click(qtbot, editor.view, 10, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Escape)
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    assert editor.session.doc.features == []
    _click(qtbot, editor.view, 0, 0)
    _click(qtbot, editor.view, 10, 0)
    _click(qtbot, editor.view, 20, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    assert len(editor.session.doc.features[0].geometry["coordinates"]) == 2
    editor.set_tool("building")
    _click(qtbot, editor.view, 0, 0)
    _click(qtbot, editor.view, 10, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)  # two vertices are no polygon
    assert len(editor.session.doc.features) == 1


def test_click_picks_features_points_first(qtbot, editor):
    _draw(qtbot, editor, "airside", [(-200, -200), (200, -200), (200, 200), (-200, 200)])
    _draw(qtbot, editor, "barrier", [(-200, 0), (200, 0)])
    editor.set_tool("access_point")
    _click(qtbot, editor.view, 100, 0)
    airside, barrier, gate = editor.session.doc.features
    editor.set_tool("select")
    _click(qtbot, editor.view, 100, 0)
    assert editor.selected_feature() == gate.id
    _click(qtbot, editor.view, -100, 1)
    assert editor.selected_feature() == barrier.id
    assert editor.attributes.editors["height_m"] is not None
    _click(qtbot, editor.view, -100, 100)
    assert editor.selected_feature() == airside.id
    _click(qtbot, editor.view, 280, 280)
    assert editor.selected_feature() == ""
    assert "Select a feature" in editor.attributes.empty.text()


def test_dragging_a_vertex_moves_it_and_undo_puts_it_back(qtbot, editor):
    _draw(qtbot, editor, "critical_part", [(-50, -50), (50, -50), (50, 50), (-50, 50)])
    feature = editor.session.doc.features[0]
    before = feature.geometry
    assert len(editor.scene.handles) == 4
    _drag(qtbot, editor.view, (50, 50), (80, 90))
    moved = editor.session.doc.feature(feature.id).geometry
    lon, lat = moved["coordinates"][0][2]
    assert editor.scene.projection.point_to_scene(lon, lat) == pytest.approx(
        (80, 90), abs=2 / editor.view.scale_factor()
    )
    assert editor.session.undo_stack.undoText() == "Move vertices of critical part"
    editor.session.undo_stack.undo()
    assert editor.session.doc.feature(feature.id).geometry == before
    assert editor.scene.feature_items[feature.id].parts[0][2] == pytest.approx(
        (50, 50), abs=2 / editor.view.scale_factor()
    )


def test_double_click_on_an_edge_adds_a_vertex_and_the_menu_deletes_one(qtbot, editor):
    _draw(qtbot, editor, "landside", [(-50, -50), (50, -50), (50, 50), (-50, 50)])
    feature_id = editor.session.doc.features[0].id
    qtbot.mouseDClick(
        editor.view.viewport(), Qt.MouseButton.LeftButton, pos=_pos(editor.view, 0, -50)
    )
    ring = editor.session.doc.feature(feature_id).geometry["coordinates"][0]
    assert len(ring) == 6
    assert editor.view.delete_vertex(0, 1)
    assert len(editor.session.doc.feature(feature_id).geometry["coordinates"][0]) == 5
    assert editor.view.delete_vertex(0, 0)
    assert not editor.view.delete_vertex(0, 0)  # a triangle keeps its three corners


def test_dragging_a_selected_point_moves_it(qtbot, editor):
    editor.set_tool("obstacle")
    _click(qtbot, editor.view, 0, 0)
    obstacle = editor.session.doc.features[0]
    _drag(qtbot, editor.view, (0, 0), (30, 40))
    lon, lat = editor.session.doc.feature(obstacle.id).geometry["coordinates"]
    assert editor.scene.projection.point_to_scene(lon, lat) == pytest.approx(
        (30, 40), abs=2 / editor.view.scale_factor()
    )


def test_attribute_panel_edits_each_field_kind(qtbot, editor):
    _draw(qtbot, editor, "barrier", [(-100, 0), (100, 0)])
    barrier_id = editor.session.doc.features[0].id
    panel = editor.attributes
    height = panel.editors["height_m"]
    height.setText("2,1")
    height.editingFinished.emit()
    assert editor.session.doc.feature(barrier_id).properties["height_m"] == 2.1
    topping = panel.editors["topping"]
    topping.setCurrentIndex(topping.findData("razor_wire"))
    topping.activated.emit(topping.currentIndex())
    lighting = panel.editors["lighting"]
    lighting.setCurrentIndex(lighting.findData(False))
    lighting.activated.emit(lighting.currentIndex())
    properties = editor.session.doc.feature(barrier_id).properties
    assert properties["topping"] == "razor_wire" and properties["lighting"] is False
    topping = panel.editors["topping"]
    topping.setCurrentIndex(0)
    topping.activated.emit(0)
    assert "topping" not in editor.session.doc.feature(barrier_id).properties
    kind = panel.editors["kind"]
    kind.setCurrentIndex(kind.findData("road"))
    kind.activated.emit(kind.currentIndex())
    assert editor.session.doc.feature(barrier_id).kind == "road"
    assert "height_m" not in panel.editors  # the road's fields now
    assert "height_m = 2.1" in panel.extra.text()  # kept, shown as another property


def test_delete_key_deletes_the_selected_feature(qtbot, editor, opened):
    _draw(qtbot, editor, "parking", [(-20, -20), (20, -20), (20, 20)])
    opened.activateWindow()
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert editor.session.doc.features == []
    assert editor.attributes.feature_id == ""


def test_layers_hide_and_show(qtbot, editor):
    _draw(qtbot, editor, "road", [(-100, 0), (100, 0)])
    item = next(iter(editor.scene.feature_items.values()))
    editor.layers.set_visible("road", False)
    assert not item.isVisible()
    editor.set_tool("select")
    _click(qtbot, editor.view, 0, 0)
    assert editor.selected_feature() == ""  # hidden features cannot be picked
    editor.layers.set_visible("road", True)
    assert item.isVisible()
    assert "Road (1)" in [editor.layers.item(i).text() for i in range(editor.layers.count())]


def _finding(items=("PER-01",), x=0.0, y=0.0):
    return Finding(
        rule="perimeter_gap",
        severity="critical",
        value=35.0,
        unit="m",
        location=(LON + x, LAT + y),
        geometry={
            "type": "LineString",
            "coordinates": [[LON + x, LAT + y], [LON + x + 0.0003, LAT + y]],
        },
        items=list(items),
        message={"en": "Opening of 35 m", "es": "Abertura de 35 m"},
    )


def test_findings_are_numbered_selectable_and_lead_to_their_items(qtbot, editor, opened):
    findings = [_finding(), _finding(items=("ACP-01",), x=0.001)]
    opened.session.set_findings(findings)
    assert sorted(editor.scene.finding_items) == sorted(f.id for f in findings)
    assert editor.findings.list.count() == 2
    assert editor.findings.list.item(1).text().startswith("F2. Perimeter gap")
    editor.findings.list.setCurrentRow(1)
    assert editor.scene.selected_finding == findings[1].id
    assert editor.scene.finding_outline is not None
    assert "ACP-01" in editor.findings.details.text()
    editor.set_tool("select")
    marker = editor.scene.finding_items[findings[0].id]
    qtbot.mouseClick(
        editor.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=editor.view.mapFromScene(marker.pos()),
    )
    assert editor.findings.current_finding() == findings[0].id
    editor.findings.details.linkActivated.emit("PER-01")
    assert opened.workspace.current_view() == "walker"
    assert opened.workspace.walker.current_item_id() == "PER-01"


def test_analyse_runs_the_rules(qtbot, editor, opened):
    _draw(qtbot, editor, "airside", [(-200, -200), (200, -200), (200, 200), (-200, 200)])
    assert "Run Analyse" in editor.findings.summary.text()
    editor.analyse()
    assert editor.findings.list.count() >= 1
    for feature in list(opened.session.doc.features):
        editor._on_delete_requested(feature.id)
    editor.analyse()
    assert "passes every geometry rule" in editor.findings.summary.text()


def test_photo_markers_lead_to_their_item(qtbot, editor, opened, tmp_path):
    from tests.gui.conftest import make_photo

    photo = make_photo(tmp_path / "p.jpg", lon=LON + 0.0005, lat=LAT)
    attachment = opened.session.add_photo("ACP-02", photo)
    assert list(editor.scene.photo_items) == [attachment]
    marker = editor.scene.photo_items[attachment]
    editor.set_tool("select")
    qtbot.mouseClick(
        editor.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=editor.view.mapFromScene(marker.pos()),
    )
    assert opened.workspace.walker.current_item_id() == "ACP-02"


def _geojson(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def test_import_geojson_adds_or_replaces_in_one_undo_step(qtbot, editor, tmp_path):
    line = {"type": "LineString", "coordinates": [[LON, LAT], [LON + 0.001, LAT]]}
    path = _geojson(
        tmp_path / "fence.geojson",
        [
            {
                "type": "Feature",
                "id": "f1",
                "geometry": line,
                "properties": {"kind": "barrier", "height_m": 2.5},
            },
            {"type": "Feature", "id": "f2", "geometry": line, "properties": {"kind": "road"}},
        ],
    )
    assert editor.import_layout(path, mode="add") == 2
    assert editor.import_layout(path, mode="add") == 2  # same ids: replaced, not doubled
    assert len(editor.session.doc.features) == 2
    other = _geojson(
        tmp_path / "gate.geojson",
        [
            {
                "type": "Feature",
                "id": "g1",
                "geometry": {"type": "Point", "coordinates": [LON, LAT]},
                "properties": {"kind": "access_point", "control": "staffed"},
            },
        ],
    )
    assert editor.import_layout(other, mode="replace") == 1
    assert [f.id for f in editor.session.doc.features] == ["g1"]
    assert editor.session.undo_stack.undoText() == "Replace the layout with gate.geojson"
    editor.session.undo_stack.undo()
    assert sorted(f.id for f in editor.session.doc.features) == ["f1", "f2"]
    assert sorted(editor.scene.feature_items) == ["f1", "f2"]


def test_a_broken_import_changes_nothing(qtbot, editor, tmp_path):
    bad = tmp_path / "broken.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [')
    assert editor.import_layout(bad, mode="add") == 0
    assert editor.session.doc.features == [] and editor.session.undo_stack.count() == 0
    boxes = [w for w in editor.findChildren(QMessageBox) if w.objectName() == "error-box"]
    assert boxes and "broken.geojson" in boxes[-1].text()


def test_import_openstreetmap_tags(qtbot, editor, tmp_path):
    ring = [
        [LON, LAT],
        [LON + 0.002, LAT],
        [LON + 0.002, LAT + 0.002],
        [LON, LAT + 0.002],
        [LON, LAT],
    ]
    path = _geojson(
        tmp_path / "osm.geojson",
        [
            {
                "type": "Feature",
                "id": "way/1",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {"aeroway": "aerodrome", "barrier": "fence"},
            },
        ],
    )
    assert editor.import_layout(path, source="osm", mode="add") >= 2
    assert {f.kind for f in editor.session.doc.features} >= {"airside", "barrier"}


def _image(path, width=200, height=100):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#88aa88"))
    assert image.save(str(path))
    return path


def test_background_from_a_world_file_is_kept_in_the_file(qtbot, editor, opened, tmp_path):
    image = _image(tmp_path / "ortho.png")
    (tmp_path / "ortho.pgw").write_text(f"0.00001\n0\n0\n-0.00001\n{LON - 0.001}\n{LAT + 0.0005}\n")
    assert editor.set_background_image(image)
    rect = editor.scene.background.sceneBoundingRect()
    assert rect.width() == pytest.approx(222.6, rel=0.02) and rect.height() == pytest.approx(
        110.6, rel=0.02
    )
    path = opened.session.path
    opened.close_session()
    opened.open_file(path)
    opened.show_view("map")
    scene = opened.workspace.map_editor().scene
    assert scene.background is not None
    assert scene.background.sceneBoundingRect().width() == pytest.approx(rect.width(), rel=1e-6)
    opened.workspace.map_editor().remove_background()
    assert scene.background is None and opened.session.extra("map_background") is None


def test_background_by_two_reference_points(qtbot, editor, tmp_path):
    image = _image(tmp_path / "plan.jpg")
    p1 = (0.0, 0.0, LON, LAT)
    east = editor.scene.projection.point_to_lonlat(100.0, 0.0)
    p2 = (200.0, 0.0, *east)  # 200 pixels = 100 m due east
    assert editor.set_background_image(image, [p1, p2])
    rect = editor.scene.background.sceneBoundingRect()
    assert rect.left() == pytest.approx(0, abs=0.1) and rect.width() == pytest.approx(100, rel=0.01)
    assert rect.height() == pytest.approx(50, rel=0.01)


def test_a_projected_world_file_is_refused(qtbot, editor, tmp_path):
    image = _image(tmp_path / "utm.png")
    (tmp_path / "utm.pgw").write_text("0.5\n0\n0\n-0.5\n780000\n9985000\n")
    assert not editor.set_background_image(image)
    assert editor.scene.background is None
    boxes = [w for w in editor.findChildren(QMessageBox) if w.objectName() == "error-box"]
    assert "two reference points" in boxes[-1].text()


def test_reference_points_dialog(qtbot):
    from avsec.gui.background_dialog import ReferencePointsDialog

    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    dialog = ReferencePointsDialog(image, (LON, LAT))
    qtbot.addWidget(dialog)
    dialog._on_accept()
    assert "two distinct points" in dialog.message.text()
    dialog.place(10, 20)
    dialog.lat[1].setValue(LAT + 0.001)
    dialog.place(250, 150)
    points = dialog.points()
    assert (
        points[0][:2] == (10, 20)
        and points[1][:2] == (250, 150)
        and points[1][3] == pytest.approx(LAT + 0.001)
    )
    dialog._on_accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_zoom_and_fit(qtbot, editor):
    _draw(qtbot, editor, "airside", [(-1000, -500), (1000, -500), (1000, 500)])
    editor.zoom(2.0)
    scale = editor.view.scale_factor()
    editor.zoom(0.5)
    assert editor.view.scale_factor() == pytest.approx(scale / 2)
    editor.fit()
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert visible.contains(QPointF(-1000, -500)) and visible.contains(QPointF(1000, 500))


def test_map_menu_actions_use_the_file_choosers(qtbot, editor, opened, tmp_path, monkeypatch):
    line = {"type": "LineString", "coordinates": [[LON, LAT], [LON + 0.001, LAT]]}
    layout = _geojson(
        tmp_path / "roads.geojson",
        [
            {"type": "Feature", "id": "r1", "geometry": line, "properties": {"kind": "road"}},
        ],
    )
    image = _image(tmp_path / "base.png")
    (tmp_path / "base.pgw").write_text(f"0.00001\n0\n0\n-0.00001\n{LON}\n{LAT}\n")
    chosen = iter([str(layout), str(image)])
    monkeypatch.setattr("avsec.gui.dialogs.choose_open_file", lambda *a, **k: next(chosen))
    opened.registry.action("map.import_geojson").trigger()
    assert [f.id for f in opened.session.doc.features] == ["r1"]
    opened.registry.action("map.background").trigger()
    assert editor.scene.background is not None
    opened.registry.action("map.background_remove").trigger()
    assert editor.scene.background is None
    opened.registry.action("map.fit").trigger()
    opened.registry.action("map.draw.road").trigger()
    assert editor.tool() == "road"
    opened.registry.action("map.select").trigger()
    assert editor.tool() == "select"


def test_findings_say_when_the_layout_changed_after_the_analysis(qtbot, editor, opened):
    _draw(qtbot, editor, "airside", [(-200, -200), (200, -200), (200, 200), (-200, 200)])
    editor.analyse()
    assert "run Analyse again" not in editor.findings.summary.text()
    _draw(qtbot, editor, "barrier", [(-200, -200), (200, -200)])
    assert "run Analyse again" in editor.findings.summary.text()
    editor.analyse()
    assert "run Analyse again" not in editor.findings.summary.text()
