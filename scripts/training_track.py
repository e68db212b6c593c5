"""Write the training airport's walked GPS track, assets/training/walk.gpx.

The inspector walks 8 m inside the airside fence (a rectangle x -1000..1000, y -200..300 m
from the reference point, assets/training/README.md) from the west fence round the south,
east and north fences, and stops 300 m west of the north fence's middle: the north-west corner
(700 m of north fence and 300 m of west fence) is left uninspected. One fix every 10 m at a
walking pace of 1.25 m/s, as a phone's GPX 1.1 would hold it. Run from the repository root:
``python scripts/training_track.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from avsec.workshop.training import load_scenario, to_lonlat

INSET_M = 8.0
STEP_M = 10.0
SPEED_MPS = 1.25
#: Corners of the walk, metres east and north of the reference point.
CORNERS = [
    (-1000 + INSET_M, 0.0),
    (-1000 + INSET_M, -200 + INSET_M),
    (1000 - INSET_M, -200 + INSET_M),
    (1000 - INSET_M, 300 - INSET_M),
    (-300.0, 300 - INSET_M),
]


def walk() -> list[tuple[float, float]]:
    """Points every :data:`STEP_M` along the corners (each corner kept)."""
    points = [CORNERS[0]]
    for (x0, y0), (x1, y1) in zip(CORNERS, CORNERS[1:], strict=False):
        length = abs(x1 - x0) + abs(y1 - y0)
        steps = max(1, round(length / STEP_M))
        for n in range(1, steps + 1):
            t = n / steps
            points.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
    return points


def main() -> None:
    scenario = load_scenario()
    start = dt.datetime.combine(scenario.visit_date, dt.time(14, 5), tzinfo=dt.UTC)
    rows = []
    for n, (x, y) in enumerate(walk()):
        lon, lat = to_lonlat(x, y)
        when = (start + dt.timedelta(seconds=round(n * STEP_M / SPEED_MPS))).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
        rows.append(f'      <trkpt lat="{lat:.7f}" lon="{lon:.7f}"><time>{when}</time></trkpt>')
    text = "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<gpx version="1.1" creator="avsec training airport" '
            'xmlns="http://www.topografix.com/GPX/1/1">',
            "  <trk>",
            "    <name>Perimeter walk</name>",
            "    <trkseg>",
            *rows,
            "    </trkseg>",
            "  </trk>",
            "</gpx>",
            "",
        ]
    )
    Path("assets/training/walk.gpx").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
