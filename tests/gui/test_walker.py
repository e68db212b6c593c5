"""Checklist walker wiring: tree, keys, filter, item page, references, photos, findings."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from avsec.app.filters import FilterCriteria
from avsec.core.findings import Finding
from tests.gui.conftest import make_photo, status


def _focus_tree(qtbot, window):
    walker = window.workspace.walker
    window.activateWindow()
    walker.tree.setFocus()
    qtbot.waitUntil(walker.tree.hasFocus)
    return walker


def test_tree_shows_areas_items_and_progress(opened):
    tree = opened.workspace.walker.tree
    assert tree.topLevelItemCount() == 2
    assert tree.area_progress("perimeter") == "0 / 3"
    opened.session.set_status("PER-01", "compliant")
    opened.session.set_status("PER-02", "not_applicable")
    assert tree.area_progress("perimeter") == "2 / 3"
    assert opened.workspace.walker.progress.value() == 2


def test_keys_one_to_five_set_every_status(qtbot, opened):
    walker = _focus_tree(qtbot, opened)
    expected = [
        "compliant",
        "partially_compliant",
        "not_compliant",
        "not_applicable",
        "not_assessed",
    ]
    for key, wanted in zip(
        (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5),
        expected,
        strict=True,
    ):
        qtbot.keyClick(walker.tree, key)
        assert status(opened, "PER-01") == wanted
        assert walker.page.status.status() == wanted


def test_j_k_and_ctrl_arrows_move_and_stop_at_the_ends(qtbot, opened):
    walker = _focus_tree(qtbot, opened)
    for _ in range(10):
        qtbot.keyClick(walker.tree, Qt.Key.Key_J)
    assert walker.current_item_id() == "ACP-02"
    qtbot.keyClick(walker.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert walker.current_item_id() == "ACP-01"
    for _ in range(10):
        qtbot.keyClick(walker.tree, Qt.Key.Key_K)
    assert walker.current_item_id() == "PER-01"


def test_typing_digits_in_the_notes_does_not_change_the_status(qtbot, opened):
    walker = _focus_tree(qtbot, opened)
    walker.page.notes.setFocus()
    qtbot.keyClicks(walker.page.notes, "Gate 3 and 4, 2 m")
    walker.commit_pending()
    assert status(opened, "PER-01") == "not_assessed"
    assert opened.session.response("PER-01").notes == "Gate 3 and 4, 2 m"


def test_notes_are_saved_after_a_pause(qtbot, opened):
    page = opened.workspace.walker.page
    page.notes.setPlainText("Patrol log missing")
    qtbot.waitUntil(lambda: opened.session.response("PER-01") is not None, timeout=3000)
    assert opened.session.response("PER-01").notes == "Patrol log missing"


def test_status_keys_are_off_outside_the_walker(qtbot, opened):
    opened.show_view("outline")
    assert not opened.registry.action("checklist.compliant").isEnabled()
    opened.show_view("walker")
    assert opened.registry.action("checklist.compliant").isEnabled()


def test_ctrl_f_filters_by_text_status_area_and_weight(qtbot, opened):
    walker = _focus_tree(qtbot, opened)
    qtbot.keyClick(walker.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert walker.filter_bar.text.hasFocus()
    qtbot.keyClicks(walker.filter_bar.text, "fence")
    assert walker.tree.visible_item_ids() == ["PER-01", "PER-02"]
    walker.set_filter(FilterCriteria(area="access_points"))
    assert walker.tree.visible_item_ids() == ["ACP-01", "ACP-02"]
    assert walker.current_item_id() == "ACP-01"
    walker.set_filter(FilterCriteria(weight=3))
    assert walker.tree.visible_item_ids() == ["PER-01", "ACP-01"]
    opened.session.set_status("PER-03", "not_compliant")
    walker.set_filter(FilterCriteria(status="not_compliant"))
    assert walker.tree.visible_item_ids() == ["PER-03"]
    walker.set_filter(FilterCriteria(text="seen at gate"))
    assert walker.tree.visible_item_ids() == []
    opened.session.set_notes("ACP-02", "seen at gate 5")
    walker.set_filter(FilterCriteria(text="SEEN AT GATE"))
    assert walker.tree.visible_item_ids() == ["ACP-02"]
    walker.filter_bar.clear()
    assert len(walker.tree.visible_item_ids()) == 5
    assert "5 of 5" in walker.count_label.text()


def test_navigation_follows_the_filter(qtbot, opened):
    walker = _focus_tree(qtbot, opened)
    walker.set_filter(FilterCriteria(weight=3))
    walker.tree.setFocus()
    qtbot.keyClick(walker.tree, Qt.Key.Key_J)
    assert walker.current_item_id() == "ACP-01"


def test_item_page_shows_the_item_texts(opened):
    page = opened.workspace.walker.page
    opened.workspace.walker.select_item("PER-02")
    assert page.question.text() == "Is the fence at least 2.44 m high?"
    assert page.guidance.text() == "Measure three places."
    assert page.evidence.text() == "Drawings."
    assert "A17:4.2.1" in page.references.text()
    assert not page.unconfirmed.isHidden()
    assert "Item 2 of 5" == page.position.text()


def test_clicking_a_reference_shows_the_provision_and_its_crosswalk(qtbot, opened):
    page = opened.workspace.walker.page
    page.references.linkActivated.emit("A17:4.2.1")
    dialog = page._provision_dialog
    assert dialog is not None and dialog.isVisible()
    assert "A17:4.2.1" in dialog.heading.text()
    assert dialog.summary.text()
    if dialog.table.rowCount() and dialog.table.item(0, 0).data(256):
        related = dialog.table.item(0, 0).data(256)
        dialog.table.cellActivated.emit(0, 0)
        assert dialog.provision_id == related
    dialog.show_provision("XX:9.9")
    assert "not in the provision catalogue" in dialog.summary.text()
    dialog.close()


def test_status_buttons_record_the_status(qtbot, opened):
    page = opened.workspace.walker.page
    qtbot.mouseClick(page.status.buttons["not_applicable"], Qt.MouseButton.LeftButton)
    assert status(opened, "PER-01") == "not_applicable"


def test_dropping_photos_adds_them(qtbot, opened, tmp_path):
    page = opened.workspace.walker.page
    photo = make_photo(tmp_path / "drop.jpg", lon=-78.35, lat=-0.12)
    ignored = tmp_path / "notes.txt"
    ignored.write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(ignored))])
    strip = page.photos
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    strip.dropEvent(event)
    assert len(strip.photo_ids()) == 1
    command = opened.session.undo_stack.command(0).command
    assert opened.registry.action("edit.undo").text() == "Undo: " + command.describe()
    strip.open_requested.emit(strip.photo_ids()[0])
    assert "Taken 2025-03-12 10:14" in strip.list.item(0).toolTip()


def test_a_bad_photo_shows_an_error_and_changes_nothing(qtbot, opened, tmp_path):
    page = opened.workspace.walker.page
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    page.add_photos([str(bad)])
    assert opened.session.response("PER-01") is None
    boxes = [w for w in page.findChildren(QMessageBox) if w.objectName() == "error-box"]
    assert boxes and "bad.png" in boxes[-1].text()


def test_findings_show_on_the_item_with_a_suggested_status(qtbot, opened):
    finding = Finding(
        rule="perimeter_gap",
        severity="critical",
        value=42.0,
        unit="m",
        location=(-78.3575, -0.12917),
        geometry={"type": "Point", "coordinates": [-78.3575, -0.12917]},
        items=["PER-01"],
        message={"en": "Opening of 42 m", "es": "Abertura de 42 m"},
    )
    opened.session.set_findings([finding])
    page = opened.workspace.walker.page
    assert page.findings.count() == 1
    assert "Perimeter gap" in page.findings.item(0).text()
    assert "Not compliant" in page.suggestion.text()
    assert not page.use_suggestion.isHidden()
    qtbot.mouseClick(page.use_suggestion, Qt.MouseButton.LeftButton)
    assert status(opened, "PER-01") == "not_compliant"
    assert page.use_suggestion.isHidden()
    page.findings.itemActivated.emit(page.findings.item(0))
    assert opened.workspace.current_view() == "map"
    assert opened.workspace.map_editor().scene.selected_finding == finding.id
    assert QPoint  # imported for symmetry with the map tests
