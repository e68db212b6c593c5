"""Fixtures shared by every test package (no Qt here: tests/gui has its own conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.core.assessment import Airport, Assessment
from avsec.core.checklist import Checklist
from avsec.io.checklists import load_checklist_file
from avsec.store import AvsecFile

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep user data, config and caches of every test out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))


@pytest.fixture
def mini_checklist() -> Checklist:
    """The five-item checklist of tests/fixtures (references not checked)."""
    return load_checklist_file(FIXTURES / "mini-checklist.yaml", check_references=False)


@pytest.fixture
def airport() -> Airport:
    """A custom airport away from any real one."""
    return Airport(icao="ZZTA", name="Test Field", lat=10.0, lon=-80.0, custom=True)


@pytest.fixture
def new_file(tmp_path: Path, mini_checklist: Checklist, airport: Airport):
    """An open, empty .avsec file using the mini checklist."""
    assessment = Assessment(
        airport=airport, checklist_id=mini_checklist.id, checklist_version=mini_checklist.version
    )
    f = AvsecFile.create(tmp_path / "test.avsec", assessment, mini_checklist, user="tester")
    yield f
    f.close()


def raw_sql(f: AvsecFile, sql: str, params: tuple = ()) -> list[tuple]:
    """Run SQL on an open file behind avsec's back: how a test tampers with or inspects it."""
    return f._conn.execute(sql, params).fetchall()
