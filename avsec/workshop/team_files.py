"""Read an answer key or a team file for comparing, from a private copy.

Team files come back on USB sticks: each is checked (:func:`avsec.store.check_file`), copied to
a temporary folder and only the copy is opened, so comparing never writes to a team's stick
(not even a migration backup). Errors name the file the user gave, not the copy, and keep their
msgid so they still translate.
"""

from __future__ import annotations

import copy as copying
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from avsec.core.actions import Action
from avsec.core.assessment import Assessment, Response
from avsec.core.checklist import Checklist
from avsec.core.errors import AvsecError, ForeignFileError, StoreError
from avsec.core.i18n import N_
from avsec.core.notices import Notice


def _renamed(
    error: AvsecError, old: str, new: str, as_type: type[AvsecError] | None = None
) -> AvsecError:
    """``error`` with every mention of the file name ``old`` replaced by ``new``."""

    def swap(value: object) -> object:
        text = str(value) if isinstance(value, (str, Path)) else None
        return text.replace(old, new) if text is not None and old in text else value

    renamed = copying.copy(error)
    renamed.fields = {k: swap(v) for k, v in error.fields.items()}
    renamed.message = str(swap(error.message))
    renamed.args = (str(error).replace(old, new),)
    if as_type is not None and not isinstance(renamed, as_type):
        converted = as_type(renamed.message, **renamed.fields)
        converted.args = renamed.args
        return converted
    return renamed


@dataclass
class Loaded:
    """What comparing needs from one file, read from a private copy."""

    assessment: Assessment
    checklist: Checklist
    snapshot_sha: str
    responses: dict[str, Response]
    actions: list[Action]
    extras: dict[str, Any]
    #: How the responses differ from the changes journal (None: they agree), translatable.
    journal_mismatch: Notice | None = None


def snapshot_sha(f: Any, name: str) -> str:
    """The sha256 of the checklist snapshot of open file ``f``, errors naming ``name``."""
    try:
        return str(f.checklist_snapshot_sha())
    except StoreError as exc:
        raise _renamed(exc, f.path.name, name, as_type=ForeignFileError) from exc


def load(
    path: Path, workdir: Path, extras: Sequence[str] = (), *, check_journal: bool = False
) -> Loaded:
    """Check ``path``, copy it to ``workdir`` and read what comparing needs.

    ``check_journal`` replays the file's changes journal and records how its responses differ
    from it (team files: answers edited outside avsec must not count).
    """
    from avsec.store import AvsecFile, check_file, crypto
    from avsec.workshop.journal import journal_mismatch

    name = path.name
    check_file(path)  # refuses non-.avsec, truncated, damaged and newer files, by name
    copy = workdir / f"{len(list(workdir.iterdir()))}-{name}"
    shutil.copyfile(path, copy)
    crypto.share(path, copy)  # an encrypted file: its copy opens without asking again
    try:
        with AvsecFile.open(copy, user="workshop") as f:
            try:
                loaded = Loaded(
                    assessment=f.assessment,
                    checklist=f.checklist,
                    snapshot_sha=snapshot_sha(f, name),
                    responses=f.responses(),
                    actions=f.actions(),
                    extras={k: f.extra(k) for k in extras},
                )
                if check_journal:
                    loaded.journal_mismatch = journal_mismatch(loaded.responses, f.changes())
            except (ValueError, sqlite3.Error) as exc:
                raise ForeignFileError(
                    N_("{name}: the file's records are damaged ({exc})"),
                    name=name,
                    exc=first_line(exc),
                ) from exc
    except StoreError as exc:
        # Messages name the temporary copy; give the user the name they know.
        raise _renamed(exc, copy.name, name) from exc
    unknown = sorted(set(loaded.responses) - set(loaded.checklist.item_ids()))
    if unknown:
        raise ForeignFileError(
            N_("{name}: answers to items that are not in its checklist ({names})"),
            name=name,
            names=", ".join(unknown[:3]),
        )
    return loaded


def without_name(message: str, path: Path) -> str:
    for prefix in (f"{path}: ", f"{path.name}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
