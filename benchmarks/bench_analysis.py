"""Time the geometry analysis over synthetic airports of growing size.

    python benchmarks/bench_analysis.py [--quick] [--runs N]

Full run: sizes 1x, 4x and 16x of the reference airport (40 km perimeter of 20,000 vertices,
2,000 features, 500 access points at 1x); --quick: 1/16x, 1/4x and 1x. Each figure is the
median of several runs of :func:`avsec.geo.analysis.analyze` (projection, every rule, findings
back to lon/lat); building the synthetic layout is not timed. Target: under 1 s at 1x, time
growing roughly linearly with size (about 4x per 4x step).

Both wall-clock and CPU time (of this process) are given, with the load average before and
after: on a shared machine other processes slow the wall clock down far more than the CPU
time, so compare CPU times when the load is above the number of cores.
"""

from __future__ import annotations

import argparse
import os
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


def _load() -> float | None:
    """The one-minute load average, or None where the system does not give it."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def time_analysis(scale: float, runs: int) -> dict:
    """Median wall and CPU seconds of ``runs`` analyses at ``scale``, with its counts."""
    features = synthetic_airport(scale)
    parameters = RuleParameters()
    seconds, cpu = [], []
    findings = 0
    load_before = _load()
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = analyze(features, parameters, centre=CENTRE)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        findings = len(result.findings)
    return {
        "scale": scale,
        "runs": runs,
        "median_s": statistics.median(seconds),
        "median_cpu_s": statistics.median(cpu),
        "load": [load_before, _load()],
        "findings": findings,
        **describe(features),
    }


def _growth(values: list[float]) -> list[float | None]:
    return [round(b / a, 2) if a else None for a, b in zip(values, values[1:], strict=False)]


def measure_analysis(quick: bool, runs: int | None = None) -> dict:
    """Time the analysis at three sizes.

    Parameters
    ----------
    quick
        Sizes 1/16x, 1/4x and 1x instead of 1x, 4x and 16x.
    runs
        Analyses per size; by default 5 (3 above 4x or with ``quick``).

    Returns
    -------
    dict
        ``{"sizes": [scale, ...], "seconds": [median, ...], "cpu_seconds": [median, ...],
        "rows": [...], "target_1x_s", "growth" and "cpu_growth": [ratio between consecutive
        sizes]}``.
    """
    sizes = QUICK_SIZES if quick else FULL_SIZES
    rows = []
    for scale in sizes:
        count = runs if runs else (3 if quick or scale > 4 else 5)
        rows.append(time_analysis(scale, count))
    seconds = [round(r["median_s"], 4) for r in rows]
    cpu_seconds = [round(r["median_cpu_s"], 4) for r in rows]
    return {
        "sizes": list(sizes),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "growth": _growth(seconds),
        "cpu_growth": _growth(cpu_seconds),
        "target_1x_s": TARGET_1X_S,
        "rows": rows,
    }


def table(results: dict) -> str:
    """The results as a plain table."""
    header = (
        f"{'size':>6}  {'features':>8}  {'access pts':>10}  {'perimeter vtx':>13}  "
        f"{'findings':>8}  {'runs':>4}  {'median s':>8}  {'cpu s':>7}  {'load':>11}"
    )
    lines = [header, "-" * len(header)]
    for row in results["rows"]:
        load = "/".join("?" if v is None else f"{v:.2f}" for v in row.get("load", []))
        lines.append(
            f"{row['scale']:>5g}x  {row['features']:>8}  {row['access_points']:>10}  "
            f"{row['perimeter_vertices']:>13}  {row['findings']:>8}  {row.get('runs', ''):>4}  "
            f"{row['median_s']:>8.3f}  {row.get('median_cpu_s', float('nan')):>7.3f}  {load:>11}"
        )

    def ratios(values: list[float | None]) -> str:
        return ", ".join(f"{g}x" for g in values)

    lines.append(
        f"growth between sizes (x4 each): wall {ratios(results['growth'])}; "
        f"cpu {ratios(results.get('cpu_growth', []))}"
    )
    lines.append(f"{os.cpu_count()} cores; load = 1-minute load average before/after each size")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the timing table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 1/16x, 1/4x, 1x")
    parser.add_argument("--runs", type=int, default=None, help="analyses per size (median)")
    args = parser.parse_args(argv)
    print(table(measure_analysis(args.quick, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
