"""Answer keys, exercises and team files on the mini checklist for the workshop tests."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from workshop_helpers import make_key, write_responses

from avsec.core.checklist import Checklist


@pytest.fixture
def key_file(tmp_path: Path, mini_checklist: Checklist) -> Path:
    """A mini answer key."""
    return make_key(tmp_path / "key.avsec", mini_checklist)


@pytest.fixture
def exercise_file(tmp_path: Path, key_file: Path) -> Path:
    """The exercise packed from the mini key."""
    from avsec.workshop.pack import pack_exercise

    return pack_exercise(key_file, tmp_path / "exercise.avsec")


@pytest.fixture
def make_teams(tmp_path: Path, exercise_file: Path) -> Callable[..., list[Path]]:
    """Make team files from the mini exercise and fill in their answers."""
    from avsec.workshop.teams import make_team_files

    def _make(answers: Mapping[str, Mapping[str, str]], folder: str = "teams") -> list[Path]:
        paths = make_team_files(exercise_file, list(answers), tmp_path / folder)
        for path, statuses in zip(paths, answers.values(), strict=True):
            if statuses:
                write_responses(path, statuses)
        return paths

    return _make
