"""Access-control tests in the app: from an access point on the map, from the checklist items
they inform, and the list of the visit's tests; each one undoable edit."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from avsec.core.commands import add_feature
from avsec.core.layout import Feature

LON, LAT = -78.3575, -0.12917  # the fixture airport


@pytest.fixture
def bundled(window, tmp_path, airport):
    """The window with an assessment on the bundled checklist, two gates and a fence."""
    from avsec.core.assessment import Assessment
    from avsec.io.checklists import get_checklist
    from avsec.store import AvsecFile

    checklist = get_checklist()
    path = tmp_path / "gates.avsec"
    assessment = Assessment(
        airport=airport, checklist_id=checklist.id, checklist_version=checklist.version
    )
    with AvsecFile.create(path, assessment, checklist, user="tester"):
        pass
    assert window.open_file(path)
    for n, (gate, name) in enumerate({"g-staff": "Staff door", "g-cargo": "Cargo gate"}.items()):
        point = {"type": "Point", "coordinates": [LON + 0.002 * n, LAT]}
        props = {"name": name, "control": "staffed"}
        assert window.session.push(
            add_feature(Feature(id=gate, kind="access_point", geometry=point, properties=props))
        )
    fence = {"type": "LineString", "coordinates": [[LON, LAT + 0.001], [LON + 0.004, LAT + 0.001]]}
    assert window.session.push(add_feature(Feature(id="f-1", kind="barrier", geometry=fence)))
    return window


def _fill(dialog, method: str, result: str, when: str = "2026-03-10T09:15") -> None:
    from PySide6.QtCore import QDateTime, Qt

    dialog.method_box.setCurrentIndex(dialog.method_box.findData(method))
    dialog.result_box.setCurrentIndex(dialog.result_box.findData(result))
    dialog.when_edit.setDateTime(QDateTime.fromString(when, Qt.DateFormat.ISODate))
    dialog.who_edit.setText("A. Ruiz")
    dialog.notes_edit.setPlainText("Followed a cleaner through")


def test_the_map_offers_a_test_on_an_access_point_only(bundled, qtbot):
    window = bundled
    window.show_view("map")
    editor = window.workspace.map_editor()
    editor.view.fit()
    qtbot.wait(50)
    scene = editor.scene
    gate = editor.view.mapFromScene(scene.feature_items["g-cargo"].pos())
    menu = editor.view.context_menu(gate)
    assert menu is not None
    (action,) = menu.actions()
    assert action.text() == "Record access test…"
    action.trigger()
    dialog = editor.test_dialog
    assert dialog.isVisible() and dialog.at_box.currentData() == "g-cargo"
    fence = scene.feature_items["f-1"]
    middle = fence.parts[0].mean(axis=0)
    from PySide6.QtCore import QPointF

    assert editor.view.context_menu(editor.view.mapFromScene(QPointF(*middle))) is None
    _fill(dialog, "vehicle_no_pass", "stopped")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    (test,) = window.session.doc.access_tests
    assert (test.at, test.method, test.result, test.who) == (
        "g-cargo", "vehicle_no_pass", "stopped", "A. Ruiz",
    )  # fmt: skip
    assert test.when.isoformat() == "2026-03-10T09:15:00"
    assert window.session.file.access_tests() == [test]
    assert window.session.undo_stack.undoText() == (
        "Record access test at g-cargo (Vehicle without a pass)"
    )
    window.session.undo_stack.undo()
    assert window.session.doc.access_tests == [] and window.session.file.access_tests() == []


def test_an_item_a_test_informs_lists_it_and_suggests_not_compliant(bundled):
    window = bundled
    walker = window.workspace.walker
    walker.select_item("ACP-07")
    page = walker.page
    assert not page.record_test.isHidden() and page.tests.isHidden()
    assert page.suggestion.isHidden()
    page.record_access_test()
    dialog = page.test_dialog
    # The methods informing ACP-07 come first.
    assert [dialog.method_box.itemData(i) for i in range(2)] == ["other_badge", "tailgating"]
    _fill(dialog, "tailgating", "not_stopped")
    dialog.accept()
    assert not page.tests.isHidden()
    assert "Staff door · Tailgating: <b>Not stopped</b>" in page.tests.text()
    assert page.suggestion.text() == "Suggested status: Not compliant"
    assert not page.use_suggestion.isHidden()
    # The inspector's answer wins: the test never changes a recorded status.
    page.set_status("compliant")
    walker.select_item("ACP-06")
    walker.select_item("ACP-07")
    assert window.session.doc.status_of("ACP-07") == "compliant"
    assert page.status.status() == "compliant"
    assert page.suggestion.text() == "Suggested status: Not compliant"
    walker.select_item("PER-01")
    assert walker.page.record_test.isHidden() and walker.page.tests_heading.isHidden()


def test_a_partly_stopped_test_suggests_partially_compliant(bundled):
    from avsec.app.access_tests import record_test

    window = bundled
    fields = {"at": "g-staff", "method": "prohibited_item", "result": "partly"}
    assert window.session.push(record_test(window.session.doc.features, fields))
    window.workspace.walker.select_item("ACP-10")
    assert window.workspace.walker.page.suggestion.text() == (
        "Suggested status: Partially compliant"
    )


def test_the_list_records_edits_and_deletes(bundled):
    from avsec.app.access_tests import record_test

    window = bundled
    fields = {
        "at": "g-staff",
        "method": "no_badge",
        "result": "stopped",
        "when": "2026-03-10T08:00",
    }
    assert window.session.push(record_test(window.session.doc.features, fields))
    window.show_access_tests()
    listing = window.tests_dialog
    table = listing.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)] == [
        "2026-03-10 08:00", "Staff door", "No ID card", "Stopped",
    ]  # fmt: skip
    table.selectRow(0)
    listing.edit_selected()
    editor = listing.dialog
    editor.result_box.setCurrentIndex(editor.result_box.findData("not_stopped"))
    editor.accept()
    assert table.item(0, 3).text() == "Not stopped"
    (test,) = window.session.file.access_tests()
    assert test.result == "not_stopped" and test.when.hour == 8
    listing.delete_selected()
    assert table.rowCount() == 0 and window.session.file.access_tests() == []
    window.session.undo_stack.undo()
    assert table.rowCount() == 1


def test_a_refused_test_says_why_and_keeps_the_dialog(bundled, monkeypatch):
    import avsec.gui.access_test_dialog as module

    shown: list[str] = []
    monkeypatch.setattr(module, "show_error", lambda parent, title, error: shown.append(str(error)))
    window = bundled
    window.workspace.walker.select_item("ACP-07")
    page = window.workspace.walker.page
    page.record_access_test()
    dialog = page.test_dialog
    dialog.notes_edit.setPlainText("n" * 70_000)
    dialog.accept()
    assert len(shown) == 1 and "notes" in shown[0]
    assert dialog.isVisible() and window.session.doc.access_tests == []


def test_the_dialog_reads_in_spanish(bundled):
    from avsec.gui.access_test_dialog import AccessTestDialog
    from avsec.gui.i18n import set_language

    set_language("es")
    dialog = AccessTestDialog(bundled.session, "g-staff")
    assert dialog.windowTitle() != "Record access test"
    assert dialog.method_box.itemText(dialog.method_box.findData("tailgating")) != "Tailgating"


def test_photos_chosen_in_the_dialog_go_with_the_test(bundled, tmp_path):
    from PIL import Image

    photo = tmp_path / "gate.jpg"
    Image.new("RGB", (40, 30), "blue").save(photo)
    window = bundled
    window.show_access_tests()
    listing = window.tests_dialog
    listing.record()
    dialog = listing.dialog
    dialog.attach_photos([str(photo), str(photo)])  # the same photo once
    assert dialog.photo_count.text() == "1 photo"
    dialog.accept()
    (test,) = window.session.file.access_tests()
    (attachment,) = window.session.file.attachments()
    assert test.photos == [attachment.id] and attachment.filename == "gate.jpg"


def test_the_history_says_which_test_was_recorded(bundled):
    from avsec.app.access_tests import record_test
    from avsec.gui.history_dialog import describe_change
    from avsec.gui.i18n import set_language

    window = bundled
    fields = {"at": "g-staff", "method": "tailgating", "result": "not_stopped"}
    assert window.session.push(record_test(window.session.doc.features, fields))
    last = window.session.file.changes()[-1]
    text = describe_change(last["what"], last["before"], last["after"])
    assert text == "Access test recorded at g-staff (Tailgating)"
    set_language("es")
    text = describe_change(last["what"], last["before"], last["after"])
    assert text == "Prueba de control de acceso registrada en g-staff (Ingreso en cola)"
