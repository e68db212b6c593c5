"""Documented maximum lengths of free text, enforced by the models on every write.

A note or title far longer than any inspector writes is a mistake or an attack on the report
(reportlab lays out a paragraph in time that grows faster than its length). Every entry point
(app fields, CSV import, CLI options, GeoJSON and OpenStreetMap import, the store's read-back
before commit) uses these limits through the models. Records already stored are read without
the check (validation context ``{"stored": True}``), so an older file with a longer text still
opens. README, *Security*, lists the limits.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationInfo

from avsec.core.errors import AvsecError
from avsec.core.i18n import N_, format_number

#: Notes, descriptions, evidence, observations, checklist texts: 65,536 characters (about 30
#: printed pages).
MAX_NOTES_CHARS = 65_536
#: Titles, names, owners, markings, team members, places, property keys: 1,000 characters.
MAX_FIELD_CHARS = 1_000
#: Corrective-action titles (generated from a checklist recommendation): 4,000 characters.
MAX_ACTION_TITLE_CHARS = 4_000
#: Most properties (GeoJSON properties, OpenStreetMap tags) on one layout feature.
MAX_PROPERTIES = 1_000


def is_stored(info: ValidationInfo) -> bool:
    """True when the record is read from a file (its texts are not re-checked)."""
    context = info.context if isinstance(info.context, dict) else {}
    return bool(context.get("stored"))


class OverTextLimit(AvsecError, ValueError):
    """A text or property set over its limit: a ValueError for pydantic, a typed error that
    translates for the user, its counts (int fields) grouped as the language writes them."""

    def __init__(self, message: str, /, **fields: object) -> None:
        super().__init__(message, **fields)
        self.args = (message.format(**_grouped(fields, None)),)

    def in_language(self, lang: str) -> str:
        """The reason in ``lang`` (65,536 / 65.536 / 65 536)."""
        return AvsecError(self.message, **_grouped(self.fields, lang)).in_language(lang)


def _grouped(fields: dict[str, object], lang: str | None) -> dict[str, object]:
    def grouped(value: int) -> str:
        return f"{value:,}" if lang is None else format_number(value, lang, 0)

    return {
        k: grouped(v) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in fields.items()
    }


_LONGER = N_("longer than {limit} characters ({length})")
_WHERE_LONGER = N_("{where}: longer than {limit} characters ({length})")


def _capped(limit: int) -> Any:
    def check(value: str, info: ValidationInfo) -> str:
        if len(value) > limit and not is_stored(info):
            raise OverTextLimit(_LONGER, limit=limit, length=len(value))
        return value

    return AfterValidator(check)


def _documented(limit: int) -> Any:
    return Field(json_schema_extra={"maxLength": limit})


NotesText = Annotated[str, _capped(MAX_NOTES_CHARS), _documented(MAX_NOTES_CHARS)]
FieldText = Annotated[str, _capped(MAX_FIELD_CHARS), _documented(MAX_FIELD_CHARS)]
ActionTitle = Annotated[str, _capped(MAX_ACTION_TITLE_CHARS), _documented(MAX_ACTION_TITLE_CHARS)]
#: A text per language (``{"en": ..., "es": ...}``) with each language's text capped.
LangNotes = dict[str, NotesText]
LangField = dict[str, FieldText]


def strings_in(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a JSON-like value, with where it is (``key.0.key``), keys included."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            shown = str(key) if len(str(key)) <= 40 else str(key)[:40] + "…"  # never echo it all
            where = f"{path}.{shown}" if path else shown
            if isinstance(key, str):
                yield f"{where} (the key)", key
            yield from strings_in(inner, where)
    elif isinstance(value, list | tuple):
        for n, inner in enumerate(value):
            yield from strings_in(inner, f"{path}.{n}" if path else str(n))


def free_text_problem(value: Any, path: str = "") -> OverTextLimit | None:
    """Why a JSON-like value holds too long a text (None when every text is within limits).

    Any text is capped at :data:`MAX_NOTES_CHARS`: the store applies this to every value it
    keeps outside the typed records (the extras table: narrative, rationales, judgements).
    """
    for where, text in strings_in(value, path):
        if len(text) > MAX_NOTES_CHARS:
            return OverTextLimit(
                _WHERE_LONGER, where=where[:100] or "text", limit=MAX_NOTES_CHARS, length=len(text)
            )
    return None


def properties_problem(properties: dict[str, Any]) -> OverTextLimit | None:
    """Why a feature's properties break the limits (None when they keep them).

    At most :data:`MAX_PROPERTIES` properties; keys, ``name`` and ``name:xx`` (the feature's
    label in the app, the report and the KML) at most :data:`MAX_FIELD_CHARS`; any other text,
    nested ones included, at most :data:`MAX_NOTES_CHARS`.
    """
    if len(properties) > MAX_PROPERTIES:
        return OverTextLimit(
            N_("more than {limit} properties ({count})"),
            limit=MAX_PROPERTIES,
            count=len(properties),
        )
    for key, value in properties.items():
        if len(str(key)) > MAX_FIELD_CHARS:
            return OverTextLimit(
                N_("a property name is longer than {limit} characters"), limit=MAX_FIELD_CHARS
            )
        named = key == "name" or str(key).startswith("name:")
        if named and isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            return OverTextLimit(
                _WHERE_LONGER, where=str(key)[:100], limit=MAX_FIELD_CHARS, length=len(value)
            )
        problem = free_text_problem(value, str(key))
        if problem is not None:
            return problem
    return None
