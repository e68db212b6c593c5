"""Undoable edits.

Every user edit is a command holding the state before and after, so it can be applied, undone
and redone against any :class:`EditTarget`: the .avsec file (each command one transaction,
journaled) or an in-memory document in tests. The GUI wraps commands in QUndoStack entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from avsec.core.actions import Action
from avsec.core.assessment import Assessment, Response
from avsec.core.document import AssessmentDocument
from avsec.core.layout import Feature


class EditTarget(Protocol):
    """What a command edits. Each method writes one record (None deletes it)."""

    def write_response(self, item_id: str, response: Response | None) -> None: ...

    def write_feature(self, feature_id: str, feature: Feature | None) -> None: ...

    def write_action(self, action_id: str, action: Action | None) -> None: ...

    def write_assessment(self, assessment: Assessment) -> None: ...


class Command(Protocol):
    """An undoable edit."""

    @property
    def touches(self) -> str:
        """What the change touched: "responses", "features", "actions", "assessment" or "all"."""
        ...

    def redo(self, target: EditTarget) -> None: ...

    def undo(self, target: EditTarget) -> None: ...

    def describe(self) -> str: ...

    def journal(self) -> tuple[str, Any, Any]:
        """Return (what, before, after) for the changes journal."""
        ...


def _dump(model: Any) -> Any:
    return None if model is None else model.model_dump(mode="json")


@dataclass
class SetResponse:
    """Set (or clear, with ``after=None``) the response to one item."""

    item_id: str
    before: Response | None
    after: Response | None
    touches: str = "responses"

    def redo(self, target: EditTarget) -> None:
        target.write_response(self.item_id, self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_response(self.item_id, self.before)

    def describe(self) -> str:
        before = self.before.status if self.before else "not_assessed"
        after = self.after.status if self.after else "not_assessed"
        if before != after:
            return f"Set {self.item_id} to {after}"
        photos_before = self.before.photos if self.before else []
        photos_after = self.after.photos if self.after else []
        if len(photos_after) > len(photos_before):
            return f"Add photo to {self.item_id}"
        if len(photos_after) < len(photos_before):
            return f"Remove photo from {self.item_id}"
        return f"Edit notes of {self.item_id}"

    def journal(self) -> tuple[str, Any, Any]:
        return f"response:{self.item_id}", _dump(self.before), _dump(self.after)


@dataclass
class SetFeature:
    """Add (``before=None``), change, or delete (``after=None``) one layout feature."""

    feature_id: str
    before: Feature | None
    after: Feature | None
    touches: str = "features"

    def redo(self, target: EditTarget) -> None:
        target.write_feature(self.feature_id, self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_feature(self.feature_id, self.before)

    def describe(self) -> str:
        feature = self.after or self.before
        kind = feature.kind if feature is not None else "feature"
        if self.before is None:
            return f"Add {kind}"
        if self.after is None:
            return f"Delete {kind}"
        return f"Edit {kind}"

    def journal(self) -> tuple[str, Any, Any]:
        return f"feature:{self.feature_id}", _dump(self.before), _dump(self.after)


@dataclass
class SetAction:
    """Add, change or delete one improvement-outline action."""

    action_id: str
    before: Action | None
    after: Action | None
    touches: str = "actions"

    def redo(self, target: EditTarget) -> None:
        target.write_action(self.action_id, self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_action(self.action_id, self.before)

    def describe(self) -> str:
        if self.before is None:
            return "Add action"
        if self.after is None:
            return "Delete action"
        return f"Edit action {self.after.title[:30]}"

    def journal(self) -> tuple[str, Any, Any]:
        return f"action:{self.action_id}", _dump(self.before), _dump(self.after)


@dataclass
class SetAssessment:
    """Change the assessment header (airport, team, dates, marking, parameters)."""

    before: Assessment
    after: Assessment
    touches: str = "assessment"

    def redo(self, target: EditTarget) -> None:
        target.write_assessment(self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_assessment(self.before)

    def describe(self) -> str:
        return "Edit assessment details"

    def journal(self) -> tuple[str, Any, Any]:
        return "assessment", _dump(self.before), _dump(self.after)


@dataclass
class Batch:
    """Several commands applied, undone and journaled as one edit."""

    text: str
    commands: Sequence[Command] = field(default_factory=list)

    @property
    def touches(self) -> str:
        kinds = {c.touches for c in self.commands}
        return kinds.pop() if len(kinds) == 1 else "all"

    def redo(self, target: EditTarget) -> None:
        for command in self.commands:
            command.redo(target)

    def undo(self, target: EditTarget) -> None:
        for command in reversed(self.commands):
            command.undo(target)

    def describe(self) -> str:
        return self.text

    def journal(self) -> tuple[str, Any, Any]:
        return (
            f"batch:{self.text}",
            [c.journal()[1] for c in self.commands],
            [c.journal()[2] for c in self.commands],
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


def replace_layout(doc: AssessmentDocument, features: Sequence[Feature], text: str) -> Batch:
    """Return one command that replaces every feature with ``features``."""
    removes: list[Command] = [SetFeature(f.id, f, None) for f in doc.features]
    adds: list[Command] = [SetFeature(f.id, None, f) for f in features]
    return Batch(text, removes + adds)


def merge_layout(doc: AssessmentDocument, features: Sequence[Feature], text: str) -> Batch:
    """Return one command that adds ``features`` (replacing those with the same id)."""
    existing = {f.id: f for f in doc.features}
    commands: list[Command] = [SetFeature(f.id, existing.get(f.id), f) for f in features]
    return Batch(text, commands)


def replace_outline(doc: AssessmentDocument, actions: Sequence[Action], text: str) -> Batch:
    """Return one command that replaces the outline with ``actions``."""
    new_ids = {a.id for a in actions}
    old = {a.id: a for a in doc.actions}
    commands: list[Command] = [SetAction(a.id, a, None) for a in doc.actions if a.id not in new_ids]
    commands += [SetAction(a.id, old.get(a.id), a) for a in actions]
    return Batch(text, commands)


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
