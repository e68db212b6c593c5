"""Display labels of the fixed data values (statuses, kinds, fields, rules, horizons).

Plain strings, no core import: the start page uses some of them before any model is loaded.
Every label goes through :func:`avsec.gui.i18n.tr` when shown.
"""

from __future__ import annotations

from typing import Any

from avsec.gui.i18n import tr

#: Menus in the order they appear; titles are English keys translated when built.
MENUS = ("&File", "&Edit", "&View", "&Checklist", "&Map", "&Outline", "&Workshop", "&Help")

#: Statuses in the order of keys 1-5 (spelling fixed: docs/architecture.md, *Statuses*).
STATUSES = ("compliant", "partially_compliant", "not_compliant", "not_applicable", "not_assessed")
STATUS_LABELS = {
    "compliant": "Compliant",
    "partially_compliant": "Partially compliant",
    "not_compliant": "Not compliant",
    "not_applicable": "Not applicable",
    "not_assessed": "Not assessed",
}

KIND_LABELS = {
    "airside": "airside",
    "sra": "SRA",
    "critical_part": "critical part",
    "landside": "landside",
    "building": "building",
    "parking": "parking",
    "barrier": "barrier",
    "road": "road",
    "access_point": "access point",
    "obstacle": "obstacle",
}
#: Tooltips of the drawing tools.
DRAW_TIPS = {
    "airside": "Draw an airside zone (polygon)",
    "sra": "Draw a security restricted area (polygon)",
    "critical_part": "Draw a critical part of an SRA (polygon)",
    "landside": "Draw a landside zone (polygon)",
    "building": "Draw a building (polygon)",
    "parking": "Draw a parking area (polygon)",
    "barrier": "Draw a barrier: fence, wall (line)",
    "road": "Draw a road (line)",
    "access_point": "Place an access point (point)",
    "obstacle": "Place an obstacle: tree, pole, container (point)",
}
#: Kinds in drawing-palette order: zones first, then lines, then points.
KINDS = tuple(KIND_LABELS)

FIELD_LABELS = {
    "name": "name",
    "role": "role",
    "barrier": "barrier",
    "height_m": "height (m)",
    "topping": "topping",
    "condition": "condition",
    "lighting": "lighting",
    "cctv": "CCTV",
    "intrusion_detection": "intrusion detection",
    "mode": "mode",
    "control": "control",
    "screening": "screening",
    "obstacle": "obstacle",
    "p_detect": "detection probability (0–1)",
    "delay_s": "delay (s)",
    "detect_at": "detected at (B, M, E)",
    "p_interruption_estimate": "team's estimate of P(I) (0–1)",
}

VALUE_LABELS = {
    "terminal": "terminal",
    "cargo": "cargo",
    "hangar": "hangar",
    "other": "other",
    "fence": "fence",
    "wall": "wall",
    "natural": "natural",
    "none": "none",
    "barbed_wire": "barbed wire",
    "razor_wire": "razor wire",
    "good": "good",
    "damaged": "damaged",
    "pedestrian": "pedestrian",
    "vehicle": "vehicle",
    "mixed": "mixed",
    "staffed": "staffed",
    "electronic": "electronic",
    "locked": "locked",
    "uncontrolled": "uncontrolled",
    "tree": "tree",
    "vegetation": "vegetation",
    "pole": "pole",
    "structure": "structure",
    "container": "container",
}

RULE_LABELS = {
    "perimeter_gap": "Perimeter gap",
    "barrier_below_height": "Barrier below minimum height",
    "uncontrolled_crossing": "Uncontrolled road crossing",
    "uncontrolled_access_point": "Uncontrolled access point",
    "access_point_off_boundary": "Access point off the boundary",
    "sra_outside_airside": "SRA outside airside",
    "critical_part_outside_sra": "Critical part outside SRA",
    "clear_zone_obstruction": "Clear zone obstruction",
}

HORIZON_LABELS = {
    "immediate": "immediate",
    "short": "short (≤ 3 months)",
    "medium": "medium (≤ 12 months)",
    "long": "long",
}
ACTION_STATUS_LABELS = {
    "open": "open",
    "in_progress": "in progress",
    "done": "done",
    "cancelled": "cancelled",
}
SEVERITY_LABELS = {"critical": "critical", "major": "major", "minor": "minor"}
WEIGHT_LABELS = {1: "minor", 2: "major", 3: "critical"}
PROVISION_KIND_LABELS = {
    "standard": "Standard",
    "recommended_practice": "Recommended Practice",
    "regulation": "Regulation",
    "guidance": "Guidance material",
}
RELATIONSHIP_LABELS = {
    "equal": "equal",
    "subset": "subset",
    "superset": "superset",
    "intersect": "intersect",
}


def status_label(status: str) -> str:
    """The translated label of a response status."""
    return tr(STATUS_LABELS.get(str(status), str(status)))


def kind_label(kind: str) -> str:
    """The translated label of a feature kind."""
    return tr(KIND_LABELS.get(kind, kind))


def field_label(field: str) -> str:
    """The translated label of a feature property."""
    return tr(FIELD_LABELS.get(field, field.replace("_", " ")))


def value_label(value: Any) -> str:
    """The translated label of a property value (booleans as yes / no)."""
    if value is True:
        return tr("yes")
    if value is False:
        return tr("no")
    return tr(VALUE_LABELS.get(str(value), str(value)))


def rule_label(rule: str) -> str:
    """The translated label of a geometry rule id."""
    return tr(RULE_LABELS.get(rule, rule.replace("_", " ")))


def horizon_label(horizon: str) -> str:
    """The translated label of an outline horizon."""
    return tr(HORIZON_LABELS.get(horizon, horizon))


def action_status_label(status: str) -> str:
    """The translated label of an action status."""
    return tr(ACTION_STATUS_LABELS.get(status, status))


def severity_label(severity: str) -> str:
    """The translated label of a finding severity."""
    return tr(SEVERITY_LABELS.get(severity, severity))


def weight_label(weight: int) -> str:
    """The translated label of an item weight."""
    return tr(WEIGHT_LABELS.get(int(weight), str(weight)))


def all_label_strings() -> list[str]:
    """Every English label above (the i18n test checks each has a translation)."""
    tables: list[dict[Any, str]] = [
        STATUS_LABELS,
        KIND_LABELS,
        FIELD_LABELS,
        VALUE_LABELS,
        RULE_LABELS,
        HORIZON_LABELS,
        ACTION_STATUS_LABELS,
        SEVERITY_LABELS,
        WEIGHT_LABELS,
        PROVISION_KIND_LABELS,
        RELATIONSHIP_LABELS,
        DRAW_TIPS,
    ]
    return [label for table in tables for label in table.values()]
