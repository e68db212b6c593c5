"""Judging findings and photos as evidence, driven through the real widgets (14.7, 14.8)."""

from __future__ import annotations

import hashlib

from PIL import Image
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from avsec.core.findings import Finding
from avsec.gui.judgement_dialog import JudgementDialog
from avsec.gui.photo_editor import PhotoEditor

LON, LAT = -78.3575, -0.12917


def _finding(dx: float, severity: str) -> Finding:
    return Finding(
        rule="perimeter_gap",
        severity=severity,
        value=10.0,
        unit="m",
        location=(LON + dx, LAT),
        geometry={"type": "Point", "coordinates": [LON + dx, LAT]},
        items=["PER-01"],
        message={"en": "Opening here"},
    )


def _fill_dialog(qtbot, text: str, seen: dict) -> None:
    """Type ``text`` into the open judgement dialog and press OK (called from a timer)."""
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, JudgementDialog) and w.isVisible()
    )
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    seen["ok_before"] = ok.isEnabled()
    qtbot.keyClicks(dialog.text, text)
    seen["ok_after"] = ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_findings_are_judged_from_the_buttons_and_the_context_menu(qtbot, opened):
    session = opened.session
    gap, minor = _finding(0.0, "critical"), _finding(0.001, "minor")
    session.set_findings([gap, minor])
    opened.show_view("map")
    panel = opened.workspace.map_editor().findings
    panel.list.setCurrentRow(0)
    assert panel.current_finding() == gap.id

    qtbot.mouseClick(panel.judge_buttons["accepted"], Qt.MouseButton.LeftButton)
    assert session.doc.judgements[gap.id].verdict == "accepted"
    assert panel.list.item(0).text().endswith("· Accepted")
    assert not panel.judge_buttons["accepted"].isEnabled()
    assert session.undo_stack.undoText() == "Accept finding F1"

    # A false positive asks for the reason; OK waits for one.
    seen: dict = {}
    QTimer.singleShot(0, lambda: _fill_dialog(qtbot, "Wall behind the hangar", seen))
    qtbot.mouseClick(panel.judge_buttons["false_positive"], Qt.MouseButton.LeftButton)
    assert seen == {"ok_before": False, "ok_after": True}
    judgement = session.doc.judgements[gap.id]
    assert (judgement.verdict, judgement.reason) == ("false_positive", "Wall behind the hangar")
    assert panel.current_finding() == gap.id  # the selection stays
    assert "Wall behind the hangar" in panel.details.text()
    assert session.undo_stack.undoText() == "Mark finding F1 as false positive"
    markers = opened.workspace.map_editor().scene.finding_items
    assert markers[gap.id].opacity() < 1 and markers[minor.id].opacity() == 1
    assert "False positive" in markers[gap.id].toolTip()

    # The item page lists it, but only the minor finding suggests a status now.
    opened.show_view("walker")
    walker = opened.workspace.walker
    walker.select_item("PER-01")
    page = walker.page
    assert page.findings.count() == 2
    assert page.findings.item(0).text().endswith("· False positive")
    assert page.suggestion.text() == "Suggested status: Partially compliant"

    session.undo_stack.undo()
    assert session.doc.judgements[gap.id].verdict == "accepted"
    assert page.suggestion.text() == "Suggested status: Not compliant"

    # The context menu on the second finding: Comment…
    opened.show_view("map")
    row = panel.list.visualItemRect(panel.list.item(1)).center()

    def choose_comment() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == "judge-menu-comment")
        QTimer.singleShot(0, lambda: _fill_dialog(qtbot, "Ask the operator", {}))
        action.trigger()
        menu.close()

    QTimer.singleShot(50, choose_comment)
    panel.list.customContextMenuRequested.emit(row)
    assert session.doc.judgements[minor.id].comment == "Ask the operator"
    assert session.doc.judgements[minor.id].verdict == "open"
    assert panel.list.item(1).text().endswith("· commented")


def _photo(tmp_path) -> str:
    path = tmp_path / "gate.jpg"
    image = Image.new("RGB", (1600, 1200), (40, 120, 40))
    image.save(path, "JPEG", quality=90)
    return str(path)


def test_the_photo_editor_marks_up_a_copy_and_keeps_the_original(qtbot, opened, tmp_path):
    session = opened.session
    aid = session.add_photo("PER-01", _photo(tmp_path))
    original = hashlib.sha256(session.file.attachment_bytes(aid) or b"").hexdigest()
    copy_before = session.file.report_photo_bytes(aid)
    editor = PhotoEditor(session, aid, opened)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.mouseClick(editor.rotate_right, Qt.MouseButton.LeftButton)
    assert editor.canvas.rotation == 90
    canvas = editor.canvas
    rect = canvas.picture_rect()
    start = QPoint(int(rect.left() + 0.2 * rect.width()), int(rect.top() + 0.2 * rect.height()))
    end = QPoint(int(rect.left() + 0.6 * rect.width()), int(rect.top() + 0.5 * rect.height()))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    qtbot.mouseClick(editor.tool_buttons["circle"], Qt.MouseButton.LeftButton)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseClick(editor.tool_buttons["text"], Qt.MouseButton.LeftButton)
    canvas.ask_text = lambda: "Gap"  # type: ignore[method-assign]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=start)
    assert [m.kind for m in canvas.marks] == ["arrow", "circle", "text"]
    assert abs(canvas.marks[0].x0 - 0.2) < 0.02 and abs(canvas.marks[0].y1 - 0.5) < 0.02
    qtbot.keyClicks(editor.caption, "Gate 3 open at shift change")
    qtbot.mouseClick(
        editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    info = session.attachment(aid)
    assert info.rotation == 90 and len(info.marks) == 3
    assert info.caption == "Gate 3 open at shift change"
    assert session.undo_stack.undoText() == "Rotate photo gate.jpg"
    copy = Image.open(__import__("io").BytesIO(session.file.report_photo_bytes(aid)))
    assert copy.size == (1200, 1600)  # turned upright copy, original 1600 x 1200
    assert hashlib.sha256(session.file.attachment_bytes(aid) or b"").hexdigest() == original
    session.undo_stack.undo()
    assert session.attachment(aid).rotation == 0 and session.attachment(aid).caption == ""
    assert session.file.report_photo_bytes(aid) == copy_before
    assert hashlib.sha256(session.file.attachment_bytes(aid) or b"").hexdigest() == original


def test_a_photo_without_gps_is_placed_on_the_map_by_a_click(qtbot, opened, tmp_path):
    session = opened.session
    aid = session.add_photo("PER-01", _photo(tmp_path))
    assert session.attachment(aid).lon is None
    opened.workspace.place_photo(aid)
    map_editor = opened.workspace.map_editor()
    assert "gate.jpg" in map_editor.hint.text()
    view = map_editor.view
    centre = view.viewport().rect().center()
    expected = map_editor.scene.projection.point_to_lonlat(
        view.mapToScene(centre).x(), view.mapToScene(centre).y()
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    info = session.attachment(aid)
    assert info.placed_by_hand
    assert abs(info.lon - expected[0]) < 1e-9 and abs(info.lat - expected[1]) < 1e-9
    assert aid in map_editor.scene.photo_items
    assert session.undo_stack.undoText() == "Place photo gate.jpg on the map"
    assert map_editor.placement is None  # one click only
    session.undo_stack.undo()
    assert session.attachment(aid).lon is None
    assert aid not in map_editor.scene.photo_items


def test_escape_cancels_placing_a_photo(qtbot, opened, tmp_path):
    session = opened.session
    aid = session.add_photo("PER-01", _photo(tmp_path))
    opened.workspace.place_photo(aid)
    map_editor = opened.workspace.map_editor()
    qtbot.keyClick(map_editor.view, Qt.Key.Key_Escape)
    assert map_editor.placement is None
    qtbot.mouseClick(map_editor.view.viewport(), Qt.MouseButton.LeftButton)
    assert session.attachment(aid).lon is None
