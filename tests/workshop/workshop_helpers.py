"""Builders of answer keys and team answers on the mini checklist (shared by the workshop tests)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from avsec.core.assessment import Airport, Assessment, Response
from avsec.core.checklist import Checklist
from avsec.core.commands import Batch, SetFeature, SetResponse
from avsec.core.document import Observation
from avsec.core.layout import Feature
from avsec.store import AvsecFile

#: Rationales of the mini key: distinctive texts the pack test looks for in the exercise.
MINI_RATIONALES = {
    "PER-01": "Rationale alpha: the north stretch has a forty metre hole nobody guards.",
    "PER-02": "Fundamento beta: la cerca oeste mide un metro ochenta, sin remate alguno.",
    "PER-03": "Rationale gamma: the hedge outside hides climbers from the patrol road.",
    "ACP-01": "Rationale delta: gate N1 stood wide open with its padlock gone.",
    "ACP-02": "Rationale epsilon: not seen during the visit, so it stays not assessed.",
}
MINI_KEY = {
    "PER-01": "not_compliant",
    "PER-02": "partially_compliant",
    "PER-03": "compliant",
    "ACP-01": "not_compliant",
    "ACP-02": "not_assessed",
}


def write_responses(
    path: Path, statuses: Mapping[str, str], notes: Mapping[str, str] | None = None
) -> None:
    """Record ``statuses`` in the .avsec file at ``path`` as one edit."""
    with AvsecFile.open(path, user="tester") as f:
        commands = [
            SetResponse(i, None, Response(item_id=i, status=s, notes=(notes or {}).get(i, "")))
            for i, s in statuses.items()
        ]
        f.apply(Batch("answers", commands))


def make_key(
    path: Path,
    checklist: Checklist,
    statuses: Mapping[str, str] = MINI_KEY,
    rationales: Mapping[str, str] = MINI_RATIONALES,
    *,
    airport: Airport | None = None,
) -> Path:
    """Write an answer key: layout, narrative, answers with notes, rationales, a photo, findings."""
    airport = airport or Airport(icao="ZZTA", name="Test Field", lat=10.0, lon=-80.0, custom=True)
    assessment = Assessment(
        title="KEYONLY-TITLE reference answers",
        airport=airport,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        team=["KEYONLY-TRAINER Ana"],
        organisation="KEYONLY-ORG",
        mode="answer_key",
    )
    fence = Feature(
        id="fence-1",
        kind="barrier",
        geometry={"type": "LineString", "coordinates": [[-80.0, 10.0], [-79.99, 10.0]]},
        properties={"name": "North fence", "height_m": 1.8},
    )
    with AvsecFile.create(path, assessment, checklist, user="trainer") as f:
        f.apply(Batch("layout", [SetFeature(fence.id, None, fence)]))
        photo = f.add_attachment(b"KEYONLY-PHOTO-BYTES", filename="keyonly-photo.jpg")
        f.apply(
            Batch(
                "answers",
                [
                    SetResponse(
                        i,
                        None,
                        Response(item_id=i, status=s, notes=rationales.get(i, ""), photos=[photo]),
                    )
                    for i, s in statuses.items()
                ],
            )
        )
        f.set_extra("rationales", dict(rationales))
        f.set_extra("rationales_i18n", {i: {"en": t, "es": t} for i, t in rationales.items()})
        f.set_extra(
            "observations",
            [
                Observation(
                    id="OBS-01",
                    place="North fence",
                    text={"en": "A hole in the fence.", "es": "Un hueco en la cerca."},
                    location=(-79.995, 10.0),
                    features=["fence-1"],
                    items=["PER-01"],
                ).model_dump(mode="json")
            ],
        )
        f.set_extra("keyonly_extra", {"secret": "KEYONLY-EXTRA"})
    return path
