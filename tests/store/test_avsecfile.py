"""The .avsec file: transactions, journal, attachments, migration, refusal of bad files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from avsec.core.assessment import Response
from avsec.core.commands import SetResponse, add_feature
from avsec.core.errors import NewerVersionError, NotAnAvsecFile, StoreError
from avsec.core.layout import Feature
from avsec.store import SCHEMA_VERSION, AvsecFile, check_file
from tests.conftest import raw_sql

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_pragmas_and_meta(new_file: AvsecFile) -> None:
    conn = sqlite3.connect(new_file.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert new_file._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    meta = new_file.meta()
    assert meta["format"] == "avsec"
    assert meta["handling_marking"].startswith("RESTRICTED")


def test_edits_are_journaled_and_undoable(new_file: AvsecFile) -> None:
    cmd = SetResponse(
        "PER-01", None, Response(item_id="PER-01", status="not_compliant", notes="hole")
    )
    new_file.apply(cmd)
    assert new_file.responses()["PER-01"].notes == "hole"
    new_file.revert(cmd)
    assert new_file.responses() == {}
    journal = new_file.changes()
    assert [c["what"] for c in journal] == ["create", "response:PER-01", "undo response:PER-01"]
    assert journal[1]["who"] == "tester"
    assert journal[1]["after"]["status"] == "not_compliant" and journal[1]["before"] is None
    assert journal[2]["after"] is None


def test_the_last_rows_of_the_journal_and_the_undo_history_they_give(
    new_file: AvsecFile,
) -> None:
    from avsec.app.undo_history import commands_from_journal

    previous = None
    for n in range(12):
        after = Response(item_id="PER-01", status="not_compliant", notes=f"note {n}")
        new_file.apply(SetResponse("PER-01", previous, after))
        previous = after
    journal = new_file.changes()
    assert len(journal) == 13
    assert new_file.changes(last=5) == journal[-5:]
    assert new_file.changes(last=0) == []
    assert new_file.changes(last=100) == journal
    doc = new_file.document()
    whole = commands_from_journal(journal, doc, limit=5)
    assert [c.after.notes for c in whole] == [f"note {n}" for n in range(7, 12)]
    assert commands_from_journal(new_file.changes(last=5), doc, limit=5) == whole


def test_journal_is_append_only(new_file: AvsecFile) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw_sql(new_file, "UPDATE changes SET who = 'mallory'")


def test_failed_transaction_changes_nothing(new_file: AvsecFile) -> None:
    with pytest.raises(RuntimeError), new_file.transaction():
        new_file.write_response("PER-01", Response(item_id="PER-01", status="compliant"))
        raise RuntimeError("boom")
    assert new_file.responses() == {}


def test_attachments_dedup_by_sha256(new_file: AvsecFile) -> None:
    first = new_file.add_attachment(b"photo-bytes", filename="a.jpg")
    second = new_file.add_attachment(b"photo-bytes", filename="copy.jpg")
    assert first == second
    assert len(new_file.attachments()) == 1
    assert new_file.attachment_bytes(first) == b"photo-bytes"
    assert new_file.attachment_bytes("nope") is None


def test_features_keep_unknown_properties_and_order(new_file: AvsecFile) -> None:
    features = [
        Feature(
            kind="road",
            geometry={"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            properties={"x-survey": 7},
        ),
        Feature(kind="access_point", geometry={"type": "Point", "coordinates": [0, 0]}),
    ]
    for feature in features:
        new_file.apply(add_feature(feature))
    reopened = AvsecFile.open(new_file.path)
    assert [f.id for f in reopened.features()] == [f.id for f in features]
    assert reopened.features()[0].properties == {"x-survey": 7}
    reopened.close()


def test_create_refuses_to_overwrite(new_file: AvsecFile, mini_checklist) -> None:
    before = new_file.path.read_bytes()
    with pytest.raises(StoreError, match="already exists"):
        AvsecFile.create(new_file.path, new_file.assessment, mini_checklist)
    assert new_file.path.read_bytes() == before


def test_migrates_version_1_after_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.avsec"
    shutil.copy(FIXTURES / "schema-v1.avsec", path)
    original = path.read_bytes()
    assert check_file(path) == 1
    with AvsecFile.open(path) as f:
        assert f.schema_version == SCHEMA_VERSION
        assert f.migrated_from == 1
        assert f.backup is not None and f.backup.read_bytes() == original
        assert f.responses()["PER-01"].notes == "gap at km 2"
        assert f.features()[0].properties["survey_ref"] == "kept"
        attachment = f.attachments()[0]
        assert attachment.filename == "gate.jpg" and attachment.lon is None
        f.set_findings([])  # a version-2 table exists now
        assert f.meta()["format_version"] == str(SCHEMA_VERSION)


def _assert_refused(path: Path, error: type[Exception], match: str) -> None:
    before = path.read_bytes()
    siblings = set(path.parent.iterdir())
    with pytest.raises(error, match=match):
        AvsecFile.open(path)
    assert path.read_bytes() == before
    assert set(path.parent.iterdir()) == siblings  # no backup, no journal left behind


def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.avsec"
    path.write_bytes(b"this is a text file, not an assessment\n" * 10)
    _assert_refused(path, NotAnAvsecFile, "not an .avsec file")


def test_refuses_a_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.avsec"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _assert_refused(path, NotAnAvsecFile, "not an .avsec file")


def test_refuses_a_truncated_file(new_file: AvsecFile, tmp_path: Path) -> None:
    for i in range(200):
        new_file.add_attachment(bytes([i % 256]) * 4000, filename=f"{i}.jpg")
    new_file.close()
    path = tmp_path / "cut.avsec"
    data = new_file.path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(path, NotAnAvsecFile, "truncated")


def test_refuses_a_newer_version(new_file: AvsecFile, tmp_path: Path) -> None:
    new_file.close()
    path = tmp_path / "future.avsec"
    shutil.copy(new_file.path, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    _assert_refused(path, NewerVersionError, "newer avsec")


def test_refuses_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.avsec"
    path.write_bytes(b"")
    _assert_refused(path, NotAnAvsecFile, "not an .avsec file")


def test_damaged_record_is_reported(new_file: AvsecFile) -> None:
    raw_sql(new_file, "UPDATE assessment SET json = '{broken'")
    new_file.close()
    with pytest.raises(StoreError, match="assessment record is damaged"):
        AvsecFile.open(new_file.path)


def test_layout_edits_make_findings_stale(new_file: AvsecFile) -> None:
    from avsec.core.commands import SetAssessment

    point = {"type": "Point", "coordinates": [0, 0]}
    new_file.apply(add_feature(Feature(kind="access_point", geometry=point)))
    assert not new_file.findings_stale()  # never analysed: nothing to be out of date
    new_file.set_findings([])
    assert not new_file.findings_stale()
    new_file.apply(add_feature(Feature(kind="access_point", geometry=point)))
    assert new_file.findings_stale()
    new_file.set_findings([])
    assert not new_file.findings_stale()
    parameters = new_file.assessment.parameters.model_copy(update={"clear_zone_m": 5.0})
    changed = new_file.assessment.model_copy(update={"parameters": parameters})
    new_file.apply(SetAssessment(new_file.assessment, changed))
    assert new_file.findings_stale()


def test_refuses_a_file_with_a_missing_table(new_file: AvsecFile) -> None:
    raw_sql(new_file, "DROP TABLE responses")
    new_file.close()
    _assert_refused(new_file.path, NotAnAvsecFile, "missing table responses")


def test_damaged_record_message_is_one_line(new_file: AvsecFile) -> None:
    raw_sql(new_file, "UPDATE assessment SET json = '{\"airport\": 5}'")
    new_file.close()
    with pytest.raises(StoreError) as err:
        AvsecFile.open(new_file.path)
    assert "\n" not in str(err.value) and "assessment record is damaged" in str(err.value)


def test_damaged_page_message_is_one_line(new_file: AvsecFile, tmp_path: Path) -> None:
    for i in range(50):
        new_file.add_attachment(bytes([i]) * 5000, filename=f"{i}.jpg")
    new_file.close()
    data = bytearray(new_file.path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200  # garble a b-tree page header
    path = tmp_path / "garbled.avsec"
    path.write_bytes(bytes(data))
    with pytest.raises(NotAnAvsecFile) as err:
        AvsecFile.open(path)
    assert "\n" not in str(err.value) and "garbled.avsec" in str(err.value)
