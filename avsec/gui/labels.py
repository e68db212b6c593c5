"""Display labels of the app's fixed data values (kinds, fields, values, weights, provisions).

Every label is marked with ``N_()`` where it is defined (``pybabel extract`` finds it there) and
translated with :func:`avsec.gui.i18n.tr` when shown. Statuses, horizons, action states,
severities and rules share one table with the report, the action plan and the command line
(:mod:`avsec.core.labels`). No model import: the start page uses some of them before any
model is loaded.
"""

from __future__ import annotations

from typing import Any

from avsec.core import labels as core_labels
from avsec.core.labels import (
    ACTION_STATUS_LABELS,
    HORIZON_LABELS,
    RULE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
)
from avsec.gui.i18n import N_, language, tr


def percent_text(value: float | None) -> str:
    """A 0..1 share as a whole percentage in a table cell, or an en dash when there is none."""
    return "–" if value is None else f"{value * 100:.0f}\u00a0%"


__all__ = [
    "ACTION_STATUS_LABELS",
    "HORIZON_LABELS",
    "RULE_LABELS",
    "SEVERITY_LABELS",
    "STATUS_LABELS",
]

#: Menus in the order they appear; titles are English keys translated when built.
MENUS = (
    N_("&File"),
    N_("&Edit"),
    N_("&View"),
    N_("&Checklist"),
    N_("&Map"),
    N_("&Outline"),
    N_("&Workshop"),
    N_("&Help"),
)

#: Statuses in the order of keys 1-5 (spelling fixed: docs/architecture.md, *Statuses*).
#: Statuses in the order of keys 1-5.
STATUSES = ("compliant", "partially_compliant", "not_compliant", "not_applicable", "not_assessed")

KIND_LABELS = {
    "airside": N_("airside"),
    "sra": N_("SRA"),
    "critical_part": N_("critical part"),
    "landside": N_("landside"),
    "building": N_("building"),
    "parking": N_("parking"),
    "barrier": N_("barrier"),
    "road": N_("road"),
    "access_point": N_("access point"),
    "obstacle": N_("obstacle"),
}
#: Tooltips of the drawing tools.
DRAW_TIPS = {
    "airside": N_("Draw an airside zone (polygon)"),
    "sra": N_("Draw a security restricted area (polygon)"),
    "critical_part": N_("Draw a critical part of an SRA (polygon)"),
    "landside": N_("Draw a landside zone (polygon)"),
    "building": N_("Draw a building (polygon)"),
    "parking": N_("Draw a parking area (polygon)"),
    "barrier": N_("Draw a barrier: fence, wall (line)"),
    "road": N_("Draw a road (line)"),
    "access_point": N_("Place an access point (point)"),
    "obstacle": N_("Place an obstacle: tree, pole, container (point)"),
}
#: Kinds in drawing-palette order: zones first, then lines, then points.
KINDS = tuple(KIND_LABELS)

FIELD_LABELS = {
    "name": N_("name"),
    "role": N_("role"),
    "barrier": N_("barrier"),
    "height_m": N_("height (m)"),
    "topping": N_("topping"),
    "condition": N_("condition"),
    "lighting": N_("lighting"),
    "cctv": N_("CCTV"),
    "intrusion_detection": N_("intrusion detection"),
    "mode": N_("mode"),
    "control": N_("control"),
    "screening": N_("screening"),
    "width_m": N_("opening width (m)"),
    "obstacle": N_("obstacle"),
    "p_detect": N_("detection probability (0–1)"),
    "delay_s": N_("delay (s)"),
    "detect_at": N_("detected at (B, M, E)"),
    "p_interruption_estimate": N_("team's estimate of P(I) (0–1)"),
}

VALUE_LABELS = {
    "terminal": N_("terminal"),
    "cargo": N_("cargo"),
    "hangar": N_("hangar"),
    "other": N_("other"),
    "fence": N_("fence"),
    "wall": N_("wall"),
    "natural": N_("natural"),
    "none": N_("none"),
    "barbed_wire": N_("barbed wire"),
    "razor_wire": N_("razor wire"),
    "good": N_("good"),
    "damaged": N_("damaged"),
    "pedestrian": N_("pedestrian"),
    "vehicle": N_("vehicle"),
    "mixed": N_("mixed"),
    "staffed": N_("staffed"),
    "electronic": N_("electronic"),
    "locked": N_("locked"),
    "uncontrolled": N_("uncontrolled"),
    "tree": N_("tree"),
    "vegetation": N_("vegetation"),
    "pole": N_("pole"),
    "structure": N_("structure"),
    "container": N_("container"),
}


WEIGHT_LABELS = {1: N_("minor"), 2: N_("major"), 3: N_("critical")}
PROVISION_KIND_LABELS = {
    "standard": N_("Standard"),
    "recommended_practice": N_("Recommended Practice"),
    "regulation": N_("Regulation"),
    "guidance": N_("Guidance material"),
}
RELATIONSHIP_LABELS = {
    "equal": N_("equal"),
    "subset": N_("subset"),
    "superset": N_("superset"),
    "intersect": N_("intersect"),
}


def status_label(status: str) -> str:
    """The translated label of a response status."""
    return core_labels.status_label(str(status), language())


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
    return core_labels.rule_label(rule, language())


def horizon_label(horizon: str) -> str:
    """The translated label of an outline horizon."""
    return core_labels.horizon_label(horizon, language())


def action_status_label(status: str) -> str:
    """The translated label of an action status."""
    return core_labels.action_status_label(status, language())


def severity_label(severity: str) -> str:
    """The translated label of a finding severity."""
    return core_labels.severity_label(severity, language())


def weight_label(weight: int) -> str:
    """The translated label of an item weight."""
    return tr(WEIGHT_LABELS.get(int(weight), str(weight)))
