"""Fixtures of the hardening tests (issue 15): the CLI in a subprocess and in-process."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# Before any Qt import: the app's tests here run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from avsec.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MINI = str(ROOT / "tests" / "fixtures" / "mini-checklist.yaml")


def digest(path: Path) -> str:
    """sha256 of a file's bytes: "unchanged" is checked against this, not a re-read."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``avsec ARGS`` in this process; return (exit code, stdout, stderr)."""

    def _run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m avsec ARGS`` as the issue's repro does (a real process, real exit)."""

    def _cli(*args: object, memory_limit: int | None = None) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")

        def limit() -> None:  # in the child: an unbounded read fails instead of swapping
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

        return subprocess.run(
            [sys.executable, "-m", "avsec", *[str(a) for a in args]],
            preexec_fn=limit if memory_limit else None,  # noqa: PLW1509 - only setrlimit
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
            check=False,
        )

    return _cli


@pytest.fixture
def mini_file(tmp_path: Path, run) -> Path:
    """A new assessment of MHTG on the mini checklist, with one answered item."""
    path = tmp_path / "a.avsec"
    code, _, err = run("new", path, "--airport", "MHTG", "--checklist", MINI)
    assert code == 0, err
    csv = tmp_path / "answers.csv"
    csv.write_text("item_id,status,notes\nPER-01,compliant,fence walked\n", encoding="utf-8")
    code, _, err = run("responses", "import", path, csv)
    assert code == 0, err
    return path


def one_line(stderr: str) -> str:
    """The error output must be exactly one line starting ``avsec: error:`` (no traceback)."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("avsec: error:"), stderr
    assert "Traceback" not in stderr
    return lines[0]
