"""Helpers shared by the verb modules: options, tables, outputs written safely (the
language of the messages is :mod:`avsec.verbs._text`)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The output checks live in the application layer, shared with the app's File menu.
from avsec.app.outputs import check_output, refuse_input_as_output
from avsec.core.i18n import N_
from avsec.verbs._text import message, tr

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["check_output", "iso_date", "refuse_input_as_output", "safe_output"]


def iso_date(text: str) -> dt.date:
    """An argparse type: a date written YYYY-MM-DD."""
    import datetime as dt  # not at import: the app's cold start reads this module

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            message(N_("{text!r} is not a date like 2026-03-14"), text=text)
        ) from None


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
    from avsec.io.translations import offered_languages

    languages = offered_languages()
    parser.add_argument(
        "--lang",
        choices=list(languages),
        default=None,
        help=message(
            N_("language: {languages} (a text not yet translated is in English)"),
            languages=", ".join(languages),
        ),
    )
    parser.add_argument(
        "--number-format",
        choices=[f for f in NUMBER_FORMATS if f],
        default=None,
        metavar="LOCALE",
        help=tr(
            "write numbers as this locale does, apart from the language: es_MX 1,234.5, "
            "es_AR 1.234,5, fr_FR 1 234,5 (default: as the language)"
        ),
    )


def add_param(parser: Any, help: str) -> None:
    """Add the repeatable ``--param NAME=VALUE`` option (read with :func:`param_numbers`);
    ``help`` is already translated."""
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help=help)


def param_numbers(pairs: Sequence[str], names: Sequence[str]) -> dict[str, float]:
    """``NAME=VALUE`` pairs as numbers by name; an unknown name or a value that is not a
    number is refused in one line."""
    from avsec.core.errors import InputError

    out: dict[str, float] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or name not in names:
            message = N_("--param {pair}: use NAME=VALUE with NAME one of {names}")
            raise InputError(message, pair=pair, names=", ".join(names))
        try:
            out[name] = float(value)
        except ValueError:
            message = N_("--param {pair}: {value!r} is not a number")
            raise InputError(message, pair=pair, value=value) from None
    return out


def open_file(path: str) -> Any:
    """Open an .avsec file for a verb."""
    from avsec.store import AvsecFile

    return AvsecFile.open(Path(path))


def table(rows: list[list[str]], header: list[str]) -> str:
    """Format rows as a plain aligned text table; ``header`` holds msgids (marked ``N_``)."""
    header = [tr(h) for h in header]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


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

    from avsec.io.outputs import cannot_write

    out = check_output(target, suffixes, inputs, suffix_message)
    folder = out.parent if str(out.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{out.stem}.", suffix=f".part{out.suffix}", dir=folder
        )
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        mode = out.stat().st_mode & 0o777 if out.exists() else 0o666 & ~_umask()
        os.chmod(temp, mode)
        os.replace(temp, out)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    finally:
        temp.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
