"""Helpers shared by the verb modules."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any


def print_json(value: Any) -> None:
    """Print ``value`` as indented UTF-8 JSON."""
    import json  # not at import: the app's cold start reads this module and needs no JSON

    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def percent(value: float | None) -> str:
    """Format a 0..1 share as a percentage, or an en dash when there is no figure."""
    return "–" if value is None else f"{value * 100:.0f} %"


def add_lang(parser: Any) -> None:
    """Add the standard ``--lang`` and ``--number-format`` options."""
    from avsec.core.i18n import NUMBER_FORMATS

    parser.add_argument("--lang", choices=["en", "es"], default=None, help="language (en or es)")
    parser.add_argument(
        "--number-format",
        choices=[f for f in NUMBER_FORMATS if f],
        default=None,
        metavar="LOCALE",
        help="write numbers as this locale does, apart from the language: es_MX 1,234.5, "
        "es_AR 1.234,5 (default: as the language)",
    )


def open_file(path: str) -> Any:
    """Open an .avsec file for a verb."""
    from avsec.store import AvsecFile

    return AvsecFile.open(Path(path))


def table(rows: list[list[str]], header: list[str]) -> str:
    """Format rows as a plain aligned text table."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def check_output(
    target: str | Path,
    suffixes: Sequence[str],
    inputs: Sequence[str | Path] = (),
    suffix_message: str | None = None,
) -> Path:
    """Check that ``target`` may be written by a verb; return it as a Path.

    Refused with one line (:class:`InputError`): a wrong suffix, the input file itself (also
    through a symlink or hard link), an existing .avsec or other SQLite file, a folder, a
    device or other non-regular file, a missing folder. An assessment is never overwritten
    by an export.
    """
    from avsec.core.errors import InputError

    out = Path(target)
    refuse_input_as_output(out, inputs)
    if out.is_dir():
        raise InputError(f"{out}: is a folder; give the output's file name")
    if out.exists() and not out.is_file():
        raise InputError(f"{out}: not a regular file; give an output file name")
    if out.suffix.lower() not in suffixes:
        names = (
            ", ".join(suffixes[:-1]) + " or " + suffixes[-1] if len(suffixes) > 1 else suffixes[0]
        )
        raise InputError(f"{out.name}: {suffix_message or f'unknown export type; use {names}'}")
    if out.exists():
        if out.suffix.lower() == ".avsec" or _is_sqlite(out):
            raise InputError(f"{out}: is an assessment (SQLite) file; it is never overwritten")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{out}: the folder {folder} does not exist")
    return out


def refuse_input_as_output(target: str | Path, inputs: Sequence[str | Path]) -> None:
    """Refuse ``target`` when it is one of ``inputs`` (also through a symlink or hard link)."""
    from avsec.core.errors import InputError

    for source in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(source, target):
                raise InputError(f"{target}: is the input file; choose another output name")


@contextlib.contextmanager
def safe_output(
    target: str | Path,
    suffixes: Sequence[str],
    inputs: Sequence[str | Path] = (),
    suffix_message: str | None = None,
) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place when the block succeeds.

    The output is checked first (:func:`check_output`). A failed write (disk full, an error
    while building) leaves the previous file, if any, untouched and no temporary file behind.
    """
    from avsec.core.errors import InputError

    out = check_output(target, suffixes, inputs, suffix_message)
    folder = out.parent if str(out.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{out.stem}.", suffix=f".part{out.suffix}", dir=folder
        )
    except OSError as exc:
        raise InputError(f"{out}: cannot be written ({exc.strerror or exc})") from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        mode = out.stat().st_mode & 0o777 if out.exists() else 0o666 & ~_umask()
        os.chmod(temp, mode)
        os.replace(temp, out)
    except OSError as exc:
        raise InputError(f"{out}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        temp.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
