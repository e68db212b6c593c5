"""Follow-up visits: a new assessment of the same airport that verifies the last visit's plan.

A follow-up file is a fresh assessment: same airport, same checklist (or the newer bundled
version of it, items matched by id), the layout and its findings carried over, and no answer
carried over, since every item must be seen again. What the last visit found travels with it
as the ``last_visit`` extra (each item's status, notes and photos, and the scores then; the
photos keep their captions, markup and links to the layout), shown
beside each item in the app and by ``avsec info``; the previous improvement outline becomes the
corrective action plan (CAP) to verify, each action keeping its id, owner and due date and
gaining ``followup`` (open, in_progress, done, verified, not_done) with evidence notes.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from avsec.core.actions import Action, FollowUp
from avsec.core.assessment import Assessment, PreviousVisit
from avsec.core.checklist import Checklist
from avsec.core.commands import Batch, SetAction, SetFeature
from avsec.core.document import AttachmentInfo
from avsec.core.errors import (
    AvsecError,
    InputError,
    StoreError,
    validation_reason,
    validation_where,
)
from avsec.core.followup import LastVisit, LastVisitItem, SinceLastVisit, since_last_visit
from avsec.core.i18n import N_
from avsec.core.outline import edit_action
from avsec.core.scoring import score_checklist
from avsec.io.outputs import partial_file
from avsec.store import AvsecFile

#: Key of the extras record holding what the previous visit found.
LAST_VISIT_KEY = "last_visit"
#: Carried actions remember these as the user's: regenerating the outline keeps the plan's
#: due dates and verification state, and never drops an action still to verify.
CARRIED_FIELDS = ("due", "owner", "followup", "evidence")


def _newer_checklist(previous: Checklist) -> Checklist:
    """The bundled checklist with the same id when it is newer, else the previous snapshot."""
    from avsec.io.checklists import get_checklist

    try:
        bundled = get_checklist(previous.id)
    except AvsecError:
        return previous
    return bundled if bundled.version > previous.version else previous


def carried_action(action: Action) -> Action:
    """The previous visit's action as a plan row to verify (same id, owner and due date).

    An action verified at an earlier follow-up stays verified, with its evidence: it is
    closed, and a later visit need not verify it again.
    """
    edited = list(dict.fromkeys([*action.edited, *CARRIED_FIELDS]))
    if action.followup == "verified":
        return action.model_copy(update={"edited": edited})
    return action.model_copy(update={"followup": "open", "evidence": "", "edited": edited})


def carried_photo(info: AttachmentInfo) -> AttachmentInfo | None:
    """What of a last-visit photo's edits the follow-up keeps, or None for nothing.

    Caption, rotation, markup, hand placement and a link to a layout feature travel with the
    photo (the layout is carried with its ids); a link to an access-control test does not,
    since the tests were the last visit's and are not carried.
    """
    link = info.link if info.link is not None and info.link.kind == "feature" else None
    if not (info.caption or info.edited() or info.placed_by_hand or link):
        return None
    return info.model_copy(update={"link": link})


def start_followup(
    previous_path: Path,
    out_path: Path,
    *,
    date: dt.date | None = None,
    team: list[str] | None = None,
    overwrite: bool = False,
) -> Path:
    """Create the follow-up assessment ``out_path`` of the visit in ``previous_path``.

    The new file is built next to its target and moved into place, so a failure leaves
    nothing half-written; the previous file is not edited.

    Raises
    ------
    StoreError
        ``out_path`` exists (without ``overwrite``) or is the previous file itself.
    """
    previous_path, out_path = Path(previous_path), Path(out_path)
    if out_path.exists() and os.path.samefile(out_path, previous_path):  # links too
        raise StoreError(
            N_("{name}: the follow-up cannot replace the previous visit"), name=out_path.name
        )
    if out_path.exists() and not overwrite:
        raise StoreError(N_("{out_path}: already exists; choose another name"), out_path=out_path)
    with AvsecFile.open(previous_path) as prev:
        doc = prev.document()
        stale = prev.findings_stale()
        photos = {
            info.id: (info, prev.attachment_bytes(info.id))
            for info in doc.attachments
            if any(info.id in r.photos for r in doc.responses.values())
        }
    before = doc.assessment
    checklist = _newer_checklist(doc.checklist)
    try:
        header = Assessment(
            title=before.title,
            airport=before.airport,
            checklist_id=checklist.id,
            checklist_version=checklist.version,
            started=date or dt.date.today(),
            team=list(team) if team else list(before.team),
            organisation=before.organisation,
            language=before.language,
            handling_marking=dict(before.handling_marking),
            parameters=before.parameters,
            previous=PreviousVisit(id=before.id, date=before.started),
        )
        previous_scores = score_checklist(doc.checklist, doc.responses)
        last_visit = LastVisit(
            id=before.id,
            date=before.started,
            checklist_version=doc.checklist.version,
            responses={
                item_id: LastVisitItem(status=r.status, notes=r.notes, photos=list(r.photos))
                for item_id, r in doc.responses.items()
            },
            scores=previous_scores.to_json(),
        )
    except ValidationError as exc:
        # A text stored before the limits (core/textlimits.py) is too long for a new file.
        raise StoreError(
            N_("{name}: {where}: {msg}; shorten it in the previous visit to carry it over"),
            name=previous_path.name,
            where=validation_where(exc),
            msg=validation_reason(exc),
        ) from None
    with partial_file(out_path) as partial:
        with AvsecFile.create(partial, header, checklist) as new:
            if doc.features:
                new.apply(
                    Batch(
                        N_("Layout carried over from the last visit"),
                        [SetFeature(f.id, None, f) for f in doc.features],
                    )
                )
            if doc.findings and not stale:
                new.set_findings(list(doc.findings))
            for info, data in photos.values():
                if data is not None:
                    photo_id = new.add_attachment(
                        data,
                        filename=info.filename,
                        mime=info.mime,
                        taken=info.taken,
                        lon=info.lon,
                        lat=info.lat,
                    )
                    carried = carried_photo(info)
                    if carried is not None:
                        with new.transaction():
                            new.write_photo(photo_id, carried)
            if doc.actions:
                new.apply(
                    Batch(
                        N_("Action plan of the last visit, to verify"),
                        [SetAction(a.id, None, carried_action(a)) for a in doc.actions],
                    )
                )
            new.set_extra(LAST_VISIT_KEY, last_visit.model_dump(mode="json"))
    return out_path


def followup_edit(action: Action, state: FollowUp, evidence: str | None = None) -> SetAction:
    """The undoable edit recording what the visit found of a carried action."""
    changes: dict[str, Any] = {"followup": state}
    if evidence is not None:
        changes["evidence"] = evidence
    return SetAction(action.id, action, edit_action(action, **changes))


def find_action(actions: list[Action], action_id: str) -> Action:
    """The action with ``action_id``.

    Raises
    ------
    InputError
        No such action (the message lists a few ids).
    """
    for action in actions:
        if action.id == action_id:
            return action
    known = ", ".join(a.id for a in actions[:5]) or "none"
    raise InputError(
        N_("no action {action_id!r} in the outline (actions: {known})"),
        action_id=action_id,
        known=known,
    )


def load_since_last_visit(file: AvsecFile) -> SinceLastVisit | None:
    """The comparison for an open follow-up file (None for a first visit)."""
    doc = file.document()
    if doc.last_visit is None:
        return None
    return since_last_visit(doc, doc.last_visit)
