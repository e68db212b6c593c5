"""A checklist whose access items ask to sample, and a file using it (tests of samples)."""

from __future__ import annotations

from pathlib import Path

from avsec.core.assessment import Airport, Assessment
from avsec.core.checklist import Checklist
from avsec.io.checklists import load_checklist_file
from avsec.store import AvsecFile

FIXTURES = Path(__file__).parent / "fixtures"


def sampling_checklist(folder: Path) -> Checklist:
    """The mini checklist with ACP-01 (weight 3) sampling ID cards and ACP-02 (weight 2)
    sampling vehicles; the perimeter items ask for no sample."""
    text = (FIXTURES / "mini-checklist.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "        responsible: state\n", "        responsible: state\n        sample: badges\n"
    )
    text = text.replace(
        '        references: ["A17:4.2.6"]\n        weight: 2\n',
        '        references: ["A17:4.2.6"]\n        weight: 2\n        sample: vehicles\n',
    )
    path = folder / "sampling-checklist.yaml"
    path.write_text(text, encoding="utf-8")
    return load_checklist_file(path, check_references=False)


def sampling_file(folder: Path) -> AvsecFile:
    """A new open .avsec file with :func:`sampling_checklist`."""
    checklist = sampling_checklist(folder)
    airport = Airport(icao="ZZTA", name="Test Field", lat=10.0, lon=-80.0, custom=True)
    assessment = Assessment(
        airport=airport, checklist_id=checklist.id, checklist_version=checklist.version
    )
    return AvsecFile.create(folder / "sampled.avsec", assessment, checklist, user="tester")
