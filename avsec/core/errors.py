"""Typed errors raised below the GUI.

The GUI turns them into dialogs and the CLI into one line plus a non-zero exit, so every
message must make sense on its own: it names the file and the place where that is known.

A message is an English msgid marked with ``N_()`` and its fields given apart,
``InputError(N_("{path}: not a GeoJSON file"), path=path)``: ``str(error)`` is the English
line, :meth:`AvsecError.in_language` the same line in the user's language (translated, then
filled in), so that ``--lang es`` and the Spanish app show Spanish errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from avsec.core.i18n import N_, ntranslate, translate

if TYPE_CHECKING:
    # Only named in annotations: the app's cold start (which reads this module) needs no
    # pydantic before the window is up.
    from pydantic import ValidationError


class Phrase(str):
    """A field of an error message that is itself an English msgid (a hint, a clause): it is
    translated with the message."""

    def in_language(self, lang: str) -> str:
        """The phrase in ``lang`` (an empty phrase stays empty)."""
        return translate(self, lang) if self else ""


class AvsecError(Exception):
    """Base class of every error avsec reports to a user.

    Parameters
    ----------
    message
        The English message, a msgid with ``{name}`` placeholders when ``fields`` are given.
    fields
        The values of the placeholders (file names, ids, numbers), not translated unless they
        are a :class:`Phrase`, an error or a notice (anything with ``in_language``).
    """

    exit_code = 2

    def __init__(self, message: str = "", /, **fields: object) -> None:
        self.message = message
        self.fields = fields
        super().__init__(message.format(**fields) if fields else message)

    def in_language(self, lang: str) -> str:
        """The message in ``lang`` (English when it has no translation)."""
        if not self.message:
            return str(self)
        text = translate(self.message, lang)
        if not self.fields:
            return text
        from avsec.core.notices import localised

        return text.format(**{k: localised(v, lang) for k, v in self.fields.items()})


class ChecklistError(AvsecError):
    """A checklist, provision catalogue or crosswalk is invalid.

    Parameters
    ----------
    problems
        One line per problem, each naming the file, the item id and the field (a notice that
        translates itself where it can).
    """

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        first = self.problems[0] if self.problems else "invalid checklist"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)

    def in_language(self, lang: str) -> str:
        """The first problem (as the checklist's loader wrote it) and how many more, in ``lang``."""
        from avsec.core.notices import localised

        if not self.problems:
            return translate(N_("invalid checklist"), lang)
        first = str(localised(self.problems[0], lang))
        extra = len(self.problems) - 1
        if not extra:
            return first
        more = ntranslate("(and {count} more)", "(and {count} more)", extra, lang)
        return f"{first} {more.format(count=extra)}"


class UnknownChecklist(AvsecError):
    """No checklist with the requested id is bundled or installed."""


class UnknownAirport(AvsecError):
    """An airport code is not in the airport database."""

    def __init__(self, code: str, suggestions: list[str]):
        self.code = code
        self.suggestions = suggestions
        if suggestions:
            super().__init__(
                N_("unknown airport code {code!r}; did you mean {suggestions}?"),
                code=code,
                suggestions=", ".join(suggestions),
            )
        else:
            super().__init__(N_("unknown airport code {code!r}"), code=code)


class StoreError(AvsecError):
    """An .avsec file cannot be opened or written."""


class ReadOnlyFile(StoreError):
    """The file (or its folder) is not writable: it can be read, not edited."""


class NotAnAvsecFile(StoreError):
    """The file is not an .avsec file (wrong format, truncated or damaged)."""


class NewerVersionError(StoreError):
    """The file was written by a newer avsec than this one."""


class ForeignFileError(StoreError):
    """A team file does not belong to the exercise it is compared with, or was tampered with."""


class InputError(AvsecError):
    """A file given to an import (CSV, GeoJSON, OSM, XLSX, photo) is unusable.

    The message names the file and the line, feature or cell.
    """


class PathAnalysisError(AvsecError):
    """The layout cannot be analysed for adversary routes; the message names the feature."""


def validation_where(exc: ValidationError) -> str:
    """Where pydantic's first problem is (``parameters.clear_zone_m``; empty for the record)."""
    return ".".join(str(part) for part in exc.errors()[0]["loc"])


def validation_reason(exc: ValidationError) -> AvsecError | Phrase:
    """Why pydantic refused a record, translatable: the validator's own typed error (a text
    over its cap) or its message as a :class:`Phrase` (an ``N_`` sentence of a model rule)."""
    first = exc.errors()[0]
    cause = (first.get("ctx") or {}).get("error")
    if isinstance(cause, AvsecError):
        return cause
    return Phrase(str(first["msg"]).removeprefix("Value error, "))
