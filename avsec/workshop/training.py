"""Load the bundled training airport: scenario, layout, visit narrative and answer key.

The files live in ``assets/training/`` (see its README) and are found from a source checkout
and from an installed wheel alike. The layout is data (``layout.geojson``, edited like any
layout: in the app's map, or in a GIS, and exported); places in the narrative are given in
metres east and north of the airport reference point of ``scenario.yaml``.

Seeded defects (one or more for each geometry rule in docs/architecture.md) that the
analysis of ``layout.geojson`` must find (``tests/workshop/test_training_airport.py``):

========================== ===================================================================
rule                       where
========================== ===================================================================
perimeter_gap              40 m of north fence removed at the drainage works (x 600..640)
barrier_below_height       the 500 m west fence is old 1.8 m chain-link
uncontrolled_crossing      the fuel-farm road crosses the east fence 25 m from gate E2
uncontrolled_access_point  maintenance gate N1 is left open (padlock missing)
access_point_off_boundary  the crew-room desk was mapped 25 m landside of the security line
sra_outside_airside        the cargo SRA is drawn 15 m beyond the east fence
critical_part_outside_sra  the remote-stand bus lounge sticks 30 m out of the apron SRA
clear_zone_obstruction     a tree, a container, a hedge and the staff car park at the fence
========================== ===================================================================
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from avsec.core.assessment import Airport, Status
from avsec.core.checklist import Checklist
from avsec.core.document import Observation
from avsec.core.errors import InputError
from avsec.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, LangText, pick
from avsec.core.layout import Feature
from avsec.io.resources import data_path, read_bytes
from avsec.io.yamlfile import load_yaml_text

SCENARIO_FILE = "scenario.yaml"
LAYOUT_FILE = "layout.geojson"
NARRATIVE_FILE = "narrative.yaml"
KEY_FILE = "answer-key.yaml"
STATUSES = {s.value for s in Status}


def training_file(name: str) -> Traversable:
    """Return one file of ``assets/training``."""
    return data_path("assets", "training", name)


@contextlib.contextmanager
def training_path(name: str) -> Iterator[Path]:
    """A real filesystem path to a training file (extracted if the package is zipped)."""
    with resources.as_file(training_file(name)) as path:
        yield Path(path)


def _yaml(name: str) -> Any:
    message = N_("{name}: the training file cannot be read ({strerror})")
    data = load_yaml_text(read_bytes(training_file(name), message, name=name), name)
    if not isinstance(data, dict):
        raise InputError(N_("{name}: expected a mapping at the top"), name=name)
    return data


def _lang_text(value: Any, where: str) -> LangText:
    """A training text: English at least (a language it lacks shows the English, see
    :func:`avsec.core.i18n.pick`); tests/workshop/test_training_airport.py requires every
    language the translations are complete in."""
    if not isinstance(value, dict) or not (
        isinstance(value.get(DEFAULT_LANGUAGE), str) and value[DEFAULT_LANGUAGE].strip()
    ):
        raise InputError(
            N_("{where}: needs a text in {lang} (and each of {names})"),
            where=where,
            lang=DEFAULT_LANGUAGE,
            names=", ".join(LANGUAGES),
        )
    return {str(k): str(v).strip() for k, v in value.items() if isinstance(v, str) and v.strip()}


@dataclass(frozen=True)
class Scenario:
    """The airport and the titles of the training scenario (texts in every language)."""

    airport: Airport
    title: LangText
    organisation: LangText
    visit_date: dt.date
    team: list[LangText]
    airport_name: LangText

    def airport_in(self, lang: str) -> Airport:
        """The airport with its name in ``lang``."""
        return self.airport.model_copy(update={"name": pick(self.airport_name, lang)})

    def team_in(self, lang: str) -> list[str]:
        """The team lines in ``lang``."""
        return [pick(line, lang) for line in self.team]


def load_scenario() -> Scenario:
    """Load ``scenario.yaml``."""
    data = _yaml(SCENARIO_FILE)
    try:
        airport = Airport.model_validate({**data["airport"], "custom": True})
        visit = data.get("visit_date") or dt.date.today()
        if isinstance(visit, str):
            visit = dt.date.fromisoformat(visit)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(
            N_("{SCENARIO_FILE}: invalid scenario ({exc})"), SCENARIO_FILE=SCENARIO_FILE, exc=exc
        ) from exc
    team = [
        {lang: str(line) for lang in LANGUAGES}
        if isinstance(line, str)
        else _lang_text(line, f"{SCENARIO_FILE}: team line {number}")
        for number, line in enumerate(data.get("team") or [], start=1)
    ]
    names = data.get("airport_name") or {lang: airport.name for lang in LANGUAGES}
    return Scenario(
        airport=airport,
        title=_lang_text(data.get("title"), f"{SCENARIO_FILE}: title"),
        organisation=_lang_text(data.get("organisation"), f"{SCENARIO_FILE}: organisation"),
        visit_date=visit,
        team=team,
        airport_name=_lang_text(names, f"{SCENARIO_FILE}: airport_name"),
    )


@functools.cache
def _reference_projection() -> Any:
    from avsec.geo.projection import LocalProjection

    airport = load_scenario().airport
    return LocalProjection(airport.lon, airport.lat)


def to_lonlat(x: float, y: float) -> tuple[float, float]:
    """A place given in metres east (x) and north (y) of the reference point, as (lon, lat)."""
    lon, lat = _reference_projection().point_to_lonlat(x, y)
    return float(lon), float(lat)


def load_layout() -> list[Feature]:
    """Load the training layout through the regular GeoJSON importer."""
    from avsec.io.geojson import read_layout

    with training_path(LAYOUT_FILE) as path:
        result = read_layout(path)
    return list(result.features)


@dataclass(frozen=True)
class KeyAnswer:
    """The reference answer to one item."""

    status: Status
    rationale: LangText


def load_answer_key() -> dict[str, KeyAnswer]:
    """Load ``answer-key.yaml`` as {item id: KeyAnswer} (every rationale in en and es)."""
    data = _yaml(KEY_FILE)
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise InputError(
            N_("{KEY_FILE}: expected 'answers' mapping item ids to status and rationale"),
            KEY_FILE=KEY_FILE,
        )
    out: dict[str, KeyAnswer] = {}
    for item_id, entry in answers.items():
        where = f"{KEY_FILE}: item {item_id}"
        if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
            raise InputError(
                N_("{where}: field status must be one of {names}"),
                where=where,
                names=", ".join(sorted(STATUSES)),
            )
        out[str(item_id)] = KeyAnswer(
            Status(entry["status"]), _lang_text(entry.get("rationale"), f"{where}: field rationale")
        )
    return out


def key_problems(checklist: Checklist, key: dict[str, KeyAnswer]) -> list[str]:
    """Return one line per item of ``checklist`` without a key answer, or key entry not in it."""
    ids = checklist.item_ids()
    problems = [f"{KEY_FILE}: item {i}: no reference answer" for i in ids if i not in key]
    problems += [
        f"{KEY_FILE}: item {i}: not in checklist {checklist.id}" for i in key if i not in ids
    ]
    return problems


def load_narrative(checklist: Checklist | None = None, lang: str = "en") -> list[Observation]:
    """Load the visit narrative as :class:`Observation` records with lon/lat locations.

    Parameters
    ----------
    checklist
        When given, every item an observation names must be in it.
    lang
        Language of the place names (each observation's text keeps every language).
    """
    from avsec.geo.projection import LocalProjection

    airport = load_scenario().airport
    projection = LocalProjection(airport.lon, airport.lat)
    data = _yaml(NARRATIVE_FILE)
    entries = data.get("observations")
    if not isinstance(entries, list):
        raise InputError(
            N_("{NARRATIVE_FILE}: expected an 'observations' list"), NARRATIVE_FILE=NARRATIVE_FILE
        )
    known = set(checklist.item_ids()) if checklist is not None else None
    out: list[Observation] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{NARRATIVE_FILE}: observation {entry.get('id', number) if isinstance(entry, dict) else number}"
        if not isinstance(entry, dict):
            raise InputError(N_("{where}: expected a mapping"), where=where)
        at = entry.get("at")
        if not (
            isinstance(at, list) and len(at) == 2 and all(isinstance(v, (int, float)) for v in at)
        ):
            raise InputError(N_("{where}: field at must be [x, y] in metres"), where=where)
        items = [str(i) for i in entry.get("items") or []]
        if known is not None:
            missing = [i for i in items if i not in known]
            if missing:
                raise InputError(
                    N_("{where}: field items: not in the checklist: {names}"),
                    where=where,
                    names=", ".join(missing),
                )
        lon, lat = projection.point_to_lonlat(float(at[0]), float(at[1]))
        out.append(
            Observation(
                id=str(entry.get("id") or f"OBS-{number:02d}"),
                place=_lang_text(entry.get("place"), f"{where}: field place"),
                text=_lang_text(entry.get("text"), f"{where}: field text"),
                location=(round(lon, 7), round(lat, 7)),
                features=[str(f) for f in entry.get("features") or []],
                items=items,
            )
        )
    return out


def training_texts() -> list[tuple[str, str, LangText]]:
    """Every localised text of the training airport as (file, where, {lang: text}).

    The layout's names count as ``{"en": name, lang: name:lang}`` (OpenStreetMap style).
    """
    scenario = load_scenario()
    texts: list[tuple[str, str, LangText]] = [
        (SCENARIO_FILE, "title", scenario.title),
        (SCENARIO_FILE, "organisation", scenario.organisation),
        (SCENARIO_FILE, "airport_name", scenario.airport_name),
    ]
    texts += [(SCENARIO_FILE, f"team line {n}", t) for n, t in enumerate(scenario.team, 1)]
    texts += [
        (KEY_FILE, f"item {item_id}: rationale", answer.rationale)
        for item_id, answer in load_answer_key().items()
    ]
    for observation in load_narrative():
        texts.append((NARRATIVE_FILE, f"observation {observation.id}: text", observation.text))
        if isinstance(observation.place, dict):
            texts.append(
                (NARRATIVE_FILE, f"observation {observation.id}: place", observation.place)
            )
    for feature in load_layout():
        names = {
            str(key).removeprefix("name:") if key != "name" else DEFAULT_LANGUAGE: str(value)
            for key, value in feature.properties.items()
            if (key == "name" or str(key).startswith("name:")) and value
        }
        if names:
            texts.append((LAYOUT_FILE, f"feature {feature.id}: name", names))
    return texts


def training_language_problems(languages: Iterable[str] = LANGUAGES) -> list[str]:
    """One line per training text lacking one of ``languages`` (the bundled texts carry every
    language; a language a file lacks entirely is one line for that file)."""
    texts = training_texts()
    problems: list[str] = []
    for lang in languages:
        key = f"name:{lang}" if lang != DEFAULT_LANGUAGE else "name"
        by_file: dict[str, list[str]] = {}
        counts: dict[str, int] = {}
        for file, where, text in texts:
            counts[file] = counts.get(file, 0) + 1
            if not (text.get(lang) or "").strip():
                by_file.setdefault(file, []).append(where)
        for file, lacking in by_file.items():
            if len(lacking) == counts[file]:
                what = f"no {key}" if file == LAYOUT_FILE else f"no text in {lang}"
                problems.append(f"{file}: language {lang}: missing ({what})")
            else:
                problems += [f"{file}: {where}: {lang} missing" for where in lacking]
    return problems
