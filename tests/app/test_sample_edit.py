"""Recording a sample: one undoable, journaled, stale-checked edit through SetResponse."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.app.editor import Editor
from avsec.app.undo_history import commands_from_journal
from avsec.core.commands import SetResponse
from avsec.core.errors import InputError, StoreError
from avsec.store import AvsecFile
from tests.conftest import raw_sql
from tests.sampling import sampling_file


@pytest.fixture
def editor(tmp_path: Path):
    f = sampling_file(tmp_path)
    yield Editor(f)
    f.close()


def test_a_sample_is_one_undoable_edit_that_describes_itself(editor: Editor) -> None:
    editor.apply(editor.status_edit("ACP-01", "compliant"))
    command = editor.sample_edit("ACP-01", 10, 3)
    assert isinstance(command, SetResponse)
    assert command.describe() == "Record sample of ACP-01"
    assert not command.notes_only()  # never merged into a run of typed notes
    editor.apply(command)
    stored = editor.file.responses()["ACP-01"]
    assert (stored.sample_size, stored.failures, stored.status) == (10, 3, "compliant")
    what, before, after = editor.file.changes()[-1]["what"], None, None
    assert what == "response:ACP-01"
    editor.revert(command)
    stored = editor.file.responses()["ACP-01"]
    assert (stored.sample_size, stored.failures) == (None, None)
    assert editor.doc.responses["ACP-01"].sample_size is None
    assert raw_sql(editor.file, "SELECT key FROM extras WHERE key LIKE 'sample:%'") == []
    del before, after


def test_the_journal_holds_the_counts_and_undo_comes_back_after_reopening(
    editor: Editor,
) -> None:
    editor.apply(editor.sample_edit("ACP-02", 20, 0))
    row = editor.file.changes()[-1]
    assert row["after"]["sample_size"] == 20 and row["after"]["failures"] == 0
    (restored,) = commands_from_journal(editor.file.changes(), editor.file.document())[-1:]
    assert restored.after.sample_size == 20 and restored.before is None


def test_unchanged_counts_make_no_edit_and_zero_clears(editor: Editor) -> None:
    editor.apply(editor.sample_edit("ACP-01", 5, 1))
    assert editor.sample_edit("ACP-01", 5, 1) is None
    clear = editor.sample_edit("ACP-01", 0, 0)
    assert clear is not None and clear.after is not None and clear.after.sample_size is None


@pytest.mark.parametrize(("size", "failures"), [(5, 6), (5, -1), (100_000, 0)])
def test_counts_out_of_range_are_refused(editor: Editor, size: int, failures: int) -> None:
    with pytest.raises(InputError, match="ACP-01"):
        editor.sample_edit("ACP-01", size, failures)


def test_an_unknown_item_is_refused(editor: Editor) -> None:
    with pytest.raises(InputError, match="NOPE-1"):
        editor.sample_edit("NOPE-1", 5, 0)


def test_a_sample_changed_behind_the_editors_back_is_a_stale_edit(
    editor: Editor, tmp_path: Path
) -> None:
    editor.apply(editor.sample_edit("ACP-01", 10, 1))
    command = editor.sample_edit("ACP-01", 10, 2)
    raw_sql(
        editor.file,
        'UPDATE extras SET json = \'{"sample_size": 10, "failures": 5}\''
        " WHERE key = 'sample:ACP-01'",
    )
    with pytest.raises(StoreError):
        editor.file.apply(command)


def test_an_older_file_without_samples_opens_and_takes_them(tmp_path: Path) -> None:
    # A response written the way avsec wrote it before samples: the row alone.
    f = sampling_file(tmp_path)
    raw_sql(f, "INSERT INTO responses VALUES ('ACP-01', 'compliant', 'old', '[]', NULL, '')")
    path = f.path
    f.close()
    with AvsecFile.open(path) as again:
        response = again.responses()["ACP-01"]
        assert response.notes == "old" and response.sample_size is None
        editor = Editor(again)
        editor.apply(editor.sample_edit("ACP-01", 8, 0))
        assert again.responses()["ACP-01"].sample_size == 8


def test_what_an_older_avsec_reads_from_a_newer_file(tmp_path: Path) -> None:
    """An older avsec reads the responses table only: the same row as ever, the sample apart
    in an extras entry it never reads (so it opens, shows and edits the file)."""
    f = sampling_file(tmp_path)
    editor = Editor(f)
    editor.apply(editor.status_edit("ACP-01", "not_compliant"))
    editor.apply(editor.sample_edit("ACP-01", 10, 4))
    columns = [row[1] for row in raw_sql(f, "PRAGMA table_info(responses)")]
    assert columns == ["item_id", "status", "notes", "photos", "updated", "updated_by"]
    assert raw_sql(f, "SELECT status FROM responses WHERE item_id = 'ACP-01'") == [
        ("not_compliant",)
    ]
    assert raw_sql(f, "PRAGMA user_version") == [(3,)]
    # An older avsec deleting the response leaves the entry: a stray entry is ignored.
    raw_sql(f, "DELETE FROM responses WHERE item_id = 'ACP-01'")
    assert "ACP-01" not in f.responses()
    f.close()


def test_a_damaged_sample_entry_is_one_line_naming_the_file(tmp_path: Path) -> None:
    f = sampling_file(tmp_path)
    editor = Editor(f)
    editor.apply(editor.sample_edit("ACP-01", 10, 4))
    raw_sql(
        f,
        'UPDATE extras SET json = \'{"sample_size": 3, "failures": 4}\''
        " WHERE key = 'sample:ACP-01'",
    )
    with pytest.raises(StoreError, match="sampled.avsec"):
        f.responses()
    raw_sql(f, "UPDATE extras SET json = '[1]' WHERE key = 'sample:ACP-01'")
    with pytest.raises(StoreError, match="sample:ACP-01"):
        f.responses()
    f.close()
