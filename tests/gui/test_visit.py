"""A whole inspection visit through the GUI: create, answer by keyboard, note, photo, draw,
analyse, undo, close, reopen (issue 5, point 9)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from tests.gui.conftest import FIXTURES, make_photo, status


def _scene_to_view(view, x, y):
    return view.mapFromScene(x, y)


def _click_map(qtbot, view, x, y, double=False):
    pos = _scene_to_view(view, x, y)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_whole_visit(qtbot, window, tmp_path, monkeypatch, preferences):
    target = tmp_path / "seqm-visit.avsec"
    monkeypatch.setattr("avsec.gui.dialogs.choose_save_file", lambda *a, **k: str(target))

    # --- new assessment from the start page: airport by code, mini checklist -----------------
    page = window.start_page
    qtbot.keyClicks(page.airport_field, "SEQM")
    page.airport_field.search_now()
    assert page.airport_field.airport().icao == "SEQM"
    assert "Mariscal Sucre" in page.title_field.text()
    page.checklist_combo.addItem("mini", str(FIXTURES / "mini-checklist.yaml"))
    page.checklist_combo.setCurrentIndex(page.checklist_combo.count() - 1)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and target.exists()
    assert "SEQM" in window.windowTitle() and "seqm-visit.avsec" in window.windowTitle()
    assert "RESTRICTED" in window.windowTitle()

    # --- answer items by keyboard -------------------------------------------------------------
    walker = window.workspace.walker
    window.activateWindow()
    walker.tree.setFocus()
    qtbot.waitUntil(walker.tree.hasFocus)
    assert walker.current_item_id() == "PER-01"
    qtbot.keyClick(walker.tree, Qt.Key.Key_2)  # partially compliant
    qtbot.keyClick(walker.tree, Qt.Key.Key_J)
    qtbot.keyClick(walker.tree, Qt.Key.Key_3)  # PER-02 not compliant
    qtbot.keyClick(walker.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(walker.tree, Qt.Key.Key_1)  # PER-03 compliant
    qtbot.keyClick(walker.tree, Qt.Key.Key_K)
    assert walker.current_item_id() == "PER-02"
    assert [status(window, i) for i in ("PER-01", "PER-02", "PER-03")] == [
        "partially_compliant",
        "not_compliant",
        "compliant",
    ]

    # --- a note and a photo with GPS on PER-02 ------------------------------------------------
    walker.page.notes.setFocus()
    qtbot.keyClicks(walker.page.notes, "Fence cut behind the cargo shed.")
    walker.tree.setFocus()  # leaving the field saves the note at once
    assert window.session.response("PER-02").notes == "Fence cut behind the cargo shed."
    photo = make_photo(tmp_path / "fence.jpg", lon=-78.3570, lat=-0.1290)
    walker.page.add_photos([str(photo)])
    assert len(walker.page.photos.photo_ids()) == 1

    # --- draw an airside zone and a barrier on the map ----------------------------------------
    window.show_view("map")
    editor = window.workspace.map_editor()
    view = editor.view
    view.resize(800, 600)
    view.fitInView(-300, -300, 600, 600)
    window.registry.action("map.draw.airside").trigger()
    assert editor.tool() == "airside"
    square = [(-200, -200), (200, -200), (200, 200), (-200, 200)]
    for x, y in square:
        _click_map(qtbot, view, x, y)
    _click_map(qtbot, view, *square[-1], double=True)
    airside = [f for f in window.session.doc.features if f.kind == "airside"]
    assert len(airside) == 1 and editor.tool() == "select"
    window.registry.action("map.draw.barrier").trigger()
    for x, y in [(-200, -200), (200, -200)]:
        _click_map(qtbot, view, x, y)
    _click_map(qtbot, view, 200, -200, double=True)
    barriers = [f for f in window.session.doc.features if f.kind == "barrier"]
    assert len(barriers) == 1
    assert editor.selected_feature() == barriers[0].id

    # --- analyse: the unfenced three sides are a perimeter gap --------------------------------
    window.registry.action("map.analyse").trigger()
    qtbot.waitUntil(lambda: not editor.analysis.is_running(), timeout=60_000)  # a worker thread
    findings = window.session.doc.findings
    assert any(f.rule == "perimeter_gap" for f in findings)
    assert len(editor.scene.finding_items) == len(findings)

    # --- give the barrier a height, then undo that edit from the Edit menu --------------------
    editor.attributes.set_value("height_m", 1.8)
    assert window.session.doc.feature(barriers[0].id).properties["height_m"] == 1.8
    undo = window.registry.action("edit.undo")
    assert undo.text() == "Undo: Edit barrier"
    undo.trigger()
    assert "height_m" not in window.session.doc.feature(barriers[0].id).properties

    # --- close and reopen: everything is there ------------------------------------------------
    window.close_session()
    assert window.session is None
    assert str(target.resolve()) in preferences.recent_files()
    assert window.open_file(target)
    doc = window.session.doc
    assert [str(doc.status_of(i)) for i in ("PER-01", "PER-02", "PER-03")] == [
        "partially_compliant",
        "not_compliant",
        "compliant",
    ]
    assert doc.responses["PER-02"].notes == "Fence cut behind the cargo shed."
    assert len(doc.responses["PER-02"].photos) == 1
    info = doc.attachments[0]
    assert info.lat == pytest.approx(-0.1290, abs=1e-4) and info.lon == pytest.approx(
        -78.3570, abs=1e-4
    )
    assert sorted(f.kind for f in doc.features) == ["airside", "barrier"]
    ring = np.array(next(f for f in doc.features if f.kind == "airside").geometry["coordinates"][0])
    assert len(ring) == 5  # four corners, closed
    assert "height_m" not in next(f for f in doc.features if f.kind == "barrier").properties
    assert [f.id for f in doc.findings] == [f.id for f in findings]
    # The photo's GPS puts it on the map.
    window.show_view("map")
    assert list(window.workspace.map_editor().scene.photo_items) == [info.id]


def test_reopen_shows_the_walker_on_the_first_unanswered_item(qtbot, opened):
    walker = opened.workspace.walker
    opened.session.set_status("PER-01", "compliant")
    path = opened.session.path
    opened.close_session()
    opened.open_file(path)
    assert opened.workspace.walker.current_item_id() == "PER-02"
    assert walker is not opened.workspace.walker
    assert QPoint  # keep import used
