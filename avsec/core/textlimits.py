"""Documented maximum lengths of free text, enforced by the models on every write.

A note or title far longer than any inspector writes is a mistake or an attack on the report
(reportlab lays out a paragraph in time that grows faster than its length). Every entry point
(app fields, CSV import, CLI options, the store's read-back before commit) uses these limits
through the models. Records already stored are read without the check (validation context
``{"stored": True}``), so an older file with a longer text still opens.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationInfo

#: Notes, descriptions, narratives: 65,536 characters (about 30 printed pages).
MAX_NOTES_CHARS = 65_536
#: Titles, names, owners, markings, team members: 1,000 characters.
MAX_FIELD_CHARS = 1_000
#: Corrective-action titles (generated from a checklist recommendation): 4,000 characters.
MAX_ACTION_TITLE_CHARS = 4_000


def _capped(limit: int) -> Any:
    def check(value: str, info: ValidationInfo) -> str:
        context = info.context if isinstance(info.context, dict) else {}
        if len(value) > limit and not context.get("stored"):
            raise ValueError(f"longer than {limit:,} characters ({len(value):,})")
        return value

    return AfterValidator(check)


def _documented(limit: int) -> Any:
    return Field(json_schema_extra={"maxLength": limit})


NotesText = Annotated[str, _capped(MAX_NOTES_CHARS), _documented(MAX_NOTES_CHARS)]
FieldText = Annotated[str, _capped(MAX_FIELD_CHARS), _documented(MAX_FIELD_CHARS)]
ActionTitle = Annotated[str, _capped(MAX_ACTION_TITLE_CHARS), _documented(MAX_ACTION_TITLE_CHARS)]
