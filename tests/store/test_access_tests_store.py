"""Access-control tests in the file: their own table, added without a format change, each
test one record for the stale-edit check, undo and the journal."""

from __future__ import annotations

import datetime as dt

import pytest

from avsec.app.undo_history import commands_from_journal
from avsec.core.access_test_edit import SetAccessTest
from avsec.core.access_tests import AccessTest
from avsec.core.commands import DocumentTarget
from avsec.core.errors import StoreError
from avsec.store import AvsecFile
from avsec.store.integrity import check_file
from avsec.store.stale import StaleEdit
from tests.conftest import raw_sql


def _test(test_id: str, result: str = "stopped", at: str = "g-1") -> AccessTest:
    when = dt.datetime(2026, 3, 10, 9, int(test_id[-1]))
    return AccessTest(id=test_id, at=at, when=when, method="no_badge", result=result)


def _tables(f: AvsecFile) -> set[str]:
    return {r[0] for r in raw_sql(f, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_file_without_tests_has_no_table_until_the_first_test(new_file):
    assert "access_tests" not in _tables(new_file)
    assert new_file.access_tests() == [] and new_file.access_test("t-1") is None
    version = new_file.schema_version
    new_file.apply(SetAccessTest("t-1", None, _test("t-1")))
    assert "access_tests" in _tables(new_file)
    assert new_file.schema_version == version  # additive: no migration, no new format
    assert new_file.access_tests() == [_test("t-1")]


def test_a_file_with_the_table_still_opens_and_checks(new_file, tmp_path):
    new_file.apply(SetAccessTest("t-1", None, _test("t-1")))
    path = new_file.path
    new_file.close()
    assert check_file(path, full=True) == 3
    with AvsecFile.open(path) as again:
        assert again.document().access_tests == [_test("t-1")]


def test_an_older_file_without_the_table_reads_no_tests_and_gains_it(new_file):
    new_file.apply(SetAccessTest("t-1", None, _test("t-1")))
    with new_file.transaction():
        raw_sql(new_file, "DROP TABLE access_tests")  # as a file written before the table
    assert new_file.document().access_tests == []
    new_file.apply(SetAccessTest("t-2", None, _test("t-2")))
    assert [t.id for t in new_file.access_tests()] == ["t-2"]


def test_undo_and_redo_restore_each_state(new_file):
    add = SetAccessTest("t-1", None, _test("t-1"))
    change = SetAccessTest("t-1", _test("t-1"), _test("t-1", "not_stopped"))
    new_file.apply(add)
    new_file.apply(change)
    assert new_file.access_test("t-1").result == "not_stopped"
    new_file.revert(change)
    assert new_file.access_test("t-1").result == "stopped"
    new_file.revert(add)
    assert new_file.access_tests() == []
    journal = [c["what"] for c in new_file.changes()[-4:]]
    assert journal == ["access_test:t-1"] * 2 + ["undo access_test:t-1"] * 2


def test_two_programs_adding_tests_keep_both(new_file):
    other = AvsecFile.open(new_file.path, user="second")
    try:
        new_file.apply(SetAccessTest("t-1", None, _test("t-1")))
        other.apply(SetAccessTest("t-2", None, _test("t-2")))
        assert [t.id for t in new_file.access_tests()] == ["t-1", "t-2"]
    finally:
        other.close()


def test_an_edit_built_on_an_old_test_is_refused(new_file):
    new_file.apply(SetAccessTest("t-1", None, _test("t-1")))
    other = AvsecFile.open(new_file.path, user="second")
    try:
        seen = other.access_test("t-1")
        new_file.apply(SetAccessTest("t-1", _test("t-1"), _test("t-1", "partly")))
        with pytest.raises(StaleEdit, match="access_test t-1 changed"):
            other.apply(SetAccessTest("t-1", seen, _test("t-1", "not_stopped")))
        # The same id recorded twice is an addition over another's: refused too.
        with pytest.raises(StaleEdit, match="access_test t-1 was added"):
            other.apply(SetAccessTest("t-1", None, _test("t-1", "not_stopped")))
    finally:
        other.close()
    assert new_file.access_test("t-1").result == "partly"


def test_a_damaged_test_row_is_named(new_file):
    new_file.apply(SetAccessTest("t-1", None, _test("t-1")))
    with new_file.transaction():
        raw_sql(new_file, 'UPDATE access_tests SET json = \'{"id": "t-1"}\'')
    with pytest.raises(StoreError, match="access test t-1 record is damaged"):
        new_file.access_tests()


def test_a_test_over_the_caps_never_reaches_the_file(new_file):
    long = _test("t-1").model_copy(update={"notes": "n" * 70_000})
    with pytest.raises(StoreError, match="access test t-1 was not saved"):
        new_file.apply(SetAccessTest("t-1", None, long))
    assert new_file.access_tests() == []


def test_the_undo_history_comes_back_from_the_journal(new_file):
    new_file.apply(SetAccessTest("t-1", None, _test("t-1")))
    new_file.apply(SetAccessTest("t-1", _test("t-1"), _test("t-1", "partly")))
    doc = new_file.document()
    restored = commands_from_journal(new_file.changes(), doc)
    assert [type(c) for c in restored] == [SetAccessTest, SetAccessTest]
    target = DocumentTarget(doc)
    for command in reversed(restored):
        command.undo(target)
    assert doc.access_tests == []
