"""Responses as CSV: ``item_id,status[,notes]`` ."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, TextIO

from avsec.core.assessment import Response, Status
from avsec.core.checklist import Checklist
from avsec.core.errors import InputError
from avsec.core.i18n import N_
from avsec.core.textlimits import MAX_NOTES_CHARS
from avsec.io.resources import utf8_text

MAX_CSV_BYTES = 8 * 1024 * 1024
#: Text a spreadsheet program would run as a formula starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REQUIRED = ["item_id", "status"]


def read_responses_csv(path: Path, checklist: Checklist) -> list[tuple[str, Status, str | None]]:
    """Parse and check a responses CSV; nothing is applied here.

    Returns
    -------
    list of (item_id, status, notes)
        ``notes`` is None when the file has no notes column (existing notes are then kept).

    Raises
    ------
    InputError
        Naming the file and line: not UTF-8, wrong columns, unknown item id or status,
        duplicate item.
    """
    path = Path(path)
    raw = read_bounded(path, MAX_CSV_BYTES)
    message = N_("{name}: line {line}: not UTF-8 text; save the CSV as UTF-8")
    text = utf8_text(raw, message, name=path.name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _parse_rows(reader, path, checklist)
    except csv.Error as exc:
        # A field longer than the csv module's limit, a NUL byte, an unclosed quote.
        raise InputError(
            N_("{name}: line {line_num}: not a readable CSV ({exc})"),
            name=path.name,
            line_num=reader.line_num,
            exc=exc,
        ) from None


def _parse_rows(
    reader: Any, path: Path, checklist: Checklist
) -> list[tuple[str, Status, str | None]]:
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise InputError(N_("{name}: the file is empty"), name=path.name) from None
    if header[:2] != REQUIRED or len(header) > 3 or (len(header) == 3 and header[2] != "notes"):
        raise InputError(
            N_("{name}: line 1: columns must be item_id,status[,notes], not {names}"),
            name=path.name,
            names=",".join(header),
        )
    has_notes = len(header) == 3
    known = set(checklist.item_ids())
    statuses = {s.value for s in Status}
    rows: list[tuple[str, Status, str | None]] = []
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
        notes = row[2] if has_notes and len(row) > 2 else ("" if has_notes else None)
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
        rows.append((item_id, Status(status), notes))
    return rows


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
    writer.writerow(["item_id", "status", "notes"])
    count = 0
    for item_id in checklist.item_ids():
        response = responses.get(item_id)
        writer.writerow(
            [
                item_id,
                response.status.value if response else "not_assessed",
                guard(response.notes) if response else "",
            ]
        )
        count += 1
    return count
