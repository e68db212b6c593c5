"""Build small assessment files for the follow-up, portfolio and publish tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from avsec.core.actions import Action
from avsec.core.assessment import Airport, Assessment, Response, Status
from avsec.core.checklist import Checklist
from avsec.core.commands import Batch, SetAction, SetFeature, SetResponse
from avsec.core.layout import Feature
from avsec.io.checklists import load_checklist_file
from avsec.store import AvsecFile

MINI = Path(__file__).parent / "fixtures" / "mini-checklist.yaml"


def mini() -> Checklist:
    """The five-item test checklist (PER-01..03 weights 3, 2, 1; ACP-01..02 weights 3, 2)."""
    return load_checklist_file(MINI, check_references=False)


def airport(icao: str = "ZZTA", name: str = "Test Field") -> Airport:
    """A custom airport away from any real one."""
    return Airport(icao=icao, name=name, lat=10.0, lon=-80.0, custom=True)


def fence(fid: str = "f1") -> Feature:
    """A short fence line near the test airport."""
    return Feature(
        id=fid,
        kind="fence",
        geometry={"type": "LineString", "coordinates": [[-80.0, 10.0], [-80.001, 10.001]]},
        properties={"height_m": 2.5},
    )


def make_visit(
    path: Path,
    statuses: Mapping[str, str],
    *,
    started: dt.date = dt.date(2025, 3, 1),
    where: Airport | None = None,
    actions: Sequence[Action] = (),
    features: Sequence[Feature] = (),
    checklist: Checklist | None = None,
    uuid: str | None = None,
) -> Path:
    """Write an assessment answering ``statuses`` (item id -> status) and return its path."""
    checklist = checklist or mini()
    header = Assessment(
        airport=where or airport(),
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        started=started,
        **({"id": uuid} if uuid else {}),
    )
    with AvsecFile.create(path, header, checklist, user="tester") as f:
        commands: list = [
            SetResponse(i, None, Response(item_id=i, status=Status(s), notes=f"{i} then"))
            for i, s in statuses.items()
        ]
        commands += [SetFeature(x.id, None, x) for x in features]
        commands += [SetAction(a.id, None, a) for a in actions]
        if commands:
            f.apply(Batch("test visit", commands))
    return path
