"""One open assessment without Qt: the .avsec file, its document in memory, and the edits.

The desktop app's Session (avsec.gui.session) adapts an :class:`Editor` to Qt signals and the
QUndoStack; ``avsec photo add`` and the other verbs use it directly. An edit is built here as
a core command (None when it would change nothing), applied to the file first (one
transaction) and then to the document, so the document never shows a change the file refused.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from avsec.app.outline import OutlineUpdate, regenerate_outline
from avsec.app.photos import read_photo
from avsec.core.assessment import Assessment, Response, Status
from avsec.core.checklist import Checklist
from avsec.core.commands import Batch, Command, DocumentTarget, SetAssessment, SetResponse
from avsec.core.document import AssessmentDocument, AttachmentInfo, PhotoLink
from avsec.core.errors import InputError, validation_reason
from avsec.core.findings import Finding, finding_label, finding_numbers
from avsec.core.i18n import N_
from avsec.core.judgements import Judgement
from avsec.core.review_commands import SetJudgement, SetPhoto
from avsec.store import AvsecFile

if TYPE_CHECKING:
    from avsec.geo.analysis import AnalysisResult

#: A command touching more records than this reloads the touched tables from the file instead
#: of replaying each record on the in-memory document (replaying is O(n) per feature).
RELOAD_THRESHOLD = 20


class Editor:
    """An open assessment: edits go to the file and to :attr:`doc`.

    Parameters
    ----------
    file
        The open .avsec file; :meth:`close` closes it.
    """

    def __init__(self, file: AvsecFile):
        self.file = file
        self.doc: AssessmentDocument = file.document()
        self._target = DocumentTarget(self.doc)
        self._analysed: bool | None = None

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
        self.file.close()

    # --- applying commands --------------------------------------------------------------

    def apply(self, command: Command) -> None:
        """Write ``command`` to the file, then to the document (raises what the file raises)."""
        self.file.apply(command)
        self._update_document(command, undo=False)

    def revert(self, command: Command) -> None:
        """Undo ``command`` in the file, then in the document."""
        self.file.revert(command)
        self._update_document(command, undo=True)

    def _update_document(self, command: Command, *, undo: bool) -> None:
        changes = command.changes()
        touched = len(changes.responses) + len(changes.features) + len(changes.actions)
        if touched > RELOAD_THRESHOLD:
            if changes.responses:
                self.doc.responses = self.file.responses()
            if changes.features:
                self.doc.features = self.file.features()
            if changes.actions:
                self.doc.actions = self.file.actions()
            if changes.assessment:
                self.doc.assessment = self.file.assessment
            return
        if undo:
            command.undo(self._target)
        else:
            command.redo(self._target)

    def reload(self) -> None:
        """Re-read the whole document from the file (after a failed write)."""
        self.doc = self.file.document()
        self._target = DocumentTarget(self.doc)

    # --- building edits -----------------------------------------------------------------

    def response(self, item_id: str) -> Response | None:
        """The recorded response of ``item_id`` or None."""
        return self.doc.responses.get(item_id)

    def _stamped(self, item_id: str, **changes: Any) -> Response:
        base = self.response(item_id) or Response(item_id=item_id)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        return base.model_copy(update={**changes, "updated": now, "updated_by": self.file.user})

    def status_edit(self, item_id: str, status: str) -> SetResponse | None:
        """The command recording ``status`` for one item (None: it already has it)."""
        before = self.response(item_id)
        if (before.status if before else Status.NOT_ASSESSED) == status:
            return None
        return SetResponse(item_id, before, self._stamped(item_id, status=Status(status)))

    def notes_edit(self, item_id: str, notes: str) -> SetResponse | None:
        """The command recording the notes of one item (None: unchanged)."""
        before = self.response(item_id)
        if (before.notes if before else "") == notes:
            return None
        return SetResponse(item_id, before, self._stamped(item_id, notes=notes))

    def sample_edit(
        self, item_id: str, sample_size: int | None, failures: int | None
    ) -> SetResponse | None:
        """The command recording the sample of one item (None: unchanged).

        ``sample_size`` None (or 0) clears the sample. The status is left as it is: the
        sample only suggests one (:func:`avsec.core.samples.sample_suggestion`).

        Raises
        ------
        InputError
            ``item_id`` is not an item of the checklist, or the counts are out of range
            (more failures than items sampled, a negative count, a sample over the cap).
        """
        if item_id not in self.checklist.item_ids():
            raise InputError(
                N_("{item_id}: not an item of the checklist {id}"),
                item_id=item_id,
                id=self.checklist.id,
            )
        if not sample_size:
            sample_size = failures = None
        before = self.response(item_id)
        current = (before.sample_size, before.failures) if before else (None, None)
        if current == (sample_size, failures):
            return None
        base = (before or Response(item_id=item_id)).model_dump()
        base.update(sample_size=sample_size, failures=failures)
        try:
            Response.model_validate(base)
        except ValidationError as exc:
            raise InputError(N_("{name}: {reason}"), name=item_id, reason=_reason(exc)) from None
        changed = self._stamped(item_id, sample_size=sample_size, failures=failures)
        return SetResponse(item_id, before, changed)

    def header_edit(self, after: Assessment) -> SetAssessment | None:
        """The command replacing the header (None: unchanged)."""
        before = self.doc.assessment
        return None if after == before else SetAssessment(before, after)

    def outline_update(
        self, lang: str | None = None, today: dt.date | None = None
    ) -> OutlineUpdate:
        """The regenerated outline and its command (:mod:`avsec.app.outline`)."""
        return regenerate_outline(self.doc, lang, today)

    # --- photos -------------------------------------------------------------------------

    def store_photo(self, path: str | Path) -> tuple[str, bool]:
        """Store a photo file's bytes and EXIF time and position; return (id, newly stored).

        The bytes are stored once (by checksum) and are not an undoable edit: linking them to
        an item is (:meth:`photo_link`), so undo unlinks and the bytes stay for redo.

        Raises
        ------
        InputError
            The photo cannot be read or is not an image (nothing changed).
        """
        photo = read_photo(Path(path))
        attachment_id = self.file.add_attachment(
            photo.data,
            filename=photo.filename,
            mime=photo.mime,
            taken=photo.taken,
            lon=photo.lon,
            lat=photo.lat,
        )
        new = all(a.id != attachment_id for a in self.doc.attachments)
        if new:
            self.doc.attachments = self.file.attachments()
        return attachment_id, new

    def photo_link(self, item_id: str, attachment_id: str) -> SetResponse | None:
        """The command showing a stored photo on an item (None: it shows it already).

        Raises
        ------
        InputError
            ``item_id`` is not an item of the file's checklist.
        """
        if item_id not in self.checklist.item_ids():
            raise InputError(
                N_("{item_id}: not an item of the checklist {id}"),
                item_id=item_id,
                id=self.checklist.id,
            )
        before = self.response(item_id)
        photos = list(before.photos) if before else []
        if attachment_id in photos:
            return None
        return SetResponse(item_id, before, self._stamped(item_id, photos=[*photos, attachment_id]))

    def photo_unlink(self, item_id: str, attachment_id: str) -> SetResponse | None:
        """The command taking a photo off an item (None: it does not show it)."""
        before = self.response(item_id)
        if before is None or attachment_id not in before.photos:
            return None
        photos = [p for p in before.photos if p != attachment_id]
        return SetResponse(item_id, before, self._stamped(item_id, photos=photos))

    def attach_photo(self, item_id: str, path: str | Path) -> tuple[str, Command | None]:
        """Store a photo file and build the command linking it to ``item_id``.

        The item is checked before anything is stored. Returns (attachment id, command or
        None when the item already shows the photo); apply the command to make it undoable.
        A photo stored now with a GPS position is also linked to the feature or test it
        shows (:meth:`added_photo_edit`).
        """
        if item_id not in self.checklist.item_ids():
            raise InputError(
                N_("{item_id}: not an item of the checklist {id}"),
                item_id=item_id,
                id=self.checklist.id,
            )
        attachment_id, new = self.store_photo(path)
        return attachment_id, self.added_photo_edit(item_id, attachment_id, new)

    def added_photo_edit(self, item_id: str, attachment_id: str, new: bool) -> Command | None:
        """The command showing a just-stored photo on an item and, when the photo is new to
        the file, linking it to what it shows (one undo step; None: nothing to do)."""
        show = self.photo_link(item_id, attachment_id)
        link = self.auto_link_edit(attachment_id) if new else None
        if show is None or link is None:
            return show or link
        return Batch(N_("Add photo to {item}"), [show, link], {"item": item_id})

    # --- what a photo shows -------------------------------------------------------------

    def tests(self) -> list[Any]:
        """The access-control tests of the file (records with ``id``, ``at``, ``when``), for
        linking photos; a document without tests has none."""
        return list(self.doc.access_tests)

    def auto_link_edit(self, attachment_id: str) -> SetPhoto | None:
        """The command linking a photo to the nearest feature or test by its GPS position and
        time (:func:`avsec.geo.photo_links.link_photo`); None without GPS, when nothing is
        near enough, or when the photo is linked already."""
        photo = self.attachment(attachment_id)
        if photo is None or photo.link is not None:
            return None
        from avsec.geo.photo_links import link_photo  # geometry only when a photo is added

        link = link_photo(photo.lon, photo.lat, photo.taken, self.doc.features, self.tests())
        return None if link is None else self.photo_edit(attachment_id, link=link)

    def link_edit(self, attachment_id: str, kind: str | None, target: str = "") -> SetPhoto | None:
        """The command linking a photo by hand to a feature or test (``kind`` "feature" or
        "test", ``target`` its id), or with ``kind`` None unlinking it (None: unchanged).

        Raises
        ------
        InputError
            No such photo, or no such feature or test in the file.
        """
        photo = self.attachment(attachment_id)
        if photo is None:
            raise InputError(N_("{photo}: no such photo in the file"), photo=attachment_id[:12])
        if kind is None:
            return self.photo_edit(attachment_id, link=None)
        known = (
            {f.id for f in self.doc.features}
            if kind == "feature"
            else {str(t.id) for t in self.tests()}
        )
        if target not in known:
            message = (
                N_("{target}: no such feature in the file")
                if kind == "feature"
                else N_("{target}: no such test in the file")
            )
            raise InputError(message, target=target)
        if photo.link is not None and (photo.link.kind, photo.link.id) == (kind, target):
            return None
        link = PhotoLink.model_validate({"kind": kind, "id": target, "by_hand": True})
        return self.photo_edit(attachment_id, link=link)

    def attachment(self, attachment_id: str) -> AttachmentInfo | None:
        """The metadata of one photo or None."""
        return next((a for a in self.doc.attachments if a.id == attachment_id), None)

    def photo_items(self, attachment_id: str) -> list[str]:
        """Ids of the items whose responses show ``attachment_id``."""
        return [i for i, r in self.doc.responses.items() if attachment_id in r.photos]

    # --- judging findings and editing photos -------------------------------------------

    def judgement_edit(
        self,
        finding_id: str,
        *,
        verdict: str | None = None,
        reason: str | None = None,
        comment: str | None = None,
    ) -> SetJudgement | None:
        """The command judging a finding (None: nothing changes).

        ``verdict`` is "accepted", "false_positive" or "open"; a false positive needs a
        ``reason``. Leaving the false positives drops the reason; the comment stays.

        Raises
        ------
        InputError
            The finding is not in the file, or a false positive has no reason.
        """
        finding = next((f for f in self.doc.findings if f.id == finding_id), None)
        if finding is None:
            raise InputError(
                N_("{finding}: no such finding in the last analysis"), finding=finding_id
            )
        before = self.doc.judgements.get(finding_id)
        base = (before or Judgement()).model_dump()
        if verdict is not None:
            base["verdict"] = verdict
            if verdict != "false_positive":
                base["reason"] = ""
        if reason is not None:
            base["reason"] = reason.strip()
        if comment is not None:
            base["comment"] = comment.strip()
        unchanged = {k: v for k, v in (before or Judgement()).model_dump().items()}
        if all(base[k] == unchanged[k] for k in ("verdict", "reason", "comment")):
            return None
        base.update(by=self.file.user, at=dt.datetime.now(dt.UTC).replace(microsecond=0))
        try:
            after = Judgement.model_validate(base)
        except ValidationError as exc:
            raise InputError(
                N_("{name}: {reason}"), name=finding_label(finding.number or 0), reason=_reason(exc)
            ) from None
        number = finding_numbers(self.doc.findings).get(finding_id, 0)
        return SetJudgement(finding_id, finding_label(number), before, after)

    def photo_edit(self, attachment_id: str, **changes: Any) -> SetPhoto | None:
        """The command changing a photo's caption, rotation, marks or position (None:
        unchanged). ``changes`` are fields of :class:`AttachmentInfo`.

        Raises
        ------
        InputError
            No such photo, or a value out of range (a caption too long, a bad rotation).
        """
        before = self.attachment(attachment_id)
        if before is None:
            raise InputError(N_("{photo}: no such photo in the file"), photo=attachment_id[:12])
        try:
            after = AttachmentInfo.model_validate({**before.model_dump(), **changes})
        except ValidationError as exc:
            raise InputError(
                N_("{name}: {reason}"),
                name=before.filename or attachment_id[:12],
                reason=_reason(exc),
            ) from None
        return None if after == before else SetPhoto(attachment_id, before, after)

    def rotate_edit(self, attachment_id: str, quarter_turns: int) -> SetPhoto | None:
        """The command turning a photo by ``quarter_turns`` x 90 degrees clockwise."""
        photo = self.attachment(attachment_id)
        if photo is None:
            raise InputError(N_("{photo}: no such photo in the file"), photo=attachment_id[:12])
        return self.photo_edit(attachment_id, rotation=(photo.rotation + 90 * quarter_turns) % 360)

    def place_photo_edit(self, attachment_id: str, lon: float, lat: float) -> SetPhoto | None:
        """The command placing a photo on the map by hand (a photo without GPS)."""
        return self.photo_edit(attachment_id, lon=lon, lat=lat, placed_by_hand=True)

    # --- analysis -----------------------------------------------------------------------

    def analyse(self) -> AnalysisResult:
        """Analyse the layout and store the findings (:func:`analyse_and_store`)."""
        # The geometry (numpy, pyproj, shapely) loads on the first analysis, not on opening.
        from avsec.store.analysis import analyse_and_store

        result = analyse_and_store(self.file, self.doc.features)
        self.doc.findings = list(result.findings)
        self._analysed = True
        return result

    def set_findings(self, findings: list[Finding]) -> None:
        """Replace the stored findings with ``findings`` (a derived cache, not an edit)."""
        self.doc.findings = self.file.set_findings(findings)
        self._analysed = True

    def has_analysis(self) -> bool:
        """Whether the layout was ever analysed (no findings then means a clean layout)."""
        if self._analysed is None:
            self._analysed = self.file.was_analysed()
        return self._analysed


def _reason(exc: ValidationError) -> object:
    """The first problem pydantic found, as one short line that translates with the message."""
    return validation_reason(exc)
