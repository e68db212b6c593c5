"""Default detection and delay of barriers and access points for the path analysis.

A barrier or access point's ``p_detect`` (0..1), ``delay_s`` (seconds) and ``detect_at``
(B, M or E) come from its own properties of those names when set, else from this table, by
what the layout records about the feature. Every figure names its source. The method is
EASI (M. L. Garcia, *Design and Evaluation of Physical Protection Systems*, Sandia National
Laboratories); the figures themselves are **estimates** for an unprepared intruder on foot
without tools beyond hand tools, reasoned below, because no published table for airport
perimeter elements could be confirmed. A site's tested figures (performance tests, vendor
sensor data) replace them through the feature properties.

Detection from independent means combines as 1 - prod(1 - p): a fence with intrusion
detection and CCTV is detected unless both miss.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULT_TABLE", "Figure", "barrier_figures", "access_point_figures", "next_upgrade"]


def N_(message: str) -> str:
    """Mark a string for the gettext catalogue; it is translated where it is shown."""
    return message


#: Barriers at least this tall count as full-height (the common 2.44 m guidance figure).
FULL_HEIGHT_M = 2.44


@dataclass(frozen=True)
class Figure:
    """One default value and where it comes from."""

    value: float
    source: str


#: The table shown in the app, README and report: (what, field, figure). Sources are msgids,
#: translated where shown.
DEFAULT_TABLE: dict[str, Figure] = {
    "fence_delay_s": Figure(
        10.0, N_("estimate: a person climbs a chain-link fence below 2.44 m in about 10 s")
    ),
    "fence_full_height_delay_s": Figure(
        15.0, N_("estimate: a 2.44 m fence needs a few more seconds to climb than a low one")
    ),
    "wall_delay_s": Figure(
        20.0, N_("estimate: a wall offers no foothold; climbing without an aid takes longer")
    ),
    "natural_delay_s": Figure(
        5.0, N_("estimate: a ditch, hedge or bank slows a person for a few seconds")
    ),
    "barbed_wire_delay_s": Figure(
        5.0, N_("estimate: barbed wire on top must be covered or cut before crossing")
    ),
    "razor_wire_delay_s": Figure(
        15.0, N_("estimate: razor wire (concertina) is slower to cross than barbed wire")
    ),
    "damaged_delay_factor": Figure(
        0.5, N_("estimate: a damaged barrier (holes, loose panels) halves its delay")
    ),
    "intrusion_detection_p": Figure(
        0.9,
        N_(
            "estimate: fence sensors alarm on climbing or cutting; 0.9 allows for nuisance-alarm "
            "tuning and sensor gaps (EASI treats detection as sensing plus assessment)"
        ),
    ),
    "cctv_lit_p": Figure(
        0.5,
        N_(
            "estimate: a monitored camera on a lit stretch; an operator watching many screens "
            "notices about half of the crossings"
        ),
    ),
    "cctv_unlit_p": Figure(
        0.2, N_("estimate: a camera without lighting sees little at night (about half the time)")
    ),
    "lighting_p": Figure(
        0.1, N_("estimate: lighting alone lets patrols and staff notice an intruder now and then")
    ),
    "staffed_p": Figure(
        0.8, N_("estimate: a guard at the gate challenges most people without a valid pass")
    ),
    "staffed_delay_s": Figure(30.0, N_("estimate: talking or forcing past a guard")),
    "screening_p": Figure(
        0.95, N_("estimate: screening adds a second check of the person and what they carry")
    ),
    "screening_delay_s": Figure(60.0, N_("estimate: queue and screening process")),
    "electronic_p": Figure(
        0.5,
        N_(
            "estimate: a card reader alarms on a forced door but not on tailgating, about half "
            "of the attempts"
        ),
    ),
    "electronic_delay_s": Figure(20.0, N_("estimate: waiting to tailgate or forcing the door")),
    "locked_p": Figure(0.1, N_("estimate: a locked gate is rarely watched")),
    "locked_delay_s": Figure(45.0, N_("estimate: cutting a padlock or climbing the gate")),
    "uncontrolled_p": Figure(0.0, N_("an uncontrolled access point neither detects nor delays")),
}

#: Upgrade wording (gettext-marked; translated where shown).
UPGRADE_TEXT = {
    "intrusion_detection": N_("add intrusion detection"),
    "cctv": N_("add CCTV"),
    "lighting": N_("add lighting"),
    "barbed_wire": N_("add barbed wire topping"),
    "razor_wire": N_("replace the topping with razor wire"),
    "repair": N_("repair the barrier"),
    "locked": N_("lock the access point"),
    "electronic": N_("add electronic access control"),
    "staffed": N_("staff the access point"),
    "screening": N_("add screening"),
    "close": N_("close the opening with a fence"),
}


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(str(value).strip().removesuffix("m").strip().replace(",", "."))
    except ValueError:
        return None


def _combine(*probabilities: float) -> float:
    miss = 1.0
    for p in probabilities:
        miss *= 1.0 - p
    return 1.0 - miss


def barrier_figures(props: Mapping[str, Any]) -> tuple[float, float, str]:
    """Default (p_detect, delay_s, detect_at) of a barrier from its properties."""
    t = DEFAULT_TABLE
    kind = str(props.get("barrier") or "fence")
    height = _number(props.get("height_m"))
    if kind == "wall":
        delay = t["wall_delay_s"].value
    elif kind == "natural":
        delay = t["natural_delay_s"].value
    elif height is not None and height >= FULL_HEIGHT_M:
        delay = t["fence_full_height_delay_s"].value
    else:
        delay = t["fence_delay_s"].value
    topping = str(props.get("topping") or "none")
    if topping == "barbed_wire":
        delay += t["barbed_wire_delay_s"].value
    elif topping == "razor_wire":
        delay += t["razor_wire_delay_s"].value
    if str(props.get("condition") or "good") == "damaged":
        delay *= t["damaged_delay_factor"].value
    sensors = []
    if _flag(props.get("intrusion_detection")):
        sensors.append(t["intrusion_detection_p"].value)
    if _flag(props.get("cctv")):
        lit = _flag(props.get("lighting"))
        sensors.append(t["cctv_lit_p" if lit else "cctv_unlit_p"].value)
    elif _flag(props.get("lighting")):
        sensors.append(t["lighting_p"].value)
    # Fence sensors alarm as the climb starts; people and cameras notice it under way.
    detect_at = "B" if _flag(props.get("intrusion_detection")) else "M"
    return _combine(*sensors), delay, detect_at


def access_point_figures(props: Mapping[str, Any]) -> tuple[float, float, str]:
    """Default (p_detect, delay_s, detect_at) of an access point from its properties."""
    t = DEFAULT_TABLE
    control = str(props.get("control") or "uncontrolled")
    if control == "staffed":
        p, delay = t["staffed_p"].value, t["staffed_delay_s"].value
    elif control == "electronic":
        p, delay = t["electronic_p"].value, t["electronic_delay_s"].value
    elif control == "locked":
        p, delay = t["locked_p"].value, t["locked_delay_s"].value
    else:
        return t["uncontrolled_p"].value, 0.0, "B"
    if _flag(props.get("screening")):
        # Screening is a check of its own at any controlled access point.
        p, delay = max(p, t["screening_p"].value), delay + t["screening_delay_s"].value
    return p, delay, "B"


def next_upgrade(kind: str, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The next level of protection for a feature: (upgrade key, properties to set).

    Barriers gain detection first (it is what EASI rewards most), then delay; access points
    climb the ladder uncontrolled, locked, electronic, staffed, screened. None when the
    feature is at the top of its ladder.
    """
    if kind == "barrier":
        if str(props.get("condition") or "good") == "damaged":
            return "repair", {"condition": "good"}
        if not _flag(props.get("intrusion_detection")):
            return "intrusion_detection", {"intrusion_detection": True}
        if not _flag(props.get("cctv")):
            return "cctv", {"cctv": True, "lighting": True}
        topping = str(props.get("topping") or "none")
        if topping == "none":
            return "barbed_wire", {"topping": "barbed_wire"}
        if topping == "barbed_wire":
            return "razor_wire", {"topping": "razor_wire"}
        return None
    if kind == "access_point":
        control = str(props.get("control") or "uncontrolled")
        ladder = {"uncontrolled": "locked", "locked": "electronic", "electronic": "staffed"}
        if control in ladder:
            return ladder[control], {"control": ladder[control]}
        if control == "staffed" and not _flag(props.get("screening")):
            return "screening", {"screening": True}
        return None
    if kind == "gap":
        return "close", {"barrier": "fence", "height_m": FULL_HEIGHT_M, "topping": "barbed_wire"}
    return None
