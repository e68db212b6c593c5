"""Undoable edits of the evidence around the findings: judgements and photo edits.

They follow :mod:`avsec.core.commands` (redo, undo, describe, changes, journal) and write
through the two :class:`~avsec.core.commands.EditTarget` methods ``write_judgement`` and
``write_photo``. ``stale_record`` names the record the store's stale-edit check compares.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from avsec.core.commands import Changes, EditTarget, Translate, english
from avsec.core.document import AttachmentInfo
from avsec.core.i18n import N_
from avsec.core.judgements import Judgement


@dataclass
class SetJudgement:
    """Record (or with ``after=None`` clear) the judgement of one finding.

    ``label`` is the finding's label when the edit was made ("F3"), for the undo text.
    """

    finding_id: str
    label: str
    before: Judgement | None
    after: Judgement | None

    @property
    def stale_record(self) -> tuple[str, str]:
        """The record the stale-edit check compares."""
        return ("judgement", self.finding_id)

    def redo(self, target: EditTarget) -> None:
        target.write_judgement(self.finding_id, self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_judgement(self.finding_id, self.before)

    def describe(self, translate: Translate = english) -> str:
        before = self.before.verdict if self.before else "open"
        after = self.after.verdict if self.after else "open"
        if before != after:
            texts = {
                "accepted": N_("Accept finding {finding}"),
                "false_positive": N_("Mark finding {finding} as false positive"),
                "open": N_("Reopen finding {finding}"),
            }
            return translate(texts[after]).format(finding=self.label)
        return translate(N_("Comment on finding {finding}")).format(finding=self.label)

    def changes(self) -> Changes:
        return Changes(findings=frozenset({self.finding_id}))

    def journal(self) -> tuple[str, Any, Any]:
        return (
            f"judgement:{self.finding_id}",
            None if self.before is None else self.before.model_dump(mode="json"),
            None if self.after is None else self.after.model_dump(mode="json"),
        )


@dataclass
class SetPhoto:
    """Change a photo's caption, rotation, markup or position (never its bytes)."""

    attachment_id: str
    before: AttachmentInfo
    after: AttachmentInfo

    @property
    def stale_record(self) -> tuple[str, str]:
        """The record the stale-edit check compares."""
        return ("photo", self.attachment_id)

    def redo(self, target: EditTarget) -> None:
        target.write_photo(self.attachment_id, self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_photo(self.attachment_id, self.before)

    def describe(self, translate: Translate = english) -> str:
        b, a = self.before, self.after
        name = a.filename or a.id[:8]
        if (b.lon, b.lat) != (a.lon, a.lat):
            return translate(N_("Place photo {name} on the map")).format(name=name)
        if b.rotation != a.rotation:
            return translate(N_("Rotate photo {name}")).format(name=name)
        if b.marks != a.marks:
            return translate(N_("Mark up photo {name}")).format(name=name)
        return translate(N_("Edit caption of photo {name}")).format(name=name)

    def changes(self) -> Changes:
        return Changes(attachments=frozenset({self.attachment_id}))

    def journal(self) -> tuple[str, Any, Any]:
        return (
            f"photo:{self.attachment_id}",
            self.before.model_dump(mode="json"),
            self.after.model_dump(mode="json"),
        )
