"""Validation of checklist data beyond its schema: ids, references, languages, rules.

Works on already-parsed data (no I/O) and returns one message per problem, each naming the
file, the item id and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from avsec.core.checklist import AREA_IDS, RULE_IDS, Checklist, Crosswalk, ProvisionCatalogue
from avsec.core.i18n import LANGUAGES

TEXT_FIELDS = ("question", "guidance", "evidence", "recommendation")


def _missing_titles(where: str, title: Mapping[str, str], languages: Iterable[str]) -> list[str]:
    """One problem per language in which ``title`` is missing."""
    return [f"{where}: field title.{lang}: missing" for lang in languages if not title.get(lang)]


def _where(data: Any, loc: tuple[Any, ...]) -> tuple[str, str]:
    """Turn a pydantic error location into (item or area id, field path)."""
    node = data
    owner = ""
    rest: list[str] = []
    for i, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            rest = [str(p) for p in loc[i:]]
            break
        if isinstance(node, Mapping) and isinstance(node.get("id"), str):
            owner = node["id"]
            rest = []
        elif not isinstance(part, int):
            rest.append(str(part))
    return owner, ".".join(rest) or "(whole entry)"


def schema_problems(name: str, data: Any, error: ValidationError) -> list[str]:
    """Format a pydantic ValidationError as one line per problem."""
    out = []
    for problem in error.errors():
        owner, field = _where(data, tuple(problem["loc"]))
        prefix = f"{name}: item {owner}" if owner else f"{name}"
        out.append(f"{prefix}: field {field}: {problem['msg']}")
    return out


def _texts(checklist: Checklist) -> Iterator[Mapping[str, str]]:
    """Every ``{lang: text}`` mapping of ``checklist``."""
    yield checklist.title
    for area in checklist.areas:
        yield area.title
        for item in area.items:
            for field in TEXT_FIELDS:
                yield getattr(item, field)


def carried_languages(checklist: Checklist) -> tuple[str, ...]:
    """English plus every language in which ``checklist`` has at least one text."""
    found = {lang for text in _texts(checklist) for lang, value in text.items() if value.strip()}
    found.discard("en")
    known = [lang for lang in LANGUAGES if lang in found]
    return ("en", *known, *sorted(found - set(known)))


def missing_languages(
    checklist: Checklist, languages: Iterable[str] = LANGUAGES
) -> tuple[str, ...]:
    """The ``languages`` in which ``checklist`` has no text at all (shown in English)."""
    carried = set(carried_languages(checklist))
    return tuple(lang for lang in languages if lang not in carried)


def checklist_problems(
    name: str,
    checklist: Checklist,
    catalogue: ProvisionCatalogue | None,
    languages: Iterable[str] | None = None,
) -> list[str]:
    """Return every problem of a schema-valid checklist.

    Checks unique area and item ids, that each text exists in every language and is not the
    English text copied, that every reference resolves in ``catalogue`` and that rule ids
    exist.

    ``languages`` are the languages every text must have. None (a user's checklist, or any
    checklist being loaded) asks for English and every language the checklist carries at all:
    a checklist in English and Spanish only is complete, its items shown in English in
    Portuguese; one with half its items in Portuguese is not. A bundled checklist is checked
    with all of :data:`~avsec.core.i18n.LANGUAGES` (``avsec checklist validate``); a language it
    lacks entirely is one line, not one per text.
    """
    problems: list[str] = []
    if languages is None:
        languages = carried_languages(checklist)
    else:
        languages = tuple(languages)
        absent = missing_languages(checklist, languages)
        for lang in absent:
            problems.append(
                f"{name}: checklist {checklist.id}: language {lang}: missing (no text in {lang}; "
                f"a bundled checklist carries every language: {', '.join(languages)})"
            )
        languages = tuple(lang for lang in languages if lang not in absent)
    seen_items: set[str] = set()
    seen_areas: set[str] = set()
    problems += _missing_titles(f"{name}: checklist {checklist.id}", checklist.title, languages)
    if not checklist.areas:
        problems.append(f"{name}: checklist {checklist.id}: field areas: no areas")
    for area in checklist.areas:
        if area.id not in AREA_IDS:
            problems.append(
                f"{name}: area {area.id}: field id: unknown area id (use {', '.join(AREA_IDS)})"
            )
        if area.id in seen_areas:
            problems.append(f"{name}: area {area.id}: field id: duplicate area id")
        seen_areas.add(area.id)
        problems += _missing_titles(f"{name}: area {area.id}", area.title, languages)
        if not area.items:
            problems.append(f"{name}: area {area.id}: field items: no items")
        for item in area.items:
            if item.id in seen_items:
                problems.append(f"{name}: item {item.id}: field id: duplicate item id")
            seen_items.add(item.id)
            for field in TEXT_FIELDS:
                text = getattr(item, field)
                for lang in languages:
                    value = (text.get(lang) or "").strip()
                    if not value:
                        problems.append(f"{name}: item {item.id}: field {field}.{lang}: missing")
                    elif lang != "en" and value == (text.get("en") or "").strip():
                        problems.append(
                            f"{name}: item {item.id}: field {field}.{lang}: same as the English text"
                        )
            if not item.references:
                problems.append(f"{name}: item {item.id}: field references: at least one needed")
            for ref in item.references:
                if catalogue is not None and catalogue.get(ref) is None:
                    problems.append(
                        f"{name}: item {item.id}: field references: {ref} is not in the provision catalogue"
                    )
            for rule in item.rules:
                if rule not in RULE_IDS:
                    problems.append(f"{name}: item {item.id}: field rules: unknown rule {rule}")
    return problems


def provision_problems(
    name: str, catalogue: ProvisionCatalogue, languages: Iterable[str] = LANGUAGES
) -> list[str]:
    """Provisions whose title or summary lacks one of ``languages``.

    The bundled catalogue carries every language (``avsec checklist validate``); a language
    missing from every provision is one line, not one per text.
    """
    problems: list[str] = []
    for lang in languages:
        texts = [
            (provision.id, field, getattr(provision, field))
            for provision in catalogue.provisions
            for field in ("title", "summary")
            if field == "title" or (provision.summary.get("en") or "").strip()
        ]
        lacking = [(pid, field) for pid, field, text in texts if not (text.get(lang) or "").strip()]
        if lacking and len(lacking) == len(texts):
            problems.append(f"{name}: language {lang}: missing (no provision has a text in {lang})")
        else:
            problems += [
                f"{name}: provision {pid}: field {f}.{lang}: missing" for pid, f in lacking
            ]
    return problems


def crosswalk_problems(name: str, crosswalk: Crosswalk, catalogue: ProvisionCatalogue) -> list[str]:
    """Return mappings of ``crosswalk`` whose provisions are not in ``catalogue``."""
    problems = []
    for mapping in crosswalk.mappings:
        for side in ("source", "target"):
            ref = getattr(mapping, side)
            if catalogue.get(ref) is None:
                problems.append(
                    f"{name}: mapping {mapping.source} -> {mapping.target}: field {side}: "
                    f"{ref} is not in the provision catalogue"
                )
    return problems
