"""Responses as CSV: ``item_id,status[,notes]`` ."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TextIO

from avsec.core.assessment import Response, Status
from avsec.core.checklist import Checklist
from avsec.core.errors import InputError

MAX_CSV_BYTES = 8 * 1024 * 1024
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
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if len(raw) > MAX_CSV_BYTES:
        raise InputError(f"{path.name}: larger than {MAX_CSV_BYTES // 2**20} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{path.name}: line {line}: not UTF-8 text; save the CSV as UTF-8"
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise InputError(f"{path.name}: the file is empty") from None
    if header[:2] != REQUIRED or len(header) > 3 or (len(header) == 3 and header[2] != "notes"):
        raise InputError(
            f"{path.name}: line 1: columns must be item_id,status[,notes], not {','.join(header)}"
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
                f"{path.name}: line {line}: expected {len(header)} columns, found {len(row)}"
            )
        item_id, status = row[0].strip(), row[1].strip().lower()
        if item_id not in known:
            raise InputError(f"{path.name}: line {line}: unknown item id {item_id!r}")
        if status not in statuses:
            raise InputError(
                f"{path.name}: line {line}: unknown status {row[1].strip()!r} "
                f"(use one of {', '.join(sorted(statuses))})"
            )
        if item_id in seen:
            raise InputError(
                f"{path.name}: line {line}: item {item_id} already given on line {seen[item_id]}"
            )
        seen[item_id] = line
        notes = row[2] if has_notes and len(row) > 2 else ("" if has_notes else None)
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


def _write_rows(handle: TextIO, checklist: Checklist, responses: dict[str, Response]) -> int:
    writer = csv.writer(handle)
    writer.writerow(["item_id", "status", "notes"])
    count = 0
    for item_id in checklist.item_ids():
        response = responses.get(item_id)
        writer.writerow(
            [
                item_id,
                response.status.value if response else "not_assessed",
                response.notes if response else "",
            ]
        )
        count += 1
    return count
