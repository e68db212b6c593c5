"""The zone map: the airport layout in metres, with a scale bar, a north arrow, a legend
and the numbered findings."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import shapely
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar
from shapely.geometry import GeometryCollection, mapping, shape
from shapely.geometry.base import BaseGeometry

from avsec.core.findings import Finding, finding_label, finding_numbers
from avsec.core.layout import Feature
from avsec.geo.prepared import parse_geometries
from avsec.geo.projection import LocalProjection
from avsec.report import colours
from avsec.report.figures.render import PAGE_WIDTH_IN
from avsec.report.figures.track_layer import TrackLayer, draw_tracks
from avsec.report.text import severity_label, tr

#: Margins around the map, in inches (tick labels left and below).
MAP_LEFT_IN, MAP_RIGHT_IN, MAP_TOP_IN, MAP_BOTTOM_IN = 0.55, 0.12, 0.08, 0.42

#: Finding colours (the app's).
SEVERITY_COLOURS = colours.SEVERITY

#: Area kinds filled in this order: zones from the outermost in, then parking and buildings.
FILL_ORDER = ("landside", "airside", "sra", "critical_part", "parking", "building")
#: Zones whose outline is drawn again above the buildings (the critical part also hatched).
OUTLINED_ZONES = ("sra", "critical_part")
CRITICAL_PART_HATCH = "////"
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


def _parts(geom: BaseGeometry, kind: str) -> list[BaseGeometry]:
    """The simple parts of ``geom`` of one dimension ("Polygon", "LineString" or "Point")."""
    if geom.geom_type == kind:
        return [geom]
    if hasattr(geom, "geoms"):
        return [part for g in geom.geoms for part in _parts(g, kind)]
    return []


def _polygon_path(polygons: Sequence[BaseGeometry]) -> MplPath | None:
    """One compound path of many polygons; holes kept by orienting exteriors counter-clockwise
    and holes clockwise (matplotlib fills by the non-zero winding rule)."""
    if not polygons:
        return None
    rings, owner = shapely.get_rings(np.asarray(polygons, dtype=object), return_index=True)
    exterior = np.r_[True, owner[1:] != owner[:-1]] if len(owner) else np.zeros(0, bool)
    counter_clockwise = shapely.is_ccw(rings)
    vertices: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for ring, is_exterior, ccw in zip(rings, exterior, counter_clockwise, strict=True):
        xy = shapely.get_coordinates(ring)
        if len(xy) < 4:
            continue
        if is_exterior != ccw:
            xy = xy[::-1]
        ring_codes = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
        ring_codes[0] = MplPath.MOVETO
        ring_codes[-1] = MplPath.CLOSEPOLY
        vertices.append(xy)
        codes.append(ring_codes)
    if not vertices:
        return None
    return MplPath(np.concatenate(vertices), np.concatenate(codes))


def _line_segments(lines: Iterable[BaseGeometry]) -> list[np.ndarray]:
    return [np.asarray(line.coords)[:, :2] for line in lines if len(line.coords) >= 2]


def _nice_length(span: float) -> float:
    """A round scale-bar length (1, 2 or 5 times a power of ten) near a fifth of ``span``."""
    target = max(span / 5.0, 1e-9)
    power = 10 ** math.floor(math.log10(target))
    for step in (5, 2, 1):
        if step * power <= target:
            return float(step * power)
    return float(power)


def _empty_figure(message: str) -> Figure:
    figure = Figure(figsize=(PAGE_WIDTH_IN, 1.6))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.add_patch(
        PathPatch(
            MplPath([(0.01, 0.04), (0.99, 0.04), (0.99, 0.96), (0.01, 0.96), (0.01, 0.04)]),
            facecolor="#F4F6F8",
            edgecolor="#8A94A3",
            linewidth=0.8,
            transform=ax.transAxes,
        )
    )
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#5A6472")
    return figure


def layout_map(
    features: Sequence[Feature],
    findings: Sequence[Finding],
    lang: str,
    projection: LocalProjection | None = None,
    numbers: Mapping[str, int] | None = None,
    tracks: TrackLayer | None = None,
    shapes: Sequence[BaseGeometry | None] | None = None,
) -> Figure:
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
    Figure
        The map with a scale bar, a north arrow and a legend; a figure saying that no layout
        has been mapped when ``features`` and ``findings`` are empty.
    """
    if not features and not findings:
        return _empty_figure(tr("map_empty", lang))
    if shapes is None:
        shapes = layout_shapes(features)
    if projection is None:
        projection = _centre(shapes, findings if not any(shapes) else ())

    by_kind: dict[str, list[tuple[Feature, BaseGeometry]]] = {}
    for feature, geom in zip(features, _project(shapes, projection), strict=True):
        if geom is not None:
            by_kind.setdefault(feature.kind, []).append((feature, geom))

    # A finding whose location cannot be projected keeps its number but gets no disc.
    finding_points = [projection.point_to_metres(*f.location) for f in findings]
    finding_points = [p if np.isfinite(p).all() else (math.nan, math.nan) for p in finding_points]
    bounds = [g.bounds for items in by_kind.values() for _, g in items]
    bounds += [(x, y, x, y) for x, y in finding_points if math.isfinite(x)]
    arr = np.array(bounds) if bounds else np.zeros((1, 4))
    x0, y0, x1, y1 = arr[:, 0].min(), arr[:, 1].min(), arr[:, 2].max(), arr[:, 3].max()
    if x1 - x0 < 1.0 or y1 - y0 < 1.0:
        # A single point or a line along one axis: show 100 m around it.
        x0, x1 = min(x0, (x0 + x1) / 2 - 100), max(x1, (x0 + x1) / 2 + 100)
        y0, y1 = min(y0, (y0 + y1) / 2 - 100), max(y1, (y0 + y1) / 2 + 100)
    # Size the figure to the layout's shape so that a long runway does not float in white
    # space; the legend goes below the map.
    aspect = min(1.25, max(0.45, (y1 - y0) / (x1 - x0)))
    map_height = (PAGE_WIDTH_IN - MAP_LEFT_IN - MAP_RIGHT_IN) * aspect

    handles: list[Any] = []
    figure = Figure(figsize=(PAGE_WIDTH_IN, map_height + 2))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_aspect("equal", adjustable="datalim")

    _draw_areas(ax, by_kind, handles, lang)
    _draw_lines(ax, by_kind, handles, lang)
    if tracks is not None:
        draw_tracks(ax, tracks, projection, handles, lang)
    _draw_points(ax, by_kind, handles, lang)

    if numbers is None:
        numbers = finding_numbers(list(findings))
    _draw_findings(ax, findings, numbers, finding_points, projection, handles, lang)

    # Only the data limits are set: the equal aspect then widens one axis to fill the frame.
    pad = 0.04 * max(x1 - x0, y1 - y0)
    ax.update_datalim([(x0 - pad, y0 - pad), (x1 + pad, y1 + pad)])
    ax.margins(0)
    ax.autoscale_view()
    _decorate(ax, lang, x1 - x0 + 2 * pad)
    # Fixed margins rather than a layout engine (which costs a third of a second): the legend
    # rows below the map, the tick labels left and below it.
    legend_height = 0.18 * math.ceil(len(handles) / 3) + 0.12 if handles else 0.0
    bottom = MAP_BOTTOM_IN + legend_height
    height = map_height + bottom + MAP_TOP_IN
    figure.set_size_inches(PAGE_WIDTH_IN, height)
    ax.set_position(
        (
            MAP_LEFT_IN / PAGE_WIDTH_IN,
            bottom / height,
            (PAGE_WIDTH_IN - MAP_LEFT_IN - MAP_RIGHT_IN) / PAGE_WIDTH_IN,
            map_height / height,
        )
    )
    if handles:
        figure.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.04 / height),
            ncols=3,
            fontsize=7,
            frameon=False,
        )
    return figure


_ByKind = dict[str, list[tuple[Feature, BaseGeometry]]]


def _polygons_of(by_kind: _ByKind, kind: str) -> list[BaseGeometry]:
    return [p for _, g in by_kind.get(kind, []) for p in _parts(g, "Polygon")]


def _draw_areas(ax: Any, by_kind: _ByKind, handles: list[Any], lang: str) -> None:
    """Zone, parking and building fills, then the SRA and critical-part outlines above them."""
    paths: dict[str, MplPath] = {}
    zorder = 1.0
    for kind in FILL_ORDER:
        path = _polygon_path(_polygons_of(by_kind, kind))
        if path is None:
            continue
        paths[kind] = path
        face, edge = colours.kind_fill(kind), colours.kind_stroke(kind)
        dash = (0, (3, 2)) if kind == "parking" else "solid"
        ax.add_artist(
            PathPatch(
                path, facecolor=face, edgecolor=edge, linewidth=0.7, linestyle=dash, zorder=zorder
            )
        )
        hatch = CRITICAL_PART_HATCH if kind == "critical_part" else None
        handles.append(
            Patch(
                facecolor=face,
                edgecolor=edge,
                linewidth=0.9 if hatch else 0.7,
                hatch=hatch,
                label=tr(f"feature_{kind}", lang),
            )
        )
        zorder += 0.1
    # A building drawn over a zone must not hide it: the security zones' boundaries (and the
    # critical part's hatching) go on top of every fill, below roads and barriers.
    for kind in OUTLINED_ZONES:
        path = paths.get(kind)
        if path is None:
            continue
        outline = PathPatch(
            path,
            facecolor="none",
            edgecolor=colours.kind_stroke(kind),
            linewidth=1.2,
            hatch=CRITICAL_PART_HATCH if kind == "critical_part" else None,
            zorder=1.8 if kind == "sra" else 1.85,
        )
        if hasattr(outline, "set_hatch_linewidth"):
            outline.set_hatch_linewidth(0.5)
        ax.add_artist(outline)


def _draw_lines(ax: Any, by_kind: _ByKind, handles: list[Any], lang: str) -> None:
    """Roads and barriers (fence, wall, natural, damaged)."""
    roads = [p for _, g in by_kind.get("road", []) for p in _parts(g, "LineString")]
    road_colour = colours.kind_stroke("road")
    if roads:
        ax.add_collection(
            LineCollection(_line_segments(roads), colors=road_colour, linewidths=1.3, zorder=2.0),
            autolim=False,
        )
        handles.append(
            Line2D([], [], color=road_colour, linewidth=1.3, label=tr("feature_road", lang))
        )

    barrier = colours.kind_stroke("barrier")
    barrier_styles: dict[str, tuple[str, float, Any]] = {
        "fence": (barrier, 1.3, "solid"),
        "wall": (barrier, 2.6, "solid"),
        "natural": (colours.kind_stroke("obstacle"), 1.4, (0, (4, 2))),
        # The app draws a damaged barrier dashed in the "not compliant" red.
        "damaged": (colours.STATUS_TEXT["not_compliant"], 1.5, (0, (2, 1.5))),
    }
    barriers: dict[str, list[BaseGeometry]] = {}
    for feature, geom in by_kind.get("barrier", []):
        style = str(feature.properties.get("barrier") or "fence")
        if feature.properties.get("condition") == "damaged":
            style = "damaged"
        style = style if style in barrier_styles else "fence"
        barriers.setdefault(style, []).extend(_parts(geom, "LineString"))
    for style, lines in barriers.items():
        colour, width, dash = barrier_styles[style]
        ax.add_collection(
            LineCollection(
                _line_segments(lines), colors=colour, linewidths=width, linestyles=dash, zorder=3.0
            ),
            autolim=False,
        )
        handles.append(
            Line2D(
                [],
                [],
                color=colour,
                linewidth=width,
                linestyle=dash,
                label=tr(f"feature_{style}", lang),
            )
        )


def _draw_points(ax: Any, by_kind: _ByKind, handles: list[Any], lang: str) -> None:
    """Obstacles (triangles, as in the app) and access points coloured by their control."""
    obstacles = by_kind.get("obstacle", [])
    face, edge = colours.kind_fill("obstacle", 1.0), colours.kind_stroke("obstacle")
    obstacle_path = _polygon_path([p for _, g in obstacles for p in _parts(g, "Polygon")])
    obstacle_points = [p for _, g in obstacles for p in _parts(g, "Point")]
    if obstacle_path is not None:
        ax.add_artist(
            PathPatch(obstacle_path, facecolor=face, edgecolor=edge, linewidth=0.5, zorder=3.5)
        )
    if obstacle_points:
        ax.scatter(
            [p.x for p in obstacle_points],
            [p.y for p in obstacle_points],
            s=14,
            marker="^",
            color=face,
            edgecolors=edge,
            linewidths=0.5,
            zorder=3.5,
        )
    if obstacles:
        handles.append(
            Line2D(
                [],
                [],
                marker="^",
                linestyle="",
                markersize=5,
                markerfacecolor=face,
                markeredgecolor=edge,
                label=tr("feature_obstacle", lang),
            )
        )

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
        # An uncontrolled gate is the one to see: larger, with a red rim.
        uncontrolled = control == "uncontrolled"
        rim = fill if uncontrolled else stroke
        xs, ys = zip(*points, strict=True)
        ax.scatter(
            xs,
            ys,
            s=34 if uncontrolled else 26,
            marker="s",
            color=fill,
            edgecolors=rim,
            linewidths=0.9,
            zorder=4.0,
        )
        key = CONTROL_LABELS.get(control, "feature_access_point")
        handles.append(
            Line2D(
                [],
                [],
                marker="s",
                linestyle="",
                markersize=5,
                markerfacecolor=fill,
                markeredgecolor=rim,
                label=tr(key, lang),
            )
        )


def _draw_findings(
    ax: Any,
    findings: Sequence[Finding],
    numbers: Mapping[str, int],
    finding_points: list[tuple[float, float]],
    projection: LocalProjection,
    handles: list[Any],
    lang: str,
) -> None:
    """Draw each finding's geometry in its severity colour and a numbered disc at its location."""
    if not findings:
        return
    lines: dict[str, list[BaseGeometry]] = {}
    polygons: dict[str, list[BaseGeometry]] = {}
    for finding in findings:
        geom = _geometry(finding.geometry, projection) if finding.geometry else None
        if geom is None:
            continue
        lines.setdefault(finding.severity, []).extend(_parts(geom, "LineString"))
        polygons.setdefault(finding.severity, []).extend(_parts(geom, "Polygon"))
    for severity, colour in SEVERITY_COLOURS.items():
        path = _polygon_path(polygons.get(severity, []))
        if path is not None:
            ax.add_artist(
                PathPatch(
                    path, facecolor=colour, alpha=0.35, edgecolor=colour, linewidth=1.0, zorder=5.0
                )
            )
        if lines.get(severity):
            ax.add_collection(
                LineCollection(
                    _line_segments(lines[severity]),
                    colors=colour,
                    linewidths=3.0,
                    alpha=0.85,
                    zorder=5.0,
                ),
                autolim=False,
            )
    # Discs shrink as findings multiply so that a busy map stays readable.
    count = len(findings)
    size, font = (
        (120, 7.0)
        if count <= 15
        else (70, 5.5)
        if count <= 40
        else (44, 4.5)
        if count <= 120
        else (30, 3.8)
    )
    points = finding_points
    present = []
    # Minor discs first, critical ones last: where discs overlap the worst stays on top.
    for layer, severity in enumerate(("minor", "major", "critical")):
        chosen = [
            i
            for i, f in enumerate(findings)
            if f.severity == severity and math.isfinite(points[i][0])
        ]
        if not chosen:
            continue
        present.append(severity)
        ax.scatter(
            [points[i][0] for i in chosen],
            [points[i][1] for i in chosen],
            s=size,
            color=SEVERITY_COLOURS[severity],
            edgecolors="white",
            linewidths=0.6,
            zorder=6.0 + layer * 0.2,
        )
        for i in chosen:
            number = numbers.get(findings[i].id)
            if number is None:
                continue
            ax.text(
                points[i][0],
                points[i][1],
                finding_label(number),
                ha="center",
                va="center",
                fontsize=font,
                color="white",
                fontweight="bold",
                zorder=6.1 + layer * 0.2,
            )
    for severity in ("critical", "major", "minor"):
        if severity not in present:
            continue
        label = tr("finding_marker", lang, severity=severity_label(severity, lang))
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=6,
                markerfacecolor=SEVERITY_COLOURS[severity],
                markeredgecolor="white",
                label=label,
            )
        )


def _decorate(ax: Any, lang: str, span: float) -> None:
    """Scale bar, north arrow, metre ticks (``span``: width of the map in metres)."""
    (_, _), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    length = _nice_length(span)
    label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
    ax.add_artist(
        AnchoredSizeBar(
            ax.transData,
            length,
            label,
            loc="lower left",
            pad=0.5,
            borderpad=0.6,
            sep=3,
            frameon=True,
            size_vertical=(y1 - y0) * 0.006,
            color="#1B1B1B",
            fontproperties={"size": 7},
        )
    )
    ax.annotate(
        tr("north", lang),
        xy=(0.955, 0.965),
        xytext=(0.955, 0.865),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=9,
        fontweight="bold",
        arrowprops={
            "facecolor": "#1B1B1B",
            "edgecolor": "#1B1B1B",
            "width": 2.5,
            "headwidth": 8,
            "headlength": 8,
        },
        bbox={
            "boxstyle": "circle,pad=0.2",
            "facecolor": "white",
            "edgecolor": "none",
            "alpha": 0.8,
        },
    )
    ax.tick_params(labelsize=6, colors="#5A6472", length=2)
    ax.set_xlabel(tr("metres", lang), fontsize=6.5, color="#5A6472")
    ax.ticklabel_format(style="plain", useOffset=False)
    for spine in ax.spines.values():
        spine.set_color("#8A94A3")
        spine.set_linewidth(0.6)
