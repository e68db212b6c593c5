"""Adversary path analysis: the route into each target with the lowest chance of interruption.

The model (EASI, M. L. Garcia, *Design and Evaluation of Physical Protection Systems*):

- Zones nest: outside > airside > SRA > critical part. Targets are every critical part, and
  every SRA that holds no critical part. A route crosses each boundary once, from the
  outside in, then performs its task at the target.
- A route's elements, in order: a **crossing** of each boundary at a candidate point; a
  **travel** leg between consecutive crossing points (straight-line distance / run speed,
  never detected); the **task** (``task_delay_s``, never detected) at the last crossing.
- Candidate crossings of a boundary: an access point within 10 m of it (one access point may
  cross several coincident boundaries at once); an opening (a stretch of boundary no barrier
  covers within the perimeter tolerances, as the ``perimeter_gap`` rule finds it; none where
  the gates lying in it close it with their ``width_m``) crossed at its midpoint and, on openings longer than 25 m, every 25 m along it, with p_detect 0 and
  delay 0; a barrier lying on the boundary (within the offset tolerance), crossed at points
  every 25 m along it and at its ends.
- Each barrier and access point has ``p_detect`` (0..1), ``delay_s`` and ``detect_at``
  (B, M or E): its properties of those names, else :mod:`avsec.geo.path_defaults`.
- Parameters: ``response_time_s`` (300), ``response_sd_s`` (90), ``delay_sd_fraction`` (0.3),
  ``run_speed_mps`` (3.0), ``task_delay_s`` (60).

For each target the weakest route (lowest P(I), :mod:`avsec.geo.path_search`), its critical
detection point, the upgrades of its elements ranked by the P(I) of the best route after each,
and the mean response time at which P(I) would reach 0.8.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from avsec.core.assessment import RuleParameters
from avsec.core.errors import PathAnalysisError
from avsec.core.i18n import N_
from avsec.core.layout import Feature, Kind
from avsec.core.path_actions import ACTION_BELOW_P, PathUpgrade
from avsec.geo.easi import (
    DETECT_AT,
    EasiParameters,
    Element,
    critical_detection_point,
    interruption,
    required_response_time,
)
from avsec.geo.path_crossings import Crossings, route_layers
from avsec.geo.path_defaults import UPGRADE_TEXT, access_point_figures, barrier_figures
from avsec.geo.path_defaults import next_upgrade as _next_upgrade
from avsec.geo.path_search import Layer, Step, best_route
from avsec.geo.prepared import PreparedLayout, prepare_layout

__all__ = ["PathResult", "TargetRoute", "analyse_paths", "easi_parameters", "paths_json"]

#: Overlap (m²) below which two zones do not overlap (digitising slivers).
MIN_OVERLAP_M2 = 1.0
#: P(I) the response time is sized for.
TARGET_P_INTERRUPTION = 0.8
#: The parameters of the model, with their names as assessment parameters.
PARAMETER_NAMES = (
    "response_time_s",
    "response_sd_s",
    "delay_sd_fraction",
    "run_speed_mps",
    "task_delay_s",
)

Figures = dict[str, tuple[float, float, str]]


@dataclass
class RouteElement:
    """One element of a route, in metres (see :func:`paths_json` for lon/lat)."""

    kind: str  # crossing | travel | task
    via: str | None  # gap | barrier | access_point | None
    feature: str | None
    xy: tuple[float, float] | None
    p_detect: float
    delay_s: float
    detect_at: str
    key: str = ""  # key of its figures (feature id, or the opening's own key)


@dataclass
class Upgrade:
    """What one upgrade of a route element does to the target's weakest route."""

    feature: str | None
    key: str
    change: str  # an upgrade key of path_defaults.UPGRADE_TEXT
    p_interruption_after: float

    @property
    def text(self) -> str:
        """The change in English (translate with gettext where shown)."""
        return UPGRADE_TEXT[self.change]


@dataclass
class TargetRoute:
    """The weakest route into one target."""

    target: str
    kind: str
    name: str
    p_interruption: float | None
    critical_detection_point: int | None
    route: list[RouteElement]
    upgrades: list[Upgrade] = field(default_factory=list)
    required_response_time_s: float | None = None


@dataclass
class PathResult:
    """Every target's weakest route; ``weakest`` is the target with the lowest P(I)."""

    params: EasiParameters
    targets: list[TargetRoute]
    projection: Any = None

    @property
    def weakest(self) -> TargetRoute | None:
        """The target with the lowest P(I), or None without targets."""
        rated = [t for t in self.targets if t.p_interruption is not None]
        return min(rated, key=lambda t: t.p_interruption or 0.0) if rated else None


def easi_parameters(rules: RuleParameters | None = None, **overrides: float) -> EasiParameters:
    """The model's parameters from the assessment's, with ``overrides`` applied."""
    values = {
        name: float(getattr(rules, name, getattr(EasiParameters, name))) for name in PARAMETER_NAMES
    }
    values.update({k: float(v) for k, v in overrides.items()})
    return EasiParameters(**values)


# --- validation -------------------------------------------------------------------------


def _named(feature: Feature) -> str:
    return (
        f"{feature.kind} “{feature.name}” ({feature.id})"
        if feature.name
        else (f"{feature.kind} {feature.id}")
    )


def _number(feature: Feature, name: str) -> float | None:
    value = feature.properties.get(name)
    if value is None or value == "":
        return None
    try:
        text = value.strip().replace(",", ".") if isinstance(value, str) else value
        number = float(text) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise PathAnalysisError(
            N_("{feature}: {name} {value!r} is not a number"),
            feature=_named(feature),
            name=name,
            value=value,
        )
    return number


def element_figures(feature: Feature) -> tuple[float, float, str]:
    """(p_detect, delay_s, detect_at) of a barrier or access point: its own, else the defaults.

    Raises
    ------
    PathAnalysisError
        A p_detect outside 0..1, a negative delay or a detect_at other than B, M, E.
    """
    props = feature.properties
    if feature.kind == Kind.BARRIER:
        p, delay, at = barrier_figures(props)
    else:
        p, delay, at = access_point_figures(props)
    own_p = _number(feature, "p_detect")
    if own_p is not None:
        if not 0.0 <= own_p <= 1.0:
            raise PathAnalysisError(
                N_("{feature}: p_detect {own_p:g} is outside 0..1"),
                feature=_named(feature),
                own_p=own_p,
            )
        p = own_p
    own_delay = _number(feature, "delay_s")
    if own_delay is not None:
        if own_delay < 0:
            raise PathAnalysisError(
                N_("{feature}: delay_s {own_delay:g} is negative"),
                feature=_named(feature),
                own_delay=own_delay,
            )
        delay = own_delay
    own_at = props.get("detect_at")
    if own_at not in (None, ""):
        if str(own_at).upper() not in DETECT_AT:
            raise PathAnalysisError(
                N_("{feature}: detect_at {own_at!r} must be B, M or E"),
                feature=_named(feature),
                own_at=own_at,
            )
        at = str(own_at).upper()
    return p, delay, at


# --- zones, targets and candidate crossings ---------------------------------------------


@dataclass
class _Zone:
    index: int  # position in layout.features
    feature: Feature
    geom: BaseGeometry


def _zones(layout: PreparedLayout, kind: str) -> list[_Zone]:
    return [_Zone(int(i), layout.features[i], layout.geoms[i]) for i in layout.indexes(kind)]


def _container(zone: _Zone, among: list[_Zone]) -> _Zone | None:
    """The zone of ``among`` that holds most of ``zone``, or None when none overlaps it."""
    best, area = None, MIN_OVERLAP_M2
    for other in among:
        if len(among) == 1 and shapely.contains(other.geom, zone.geom):
            return other
        if shapely.intersects(other.geom, zone.geom):
            shared = float(shapely.area(shapely.intersection(other.geom, zone.geom)))
            if shared > area:
                best, area = other, shared
    return best


def _check_overlaps(targets: list[_Zone]) -> None:
    if len(targets) < 2:
        return
    geoms = np.array([t.geom for t in targets], dtype=object)
    tree = STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    for a, b in zip(left, right, strict=True):
        if a < b:
            shared = float(shapely.area(shapely.intersection(geoms[a], geoms[b])))
            if shared > MIN_OVERLAP_M2:
                raise PathAnalysisError(
                    N_(
                        "targets {feature} and {feature2} overlap ({shared:,.0f} m²): each critical part must be a zone of its own"
                    ),
                    feature=_named(targets[a].feature),
                    feature2=_named(targets[b].feature),
                    shared=shared,
                )


# --- the analysis ------------------------------------------------------------------------


def _route_elements(
    steps: list[Step],
    layers: list[Layer],
    vias: list[list[str]],
    figures: Figures,
    params: EasiParameters,
    gaps: dict[str, str | None],
) -> list[RouteElement]:
    out: list[RouteElement] = []
    previous: np.ndarray | None = None
    for step in steps:
        layer = layers[step.layer]
        xy = layer.xy[step.index]
        if previous is not None:
            metres = float(np.hypot(*(xy - previous)))
            out.append(
                RouteElement("travel", None, None, None, 0.0, metres / params.run_speed_mps, "B")
            )
        key = layer.keys[step.index]
        p, delay, at = figures[key]
        via = vias[step.layer][step.index]
        feature = None if key in gaps else key
        out.append(
            RouteElement("crossing", via, feature, (float(xy[0]), float(xy[1])), p, delay, at, key)
        )
        previous = xy
    last_xy = out[-1].xy if out else None
    out.append(RouteElement("task", None, None, last_xy, 0.0, params.task_delay_s, "B"))
    return out


def _elements(route: list[RouteElement]) -> list[Element]:
    return [Element(e.p_detect, e.delay_s, e.detect_at) for e in route]


def _upgraded(
    key: str, features: dict[str, Feature], figures: Figures
) -> tuple[str, tuple[float, float, str]] | None:
    """The next upgrade of the element with figure ``key`` and its new figures."""
    feature = features.get(key)
    if feature is None:  # an opening
        found = _next_upgrade("gap", {})
        if found is None:
            return None
        change, props = found
        return change, barrier_figures(props)
    found = _next_upgrade(str(feature.kind), feature.properties)
    if found is None:
        return None
    change, props = found
    merged = {**feature.properties, **props}
    defaults = barrier_figures if feature.kind == Kind.BARRIER else access_point_figures
    p, delay, at = defaults(merged)
    old_p, old_delay, _ = figures[key]
    # Own figures stay unless the upgrade's defaults are better.
    return change, (max(p, old_p), max(delay, old_delay), at)


def analyse_paths(
    features: Sequence[Feature],
    rules: RuleParameters | None = None,
    centre: tuple[float, float] | None = None,
    params: EasiParameters | None = None,
    upgrades: bool | str = True,
) -> PathResult:
    """Find the weakest route into every target of a layout.

    ``upgrades``: True ranks the upgrades of every target's route and finds the response time
    each needs; ``"weakest"`` finds every response time but ranks the upgrades of the weakest
    target's route only (all the report shows); False does neither.

    Raises
    ------
    PathAnalysisError
        No airside zone; a target outside every SRA or the airside; overlapping targets;
        a p_detect outside 0..1, a negative delay or a bad detect_at (naming the feature).
    """
    rules = rules or RuleParameters()
    params = params or easi_parameters(rules)
    layout = prepare_layout(features, centre)
    by_id = {f.id: f for f in layout.features}
    figures: Figures = {}
    for kind in (Kind.BARRIER, Kind.ACCESS_POINT):
        for i in layout.indexes(kind):
            feature = layout.features[i]
            figures[feature.id] = element_figures(feature)
    airside = layout.zone(Kind.AIRSIDE)
    if airside is None:
        raise PathAnalysisError(
            N_("the layout has no airside zone: every adversary route starts by crossing it")
        )
    sras = _zones(layout, Kind.SRA)
    parts = _zones(layout, Kind.CRITICAL_PART)
    targets: list[tuple[_Zone, list[tuple[str, BaseGeometry]]]] = []
    airside_zone = _Zone(-1, Feature(id="airside", kind="airside", geometry={}), airside)
    for part in parts:
        sra = _container(part, sras)
        if sra is None:
            raise PathAnalysisError(
                N_(
                    "{feature} lies outside every SRA: a critical part must be inside a security restricted area"
                ),
                feature=_named(part.feature),
            )
        if _container(part, [airside_zone]) is None:
            raise PathAnalysisError(
                N_("{feature} lies outside the airside"), feature=_named(part.feature)
            )
        zones = [("airside", airside), (sra.feature.id, sra.geom), (part.feature.id, part.geom)]
        targets.append((part, zones))
    for sra in sras:
        if any(_container(part, [sra]) is not None for part in parts):
            continue
        if _container(sra, [airside_zone]) is None:
            raise PathAnalysisError(
                N_("{feature} lies outside the airside"), feature=_named(sra.feature)
            )
        targets.append((sra, [("airside", airside), (sra.feature.id, sra.geom)]))
    _check_overlaps([t for t, _ in targets])

    crossings = Crossings(layout, rules)
    results = []
    target_layers: dict[int, list[Layer]] = {}
    for target, zones in targets:
        layers, vias = route_layers(crossings, zones)
        for key in crossings.gaps:
            figures.setdefault(key, (0.0, 0.0, "B"))
        found = best_route(layers, figures, params, crossings.trees)
        if found is None:
            results.append(
                TargetRoute(
                    target.feature.id, target.feature.kind, target.feature.name, None, None, []
                )
            )
            continue
        p_i, steps = found
        route = _route_elements(steps, layers, vias, figures, params, crossings.gaps)
        elements = _elements(route)
        result = TargetRoute(
            target=target.feature.id,
            kind=str(target.feature.kind),
            name=target.feature.name,
            p_interruption=interruption(elements, params),
            critical_detection_point=critical_detection_point(elements, params),
            route=route,
        )
        if upgrades:
            if upgrades is True:
                result.upgrades = _rank_upgrades(
                    route, layers, figures, by_id, params, crossings.trees
                )
            else:
                target_layers[id(result)] = layers
            result.required_response_time_s = _required_time(
                layers, vias, figures, params, crossings.gaps, elements, crossings.trees
            )
        results.append(result)
    paths = PathResult(params=params, targets=results, projection=layout.projection)
    weakest = paths.weakest
    if upgrades == "weakest" and weakest is not None:
        weakest.upgrades = _rank_upgrades(
            weakest.route, target_layers[id(weakest)], figures, by_id, params, crossings.trees
        )
    return paths


def _rank_upgrades(
    route: list[RouteElement],
    layers: list[Layer],
    figures: Figures,
    features: dict[str, Feature],
    params: EasiParameters,
    trees: dict[bytes, Any],
) -> list[Upgrade]:
    """Each crossing's next upgrade with the target's weakest P(I) after it, best first."""
    out: list[Upgrade] = []
    seen: set[str] = set()
    for element in route:
        if element.kind != "crossing" or element.key in seen:
            continue
        seen.add(element.key)
        found = _upgraded(element.key, features, figures)
        if found is None:
            continue
        change, new = found
        trial = dict(figures)
        trial[element.key] = new
        after = best_route(layers, trial, params, trees)
        if after is not None:
            out.append(Upgrade(element.feature, element.key, change, after[0]))
    out.sort(key=lambda u: -u.p_interruption_after)
    return out


def _required_time(
    layers: list[Layer],
    vias: list[list[str]],
    figures: Figures,
    params: EasiParameters,
    gaps: dict[str, str | None],
    elements: list[Element],
    trees: dict[bytes, Any],
) -> float | None:
    """The largest mean response time at which every route's P(I) is at least 0.8.

    Each route's P(I) falls as the response time grows, so the answer is the smallest of the
    routes' own required times: start from the weakest route's, search again at that time,
    and repeat with the new weakest route while it falls short (a few rounds at most).
    """
    time = required_response_time(elements, params, TARGET_P_INTERRUPTION)
    for _ in range(6):
        if time is None:
            return None
        trial = replace(params, response_time_s=time)
        found = best_route(layers, figures, trial, trees)
        if found is None or found[0] >= TARGET_P_INTERRUPTION - 1e-6:
            return time
        route = _route_elements(found[1], layers, vias, figures, trial, gaps)
        time = required_response_time(_elements(route), params, TARGET_P_INTERRUPTION)
    return time


def paths_json(result: PathResult) -> dict[str, Any]:
    """The ``avsec paths --json`` shape, with each target's upgrades and required time."""
    projection = result.projection

    def lonlat(xy: tuple[float, float] | None) -> list[float] | None:
        if xy is None or projection is None:
            return None
        lon, lat = projection.point_to_lonlat(*xy)
        return [round(lon, 7), round(lat, 7)]

    weakest = result.weakest
    return {
        "params": {name: getattr(result.params, name) for name in PARAMETER_NAMES},
        "targets": [
            {
                "target": t.target,
                "kind": t.kind,
                "name": t.name,
                "p_interruption": None if t.p_interruption is None else round(t.p_interruption, 4),
                "critical_detection_point": t.critical_detection_point,
                "route": [
                    {
                        "kind": e.kind,
                        "via": e.via,
                        "feature": e.feature,
                        "location": lonlat(e.xy),
                        "p_detect": round(e.p_detect, 4),
                        "delay_s": round(e.delay_s, 2),
                        "detect_at": e.detect_at,
                    }
                    for e in t.route
                ],
                "upgrades": [
                    {
                        "feature": u.feature,
                        "change": u.change,
                        "p_interruption_after": round(u.p_interruption_after, 4),
                    }
                    for u in t.upgrades
                ],
                "required_response_time_s": (
                    None
                    if t.required_response_time_s is None
                    else round(t.required_response_time_s, 1)
                ),
            }
            for t in result.targets
        ],
        "weakest": weakest.target if weakest else None,
        # What to fix first on the weakest route, and the response time it would need.
        "upgrades": [
            {
                "feature": u.feature,
                "change": u.change,
                "p_interruption_after": round(u.p_interruption_after, 4),
            }
            for u in (weakest.upgrades if weakest else [])
        ],
        "required_response_time_s": (
            None
            if weakest is None or weakest.required_response_time_s is None
            else round(weakest.required_response_time_s, 1)
        ),
    }


def outline_upgrades(
    result: PathResult,
    translate: Callable[[str], str] = str,
    names: Mapping[str, str] | None = None,
) -> list[PathUpgrade]:
    """The top upgrade of every target with P(I) < 0.5, for the improvement outline.

    ``names`` gives the features' names for the action titles (their ids otherwise).
    """
    names = names or {}
    out = []
    for t in result.targets:
        if t.p_interruption is None or t.p_interruption >= ACTION_BELOW_P or not t.upgrades:
            continue
        top = t.upgrades[0]
        out.append(
            PathUpgrade(
                target=t.target,
                target_name=t.name,
                p_interruption=t.p_interruption,
                feature=top.feature,
                change=translate(top.text),
                p_after=top.p_interruption_after,
                feature_name=names.get(top.feature or "", ""),
            )
        )
    return out


def path_upgrades(
    features: Sequence[Feature],
    rules: RuleParameters | None = None,
    centre: tuple[float, float] | None = None,
    translate: Callable[[str], str] = str,
) -> list[PathUpgrade]:
    """:func:`outline_upgrades` of a layout; none when the layout cannot be analysed.

    The outline must not fail on a layout the path analysis refuses (no airside, a bad
    figure): ``avsec paths`` and the Paths panel report those.
    """
    try:
        names = {f.id: f.name for f in features if f.name}
        return outline_upgrades(analyse_paths(features, rules, centre), translate, names)
    except PathAnalysisError:
        return []
