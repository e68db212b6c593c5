"""Run every benchmark and print a table (issue 8).

    python benchmarks/run.py [--quick] [--json OUT]

Each figure is the median of several runs; comparisons (avsec against a bare PySide6 window)
are measured in the same run. --quick uses fewer repeats and smaller inputs and finishes in
under a minute: CI runs it as a smoke test of the script, not of the times.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

TARGETS = {
    "cold_start_ratio": 1.5,
    "open_large_s": 1.0,
    "item_switch_ms": 50.0,
    "analysis_s": 1.0,
    "report_large_s": 5.0,
    "peak_rss_mb": 400.0,
}


#: Runs each command in turn and prints {name: peak resident MB}. It runs in a small process of
#: its own because a child forked from a large parent reports the parent's pages in ru_maxrss.
_PEAK_SCRIPT = """
import json, os, subprocess, sys
peaks = {}
for name, command in json.loads(sys.argv[1]).items():
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{name} failed: {command}")
    peaks[name] = round(usage.ru_maxrss / 1024, 1)  # KiB on Linux
print(json.dumps(peaks))
"""


def measure_peak_rss(large: Path, folder: Path) -> dict[str, float]:
    """Peak resident memory (MB) of the app-facing operations on the large inputs.

    The GUI opening and rendering the large assessment, the PDF report of it, and the analysis
    of the 1x synthetic airport through the CLI, each in a process of its own.
    """
    import subprocess

    from synthetic_airport import synthetic_airport

    from avsec.core.layout import feature_collection

    layout = folder / "synthetic-1x.geojson"
    layout.write_text(json.dumps(feature_collection(synthetic_airport(1.0))), encoding="utf-8")
    avsec = [sys.executable, "-m", "avsec"]
    commands = {
        "gui_open_large": [*avsec, "gui", str(large), "--screenshot", str(folder / "shot.png")],
        "report_large": [*avsec, "report", str(large), "-o", str(folder / "peak.pdf")],
        "analyze_1x": [*avsec, "analyze", str(layout), "--json"],
    }
    import os

    # A private settings folder: a benchmark must not add files to the user's recent list.
    env = {**os.environ, "AVSEC_SETTINGS": str(folder / "settings.ini")}
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, json.dumps(commands)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(result.stdout)


def run(quick: bool) -> dict:
    """Measure everything and return the JSON shape of issue 8."""
    import bench_analysis
    import bench_gui
    import bench_report
    import paths_bench
    from large_assessment import make_large_assessment

    from avsec.io.checklists import get_checklist

    results: dict = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        large = make_large_assessment(Path(tmp) / "large.avsec", get_checklist())
        results["cold_start"] = bench_gui.measure_cold_start()
        results["open_large_s"] = bench_gui.measure_open_s(large)
        results["item_switch_ms"] = bench_gui.measure_item_switch_ms(large)
        results["map_redraw_ms"] = bench_gui.measure_map_redraw_ms()
        results["analysis"] = bench_analysis.measure_analysis(quick)
        results["paths_s"] = paths_bench.measure_paths(quick)["paths_s"]
        results["report_large_s"] = bench_report.measure_report(quick)
        peaks = measure_peak_rss(large, Path(tmp))
    results["peak_rss_mb"] = max(peaks.values())
    results["peak_rss_by_operation_mb"] = peaks
    results["wall_s"] = round(time.perf_counter() - started, 1)
    results["quick"] = quick
    return results


def table(results: dict) -> str:
    """Format the results with their targets."""
    cold = results["cold_start"]
    analysis = results["analysis"]
    largest = analysis["seconds"][-1] if analysis["seconds"] else float("nan")
    growth = ", ".join(f"{s:.3f}" for s in analysis["seconds"])
    rows = [
        ("cold start, avsec window", f"{cold['avsec_s']:.3f} s", ""),
        ("cold start, bare PySide6 window", f"{cold['bare_qt_s']:.3f} s", ""),
        ("cold start ratio", f"{cold['ratio']:.2f}x", f"<= {TARGETS['cold_start_ratio']}x"),
        (
            "open large assessment",
            f"{results['open_large_s']:.3f} s",
            f"< {TARGETS['open_large_s']} s",
        ),
        (
            "switch item",
            f"{results['item_switch_ms']:.1f} ms",
            f"< {TARGETS['item_switch_ms']:.0f} ms",
        ),
        (
            f"map redraw, {results['map_redraw_ms']['features']} features, median / worst",
            f"{results['map_redraw_ms']['median_ms']:.0f} / "
            f"{results['map_redraw_ms']['max_ms']:.0f} ms",
            "no visible lag",
        ),
        (
            f"analysis, sizes {analysis['sizes']}",
            f"{growth} s",
            f"1x < {TARGETS['analysis_s']} s",
        ),
        ("adversary paths, 1x airport + 30 targets", f"{results.get('paths_s', 0):.3f} s", "< 2 s"),
        (
            "report, large assessment",
            f"{results['report_large_s']:.2f} s",
            f"< {TARGETS['report_large_s']} s",
        ),
        (
            "peak memory (largest operation)",
            f"{results['peak_rss_mb']:.0f} MB",
            f"< {TARGETS['peak_rss_mb']:.0f} MB",
        ),
        *[
            (f"  peak memory, {name}", f"{mb:.0f} MB", "")
            for name, mb in results.get("peak_rss_by_operation_mb", {}).items()
        ],
    ]
    del largest
    width = max(len(r[0]) for r in rows)
    lines = [f"{'measure'.ljust(width)}  {'median':>24}  target", "-" * (width + 40)]
    lines += [f"{name.ljust(width)}  {value:>24}  {target}" for name, value, target in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller inputs")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)
    results = run(args.quick)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
