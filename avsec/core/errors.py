"""Typed errors raised below the GUI.

The GUI turns them into dialogs and the CLI into one line plus a non-zero exit, so every
message must make sense on its own: it names the file and the place where that is known.
"""

from __future__ import annotations


class AvsecError(Exception):
    """Base class of every error avsec reports to a user."""

    exit_code = 2


class ChecklistError(AvsecError):
    """A checklist, provision catalogue or crosswalk is invalid.

    Parameters
    ----------
    problems
        One line per problem, each naming the file, the item id and the field.
    """

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        first = self.problems[0] if self.problems else "invalid checklist"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)


class UnknownChecklist(AvsecError):
    """No checklist with the requested id is bundled or installed."""


class UnknownAirport(AvsecError):
    """An airport code is not in the airport database."""

    def __init__(self, code: str, suggestions: list[str]):
        self.code = code
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown airport code {code!r}{hint}")


class StoreError(AvsecError):
    """An .avsec file cannot be opened or written."""


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
