"""Hand-built layouts in metres, projected to lon/lat around a fixed centre.

Tests describe a layout in local metres (easy to reason about: a 1000 m square, a fence with a
12 m opening) and the builders turn it into lon/lat features with the same projection the
analysis uses, so the expected answers are exact up to floating-point rounding.
"""

from __future__ import annotations

import json
from typing import Any

import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from avsec.core.assessment import RuleParameters
from avsec.core.checklist import Checklist
from avsec.core.layout import Feature
from avsec.geo.analysis import AnalysisResult, analyze
from avsec.geo.projection import LocalProjection

CENTRE = (-80.0, 10.0)
PROJECTION = LocalProjection(*CENTRE)


def lonlat(geom: BaseGeometry, projection: LocalProjection | None = None) -> dict[str, Any]:
    """A metre geometry as a GeoJSON mapping in lon/lat (plain lists)."""
    return json.loads(shapely.to_geojson((projection or PROJECTION).to_lonlat(geom)))


def feature(
    kind: str,
    geom: BaseGeometry,
    fid: str | None = None,
    *,
    projection: LocalProjection | None = None,
    **properties: Any,
) -> Feature:
    """A feature of ``kind`` from a metre geometry (around CENTRE unless ``projection``)."""
    extra = {"id": fid} if fid else {}
    return Feature(kind=kind, geometry=lonlat(geom, projection), properties=properties, **extra)


def square(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    """An axis-aligned rectangle in metres (counter-clockwise)."""
    return box(x0, y0, x1, y1)


def line(*points: tuple[float, float]) -> LineString:
    """A line through metre points."""
    return LineString(points)


def point(x: float, y: float) -> Point:
    """A metre point."""
    return Point(x, y)


def run(
    features: list[Feature], checklist: Checklist | None = None, **parameters: Any
) -> AnalysisResult:
    """Analyse ``features`` with default parameters overridden by ``parameters``."""
    return analyze(features, RuleParameters(**parameters), checklist=checklist, centre=CENTRE)


def of_rule(result: AnalysisResult, rule: str) -> list:
    """The findings of one rule."""
    return [f for f in result.findings if f.rule == rule]


def fence_around(
    x0: float, y0: float, x1: float, y1: float, fid: str = "fence", **props: Any
) -> Feature:
    """A closed fence along a rectangle's ring."""
    ring = LineString(box(x0, y0, x1, y1).exterior.coords)
    return feature("barrier", ring, fid, barrier="fence", **props)


def training_field(projection: LocalProjection | None = None) -> list[Feature]:
    """A small airport with one finding of every rule and the cases that must not fire.

    Airside 1000 x 1000 m; fence on its ring with a 12 m opening on the south side; a low
    fence stretch; an SRA poking 10 m out of the airside; a critical part poking out of the
    SRA; a road through a staffed gate (no finding) and one with no gate; an uncontrolled gate;
    a gate in the middle of nowhere; a building 20 m from the fence (no finding) and one 1 m
    from it.
    """
    p = {"projection": projection}
    return [
        feature("airside", square(0, 0, 1000, 1000), "air", name="Airside", **p),
        feature("landside", square(-300, 0, 0, 1000), "land", name="Landside", **p),
        feature("sra", square(600, 600, 1010, 900), "sra", name="Apron", **p),
        feature("critical_part", square(900, 650, 1050, 700), "cp", name="Gate lounge", **p),
        feature(
            "barrier",
            line((112, 0), (1000, 0), (1000, 1000), (0, 1000)),
            "fence-main",
            barrier="fence",
            height_m=2.5,
            **p,
        ),
        feature(
            "barrier",
            line((0, 1000), (0, 0), (100, 0)),
            "fence-low",
            barrier="fence",
            height_m=1.8,
            **p,
        ),
        feature("road", line((-50, 500), (50, 500)), "road-gate", name="Main road", **p),
        feature(
            "access_point", point(0, 500), "gate-main", name="Main gate", control="staffed", **p
        ),
        feature("road", line((500, -50), (500, 50)), "road-open", name="Back road", **p),
        feature(
            "access_point",
            point(1000, 300),
            "gate-open",
            name="North gate",
            control="uncontrolled",
            **p,
        ),
        feature(
            "access_point", point(300, 300), "gate-lost", name="Lost gate", control="locked", **p
        ),
        feature("building", square(300, 960, 320, 980), "bldg-far", role="hangar", **p),
        feature("building", square(700, 1, 720, 21), "bldg-near", role="cargo", **p),
    ]
