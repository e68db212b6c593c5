"""The zone map: the airport layout in metres, with a scale bar, a north arrow, a legend
and the numbered findings, drawn as vector graphics on a :class:`MapCanvas`."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import GeometryCollection, mapping, shape
from shapely.geometry.base import BaseGeometry

from avsec.core.findings import Finding, finding_label, finding_numbers
from avsec.core.layout import Feature
from avsec.geo.prepared import parse_geometries
from avsec.geo.projection import LocalProjection
from avsec.report import colours
from avsec.report.figures.map_canvas import Key, MapCanvas
from avsec.report.figures.track_layer import TrackLayer, draw_tracks
from avsec.report.text import severity_label, tr

#: Finding colours (the app's).
SEVERITY_COLOURS = colours.SEVERITY

#: Area kinds filled in this order: zones from the outermost in, then parking and buildings.
FILL_ORDER = ("landside", "airside", "sra", "critical_part", "parking", "building")
#: Zones whose outline is drawn again above the buildings (the critical part also hatched).
OUTLINED_ZONES = ("sra", "critical_part")
#: Access point controls with a legend entry of their own (others are "access point").
CONTROL_LABELS = {
    "staffed": "control_staffed",
    "electronic": "control_electronic",
    "locked": "control_locked",
    "uncontrolled": "feature_uncontrolled",
}


def layout_shapes(features: Sequence[Feature]) -> list[BaseGeometry | None]:
    """Every feature's lon/lat geometry; None for one that cannot be read or is empty.

    Read in a few vectorised calls (:func:`avsec.geo.prepared.parse_geometries`), not one
    ``shape`` per feature, whose per-vertex Python loop made a 20,000-vertex perimeter the
    slowest part of the map; a report drawing the layout twice reads it once and passes the
    result to :func:`layout_map`.
    """
    if not features:
        return []
    parsed = parse_geometries(features)
    geoms = np.array([None if isinstance(g, str) else g for g in parsed], dtype=object)
    known = np.flatnonzero(geoms != None)  # noqa: E711 - elementwise test of an object array
    usable = np.zeros(len(geoms), dtype=bool)
    if len(known):
        bounds = shapely.bounds(geoms[known])
        usable[known] = ~shapely.is_empty(geoms[known]) & np.isfinite(bounds).all(axis=1)
    return [g if ok else None for g, ok in zip(geoms, usable, strict=True)]


def _centre(shapes: Sequence[BaseGeometry | None], findings: Sequence[Finding]) -> LocalProjection:
    """A projection centred on the bounding box of the layout (or of the findings)."""
    bounds = [g.bounds for g in shapes if g is not None]
    bounds += [tuple(f.location) * 2 for f in findings if np.isfinite(f.location).all()]
    if not bounds:
        return LocalProjection(0.0, 0.0)
    arr = np.array(bounds, dtype=float)
    return LocalProjection(
        (arr[:, 0].min() + arr[:, 2].max()) / 2, (arr[:, 1].min() + arr[:, 3].max()) / 2
    )


def _project(
    shapes: Sequence[BaseGeometry | None], projection: LocalProjection
) -> list[BaseGeometry | None]:
    """Project lon/lat geometries to metres in one call; None stays None."""
    usable = [g for g in shapes if g is not None]
    if not usable:
        return list(shapes)
    try:
        # One projection call for all of them: a collection is transformed at once.
        projected = iter(projection.to_metres(GeometryCollection(usable)).geoms)
    except Exception:  # noqa: BLE001 - fall back to one by one, dropping what fails
        return [None if g is None else _geometry(mapping(g), projection) for g in shapes]
    return [None if g is None else next(projected) for g in shapes]


def _geometry(feature_geometry: dict[str, Any], projection: LocalProjection) -> BaseGeometry | None:
    """Project one GeoJSON geometry to metres; None when it is unusable."""
    try:
        geom = projection.to_metres(shape(feature_geometry))
    except Exception:  # noqa: BLE001 - one broken geometry must not stop the map
        return None
    return None if geom.is_empty else geom


def _finding_points(
    findings: Sequence[Finding], projection: LocalProjection
) -> list[tuple[float, float]]:
    """Each finding's location in metres, in one projection call; NaN where it has none."""
    if not findings:
        return []
    lonlat = np.array([f.location for f in findings], dtype=float).reshape(-1, 2)
    xy = projection.points_to_metres(lonlat)
    xy[~np.isfinite(xy).all(axis=1)] = math.nan
    return [(float(x), float(y)) for x, y in xy]


def _finding_shapes(
    findings: Sequence[Finding], projection: LocalProjection
) -> list[BaseGeometry | None]:
    """Each finding's geometry in metres, projected together; None where it has none."""
    shapes: list[BaseGeometry | None] = []
    for finding in findings:
        try:
            geom = shape(finding.geometry) if finding.geometry else None
        except Exception:  # noqa: BLE001 - one broken geometry must not stop the map
            geom = None
        shapes.append(None if geom is None or geom.is_empty else geom)
    return _project(shapes, projection)


def _parts(geom: BaseGeometry, kind: str) -> list[BaseGeometry]:
    """The simple parts of ``geom`` of one dimension ("Polygon", "LineString" or "Point")."""
    if geom.geom_type == kind:
        return [geom]
    if hasattr(geom, "geoms"):
        return [part for g in geom.geoms for part in _parts(g, kind)]
    return []


def layout_map(
    features: Sequence[Feature],
    findings: Sequence[Finding],
    lang: str,
    projection: LocalProjection | None = None,
    numbers: Mapping[str, int] | None = None,
    tracks: TrackLayer | None = None,
    shapes: Sequence[BaseGeometry | None] | None = None,
) -> MapCanvas | None:
    """Draw the airport layout in metres with its numbered findings.

    Zones are filled from the outermost in, then parking and buildings; the outlines of the
    SRA and the critical part (hatched) are drawn again above the buildings, so that a
    critical part under a terminal stays visible. Colours are the app's
    (:mod:`avsec.core.palette`), fills lightened for print.

    Parameters
    ----------
    features
        Layout features (zones, buildings, barriers, roads, access points, obstacles).
    findings
        Geometry findings, in their stored order.
    lang
        Language of the legend.
    projection
        Local metric projection; by default centred on the features.
    numbers
        Finding id -> the number shown in its disc; by default
        :func:`avsec.core.findings.finding_numbers` of ``findings`` (the numbers the app, the
        map key and the outline use).
    tracks
        The walked GPS tracks and the fence they did not inspect, drawn over the barriers.
    shapes
        :func:`layout_shapes` of ``features``, when the caller already has them.

    Returns
    -------
    MapCanvas | None
        The map, to which a caller may add its own layers and legend entries before taking
        its :meth:`~MapCanvas.drawing`; None when ``features`` and ``findings`` are empty
        (the report then says that no layout has been mapped).
    """
    if not features and not findings:
        return None
    if shapes is None:
        shapes = layout_shapes(features)
    if projection is None:
        projection = _centre(shapes, findings if not any(shapes) else ())

    by_kind: dict[str, list[tuple[Feature, BaseGeometry]]] = {}
    for feature, geom in zip(features, _project(shapes, projection), strict=True):
        if geom is not None:
            by_kind.setdefault(feature.kind, []).append((feature, geom))

    # A finding whose location cannot be projected keeps its number but gets no disc.
    finding_points = _finding_points(findings, projection)
    drawn = [g for items in by_kind.values() for _, g in items]
    bounds = shapely.bounds(np.asarray(drawn, dtype=object)).reshape(-1, 4)
    points = [(x, y, x, y) for x, y in finding_points if math.isfinite(x)]
    arr = np.vstack([bounds, np.array(points).reshape(-1, 4)])
    arr = arr if len(arr) else np.zeros((1, 4))
    x0, y0, x1, y1 = arr[:, 0].min(), arr[:, 1].min(), arr[:, 2].max(), arr[:, 3].max()
    if x1 - x0 < 1.0 or y1 - y0 < 1.0:
        # A single point or a line along one axis: show 100 m around it.
        x0, x1 = min(x0, (x0 + x1) / 2 - 100), max(x1, (x0 + x1) / 2 + 100)
        y0, y1 = min(y0, (y0 + y1) / 2 - 100), max(y1, (y0 + y1) / 2 + 100)
    pad = 0.04 * max(x1 - x0, y1 - y0)
    canvas = MapCanvas((x0 - pad, y0 - pad, x1 + pad, y1 + pad), lang)

    _draw_areas(canvas, by_kind, lang)
    _draw_lines(canvas, by_kind, lang)
    if tracks is not None:
        draw_tracks(canvas, tracks, projection, lang)
    _draw_points(canvas, by_kind, lang)
    if numbers is None:
        numbers = finding_numbers(list(findings))
    _draw_findings(canvas, findings, numbers, finding_points, projection, lang)
    return canvas


_ByKind = dict[str, list[tuple[Feature, BaseGeometry]]]


def _polygons_of(by_kind: _ByKind, kind: str) -> list[BaseGeometry]:
    return [p for _, g in by_kind.get(kind, []) for p in _parts(g, "Polygon")]


def _draw_areas(canvas: MapCanvas, by_kind: _ByKind, lang: str) -> None:
    """Zone, parking and building fills, then the SRA and critical-part outlines above them."""
    drawn: dict[str, list[BaseGeometry]] = {}
    for kind in FILL_ORDER:
        polygons = _polygons_of(by_kind, kind)
        if not polygons:
            continue
        drawn[kind] = polygons
        face, edge = colours.kind_fill(kind), colours.kind_stroke(kind)
        dash = (2.1, 1.4) if kind == "parking" else None
        canvas.areas(polygons, fill=face, stroke=edge, width=0.7, dash=dash)
        hatched = kind == "critical_part"
        canvas.key(
            Key(
                tr(f"feature_{kind}", lang),
                "area",
                fill=face,
                stroke=edge,
                width=0.9 if hatched else 0.7,
                hatched=hatched,
            )
        )
    # A building drawn over a zone must not hide it: the security zones' boundaries (and the
    # critical part's hatching) go on top of every fill, below roads and barriers.
    for kind in OUTLINED_ZONES:
        if kind in drawn:
            canvas.areas(
                drawn[kind],
                fill=None,
                stroke=colours.kind_stroke(kind),
                width=1.2,
                hatched=kind == "critical_part",
            )


def _draw_lines(canvas: MapCanvas, by_kind: _ByKind, lang: str) -> None:
    """Roads and barriers (fence, wall, natural, damaged)."""
    roads = [p for _, g in by_kind.get("road", []) for p in _parts(g, "LineString")]
    road_colour = colours.kind_stroke("road")
    if roads:
        canvas.lines(roads, stroke=road_colour, width=1.3)
        canvas.key(Key(tr("feature_road", lang), "line", stroke=road_colour, width=1.3))

    barrier = colours.kind_stroke("barrier")
    # Dash lengths in points, as long as matplotlib's default dashes scaled by the width.
    barrier_styles: dict[str, tuple[str, float, tuple[float, ...] | None]] = {
        "fence": (barrier, 1.3, None),
        "wall": (barrier, 2.6, None),
        "natural": (colours.kind_stroke("obstacle"), 1.4, (5.6, 2.8)),
        # The app draws a damaged barrier dashed in the "not compliant" red.
        "damaged": (colours.STATUS_TEXT["not_compliant"], 1.5, (3.0, 2.25)),
    }
    barriers: dict[str, list[BaseGeometry]] = {}
    for feature, geom in by_kind.get("barrier", []):
        style = str(feature.properties.get("barrier") or "fence")
        if feature.properties.get("condition") == "damaged":
            style = "damaged"
        style = style if style in barrier_styles else "fence"
        barriers.setdefault(style, []).extend(_parts(geom, "LineString"))
    for style, lines in barriers.items():
        stroke, width, dash = barrier_styles[style]
        canvas.lines(lines, stroke=stroke, width=width, dash=dash)
        canvas.key(Key(tr(f"feature_{style}", lang), "line", stroke=stroke, width=width, dash=dash))


def _draw_points(canvas: MapCanvas, by_kind: _ByKind, lang: str) -> None:
    """Obstacles (triangles, as in the app) and access points coloured by their control."""
    obstacles = by_kind.get("obstacle", [])
    face, edge = colours.kind_fill("obstacle", 1.0), colours.kind_stroke("obstacle")
    obstacle_areas = [p for _, g in obstacles for p in _parts(g, "Polygon")]
    canvas.areas(obstacle_areas, fill=face, stroke=edge, width=0.5)
    obstacle_points = [(p.x, p.y) for _, g in obstacles for p in _parts(g, "Point")]
    canvas.markers(obstacle_points, shape="^", size=4.4, fill=face, edge=edge, edge_width=0.5)
    if obstacles:
        canvas.key(Key(tr("feature_obstacle", lang), "^", fill=face, stroke=edge))

    by_control: dict[str, list[tuple[float, float]]] = {}
    for feature, geom in by_kind.get("access_point", []):
        control = str(feature.properties.get("control") or "")
        control = control if control in CONTROL_LABELS else ""
        for point in _parts(geom, "Point"):
            by_control.setdefault(control, []).append((point.x, point.y))
    stroke = colours.kind_stroke("access_point")
    default_fill = colours.kind_fill("access_point", 1.0)
    for control in ("", *CONTROL_LABELS):
        points = by_control.get(control)
        if not points:
            continue
        fill = colours.CONTROL.get(control, default_fill)
        # An uncontrolled gate is the one to see: larger, with a rim in its own red.
        uncontrolled = control == "uncontrolled"
        rim = fill if uncontrolled else stroke
        size = 5.8 if uncontrolled else 5.1
        canvas.markers(points, shape="s", size=size, fill=fill, edge=rim, edge_width=0.9)
        key = CONTROL_LABELS.get(control, "feature_access_point")
        canvas.key(Key(tr(key, lang), "s", fill=fill, stroke=rim))


def _draw_findings(
    canvas: MapCanvas,
    findings: Sequence[Finding],
    numbers: Mapping[str, int],
    finding_points: list[tuple[float, float]],
    projection: LocalProjection,
    lang: str,
) -> None:
    """Draw each finding's geometry in its severity colour and a numbered disc at its location."""
    if not findings:
        return
    lines: dict[str, list[BaseGeometry]] = {}
    polygons: dict[str, list[BaseGeometry]] = {}
    for finding, geom in zip(findings, _finding_shapes(findings, projection), strict=True):
        if geom is None:
            continue
        lines.setdefault(finding.severity, []).extend(_parts(geom, "LineString"))
        polygons.setdefault(finding.severity, []).extend(_parts(geom, "Polygon"))
    for severity, shade in SEVERITY_COLOURS.items():
        canvas.areas(polygons.get(severity, []), fill=shade, stroke=shade, width=1.0, opacity=0.35)
        canvas.lines(lines.get(severity, []), stroke=shade, width=3.0, opacity=0.85)
    # Discs shrink as findings multiply so that a busy map stays readable (diameter, type).
    count = len(findings)
    size, font = (
        (11.0, 7.0)
        if count <= 15
        else (8.4, 5.5)
        if count <= 40
        else (6.6, 4.5)
        if count <= 120
        else (5.5, 3.8)
    )
    present = []
    # Minor discs first, critical ones last: where discs overlap the worst stays on top.
    for severity in ("minor", "major", "critical"):
        chosen = [
            i
            for i, f in enumerate(findings)
            if f.severity == severity and math.isfinite(finding_points[i][0])
        ]
        if not chosen:
            continue
        present.append(severity)
        shade = SEVERITY_COLOURS[severity]
        for i in chosen:
            x, y = finding_points[i]
            canvas.markers([(x, y)], shape="o", size=size, fill=shade, edge="#FFFFFF")
            number = numbers.get(findings[i].id)
            if number is not None:
                canvas.label(x, y, finding_label(number), size=font, fill="#FFFFFF", bold=True)
    for severity in ("critical", "major", "minor"):
        if severity in present:
            label = tr("finding_marker", lang, severity=severity_label(severity, lang))
            canvas.key(Key(label, "o", fill=SEVERITY_COLOURS[severity], stroke="#FFFFFF"))
