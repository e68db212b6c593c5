"""What changed since the last visit: the comparison a follow-up report and dashboard show.

Pure data: the follow-up file carries the last visit's record (:class:`LastVisit`), and this
module compares it with the visit as it stands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from avsec.core.actions import Action
from avsec.core.assessment import STATUS_SCORE, Status
from avsec.core.scoring import score_checklist
from avsec.core.textlimits import NotesText

if TYPE_CHECKING:
    from avsec.core.document import AssessmentDocument

#: Follow-up states that close an action.
CLOSED_FOLLOWUP = frozenset({"done", "verified"})


class LastVisitItem(BaseModel):
    """One item as the last visit left it."""

    model_config = ConfigDict(extra="forbid")

    status: Status = Status.NOT_ASSESSED
    notes: NotesText = ""
    photos: list[str] = Field(default_factory=list)


class LastVisit(BaseModel):
    """What the previous visit found, carried in a follow-up file."""

    model_config = ConfigDict(extra="forbid")

    id: str
    date: dt.date
    checklist_version: int = 0
    responses: dict[str, LastVisitItem] = Field(default_factory=dict)
    #: The previous visit's ``score --json``.
    scores: dict[str, Any] = Field(default_factory=dict)


@dataclass(frozen=True)
class AreaTrend:
    """EI and weighted score of one area (or ``overall``) at the last visit and now."""

    id: str
    then_ei: float | None
    then_weighted: float | None
    now_ei: float | None
    now_weighted: float | None


@dataclass(frozen=True)
class ItemChange:
    """One item's status at the last visit and now."""

    item_id: str
    then: Status
    now: Status


@dataclass(frozen=True)
class SinceLastVisit:
    """Everything the "Since the last visit" section and dashboard show."""

    previous_id: str
    previous_date: dt.date
    overall: AreaTrend
    areas: list[AreaTrend]
    improved: list[ItemChange] = field(default_factory=list)
    regressed: list[ItemChange] = field(default_factory=list)
    unchanged: list[ItemChange] = field(default_factory=list)
    verified: list[Action] = field(default_factory=list)
    overdue: list[Action] = field(default_factory=list)
    not_done: list[Action] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many items improved, regressed, stayed; how many actions were verified, are
        overdue, were not done: the fields of every summary sentence, by name."""
        names = ("improved", "regressed", "unchanged", "verified", "overdue", "not_done")
        return {name: len(getattr(self, name)) for name in names}


def is_open(action: Action) -> bool:
    """Whether an action still has to be done (a follow-up verdict outranks its status)."""
    if action.followup is not None:
        return action.followup not in CLOSED_FOLLOWUP
    return action.status not in ("done", "cancelled")


def is_overdue(action: Action, as_of: dt.date) -> bool:
    """Whether an open action's due date lies before ``as_of``."""
    return is_open(action) and action.due is not None and action.due < as_of


def since_last_visit(doc: AssessmentDocument, last_visit: LastVisit) -> SinceLastVisit:
    """Compare a follow-up document with its ``last_visit`` record.

    Items are compared when both visits assessed them (neither not assessed nor not
    applicable); an item's score (1, 0.5, 0) going up is an improvement. Actions are overdue
    when still open and due before the follow-up visit's date.
    """
    then_scores = last_visit.scores
    then_areas = {a["id"]: a for a in then_scores.get("areas", [])}
    now = score_checklist(doc.checklist, doc.responses)
    then_overall = then_scores.get("overall", {})
    overall = AreaTrend(
        "overall",
        then_overall.get("ei"),
        then_overall.get("weighted"),
        now.overall.ei,
        now.overall.weighted,
    )
    areas = [
        AreaTrend(
            a.id,
            then_areas.get(a.id, {}).get("ei"),
            then_areas.get(a.id, {}).get("weighted"),
            a.ei,
            a.weighted,
        )
        for a in now.areas
    ]
    result = SinceLastVisit(
        previous_id=last_visit.id,
        previous_date=last_visit.date,
        overall=overall,
        areas=areas,
    )
    for item_id in doc.checklist.item_ids():
        before = last_visit.responses.get(item_id)
        then = before.status if before else Status.NOT_ASSESSED
        current = doc.status_of(item_id)
        if then not in STATUS_SCORE or current not in STATUS_SCORE:
            continue
        change = ItemChange(item_id, then, current)
        delta = STATUS_SCORE[current] - STATUS_SCORE[then]
        bucket = result.improved if delta > 0 else result.regressed if delta < 0 else None
        (bucket if bucket is not None else result.unchanged).append(change)
    visit_date = doc.assessment.started
    for action in doc.actions:
        if action.followup is None:
            continue
        if action.followup == "verified":
            result.verified.append(action)
        elif action.followup == "not_done":
            result.not_done.append(action)
        if is_overdue(action, visit_date):
            result.overdue.append(action)
    return result
