"""Assessment, airport, response and rule-parameter models (docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from avsec.core.i18n import N_

DEFAULT_MARKING = {
    "en": "RESTRICTED — AVIATION SECURITY SENSITIVE INFORMATION",
    "es": "RESTRINGIDO — INFORMACIÓN SENSIBLE DE SEGURIDAD DE LA AVIACIÓN",
}


class Status(StrEnum):
    """Response status; the spelling is a fixed contract (docs/architecture.md, *Statuses*)."""

    COMPLIANT = "compliant"
    PARTIALLY_COMPLIANT = "partially_compliant"
    NOT_COMPLIANT = "not_compliant"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"


#: English labels of the statuses, the msgids their translations are looked up by.
STATUS_LABELS: dict[str, str] = {
    Status.COMPLIANT: N_("Compliant"),
    Status.PARTIALLY_COMPLIANT: N_("Partially compliant"),
    Status.NOT_COMPLIANT: N_("Not compliant"),
    Status.NOT_APPLICABLE: N_("Not applicable"),
    Status.NOT_ASSESSED: N_("Not assessed"),
}

#: Item score s per status; statuses absent here are left out of scores.
STATUS_SCORE: dict[Status, float] = {
    Status.COMPLIANT: 1.0,
    Status.PARTIALLY_COMPLIANT: 0.5,
    Status.NOT_COMPLIANT: 0.0,
}

Mode = Literal["assessment", "answer_key", "exercise", "team"]


class Airport(BaseModel):
    """The assessed airport; filled from airportsdata or entered by hand."""

    model_config = ConfigDict(extra="forbid")

    icao: str = ""
    iata: str = ""
    name: str
    city: str = ""
    country: str = ""
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    tz: str = ""
    custom: bool = False


class RuleParameters(BaseModel):
    """Thresholds of the geometry rules, defaults in docs/architecture.md, *Geometry rules*."""

    model_config = ConfigDict(extra="forbid")

    perimeter_join_tolerance_m: float = Field(0.5, ge=0)
    perimeter_offset_tolerance_m: float = Field(2.0, ge=0)
    min_barrier_height_m: float = Field(2.44, ge=0)
    crossing_access_radius_m: float = Field(5.0, ge=0)
    access_point_boundary_m: float = Field(10.0, ge=0)
    clear_zone_m: float = Field(3.0, ge=0)
    # Path analysis (EASI, avsec.geo.paths): the response and the adversary.
    response_time_s: float = Field(300.0, ge=0)
    response_sd_s: float = Field(90.0, ge=0)
    delay_sd_fraction: float = Field(0.3, ge=0)
    run_speed_mps: float = Field(3.0, gt=0)
    task_delay_s: float = Field(60.0, ge=0)


class Assessment(BaseModel):
    """The header of one assessment (one .avsec file)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    title: str = ""
    airport: Airport
    checklist_id: str
    checklist_version: int
    started: dt.date = Field(default_factory=dt.date.today)
    ended: dt.date | None = None
    team: list[str] = Field(default_factory=list)
    organisation: str = ""
    language: str = "en"
    handling_marking: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_MARKING))
    parameters: RuleParameters = Field(default_factory=RuleParameters)
    mode: Mode = "assessment"
    #: Workshop fields: the team's name, and the exercise this file derives from.
    team_name: str = ""
    exercise_id: str = ""

    @field_validator("handling_marking")
    @classmethod
    def _markings_are_printable(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        """Markings print on every report page: one line each, never empty.

        An edit (:meth:`edited`) that empties one is refused; a stored header read back keeps
        opening, its empty marking dropped (:meth:`marking` then gives the standard one).
        """
        out = {}
        for lang, text in value.items():
            line = " ".join(str(text).split())
            if line:
                out[lang] = line
            elif (info.context or {}).get("edit"):
                raise ValueError(N_("a handling marking must not be empty"))
        return out

    @model_validator(mode="after")
    def _visit_ends_after_it_starts(self, info: ValidationInfo) -> Assessment:
        """An edit may not end the visit before it starts (a stored header still opens)."""
        edit = (info.context or {}).get("edit")
        if edit and self.ended is not None and self.ended < self.started:
            raise ValueError(N_("The end date is before the start date."))
        return self

    def edited(self, **changes: object) -> Assessment:
        """This header with ``changes``, validated (``model_copy`` would not check them).

        Raises
        ------
        pydantic.ValidationError
            A change breaks a rule of the header (empty marking, end before start...).
        """
        return Assessment.model_validate({**self.model_dump(), **changes}, context={"edit": True})

    def marking(self, lang: str) -> str:
        """Return the handling marking in ``lang`` (the default marking when unset)."""
        return (
            self.handling_marking.get(lang)
            or self.handling_marking.get("en")
            or DEFAULT_MARKING.get(lang, DEFAULT_MARKING["en"])
        )


class Response(BaseModel):
    """The inspector's answer to one checklist item."""

    model_config = ConfigDict(extra="forbid")

    item_id: str
    status: Status = Status.NOT_ASSESSED
    notes: str = ""
    photos: list[str] = Field(default_factory=list)  # attachment ids (sha256)
    updated: dt.datetime | None = None
    updated_by: str = ""
