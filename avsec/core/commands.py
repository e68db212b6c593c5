"""Undoable edits.

Every user edit is a command holding the state before and after, so it can be applied, undone
and redone against any :class:`EditTarget`: the .avsec file (each command one transaction,
journaled) or an in-memory document in tests. The GUI wraps commands in QUndoStack entries.

A command also describes itself, the way Anki's OpChanges does: :meth:`Command.describe`
gives the sentence of the Edit menu (an English msgid marked with ``N_``, translated by the
``translate`` function the caller passes, e.g. the GUI's ``tr``) and :meth:`Command.changes`
the ids it touched, so views refresh only those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from avsec.core.actions import Action
from avsec.core.assessment import STATUS_LABELS, Assessment, Response, Status
from avsec.core.document import AssessmentDocument, AttachmentInfo
from avsec.core.i18n import N_
from avsec.core.judgements import Judgement
from avsec.core.layout import KIND_LABELS, Feature

#: Turns an English msgid into the shown language (gettext's ``gettext``, the GUI's ``tr``).
Translate = Callable[[str], str]


def english(message: str) -> str:
    """The identity :data:`Translate`: descriptions in English (the journal, the CLI)."""
    return message


@dataclass(frozen=True)
class Changes:
    """What an edit touched: ids per kind of record, and whether the header changed."""

    responses: frozenset[str] = frozenset()
    features: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()
    assessment: bool = False
    #: The GPS tracks (avsec.core.tracks) changed.
    tracks: bool = False
    #: Findings whose judgement changed (by finding id).
    findings: frozenset[str] = frozenset()
    #: Photos whose caption, markup or position changed (by attachment id).
    attachments: frozenset[str] = frozenset()
    #: Access-control tests recorded, changed or deleted (by test id).
    tests: frozenset[str] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.responses | other.responses,
            self.features | other.features,
            self.actions | other.actions,
            self.assessment or other.assessment,
            self.tracks or other.tracks,
            self.findings | other.findings,
            self.attachments | other.attachments,
            self.tests | other.tests,
        )

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of record touched: "responses", "features", "actions", "assessment",
        "tracks", "findings" (judgements), "attachments" (photo edits), "tests" (access-control
        tests)."""
        touched = {
            "responses": bool(self.responses),
            "features": bool(self.features),
            "actions": bool(self.actions),
            "assessment": self.assessment,
            "tracks": self.tracks,
            "findings": bool(self.findings),
            "attachments": bool(self.attachments),
            "tests": bool(self.tests),
        }
        return frozenset(kind for kind, yes in touched.items() if yes)

    @classmethod
    def union(cls, parts: Iterable[Changes]) -> Changes:
        """Everything any of ``parts`` touched."""
        out = cls()
        for part in parts:
            out = out | part
        return out


class EditTarget(Protocol):
    """What a command edits. Each method writes one record (None deletes it)."""

    def write_response(self, item_id: str, response: Response | None) -> None: ...

    def write_feature(self, feature_id: str, feature: Feature | None) -> None: ...

    def write_action(self, action_id: str, action: Action | None) -> None: ...

    def write_assessment(self, assessment: Assessment) -> None: ...

    def write_tracks(self, tracks: list[Any]) -> None: ...

    def write_judgement(self, finding_id: str, judgement: Judgement | None) -> None: ...

    def write_photo(self, attachment_id: str, photo: AttachmentInfo) -> None: ...

    def write_access_test(self, test_id: str, test: Any) -> None: ...


class Command(Protocol):
    """An undoable edit."""

    def redo(self, target: EditTarget) -> None: ...

    def undo(self, target: EditTarget) -> None: ...

    def describe(self, translate: Translate = english) -> str:
        """The sentence naming the edit ("Set PER-01 to not compliant"), translated."""
        ...

    def changes(self) -> Changes:
        """The ids the edit touched."""
        ...

    def journal(self) -> tuple[str, Any, Any]:
        """Return (what, before, after) for the changes journal."""
        ...


def _dump(model: Any) -> Any:
    return None if model is None else model.model_dump(mode="json")


def status_text(status: str, translate: Translate = english) -> str:
    """A status as a sentence shows it: "not compliant", never the id "not_compliant"."""
    return translate(STATUS_LABELS.get(status, status)).lower()


def kind_text(kind: str, translate: Translate = english) -> str:
    """A feature kind as a sentence shows it: "access point", never "access_point"."""
    return translate(KIND_LABELS.get(kind, kind.replace("_", " ")))


def _sample(response: Response | None) -> tuple[int | None, int | None]:
    """A response's sample as (size, failures); (None, None) when none is recorded."""
    return (None, None) if response is None else (response.sample_size, response.failures)


class SetRecord:
    """An edit of one record that ``write_<record>`` writes (None deletes it): redo, undo, the
    ids touched, the journal line and the record the stale-edit check compares follow from
    the record's name and id."""

    #: The kind of record, as in ``EditTarget.write_<record>`` and the journal.
    record: ClassVar[str]
    #: The dataclass field holding the record's id.
    id_field: ClassVar[str]
    before: Any
    after: Any

    @property
    def record_id(self) -> str:
        return str(getattr(self, self.id_field))

    @property
    def stale_record(self) -> tuple[str, str]:
        """The record the stale-edit check compares (avsec.store.stale)."""
        return (self.record, self.record_id)

    def _write(self, target: EditTarget, value: Any) -> None:
        getattr(target, f"write_{self.record}")(self.record_id, value)

    def redo(self, target: EditTarget) -> None:
        self._write(target, self.after)

    def undo(self, target: EditTarget) -> None:
        self._write(target, self.before)

    def changes(self) -> Changes:
        touched = frozenset({self.record_id})
        by_record = {
            "response": Changes(responses=touched),
            "feature": Changes(features=touched),
            "action": Changes(actions=touched),
            "judgement": Changes(findings=touched),
            "photo": Changes(attachments=touched),
            "access_test": Changes(tests=touched),
        }
        return by_record[self.record]

    def journal(self) -> tuple[str, Any, Any]:
        return f"{self.record}:{self.record_id}", _dump(self.before), _dump(self.after)


@dataclass
class SetResponse(SetRecord):
    """Set (or clear, with ``after=None``) the response to one item."""

    record = "response"
    id_field = "item_id"
    item_id: str
    before: Response | None
    after: Response | None

    def describe(self, translate: Translate = english) -> str:
        before = self.before.status if self.before else Status.NOT_ASSESSED
        after = self.after.status if self.after else Status.NOT_ASSESSED
        if before != after:
            return translate(N_("Set {item} to {status}")).format(
                item=self.item_id, status=status_text(after, translate)
            )
        photos_before = self.before.photos if self.before else []
        photos_after = self.after.photos if self.after else []
        if len(photos_after) > len(photos_before):
            return translate(N_("Add photo to {item}")).format(item=self.item_id)
        if len(photos_after) < len(photos_before):
            return translate(N_("Remove photo from {item}")).format(item=self.item_id)
        if _sample(self.before) != _sample(self.after):
            return translate(N_("Record sample of {item}")).format(item=self.item_id)
        return translate(N_("Edit notes of {item}")).format(item=self.item_id)

    def notes_only(self) -> bool:
        """True when only the notes change (the GUI merges such edits typed in a row)."""
        if self.after is None:
            return False
        before_status = self.before.status if self.before else Status.NOT_ASSESSED
        before_photos = self.before.photos if self.before else []
        return (
            before_status == self.after.status
            and before_photos == self.after.photos
            and _sample(self.before) == _sample(self.after)
        )


@dataclass
class SetFeature(SetRecord):
    """Add (``before=None``), change, or delete (``after=None``) one layout feature."""

    record = "feature"
    id_field = "feature_id"
    feature_id: str
    before: Feature | None
    after: Feature | None

    def describe(self, translate: Translate = english) -> str:
        feature = self.after or self.before
        kind = kind_text(str(feature.kind), translate) if feature is not None else ""
        if self.before is None:
            return translate(N_("Add {kind}")).format(kind=kind)
        if self.after is None:
            return translate(N_("Delete {kind}")).format(kind=kind)
        if self.before.geometry != self.after.geometry:
            return translate(N_("Move vertices of {kind}")).format(kind=kind)
        return translate(N_("Edit {kind}")).format(kind=kind)


@dataclass
class SetAction(SetRecord):
    """Add, change or delete one improvement-outline action."""

    record = "action"
    id_field = "action_id"
    action_id: str
    before: Action | None
    after: Action | None

    def describe(self, translate: Translate = english) -> str:
        if self.before is None:
            return translate(N_("Add action"))
        if self.after is None:
            return translate(N_("Delete action"))
        return translate(N_("Edit action {title}")).format(title=self.after.title[:30])


@dataclass
class SetAssessment:
    """Change the assessment header (airport, team, dates, marking, parameters)."""

    before: Assessment
    after: Assessment

    def redo(self, target: EditTarget) -> None:
        target.write_assessment(self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_assessment(self.before)

    def describe(self, translate: Translate = english) -> str:
        return translate(N_("Edit assessment details"))

    def changes(self) -> Changes:
        return Changes(assessment=True)

    def journal(self) -> tuple[str, Any, Any]:
        return "assessment", _dump(self.before), _dump(self.after)


@dataclass
class Batch:
    """Several commands applied, undone and journaled as one edit.

    ``text`` is an English msgid marked with ``N_`` (``"Import {count} features from
    {name}"``) and ``params`` its placeholders; the journal keeps the English sentence.
    """

    text: str
    commands: Sequence[Command] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def redo(self, target: EditTarget) -> None:
        for command in self.commands:
            command.redo(target)

    def undo(self, target: EditTarget) -> None:
        for command in reversed(self.commands):
            command.undo(target)

    def describe(self, translate: Translate = english) -> str:
        text = translate(self.text)
        return text.format(**self.params) if self.params else text

    def changes(self) -> Changes:
        return Changes.union(c.changes() for c in self.commands)

    def journal(self) -> tuple[str, Any, Any]:
        """One line; ``before`` and ``after`` list ``{"what", "value"}`` per sub-command.

        Each entry keeps its command's own ``what`` (``response:PER-01``, a nested
        ``batch:...`` whose value is again such a list), so a reader of the journal knows
        what every value is without guessing from its fields.
        """
        entries = [c.journal() for c in self.commands]
        return (
            f"batch:{self.describe()}",
            [{"what": what, "value": before} for what, before, _ in entries],
            [{"what": what, "value": after} for what, _, after in entries],
        )


# --- builders: compute "before" from the current document --------------------------------


def set_response(doc: AssessmentDocument, response: Response) -> SetResponse:
    """Return the command that records ``response`` over what ``doc`` holds."""
    return SetResponse(response.item_id, doc.responses.get(response.item_id), response)


def add_feature(feature: Feature) -> SetFeature:
    """Return the command that adds ``feature``."""
    return SetFeature(feature.id, None, feature)


def change_feature(doc: AssessmentDocument, feature: Feature) -> SetFeature:
    """Return the command that replaces the feature with the same id."""
    return SetFeature(feature.id, doc.feature(feature.id), feature)


def delete_feature(doc: AssessmentDocument, feature_id: str) -> SetFeature:
    """Return the command that deletes a feature."""
    return SetFeature(feature_id, doc.feature(feature_id), None)


def replace_layout(
    doc: AssessmentDocument, features: Sequence[Feature], text: str, **params: Any
) -> Batch:
    """Return one command that replaces every feature with ``features``."""
    removes: list[Command] = [SetFeature(f.id, f, None) for f in doc.features]
    adds: list[Command] = [SetFeature(f.id, None, f) for f in features]
    return Batch(text, removes + adds, params)


def merge_layout(
    doc: AssessmentDocument, features: Sequence[Feature], text: str, **params: Any
) -> Batch:
    """Return one command that adds ``features`` (replacing those with the same id)."""
    existing = {f.id: f for f in doc.features}
    commands: list[Command] = [SetFeature(f.id, existing.get(f.id), f) for f in features]
    return Batch(text, commands, params)


def replace_outline(
    doc: AssessmentDocument, actions: Sequence[Action], text: str, **params: Any
) -> Batch:
    """Return one command that replaces the outline with ``actions``."""
    new_ids = {a.id for a in actions}
    old = {a.id: a for a in doc.actions}
    commands: list[Command] = [SetAction(a.id, a, None) for a in doc.actions if a.id not in new_ids]
    commands += [SetAction(a.id, old.get(a.id), a) for a in actions]
    return Batch(text, commands, params)


class DocumentTarget:
    """An in-memory :class:`EditTarget` over an :class:`AssessmentDocument`."""

    def __init__(self, doc: AssessmentDocument):
        self.doc = doc

    def write_response(self, item_id: str, response: Response | None) -> None:
        if response is None:
            self.doc.responses.pop(item_id, None)
        else:
            self.doc.responses[item_id] = response

    def write_feature(self, feature_id: str, feature: Feature | None) -> None:
        kept = [f for f in self.doc.features if f.id != feature_id]
        index = next((i for i, f in enumerate(self.doc.features) if f.id == feature_id), None)
        if feature is not None:
            kept.insert(index if index is not None else len(kept), feature)
        self.doc.features = kept

    def write_action(self, action_id: str, action: Action | None) -> None:
        kept = [a for a in self.doc.actions if a.id != action_id]
        index = next((i for i, a in enumerate(self.doc.actions) if a.id == action_id), None)
        if action is not None:
            kept.insert(index if index is not None else len(kept), action)
        self.doc.actions = kept

    def write_assessment(self, assessment: Assessment) -> None:
        self.doc.assessment = assessment

    def write_tracks(self, tracks: list[Any]) -> None:
        self.doc.tracks = list(tracks)

    def write_judgement(self, finding_id: str, judgement: Judgement | None) -> None:
        if judgement is None or judgement.is_empty():
            self.doc.judgements.pop(finding_id, None)
        else:
            self.doc.judgements[finding_id] = judgement

    def write_photo(self, attachment_id: str, photo: AttachmentInfo) -> None:
        self.doc.attachments = [photo if a.id == attachment_id else a for a in self.doc.attachments]

    def write_access_test(self, test_id: str, test: Any) -> None:
        kept = [t for t in self.doc.access_tests if t.id != test_id]
        position = next(
            (n for n, t in enumerate(self.doc.access_tests) if t.id == test_id), len(kept)
        )
        if test is not None:
            kept.insert(position, test)
        self.doc.access_tests = kept
