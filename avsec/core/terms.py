"""The access-control terms in every language: one table for the term sheet, the app and the
checklist (data in ``assets/terms/terms.yaml``, read by :mod:`avsec.io.terms`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from avsec.core.i18n import DEFAULT_LANGUAGE, LangText


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AppLabel(_Model):
    """A gettext message the app shows for a term (its translation must be the term)."""

    msgid: str
    context: str | None = None


class Term(_Model):
    """One term: how each language writes it, and where the app and the checklist use it."""

    key: str
    text: LangText
    #: Words a checklist text using the term contains, per language; the English ones find
    #: the texts that use it, the others must then appear in the same text's translation.
    forms: dict[str, list[str]] = Field(default_factory=dict)
    app: list[AppLabel] = Field(default_factory=list)

    @field_validator("text")
    @classmethod
    def _has_english(cls, value: LangText) -> LangText:
        if not (value.get(DEFAULT_LANGUAGE) or "").strip():
            raise ValueError("every term needs its English text")
        return value


class TermSheet(_Model):
    """Every term, in the order the sheet prints them."""

    terms: list[Term]

    @field_validator("terms")
    @classmethod
    def _unique_keys(cls, value: list[Term]) -> list[Term]:
        keys = [term.key for term in value]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"duplicate term keys: {', '.join(duplicates)}")
        return value

    def get(self, key: str) -> Term:
        """The term named ``key``.

        Raises
        ------
        KeyError
            No term has that key.
        """
        for term in self.terms:
            if term.key == key:
                return term
        raise KeyError(key)

    def missing(self, lang: str) -> list[str]:
        """Keys of the terms without a text in ``lang``."""
        return [t.key for t in self.terms if not (t.text.get(lang) or "").strip()]
