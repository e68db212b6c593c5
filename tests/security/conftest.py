"""Fixtures of the security tests: the CLI run in-process, no passphrase kept between tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from avsec.cli import main
from avsec.store import crypto

MINI = str(Path(__file__).parents[1] / "fixtures" / "mini-checklist.yaml")


@pytest.fixture(autouse=True)
def _no_kept_passphrases(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with no passphrase in memory and none in the environment."""
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE, raising=False)
    crypto.forget()
    yield
    crypto.forget()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``avsec ARGS``; return (exit code, stdout, stderr)."""

    def _run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run
