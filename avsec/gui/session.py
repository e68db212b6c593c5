"""One open assessment: the .avsec file, its document in memory and the undo stack.

Every view takes the :class:`Session` in its constructor, edits through :meth:`Session.push`
and listens to :attr:`Session.changed` to refresh only what a command touched. ``push`` writes
the command to the file first (one transaction) and only then puts it on the QUndoStack, so a
failed write never leaves an undo entry for a change that did not happen.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from avsec.core.assessment import Assessment, Response, Status
from avsec.core.checklist import Checklist
from avsec.core.commands import (
    Batch,
    Command,
    DocumentTarget,
    SetAction,
    SetAssessment,
    SetFeature,
    SetResponse,
)
from avsec.core.document import AssessmentDocument
from avsec.core.errors import AvsecError
from avsec.core.findings import Finding, finding_numbers
from avsec.gui.i18n import language, tr
from avsec.gui.labels import kind_label, status_label
from avsec.store import AvsecFile

#: A batch with more commands than this reloads the touched tables from the file instead of
#: replaying each command on the in-memory document (replaying is O(n) per feature).
_RELOAD_THRESHOLD = 20
#: Notes typed on one item within this many seconds merge into one undo step.
_NOTES_MERGE_SECONDS = 60


@dataclass
class Touched:
    """What a command changed: ids per table, and whether the header changed."""

    responses: set[str] = field(default_factory=set)
    features: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    assessment: bool = False


def touched(command: Command) -> Touched:
    """Return the ids a command (or a batch, recursively) touches."""
    out = Touched()
    stack: list[Any] = [command]
    while stack:
        current = stack.pop()
        if isinstance(current, Batch):
            stack.extend(current.commands)
        elif isinstance(current, SetResponse):
            out.responses.add(current.item_id)
        elif isinstance(current, SetFeature):
            out.features.add(current.feature_id)
        elif isinstance(current, SetAction):
            out.actions.add(current.action_id)
        elif isinstance(current, SetAssessment):
            out.assessment = True
    return out


def describe_command(command: Command) -> str:
    """A translated description of ``command`` for the Edit menu.

    In English this is the core command's ``describe()``; other languages get the same
    sentence translated. Batches carry their text, which the GUI writes already translated.
    """
    if language() == "en" or isinstance(command, Batch):
        return command.describe()
    if isinstance(command, SetResponse):
        before = command.before.status if command.before else Status.NOT_ASSESSED
        after = command.after.status if command.after else Status.NOT_ASSESSED
        if before != after:
            return tr("Set {item} to {status}").format(
                item=command.item_id, status=status_label(after).lower()
            )
        before_photos = command.before.photos if command.before else []
        after_photos = command.after.photos if command.after else []
        if len(after_photos) > len(before_photos):
            return tr("Add photo to {item}").format(item=command.item_id)
        if len(after_photos) < len(before_photos):
            return tr("Remove photo from {item}").format(item=command.item_id)
        return tr("Edit notes of {item}").format(item=command.item_id)
    if isinstance(command, SetFeature):
        feature = command.after or command.before
        kind = kind_label(feature.kind) if feature else ""
        if command.before is None:
            return tr("Add {kind}").format(kind=kind)
        if command.after is None:
            return tr("Delete {kind}").format(kind=kind)
        if command.before.geometry != command.after.geometry:
            return tr("Move vertices of {kind}").format(kind=kind)
        return tr("Edit {kind}").format(kind=kind)
    if isinstance(command, SetAction):
        if command.before is None:
            return tr("Add action")
        if command.after is None:
            return tr("Delete action")
        return tr("Edit action {title}").format(title=command.after.title[:30])
    if isinstance(command, SetAssessment):
        return tr("Edit assessment details")
    return command.describe()


class UndoableEdit(QUndoCommand):
    """A QUndoStack entry whose redo/undo apply/revert one core command on the file.

    The session applies the command before pushing it, so the first ``redo`` (which
    QUndoStack.push calls) does nothing.
    """

    _NOTES_ID = 0x4E4F  # any constant: Qt merges only entries with the same id

    def __init__(self, session: Session, command: Command):
        super().__init__(describe_command(command))
        self.session = session
        self.command = command
        self._skip_redo = True
        self._at = dt.datetime.now()

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.session._run(self.command, undo=False)

    def undo(self) -> None:
        self.session._run(self.command, undo=True)

    def _notes_only(self) -> bool:
        command = self.command
        if not isinstance(command, SetResponse) or command.after is None:
            return False
        before_status = command.before.status if command.before else Status.NOT_ASSESSED
        before_photos = command.before.photos if command.before else []
        return before_status == command.after.status and before_photos == command.after.photos

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._NOTES_ID if self._notes_only() else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        """Merge consecutive note edits of one item into one undo step."""
        if not isinstance(other, UndoableEdit) or not other._notes_only():
            return False
        mine, theirs = self.command, other.command
        assert isinstance(mine, SetResponse) and isinstance(theirs, SetResponse)
        if mine.item_id != theirs.item_id:
            return False
        if (other._at - self._at).total_seconds() > _NOTES_MERGE_SECONDS:
            return False
        self.command = SetResponse(mine.item_id, mine.before, theirs.after)
        self._at = other._at
        return True


class Session(QObject):
    """An open assessment shared by every view.

    Parameters
    ----------
    file
        The open .avsec file; the session closes it in :meth:`close`.
    """

    #: Emitted after a command was applied, undone or redone; carries the command.
    changed = Signal(object)
    #: Emitted after the analysis results were replaced.
    findings_changed = Signal()
    #: Emitted after photos were added to the file.
    attachments_changed = Signal()
    #: Emitted after every successful write (the status bar shows "Saved").
    saved = Signal()
    #: Emitted when a write failed: (title, message).
    failed = Signal(str, str)

    def __init__(self, file: AvsecFile, parent: QObject | None = None):
        super().__init__(parent)
        self.file = file
        self.doc: AssessmentDocument = file.document()
        self._target = DocumentTarget(self.doc)
        self.undo_stack = QUndoStack(self)
        self._analysed = False
        self._thumbnails: Any = None
        self._finding_numbers: dict[str, int] | None = None

    # --- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, user: str | None = None) -> Session:
        """Open an .avsec file (raises the store's typed errors)."""
        return cls(AvsecFile.open(Path(path), user=user or None))

    @classmethod
    def create(
        cls,
        path: str | Path,
        airport: Any,
        checklist: Checklist,
        *,
        title: str = "",
        team: Iterable[str] = (),
        language: str = "en",
        user: str | None = None,
    ) -> Session:
        """Create a new .avsec file for ``airport`` and open it."""
        assessment = Assessment(
            title=title or tr("{name} access control").format(name=airport.name),
            airport=airport,
            checklist_id=checklist.id,
            checklist_version=checklist.version,
            team=[t for t in team if t],
            language=language,
        )
        file = AvsecFile.create(
            Path(path), assessment, checklist, user=user or None, overwrite=True
        )
        return cls(file)

    @property
    def path(self) -> Path:
        """The file's path."""
        return self.file.path

    @property
    def checklist(self) -> Checklist:
        """The checklist snapshot of the file."""
        return self.doc.checklist

    def close(self) -> None:
        """Close the file (every edit is already on disk)."""
        if self._thumbnails is not None:
            self._thumbnails.shutdown()
        self.undo_stack.clear()
        self.file.close()

    def thumbnails(self) -> Any:
        """The photo thumbnail cache of this file (decoded off the GUI thread)."""
        if self._thumbnails is None:
            from avsec.gui.thumbnails import ThumbnailCache

            self._thumbnails = ThumbnailCache(self.path, parent=self)
        return self._thumbnails

    # --- editing --------------------------------------------------------------------------

    def push(self, command: Command) -> bool:
        """Apply ``command`` to the file and the document, then make it undoable.

        Returns
        -------
        bool
            False when the file refused the write (the user saw why).
        """
        if not self._run(command, undo=False):
            return False
        self.undo_stack.push(UndoableEdit(self, command))
        return True

    def _run(self, command: Command, *, undo: bool) -> bool:
        try:
            if undo:
                self.file.revert(command)
            else:
                self.file.apply(command)
        except (AvsecError, sqlite3.Error, OSError) as exc:
            self.failed.emit(tr("Cannot save the change"), str(exc))
            self.reload()
            return False
        self._update_document(command, undo=undo)
        self.saved.emit()
        self.changed.emit(command)
        return True

    def _update_document(self, command: Command, *, undo: bool) -> None:
        if isinstance(command, Batch) and len(command.commands) > _RELOAD_THRESHOLD:
            what = touched(command)
            if what.responses:
                self.doc.responses = self.file.responses()
            if what.features:
                self.doc.features = self.file.features()
            if what.actions:
                self.doc.actions = self.file.actions()
            if what.assessment:
                self.doc.assessment = self.file.assessment
            return
        if undo:
            command.undo(self._target)
        else:
            command.redo(self._target)

    def reload(self) -> None:
        """Re-read the whole document from the file (after a failed write)."""
        try:
            self.doc = self.file.document()
        except (AvsecError, sqlite3.Error):
            return
        self._target = DocumentTarget(self.doc)
        self._finding_numbers = None

    # --- convenience edits --------------------------------------------------------------

    def response(self, item_id: str) -> Response | None:
        """The recorded response of ``item_id`` or None."""
        return self.doc.responses.get(item_id)

    def _stamped(self, item_id: str, **changes: Any) -> Response:
        before = self.response(item_id)
        base = before or Response(item_id=item_id)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        return base.model_copy(update={**changes, "updated": now, "updated_by": self.file.user})

    def set_status(self, item_id: str, status: str) -> bool:
        """Record a status for one item (nothing when it is already that status)."""
        before = self.response(item_id)
        if (before.status if before else Status.NOT_ASSESSED) == status:
            return True
        after = self._stamped(item_id, status=Status(status))
        return self.push(SetResponse(item_id, before, after))

    def set_notes(self, item_id: str, notes: str) -> bool:
        """Record the notes of one item (nothing when unchanged)."""
        before = self.response(item_id)
        if (before.notes if before else "") == notes:
            return True
        return self.push(SetResponse(item_id, before, self._stamped(item_id, notes=notes)))

    def add_photo(self, item_id: str, path: str | Path) -> str:
        """Store a photo file in the assessment and link it to ``item_id``.

        Returns
        -------
        str
            The attachment id.

        Raises
        ------
        AvsecError
            The photo cannot be read or stored (nothing changed).
        """
        from avsec.gui.photos import read_photo

        photo = read_photo(Path(path))
        attachment_id = self.file.add_attachment(
            photo.data,
            filename=photo.filename,
            mime=photo.mime,
            taken=photo.taken,
            lon=photo.lon,
            lat=photo.lat,
        )
        if all(a.id != attachment_id for a in self.doc.attachments):
            self.doc.attachments = self.file.attachments()
            self.attachments_changed.emit()
        before = self.response(item_id)
        photos = list(before.photos) if before else []
        if attachment_id not in photos:
            photos.append(attachment_id)
            self.push(SetResponse(item_id, before, self._stamped(item_id, photos=photos)))
        return attachment_id

    def remove_photo(self, item_id: str, attachment_id: str) -> bool:
        """Unlink a photo from an item (the bytes stay in the file for undo)."""
        before = self.response(item_id)
        if before is None or attachment_id not in before.photos:
            return True
        photos = [p for p in before.photos if p != attachment_id]
        return self.push(SetResponse(item_id, before, self._stamped(item_id, photos=photos)))

    def attachment(self, attachment_id: str) -> Any:
        """The metadata of one photo or None."""
        return next((a for a in self.doc.attachments if a.id == attachment_id), None)

    def photo_items(self, attachment_id: str) -> list[str]:
        """Ids of the items whose responses show ``attachment_id``."""
        return [i for i, r in self.doc.responses.items() if attachment_id in r.photos]

    def set_findings(self, findings: list[Finding]) -> None:
        """Replace the analysis results (a derived cache, not an undoable edit)."""
        try:
            self.file.set_findings(findings)
        except (AvsecError, sqlite3.Error) as exc:
            self.failed.emit(tr("Cannot save the change"), str(exc))
            return
        self.doc.findings = list(findings)
        self._finding_numbers = None
        self._analysed = True
        self.saved.emit()
        self.findings_changed.emit()

    def has_analysis(self) -> bool:
        """Whether the layout was ever analysed (no findings then means a clean layout)."""
        if not self._analysed:
            rows = self.file.execute("SELECT 1 FROM changes WHERE what = 'analysis' LIMIT 1")
            self._analysed = bool(rows)
        return self._analysed

    def finding_number(self, finding_id: str) -> int:
        """The 1-based number a finding has on the map and in every list (0 when unknown)."""
        if self._finding_numbers is None:
            # The report numbers its map key with the same function. Finding.id hashes its
            # fields: number them once per analysis, not per lookup.
            self._finding_numbers = finding_numbers(self.doc.findings)
        return self._finding_numbers.get(finding_id, 0)

    def extra(self, key: str, default: Any = None) -> Any:
        """A JSON value kept in the file's extras (map background placement...)."""
        return self.file.extra(key, default)

    def set_extra(self, key: str, value: Any) -> None:
        """Write a JSON value to the file's extras."""
        self.file.set_extra(key, value)
        self.saved.emit()

    def title_parts(self) -> tuple[str, str, str]:
        """(airport, file name, handling marking in the GUI language) for the window title."""
        airport = self.doc.assessment.airport
        code = airport.icao or airport.iata
        label = f"{code} {airport.name}".strip() if code else airport.name
        return label, self.path.name, self.doc.assessment.marking(language())
