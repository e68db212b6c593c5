"""Time the adversary path analysis (issue 18) on the synthetic airport.

    python benchmarks/paths_bench.py [--quick] [--scale S]

The 1x airport of synthetic_airport.py (40 km perimeter, 2,000 features, 500 access points)
gets 10 more SRAs and 20 more critical parts (two per new SRA, one SRA fenced with sensors,
doors on each) so that every target has a real route to find. Prints the median time of
``analyse_paths`` (upgrades and required response times included) and the number of
candidate crossings, and the growth with the scale (target: under 2 s at 1x).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from synthetic_airport import CENTRE, synthetic_airport  # noqa: E402

from avsec.core.layout import Feature  # noqa: E402
from avsec.geo.projection import LocalProjection  # noqa: E402

TARGET_S = 2.0


def _feature(fid: str, kind: str, geom, projection: LocalProjection, **props) -> Feature:
    return Feature(
        id=fid,
        kind=kind,
        geometry=json.loads(shapely.to_geojson(projection.to_lonlat(geom))),
        properties=props,
    )


def paths_airport(scale: float = 1.0) -> list[Feature]:
    """The synthetic airport with 10 x scale more SRAs, each holding two critical parts."""
    features = synthetic_airport(scale)
    projection = LocalProjection(*CENTRE)
    radius = 40_000 * scale / (2 * math.pi)
    extra = max(1, int(round(10 * scale)))
    for i in range(extra):
        t = 2 * math.pi * (i + 0.25) / extra
        cx, cy = 0.3 * radius * math.cos(t), 0.55 * radius * math.sin(t)
        sra = shapely.box(cx - 150, cy - 100, cx + 150, cy + 100)
        features.append(_feature(f"bench-sra-{i}", "sra", sra, projection, name=f"Bench SRA {i}"))
        ring = shapely.LineString(sra.exterior.coords)
        props = {"barrier": "fence", "height_m": 2.5, "topping": "barbed_wire"}
        if i % 2 == 0:
            props |= {"intrusion_detection": True, "cctv": True, "lighting": True}
        features.append(_feature(f"bench-sra-fence-{i}", "barrier", ring, projection, **props))
        features.append(
            _feature(
                f"bench-door-{i}",
                "access_point",
                shapely.Point(cx - 150, cy),
                projection,
                control="electronic",
                mode="pedestrian",
            )
        )
        for j, dx in enumerate((-80, 80)):
            part = shapely.box(cx + dx - 40, cy - 30, cx + dx + 40, cy + 30)
            features.append(
                _feature(
                    f"bench-cp-{i}-{j}",
                    "critical_part",
                    part,
                    projection,
                    name=f"Bench critical part {i}.{j}",
                )
            )
    return features


def time_paths(scale: float, runs: int) -> dict:
    """Median seconds of analyse_paths at ``scale`` and the size of the problem."""
    from avsec.geo.paths import analyse_paths

    features = paths_airport(scale)
    times, cpu = [], []
    result = None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = analyse_paths(features, centre=CENTRE)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert result is not None
    return {
        "scale": scale,
        "features": len(features),
        "targets": len(result.targets),
        "seconds": round(statistics.median(times), 3),
        # CPU time: what the wall time is on an idle machine; the two cores are often shared.
        "cpu_seconds": round(statistics.median(cpu), 3),
    }


def measure_paths(quick: bool, runs: int | None = None) -> dict:
    """Times at several scales; ``paths_s`` is the 1x figure (0.25x with --quick)."""
    scales = [0.25] if quick else [0.5, 1.0, 2.0]
    rows = [time_paths(s, runs or (1 if quick else 3)) for s in scales]
    one = next((r for r in rows if r["scale"] == 1.0), rows[-1])
    return {"paths_s": one["seconds"], "rows": rows, "target_s": TARGET_S}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scale", type=float, default=None)
    args = parser.parse_args(argv)
    if args.scale is not None:
        print(json.dumps(time_paths(args.scale, 1 if args.quick else 3)))
        return 0
    results = measure_paths(args.quick)
    for row in results["rows"]:
        print(
            f"{row['scale']:>5}x  {row['features']:>6} features  {row['targets']:>3} targets  "
            f"{row['seconds']:.3f} s (CPU {row['cpu_seconds']:.3f} s)"
        )
    print(f"paths_s {results['paths_s']:.3f} s (target {TARGET_S} s)")
    return 0


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main())
