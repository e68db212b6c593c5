"""Run the eight geometry rules over a layout (docs/architecture.md, *Geometry rules*).

All measures are taken in a local azimuthal-equidistant projection centred on the airport;
findings come back in WGS84 lon/lat with the measured value, the zone they lie in, the
checklist items their rule informs and a message in English and Spanish.
"""

from __future__ import annotations

import gc
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from avsec.core.assessment import RuleParameters
from avsec.core.checklist import RULE_IDS, Checklist
from avsec.core.findings import SEVERITY_RANK, Finding
from avsec.core.layout import Feature, Kind
from avsec.geo.prepared import PreparedLayout, prepare_layout
from avsec.geo.rules import RULES, SEVERITY, Pending, RuleContext

__all__ = ["SEVERITY", "AnalysisResult", "analysis_json", "analyze"]

#: Decimal places of lon/lat in findings: 1e-7 degrees is about 1 cm.
LONLAT_DECIMALS = 7


@dataclass
class AnalysisResult:
    """Findings and figures of one analysis.

    Attributes
    ----------
    findings
        Sorted most severe first, then by rule, then largest value first.
    metrics
        Perimeter length and coverage, zone areas, counts of features and findings (shares
        as fractions 0..1, as the JSON shapes of docs/architecture.md say).
    ignored
        ``(feature id, reason)`` of the features the rules could not use.
    """

    findings: list[Finding]
    metrics: dict[str, Any]
    ignored: list[tuple[str, str]] = field(default_factory=list)


def analyze(
    features: Sequence[Feature],
    parameters: RuleParameters,
    checklist: Checklist | None = None,
    centre: tuple[float, float] | None = None,
    tracks: Sequence[Sequence[tuple[float, float]]] | None = None,
) -> AnalysisResult:
    """Run every geometry rule over ``features``.

    Parameters
    ----------
    features
        The layout in WGS84 lon/lat.
    parameters
        The assessment's rule thresholds.
    checklist
        When given, each finding lists the items its rule informs.
    centre
        (lon, lat) of the metric projection, normally the airport reference point; the
        centre of the layout when None.
    tracks
        The walked GPS tracks, (lon, lat) per segment; when there are any the metrics add
        ``perimeter_inspected_m`` and ``perimeter_inspected_share`` (avsec.geo.tracks).

    Returns
    -------
    AnalysisResult
    """
    with _collector_paused():
        layout = prepare_layout(features, centre)
        ctx = RuleContext(layout=layout, parameters=parameters)
        if layout.centre_note:
            ctx.notes["centre"] = layout.centre_note
        pending: list[Pending] = []
        for rule in RULES:
            pending.extend(rule(ctx))
        findings = _finish(layout, pending, checklist)
        metrics = _metrics(ctx, findings)
        if tracks:
            from avsec.geo.tracks import inspection_metrics

            metrics.update(inspection_metrics(layout, tracks, parameters.track_buffer_m))
    return AnalysisResult(findings=findings, metrics=metrics, ignored=layout.ignored)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the rules run.

    The analysis makes hundreds of thousands of short-lived objects (geometries, arrays) and no
    reference cycle; each full pass of the collector walks every object of the process (the
    layout's own hundreds of thousands of coordinate lists too), so with the collector on, the
    time grew faster than the layout.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _round_lonlat(coords: np.ndarray) -> np.ndarray:
    return np.round(coords, LONLAT_DECIMALS)


def _finish(
    layout: PreparedLayout, pending: list[Pending], checklist: Checklist | None
) -> list[Finding]:
    """Project pending findings back to lon/lat, set their zone and items, and sort them."""
    if not pending:
        return []
    projection = layout.projection
    points_m = shapely.points([p.xy for p in pending])
    zones = layout.zone_at(points_m)
    # One projection call for all locations and one for all geometries.
    points_ll = shapely.get_coordinates(projection.to_lonlat(points_m))
    geoms_ll = shapely.transform(
        projection.to_lonlat(np.array([p.geometry for p in pending], dtype=object)), _round_lonlat
    )
    geojson = shapely.to_geojson(geoms_ll)
    items = {rule: (checklist.items_for_rule(rule) if checklist else []) for rule in RULE_IDS}
    findings = [
        Finding(
            rule=p.rule,
            severity=p.severity,  # type: ignore[arg-type]
            value=float(p.value),
            unit=p.unit,
            location=(
                round(float(lonlat[0]), LONLAT_DECIMALS),
                round(float(lonlat[1]), LONLAT_DECIMALS),
            ),
            geometry=json.loads(text),
            features=p.features,
            items=list(items.get(p.rule, [])),
            message=p.message,
            zone=zone,
        )
        for p, lonlat, text, zone in zip(pending, points_ll, geojson, zones, strict=True)
    ]
    order = {rule: n for n, rule in enumerate(RULE_IDS)}
    findings.sort(
        key=lambda f: (-SEVERITY_RANK[f.severity], order.get(f.rule, 99), -f.value, f.location)
    )
    return findings


def _metrics(ctx: RuleContext, findings: list[Finding]) -> dict[str, Any]:
    layout = ctx.layout
    kinds = Counter(f.kind for f in layout.features)

    def area(kind: str) -> float:
        zone = layout.zone(kind)
        return round(float(zone.area), 1) if zone is not None else 0.0

    barrier_length = float(shapely.length(layout.geoms[layout.indexes(Kind.BARRIER)]).sum())
    road_length = float(shapely.length(layout.geoms[layout.indexes(Kind.ROAD)]).sum())
    coverage = ctx.coverage
    perimeter = coverage.total_length if coverage else 0.0
    gaps = coverage.gap_length if coverage else 0.0
    rules = Counter(f.rule for f in findings)
    severities = Counter(f.severity for f in findings)
    return {
        "centre": [
            round(layout.projection.lon0, LONLAT_DECIMALS),
            round(layout.projection.lat0, LONLAT_DECIMALS),
        ],
        "features": len(layout.features) + len(layout.ignored),
        "features_analysed": len(layout.features),
        "features_ignored": len(layout.ignored),
        "features_by_kind": {str(k): kinds.get(str(k), 0) for k in Kind},
        "access_points": kinds.get(Kind.ACCESS_POINT, 0),
        "perimeter_length_m": round(perimeter, 2),
        "perimeter_covered_m": round(perimeter - gaps, 2),
        "perimeter_gap_m": round(gaps, 2),
        # Share of the airside boundary with a barrier within tolerance, 0..1 (null: no airside).
        "perimeter_covered": round(1 - gaps / perimeter, 4) if perimeter > 0 else None,
        "perimeter_barriers": 0 if ctx.perimeter_barriers is None else len(ctx.perimeter_barriers),
        "barrier_length_m": round(barrier_length, 2),
        "road_length_m": round(road_length, 2),
        "airside_area_m2": area(Kind.AIRSIDE),
        "sra_area_m2": area(Kind.SRA),
        "critical_part_area_m2": area(Kind.CRITICAL_PART),
        "landside_area_m2": area(Kind.LANDSIDE),
        "findings": len(findings),
        "findings_by_rule": {rule: rules.get(rule, 0) for rule in RULE_IDS},
        "findings_by_severity": {s: severities.get(s, 0) for s in ("critical", "major", "minor")},
        "parameters": ctx.parameters.model_dump(mode="json"),
        "notes": dict(ctx.notes),
    }


def analysis_json(result: AnalysisResult, lang: str = "en") -> dict[str, Any]:
    """Return the ``analyze --json`` shape: ``{"findings": [...], "metrics": {...}}``."""
    return {
        "findings": [finding.to_json(lang) for finding in result.findings],
        "metrics": result.metrics,
    }
