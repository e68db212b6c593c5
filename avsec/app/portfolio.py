"""The portfolio over .avsec files and folders: read every visit, never stop on a bad file.

Files are only read: an older format is not migrated here (that writes a backup next to a
file that may sit on a shared drive), it is listed as skipped with the reason, like a damaged
file or one encrypted without its passphrase.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import ValidationError

from avsec.core.errors import AvsecError, InputError
from avsec.core.i18n import N_
from avsec.core.notices import Notice
from avsec.core.portfolio import PlanRow, Portfolio, Skipped, VisitRecord, build_portfolio
from avsec.core.scoring import score_checklist
from avsec.store import AvsecFile

SUFFIX = ".avsec"


def collect_files(paths: Sequence[str | Path]) -> list[Path]:
    """The .avsec files named in ``paths``, folders searched recursively, each once.

    Raises
    ------
    InputError
        A path does not exist.
    """
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob(f"*{SUFFIX}")):
                # Pre-migration backups and half-built files are copies, not visits.
                if (
                    child.is_file()
                    and "-backup" not in child.stem
                    and not child.name.startswith(".")
                ):
                    found.setdefault(child.resolve(), None)
        elif path.is_file():
            found.setdefault(path.resolve(), None)
        else:
            raise InputError(N_("{path}: no such file or folder"), path=path)
    return list(found)


def read_visit(path: Path) -> VisitRecord:
    """What one file contributes to the portfolio.

    Raises
    ------
    AvsecError
        The file cannot be read (damaged, encrypted, not an .avsec file, older format).
    """
    with AvsecFile.open(path, migrate=False) as f:
        header, checklist, responses = f.assessment, f.checklist, f.responses()
        actions = f.actions()
    return VisitRecord(
        uuid=header.id,
        date=header.started,
        icao=header.airport.icao,
        name=header.airport.name,
        scores=score_checklist(checklist, responses).to_json(),
        statuses={item_id: str(r.status) for item_id, r in responses.items()},
        actions=tuple(PlanRow.of(a) for a in actions),
    )


class SkipReason(str):
    """Why a file was skipped: the error's first line without the file's name (English as a
    ``str``), in any language with :meth:`in_language`."""

    error: BaseException
    name: str

    def __new__(cls, error: BaseException, name: str) -> SkipReason:
        self = super().__new__(cls, _first_line(str(error), name) or type(error).__name__)
        self.error, self.name = error, name
        return self

    def in_language(self, lang: str) -> str:
        """The reason in ``lang`` (an avsec error translates; any other is quoted)."""
        if not isinstance(self.error, AvsecError):
            return str(self)
        return _first_line(self.error.in_language(lang), self.name) or str(self)


def _first_line(text: str, name: str) -> str:
    line = text.splitlines()[0] if text else ""
    # ``name: ...`` (and ``name : ...``, as French writes it).
    for prefix in (f"{name}: ", f"{name} : "):
        line = line.removeprefix(prefix)
    return line


def read_visits(files: Iterable[Path]) -> tuple[list[VisitRecord], list[Skipped]]:
    """Read every file; the unreadable ones and copies of a visit already read are skipped."""
    records: list[VisitRecord] = []
    skipped: list[Skipped] = []
    seen: dict[str, Path] = {}
    for path in files:
        try:
            record = read_visit(path)
        except (AvsecError, sqlite3.Error, ValidationError, ValueError) as exc:
            skipped.append(Skipped(str(path), SkipReason(exc, path.name)))
            continue
        if record.uuid in seen:
            same = Notice(N_("the same assessment as {name}"), name=seen[record.uuid].name)
            skipped.append(Skipped(str(path), same))
            continue
        seen[record.uuid] = path
        records.append(record)
    return records, skipped


def portfolio_of_files(paths: Sequence[str | Path], today: dt.date | None = None) -> Portfolio:
    """The portfolio of the .avsec files and folders in ``paths``."""
    records, skipped = read_visits(collect_files(paths))
    return build_portfolio(records, today or dt.date.today(), skipped)
