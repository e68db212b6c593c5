"""Find the bundled data folders from a source checkout and from an installed wheel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

from avsec.core.errors import AvsecError, InputError
from avsec.core.i18n import N_

DATA_FOLDERS = ("checklists", "icao_annex17", "assets")


def data_folder(name: str) -> Traversable:
    """Return a bundled data folder (``checklists``, ``icao_annex17`` or ``assets``).

    A wheel carries them inside the package as ``avsec/_data/NAME``; a source checkout (and an
    editable install) has them at the top of the repository.
    """
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    # The two folders on disk first: importlib.resources gives these very paths there, and
    # importing it costs 3 ms of the app's cold start. It answers for any other installation.
    here = Path(__file__).resolve()
    on_disk = here.parents[1] / "_data" / name
    if on_disk.is_dir():
        return on_disk
    checkout = here.parents[2] / name
    if checkout.is_dir() and not (here.parents[1] / "_data").exists():
        return checkout
    from importlib import resources

    packaged = resources.files("avsec").joinpath("_data", name)
    if packaged.is_dir():
        return packaged
    # pathlib.Path satisfies the Traversable protocol.
    return Path(__file__).resolve().parents[2] / name


def read_bytes(
    source: Path | Traversable,
    message: str = N_("{path}: cannot be read ({strerror})"),
    error: type[AvsecError] = InputError,
    limit: int | None = None,
    **fields: object,
) -> bytes:
    """The bytes of ``source``; an operating-system error becomes ``error(message)``, one line
    with the fields ``path`` and ``strerror`` (and ``fields``) filled in.

    With ``limit``, at most ``limit + 1`` bytes are read, so that the caller sees a file over
    its limit without reading a device such as /dev/zero (which reports size 0) to the end.
    """
    try:
        if limit is None:
            return source.read_bytes()
        with source.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise error(message, path=source, strerror=exc.strerror or exc, **fields) from exc


def read_limited(path: Path, limit: int, message: str, /, **fields: object) -> bytes:
    """The bytes of ``path``, refused with ``InputError(message, **fields)`` when over ``limit``
    bytes: by its size before reading, then by what was read (a device such as /dev/zero
    reports size 0 and never ends, so at most ``limit + 1`` bytes are read).

    Raises
    ------
    OSError
        The file cannot be read (the caller names it in its own words).
    """
    if path.stat().st_size > limit:
        raise InputError(message, **fields)
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(message, **fields)
    return data


def utf8_text(raw: bytes, message: str, **fields: object) -> str:
    """``raw`` decoded as UTF-8 (a byte-order mark dropped); otherwise ``InputError(message)``
    with the fields ``start`` (byte) and ``line`` of the first bad byte, and ``fields``."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(message, start=exc.start, line=line, **fields) from exc


def data_path(name: str, *parts: str) -> Traversable:
    """Return a file inside a bundled data folder."""
    return data_folder(name).joinpath(*parts)
