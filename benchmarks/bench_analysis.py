"""Time the geometry analysis over synthetic airports of growing size.

    python benchmarks/bench_analysis.py [--quick] [--runs N]

Full run: sizes 1x, 4x and 16x of the reference airport (40 km perimeter of 20,000 vertices,
2,000 features, 500 access points at 1x); --quick: 1/16x, 1/4x and 1x. Each figure is the
median of several runs of :func:`avsec.geo.analysis.analyze` (projection, every rule, findings
back to lon/lat); building the synthetic layout is not timed. Target: under 1 s at 1x, time
growing roughly linearly with size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from synthetic_airport import CENTRE, describe, synthetic_airport
else:
    from .synthetic_airport import CENTRE, describe, synthetic_airport

from avsec.core.assessment import RuleParameters  # noqa: E402
from avsec.geo.analysis import analyze  # noqa: E402

FULL_SIZES = (1.0, 4.0, 16.0)
QUICK_SIZES = (1 / 16, 1 / 4, 1.0)
TARGET_1X_S = 1.0


def time_analysis(scale: float, runs: int) -> dict:
    """Median seconds of ``runs`` analyses of the airport at ``scale``, with its counts."""
    features = synthetic_airport(scale)
    parameters = RuleParameters()
    seconds = []
    findings = 0
    for _ in range(runs):
        started = time.perf_counter()
        result = analyze(features, parameters, centre=CENTRE)
        seconds.append(time.perf_counter() - started)
        findings = len(result.findings)
    return {
        "scale": scale,
        "median_s": statistics.median(seconds),
        "findings": findings,
        **describe(features),
    }


def measure_analysis(quick: bool) -> dict:
    """Time the analysis at three sizes.

    Returns
    -------
    dict
        ``{"sizes": [scale, ...], "seconds": [median, ...], "rows": [...], "target_1x_s",
        "growth": [seconds ratio between consecutive sizes]}``.
    """
    sizes = QUICK_SIZES if quick else FULL_SIZES
    rows = []
    for scale in sizes:
        runs = 3 if quick or scale > 4 else 5
        rows.append(time_analysis(scale, runs))
    seconds = [round(r["median_s"], 4) for r in rows]
    growth = [round(b / a, 2) if a else None for a, b in zip(seconds, seconds[1:], strict=False)]
    return {
        "sizes": list(sizes),
        "seconds": seconds,
        "growth": growth,
        "target_1x_s": TARGET_1X_S,
        "rows": rows,
    }


def table(results: dict) -> str:
    """The results as a plain table."""
    header = f"{'size':>6}  {'features':>8}  {'access pts':>10}  {'perimeter vtx':>13}  {'findings':>8}  {'median s':>8}"
    lines = [header, "-" * len(header)]
    for row in results["rows"]:
        lines.append(
            f"{row['scale']:>5g}x  {row['features']:>8}  {row['access_points']:>10}  "
            f"{row['perimeter_vertices']:>13}  {row['findings']:>8}  {row['median_s']:>8.3f}"
        )
    lines.append(f"growth between sizes (x4 each): {', '.join(f'{g}x' for g in results['growth'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the timing table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 1/16x, 1/4x, 1x")
    args = parser.parse_args(argv)
    print(table(measure_analysis(args.quick)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
