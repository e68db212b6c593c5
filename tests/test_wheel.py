"""The data folders travel inside the wheel and load through importlib.resources."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import avsec, sys
from avsec.io.checklists import get_checklist, load_catalogue
from avsec.io.resources import data_folder
assert avsec.__file__.startswith(sys.argv[1]), avsec.__file__
checklist = get_checklist()
print(checklist.id, sum(1 for _ in checklist.items()), len(load_catalogue().provisions))
print(str(data_folder("checklists")))
from avsec.workshop.training import load_layout
print(len(load_layout()))
"""


@pytest.mark.slow
def test_wheel_carries_the_data_and_loads_a_checklist(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("avsec-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "avsec/_data/checklists/icao-a17-access-control.yaml" in names
    assert "avsec/_data/icao_annex17/provisions.yaml" in names
    assert "avsec/_data/assets/fonts/DejaVuSans.ttf" in names
    assert "avsec/_data/assets/training/layout.geojson" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    checklist_id, items, provisions = result.stdout.split("\n")[0].split()
    assert checklist_id == "icao-a17-access-control" and int(items) >= 60 and int(provisions) > 0
    assert str(site) in result.stdout.split("\n")[1]
    # The training airport's layout loads from the wheel: 60 features, as drawn.
    assert int(result.stdout.split("\n")[2]) == 60
