"""Load checklists, the provision catalogue and crosswalks from YAML.

Bundled files come from checklists/ and icao_annex17/; an organisation adds its own checklist
YAML in the user data folder (``avsec checklist list`` shows where) or passes a path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import ValidationError

from avsec.core.checklist import Checklist, Crosswalk, ProvisionCatalogue
from avsec.core.errors import ChecklistError, InputError, UnknownChecklist
from avsec.core.i18n import N_
from avsec.core.notices import Notice
from avsec.core.validation import (
    checklist_problems,
    crosswalk_problems,
    provision_place,
    schema_problems,
)
from avsec.io.resources import data_folder, read_bytes
from avsec.io.responses_csv import read_bounded
from avsec.io.yamlfile import MAX_YAML_BYTES, load_yaml_text

BUNDLED_CHECKLIST = "icao-a17-access-control"


#: Largest checklist accepted: far above any real one (the bundled one has under 100 items),
#: low enough that the app, the scores and the report stay quick.
MAX_ITEMS = 2_000
MAX_AREAS = 100


def user_checklist_dir() -> Path:
    """The folder where an organisation puts its own checklist YAML files."""
    return Path(platformdirs.user_data_dir("avsec", appauthor=False)) / "checklists"


def _read_yaml(source: Path | Traversable | str) -> Any:
    if isinstance(source, str):
        source = Path(source)
    name = getattr(source, "name", str(source))
    if isinstance(source, Path):
        raw = read_bounded(source, MAX_YAML_BYTES)
    else:
        raw = read_bytes(source)
    return load_yaml_text(raw, name)


def parse_checklist(
    data: Any,
    name: str,
    catalogue: ProvisionCatalogue | None = None,
    languages: Iterable[str] | None = None,
) -> Checklist:
    """Validate parsed checklist data.

    ``languages``: the languages every text must have; None asks for English and the languages
    the checklist carries (see :func:`avsec.core.validation.checklist_problems`).

    Raises
    ------
    ChecklistError
        With one line per problem (file, item id, field).
    """
    if not isinstance(data, dict):
        raise ChecklistError(
            [f"{name}: not a checklist (expected a mapping with id, version, areas)"]
        )
    areas = data.get("areas")
    if isinstance(areas, list):
        count = sum(
            len(a["items"])
            for a in areas
            if isinstance(a, dict) and isinstance(a.get("items"), list)
        )
        if len(areas) > MAX_AREAS or count > MAX_ITEMS:
            raise ChecklistError(
                [
                    f"{name}: {len(areas)} areas and {count} items; a checklist holds at most "
                    f"{MAX_AREAS} areas and {MAX_ITEMS:,} items"
                ]
            )
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as exc:
        # Report every problem at once: the schema errors, then what the other checks find in
        # the items that did parse (an author fixing a file wants the whole list, not rounds).
        problems = schema_problems(name, data, exc)
        partial = _partial_checklist(data)
        if partial is not None:
            problems += [
                p
                for p in checklist_problems(name, partial, catalogue, languages)
                if p not in problems
            ]
        raise ChecklistError(problems) from exc
    problems = checklist_problems(name, checklist, catalogue, languages)
    if problems:
        raise ChecklistError(problems)
    return checklist


def _partial_checklist(data: dict[str, Any]) -> Checklist | None:
    """Build a checklist from the areas and items of ``data`` that validate on their own."""
    from avsec.core.checklist import Area, ChecklistItem

    areas = []
    for raw_area in data.get("areas") or []:
        if not isinstance(raw_area, dict):
            continue
        items = []
        for raw_item in raw_area.get("items") or []:
            try:
                items.append(ChecklistItem.model_validate(raw_item))
            except ValidationError:
                continue
        area_title = raw_area.get("title")
        title: dict[str, str] = area_title if isinstance(area_title, dict) else {}
        areas.append(Area.model_construct(id=str(raw_area.get("id", "")), title=title, items=items))
    checklist_title = data.get("title")
    return Checklist.model_construct(
        id=str(data.get("id", "")),
        version=1,
        title=checklist_title if isinstance(checklist_title, dict) else {},
        description={},
        edition="",
        areas=areas,
    )


def load_checklist_file(
    path: Path | Traversable | str,
    catalogue: ProvisionCatalogue | None = None,
    *,
    check_references: bool = True,
    languages: Iterable[str] | None = None,
) -> Checklist:
    """Load and validate one checklist YAML file.

    References are checked against ``catalogue`` (the bundled one by default) unless
    ``check_references`` is False. ``languages`` as for :func:`parse_checklist`.
    """
    if isinstance(path, str):
        path = Path(path)
    data = _read_yaml(path)
    name = getattr(path, "name", str(path))
    if check_references and catalogue is None:
        catalogue = load_catalogue()
    return parse_checklist(data, name, catalogue if check_references else None, languages)


@lru_cache(maxsize=1)
def load_catalogue() -> ProvisionCatalogue:
    """Load the bundled provision catalogue with every crosswalk in icao_annex17/."""
    folder = data_folder("icao_annex17")
    provisions_file = folder.joinpath("provisions.yaml")
    data = _read_yaml(provisions_file)
    if not isinstance(data, dict):
        raise ChecklistError(["provisions.yaml: expected a mapping with editions and provisions"])
    crosswalks: list[Crosswalk] = []
    walk_files = sorted(
        (
            f
            for f in folder.iterdir()
            if f.name.startswith("crosswalk") and f.name.endswith(".yaml")
        ),
        key=lambda f: f.name,
    )
    problems: list[str] = []
    for walk_file in walk_files:
        walk_data = _read_yaml(walk_file)
        try:
            crosswalks.append(Crosswalk.model_validate(walk_data))
        except ValidationError as exc:
            problems += schema_problems(walk_file.name, walk_data, exc)
    try:
        catalogue = ProvisionCatalogue.model_validate({**data, "crosswalks": crosswalks})
    except ValidationError as exc:
        raise ChecklistError(schema_problems("provisions.yaml", data, exc) + problems) from exc
    seen: set[str] = set()
    for provision in catalogue.provisions:
        if provision.id in seen:
            where = provision_place("provisions.yaml", provision.id)
            problems.append(Notice(N_("{where}: field id: duplicate id"), where=where))
        seen.add(provision.id)
    for walk, walk_file in zip(catalogue.crosswalks, walk_files, strict=True):
        problems += crosswalk_problems(walk_file.name, walk, catalogue)
    if problems:
        raise ChecklistError(problems)
    return catalogue


@dataclass(frozen=True)
class ChecklistSource:
    """Where a checklist comes from."""

    id: str
    version: int
    title: dict[str, str]
    origin: str  # "bundled", "user" or "path"
    location: str
    items: int


def _bundled_files() -> list[Traversable]:
    folder = data_folder("checklists")
    return sorted(
        (f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))), key=lambda f: f.name
    )


def _bundled_ids() -> set[str]:
    ids = set()
    for source in _bundled_files():
        data = _read_yaml(source)
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
    return ids


def _user_files() -> list[Path]:
    folder = user_checklist_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def list_checklists(
    extra_paths: list[Path] | None = None,
) -> tuple[list[ChecklistSource], list[str]]:
    """List bundled, user and given checklists.

    Returns
    -------
    sources, problems
        The valid checklists, and one line per file that failed to load (so one broken user
        file does not hide the others).
    """
    sources: list[ChecklistSource] = []
    problems: list[str] = []
    bundled_ids = _bundled_ids()
    candidates: list[tuple[str, Path | Traversable]] = [("bundled", f) for f in _bundled_files()]
    candidates += [("user", p) for p in _user_files()]
    candidates += [("path", Path(p)) for p in extra_paths or []]
    for origin, source in candidates:
        try:
            checklist = load_checklist_file(source)
        except (ChecklistError, InputError) as exc:
            problems += getattr(exc, "problems", [str(exc)])
            continue
        if origin != "bundled" and checklist.id in bundled_ids:
            problems.append(
                f"{source}: uses the id {checklist.id!r} of a bundled checklist; give your own "
                "checklist its own id (it was not loaded)"
            )
            continue
        sources.append(
            ChecklistSource(
                checklist.id,
                checklist.version,
                dict(checklist.title),
                origin,
                str(source),
                sum(1 for _ in checklist.items()),
            )
        )
    return sources, problems


def get_checklist(checklist_id: str = BUNDLED_CHECKLIST) -> Checklist:
    """Return the checklist with ``checklist_id`` (user files override bundled ones), or a
    checklist file given by path."""
    as_path = Path(checklist_id)
    if as_path.suffix in (".yaml", ".yml") and as_path.is_file():
        return load_checklist_file(as_path)
    # Bundled first: a user file reusing a bundled id is refused by list_checklists, and must
    # never silently replace the checklist an assessment says it used.
    for source in [*_bundled_files(), *_user_files()]:
        try:
            data = _read_yaml(source)
        except InputError:
            continue
        if isinstance(data, dict) and data.get("id") == checklist_id:
            return load_checklist_file(source)
    raise UnknownChecklist(
        N_("no checklist with id {checklist_id!r}; see 'avsec checklist list'"),
        checklist_id=checklist_id,
    )
