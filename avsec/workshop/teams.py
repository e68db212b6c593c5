"""One file per team, copied from the exercise, with the team's name recorded in it."""

from __future__ import annotations

import re
import shutil
import unicodedata
import uuid
from collections.abc import Sequence
from pathlib import Path

from avsec.core.commands import SetAssessment
from avsec.core.errors import ForeignFileError, InputError, StoreError
from avsec.core.i18n import N_
from avsec.workshop.compare import EXERCISE_TAG

#: Longest team name accepted (it is printed on reports and the trainer's heat map).
MAX_TEAM_NAME = 60


def team_slug(name: str) -> str:
    """A file-name-safe form of a team name: ``"Equipo Montaña 2"`` -> ``"equipo-montana-2"``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug or "team"


def check_team_names(names: Sequence[str]) -> list[str]:
    """Return the names stripped, refusing empty, overlong and duplicate names.

    Raises
    ------
    InputError
        Naming the offending team name.
    """
    cleaned: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = " ".join(str(raw).split())
        if not name:
            raise InputError(N_("--team: a team name cannot be empty"))
        if len(name) > MAX_TEAM_NAME:
            raise InputError(
                N_("--team {name}…: longer than {MAX_TEAM_NAME} characters"),
                name=name[:20],
                MAX_TEAM_NAME=MAX_TEAM_NAME,
            )
        if any(ord(c) < 32 for c in name):
            raise InputError(N_("--team {name!r}: control characters are not allowed"), name=name)
        folded = name.casefold()
        if folded in seen:
            raise InputError(N_("--team {name}: given twice"), name=name)
        seen.add(folded)
        cleaned.append(name)
    if not cleaned:
        raise InputError(N_("give at least one --team NAME"))
    return cleaned


def make_team_files(
    exercise_path: Path, names: Sequence[str], out_dir: Path, *, overwrite: bool = False
) -> list[Path]:
    """Copy the exercise once per team into ``out_dir``.

    Each copy gets its own assessment id, mode ``team`` and the team's name (shown by
    ``avsec info`` and used by ``workshop compare``); the exercise id stays, so compare can
    tell the team files of this exercise from those of another.

    Parameters
    ----------
    exercise_path
        The exercise made by :func:`avsec.workshop.pack.pack_exercise`.
    names
        The team names (unique, case-insensitively).
    out_dir
        Folder for the team files, created when missing; files are named after the teams.
    overwrite
        Replace existing team files of the same name.

    Returns
    -------
    list of Path
        The team files, in the order of ``names``.
    """
    from avsec.store import AvsecFile, crypto

    exercise_path, out_dir = Path(exercise_path), Path(out_dir)
    cleaned = check_team_names(names)
    with AvsecFile.open(exercise_path) as exercise:
        header = exercise.assessment
        tagged = bool(exercise.extra(EXERCISE_TAG))
    if header.mode != "exercise":
        raise ForeignFileError(
            N_("{name}: not an exercise (mode {mode}); make one with 'avsec workshop pack'"),
            name=exercise_path.name,
            mode=header.mode,
        )
    if not tagged:
        # compare would refuse every team file made from it.
        raise ForeignFileError(
            N_(
                "{name}: packed by an older avsec (no exercise tag); pack the exercise again with 'avsec workshop pack'"
            ),
            name=exercise_path.name,
        )
    targets: list[Path] = []
    used: set[str] = set()
    for name in cleaned:
        slug = team_slug(name)
        candidate, counter = slug, 2
        while candidate in used:
            candidate, counter = f"{slug}-{counter}", counter + 1
        used.add(candidate)
        targets.append(out_dir / f"{candidate}.avsec")
    existing = [t for t in targets if t.exists()]
    if existing and not overwrite:
        raise StoreError(
            N_("{existing}: already exists; choose another folder or remove it"),
            existing=existing[0],
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for name, target in zip(cleaned, targets, strict=True):
            partial = target.with_name(f".{target.name}.partial")
            shutil.copyfile(exercise_path, partial)
            crypto.share(exercise_path, partial)  # an encrypted exercise stays encrypted
            with AvsecFile.open(partial) as team:
                before = team.assessment
                after = before.model_copy(
                    update={
                        "id": uuid.uuid4().hex,
                        "mode": "team",
                        "team_name": name,
                        "title": f"{before.title} — {name}",
                    }
                )
                team.apply(SetAssessment(before, after))
            partial.replace(target)
            written.append(target)
    except BaseException:
        for leftover in out_dir.glob(".*.avsec.partial"):
            leftover.unlink(missing_ok=True)
        raise
    return written
