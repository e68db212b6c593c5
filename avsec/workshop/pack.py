"""Make an exercise from an answer key: the layout, narrative and checklist, no answers.

The exercise is a *fresh* .avsec file, never a copy of the key with the answers deleted:
SQLite keeps deleted rows in free pages, the changes journal records every answer ever given,
and a copy would carry the key's rationales, photos and outline. Building a new file from the
parts a team may see is the only way to be sure nothing of the key travels with it.

What the exercise carries: the airport header, rule parameters and handling marking; the exact
checklist snapshot (byte for byte, so its sha256 matches the key's and team files can be
checked against it); the layout features; the visit narrative (observations); the exercise tag
(:func:`avsec.workshop.compare.exercise_tag_for`), which binds team files to the key. What it never
carries: responses, rationales, notes, photos, findings, the improvement outline, the key's
title, team and organisation, and the key's own id.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

from avsec.core.assessment import Assessment
from avsec.core.commands import Batch, SetFeature
from avsec.core.document import Observation
from avsec.core.errors import ForeignFileError, StoreError
from avsec.core.i18n import N_
from avsec.io.outputs import partial_file
from avsec.workshop.compare import (
    EXERCISE_TAG,
    KEY_MODES,
    exercise_id_for,
    exercise_tag_for,
)
from avsec.workshop.team_files import snapshot_sha

#: Extras an exercise may carry (everything else in the key's extras stays behind).
EXERCISE_EXTRAS = ("observations",)


def exercise_title(key: Assessment) -> str:
    """Title of an exercise made from ``key`` (built from the airport, not the key's title)."""
    airport = key.airport
    code = f" ({airport.icao})" if airport.icao else ""
    return f"Exercise: {airport.name}{code}"


def exercise_assessment(key: Assessment) -> Assessment:
    """Return the header of an exercise packed from ``key``."""
    return Assessment(
        id=uuid.uuid4().hex,
        title=exercise_title(key),
        airport=key.airport,
        checklist_id=key.checklist_id,
        checklist_version=key.checklist_version,
        started=dt.date.today(),
        language=key.language,
        handling_marking=dict(key.handling_marking),
        parameters=key.parameters,
        mode="exercise",
        exercise_id=exercise_id_for(key),
    )


def _observations(raw: Any) -> list[dict[str, Any]]:
    """Re-validate the narrative so only Observation fields travel (no stray key data)."""
    if not raw:
        return []
    return [Observation.model_validate(o).model_dump(mode="json") for o in raw]


def pack_exercise(key_path: Path, out_path: Path, *, overwrite: bool = False) -> Path:
    """Write the exercise for the answer key ``key_path`` to ``out_path``.

    Parameters
    ----------
    key_path
        The answer key (mode ``answer_key``, or a plain assessment used as one).
    out_path
        The exercise file to create.
    overwrite
        Replace an existing ``out_path``.

    Returns
    -------
    Path
        ``out_path``.

    Raises
    ------
    ForeignFileError
        ``key_path`` is an exercise or a team file.
    StoreError
        A file cannot be read or written; on error no exercise file is left behind.
    """
    from avsec.store import AvsecFile

    key_path, out_path = Path(key_path), Path(out_path)
    if out_path.exists() and os.path.samefile(out_path, key_path):  # links too
        raise StoreError(
            N_("{name}: the exercise cannot replace its own answer key"), name=out_path.name
        )
    with AvsecFile.open(key_path) as key:
        header = key.assessment
        if header.mode not in KEY_MODES:
            raise ForeignFileError(
                N_("{name}: not an answer key (mode {mode}); pack an answer key"),
                name=key_path.name,
                mode=header.mode,
            )
        checklist = key.checklist
        # The public tag that binds team files to this key (the key's id stays behind).
        tag = exercise_tag_for(
            header,
            exercise_id_for(header),
            snapshot_sha(key, key_path.name),
            checklist.item_ids(),
        )
        features = key.features()
        observations = _observations(key.extra("observations"))
    if out_path.exists() and not overwrite:
        raise StoreError(N_("{out_path}: already exists; choose another name"), out_path=out_path)
    # Build next to the target and move into place, so a failure leaves no half exercise.
    with partial_file(out_path) as partial:
        with AvsecFile.create(partial, exercise_assessment(header), checklist) as exercise:
            if features:
                exercise.apply(
                    Batch(
                        "Layout of the exercise",
                        [SetFeature(f.id, None, f) for f in features],
                    )
                )
            if observations:
                exercise.set_extra("observations", observations)
            exercise.set_extra(EXERCISE_TAG, tag)
            exercise.vacuum()
    return out_path
