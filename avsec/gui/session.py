"""One open assessment in the desktop app: an :class:`avsec.app.editor.Editor` with Qt signals
and an undo stack.

Every view takes the :class:`Session` in its constructor, edits through :meth:`Session.push`
and listens to :attr:`Session.changed` to refresh only what a command touched (its
``changes()``). ``push`` writes the command to the file first (one transaction) and only then
puts it on the QUndoStack, so a failed write never leaves an undo entry for a change that did
not happen. What an edit is and does lives in avsec.app and avsec.core; this module adapts it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from avsec.app.editor import Editor
from avsec.core.assessment import Assessment, Response
from avsec.core.checklist import Checklist
from avsec.core.commands import Changes, Command, SetResponse
from avsec.core.document import AssessmentDocument
from avsec.core.errors import AvsecError
from avsec.core.findings import Finding, finding_numbers
from avsec.gui.i18n import error_text, language, tr
from avsec.store import AvsecFile

#: Notes typed on one item within this many seconds merge into one undo step.
_NOTES_MERGE_SECONDS = 60

#: A write the file refused: the user sees the message, the document is re-read.
_WRITE_ERRORS = (AvsecError, sqlite3.Error, OSError)


def touched(command: Command) -> Changes:
    """The ids ``command`` touched (its own :meth:`~avsec.core.commands.Command.changes`)."""
    return command.changes()


class UndoableEdit(QUndoCommand):
    """A QUndoStack entry whose redo/undo apply/revert one core command on the file.

    The session applies the command before pushing it, so the first ``redo`` (which
    QUndoStack.push calls) does nothing.
    """

    _NOTES_ID = 0x4E4F  # any constant: Qt merges only entries with the same id

    def __init__(self, session: Session, command: Command):
        super().__init__(command.describe(tr))
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
        return isinstance(self.command, SetResponse) and self.command.notes_only()

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
        #: The Qt-free assessment every edit goes through.
        self.editor = Editor(file)
        self.undo_stack = QUndoStack(self)
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
    def file(self) -> AvsecFile:
        """The open .avsec file."""
        return self.editor.file

    @property
    def doc(self) -> AssessmentDocument:
        """The assessment in memory, as the file holds it."""
        return self.editor.doc

    @property
    def path(self) -> Path:
        """The file's path."""
        return self.editor.path

    @property
    def checklist(self) -> Checklist:
        """The checklist snapshot of the file."""
        return self.editor.checklist

    def close(self) -> None:
        """Close the file (every edit is already on disk)."""
        if self._thumbnails is not None:
            self._thumbnails.shutdown()
        self.undo_stack.clear()
        self.editor.close()

    def thumbnails(self) -> Any:
        """The photo thumbnail cache of this file (decoded off the GUI thread)."""
        if self._thumbnails is None:
            from avsec.gui.thumbnails import ThumbnailCache

            self._thumbnails = ThumbnailCache(self.path, parent=self)
        return self._thumbnails

    # --- editing --------------------------------------------------------------------------

    def push(self, command: Command | None) -> bool:
        """Apply ``command`` to the file and the document, then make it undoable.

        Returns
        -------
        bool
            False when the file refused the write (the user saw why); True when it was
            applied, or when ``command`` is None (nothing to change).
        """
        if command is None:
            return True
        if not self._run(command, undo=False):
            return False
        self.undo_stack.push(UndoableEdit(self, command))
        return True

    def restore_undo_history(self) -> int:
        """Put the last edits recorded in the file's journal back on the undo stack (they
        are already in the file: nothing is applied). Returns how many came back."""
        from avsec.app.undo_history import MAX_RESTORED, commands_from_journal

        # Each row read either comes back or ends the walk: the newest MAX_RESTORED rows are
        # all it can use (a long visit's journal holds tens of thousands).
        commands = commands_from_journal(self.file.changes(last=MAX_RESTORED), self.doc)
        for command in commands:
            self.undo_stack.push(UndoableEdit(self, command))
        return len(commands)

    def _run(self, command: Command, *, undo: bool) -> bool:
        try:
            if undo:
                self.editor.revert(command)
            else:
                self.editor.apply(command)
        except _WRITE_ERRORS as exc:
            self.failed.emit(tr("Cannot save the change"), error_text(exc))
            self.reload()
            return False
        self.saved.emit()
        self.changed.emit(command)
        changes = command.changes()
        if changes.findings:
            self.findings_changed.emit()  # a judgement changes what the lists and map show
        if changes.attachments:
            if self._thumbnails is not None:
                self._thumbnails.forget(changes.attachments)
            self.attachments_changed.emit()  # a new marked-up copy, caption or position
        return True

    def reload(self) -> None:
        """Re-read the whole document from the file (after a failed write)."""
        try:
            self.editor.reload()
        except (AvsecError, sqlite3.Error):
            return
        self._finding_numbers = None

    # --- convenience edits --------------------------------------------------------------

    def response(self, item_id: str) -> Response | None:
        """The recorded response of ``item_id`` or None."""
        return self.editor.response(item_id)

    def set_status(self, item_id: str, status: str) -> bool:
        """Record a status for one item (nothing when it is already that status)."""
        return self.push(self.editor.status_edit(item_id, status))

    def set_sample(self, item_id: str, sample_size: int | None, failures: int | None) -> bool:
        """Record the sample of one item (size None or 0 clears it; nothing when unchanged).

        Raises
        ------
        InputError
            Counts out of range (more failures than items checked).
        """
        return self.push(self.editor.sample_edit(item_id, sample_size, failures))

    def set_notes(self, item_id: str, notes: str) -> bool:
        """Record the notes of one item (nothing when unchanged)."""
        return self.push(self.editor.notes_edit(item_id, notes))

    def add_photo(self, item_id: str, path: str | Path) -> str:
        """Store a photo file in the assessment and link it to ``item_id`` (one undo step).

        Returns
        -------
        str
            The attachment id.

        Raises
        ------
        AvsecError
            The photo cannot be read or stored (nothing changed).
        """
        attachment_id, new = self.editor.store_photo(path)
        if new:
            self.attachments_changed.emit()
        self.push(self.editor.added_photo_edit(item_id, attachment_id, new))
        return attachment_id

    def remove_photo(self, item_id: str, attachment_id: str) -> bool:
        """Unlink a photo from an item (the bytes stay in the file for undo)."""
        return self.push(self.editor.photo_unlink(item_id, attachment_id))

    def attachment(self, attachment_id: str) -> Any:
        """The metadata of one photo or None."""
        return self.editor.attachment(attachment_id)

    def photo_items(self, attachment_id: str) -> list[str]:
        """Ids of the items whose responses show ``attachment_id``."""
        return self.editor.photo_items(attachment_id)

    def judge(
        self,
        finding_id: str,
        *,
        verdict: str | None = None,
        reason: str | None = None,
        comment: str | None = None,
    ) -> bool:
        """Judge a finding (accepted, false positive with a reason, a comment): one undo step.

        Raises
        ------
        InputError
            A false positive without a reason (nothing changed).
        """
        return self.push(
            self.editor.judgement_edit(finding_id, verdict=verdict, reason=reason, comment=comment)
        )

    def edit_photo(self, attachment_id: str, **changes: Any) -> bool:
        """Change a photo's caption, rotation, marks or position: one undo step."""
        return self.push(self.editor.photo_edit(attachment_id, **changes))

    def regenerate_outline(self) -> int:
        """Regenerate the outline in the GUI language (:mod:`avsec.app.outline`); count."""
        update = self.editor.outline_update(language())
        if update.command is not None:
            self.push(update.command)
        return len(update.actions)

    def analyse(self) -> int:
        """Analyse the layout and store the findings; return their number.

        Raises
        ------
        AvsecError, ValueError, sqlite3.Error
            The analysis or the write failed; the stored findings are unchanged.
        """
        result = self.editor.analyse()
        self._findings_replaced()
        return len(result.findings)

    def set_findings(self, findings: list[Finding]) -> None:
        """Replace the analysis results (a derived cache, not an undoable edit)."""
        try:
            self.editor.set_findings(findings)
        except (AvsecError, sqlite3.Error) as exc:
            self.failed.emit(tr("Cannot save the change"), error_text(exc))
            return
        self._findings_replaced()

    def _findings_replaced(self) -> None:
        self._finding_numbers = None
        self.saved.emit()
        self.findings_changed.emit()

    def has_analysis(self) -> bool:
        """Whether the layout was ever analysed (no findings then means a clean layout)."""
        return self.editor.has_analysis()

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
