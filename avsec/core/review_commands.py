"""Undoable edits of the evidence around the findings: judgements and photo edits.

They are :class:`~avsec.core.commands.SetRecord` edits (redo, undo, changes, journal and the
record the store's stale-edit check compares follow from the record's name) that write through
the two :class:`~avsec.core.commands.EditTarget` methods ``write_judgement`` and
``write_photo``.
"""

from __future__ import annotations

from dataclasses import dataclass

from avsec.core.commands import SetRecord, Translate, english
from avsec.core.document import AttachmentInfo
from avsec.core.i18n import N_
from avsec.core.judgements import Judgement


@dataclass
class SetJudgement(SetRecord):
    """Record (or with ``after=None`` clear) the judgement of one finding.

    ``label`` is the finding's label when the edit was made ("F3"), for the undo text.
    """

    record = "judgement"
    id_field = "finding_id"
    finding_id: str
    label: str
    before: Judgement | None
    after: Judgement | None

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


@dataclass
class SetPhoto(SetRecord):
    """Change a photo's caption, rotation, markup or position (never its bytes)."""

    record = "photo"
    id_field = "attachment_id"
    attachment_id: str
    before: AttachmentInfo
    after: AttachmentInfo

    def describe(self, translate: Translate = english) -> str:
        b, a = self.before, self.after
        name = a.filename or a.id[:8]
        if b.link != a.link:
            if a.link is None:
                return translate(N_("Unlink photo {name}")).format(name=name)
            return translate(N_("Link photo {name} to {target}")).format(
                name=name, target=a.link.id
            )
        if (b.lon, b.lat) != (a.lon, a.lat):
            return translate(N_("Place photo {name} on the map")).format(name=name)
        if b.rotation != a.rotation:
            return translate(N_("Rotate photo {name}")).format(name=name)
        if b.marks != a.marks:
            return translate(N_("Mark up photo {name}")).format(name=name)
        return translate(N_("Edit caption of photo {name}")).format(name=name)
