"""Errors about the private copy of a team file name the file the trainer gave, in any language."""

from __future__ import annotations

from pathlib import Path

from avsec.core.errors import ForeignFileError, NotAnAvsecFile, StoreError
from avsec.core.i18n import N_
from avsec.workshop.team_files import _renamed


def test_a_renamed_error_still_translates_and_names_the_original_file() -> None:
    error = NotAnAvsecFile(N_("{path}: no such file"), path=Path("/tmp/w/3-team-b.avsec"))
    renamed = _renamed(error, "3-team-b.avsec", "team-b.avsec")
    assert isinstance(renamed, NotAnAvsecFile)
    assert str(renamed) == "/tmp/w/team-b.avsec: no such file"
    spanish = renamed.in_language("es")
    french = renamed.in_language("fr")
    for text in (spanish, french):
        assert "team-b.avsec" in text and "3-team-b" not in text
        assert "no such file" not in text  # translated, not the English line


def test_a_store_error_becomes_a_foreign_file_error_with_its_fields() -> None:
    error = StoreError(N_("{path}: no such file"), path="3-a.avsec")
    converted = _renamed(error, "3-a.avsec", "a.avsec", as_type=ForeignFileError)
    assert isinstance(converted, ForeignFileError)
    assert converted.fields == {"path": "a.avsec"}
    assert str(converted) == "a.avsec: no such file"
