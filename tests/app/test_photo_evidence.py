"""Photos as evidence: caption, rotation and markup on a copy; placement by hand (14.8)."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from avsec.app.editor import Editor
from avsec.core.document import Mark
from avsec.core.errors import InputError
from avsec.store import AvsecFile
from avsec.store.photo_derivatives import REPORT_SIDE_PX, THUMBNAIL_SIDE_PX
from tests.app.conftest import make_photo
from tests.conftest import raw_sql


@pytest.fixture
def photo(new_file: AvsecFile, tmp_path) -> tuple[Editor, str]:
    path = make_photo(tmp_path / "gate.jpg", size=(2400, 1200), colour=(40, 120, 40))
    editor = Editor(new_file)
    attachment_id, command = editor.attach_photo("PER-01", path)
    editor.apply(command)
    return editor, attachment_id


def _image(data: bytes | None) -> Image.Image:
    assert data is not None
    return Image.open(io.BytesIO(data)).convert("RGB")


def _sha(editor: Editor, attachment_id: str) -> str:
    return hashlib.sha256(editor.file.attachment_bytes(attachment_id) or b"").hexdigest()


def test_rotation_and_markup_change_the_copy_never_the_original(photo) -> None:
    editor, aid = photo
    original = _sha(editor, aid)
    assert original == aid
    editor.apply(editor.rotate_edit(aid, 1))  # 90 degrees clockwise
    report = _image(editor.file.report_photo_bytes(aid))
    assert report.size == (800, REPORT_SIDE_PX)  # 2400 x 1200 turned: 1200 x 2400 -> 800 x 1600
    arrow = Mark(kind="arrow", x0=0.1, y0=0.1, x1=0.5, y1=0.5)
    circle = Mark(kind="circle", x0=0.6, y0=0.6, x1=0.9, y1=0.9)
    label = Mark(kind="text", x0=0.1, y0=0.8, text="Gap")
    command = editor.photo_edit(aid, marks=[arrow, circle, label])
    assert command is not None and command.describe() == "Mark up photo gate.jpg"
    editor.apply(command)
    report = _image(editor.file.report_photo_bytes(aid))
    thumb = _image(editor.file.thumbnail_bytes(aid))
    assert max(report.size) <= REPORT_SIDE_PX and max(thumb.size) <= THUMBNAIL_SIDE_PX
    # The middle of the arrow is red; a plain corner stays the photo's green.
    r, g, b = report.getpixel((int(0.3 * 800), int(0.3 * 1600)))
    assert r > 180 and g < 90 and b < 90
    r, g, b = report.getpixel((790, 10))
    assert g > r
    # The circle's rim (its leftmost point at mid height) is red, its centre is not.
    r, g, b = report.getpixel((int(0.6 * 800) + 2, int(0.75 * 1600)))
    assert r > 180 and g < 90
    r, g, b = report.getpixel((int(0.75 * 800), int(0.75 * 1600)))
    assert g > r
    assert _sha(editor, aid) == original
    # Undo takes the markup off the copy again.
    editor.revert(command)
    report = _image(editor.file.report_photo_bytes(aid))
    r, g, b = report.getpixel((int(0.3 * 800), int(0.3 * 1600)))
    assert g > r
    assert _sha(editor, aid) == original


def test_caption_is_stored_and_survives_reopening(photo) -> None:
    editor, aid = photo
    command = editor.photo_edit(aid, caption="Gate 3 left open at shift change")
    assert command is not None and command.describe() == "Edit caption of photo gate.jpg"
    editor.apply(command)
    assert editor.file.changes()[-1]["what"] == f"photo:{aid}"
    path = editor.file.path
    editor.close()
    with AvsecFile.open(path) as again:
        (info,) = again.document().attachments
        assert info.caption == "Gate 3 left open at shift change"


def test_a_caption_longer_than_the_field_limit_is_refused(photo) -> None:
    editor, aid = photo
    with pytest.raises(InputError, match="1,000"):
        editor.photo_edit(aid, caption="x" * 1001)


def test_a_photo_without_gps_is_placed_by_hand_and_undone(photo) -> None:
    editor, aid = photo
    assert editor.attachment(aid).lon is None
    command = editor.place_photo_edit(aid, -80.001, 10.002)
    assert command is not None and command.describe() == "Place photo gate.jpg on the map"
    editor.apply(command)
    row = raw_sql(editor.file, "SELECT lon, lat FROM attachments WHERE id = ?", (aid,))
    assert row == [(-80.001, 10.002)]
    assert editor.doc.attachments[0].placed_by_hand
    editor.revert(command)
    row = raw_sql(editor.file, "SELECT lon, lat FROM attachments WHERE id = ?", (aid,))
    assert row == [(None, None)]
    assert raw_sql(editor.file, "SELECT 1 FROM extras WHERE key = ?", (f"photo:{aid}",)) == []


def test_a_mark_outside_the_photo_is_refused() -> None:
    with pytest.raises(ValueError):
        Mark(kind="circle", x0=1.5, y0=0.2)


def test_undo_history_reloads_photo_edits_from_the_journal(photo) -> None:
    from avsec.app.undo_history import commands_from_journal

    editor, aid = photo
    editor.apply(editor.photo_edit(aid, caption="Gate 3"))
    path = editor.file.path
    editor.close()
    with AvsecFile.open(path) as again:
        reopened = Editor(again)
        commands = commands_from_journal(again.changes(), reopened.doc)
        assert commands[-1].describe() == "Edit caption of photo gate.jpg"
        reopened.revert(commands[-1])
        assert again.attachments()[0].caption == ""
