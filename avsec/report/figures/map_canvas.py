"""A map page drawn as reportlab graphics: geometry in metres in, a vector Drawing out.

The report's maps (the zone map, a route of the path analysis, the access-control tests) are
drawn here rather than rendered to pixels: the PDF gets vector paths, the type is as sharp as
the body text at any zoom, and a large report does not wait for matplotlib to load and
rasterise three maps. Geometry is clipped to the map frame and simplified to a fifth of a
point before it is drawn, so a 20,000-vertex perimeter costs what it shows.

A :class:`MapCanvas` is built with the area in metres to show; layers are added bottom to top
(:meth:`MapCanvas.areas`, :meth:`MapCanvas.lines`, :meth:`MapCanvas.markers`, ...), legend
entries with :meth:`MapCanvas.key`, and :meth:`MapCanvas.drawing` frames it all with metre
ticks, a scale bar, a north arrow and the legend below.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from shapely.geometry.base import BaseGeometry

from avsec.core.scale import round_length
from avsec.report import styles as st
from avsec.report.text import number, tr

#: Width of a map in points (the report's figure width).
MAP_WIDTH_PT = st.FIGURE_WIDTH_IN * 72
#: Margins around the map frame, in points (tick labels left and below).
LEFT, RIGHT, TOP, BOTTOM = 0.55 * 72, 0.12 * 72, 0.08 * 72, 0.42 * 72
#: Legend rows below the map.
LEGEND_COLUMNS, LEGEND_ROW_PT, LEGEND_FONT = 3, 13.0, 7.0
#: What a legend column takes before its label: margin, swatch and gap, in points.
LEGEND_INDENT = 24.0
#: The report's greys for tick labels and the frame; ink for the scale bar and north arrow.
AXIS_GREY, FRAME_GREY, INK = st.MID_GREY, st.RULE_GREY, "#1B1B1B"
#: What is drawn finer than this (points) is simplified away.
SIMPLIFY_PT = 0.2
#: Hatching: line spacing and width, in points.
HATCH_SPACING_PT, HATCH_WIDTH_PT = 4.2, 0.5

_MOVE, _LINE, _CLOSE = 0, 1, 3


@dataclass(frozen=True)
class Key:
    """One legend entry: an area swatch, a line or a marker, and its label."""

    label: str
    shape: str  # "area", "line", or a marker: "s" square, "^" triangle, "o" disc
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.7
    dash: tuple[float, ...] | None = None
    hatched: bool = False


def colour(value: str | Color, opacity: float = 1.0) -> Color:
    """A ``#rrggbb`` colour (or a reportlab one), optionally translucent."""
    base = value if isinstance(value, Color) else HexColor(value)
    return Color(base.red, base.green, base.blue, opacity)


def nice_length(span: float) -> float:
    """A round length (1, 2 or 5 times a power of ten) near a fifth of ``span``."""
    return round_length(span / 5.0) or 1.0


def _text(
    x: float,
    y: float,
    text: str,
    size: float,
    fill: str | Color,
    *,
    anchor: str = "start",
    bold: bool = False,
    middle: bool = True,
) -> String:
    """A string whose vertical middle (or baseline, ``middle=False``) is at ``y``."""
    baseline = y - 0.36 * size if middle else y
    return String(
        x,
        baseline,
        text,
        fontName=st.FONT_BOLD if bold else st.FONT,
        fontSize=size,
        fillColor=colour(fill),
        textAnchor=anchor,
    )


def _long_path(points: list[float], operators: list[int], **style: object) -> Path:
    """A Path of many points. reportlab checks every number of ``points`` when they are set
    through the constructor (a tenth of a large map's time); these come from numpy floats."""
    path = Path(**style)
    path.__dict__["points"] = points
    path.__dict__["operators"] = operators
    return path


class MapCanvas:
    """The map of an area in metres at one scale, both axes alike, filling the frame.

    Parameters
    ----------
    bounds
        ``(x0, y0, x1, y1)`` in metres that must be shown; the frame's shape follows theirs
        (between 0.45 and 1.25 times as high as wide) and one axis widens to fill it.
    lang
        Language of the axis label and the north mark.
    """

    def __init__(self, bounds: tuple[float, float, float, float], lang: str):
        x0, y0, x1, y1 = bounds
        st.register_fonts()  # labels are measured and drawn in the report's fonts
        self.lang = lang
        self.frame_width = MAP_WIDTH_PT - LEFT - RIGHT
        self.frame_height = self.frame_width * min(1.25, max(0.45, (y1 - y0) / (x1 - x0)))
        self.scale = min(self.frame_width / (x1 - x0), self.frame_height / (y1 - y0))
        half_w, half_h = self.frame_width / self.scale / 2, self.frame_height / self.scale / 2
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        #: The metres shown: the frame's left, bottom, right and top edges.
        self.bounds = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        self.content = Group()
        self.keys: list[Key] = []
        #: Where the frame's lower left corner lands on the drawing (set by :meth:`drawing`).
        self.origin = (LEFT, BOTTOM)

    # --- coordinates ---------------------------------------------------------------------------
    def to_frame(self, xy: np.ndarray) -> np.ndarray:
        """Metres (n x 2) to points from the frame's lower left corner."""
        x0, y0, _, _ = self.bounds
        return (np.asarray(xy, dtype=float)[:, :2] - (x0, y0)) * self.scale

    def point(self, x: float, y: float) -> tuple[float, float]:
        """One point in metres to points in the frame."""
        (px, py), *_ = self.to_frame(np.array([[x, y]]))
        return float(px), float(py)

    def on_drawing(self, x: float, y: float) -> tuple[float, float]:
        """Where a point in metres lands on the :meth:`drawing`, in points from its corner."""
        px, py = self.point(x, y)
        return px + self.origin[0], py + self.origin[1]

    def _clip(self, geoms: Sequence[BaseGeometry]) -> np.ndarray:
        """``geoms`` clipped to the frame, with a small margin."""
        x0, y0, x1, y1 = self.bounds
        margin = 2 / self.scale
        arr = np.asarray(geoms, dtype=object)
        return shapely.clip_by_rect(arr, x0 - margin, y0 - margin, x1 + margin, y1 + margin)

    def _fit(self, geoms: Sequence[BaseGeometry]) -> list[BaseGeometry]:
        """``geoms`` clipped to the frame and simplified to print.

        Only drawn, never measured: a ring that the simplification (without topology) makes
        invalid still draws right. What is measured (the hatching) uses :meth:`_clip`.
        """
        if not geoms:
            return []
        simple = shapely.simplify(
            self._clip(geoms), SIMPLIFY_PT / self.scale, preserve_topology=False
        )
        return [g for g in simple if g is not None and not g.is_empty]

    # --- layers, bottom to top ---------------------------------------------------------------
    def areas(
        self,
        polygons: Sequence[BaseGeometry],
        *,
        fill: str | None,
        stroke: str,
        width: float = 0.7,
        dash: tuple[float, ...] | None = None,
        opacity: float = 1.0,
        hatched: bool = False,
    ) -> None:
        """Polygons as one path: holes kept, overlaps filled once (non-zero winding)."""
        fitted = _polygon_parts(self._fit(polygons))
        if not fitted:
            return
        points, operators = self._rings(fitted)
        if points:
            self.content.add(
                _long_path(
                    points,
                    operators,
                    fillMode=1,  # non-zero: exteriors and holes wound in opposite senses
                    autoclose="pdf",
                    fillColor=colour(fill, opacity) if fill else None,
                    strokeColor=colour(stroke, min(1.0, opacity + 0.4)),
                    strokeWidth=width,
                    strokeDashArray=list(dash) if dash else None,
                    strokeLineJoin=1,
                )
            )
        if hatched:
            # Hatching is cut by shapely: from the exact (valid) clipped areas, not the simplified.
            self._hatch(shapely.union_all(shapely.make_valid(self._clip(polygons))), stroke)

    def _rings(self, polygons: Sequence[BaseGeometry]) -> tuple[list[float], list[int]]:
        rings, owner = shapely.get_rings(np.asarray(polygons, dtype=object), return_index=True)
        exterior = np.r_[True, owner[1:] != owner[:-1]] if len(owner) else np.zeros(0, bool)
        counter_clockwise = shapely.is_ccw(rings)
        points: list[float] = []
        operators: list[int] = []
        dropped = -1  # a polygon whose outer ring collapsed: its holes go too (alone they fill)
        for ring, is_exterior, ccw, polygon in zip(
            rings, exterior, counter_clockwise, owner, strict=True
        ):
            xy = shapely.get_coordinates(ring)
            if polygon == dropped:
                continue
            if len(xy) < 4:
                if is_exterior:
                    dropped = polygon
                continue
            if is_exterior != ccw:
                xy = xy[::-1]
            points += self.to_frame(xy[:-1]).ravel().tolist()
            operators += [_MOVE] + [_LINE] * (len(xy) - 2) + [_CLOSE]
        return points, operators

    def _hatch(self, area: BaseGeometry, stroke: str) -> None:
        """Diagonal lines across ``area`` (cut by shapely, so any renderer shows them)."""
        if area.is_empty:
            return
        x0, y0, x1, y1 = area.bounds
        step = HATCH_SPACING_PT / self.scale * math.sqrt(2)
        offsets = np.arange(y0 - x1, y1 - x0 + step, step)
        strokes = shapely.linestrings(
            [[(x0, x0 + c), (x1, x1 + c)] for c in offsets]  # y = x + c across the box
        )
        cut = shapely.intersection(strokes, area)
        parts = [p for p in shapely.get_parts(cut) if p.geom_type == "LineString"]
        self.lines(parts, stroke=stroke, width=HATCH_WIDTH_PT)

    def lines(
        self,
        lines: Sequence[BaseGeometry],
        *,
        stroke: str,
        width: float,
        dash: tuple[float, ...] | None = None,
        opacity: float = 1.0,
    ) -> None:
        """Lines (and the line parts of collections) as one stroked path."""
        points: list[float] = []
        operators: list[int] = []
        for geom in self._fit(lines):
            for part in _line_parts(geom):
                xy = shapely.get_coordinates(part)
                if len(xy) < 2:
                    continue
                points += self.to_frame(xy).ravel().tolist()
                operators += [_MOVE] + [_LINE] * (len(xy) - 1)
        if points:
            self.content.add(
                _long_path(
                    points,
                    operators,
                    fillColor=None,
                    strokeColor=colour(stroke, opacity),
                    strokeWidth=width,
                    strokeDashArray=list(dash) if dash else None,
                    strokeLineJoin=1,
                    strokeLineCap=1 if not dash else 0,
                )
            )

    def markers(
        self,
        points: Sequence[tuple[float, float]],
        *,
        shape: str,
        size: float,
        fill: str,
        edge: str,
        edge_width: float = 0.6,
    ) -> None:
        """A marker of ``size`` points across at each point in metres (``s``, ``^`` or ``o``)."""
        if not points:
            return
        x0, y0, x1, y1 = self.bounds
        inside = [(x, y) for x, y in points if x0 <= x <= x1 and y0 <= y <= y1]
        if not inside:
            return
        style = {"fillColor": colour(fill), "strokeColor": colour(edge), "strokeWidth": edge_width}
        half = size / 2
        if shape == "o":
            for px, py in self.to_frame(np.array(inside)):
                self.content.add(Circle(px, py, half, **style))
            return
        corners = {
            "s": ((-half, -half), (half, -half), (half, half), (-half, half)),
            "^": ((-half, -half * 0.8), (half, -half * 0.8), (0.0, half * 0.95)),
        }[shape]
        path: list[float] = []
        operators: list[int] = []
        for px, py in self.to_frame(np.array(inside)):
            for cx, cy in corners:
                path += [px + cx, py + cy]
            operators += [_MOVE] + [_LINE] * (len(corners) - 1) + [_CLOSE]
        self.content.add(_long_path(path, operators, autoclose="pdf", **style))

    def label(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float,
        fill: str,
        bold: bool = False,
        offset: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        """``text`` centred on a point in metres, or beside it by ``offset`` points."""
        px, py = self.point(x, y)
        anchor = "middle" if offset == (0.0, 0.0) else "start"
        self.content.add(
            _text(px + offset[0], py + offset[1], text, size, fill, anchor=anchor, bold=bold)
        )

    def arrow(
        self, start: tuple[float, float], end: tuple[float, float], *, stroke: str, width: float
    ) -> None:
        """A straight arrow in metres, its filled head at ``end``."""
        (ax, ay), (bx, by) = self.point(*start), self.point(*end)
        length = math.hypot(bx - ax, by - ay)
        if length < 1e-6:
            return
        ux, uy = (bx - ax) / length, (by - ay) / length
        head = min(7.0, length * 0.6)
        base_x, base_y = bx - ux * head, by - uy * head
        self.content.add(
            Line(ax, ay, base_x, base_y, strokeColor=colour(stroke), strokeWidth=width)
        )
        wing = head * 0.45
        self.content.add(
            Path(
                [
                    bx,
                    by,
                    base_x - uy * wing,
                    base_y + ux * wing,
                    base_x + uy * wing,
                    base_y - ux * wing,
                ],
                [_MOVE, _LINE, _LINE, _CLOSE],
                autoclose="pdf",
                fillColor=colour(stroke),
                strokeColor=None,
            )
        )

    def key(self, entry: Key) -> None:
        """Add a legend entry (shown in the order added)."""
        self.keys.append(entry)

    # --- the page ------------------------------------------------------------------------------
    def drawing(self) -> Drawing:
        """The framed map with ticks, scale bar, north arrow and the legend below."""
        columns = self._legend_columns()
        legend_rows = math.ceil(len(self.keys) / columns)
        legend_height = LEGEND_ROW_PT * legend_rows + 9 if self.keys else 0.0
        bottom = BOTTOM + legend_height
        self.origin = (LEFT, bottom)
        drawing = Drawing(MAP_WIDTH_PT, self.frame_height + bottom + TOP)
        frame = Group(transform=(1, 0, 0, 1, LEFT, bottom))
        frame.add(self.content)
        self._scale_bar(frame)
        self._north(frame)
        frame.add(
            Rect(
                0,
                0,
                self.frame_width,
                self.frame_height,
                fillColor=None,
                strokeColor=colour(FRAME_GREY),
                strokeWidth=0.6,
            )
        )
        self._ticks(frame)
        drawing.add(frame)
        self._legend(drawing, legend_rows, columns)
        return drawing

    def _ticks(self, frame: Group) -> None:
        x0, y0, x1, y1 = self.bounds
        step = nice_length(max(x1 - x0, y1 - y0))
        grey = colour(AXIS_GREY)
        for value in np.arange(math.ceil(x0 / step) * step, x1 + 1e-9, step):
            px, _ = self.point(value, y0)
            frame.add(Line(px, 0, px, -2, strokeColor=grey, strokeWidth=0.5))
            frame.add(_text(px, -7, number(value, self.lang, 0), 6, AXIS_GREY, anchor="middle"))
        for value in np.arange(math.ceil(y0 / step) * step, y1 + 1e-9, step):
            _, py = self.point(x0, value)
            frame.add(Line(0, py, -2, py, strokeColor=grey, strokeWidth=0.5))
            frame.add(_text(-4, py, number(value, self.lang, 0), 6, AXIS_GREY, anchor="end"))
        frame.add(
            _text(
                self.frame_width / 2, -18, tr("metres", self.lang), 6.5, AXIS_GREY, anchor="middle"
            )
        )

    def _scale_bar(self, frame: Group) -> None:
        x0, _, x1, _ = self.bounds
        length = nice_length(x1 - x0)
        if length >= 1000:
            text = f"{number(length / 1000, self.lang, 0 if length % 1000 == 0 else 1)} km"
        else:
            text = f"{number(length, self.lang, 0 if length >= 1 else 1)} m"
        bar = length * self.scale
        box_width = max(bar, stringWidth(text, st.FONT, 7)) + 10
        frame.add(
            Rect(
                6,
                6,
                box_width,
                22,
                fillColor=white,
                strokeColor=colour("#CCCCCC"),
                strokeWidth=0.5,
            )
        )
        frame.add(Rect(11, 11, bar, 2.5, fillColor=colour(INK), strokeColor=None))
        frame.add(_text(11 + bar / 2, 20, text, 7, INK, anchor="middle"))

    def _north(self, frame: Group) -> None:
        x = self.frame_width - 0.045 * self.frame_width
        tip, base = self.frame_height * 0.965, self.frame_height * 0.865
        ink = colour(INK)
        frame.add(Circle(x, base, 7, fillColor=colour("#FFFFFF", 0.8), strokeColor=None))
        frame.add(_text(x, base, tr("north", self.lang), 9, INK, anchor="middle", bold=True))
        frame.add(Line(x, base + 7, x, tip - 7, strokeColor=ink, strokeWidth=2.5))
        frame.add(
            Path(
                [x, tip, x - 4, tip - 8, x + 4, tip - 8],
                [_MOVE, _LINE, _LINE, _CLOSE],
                autoclose="pdf",
                fillColor=ink,
                strokeColor=None,
            )
        )

    def _legend_columns(self) -> int:
        """Three legend columns, or two when a label (a long translation) would not fit."""
        widest = max((stringWidth(k.label, st.FONT, LEGEND_FONT) for k in self.keys), default=0)
        return LEGEND_COLUMNS if widest <= MAP_WIDTH_PT / LEGEND_COLUMNS - LEGEND_INDENT else 2

    def _legend(self, drawing: Drawing, rows: int, columns: int) -> None:
        column = MAP_WIDTH_PT / columns
        for index, entry in enumerate(self.keys):
            row, col = divmod(index, columns)
            x = col * column + 4
            y = 6 + LEGEND_ROW_PT * (rows - row - 0.5)
            _swatch(drawing, entry, x, y)
            # A label too long even for two columns is drawn smaller rather than overlap.
            room = column - LEGEND_INDENT
            size = LEGEND_FONT
            width = stringWidth(entry.label, st.FONT, size)
            if width > room:
                size = max(4.5, size * room / width)
            drawing.add(_text(x + 16, y, entry.label, size, "#222222"))


def _swatch(drawing: Drawing, entry: Key, x: float, y: float) -> None:
    """The legend's picture of ``entry``, 12 points wide, centred on ``y``."""
    fill = colour(entry.fill) if entry.fill else None
    stroke = colour(entry.stroke) if entry.stroke else None
    if entry.shape == "area":
        drawing.add(
            Rect(x, y - 3.5, 12, 7, fillColor=fill, strokeColor=stroke, strokeWidth=entry.width)
        )
        if entry.hatched and stroke is not None:
            for dx in (0.0, 4.0, 8.0):
                drawing.add(
                    Line(x + dx, y - 3.5, x + dx + 4, y + 3.5, strokeColor=stroke, strokeWidth=0.5)
                )
    elif entry.shape == "line":
        drawing.add(
            Line(
                x,
                y,
                x + 12,
                y,
                strokeColor=stroke,
                strokeWidth=entry.width,
                strokeDashArray=list(entry.dash) if entry.dash else None,
            )
        )
    elif entry.shape == "o":
        drawing.add(Circle(x + 6, y, 3, fillColor=fill, strokeColor=stroke, strokeWidth=0.6))
    elif entry.shape == "^":
        drawing.add(
            Path(
                [x + 3, y - 2.6, x + 9, y - 2.6, x + 6, y + 3],
                [_MOVE, _LINE, _LINE, _CLOSE],
                autoclose="pdf",
                fillColor=fill,
                strokeColor=stroke,
                strokeWidth=0.5,
            )
        )
    else:
        drawing.add(Rect(x + 3, y - 3, 6, 6, fillColor=fill, strokeColor=stroke, strokeWidth=0.9))


def _polygon_parts(geoms: Sequence[BaseGeometry]) -> list[BaseGeometry]:
    if not geoms:
        return []
    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    return [p for p in parts if p.geom_type == "Polygon" and not p.is_empty]


def _line_parts(geom: BaseGeometry) -> list[BaseGeometry]:
    kinds = ("LineString", "LinearRing")
    if geom.geom_type in kinds:
        return [geom]
    return [p for p in shapely.get_parts(geom) if p.geom_type in kinds]
