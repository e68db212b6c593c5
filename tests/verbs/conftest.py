"""Run the ``avsec`` command in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from avsec.cli import main

MINI = str(Path(__file__).parents[1] / "fixtures" / "mini-checklist.yaml")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``avsec ARGS``; return (exit code, stdout, stderr)."""

    def _run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def mini_file(tmp_path: Path, run) -> Path:
    """A new assessment of MHTG on the mini checklist."""
    path = tmp_path / "a.avsec"
    code, _, err = run("new", path, "--airport", "MHTG", "--checklist", MINI)
    assert code == 0, err
    return path
