"""The undoable edit of the file's GPS tracks (kept apart from the models, which the
document model imports: the commands module imports the document)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from avsec.core.commands import Changes, EditTarget, Translate, english
from avsec.core.i18n import N_
from avsec.core.tracks import TRACKS_KEY, Track


@dataclass
class SetTracks:
    """Replace the file's tracks (an import adds one, an undo takes it away again).

    ``text`` is an English msgid marked with ``N_`` and ``params`` its placeholders.
    """

    before: list[Track]
    after: list[Track]
    text: str = N_("Import track {name}")
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def stale_record(self) -> tuple[str, str]:
        """The record the stale-edit check compares (avsec.store.stale): all the tracks."""
        return ("tracks", "")

    def redo(self, target: EditTarget) -> None:
        target.write_tracks(self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_tracks(self.before)

    def describe(self, translate: Translate = english) -> str:
        text = translate(self.text)
        return text.format(**self.params) if self.params else text

    def changes(self) -> Changes:
        return Changes(tracks=True)

    def journal(self) -> tuple[str, Any, Any]:
        # The journal names the tracks, not every fix: the points are in the record itself.
        def summary(tracks: list[Track]) -> list[dict[str, Any]]:
            return [{"id": t.id, "name": t.name, "points": t.point_count()} for t in tracks]

        return TRACKS_KEY, summary(self.before), summary(self.after)


def add_tracks(current: list[Track], new: list[Track], source: str) -> SetTracks:
    """The command that adds the ``new`` tracks (read from the file ``source``) to ``current``."""
    return SetTracks(list(current), [*current, *new], N_("Import track {name}"), {"name": source})
