"""Warnings and notes that translate where they are shown.

An import's warnings (a repaired polygon, a skipped OpenStreetMap feature, a layer far from the
airport) are made where the file is read, long before anyone knows the language of the screen
or of ``--lang``. A :class:`Notice` keeps its English msgid and its fields apart, as
:class:`~avsec.core.errors.AvsecError` does: ``str(notice)`` (it *is* a ``str``) is the English
line, :meth:`Notice.in_language` the same line in the user's language. A field is translated
with it when it can be (anything with ``in_language``: a notice, an error, a
:class:`~avsec.core.errors.Phrase`, a :class:`Number`, a :class:`Joined` list).
"""

from __future__ import annotations

from collections.abc import Iterable

from avsec.core.i18n import catalogue_of, format_number, translate


def localised(value: object, lang: str) -> object:
    """``value`` in ``lang`` when it translates itself (``in_language``), else unchanged."""
    in_language = getattr(value, "in_language", None)
    return in_language(lang) if callable(in_language) else value


def _plural_index(count: int, lang: str) -> int:
    """0 when ``lang`` writes ``count`` with the singular, else 1 (the catalogue's own rule)."""
    rule = getattr(catalogue_of(lang), "plural", None)
    return int(rule(count)) if callable(rule) else int(count != 1)


class Notice(str):
    """A warning or note: an English msgid with its fields given apart.

    Parameters
    ----------
    message
        The English msgid (marked with ``N_``), ``{name}`` placeholders for ``fields``.
    plural
        The plural msgid (marked with ``N_`` too), used for ``fields["count"]`` other than one
        as the language counts (French and Brazilian Portuguese say 0 in the singular).
    fields
        The values; file names, tags and ids stay as they are.
    """

    message: str
    plural: str
    fields: dict[str, object]

    def __new__(cls, message: str, /, *, plural: str = "", **fields: object) -> Notice:
        count = fields.get("count")
        english = plural if plural and isinstance(count, int) and count != 1 else message
        self = super().__new__(cls, english.format(**fields) if fields else english)
        self.message, self.plural, self.fields = message, plural, fields
        return self

    def in_language(self, lang: str) -> str:
        """The line in ``lang`` (English where the catalogue has no translation)."""
        msgid = self.message
        count = self.fields.get("count")
        if self.plural and isinstance(count, int) and _plural_index(count, lang):
            msgid = self.plural
        text = translate(msgid, lang)
        if not self.fields:
            return text
        return text.format(**{k: localised(v, lang) for k, v in self.fields.items()})


class Number:
    """A number in a notice or an error: ``1,234`` in English, ``1.234`` or ``1 234`` in the
    language (and number format) it is shown in."""

    def __init__(self, value: float, decimals: int = 0) -> None:
        self.value, self.decimals = value, decimals

    def __str__(self) -> str:
        return f"{self.value:,.{self.decimals}f}"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Number({self.value!r}, {self.decimals})"

    def in_language(self, lang: str) -> str:
        """The number as ``lang`` (and the number format) writes it."""
        return format_number(self.value, lang, self.decimals)


class Joined:
    """Several values shown as one field (``a; b; c …``), each in the language shown."""

    def __init__(self, items: Iterable[object], separator: str = "; ", more: bool = False):
        self.items, self.separator, self.more = list(items), separator, more

    def _join(self, values: Iterable[object]) -> str:
        return self.separator.join(map(str, values)) + (" …" if self.more else "")

    def __str__(self) -> str:
        return self._join(self.items)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def in_language(self, lang: str) -> str:
        """Every item in ``lang``."""
        return self._join(localised(item, lang) for item in self.items)


def notice_text(value: object, lang: str) -> str:
    """What a user reads for a warning: a :class:`Notice` in ``lang``, else its text."""
    return str(localised(value, lang))
