"""Qt-free arithmetic of the map's tools: the measure tool and marker clustering.

Scene coordinates are metres of the airport's local projection (:mod:`avsec.app.map_geometry`,
y down), so a length or an area measured on the map is a sum over scene coordinates; within
the few kilometres of an airport the local projection's scale error stays far below what a
click can place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np


class Measurement(NamedTuple):
    """What the measure tool shows for the points clicked so far."""

    #: Length of the path through the points, metres.
    length_m: float
    #: Area enclosed by the points (the path closed back to the first), m²; 0 below 3 points.
    area_m2: float
    #: Points measured.
    points: int


def measure(points: Sequence[tuple[float, float]] | np.ndarray) -> Measurement:
    """Length of the path through ``points`` and the area it encloses (scene metres)."""
    xy = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(xy) < 2:
        return Measurement(0.0, 0.0, len(xy))
    length = float(np.hypot(*np.diff(xy, axis=0).T).sum())
    area = 0.0
    if len(xy) >= 3:
        x, y = xy[:, 0], xy[:, 1]
        area = abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2.0
    return Measurement(length, area, len(xy))


def clusters(points: Sequence[tuple[float, float]], reach: float) -> list[list[int]]:
    """Group points (screen pixels) that lie closer than ``reach`` to each other.

    Single linkage: two markers belong together when a chain of overlapping markers joins
    them, so a cluster never overlaps another one. A grid of ``reach``-sized cells keeps it
    linear in the number of markers.

    Returns
    -------
    list of list of int
        Indices into ``points``, groups in the order of their first member; lone points
        form groups of one.
    """
    if reach <= 0:
        return [[i] for i in range(len(points))]
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    grid: dict[tuple[int, int], list[int]] = {}
    for index, (x, y) in enumerate(points):
        cell = (math.floor(x / reach), math.floor(y / reach))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in grid.get((cell[0] + dx, cell[1] + dy), ()):
                    ox, oy = points[other]
                    if math.hypot(ox - x, oy - y) < reach:
                        a, b = root(index), root(other)
                        if a != b:
                            parent[max(a, b)] = min(a, b)
        grid.setdefault(cell, []).append(index)
    groups: dict[int, list[int]] = {}
    for index in range(len(points)):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())
