"""Access-control tests from outside: the method -> items mapping beside the checklists, and a
CSV of tests (``avsec tests import``).

CSV columns, named on the first line in any order: ``at,method,result`` required, ``when``
(ISO 8601 date and time), ``who`` and ``notes`` optional. Every bad row is reported, one line
each naming the file and the line, and nothing is imported while one is bad.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from avsec.core.access_tests import METHODS, RESULTS, AccessTest
from avsec.core.checklist import Checklist
from avsec.core.errors import InputError, validation_reason, validation_where
from avsec.core.i18n import N_
from avsec.io.resources import data_path
from avsec.io.responses_csv import parse_csv_file
from avsec.io.yamlfile import load_yaml_text

#: A tests CSV is a visit's worth of rows, never a data dump.
MAX_TESTS_CSV_BYTES = 2 * 1024 * 1024
MAX_TESTS_ROWS = 5_000
#: A bad file reports at most this many rows (then how many more).
MAX_REPORTED_ROWS = 20
REQUIRED_COLUMNS = ("at", "method", "result")
OPTIONAL_COLUMNS = ("when", "who", "notes")
#: Folder of checklists/ holding the method -> items mapping of each checklist (by its id).
MAPPING_FOLDER = "access-tests"


class TestRowsError(InputError):
    """Rows of a tests CSV are unusable: ``problems`` has one error per bad row, each naming
    the file and the line (the command line prints each on its own line)."""

    __test__ = False  # not a pytest class

    def __init__(self, problems: list[InputError]):
        self.problems = list(problems)
        more = len(self.problems) - 1
        if more:
            super().__init__(
                N_("{first} (and {more} more bad rows)"), first=self.problems[0], more=more
            )
        else:
            super().__init__(self.problems[0].message, **self.problems[0].fields)


def method_items(checklist: Checklist) -> dict[str, list[str]]:
    """The items each test method informs, for ``checklist`` (empty for a checklist without
    a mapping); ids the checklist lacks are left out."""
    data = _bundled_mapping(checklist.id)
    return {} if data is None else parse_mapping(data, set(checklist.item_ids()))


@functools.lru_cache(maxsize=8)
def _bundled_mapping(checklist_id: str) -> Any:
    # Read once per checklist: the item page asks on every item it shows.
    if "/" in checklist_id or "\\" in checklist_id or checklist_id.startswith("."):
        return None
    source = data_path("checklists", MAPPING_FOLDER, f"{checklist_id}.yaml")
    if not source.is_file():
        return None
    return load_yaml_text(source.read_bytes(), source.name)


def parse_mapping(data: Any, known: set[str] | None = None) -> dict[str, list[str]]:
    """Read ``{"methods": {method: [item ids]}}``; unknown items are dropped when ``known``
    is given, unknown methods refused."""
    methods = data.get("methods") if isinstance(data, dict) else None
    if not isinstance(methods, dict):
        raise InputError("access-test mapping: no 'methods' table")
    out: dict[str, list[str]] = {}
    for method, items in methods.items():
        if method not in METHODS:
            raise InputError(N_("access-test mapping: unknown method {method!r}"), method=method)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise InputError(
                N_("access-test mapping: {method}: not a list of item ids"), method=method
            )
        out[method] = [i for i in items if known is None or i in known]
    return out


def parse_when(text: str) -> dt.datetime:
    """An ISO 8601 date and time (a date alone means midnight); ValueError otherwise."""
    text = text.strip()
    if len(text) == 10:
        return dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _one_of(fields: Mapping[str, str], key: str, allowed: Sequence[str], message: str) -> str:
    """The field ``key`` in lower case; refused with ``message`` (its placeholders: ``key``
    and ``names``, the allowed values) when it is not one of ``allowed``."""
    value = fields.get(key, "").strip().lower()
    if value not in allowed:
        raise InputError(message, names=", ".join(allowed), **{key: value})
    return value


def build_test(
    test_id: str,
    access_points: Mapping[str, str],
    fields: Mapping[str, str],
    now: dt.datetime,
    photos: Sequence[str] = (),
) -> AccessTest:
    """One test from text fields (CLI options or a CSV row); an :class:`InputError` says what
    is wrong (without the file: the caller names it).

    ``access_points`` maps the layout's access point ids to their names; ``photos`` are the
    attachment ids of photos already stored in the file.
    """
    at = fields.get("at", "").strip()
    if at not in access_points:
        raise InputError(N_("{at!r} is not an access point of the layout"), at=at)
    method = _one_of(
        fields, "method", METHODS, N_("unknown method {method!r} (use one of {names})")
    )
    result = _one_of(
        fields, "result", RESULTS, N_("unknown result {result!r} (use one of {names})")
    )
    when_text = fields.get("when", "").strip()
    try:
        when = parse_when(when_text) if when_text else now
    except ValueError:
        raise InputError(N_("{when!r} is not an ISO date and time"), when=when_text) from None
    try:
        return AccessTest(
            id=test_id,
            at=at,
            when=when,
            method=method,  # type: ignore[arg-type]
            result=result,  # type: ignore[arg-type]
            who=fields.get("who", "").strip(),
            notes=fields.get("notes", "").strip(),
            photos=list(photos),
        )
    except ValidationError as exc:
        where = validation_where(exc) or "test"
        raise InputError(
            N_("{where}: {reason}"), where=where, reason=validation_reason(exc)
        ) from None


def read_tests_csv(
    path: Path,
    access_points: Mapping[str, str],
    new_id: Any,
    now: dt.datetime,
) -> list[AccessTest]:
    """Parse a tests CSV into tests (ids from ``new_id()``); nothing is stored here.

    Raises
    ------
    InputError
        The file cannot be read (size, encoding, header).
    TestRowsError
        One line per bad row, each naming the file and the line.
    """
    path = Path(path)

    def parse(reader: Any) -> list[AccessTest]:
        header = [h.strip().lower() for h in next(reader, [])]
        if not header:
            raise InputError(N_("{name}: the file is empty"), name=path.name)
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
        if missing or unknown or len(set(header)) != len(header):
            raise InputError(
                N_(
                    "{name}: line 1: columns must be at,method,result[,when][,who][,notes] "
                    "in any order, not {names}"
                ),
                name=path.name,
                names=",".join(header)[:200],
            )
        return _rows(reader, header, path, access_points, new_id, now)

    return parse_csv_file(path, MAX_TESTS_CSV_BYTES, parse)


def _rows(
    reader: Any,
    header: list[str],
    path: Path,
    access_points: Mapping[str, str],
    new_id: Any,
    now: dt.datetime,
) -> list[AccessTest]:
    tests: list[AccessTest] = []
    problems: list[InputError] = []
    bad = 0
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(tests) + bad >= MAX_TESTS_ROWS:
            raise InputError(
                N_("{name}: more than {limit:,} tests; split the file"),
                name=path.name,
                limit=MAX_TESTS_ROWS,
            )
        try:
            if len(row) != len(header):
                raise InputError(
                    N_("expected {header_count} columns, found {row_count}"),
                    header_count=len(header),
                    row_count=len(row),
                )
            tests.append(
                build_test(new_id(), access_points, dict(zip(header, row, strict=True)), now)
            )
        except InputError as exc:
            bad += 1
            if len(problems) < MAX_REPORTED_ROWS:
                problems.append(
                    InputError(
                        N_("{name}: line {line}: {problem}"),
                        name=path.name,
                        line=line,
                        problem=exc,
                    )
                )
    if bad > len(problems):
        problems.append(
            InputError(
                N_("{name}: {count} more bad rows not listed"),
                name=path.name,
                count=bad - len(problems),
            )
        )
    if problems:
        raise TestRowsError(problems)
    if not tests:
        raise InputError(N_("{name}: no tests in the file"), name=path.name)
    return tests
