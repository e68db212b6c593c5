"""Checklist, provision catalogue and crosswalk models (docs/architecture.md, *Checklists*)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from avsec.core.i18n import N_, LangText, pick
from avsec.core.textlimits import LangField, LangNotes

AREA_IDS = ("perimeter", "sra_zoning", "access_points", "id_systems", "vehicle_security")
RULE_IDS = (
    "perimeter_gap",
    "barrier_below_height",
    "uncontrolled_crossing",
    "uncontrolled_access_point",
    "access_point_off_boundary",
    "sra_outside_airside",
    "critical_part_outside_sra",
    "clear_zone_obstruction",
)
WEIGHT_LABELS = {1: "minor", 2: "major", 3: "critical"}
Confidence = Literal["confirmed", "unconfirmed"]
ProvisionKind = Literal["standard", "recommended_practice", "regulation", "guidance"]
Relationship = Literal["equal", "subset", "superset", "intersect"]
#: Who must act on an item: the State (appropriate authority, national programme), the airport
#: operator (airport security programme), a tenant, or an air operator. A USAP-style finding
#: separates what the State must do from what the operator must do.
Responsible = Literal["state", "operator", "tenant", "air_operator"]
RESPONSIBLE_IDS: tuple[Responsible, ...] = ("state", "operator", "tenant", "air_operator")
#: The default owner of a generated action, per ``responsible``, in each language.
RESPONSIBLE_LABELS: dict[str, str] = {
    "state": N_("Appropriate authority (State)"),
    "operator": N_("Airport operator"),
    "tenant": N_("Tenant"),
    "air_operator": N_("Air operator"),
}

_ITEM_ID = re.compile(r"^[A-Z][A-Z0-9]*-[0-9A-Za-z]+$")
_REFERENCE = re.compile(r"^[A-Za-z0-9/\-]+:[A-Za-z0-9.\-()]+$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChecklistItem(_Model):
    """One question of a checklist."""

    id: str
    question: LangNotes
    guidance: LangNotes = Field(default_factory=dict)
    evidence: LangNotes = Field(default_factory=dict)
    recommendation: LangNotes = Field(default_factory=dict)
    references: list[str] = Field(default_factory=list)
    weight: Literal[1, 2, 3] = 2
    rules: list[str] = Field(default_factory=list)
    confidence: Confidence = "confirmed"
    #: Who acts on a gap in this item (the default owner of its generated action).
    responsible: Responsible = "operator"

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not _ITEM_ID.match(value):
            raise ValueError(f"item id {value!r} must look like PER-03")
        return value

    @field_validator("references")
    @classmethod
    def _check_references(cls, value: list[str]) -> list[str]:
        for ref in value:
            if not _REFERENCE.match(ref):
                raise ValueError(f"reference {ref!r} must look like A17:4.2.1")
        return value

    @field_validator("rules")
    @classmethod
    def _check_rules(cls, value: list[str]) -> list[str]:
        for rule in value:
            if rule not in RULE_IDS:
                raise ValueError(f"unknown rule id {rule!r}")
        return value

    def text(self, field: str, lang: str) -> str:
        """Return one of the item's texts in ``lang`` (English if missing)."""
        return pick(getattr(self, field), lang)


class Area(_Model):
    """A group of items covering one part of access control."""

    id: str
    title: LangField
    items: list[ChecklistItem]


class Checklist(_Model):
    """A whole checklist as loaded from YAML (and snapshotted into each .avsec file)."""

    id: str
    version: int = Field(ge=1)
    title: LangField
    description: LangNotes = Field(default_factory=dict)
    edition: str = ""
    #: The edition line in each language (the report's cover); ``edition`` when missing.
    edition_text: LangField = Field(default_factory=dict)
    areas: list[Area]

    def edition_in(self, lang: str) -> str:
        """The edition line in ``lang``."""
        return pick(self.edition_text, lang) or self.edition

    def items(self) -> Iterator[ChecklistItem]:
        """Yield every item, area by area."""
        for area in self.areas:
            yield from area.items

    def item(self, item_id: str) -> ChecklistItem:
        """Return the item with ``item_id`` (KeyError when absent)."""
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def item_ids(self) -> list[str]:
        """Return every item id in checklist order."""
        return [item.id for item in self.items()]

    def area_of(self, item_id: str) -> Area:
        """Return the area holding ``item_id`` (KeyError when absent)."""
        for area in self.areas:
            if any(item.id == item_id for item in area.items):
                return area
        raise KeyError(item_id)

    def items_for_rule(self, rule: str) -> list[str]:
        """Return the ids of the items that ``rule`` informs."""
        return [item.id for item in self.items() if rule in item.rules]


class Provision(_Model):
    """One provision (standard, recommended practice, regulation or guidance)."""

    id: str
    framework: str
    kind: ProvisionKind
    title: LangText
    summary: LangText = Field(default_factory=dict)
    confidence: Confidence = "confirmed"
    #: The edition or amendment (and the public copy) the id and summary were checked against.
    checked_against: str = ""


class CrosswalkMapping(_Model):
    """How a source provision relates to a target provision."""

    source: str
    target: str
    relationship: Relationship
    rationale: LangText = Field(default_factory=dict)


class Crosswalk(_Model):
    """Mappings between two frameworks."""

    id: str
    source_framework: str
    target_framework: str
    title: LangText = Field(default_factory=dict)
    mappings: list[CrosswalkMapping]


class ProvisionCatalogue(_Model):
    """Every provision a checklist may cite, with the crosswalks between frameworks."""

    editions: dict[str, str] = Field(default_factory=dict)
    #: What each ``checked_against`` key names (edition, amendment and public copy), per language.
    checks: dict[str, LangText] = Field(default_factory=dict)
    #: The report's sentences about verification, per language: ``unconfirmed_list`` (with
    #: ``{ids}``) and ``checked_against`` (with ``{source}``). Data, like the summaries.
    notes: dict[str, LangText] = Field(default_factory=dict)
    provisions: list[Provision]
    crosswalks: list[Crosswalk] = Field(default_factory=list)

    def checked_text(self, provision: Provision, lang: str) -> str:
        """What ``provision`` was checked against, in ``lang`` ('' when not recorded)."""
        return pick(self.checks.get(provision.checked_against), lang)

    def note(self, key: str, lang: str, **fields: str) -> str:
        """One of the catalogue's ``notes`` in ``lang`` with ``fields`` filled ('' when absent)."""
        text = pick(self.notes.get(key), lang)
        return text.format(**fields) if text else ""

    def unconfirmed(self, provision_ids: Iterable[str]) -> list[str]:
        """The ids among ``provision_ids`` whose wording or numbering is unconfirmed."""
        out = []
        for provision_id in provision_ids:
            provision = self.get(provision_id)
            if provision is not None and provision.confidence == "unconfirmed":
                out.append(provision_id)
        return out

    def get(self, provision_id: str) -> Provision | None:
        """Return the provision or None."""
        return self._index().get(provision_id)

    def _index(self) -> dict[str, Provision]:
        return {p.id: p for p in self.provisions}

    def crosswalk_for(self, provision_id: str) -> list[tuple[Crosswalk, CrosswalkMapping]]:
        """Return every mapping that names ``provision_id`` on either side."""
        return [
            (walk, mapping)
            for walk in self.crosswalks
            for mapping in walk.mappings
            if provision_id in (mapping.source, mapping.target)
        ]

    def related(self, provision_id: str) -> list[str]:
        """Return the ids mapped to ``provision_id`` through any crosswalk."""
        out: list[str] = []
        for _, mapping in self.crosswalk_for(provision_id):
            other = mapping.target if mapping.source == provision_id else mapping.source
            if other not in out:
                out.append(other)
        return out
