"""The Qt-free assessment (avsec.app.editor): photos, outline, analysis, header rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shapely
from pyproj import Geod

from avsec.app.editor import Editor
from avsec.app.header import edited_header
from avsec.core.commands import SetAction, SetResponse, add_feature
from avsec.core.errors import InputError
from avsec.core.layout import Feature
from avsec.core.outline import edit_action
from avsec.store import AvsecFile
from tests.app.conftest import make_photo


@pytest.fixture
def editor(new_file: AvsecFile) -> Editor:
    return Editor(new_file)


def test_a_photo_is_stored_once_and_each_link_is_one_undoable_edit(
    editor: Editor, tmp_path: Path
) -> None:
    photo = make_photo(tmp_path / "gate.jpg", lon=-79.5, lat=9.25)
    attachment_id, command = editor.attach_photo("PER-01", photo)
    assert isinstance(command, SetResponse) and command.describe() == "Add photo to PER-01"
    editor.apply(command)
    info = editor.attachment(attachment_id)
    assert info is not None and info.filename == "gate.jpg"
    assert info.lon == pytest.approx(-79.5, abs=1e-6) and info.lat == pytest.approx(9.25, abs=1e-6)
    assert info.taken == dt.datetime(2025, 3, 12, 10, 14, 59)
    # The same photo again: stored once, and nothing to link.
    assert editor.attach_photo("PER-01", photo) == (attachment_id, None)
    editor.revert(command)
    assert editor.response("PER-01") is None and editor.file.response("PER-01") is None
    assert editor.file.attachment_bytes(attachment_id) == photo.read_bytes()  # kept for redo
    with pytest.raises(InputError, match="NOPE-99"):
        editor.attach_photo("NOPE-99", photo)


def test_regeneration_keeps_user_edits_and_writes_nothing_when_unchanged(
    editor: Editor,
) -> None:
    for item, status in (("PER-01", "not_compliant"), ("PER-02", "partially_compliant")):
        editor.apply(editor.status_edit(item, status))
    today = dt.date(2026, 1, 5)
    first = editor.outline_update("en", today)
    assert first.command is not None
    assert first.command.describe() == "Regenerate the improvement outline"
    editor.apply(first.command)
    generated = {a.source_key: a for a in editor.doc.actions}
    assert set(generated) == {"PER-01", "PER-02"}
    assert generated["PER-01"].title == "Close every gap in the fence"  # the recommendation

    journal = len(editor.file.changes())
    assert editor.outline_update("en", today).command is None  # nothing to write
    assert len(editor.file.changes()) == journal

    renamed = edit_action(generated["PER-01"], title="Weld the north fence")
    editor.apply(SetAction(renamed.id, generated["PER-01"], renamed))
    editor.apply(editor.status_edit("PER-02", "compliant"))  # its gap closes
    update = editor.outline_update("en", today + dt.timedelta(days=30))
    assert update.command is not None
    editor.apply(update.command)
    kept = {a.source_key: a for a in editor.doc.actions}
    assert set(kept) == {"PER-01"}
    assert kept["PER-01"].title == "Weld the north fence"
    assert kept["PER-01"].due == generated["PER-01"].due  # the first due date stays


def test_analysis_is_stored_and_measured_like_pyproj(editor: Editor) -> None:
    assert not editor.has_analysis()
    d = 0.002
    ring = [[-80, 10], [-80 + d, 10], [-80 + d, 10 + d], [-80, 10 + d], [-80, 10]]
    airside = Feature(kind="airside", geometry={"type": "Polygon", "coordinates": [ring]})
    editor.apply(add_feature(airside))
    result = editor.analyse()
    # No barrier at all: the whole boundary is one perimeter gap, as long as the ring is
    # on the ellipsoid.
    _, perimeter = Geod(ellps="WGS84").geometry_area_perimeter(shapely.Polygon(ring))
    assert [f.rule for f in result.findings] == ["perimeter_gap"]
    assert result.findings[0].value == pytest.approx(perimeter, rel=1e-3)
    assert editor.has_analysis() and not editor.file.findings_stale()
    assert [f.id for f in editor.file.findings()] == [f.id for f in editor.doc.findings]
    assert editor.file.changes()[-1]["what"] == "analysis"
    # A later session sees it from the journal.
    assert Editor(editor.file).has_analysis()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"handling_marking": {"en": "  "}}, "a handling marking must not be empty"),
        ({"ended": dt.date(2000, 1, 1)}, "The end date is before the start date"),
        ({"parameters": {"clear_zone_m": -1}}, "parameters.clear_zone_m"),
    ],
)
def test_header_rules_are_the_models(editor: Editor, changes, message) -> None:
    with pytest.raises(InputError, match=message):
        edited_header(editor.doc.assessment, **changes)


def test_header_markings_are_one_line(editor: Editor) -> None:
    before = editor.doc.assessment
    after = edited_header(before, handling_marking={"en": " SECRET\n  AVSEC ", "es": "RESERVADO"})
    assert after.handling_marking == {"en": "SECRET AVSEC", "es": "RESERVADO"}
    assert editor.header_edit(before) is None
    command = editor.header_edit(after)
    assert command is not None and command.describe() == "Edit assessment details"


def test_a_stored_header_that_breaks_the_edit_rules_still_opens(editor: Editor) -> None:
    # Files written by hand or by older tools must open: the rules bind edits, not reading.
    stored = editor.doc.assessment.model_dump(mode="json")
    stored.update(handling_marking={"en": " ", "es": "RESERVADO"}, ended="2000-01-01")
    header = type(editor.doc.assessment).model_validate(stored)
    assert header.marking("en").startswith("RESTRICTED") and header.marking("es") == "RESERVADO"
    with pytest.raises(InputError, match="end date"):
        edited_header(header, title="x")
