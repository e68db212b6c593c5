"""The session: every edit written to the file first, undoable, described in the Edit menu."""

from __future__ import annotations

import pytest

from avsec.core.assessment import Response
from avsec.core.commands import Batch, SetResponse, add_feature
from avsec.core.layout import Feature
from avsec.gui.i18n import set_language, tr
from avsec.gui.session import Session, touched
from avsec.store import AvsecFile

SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[-78.36, -0.13], [-78.35, -0.13], [-78.35, -0.12], [-78.36, -0.12], [-78.36, -0.13]]
    ],
}


@pytest.fixture
def session(qtbot, assessment_path):
    opened = Session.open(assessment_path, user="inspector")
    yield opened
    opened.close()


def _on_disk(path, item_id):
    with AvsecFile.open(path) as f:
        response = f.response(item_id)
    return str(response.status) if response else None


def test_push_writes_the_file_then_undo_and_redo(session, assessment_path):
    changes = []
    session.changed.connect(changes.append)
    assert session.set_status("PER-01", "not_compliant")
    assert _on_disk(assessment_path, "PER-01") == "not_compliant"
    assert session.undo_stack.undoText() == "Set PER-01 to not compliant"
    session.undo_stack.undo()
    assert _on_disk(assessment_path, "PER-01") is None
    assert str(session.doc.status_of("PER-01")) == "not_assessed"
    session.undo_stack.redo()
    assert _on_disk(assessment_path, "PER-01") == "not_compliant"
    assert len(changes) == 3 and touched(changes[0]).responses == {"PER-01"}
    assert session.response("PER-01").updated_by == "inspector"


def test_setting_the_same_status_twice_adds_no_undo_step(session):
    session.set_status("PER-01", "compliant")
    session.set_status("PER-01", "compliant")
    assert session.undo_stack.count() == 1


def test_notes_typed_in_bursts_merge_into_one_undo_step(session):
    session.set_notes("PER-01", "Fence")
    session.set_notes("PER-01", "Fence cut")
    session.set_notes("PER-01", "Fence cut near gate 3")
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.response("PER-01") is None
    session.undo_stack.redo()
    assert session.response("PER-01").notes == "Fence cut near gate 3"


def test_notes_of_different_items_stay_separate_steps(session):
    session.set_notes("PER-01", "a")
    session.set_notes("PER-02", "b")
    assert session.undo_stack.count() == 2


def test_a_failed_write_leaves_no_undo_entry(session):
    failures = []
    session.failed.connect(lambda title, message: failures.append(message))
    session.file.close()  # the USB stick was pulled
    assert not session.set_status("PER-01", "compliant")
    assert failures and session.undo_stack.count() == 0


def test_big_batches_reload_from_the_file(session):
    commands = [
        SetResponse(i, None, Response(item_id=i, status="compliant"))
        for i in session.checklist.item_ids()
    ]
    features = [Feature(kind="building", geometry=SQUARE) for _ in range(30)]
    commands += [add_feature(f) for f in features]
    assert session.push(Batch("Import", commands))
    assert len(session.doc.features) == 30
    assert all(str(session.doc.status_of(i)) == "compliant" for i in session.checklist.item_ids())
    session.undo_stack.undo()
    assert session.doc.features == [] and session.doc.responses == {}


def test_photos_are_stored_once_and_linked(session, tmp_path):
    from tests.gui.conftest import make_photo

    photo = make_photo(tmp_path / "gate.jpg", lon=-78.357, lat=-0.129)
    first = session.add_photo("ACP-01", photo)
    second = session.add_photo("ACP-02", photo)
    assert first == second and len(session.doc.attachments) == 1
    assert session.photo_items(first) == ["ACP-01", "ACP-02"]
    assert session.remove_photo("ACP-01", first)
    assert session.photo_items(first) == ["ACP-02"]
    assert session.undo_stack.undoText() == "Remove photo from ACP-01"


def test_a_broken_photo_changes_nothing(session, tmp_path):
    from avsec.core.errors import InputError

    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(InputError, match="broken.jpg"):
        session.add_photo("ACP-01", bad)
    assert session.response("ACP-01") is None and session.doc.attachments == []


def test_spanish_descriptions(session):
    session.set_status("PER-01", "compliant")
    command = session.undo_stack.command(0).command
    set_language("es")
    assert command.describe(tr) == "Establecer PER-01 en conforme"
    feature = Feature(kind="access_point", geometry={"type": "Point", "coordinates": [0, 0]})
    assert add_feature(feature).describe(tr) == "Agregar punto de acceso"
    set_language("en")
    assert add_feature(feature).describe(tr) == "Add access point"


def test_findings_are_numbered_in_file_order(session):
    from avsec.core.findings import Finding

    findings = [
        Finding(
            rule="perimeter_gap",
            severity="critical",
            value=40,
            unit="m",
            location=(-78.35, -0.12),
            geometry={},
        ),
        Finding(
            rule="barrier_below_height",
            severity="major",
            value=9,
            unit="m",
            location=(-78.34, -0.12),
            geometry={},
        ),
    ]
    assert not session.has_analysis()
    session.set_findings(findings)
    assert session.has_analysis()
    assert [session.finding_number(f.id) for f in findings] == [1, 2]
    assert session.finding_number("g-unknown") == 0


def test_a_stale_edit_is_reported_in_the_ui_language(session, assessment_path):
    failures = []
    session.failed.connect(lambda title, message: failures.append(message))
    with AvsecFile.open(assessment_path) as other:  # a second program answers the item first
        other.apply(SetResponse("PER-01", None, Response(item_id="PER-01", status="compliant")))
    set_language("es")
    try:
        assert not session.set_status("PER-01", "not_compliant")
    finally:
        set_language("en")
    assert "response PER-01 se agregó en otro programa" in failures[0]
    assert _on_disk(assessment_path, "PER-01") == "compliant"
