"""Layout features as plain data (docs/architecture.md, *Layout and geometry*); the algorithms over them live in avsec.geo."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from avsec.core.i18n import N_
from avsec.core.textlimits import FieldText, is_stored, properties_problem


class Kind(StrEnum):
    """Feature kinds; the spelling is a fixed contract (``properties.kind``)."""

    AIRSIDE = "airside"
    SRA = "sra"
    CRITICAL_PART = "critical_part"
    LANDSIDE = "landside"
    BUILDING = "building"
    PARKING = "parking"
    BARRIER = "barrier"
    ROAD = "road"
    ACCESS_POINT = "access_point"
    OBSTACLE = "obstacle"


#: English labels of the kinds (lower case: they are used inside sentences), the msgids their
#: translations are looked up by.
KIND_LABELS: dict[str, str] = {
    Kind.AIRSIDE: N_("airside"),
    Kind.SRA: N_("SRA"),
    Kind.CRITICAL_PART: N_("critical part"),
    Kind.LANDSIDE: N_("landside"),
    Kind.BUILDING: N_("building"),
    Kind.PARKING: N_("parking"),
    Kind.BARRIER: N_("barrier"),
    Kind.ROAD: N_("road"),
    Kind.ACCESS_POINT: N_("access point"),
    Kind.OBSTACLE: N_("obstacle"),
}

ZONE_KINDS = (Kind.AIRSIDE, Kind.SRA, Kind.CRITICAL_PART, Kind.LANDSIDE)

#: Geometry types each kind accepts.
GEOMETRY_TYPES: dict[str, tuple[str, ...]] = {
    Kind.AIRSIDE: ("Polygon", "MultiPolygon"),
    Kind.SRA: ("Polygon", "MultiPolygon"),
    Kind.CRITICAL_PART: ("Polygon", "MultiPolygon"),
    Kind.LANDSIDE: ("Polygon", "MultiPolygon"),
    Kind.BUILDING: ("Polygon", "MultiPolygon"),
    Kind.PARKING: ("Polygon", "MultiPolygon"),
    Kind.BARRIER: ("LineString", "MultiLineString"),
    Kind.ROAD: ("LineString", "MultiLineString"),
    Kind.ACCESS_POINT: ("Point",),
    Kind.OBSTACLE: ("Point", "Polygon"),
}

#: Detection and delay of barriers and access points for the path analysis (avsec.geo.paths).
PATH_FIELDS: dict[str, tuple[Any, ...] | None] = {
    "p_detect": None,
    "delay_s": None,
    "detect_at": ("B", "M", "E"),
}

#: The fields an editor offers per kind, with their allowed values (None: free value).
KIND_FIELDS: dict[str, dict[str, tuple[Any, ...] | None]] = {
    Kind.AIRSIDE: {"name": None},
    # A team's estimate of the weakest route's P(I) (workshop; avsec.geo.paths computes it).
    Kind.SRA: {"name": None, "p_interruption_estimate": None},
    Kind.CRITICAL_PART: {"name": None, "p_interruption_estimate": None},
    Kind.LANDSIDE: {"name": None},
    Kind.BUILDING: {"name": None, "role": ("terminal", "cargo", "hangar", "other")},
    Kind.PARKING: {"name": None},
    Kind.BARRIER: {
        "barrier": ("fence", "wall", "natural"),
        "height_m": None,
        "topping": ("none", "barbed_wire", "razor_wire"),
        "condition": ("good", "damaged"),
        "lighting": (True, False),
        "cctv": (True, False),
        "intrusion_detection": (True, False),
        **PATH_FIELDS,
    },
    Kind.ROAD: {"name": None},
    Kind.ACCESS_POINT: {
        "name": None,
        "mode": ("pedestrian", "vehicle", "mixed"),
        "control": ("staffed", "electronic", "locked", "uncontrolled"),
        "screening": (True, False),
        # Metres of a perimeter opening the gate closes (default by mode, see geo.rules).
        "width_m": None,
        **PATH_FIELDS,
    },
    Kind.OBSTACLE: {
        "obstacle": ("tree", "vegetation", "pole", "structure", "container"),
        "height_m": None,
    },
}


def new_feature_id() -> str:
    """Return a fresh feature id."""
    return "f-" + uuid.uuid4().hex[:12]


class Feature(BaseModel):
    """One layout feature: a GeoJSON geometry (WGS84 lon/lat) with its properties.

    ``properties`` holds every GeoJSON property except ``kind``, unknown ones included, so
    they survive a round trip. ``kind`` is a :class:`Kind`; a kind avsec does not know (kept
    from an imported file, ignored by the rules) stays the string it was.
    """

    model_config = ConfigDict(extra="forbid")

    id: FieldText = Field(default_factory=new_feature_id)
    kind: Kind | FieldText
    geometry: dict[str, Any]
    properties: dict[str, Any] = Field(default_factory=dict)

    @field_validator("kind", mode="before")
    @classmethod
    def _known_kind(cls, value: object) -> object:
        """A known kind's spelling becomes its :class:`Kind` member."""
        if isinstance(value, str) and value in Kind._value2member_map_:
            return Kind(value)
        return value

    @field_validator("properties")
    @classmethod
    def _text_limits(cls, value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        """Names and other property texts keep the documented limits (core/textlimits.py)."""
        problem = None if is_stored(info) else properties_problem(value)
        if problem is not None:
            raise problem
        return value

    @property
    def name(self) -> str:
        """The feature's name, or an empty string."""
        return str(self.properties.get("name") or "")

    def label(self, lang: str) -> str:
        """The feature's name in ``lang`` (``name:es``, OpenStreetMap style), else its name."""
        return str(self.properties.get(f"name:{lang}") or self.properties.get("name") or "")

    def to_geojson(self) -> dict[str, Any]:
        """Return the feature as a GeoJSON Feature mapping."""
        return {
            "type": "Feature",
            "id": self.id,
            "geometry": self.geometry,
            "properties": {"kind": self.kind, **self.properties},
        }


def feature_collection(features: list[Feature]) -> dict[str, Any]:
    """Return ``features`` as a GeoJSON FeatureCollection mapping."""
    return {"type": "FeatureCollection", "features": [f.to_geojson() for f in features]}
