"""Responses as CSV: ``item_id,status[,notes][,sample_size,failures]``.

The sample columns are optional and come together: a file without them (every file written
before samples) imports as ever and leaves the recorded samples alone; with them, a row's
empty cells clear its sample (docs/architecture.md, *Samples*).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TextIO, TypeVar

from avsec.core.assessment import MAX_SAMPLE_SIZE, Response, Status
from avsec.core.checklist import Checklist
from avsec.core.errors import InputError
from avsec.core.i18n import N_
from avsec.core.textlimits import MAX_NOTES_CHARS
from avsec.io.resources import utf8_text

MAX_CSV_BYTES = 8 * 1024 * 1024
#: Text a spreadsheet program would run as a formula starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REQUIRED = ["item_id", "status"]
#: The columns a responses CSV may add after the required ones (the two sample columns come
#: together).
OPTIONAL = ("notes", "sample_size", "failures")
SAMPLE_COLUMNS = ("sample_size", "failures")
T = TypeVar("T")


class ResponseRow(NamedTuple):
    """One row of a responses CSV, checked."""

    item_id: str
    status: Status
    #: None when the file has no notes column (existing notes are then kept).
    notes: str | None
    #: (sample size, failures); (None, None) for empty cells (no sample); None when the
    #: file has no sample columns (the recorded sample is then kept).
    sample: tuple[int | None, int | None] | None = None


def read_responses_csv(path: Path, checklist: Checklist) -> list[ResponseRow]:
    """Parse and check a responses CSV; nothing is applied here.

    Returns
    -------
    list of ResponseRow
        ``notes`` is None when the file has no notes column, ``sample`` None when it has no
        sample columns (what is recorded is then kept).

    Raises
    ------
    InputError
        Naming the file and line: not UTF-8, wrong columns, unknown item id or status,
        duplicate item, a sample that is not two whole numbers with 0 <= failures <= size,
        or a sample on an item that asks for none.
    """
    path = Path(path)
    return parse_csv_file(path, MAX_CSV_BYTES, lambda reader: _parse_rows(reader, path, checklist))


def _parse_rows(reader: Any, path: Path, checklist: Checklist) -> list[ResponseRow]:
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise InputError(N_("{name}: the file is empty"), name=path.name) from None
    extra = header[2:]
    if (
        header[:2] != REQUIRED
        or any(name not in OPTIONAL for name in extra)
        or len(set(extra)) != len(extra)
        or (set(SAMPLE_COLUMNS) & set(extra) and not set(SAMPLE_COLUMNS) <= set(extra))
    ):
        raise InputError(
            N_(
                "{name}: line 1: columns must be item_id,status[,notes][,sample_size,failures],"
                " not {names}"
            ),
            name=path.name,
            names=",".join(header),
        )
    column = {name: index for index, name in enumerate(header)}
    has_notes = "notes" in column
    has_sample = "sample_size" in column
    known = set(checklist.item_ids())
    sampling = {item.id for item in checklist.items() if item.sample is not None}
    statuses = {s.value for s in Status}
    rows: list[ResponseRow] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or len(row) > len(header):
            raise InputError(
                N_("{name}: line {line}: expected {header_count} columns, found {row_count}"),
                name=path.name,
                line=line,
                header_count=len(header),
                row_count=len(row),
            )
        item_id, status = row[0].strip(), row[1].strip().lower()
        if item_id not in known:
            raise InputError(
                N_("{name}: line {line}: unknown item id {item_id!r}"),
                name=path.name,
                line=line,
                item_id=item_id,
            )
        if status not in statuses:
            raise InputError(
                N_("{name}: line {line}: unknown status {row!r} (use one of {names})"),
                name=path.name,
                line=line,
                row=row[1].strip(),
                names=", ".join(sorted(statuses)),
            )
        if item_id in seen:
            raise InputError(
                N_("{name}: line {line}: item {item_id} already given on line {seen}"),
                name=path.name,
                line=line,
                item_id=item_id,
                seen=seen[item_id],
            )
        seen[item_id] = line

        notes = _cell(row, column, "notes") if has_notes else None
        if notes is not None:
            notes = unguard(notes)
            if len(notes) > MAX_NOTES_CHARS:
                raise InputError(
                    N_(
                        "{name}: line {line}: the note is longer than {MAX_NOTES_CHARS:,} characters ({notes_count:,})"
                    ),
                    name=path.name,
                    line=line,
                    MAX_NOTES_CHARS=MAX_NOTES_CHARS,
                    notes_count=len(notes),
                )
        sample = None
        if has_sample:
            size, failures = _cell(row, column, "sample_size"), _cell(row, column, "failures")
            sample = _sample(size, failures, path, line)
            if sample != (None, None) and item_id not in sampling:
                raise InputError(
                    N_(
                        "{name}: line {line}: item {item_id} asks for no sample; "
                        "leave sample_size and failures empty"
                    ),
                    name=path.name,
                    line=line,
                    item_id=item_id,
                )
        rows.append(ResponseRow(item_id, Status(status), notes, sample))
    return rows


def _cell(row: list[str], column: dict[str, int], name: str) -> str:
    """The cell of column ``name`` in ``row`` ('' when the row is short)."""
    index = column[name]
    return row[index] if index < len(row) else ""


def _sample(
    size_text: str, failures_text: str, path: Path, line: int
) -> tuple[int | None, int | None]:
    """The (size, failures) of one row; (None, None) when both cells are empty."""
    size_text, failures_text = size_text.strip(), failures_text.strip()
    if not size_text and not failures_text:
        return None, None
    try:
        size, failures = int(size_text), int(failures_text)
    except ValueError:
        raise InputError(
            N_(
                "{name}: line {line}: sample_size and failures must be whole numbers, "
                "not {size!r} and {failures!r}"
            ),
            name=path.name,
            line=line,
            size=size_text,
            failures=failures_text,
        ) from None
    if not 1 <= size <= MAX_SAMPLE_SIZE or not 0 <= failures <= size:
        raise InputError(
            N_(
                "{name}: line {line}: a sample of {size} with {failures} failures is out of "
                "range (1 to {most:,} sampled, 0 to that many failures)"
            ),
            name=path.name,
            line=line,
            size=size,
            failures=failures,
            most=MAX_SAMPLE_SIZE,
        )
    return size, failures


def write_responses_csv(
    target: Path | TextIO, checklist: Checklist, responses: dict[str, Response]
) -> int:
    """Write every item's response (``not_assessed`` when none) and return the row count.

    ``target`` is a path or an open text stream (the CLI passes stdout for ``-o -``).
    """
    if not isinstance(target, Path):
        return _write_rows(target, checklist, responses)
    with target.open("w", encoding="utf-8", newline="") as handle:
        return _write_rows(handle, checklist, responses)


def parse_csv_file(path: Path, limit: int, parse: Callable[[Any], T]) -> T:
    """``parse(reader)`` over the rows of the UTF-8 CSV file ``path`` (a csv.reader, whose
    ``line_num`` names the line of an error); a file over ``limit`` bytes, not UTF-8 or not
    readable as CSV is an :class:`InputError` naming the file and the line."""
    raw = read_bounded(path, limit)
    message = N_("{name}: line {line}: not UTF-8 text; save the CSV as UTF-8")
    reader = csv.reader(io.StringIO(utf8_text(raw, message, name=path.name), newline=""))
    try:
        return parse(reader)
    except csv.Error as exc:
        # A field longer than the csv module's limit, a NUL byte, an unclosed quote.
        raise InputError(
            N_("{name}: line {line}: not a readable CSV ({reason})"),
            name=path.name,
            line=reader.line_num,
            reason=exc,
        ) from None


def read_bounded(path: Path, limit: int) -> bytes:
    """Read at most ``limit`` bytes of ``path``; a larger file (or an endless one such as
    /dev/zero, whose size the file system does not tell) is refused before it fills memory."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(
            N_("{path}: cannot be read ({strerror})"), path=path, strerror=exc.strerror or exc
        ) from exc
    if len(raw) > limit:
        raise InputError(
            N_("{path}: larger than {limit} MiB; refused before reading"),
            path=path,
            limit=limit // 2**20,
        )
    return raw


def guard(value: str) -> str:
    """Keep a spreadsheet from running ``value`` as a formula (CSV injection): a text that
    starts with = + - @, a tab or a carriage return gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unguard(value: str) -> str:
    """Undo :func:`guard` on import, so an exported note comes back unchanged."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def _write_rows(handle: TextIO, checklist: Checklist, responses: dict[str, Response]) -> int:
    # Every field quoted: a spreadsheet set to split on ';' cannot cut a note into cells.
    writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
    # The sample columns go with a checklist that asks for samples: the same columns for
    # every file of that checklist, and the old three for one that asks for none.
    samples = any(item.sample is not None for item in checklist.items())
    writer.writerow(["item_id", "status", "notes", *(SAMPLE_COLUMNS if samples else ())])
    count = 0
    for item_id in checklist.item_ids():
        response = responses.get(item_id)
        row = [
            item_id,
            response.status.value if response else "not_assessed",
            guard(response.notes) if response else "",
        ]
        if samples:
            sampled = response if response is not None and response.has_sample() else None
            row += [str(sampled.sample_size), str(sampled.failures)] if sampled else ["", ""]
        writer.writerow(row)
        count += 1
    return count
