"""Placing a background image on the map: world files and two reference points (no Qt).

The desktop app draws the image; where it goes is decided here.

A world file (.pgw, .jgw, .wld, ...) holds six numbers A, D, B, E, C, F with
``lon = A*col + B*row + C`` and ``lat = D*col + E*row + F`` for pixel (col, row). avsec reads
world files in longitude/latitude (EPSG:4326, what most offline tile exporters write); one in
projected metres needs its CRS, which a world file does not carry, so it is refused with a
message that points to the two-point placement instead.

Placement is stored as three control points ``(col, row, lon, lat)``: they survive a change of
the projection centre and rebuild the exact affine transform.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from avsec.app.map_geometry import MapProjection
from avsec.core.errors import InputError
from avsec.core.i18n import N_

WORLD_FILE_SUFFIXES = {
    ".png": (".pgw", ".pngw", ".wld"),
    ".jpg": (".jgw", ".jpgw", ".wld"),
    ".jpeg": (".jgw", ".jpegw", ".jpgw", ".wld"),
}

ControlPoint = tuple[float, float, float, float]  # col, row, lon, lat


def world_file_for(image: Path) -> Path | None:
    """The world file next to ``image`` (any letter case), or None."""
    image = Path(image)
    suffixes = WORLD_FILE_SUFFIXES.get(image.suffix.lower(), (".wld",))
    if not image.parent.is_dir():
        return None
    siblings = {p.name.lower(): p for p in image.parent.iterdir()}
    for suffix in suffixes:
        candidate = siblings.get((image.stem + suffix).lower())
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def parse_world_file(text: str, name: str = "world file") -> tuple[float, ...]:
    """Return (A, D, B, E, C, F) from a world file's text.

    Raises
    ------
    InputError
        Not six finite numbers, a degenerate transform, or coordinates that are not lon/lat.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 6:
        raise InputError(
            N_("{name}: a world file has six lines of numbers; found {lines_count}"),
            name=name,
            lines_count=len(lines),
        )
    values = []
    for number, line in enumerate(lines[:6], start=1):
        try:
            value = float(line.replace(",", "."))
        except ValueError as exc:
            raise InputError(
                N_("{name}: line {number}: {line!r} is not a number"),
                name=name,
                number=number,
                line=line[:40],
            ) from exc
        if not math.isfinite(value):
            raise InputError(
                N_("{name}: line {number}: not a finite number"), name=name, number=number
            )
        values.append(value)
    a, d, b, e, c, f = values
    if abs(a * e - b * d) < 1e-18:
        raise InputError(N_("{name}: the pixel size is zero; the world file is broken"), name=name)
    if not (-180 <= c <= 180 and -90 <= f <= 90) or max(abs(a), abs(e)) > 1:
        raise InputError(
            N_(
                "{name}: the coordinates are not longitude/latitude (a projected world file needs its coordinate system); place the image by two reference points instead"
            ),
            name=name,
        )
    return tuple(values)


def control_points_from_world_file(
    world: Sequence[float], width: int, height: int
) -> list[ControlPoint]:
    """Three control points (image corners) from world-file numbers."""
    a, d, b, e, c, f = world
    corners = [(0.0, 0.0), (float(width), 0.0), (0.0, float(height))]
    return [(col, row, a * col + b * row + c, d * col + e * row + f) for col, row in corners]


def affine_from_points(
    source: Sequence[tuple[float, float]], target: Sequence[tuple[float, float]]
) -> tuple[float, float, float, float, float, float]:
    """The affine map sending three source points to three target points.

    Returns
    -------
    tuple
        (m11, m12, m21, m22, dx, dy) as in QTransform: x' = m11*x + m21*y + dx,
        y' = m12*x + m22*y + dy.

    Raises
    ------
    InputError
        The source points are collinear.
    """
    src = np.array([[x, y, 1.0] for x, y in source], dtype=float)
    dst = np.array(target, dtype=float)
    if abs(np.linalg.det(src)) < 1e-9:
        raise InputError(N_("the reference points lie on one line; choose points further apart"))
    xs = np.linalg.solve(src, dst[:, 0])
    ys = np.linalg.solve(src, dst[:, 1])
    return (float(xs[0]), float(ys[0]), float(xs[1]), float(ys[1]), float(xs[2]), float(ys[2]))


def similarity_from_two_points(
    pixels: Sequence[tuple[float, float]], scene: Sequence[tuple[float, float]]
) -> tuple[float, float, float, float, float, float]:
    """Scale + rotation + shift sending two pixel points to two scene points.

    Pixel rows and scene y both point down, so no reflection is involved.

    Raises
    ------
    InputError
        The two pixel (or scene) points coincide.
    """
    p1, p2 = complex(*pixels[0]), complex(*pixels[1])
    s1, s2 = complex(*scene[0]), complex(*scene[1])
    if abs(p2 - p1) < 1e-9 or abs(s2 - s1) < 1e-9:
        raise InputError(N_("the two reference points must be different places"))
    k = (s2 - s1) / (p2 - p1)
    shift = s1 - k * p1
    return (k.real, k.imag, -k.imag, k.real, shift.real, shift.imag)


def apply(transform: Sequence[float], x: float, y: float) -> tuple[float, float]:
    """Apply a (m11, m12, m21, m22, dx, dy) transform to one point."""
    m11, m12, m21, m22, dx, dy = transform
    return m11 * x + m21 * y + dx, m12 * x + m22 * y + dy


def check_control_points(value: object) -> list[ControlPoint]:
    """Validate stored control points (the file may be hostile)."""
    if not isinstance(value, list) or len(value) != 3:
        raise InputError(N_("background placement: expected three control points"))
    points = []
    for point in value:
        if not isinstance(point, list | tuple) or len(point) != 4:
            raise InputError(N_("background placement: a control point has four numbers"))
        numbers = tuple(float(v) for v in point)
        if not all(math.isfinite(v) for v in numbers):
            raise InputError(N_("background placement: not a finite number"))
        points.append(numbers)
    return points  # type: ignore[return-value]


def world_file_placement(image: Path, width: int, height: int) -> list[ControlPoint] | None:
    """The control points the world file next to ``image`` gives, or None without one.

    Parameters
    ----------
    image
        The background image file.
    width, height
        Its size in pixels (the world file's third corner needs them).

    Raises
    ------
    InputError
        The world file is unreadable or not in longitude/latitude.
    """
    world = world_file_for(image)
    if world is None:
        return None
    try:
        text = world.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(
            N_("{name}: cannot be read ({strerror})"), name=world.name, strerror=exc.strerror or exc
        ) from exc
    return control_points_from_world_file(parse_world_file(text, world.name), width, height)


def control_from_two_points(
    points: Sequence[ControlPoint], projection: MapProjection
) -> list[ControlPoint]:
    """Three control points from two placed by the user (scale, rotation and shift only).

    The third point is built perpendicular to the first two in the image, so the three are
    never collinear, and placed through the same similarity in the map's projection.

    Raises
    ------
    InputError
        The two points coincide (in the image or on the map).
    """
    scene = [projection.point_to_scene(lon, lat) for _, _, lon, lat in points]
    pixels = [(c, r) for c, r, _, _ in points]
    similarity = similarity_from_two_points(pixels, scene)
    (c1, r1), (c2, r2) = pixels
    third = (c1 - (r2 - r1), r1 + (c2 - c1))
    lon, lat = projection.point_to_lonlat(*apply(similarity, *third))
    first, second = (tuple(float(v) for v in p) for p in points[:2])
    return [first, second, (third[0], third[1], lon, lat)]  # type: ignore[list-item]
