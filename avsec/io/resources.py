"""Find the bundled data folders from a source checkout and from an installed wheel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

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


def data_path(name: str, *parts: str) -> Traversable:
    """Return a file inside a bundled data folder."""
    return data_folder(name).joinpath(*parts)
