"""OpenStreetMap GeoJSON (overpass-turbo, QuickOSM and similar exports) to layout features.

Tags map to kinds (docs/architecture.md, *Layout and geometry*):

==================================  ==============================================
OSM tags                            layout feature
==================================  ==============================================
aeroway=aerodrome (area)            airside candidate (the aerodrome boundary)
barrier=fence | wall                barrier (an area's ring when tagged on an area)
barrier=gate (and lift_gate,        access_point (mode from the gate type; a gate
swing_gate, sliding_gate,           drawn as a line becomes its midpoint)
turnstile, full-height_turnstile,
kissing_gate)
highway=* (line)                    road
aeroway=terminal | hangar,          building (role terminal, hangar, cargo, other)
building=* (area)
amenity=parking (area)              parking
==================================  ==============================================

A feature with several of these tags yields one feature per role: a closed aerodrome polygon
tagged barrier=fence gives an airside zone and a barrier along its ring. Every other feature is
skipped, and the import reports each group of skipped features with the reason; so are lines
of zero length and polygons of zero area (within 1 cm), as features with no geometry are:
OpenStreetMap holds such leftovers of editing, and one must not refuse a whole extract. Feature ids
derive from the OSM element (``osm-way-123-building``), so importing an overlapping extract
merges with, rather than duplicates, what an earlier one brought.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import mapping, shape

from avsec.core.errors import InputError, Phrase
from avsec.core.i18n import N_
from avsec.core.layout import Feature
from avsec.core.notices import Joined, Notice
from avsec.core.textlimits import properties_problem
from avsec.io.geojson import (
    Bounds,
    LayoutImport,
    about,
    feature_ref,
    merge_bounds,
    raw_features,
    z_dropped,
)
from avsec.io.geometry_limits import MAX_LAYER_VERTICES, flatten_positions

GATE_BARRIERS = {
    "gate": None,
    "lift_gate": "vehicle",
    "swing_gate": None,
    "sliding_gate": None,
    "turnstile": "pedestrian",
    "full-height_turnstile": "pedestrian",
    "kissing_gate": "pedestrian",
}
LINE_BARRIERS = ("fence", "wall")
#: Why common airport tags that map to no kind are left out.
SKIP_REASONS = {
    ("boundary", "administrative"): N_(
        "an administrative boundary, not part of the airport layout"
    ),
    ("aeroway", "gate"): N_(
        "an aircraft boarding gate (aeroway=gate), not an access-control point"
    ),
    ("aeroway", "parking_position"): N_("an aircraft stand, not part of access control"),
    ("aeroway", "apron"): N_("an apron; draw the SRA or airside zone it belongs to instead"),
    ("aeroway", "runway"): N_("a runway, inside the airside zone"),
    ("aeroway", "taxiway"): N_("a taxiway, inside the airside zone"),
    ("area:aeroway", "runway"): N_("a runway area, inside the airside zone"),
    ("area:aeroway", "taxiway"): N_("a taxiway area, inside the airside zone"),
}
#: How each role wants to be drawn, in the reason a feature drawn otherwise is skipped.
_DRAWN_AS = {
    "boundary": N_("drawn as a {gtype}, so it has no boundary to use"),
    "line": N_("drawn as a {gtype}, not a line"),
    "point": N_("drawn as a {gtype}, not a point"),
    "road": N_("drawn as a {gtype}, not a road line"),
    "outline": N_("drawn as a {gtype}, not an outline"),
    "area": N_("drawn as a {gtype}, not an area"),
}
#: QuickOSM saves through shapefiles, which cut field names to 10 characters.
TRUNCATED_KEYS = {"area_aerow": "area:aeroway", "aerodrome_": "aerodrome:type"}
#: Keys that identify the OSM element; replaced by one ``osm_id`` property.
IDENTITY_KEYS = ("@id", "id", "full_id", "osm_id", "osm_type")

_HEIGHT = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*(m|metres|meters|ft|feet|')?\s*$", re.I)


@dataclass
class _Skipped:
    """Features skipped for one reason."""

    tag: str
    reason: Notice
    places: list[Notice] = field(default_factory=list)


def parse_height(value: Any) -> float | None:
    """A height in metres from an OSM ``height`` tag (``2.5``, ``2.5 m``, ``8 ft``), else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    match = _HEIGHT.match(str(value))
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    unit = (match.group(2) or "m").lower()
    return round(number * 0.3048, 3) if unit in ("ft", "feet", "'") else number


def _identity(item: dict[str, Any], props: dict[str, Any]) -> tuple[str, str] | None:
    """(element type, id) of the OSM element behind a feature, when the export says."""
    for candidate in (item.get("id"), props.get("@id"), props.get("id")):
        if isinstance(candidate, str) and "/" in candidate:
            kind, _, number = candidate.partition("/")
            if kind in ("node", "way", "relation") and number.isdigit() and len(number) <= 20:
                return kind, number
    full_id = props.get("full_id")
    if (
        isinstance(full_id, str)
        and len(full_id) > 1
        and full_id[0] in "nwr"
        and full_id[1:].isdigit()
        and len(full_id) <= 21
    ):
        return {"n": "node", "w": "way", "r": "relation"}[full_id[0]], full_id[1:]
    osm_type, osm_id = props.get("osm_type"), props.get("osm_id")
    if (
        isinstance(osm_type, str)
        and osm_type in ("node", "way", "relation")
        and str(osm_id).isdigit()
        and len(str(osm_id)) <= 20
    ):
        return osm_type, str(osm_id)
    return None


def _tags(props: dict[str, Any]) -> dict[str, Any]:
    """The element's tags: non-null properties (older overpass exports nest them in ``tags``)."""
    tags = {k: v for k, v in props.items() if v is not None and not k.startswith("@")}
    nested = tags.pop("tags", None)
    if isinstance(nested, dict):
        tags.update({k: v for k, v in nested.items() if v is not None})
    for short, full in TRUNCATED_KEYS.items():
        if short in tags and full not in tags:
            tags[full] = tags[short]
    return tags


def _is_area(gtype: str) -> bool:
    return gtype in ("Polygon", "MultiPolygon")


def _is_line(gtype: str) -> bool:
    return gtype in ("LineString", "MultiLineString")


def _closed_line(geometry: dict[str, Any]) -> bool:
    coords = geometry.get("coordinates") or []
    return geometry.get("type") == "LineString" and len(coords) >= 4 and coords[0] == coords[-1]


def _listify(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_listify(v) for v in value]
    return value


def _geojson(geom: Any) -> dict[str, Any]:
    raw = mapping(geom)
    return {"type": raw["type"], "coordinates": _listify(raw["coordinates"])}


def _building_role(tags: dict[str, Any]) -> str:
    building = str(tags.get("building", "")).lower()
    aeroway = str(tags.get("aeroway", "")).lower()
    if aeroway == "terminal" or building in ("terminal", "airport_terminal"):
        return "terminal"
    if aeroway == "hangar" or building == "hangar":
        return "hangar"
    if "cargo" in building or str(tags.get("industrial", "")).lower() == "cargo":
        return "cargo"
    return "other"


def _roles(
    tags: dict[str, Any], geometry: dict[str, Any]
) -> tuple[list[tuple[str, dict[str, Any], dict[str, Any]]], list[tuple[str, Notice]]]:
    """Layout roles of one OSM feature: (kind, properties, geometry) and (tag, why-not) pairs."""
    gtype = str(geometry.get("type"))
    roles: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    refused: list[tuple[str, Notice]] = []

    def drawn(how: str) -> Notice:
        return Notice(_DRAWN_AS[how], gtype=gtype)

    name = tags.get("name") or tags.get("ref")
    named = {"name": str(name)} if name else {}
    aeroway = str(tags.get("aeroway", "")).lower()
    barrier = str(tags.get("barrier", "")).lower()

    if aeroway == "aerodrome":
        if _is_area(gtype):
            roles.append(("airside", dict(named), geometry))
        elif _closed_line(geometry):
            roles.append(
                (
                    "airside",
                    dict(named),
                    {"type": "Polygon", "coordinates": [geometry["coordinates"]]},
                )
            )
        else:
            refused.append(("aeroway=aerodrome", drawn("boundary")))

    if barrier in LINE_BARRIERS:
        props: dict[str, Any] = {"barrier": barrier, **named}
        height = parse_height(tags.get("height"))
        if height is not None:
            props["height_m"] = height
        if _is_line(gtype):
            roles.append(("barrier", props, geometry))
        elif _is_area(gtype):
            roles.append(("barrier", props, _geojson(shape(geometry).boundary)))
        else:
            refused.append((f"barrier={barrier}", drawn("line")))
    elif barrier in GATE_BARRIERS:
        props = {**named}
        mode = GATE_BARRIERS[barrier]
        if mode:
            props["mode"] = mode
        if str(tags.get("locked", "")).lower() == "yes":
            props["control"] = "locked"
        if gtype == "Point":
            roles.append(("access_point", props, geometry))
        elif _is_line(gtype):
            middle = shape(geometry).interpolate(0.5, normalized=True)
            roles.append(("access_point", props, _geojson(middle)))
        else:
            refused.append((f"barrier={barrier}", drawn("point")))
    elif barrier:
        not_security = N_("not a security barrier (only fence, wall and gates map)")
        refused.append((f"barrier={barrier}", Notice(not_security)))

    if "highway" in tags:
        if _is_line(gtype):
            roles.append(("road", {**named}, geometry))
        else:
            refused.append((f"highway={tags['highway']}", drawn("road")))

    building = str(tags.get("building", "")).lower()
    if (building and building != "no") or aeroway in ("terminal", "hangar"):
        tag = f"building={building}" if building else f"aeroway={aeroway}"
        if _is_area(gtype):
            roles.append(("building", {"role": _building_role(tags), **named}, geometry))
        else:
            refused.append((tag, drawn("outline")))

    if str(tags.get("amenity", "")).lower() == "parking":
        if _is_area(gtype):
            roles.append(("parking", {**named}, geometry))
        else:
            refused.append(("amenity=parking", drawn("area")))
    return roles, refused


def _unmapped_reason(tags: dict[str, Any]) -> tuple[str, Notice]:
    """(tag, reason) for a feature with no mapped tag."""
    for (key, value), reason in SKIP_REASONS.items():
        if str(tags.get(key, "")).lower() == value:
            return f"{key}={value}", Notice(reason)
    for key in (
        "aeroway",
        "area:aeroway",
        "landuse",
        "amenity",
        "man_made",
        "natural",
        "leisure",
        "boundary",
    ):
        if key in tags:
            return f"{key}={tags[key]}", Notice(N_("no layout kind for this tag"))
    return Phrase(N_("(no tag)")), Notice(N_("no tag that maps to a layout kind"))


def parse_osm_features(data: Any, name: str) -> LayoutImport:
    """Map an OpenStreetMap GeoJSON export to layout features.

    Returns
    -------
    LayoutImport
        The mapped features and one warning per group of skipped or repaired features.

    Raises
    ------
    InputError
        Coordinates that are not WGS84 lon/lat or a malformed geometry (naming the feature),
        or a file where nothing maps to a layout kind (with the reasons).
    """
    from avsec.geo.validate import DegenerateGeometry, GeometryProblem, check_geometry

    features: list[Feature] = []
    warnings: list[Notice] = []
    skipped: dict[str, _Skipped] = {}
    seen: set[str] = set()
    bounds: Bounds | None = None
    any_tag = Phrase(N_("(any)"))

    def skip(tag: str, reason: Notice, feature: Notice) -> None:
        group = skipped.setdefault(f"{tag}: {reason}", _Skipped(tag, reason))
        group.places.append(feature)

    budget, z_noted = [MAX_LAYER_VERTICES], False
    for index, item in enumerate(raw_features(data, name)):
        props = item.get("properties")
        props = props if isinstance(props, dict) else {}
        identity = _identity(item, props)
        feature = feature_ref(index, f"{identity[0]}/{identity[1]}" if identity else item.get("id"))
        place = Notice(N_("{name}: {feature}"), name=name, feature=feature)
        tags = _tags(props)
        geometry = item.get("geometry")
        if not isinstance(geometry, dict) or not geometry.get("coordinates"):
            skip(any_tag, Notice(N_("no geometry")), feature)
            continue
        geometry, had_z = flatten_positions(geometry, place, budget)
        if had_z and not z_noted:
            z_noted = True
            warnings.append(z_dropped(place))
        try:
            check_geometry(geometry, None)
        except DegenerateGeometry as exc:
            skip(any_tag, Notice(N_("degenerate geometry ({problem})"), problem=exc), feature)
            continue
        except GeometryProblem as exc:
            raise InputError(N_("{place}: {exc}"), place=place, exc=exc) from exc
        roles, refused = _roles(tags, geometry)
        for tag, reason in refused:
            skip(tag, reason, feature)
        if not roles:
            if not refused:
                skip(*_unmapped_reason(tags), feature)
            continue
        if identity:
            stem = f"osm-{identity[0]}-{identity[1]}"
        else:
            digest = hashlib.sha1(
                json.dumps([geometry, tags], sort_keys=True, default=str).encode(),
                usedforsecurity=False,
            ).hexdigest()[:12]
            stem = f"osm-{digest}"
        base = {k: v for k, v in tags.items() if k not in IDENTITY_KEYS and k not in TRUNCATED_KEYS}
        if identity:
            base["osm_id"] = f"{identity[0]}/{identity[1]}"
        for kind, mapped, role_geometry in roles:
            fid = f"{stem}-{kind}"
            if fid in seen:
                twice = N_("the same OpenStreetMap element appears twice in the file")
                skip(kind, Notice(twice), feature)
                continue
            try:
                checked = check_geometry(role_geometry, kind)
            except GeometryProblem as exc:
                skip(kind, Notice(N_("unusable geometry ({problem})"), problem=exc), feature)
                continue
            properties = {**base, **mapped}
            problem = properties_problem(properties)
            if problem is not None:
                over = N_("tags over the text limits ({problem})")
                skip(kind, Notice(over, problem=problem), feature)
                continue
            warnings.extend(about(place, note) for note in checked.warnings)
            bounds = merge_bounds(bounds, checked.bounds)
            seen.add(fid)
            features.append(
                Feature(id=fid, kind=kind, geometry=checked.geometry, properties=properties)
            )

    for group in skipped.values():
        warnings.append(
            Notice(
                N_("{name}: skipped {count} feature, {tag}: {reason} ({places})"),
                plural=N_("{name}: skipped {count} features, {tag}: {reason} ({places})"),
                name=name,
                count=len(group.places),
                tag=group.tag,
                reason=group.reason,
                places=Joined(group.places[:3], more=len(group.places) > 3),
            )
        )
    if not features:
        times = N_("{count} × {tag}: {reason}")
        reasons = (
            Joined(Notice(times, count=len(g.places), tag=g.tag, reason=g.reason) for g in groups)
            if (groups := list(skipped.values()))
            else Phrase(N_("empty"))
        )
        raise InputError(
            N_("{name}: no OpenStreetMap feature maps to a layout kind ({reasons})"),
            name=name,
            reasons=reasons,
        )
    return LayoutImport(features, warnings, bounds)
