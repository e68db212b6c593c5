"""Assessment, airport, response and rule-parameter models (docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Mapping
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

from avsec.core.i18n import LANGUAGES, N_, translate
from avsec.core.textlimits import FieldText, NotesText

#: The handling marking of an assessment that names none (English msgid).
DEFAULT_MARKING_TEXT = N_("RESTRICTED — AVIATION SECURITY SENSITIVE INFORMATION")


class _DefaultMarking(Mapping[str, str]):
    """The default marking in every language of :data:`LANGUAGES`, from the catalogues.

    Looked up when read, not at import: core reads no file, and the catalogues are installed
    by the layer that reads them before any assessment is created or shown.
    """

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return translate(DEFAULT_MARKING_TEXT, lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


DEFAULT_MARKING: Mapping[str, str] = _DefaultMarking()


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

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    icao: str = ""
    iata: str = ""
    name: FieldText
    city: FieldText = ""
    country: str = ""
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    tz: str = ""
    custom: bool = False


#: Accepted range (inclusive, in metres) of every geometry rule parameter. A value outside it
#: (or infinite, or not a number) is refused wherever it is entered: CLI, app, stored file.
PARAMETER_RANGES: dict[str, tuple[float, float]] = {
    "perimeter_join_tolerance_m": (0.0, 100.0),
    "perimeter_offset_tolerance_m": (0.0, 100.0),
    "min_barrier_height_m": (0.0, 20.0),
    "crossing_access_radius_m": (0.0, 500.0),
    "access_point_boundary_m": (0.0, 1000.0),
    "clear_zone_m": (0.0, 100.0),
}
#: Accepted ranges of the path-analysis parameters (seconds, metres per second, fractions),
#: for the models that carry them.
PATH_PARAMETER_RANGES: dict[str, tuple[float, float]] = {
    "response_time_s": (0.0, 3600.0),
    "response_sd_s": (0.0, 3600.0),
    "delay_sd_fraction": (0.0, 1.0),
    "run_speed_mps": (0.1, 15.0),
    "task_delay_s": (0.0, 3600.0),
}


def _parameter(default: float, name: str) -> float:
    low, high = {**PARAMETER_RANGES, **PATH_PARAMETER_RANGES}[name]
    return Field(default, ge=low, le=high, allow_inf_nan=False)


class RuleParameters(BaseModel):
    """Thresholds of the geometry rules, defaults in docs/architecture.md, *Geometry rules*."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    perimeter_join_tolerance_m: float = _parameter(0.5, "perimeter_join_tolerance_m")
    perimeter_offset_tolerance_m: float = _parameter(2.0, "perimeter_offset_tolerance_m")
    min_barrier_height_m: float = _parameter(2.44, "min_barrier_height_m")
    crossing_access_radius_m: float = _parameter(5.0, "crossing_access_radius_m")
    access_point_boundary_m: float = _parameter(10.0, "access_point_boundary_m")
    clear_zone_m: float = _parameter(3.0, "clear_zone_m")
    # Path analysis (EASI, avsec.geo.paths): the response and the adversary.
    response_time_s: float = _parameter(300.0, "response_time_s")
    response_sd_s: float = _parameter(90.0, "response_sd_s")
    delay_sd_fraction: float = _parameter(0.3, "delay_sd_fraction")
    run_speed_mps: float = _parameter(3.0, "run_speed_mps")
    task_delay_s: float = _parameter(60.0, "task_delay_s")


class PreviousVisit(BaseModel):
    """The earlier assessment a follow-up visit continues: its uuid and date."""

    model_config = ConfigDict(extra="forbid")

    id: str
    date: dt.date


class Assessment(BaseModel):
    """The header of one assessment (one .avsec file)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    title: FieldText = ""
    airport: Airport
    checklist_id: str
    checklist_version: int
    started: dt.date = Field(default_factory=dt.date.today)
    ended: dt.date | None = None
    team: list[FieldText] = Field(default_factory=list)
    organisation: FieldText = ""
    language: str = "en"
    handling_marking: dict[str, FieldText] = Field(default_factory=lambda: dict(DEFAULT_MARKING))
    parameters: RuleParameters = Field(default_factory=RuleParameters)
    mode: Mode = "assessment"
    #: Workshop fields: the team's name, and the exercise this file derives from.
    team_name: FieldText = ""
    exercise_id: str = ""
    #: A follow-up visit records the visit it continues (None for a first visit).
    previous: PreviousVisit | None = None

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
    notes: NotesText = ""
    photos: list[str] = Field(default_factory=list)  # attachment ids (sha256)
    updated: dt.datetime | None = None
    updated_by: str = ""
