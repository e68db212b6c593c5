"""Nothing is created or imported by accident: Enter on a suggestion, a far layout."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

LON, LAT = -78.3575, -0.12917  # the fixture airport


def test_enter_on_a_suggestion_picks_the_airport_and_does_not_create(qtbot, window, monkeypatch):
    monkeypatch.setattr("avsec.gui.dialogs.choose_save_file", lambda *a, **k: "")
    page = window.start_page
    created = []
    page.create_requested.connect(created.append)
    window.activateWindow()
    page.airport_field.setFocus()
    qtbot.waitUntil(page.airport_field.hasFocus)
    qtbot.keyClicks(page.airport_field, "Quito")
    page.airport_field.search_now()
    popup = page.airport_field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert page.airport_field.airport() is not None
    assert page.airport_field.airport().city == "Quito"
    assert created == []
    # A second Enter, with the airport chosen, is a deliberate Create.
    qtbot.keyClick(page.airport_field, Qt.Key.Key_Return)
    assert len(created) == 1 and created[0]["airport"].city == "Quito"


def _far_layout(path):
    # Ten degrees of longitude east of the airport on the equator: about 1 110 km, far beyond
    # the 50 km check; swapping lon and lat would not bring it near either.
    line = {"type": "LineString", "coordinates": [[LON + 10, LAT], [LON + 10.001, LAT]]}
    feature = {"type": "Feature", "id": "far1", "geometry": line, "properties": {"kind": "road"}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


def _answer_confirm(qtbot, button_text, seen):
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "confirm-box":
            QTimer.singleShot(20, answer)
            return
        seen.append((box.text(), box.defaultButton().text()))
        for button in box.buttons():
            if button.text() == button_text:
                button.click()

    QTimer.singleShot(0, answer)


def _editor(opened):
    opened.show_view("map")
    return opened.workspace.map_editor()


def test_a_far_layout_asks_first_and_cancel_changes_nothing(qtbot, opened, tmp_path):
    editor = _editor(opened)
    seen = []
    _answer_confirm(qtbot, "Cancel", seen)
    assert editor.import_layout(_far_layout(tmp_path / "far.geojson"), mode="add") == 0
    assert seen and "far.geojson" in seen[0][0] and seen[0][1] == "Cancel"
    assert editor.session.doc.features == []
    assert editor.session.undo_stack.count() == 0


def test_a_far_layout_imports_when_the_user_says_so(qtbot, opened, tmp_path):
    editor = _editor(opened)
    seen = []
    _answer_confirm(qtbot, "Import anyway", seen)
    assert editor.import_layout(_far_layout(tmp_path / "far.geojson"), mode="add") == 1
    assert [f.id for f in editor.session.doc.features] == ["far1"]


def test_a_near_layout_imports_without_asking(qtbot, opened, tmp_path):
    editor = _editor(opened)
    line = {"type": "LineString", "coordinates": [[LON, LAT], [LON + 0.001, LAT]]}
    feature = {"type": "Feature", "id": "n1", "geometry": line, "properties": {"kind": "road"}}
    path = tmp_path / "near.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    assert editor.import_layout(path, mode="add") == 1
    assert not [w for w in editor.findChildren(QMessageBox) if w.objectName() == "confirm-box"]
