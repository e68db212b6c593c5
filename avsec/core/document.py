"""The whole assessment as one model: what JSON export writes and reports read."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from avsec.core.access_tests import AccessTest
from avsec.core.actions import Action
from avsec.core.assessment import Assessment, Response, Status
from avsec.core.checklist import Checklist
from avsec.core.findings import Finding
from avsec.core.followup import LastVisit
from avsec.core.i18n import pick
from avsec.core.judgements import Judgement, false_positives, open_findings
from avsec.core.layout import Feature
from avsec.core.textlimits import FieldText, LangField, LangNotes
from avsec.core.tracks import Track

FORMAT_NAME = "avsec-assessment"


class Mark(BaseModel):
    """One piece of markup on a photo: an arrow, a circle or a text.

    Coordinates are fractions (0..1) of the upright, rotated photo's width and height, so the
    same mark fits the report copy, the thumbnail and the screen. An arrow points from
    (x0, y0) to (x1, y1); a circle fills the box between them; a text starts at (x0, y0).
    """

    model_config = ConfigDict(extra="forbid")

    kind: Literal["arrow", "circle", "text"]
    x0: float = Field(ge=0, le=1)
    y0: float = Field(ge=0, le=1)
    x1: float = Field(default=0, ge=0, le=1)
    y1: float = Field(default=0, ge=0, le=1)
    text: FieldText = ""


class PhotoLink(BaseModel):
    """What a photo shows: a layout feature or an access-control test (by id).

    Set when the photo is added, from its GPS position and time (avsec/geo/photo_links.py),
    or by the inspector by hand. ``distance_m`` is the geodesic distance from the photo to
    what it links (None when linked by hand).
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    kind: Literal["feature", "test"]
    id: FieldText
    distance_m: float | None = Field(default=None, ge=0)
    by_hand: bool = False


class AttachmentInfo(BaseModel):
    """A photo's metadata; the bytes stay in the .avsec file, untouched by any edit.

    Caption, rotation and markup describe the marked-up copy the store keeps as the photo's
    report copy and thumbnail (avsec/store/photo_edits.py).
    """

    model_config = ConfigDict(extra="forbid")

    id: str  # sha256 of the bytes
    filename: str = ""
    mime: str = "image/jpeg"
    size: int = 0
    taken: dt.datetime | None = None
    lon: float | None = None
    lat: float | None = None
    caption: FieldText = ""
    #: Clockwise quarter turns applied to the upright photo: 0, 90, 180 or 270 degrees.
    rotation: Literal[0, 90, 180, 270] = 0
    marks: list[Mark] = Field(default_factory=list)
    #: The position was set by hand on the map (a photo without GPS).
    placed_by_hand: bool = False
    #: The feature or test the photo shows (None: not linked).
    link: PhotoLink | None = None

    def edited(self) -> bool:
        """Whether the report copy differs from the plain upright photo."""
        return bool(self.rotation or self.marks)


class Observation(BaseModel):
    """A narrative observation (training airport visit): what a team sees at a place."""

    model_config = ConfigDict(extra="forbid")

    id: FieldText
    #: Where it was seen, per language (plain text in files from before bilingual places).
    place: FieldText | LangField = ""
    text: LangNotes
    location: tuple[float, float] | None = None  # lon, lat
    features: list[str] = Field(default_factory=list)
    items: list[str] = Field(default_factory=list)

    def place_in(self, lang: str) -> str:
        """The place in ``lang`` (English, or the only text there is, as fallback)."""
        return self.place if isinstance(self.place, str) else pick(self.place, lang)


class AssessmentDocument(BaseModel):
    """Everything in one assessment, as plain data.

    The JSON Schema in docs/schema/ is generated from this model.
    """

    model_config = ConfigDict(extra="forbid")

    format: str = FORMAT_NAME
    format_version: int = 1
    app_version: str = ""
    assessment: Assessment
    checklist: Checklist
    responses: dict[str, Response] = Field(default_factory=dict)
    features: list[Feature] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    attachments: list[AttachmentInfo] = Field(default_factory=list)
    observations: list[Observation] = Field(default_factory=list)
    #: Answer key only: a one-line rationale per item id.
    rationales: dict[str, str] = Field(default_factory=dict)
    #: Follow-up visits only: what the previous visit found.
    last_visit: LastVisit | None = None
    #: GPS tracks walked by the inspectors (avsec.core.tracks).
    tracks: list[Track] = Field(default_factory=list)
    #: The inspector's judgement of findings, by finding id (accepted, false positive...).
    judgements: dict[str, Judgement] = Field(default_factory=dict)
    #: Access-control tests made during the visit (avsec.core.access_tests).
    access_tests: list[AccessTest] = Field(default_factory=list)

    def status_of(self, item_id: str) -> Status:
        """Return the status recorded for ``item_id`` (``not_assessed`` when none)."""
        response = self.responses.get(item_id)
        return response.status if response else Status.NOT_ASSESSED

    def feature(self, feature_id: str) -> Feature | None:
        """Return the feature with ``feature_id`` or None."""
        return next((f for f in self.features if f.id == feature_id), None)

    def open_findings(self) -> list[Finding]:
        """The findings that stand: all but those judged false positives (stored order).

        Suggested statuses, gap priorities, the generated outline and the report's findings
        use these; the numbers stay those of :attr:`findings`.
        """
        return open_findings(self.findings, self.judgements)

    def false_positives(self) -> list[Finding]:
        """The findings the inspector judged false positives (stored order)."""
        return false_positives(self.findings, self.judgements)

    def findings_for_item(self, item_id: str) -> list[Finding]:
        """Return the geometry findings linked to ``item_id``."""
        return [f for f in self.findings if item_id in f.items]

    def to_json_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping."""
        return self.model_dump(mode="json")
