"""Outputs are built beside their target and moved into place only when complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.core.errors import InputError
from avsec.io.outputs import output_in_existing_folder, partial_file


def test_a_failed_write_leaves_the_previous_file_and_no_partial(tmp_path: Path):
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"previous")
    with pytest.raises(RuntimeError), partial_file(out) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_complete_write_replaces_the_file(tmp_path: Path):
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"previous")
    with partial_file(out) as partial:
        assert partial.parent == tmp_path and partial != out
        partial.write_bytes(b"new")
    assert out.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_missing_folder_is_named(tmp_path: Path):
    with pytest.raises(InputError, match="the folder .*missing does not exist"):
        output_in_existing_folder(tmp_path / "missing" / "a.pdf")
