"""The access-control tests of an .avsec file, in their own table.

A table rather than an entry in ``extras``: each test is one row, so two programs recording
tests at once never overwrite each other (a list in one extras entry is last-writer-wins), and
the stale-edit check compares one test at a time. The table was added without a format
version change (docs/architecture.md, *Access-control tests*): a file without it simply has no
tests, the first recorded test creates it inside that edit's transaction, and an avsec that
does not know it opens the file as before and leaves the table alone.
"""

from __future__ import annotations

import json
import sqlite3

from avsec.core.access_tests import AccessTest, ordered
from avsec.core.errors import StoreError
from avsec.core.i18n import N_
from avsec.store.schema import write_in_place

#: Created by the first recorded test (never by opening or migrating a file).
CREATE_TABLE = """CREATE TABLE IF NOT EXISTS access_tests (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"""


class AccessTestStore:
    """The access-test half of :class:`avsec.store.AvsecFile` (which supplies the rest)."""

    _conn: sqlite3.Connection

    def _has_test_table(self) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'access_tests'"
        ).fetchone()
        return row is not None

    def _test_from_row(self, test_id: str, text: str) -> AccessTest:
        load = self._load  # type: ignore[attr-defined]
        test: AccessTest = load(f"access test {test_id}", AccessTest, text)
        return test

    def access_tests(self) -> list[AccessTest]:
        """Every access-control test, in the order of the visit (none in a file without
        the table)."""
        if not self._has_test_table():
            return []
        rows = self._conn.execute("SELECT id, json FROM access_tests ORDER BY position")
        return ordered(self._test_from_row(i, text) for i, text in rows)

    def access_test(self, test_id: str) -> AccessTest | None:
        """One test as stored now, or None."""
        if not self._has_test_table():
            return None
        row = self._conn.execute(
            "SELECT json FROM access_tests WHERE id = ?", (test_id,)
        ).fetchone()
        return None if row is None else self._test_from_row(test_id, row[0])

    def write_access_test(self, test_id: str, test: AccessTest | None) -> None:
        """Write or delete one test (inside a transaction)."""
        if test is None:
            if self._has_test_table():
                self._conn.execute("DELETE FROM access_tests WHERE id = ?", (test_id,))
            return
        if test.id != test_id:
            raise StoreError(
                N_("access test {id}: the record says it is {other}"), id=test_id, other=test.id
            )
        self._conn.execute(CREATE_TABLE)
        write_in_place(self._conn, "access_tests", test_id, test.at, test.model_dump_json())
        (stored,) = self._conn.execute(
            "SELECT json FROM access_tests WHERE id = ?", (test_id,)
        ).fetchone()
        refuse = self._refuse_unless_valid  # type: ignore[attr-defined]
        refuse(f"access test {test_id}", AccessTest, json.loads(stored))
