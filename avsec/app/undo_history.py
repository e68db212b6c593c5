"""Rebuild the undo history of an open file from its changes journal.

Every edit leaves a row in the file's append-only journal (what, before, after). On reopen,
the most recent rows become undoable commands again, so an edit of the last session can be
undone after a crash or a restart. A row is taken only while it chains with the state of the
document: walking back from the newest row, its "after" must be what the document holds now
(and its "before" becomes the state the next older row must end in). The first row that does
not chain (an edit made by another program, a migrated file) stops the walk: undo never
writes a state the journal cannot vouch for.
"""

from __future__ import annotations

from typing import Any

from avsec.core.access_test_edit import SetAccessTest
from avsec.core.access_tests import AccessTest
from avsec.core.actions import Action
from avsec.core.assessment import Response
from avsec.core.commands import SetAction, SetFeature, SetResponse
from avsec.core.document import AssessmentDocument, AttachmentInfo
from avsec.core.findings import finding_label, finding_numbers
from avsec.core.judgements import Judgement
from avsec.core.layout import Feature
from avsec.core.review_commands import SetJudgement, SetPhoto

#: At most this many edits come back (a long visit's first edits are in View > History).
MAX_RESTORED = 200

_RESPONSE_FIELDS = ("status", "notes", "photos", "sample_size", "failures")


_UNANSWERED = ("not_assessed", "", "[]", "", "")


def _response_key(value: dict[str, Any] | None) -> Any:
    if value is None:
        return None
    # A journal row written before samples existed has no sample fields: the same as none.
    return tuple("" if value.get(name) is None else str(value[name]) for name in _RESPONSE_FIELDS)


def _dump(model: Any) -> dict[str, Any] | None:
    return None if model is None else model.model_dump(mode="json")


class _State(dict[str, Any]):
    """What the document holds now, keyed as the journal names it.

    A key is read from the document when the walk first asks for it: dumping every feature
    of a large layout up front cost more than the rest of opening the file.
    """

    def __init__(self, doc: AssessmentDocument):
        super().__init__()
        self._responses = doc.responses
        self._features = {feature.id: feature for feature in doc.features}
        self._actions = {action.id: action for action in doc.actions}
        self._judgements = doc.judgements
        self._photos = {photo.id: photo for photo in doc.attachments}
        self._tests = {test.id: test for test in doc.access_tests}

    def __missing__(self, what: str) -> Any:
        family, _, ident = what.partition(":")
        if family == "response":
            value = _normal("response:", _dump(self._responses.get(ident)))
        elif family == "feature":
            value = _dump(self._features.get(ident))
        elif family == "action":
            value = _dump(self._actions.get(ident))
        elif family == "judgement":
            value = _normal("judgement:", _dump(self._judgements.get(ident)))
        elif family == "photo":
            value = _normal("photo:", _dump(self._photos.get(ident)))
        elif family == "access_test":
            value = _dump(self._tests.get(ident))
        else:
            value = None
        self[what] = value
        return value

    def get(self, what: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[what]


def _state(doc: AssessmentDocument) -> dict[str, Any]:
    """What the document holds now, keyed as the journal names it (read on demand)."""
    return _State(doc)


def _normal(what: str, value: dict[str, Any] | None) -> Any:
    if what.startswith("response:"):
        # An unanswered item and a missing response are the same state.
        key = _response_key(value)
        return None if key in (None, _UNANSWERED) else key
    if what.startswith("photo:") and value is not None and value.get("link") is None:
        # A photo edit journaled before photo links existed has no link: the same as none.
        return {k: v for k, v in value.items() if k != "link"}
    if what.startswith("judgement:"):
        # An open judgement without a comment is not stored: the same as none.
        if value is None or (value.get("verdict") == "open" and not value.get("comment")):
            return None
        return {k: value.get(k) for k in ("verdict", "reason", "comment")}
    return value


def commands_from_journal(
    rows: list[dict[str, Any]], doc: AssessmentDocument, limit: int = MAX_RESTORED
) -> list[Any]:
    """The newest journal rows as commands, oldest first, that chain with ``doc``."""
    state = _state(doc)
    restored: list[Any] = []
    for row in reversed(rows):
        if len(restored) >= limit:
            break
        what = str(row.get("what", ""))
        family, _, ident = what.partition(":")
        if family not in ("response", "feature", "action", "judgement", "photo", "access_test"):
            break
        after = row.get("after")
        if _normal(what, after) != state.get(what):
            break
        before = row.get("before")
        state[what] = _normal(what, before)
        try:
            restored.append(_command(family, ident, before, after, doc))
        except ValueError:  # a row the models no longer read: stop, as for a break in the chain
            break
    restored.reverse()
    return restored


def _command(family: str, ident: str, before: Any, after: Any, doc: AssessmentDocument) -> Any:
    if family == "judgement":
        number = finding_numbers(doc.findings).get(ident, 0)
        return SetJudgement(
            ident,
            finding_label(number),
            None if before is None else Judgement.model_validate(before),
            None if after is None else Judgement.model_validate(after),
        )
    if family == "photo":
        if before is None or after is None:
            raise ValueError("a photo edit always has both states")
        return SetPhoto(
            ident, AttachmentInfo.model_validate(before), AttachmentInfo.model_validate(after)
        )
    if family == "access_test":
        return SetAccessTest(
            ident,
            None if before is None else AccessTest.model_validate(before),
            None if after is None else AccessTest.model_validate(after),
        )
    if family == "response":
        return SetResponse(
            ident,
            None if before is None else Response.model_validate(before),
            None if after is None else Response.model_validate(after),
        )
    if family == "feature":
        return SetFeature(
            ident,
            None if before is None else Feature.model_validate(before),
            None if after is None else Feature.model_validate(after),
        )
    return SetAction(
        ident,
        None if before is None else Action.model_validate(before),
        None if after is None else Action.model_validate(after),
    )
