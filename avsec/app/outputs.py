"""Where an output may be written: never over an assessment (docs/architecture.md, README
*Security*).

Every verb that writes a file (through :func:`avsec.verbs._common.safe_output`) and the app's
File > Export and report dialogs call :func:`check_output` first: the input file itself (also
through a symlink or a hard link), an existing .avsec, SQLite or encrypted assessment file
(recognised by its bytes, whatever its name), a folder, a device, a missing folder and a wrong
suffix are each refused in one line.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from avsec.core.errors import InputError
from avsec.core.i18n import N_

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: How each written format begins: an existing file that does not, and looks like an
#: encrypted assessment (whole pages of random bytes), is not replaced.
_KNOWN_STARTS = (b"%PDF", b"PK\x03\x04", b"\x89PNG")


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def _may_be_encrypted_assessment(path: Path) -> bool:
    """An encrypted .avsec renamed (random pages): not a PDF, workbook, image or text."""
    from avsec.store.crypto import looks_encrypted

    if not looks_encrypted(path):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if head.startswith(_KNOWN_STARTS):
        return False
    try:
        head.decode("utf-8")  # CSV, JSON, GeoJSON, KML, YAML (a page cut mid-character aside)
    except UnicodeDecodeError as exc:
        return exc.start < len(head) - 4
    return False


def is_assessment_file(path: Path) -> bool:
    """Whether ``path`` holds (or may hold) an assessment: .avsec, SQLite or encrypted."""
    return path.suffix.lower() == ".avsec" or _is_sqlite(path) or _may_be_encrypted_assessment(path)


def check_output(
    target: str | Path,
    suffixes: Sequence[str],
    inputs: Sequence[str | Path] = (),
    suffix_message: str | None = None,
) -> Path:
    """Check that ``target`` may be written; return it as a Path.

    ``suffix_message`` (an English msgid marked with ``N_``) says which types are written.

    Refused with one line (:class:`InputError`): a wrong suffix, the input file itself (also
    through a symlink or hard link), an existing .avsec, SQLite or encrypted assessment file,
    a folder, a device or other non-regular file, a missing folder. An assessment is never
    overwritten by an export.
    """
    out = Path(target)
    refuse_input_as_output(out, inputs)
    if out.is_dir():
        raise InputError(N_("{out}: is a folder; give the output's file name"), out=out)
    if out.exists() and not out.is_file():
        raise InputError(N_("{out}: not a regular file; give an output file name"), out=out)
    if out.suffix.lower() not in suffixes:
        if suffix_message is not None:
            raise InputError(
                N_("{name}: {reason}"), name=out.name, reason=InputError(suffix_message)
            )
        names = ", ".join(suffixes[:-1]) if len(suffixes) > 1 else suffixes[0]
        if len(suffixes) > 1:
            raise InputError(
                N_("{name}: unknown export type; use {names} or {last}"),
                name=out.name,
                names=names,
                last=suffixes[-1],
            )
        raise InputError(N_("{name}: unknown export type; use {names}"), name=out.name, names=names)
    if out.exists() and is_assessment_file(out):
        raise InputError(
            N_("{out}: is an assessment (SQLite) file; it is never overwritten"), out=out
        )
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(N_("{out}: the folder {folder} does not exist"), out=out, folder=folder)
    return out


def refuse_input_as_output(target: str | Path, inputs: Sequence[str | Path]) -> None:
    """Refuse ``target`` when it is one of ``inputs`` (also through a symlink or hard link)."""
    for source in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(source, target):
                raise InputError(
                    N_("{target}: is the input file; choose another output name"), target=target
                )
