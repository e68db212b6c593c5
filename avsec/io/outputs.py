"""Writing an output file safely: its folder checked first, the file built under a temporary
name beside it and moved into place only when complete, so a failure never leaves half a
file (or destroys the previous one)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from avsec.core.errors import InputError
from avsec.core.i18n import N_


def output_in_existing_folder(out: Path | str) -> Path:
    """``out`` as a Path, after checking that its folder exists (one line naming both)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError(
            N_("{out}: the folder {parent} does not exist"), out=out, parent=out.parent
        )
    return out


def cannot_write(out: Path | str, exc: OSError) -> InputError:
    """The one-line error for an output that the system refused to write."""
    return InputError(
        N_("{out}: cannot be written ({strerror})"), out=out, strerror=exc.strerror or exc
    )


@contextlib.contextmanager
def partial_file(out: Path) -> Iterator[Path]:
    """Yield ``.NAME.partial`` beside ``out`` to build the file in; it replaces ``out`` when the
    block succeeds and is removed when it fails (``out`` is then left as it was)."""
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        yield partial
        partial.replace(out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
