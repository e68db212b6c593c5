"""Synthetic airports of any size for timing the geometry analysis.

At scale 1 (the issue's reference size) the airport has a 40 km airside perimeter of 20,000
vertices, 2,000 features and 500 access points; every count and the perimeter grow linearly
with ``scale``. The layout holds a few of every kind of finding (fence openings, low fence,
roads without a gate, uncontrolled and stray gates, an SRA and a critical part sticking out,
buildings and trees against the fence) so every rule does real work.

Run it to write a layout: ``python benchmarks/synthetic_airport.py --scale 1 -o big.geojson``.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from avsec.core.layout import Feature, feature_collection
from avsec.geo.projection import LocalProjection

#: Where synthetic airports are placed (open sea off Colombia: no real airport to confuse).
CENTRE = (-78.5, 4.5)


@dataclass(frozen=True)
class Size:
    """The dimensions of a synthetic airport."""

    perimeter_m: float
    perimeter_vertices: int
    features: int
    access_points: int

    @classmethod
    def at_scale(cls, scale: float) -> Size:
        """The reference size (scale 1) multiplied by ``scale``."""
        return cls(
            perimeter_m=40_000.0 * scale,
            perimeter_vertices=int(round(20_000 * scale)),
            features=int(round(2_000 * scale)),
            access_points=int(round(500 * scale)),
        )


class _Ring:
    """The airside boundary: a wavy closed curve r(θ) of a given length and vertex count."""

    def __init__(self, length: float, vertices: int):
        self.theta = np.linspace(0.0, 2 * math.pi, vertices, endpoint=False)
        shape = 1 + 0.06 * np.sin(5 * self.theta) + 0.02 * np.sin(17 * self.theta + 1.0)
        unit = np.column_stack([shape * np.cos(self.theta), shape * np.sin(self.theta)])
        closed = np.vstack([unit, unit[:1]])
        unit_length = float(np.hypot(*np.diff(closed, axis=0).T).sum())
        self.scale = length / unit_length
        self.xy = unit * self.scale

    def radius(self, theta: np.ndarray) -> np.ndarray:
        shape = 1 + 0.06 * np.sin(5 * theta) + 0.02 * np.sin(17 * theta + 1.0)
        return shape * self.scale

    def at(self, theta: np.ndarray, offset: np.ndarray | float = 0.0) -> np.ndarray:
        """Points at angle ``theta`` and ``offset`` metres outside the ring (inside if < 0)."""
        r = self.radius(theta) + offset
        return np.column_stack([r * np.cos(theta), r * np.sin(theta)])


def _rect(cx: float, cy: float, w: float, h: float) -> shapely.Polygon:
    return shapely.box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _features_in_metres(size: Size, seed: int) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """Yield (kind, metre geometry, properties) for the whole airport."""
    rng = np.random.default_rng(seed)
    ring = _Ring(size.perimeter_m, size.perimeter_vertices)
    n = size.perimeter_vertices
    k = size.features / 2_000

    yield "airside", shapely.Polygon(ring.xy), {"name": "Airside"}

    # Perimeter fence in pieces of 100 vertices; every 25th piece missing (an opening), every
    # 40th piece 1 m outside the boundary (within tolerance), every 30th too low.
    piece = 100
    pieces = max(1, n // piece)
    for p in range(pieces):
        if p % 25 == 12:
            continue
        lo, hi = p * piece, min((p + 1) * piece, n)
        idx = np.arange(lo, hi + 1) % n
        coords = ring.xy[idx]
        if p % 40 == 7:
            coords = coords * (1 + 1.0 / np.hypot(*coords.T))[:, None]
        height = 2.0 if p % 30 == 3 else 2.5
        yield (
            "barrier",
            shapely.LineString(coords),
            {"barrier": "fence", "height_m": height, "topping": "barbed_wire"},
        )
    used = pieces - len([p for p in range(pieces) if p % 25 == 12])

    # Landside parcels along the outside of the ring (sharing its vertices).
    landside = max(1, int(10 * k))
    for i in range(landside):
        t0 = 2 * math.pi * i / landside
        t1 = t0 + 2 * math.pi / landside * 0.5
        inner_t = ring.theta[(ring.theta >= t0) & (ring.theta <= t1)]
        if len(inner_t) < 2:
            continue
        inner = ring.at(inner_t)
        outer = ring.at(inner_t[::-1], 300.0)
        yield "landside", shapely.Polygon(np.vstack([inner, outer])), {"name": f"Landside {i}"}

    # SRAs well inside the airside, one straddling the perimeter; critical parts inside SRAs,
    # one straddling its SRA.
    sras = max(2, int(20 * k))
    sra_centres = []
    for i in range(sras):
        t = 2 * math.pi * (i + 0.5) / sras
        if i == 0:
            c = ring.at(np.array([t]))[0]
        else:
            c = ring.at(np.array([t]), -0.4 * ring.radius(np.array([t]))[0])[0]
        sra_centres.append(c)
        yield "sra", _rect(c[0], c[1], 400, 300), {"name": f"SRA {i}"}
    for i in range(max(2, int(10 * k))):
        c = sra_centres[1 + i % (len(sra_centres) - 1)]
        shift = 180.0 if i == 0 else 0.0
        yield "critical_part", _rect(c[0] + shift, c[1], 100, 80), {"name": f"Critical part {i}"}

    # Access points: 80 % on the perimeter, 10 % on SRA edges, 10 % away from any boundary.
    aps = size.access_points
    on_perimeter = int(aps * 0.8)
    gate_theta = np.sort(rng.uniform(0, 2 * math.pi, on_perimeter))
    gate_xy = ring.at(gate_theta)
    controls = np.array(["staffed", "electronic", "locked"])
    for i, (x, y) in enumerate(gate_xy):
        control = "uncontrolled" if i % 50 == 5 else str(controls[i % 3])
        yield (
            "access_point",
            shapely.Point(x, y),
            {"name": f"Gate {i}", "mode": "vehicle", "control": control},
        )
    for i in range(int(aps * 0.1)):
        c = sra_centres[1 + i % (len(sra_centres) - 1)]
        yield (
            "access_point",
            shapely.Point(c[0] - 200, c[1] + rng.uniform(-140, 140)),
            {
                "name": f"SRA door {i}",
                "mode": "pedestrian",
                "control": "electronic",
            },
        )
    for i in range(aps - on_perimeter - int(aps * 0.1)):
        t = rng.uniform(0, 2 * math.pi)
        c = ring.at(np.array([t]), -0.2 * ring.radius(np.array([t]))[0])[0]
        yield "access_point", shapely.Point(*c), {"name": f"Stray gate {i}", "control": "locked"}

    # Roads: most cross the perimeter through a gate, every tenth where there is none.
    roads = max(1, int(200 * k))
    for i in range(roads):
        if i % 10 == 9:
            t = np.array([rng.uniform(0, 2 * math.pi)])
        else:
            t = np.array([gate_theta[(i * 7) % len(gate_theta)]])
        inner = ring.at(t, -60.0)[0]
        outer = ring.at(t, 60.0)[0]
        yield "road", shapely.LineString([inner, outer]), {"name": f"Road {i}"}

    # Buildings inside, a few against the fence; parking outside; trees and containers.
    buildings = max(1, int(760 * k))
    for i in range(buildings):
        t = np.array([rng.uniform(0, 2 * math.pi)])
        depth = 1.5 + 5 if i % 40 == 0 else rng.uniform(40, 0.8 * ring.radius(t)[0])
        c = ring.at(t, -depth - 5)[0]
        yield "building", _rect(c[0], c[1], 10, 10), {"role": "other", "name": f"Building {i}"}
    for i in range(max(1, int(100 * k))):
        t = np.array([rng.uniform(0, 2 * math.pi)])
        c = ring.at(t, 80.0 + rng.uniform(0, 150))[0]
        yield "parking", _rect(c[0], c[1], 40, 20), {"name": f"Car park {i}"}
    obstacles = size.features - (
        1
        + used
        + landside
        + sras
        + max(2, int(10 * k))
        + aps
        + roads
        + buildings
        + max(1, int(100 * k))
    )
    for i in range(max(0, obstacles)):
        t = np.array([rng.uniform(0, 2 * math.pi)])
        offset = rng.choice([-1.0, 2.0]) if i % 20 == 0 else -rng.uniform(10, 500)
        c = ring.at(t, offset)[0]
        kind = "container" if i % 3 == 0 else "tree"
        yield "obstacle", shapely.Point(*c), {"obstacle": kind}


def synthetic_airport(
    scale: float = 1.0, seed: int = 1, centre: tuple[float, float] = CENTRE
) -> list[Feature]:
    """Return a synthetic airport layout in WGS84 lon/lat.

    Parameters
    ----------
    scale
        1 is the reference size (40 km perimeter, 20,000 vertices, 2,000 features, 500 access
        points); every dimension grows linearly with it.
    seed
        Random seed: the same seed gives the same airport.
    centre
        (lon, lat) the airport is centred on.
    """
    size = Size.at_scale(scale)
    rows = list(_features_in_metres(size, seed))
    projection = LocalProjection(*centre)
    lonlat = projection.to_lonlat(np.array([g for _, g, _ in rows], dtype=object))
    lonlat = shapely.transform(lonlat, lambda c: np.round(c, 8))
    texts = shapely.to_geojson(lonlat)
    return [
        Feature(id=f"syn-{i}", kind=kind, geometry=json.loads(text), properties=props)
        for i, ((kind, _, props), text) in enumerate(zip(rows, texts, strict=True))
    ]


def describe(features: list[Feature]) -> dict[str, int]:
    """Counts of a layout: features, access points and airside perimeter vertices."""
    vertices = sum(len(f.geometry["coordinates"][0]) - 1 for f in features if f.kind == "airside")
    return {
        "features": len(features),
        "access_points": sum(1 for f in features if f.kind == "access_point"),
        "perimeter_vertices": vertices,
    }


def main() -> int:
    """Write a synthetic airport as GeoJSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    features = synthetic_airport(args.scale, args.seed)
    Path(args.output).write_text(json.dumps(feature_collection(features)), encoding="utf-8")
    print(f"wrote {args.output}: {describe(features)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
