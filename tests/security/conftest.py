"""Fixtures of the security tests: the CLI run in-process, no passphrase kept between tests."""

from __future__ import annotations

import os

# Before any Qt import: the app's tests here run without a display, as in tests/gui.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from avsec.cli import main  # noqa: E402
from avsec.store import crypto  # noqa: E402

MINI = str(Path(__file__).parents[1] / "fixtures" / "mini-checklist.yaml")


@pytest.fixture(autouse=True)
def _no_kept_passphrases(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with no passphrase in memory and none in the environment."""
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE, raising=False)
    crypto.forget()
    previous = crypto.set_provider(crypto.terminal_provider)
    yield
    crypto.set_provider(previous)
    crypto.forget()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``avsec ARGS``; return (exit code, stdout, stderr)."""

    def _run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run
