"""Improvement-outline actions (docs/architecture.md, *Statuses, scoring and the outline*)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from avsec.core.textlimits import ActionTitle, FieldText, NotesText

Horizon = Literal["immediate", "short", "medium", "long"]
HORIZONS: tuple[Horizon, ...] = ("immediate", "short", "medium", "long")
ActionStatus = Literal["open", "in_progress", "done", "cancelled"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "in_progress", "done", "cancelled")
#: What a follow-up visit found of an action carried over from the previous visit.
FollowUp = Literal["open", "in_progress", "done", "verified", "not_done"]
FOLLOWUP_STATES: tuple[FollowUp, ...] = ("open", "in_progress", "done", "verified", "not_done")

#: Fields a user may edit; once edited, regeneration keeps the user's value.
EDITABLE_FIELDS = ("title", "description", "horizon", "priority", "owner", "due", "status")


class Action(BaseModel):
    """One action of the improvement outline (a corrective action plan row)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str = Field(default_factory=lambda: "a-" + uuid.uuid4().hex[:10])
    title: ActionTitle
    description: NotesText = ""
    horizon: Horizon = "medium"
    priority: float = 0.0
    owner: FieldText = ""
    due: dt.date | None = None
    status: ActionStatus = "open"
    items: list[str] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list)
    #: "generated" actions come from gaps; "user" actions were added by hand.
    origin: Literal["generated", "user"] = "generated"
    #: Key that ties a generated action to its gap (the item id) across regenerations.
    source_key: str = ""
    #: Names of fields the user changed; regeneration leaves them alone.
    edited: list[str] = Field(default_factory=list)
    #: Follow-up visits only: the verification state of a carried action and its evidence.
    followup: FollowUp | None = None
    evidence: NotesText = ""
