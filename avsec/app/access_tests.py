"""Recording access-control tests: what ``avsec tests`` and the app's test dialog both do.

Each edit is a core command (:class:`avsec.core.access_test_edit.SetAccessTest`, or a
:class:`~avsec.core.commands.Batch` of them for an import): undoable, journaled, stale-checked
one test at a time by the store.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from avsec.core.access_test_edit import SetAccessTest
from avsec.core.access_tests import (
    AccessTest,
    ordered,
    suggested_from_tests,
    tests_for_item,
)
from avsec.core.checklist import Checklist
from avsec.core.commands import Batch
from avsec.core.errors import InputError
from avsec.core.i18n import N_
from avsec.core.layout import Feature
from avsec.io.access_tests import build_test, method_items, read_tests_csv


def new_test_id() -> str:
    """A fresh test id: unique across programs recording tests in the same file at once."""
    return "t-" + uuid.uuid4().hex[:10]


def access_points(features: Iterable[Feature], lang: str = "en") -> dict[str, str]:
    """The layout's access points: id -> name in ``lang`` (the id when unnamed)."""
    return {f.id: f.label(lang) or f.id for f in features if f.kind == "access_point"}


def now_local() -> dt.datetime:
    """The time a test recorded without one gets: now, local time to the minute (as the
    inspector writes the time of a test on the ground)."""
    return dt.datetime.now().replace(second=0, microsecond=0)


def record_test(
    features: Iterable[Feature],
    fields: Mapping[str, str],
    *,
    now: dt.datetime | None = None,
    where: str = "access test",
    photos: Sequence[str] = (),
) -> SetAccessTest:
    """The command recording one test (``fields``: at, method, result, when, who, notes;
    ``photos``: attachment ids already stored in the file).

    Raises
    ------
    InputError
        An unknown access point, method or result, a bad time, a text over its cap.
    """
    try:
        test = build_test(
            new_test_id(), access_points(features), fields, now or now_local(), photos
        )
    except InputError as exc:
        raise InputError(N_("{where}: {problem}"), where=where, problem=exc) from None
    return SetAccessTest(test.id, None, test)


def change_test(tests: Iterable[AccessTest], test: AccessTest) -> SetAccessTest | None:
    """The command replacing a recorded test by ``test`` (None when nothing changes)."""
    before = next((t for t in tests if t.id == test.id), None)
    if before is None:
        raise InputError(N_("access test {id}: no such test"), id=test.id)
    return None if before == test else SetAccessTest(test.id, before, test)


def delete_test(tests: Iterable[AccessTest], test_id: str) -> SetAccessTest:
    """The command deleting one test."""
    before = next((t for t in tests if t.id == test_id), None)
    if before is None:
        raise InputError(N_("access test {id}: no such test"), id=test_id)
    return SetAccessTest(test_id, before, None)


def import_tests(features: Iterable[Feature], path: Path) -> Batch:
    """The one undoable edit adding every test of a CSV file (nothing when a row is bad).

    Raises
    ------
    InputError, avsec.io.access_tests.TestRowsError
        The file or some of its rows are unusable (one line per bad row).
    """
    tests = read_tests_csv(Path(path), access_points(features), new_test_id, now_local())
    return Batch(
        N_("Import {count} access tests from {name}"),
        [SetAccessTest(t.id, None, t) for t in tests],
        {"count": len(tests), "name": Path(path).name},
    )


def access_tests_json(tests: Iterable[AccessTest]) -> dict[str, Any]:
    """The fixed ``tests list --json`` shape."""
    return {"tests": [t.to_json() for t in ordered(tests)]}


def item_tests(
    checklist: Checklist, tests: Iterable[AccessTest], item_id: str
) -> tuple[list[AccessTest], str | None]:
    """The tests informing ``item_id`` and the status they suggest (None: nothing)."""
    linked = tests_for_item(item_id, tests, method_items(checklist))
    return linked, suggested_from_tests(linked)


def methods_for_item(checklist: Checklist, item_id: str) -> list[str]:
    """The test methods that inform ``item_id`` (the dialog opened from the item offers
    them first)."""
    return [m for m, items in method_items(checklist).items() if item_id in items]
