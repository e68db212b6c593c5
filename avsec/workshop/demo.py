"""Build the training-airport answer key: the assessment ``avsec demo`` opens.

The result is a complete assessment of the fictional Isla Ejemplo (ZZEJ) airport in mode
``answer_key``: the layout, the visit narrative, the reference status and rationale of every
checklist item, generated evidence photos, the geometry findings and the improvement outline.
It doubles as the trainer's key for ``avsec workshop pack``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from avsec.core.access_test_edit import SetAccessTest
from avsec.core.assessment import Assessment, Response
from avsec.core.commands import Batch, SetFeature, SetResponse, replace_outline
from avsec.core.errors import ChecklistError
from avsec.core.i18n import N_, pick

if TYPE_CHECKING:
    from avsec.store import AvsecFile

#: File name of the demo assessment inside the output folder.
DEMO_FILE = "ZZEJ-isla-ejemplo-training.avsec"
#: Name recorded in the journal and as the author of the reference answers.
TRAINER = "trainer"


@dataclass(frozen=True)
class DemoResult:
    """What :func:`prepare_demo` did."""

    #: The answer key.
    path: Path
    #: True when an existing key was kept as it was (nothing written).
    reused: bool
    #: Where the previous key went when it was replaced (None: there was none).
    backup: Path | None = None
    #: Why the previous key was replaced although no rebuild was asked for ("" otherwise).
    problem: str = ""
    #: Language the key was built in.
    language: str = "en"


def _sample(sample: tuple[int, int] | None) -> tuple[int | None, int | None]:
    """A key answer's sample as (size, failures); (None, None) without one."""
    return (None, None) if sample is None else sample


def backup_name(path: Path) -> Path:
    """A free name for a replaced key: ``NAME.avsec.bak``, then ``NAME.avsec.bak2``...

    Not ending in ``.avsec``, so that ``avsec report DIR/*.avsec`` still finds one file.
    """
    candidate, counter = path.with_name(path.name + ".bak"), 2
    while candidate.exists():
        candidate, counter = path.with_name(f"{path.name}.bak{counter}"), counter + 1
    return candidate


def existing_demo(out_dir: Path) -> tuple[Path | None, str, str]:
    """The key already in ``out_dir``: (path or None, why it cannot be used, its language).

    The path is None when there is no key, or when it does not open (then the reason says why).
    """
    from avsec.core.errors import AvsecError
    from avsec.store import AvsecFile

    target = Path(out_dir) / DEMO_FILE
    if not target.exists():
        return None, "", ""
    try:
        with AvsecFile.open(target, user=TRAINER) as f:
            return target, "", f.assessment.language
    except (AvsecError, OSError, ValueError) as exc:
        return None, str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc), ""


def make_demo(out_dir: Path, lang: str = "en", *, fresh: bool = False) -> Path:
    """Return the training-airport answer key in ``out_dir``, building it when needed.

    A key already in ``out_dir`` that opens is returned untouched: the trainer may have edited
    it, and every exercise and team file packed from it carries its exercise id, which a
    rebuilt key would not match. ``fresh`` rebuilds it, keeping the previous file under a
    backup name (:func:`backup_name`); so does a key that no longer opens.

    Parameters
    ----------
    out_dir
        Folder to write into (created when missing).
    lang
        Language of a new key: notes, rationales stored for the report, outline titles. A
        reused key keeps the language it was built in.
    fresh
        Rebuild the key even if one is there.

    Returns
    -------
    Path
        The .avsec file.

    Raises
    ------
    ChecklistError
        The bundled answer key does not cover every item of the bundled checklist.
    """
    return prepare_demo(out_dir, lang, fresh=fresh).path


def prepare_demo(out_dir: Path, lang: str = "en", *, fresh: bool = False) -> DemoResult:
    """:func:`make_demo`, telling whether the key was reused and where a replaced one went."""
    out_dir = Path(out_dir)
    target = out_dir / DEMO_FILE
    problem = ""
    if not fresh:
        found, problem, language = existing_demo(out_dir)
        if found is not None:
            return DemoResult(found, reused=True, language=language)
    backup = _build(out_dir, lang)
    return DemoResult(target, reused=False, backup=backup, problem=problem, language=lang)


def _build(out_dir: Path, lang: str) -> Path | None:
    """Build the key into ``out_dir``; return where a previous key was moved (or None)."""
    from avsec.geo.photo_links import link_photo
    from avsec.io.checklists import BUNDLED_CHECKLIST, get_checklist
    from avsec.store import AvsecFile
    from avsec.store.analysis import analyse_and_store
    from avsec.workshop import photos as training_photos
    from avsec.workshop.training import (
        key_problems,
        load_answer_key,
        load_layout,
        load_narrative,
        load_scenario,
        load_tests,
        load_track,
        to_lonlat,
    )

    out_dir = Path(out_dir)
    checklist = get_checklist(BUNDLED_CHECKLIST)
    key = load_answer_key()
    problems = key_problems(checklist, key)
    if problems:
        raise ChecklistError(problems)
    scenario = load_scenario()
    features = load_layout()
    observations = load_narrative(checklist, lang)
    assessment = Assessment(
        title=pick(scenario.title, lang),
        airport=scenario.airport_in(lang),
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        started=scenario.visit_date,
        ended=scenario.visit_date,
        team=scenario.team_in(lang),
        organisation=pick(scenario.organisation, lang),
        language=lang,
        mode="answer_key",
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / DEMO_FILE
    partial = out_dir / f".{DEMO_FILE}.partial"
    partial.unlink(missing_ok=True)
    answered = dt.datetime.combine(scenario.visit_date, dt.time(17, 0), tzinfo=dt.UTC)
    try:
        with AvsecFile.create(partial, assessment, checklist, user=TRAINER) as f:
            f.apply(
                Batch(
                    N_("Import the training layout"), [SetFeature(x.id, None, x) for x in features]
                )
            )
            f.apply(load_track(f.assessment, lang))
            tests = [t.in_language(scenario.visit_date, lang) for t in load_tests()]
            f.apply(
                Batch(
                    N_("Access-control tests of the visit"),
                    [SetAccessTest(t.id, None, t) for t in tests],
                )
            )
            photo_ids: dict[str, list[str]] = {}
            for photo in training_photos.PHOTOS:
                lon, lat = to_lonlat(*photo.at)
                taken = dt.datetime.combine(scenario.visit_date, dt.time(11, 0), tzinfo=dt.UTC)
                attachment = f.add_attachment(
                    training_photos.render(photo),
                    filename=photo.filename,
                    mime="image/jpeg",
                    taken=taken,
                    lon=lon,
                    lat=lat,
                )
                # Linked by the rule the app applies when an inspector adds a photo.
                link = link_photo(lon, lat, taken, features, tests)
                info = f.attachment_info(attachment)
                if link is not None and info is not None:
                    with f.transaction():
                        f.write_photo(attachment, info.model_copy(update={"link": link}))
                for item_id in photo.items:
                    photo_ids.setdefault(item_id, []).append(attachment)
            commands = [
                SetResponse(
                    item_id,
                    None,
                    Response(
                        item_id=item_id,
                        status=key[item_id].status,
                        notes=pick(key[item_id].rationale, lang),
                        photos=photo_ids.get(item_id, []),
                        updated=answered,
                        updated_by=TRAINER,
                        sample_size=_sample(key[item_id].sample)[0],
                        failures=_sample(key[item_id].sample)[1],
                    ),
                )
                for item_id in checklist.item_ids()
            ]
            f.apply(Batch(N_("Reference answers of the training airport"), commands))
            f.set_extra("observations", [o.model_dump(mode="json") for o in observations])
            f.set_extra("rationales", {i: pick(a.rationale, lang) for i, a in key.items()})
            f.set_extra("rationales_i18n", {i: dict(a.rationale) for i, a in key.items()})
            analyse_and_store(f, features)
            _save_outline(f, lang, scenario.visit_date)
            f.vacuum()
        # Only once the new key is complete does the old one make way, under a backup name:
        # a failed rebuild leaves the trainer's key where it was.
        backup = None
        if target.exists():
            backup = backup_name(target)
            target.replace(backup)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return backup


def _save_outline(f: AvsecFile, lang: str, today: dt.date) -> None:
    """Generate the improvement outline from the reference answers and store it."""
    from avsec.core.outline import generate_outline

    doc = f.document()
    outline = generate_outline(
        doc.checklist, doc.responses, doc.findings, doc.actions, lang=lang, today=today
    )
    f.apply(replace_outline(doc, outline, N_("Improvement outline of the reference answers")))
