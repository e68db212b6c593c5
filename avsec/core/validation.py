"""Validation of checklist data beyond its schema: ids, references, languages, rules.

Works on already-parsed data (no I/O) and returns one message per problem, each naming the
file, the item id and the field: each line a :class:`~avsec.core.notices.Notice` (a ``str``,
the English line), translated where it is shown (field paths and ids stay as the YAML writes
them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from avsec.core.checklist import AREA_IDS, RULE_IDS, Checklist, Crosswalk, ProvisionCatalogue
from avsec.core.errors import Phrase
from avsec.core.i18n import LANGUAGES, N_
from avsec.core.notices import Notice

TEXT_FIELDS = ("question", "guidance", "evidence", "recommendation")


_MISSING = N_("{where}: field {field}: missing")


def _missing_titles(where: Notice, title: Mapping[str, str], languages: Iterable[str]) -> list[str]:
    """One problem per language in which ``title`` is missing."""
    return [
        Notice(_MISSING, where=where, field=f"title.{lang}")
        for lang in languages
        if not title.get(lang)
    ]


def _checklist(name: str, checklist_id: str) -> Notice:
    return Notice(N_("{name}: checklist {id}"), name=name, id=checklist_id)


def _area(name: str, area_id: str) -> Notice:
    return Notice(N_("{name}: area {id}"), name=name, id=area_id)


def _item(name: str, item_id: str) -> Notice:
    return Notice(N_("{name}: item {id}"), name=name, id=item_id)


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
    return owner, ".".join(rest) or Phrase(N_("(whole entry)"))


def schema_problems(name: str, data: Any, error: ValidationError) -> list[str]:
    """Format a pydantic ValidationError as one line per problem (pydantic's own reason is
    quoted as it writes it)."""
    out: list[str] = []
    for problem in error.errors():
        owner, field = _where(data, tuple(problem["loc"]))
        where: str = _item(name, owner) if owner else name
        reason = str(problem["msg"])
        out.append(
            Notice(N_("{where}: field {field}: {reason}"), where=where, field=field, reason=reason)
        )
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
    whole = _checklist(name, checklist.id)
    if languages is None:
        languages = carried_languages(checklist)
    else:
        languages = tuple(languages)
        absent = missing_languages(checklist, languages)
        for lang in absent:
            problems.append(
                Notice(
                    N_(
                        "{where}: language {lang}: missing (no text in {lang}; a bundled "
                        "checklist carries every language: {languages})"
                    ),
                    where=whole,
                    lang=lang,
                    languages=", ".join(languages),
                )
            )
        languages = tuple(lang for lang in languages if lang not in absent)
    seen_items: set[str] = set()
    seen_areas: set[str] = set()
    problems += _missing_titles(whole, checklist.title, languages)
    if not checklist.areas:
        problems.append(Notice(N_("{where}: field areas: no areas"), where=whole))
    for area in checklist.areas:
        where = _area(name, area.id)
        if area.id not in AREA_IDS:
            unknown = N_("{where}: field id: unknown area id (use {ids})")
            problems.append(Notice(unknown, where=where, ids=", ".join(AREA_IDS)))
        if area.id in seen_areas:
            problems.append(Notice(N_("{where}: field id: duplicate area id"), where=where))
        seen_areas.add(area.id)
        problems += _missing_titles(where, area.title, languages)
        if not area.items:
            problems.append(Notice(N_("{where}: field items: no items"), where=where))
        for item in area.items:
            problems += _item_problems(name, item, catalogue, languages, seen_items)
    return problems


def _item_problems(
    name: str,
    item: Any,
    catalogue: ProvisionCatalogue | None,
    languages: tuple[str, ...],
    seen_items: set[str],
) -> list[str]:
    """The problems of one checklist item (``seen_items``: the ids met so far, updated)."""
    problems: list[str] = []
    where = _item(name, item.id)
    if item.id in seen_items:
        problems.append(Notice(N_("{where}: field id: duplicate item id"), where=where))
    seen_items.add(item.id)
    for field in TEXT_FIELDS:
        text = getattr(item, field)
        for lang in languages:
            value = (text.get(lang) or "").strip()
            if not value:
                problems.append(Notice(_MISSING, where=where, field=f"{field}.{lang}"))
            elif lang != "en" and value == (text.get("en") or "").strip():
                same = N_("{where}: field {field}: same as the English text")
                problems.append(Notice(same, where=where, field=f"{field}.{lang}"))
    if not item.references:
        needed = N_("{where}: field references: at least one needed")
        problems.append(Notice(needed, where=where))
    for ref in item.references:
        if catalogue is not None and catalogue.get(ref) is None:
            absent = N_("{where}: field references: {ref} is not in the provision catalogue")
            problems.append(Notice(absent, where=where, ref=ref))
    for rule in item.rules:
        if rule not in RULE_IDS:
            unknown = N_("{where}: field rules: unknown rule {rule}")
            problems.append(Notice(unknown, where=where, rule=rule))
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
            none = N_("{name}: language {lang}: missing (no provision has a text in {lang})")
            problems.append(Notice(none, name=name, lang=lang))
        else:
            problems += [
                Notice(_MISSING, where=provision_place(name, pid), field=f"{f}.{lang}")
                for pid, f in lacking
            ]
    return problems


def provision_place(name: str, provision_id: str) -> Notice:
    """``FILE: provision ID``, where a provision's problem is."""
    return Notice(N_("{name}: provision {id}"), name=name, id=provision_id)


def crosswalk_problems(name: str, crosswalk: Crosswalk, catalogue: ProvisionCatalogue) -> list[str]:
    """Return mappings of ``crosswalk`` whose provisions are not in ``catalogue``."""
    problems: list[str] = []
    for mapping in crosswalk.mappings:
        where = Notice(
            N_("{name}: mapping {source} -> {target}"),
            name=name,
            source=mapping.source,
            target=mapping.target,
        )
        for side in ("source", "target"):
            ref = getattr(mapping, side)
            if catalogue.get(ref) is None:
                absent = N_("{where}: field {side}: {ref} is not in the provision catalogue")
                problems.append(Notice(absent, where=where, side=side, ref=ref))
    return problems
