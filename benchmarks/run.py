"""Run every benchmark and print a table (issues 8 and 13).

    python benchmarks/run.py [--quick] [--json OUT] [--readme README.md] [--only GROUP,...]

``--readme`` writes the table, with the machine and its load, into README.md between the
``benchmarks:start`` and ``benchmarks:end`` markers: the published table is always one run.
``--only`` runs some groups (see GROUPS) and prints their figures as JSON, to compare before
and after a change.

Each figure is the median of several runs; comparisons (avsec against a bare PySide6 window,
the report idle against the report with one core busy) are measured in the same run. What is
timed is what a user waits for: the cold start ends when the window is shown and its menus,
tool bar and status bar exist; opening is also timed on a copy evicted from the OS cache; an
item switch ends when its thumbnails are painted; Analyse is clicked in the app. avsec's modules
are compiled to bytecode first, as an installation does. --quick uses
fewer repeats and smaller photos and finishes in a few minutes: CI runs it as a smoke test of
the script, not of the times.
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
    "open_large_cold_s": 1.0,
    "open_large_read_mib": 20.0,
    "item_switch_ms": 50.0,
    "gui_analysis_s": 1.5,
    "analysis_s": 1.0,
    "analysis_16x_s": 2.0,
    "report_large_s": 2.0,
    "report_loaded_ratio": 1.5,
    "add_photo_ratio": 2.0,
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

    The GUI with the large assessment open, its map shown and every photo's thumbnail loaded;
    the PDF report of it; the analysis of the 1x synthetic airport through the CLI; each in a
    process of its own.
    """
    import os
    import subprocess

    import bench_gui
    from synthetic_airport import synthetic_airport

    from avsec.core.layout import feature_collection

    layout = folder / "synthetic-1x.geojson"
    layout.write_text(json.dumps(feature_collection(synthetic_airport(1.0))), encoding="utf-8")
    avsec = [sys.executable, "-m", "avsec"]
    commands = {
        "gui_map_and_thumbnails": bench_gui.gui_peak_command(large),
        "report_large": [*avsec, "report", str(large), "-o", str(folder / "peak.pdf")],
        "analyze_1x": [*avsec, "analyze", str(layout), "--json"],
    }
    env = bench_gui._environment(folder)
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, json.dumps(commands)],
        capture_output=True,
        text=True,
        check=True,
        env={**env, "PYTHONPATH": os.pathsep.join([str(HERE.parent), env["PYTHONPATH"]])},
    )
    return json.loads(result.stdout)


#: What ``--only`` can pick, each a group of the keys run() returns.
GROUPS = (
    "cold_start",
    "open",
    "item_switch",
    "map_redraw",
    "gui_analysis",
    "analysis",
    "paths",
    "report",
    "add_photo",
    "peak",
)
#: Groups that need the large assessment.
_NEEDS_LARGE = {"open", "item_switch", "report", "peak"}

#: The markers around the generated part of README's Performance section.
README_START = "<!-- benchmarks:start (python benchmarks/run.py --readme README.md) -->"
README_END = "<!-- benchmarks:end -->"


def machine() -> dict:
    """What the figures were measured on: cores, processor, memory, Python, Qt, and the
    one-minute load average (other processes slow the wall clock down, not the CPU time)."""
    import os
    import platform

    model = ""
    memory_gib = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            model = next(
                (
                    line.split(":", 1)[1].strip()
                    for line in cpuinfo
                    if line.startswith("model name")
                ),
                "",
            )
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            total_kib = int(
                next(line for line in meminfo if line.startswith("MemTotal")).split()[1]
            )
            memory_gib = round(total_kib / 2**20, 1)
    except (OSError, StopIteration, ValueError):
        pass
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = qVersion()
    except ImportError:
        pyside = qt = None
    try:
        load = round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        load = None
    return {
        "cores": os.cpu_count(),
        "processor": model or platform.processor(),
        "memory_gib": memory_gib,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": pyside,
        "qt": qt,
        "load_1min": load,
    }


def installed_bytecode() -> None:
    """Compile avsec's modules to bytecode, as installing a wheel does.

    Every figure is timed as an installed avsec runs. A source checkout run with
    PYTHONDONTWRITEBYTECODE set (as on the CI machines) would otherwise compile every module
    from source on every start, a cost no installed copy pays.
    """
    import compileall

    compileall.compile_dir(str(HERE.parent / "avsec"), quiet=1)


def run(quick: bool, only: frozenset[str] = frozenset(GROUPS)) -> dict:
    """Measure everything (or the groups in ``only``) and return the JSON shape of issue 8
    plus issue 13's keys."""
    import bench_analysis
    import bench_file
    import bench_gui
    import bench_report
    import paths_bench
    from bench_report import QUICK_PHOTO_SIZE
    from large_assessment import PHOTO_SIZE, make_large_assessment

    from avsec.io.checklists import get_checklist

    results: dict = {"machine": machine()}
    installed_bytecode()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        size = QUICK_PHOTO_SIZE if quick else PHOTO_SIZE
        large = Path(tmp) / "large.avsec"
        if only & _NEEDS_LARGE:
            make_large_assessment(large, get_checklist(), photo_size=size)
            results["large_assessment"] = {
                "features": 2000,
                "photos": 100,
                "photo_px": list(size),
                "file_mib": round(large.stat().st_size / 2**20, 1),
            }
        if "cold_start" in only:
            results["cold_start"] = bench_gui.measure_cold_start(3 if quick else 7)
        if "open" in only:
            results["open_large_s"] = bench_gui.measure_open_s(large)
            results.update(bench_file.measure_open_cold(large, 1 if quick else 3))
        if "item_switch" in only:
            switch = bench_gui.measure_item_switch_ms(large)
            results["item_switch_ms"] = switch["median_ms"]
            results["item_switch_photos_ms"] = switch["with_photos_median_ms"]
            results["item_switch_worst_ms"] = switch["worst_ms"]
        if "map_redraw" in only:
            results["map_redraw_ms"] = bench_gui.measure_map_redraw_ms()
        if "gui_analysis" in only:
            analysis = bench_gui.measure_gui_analysis()
            results["gui_analysis_s"] = analysis["seconds"]
            results["gui_analysis_stall_ms"] = analysis["longest_stall_ms"]
        if "analysis" in only:
            results["analysis"] = bench_analysis.measure_analysis(quick)
        if "paths" in only:
            results["paths_s"] = paths_bench.measure_paths(quick)["paths_s"]
        if "report" in only:
            report = bench_report.measure_report(quick, large)
            results["report_large_s"] = report["idle_s"]
            results["report_large_loaded_s"] = report["loaded_s"]
            results["report_loaded_ratio"] = report["ratio"]
            results["report_large_cpu_s"] = report["cpu_s"]
        if "add_photo" in only:
            results["add_photo_ms"] = bench_file.measure_add_photo(quick)
        if "peak" in only:
            peaks = measure_peak_rss(large, Path(tmp))
            results["peak_rss_mb"] = max(peaks.values())
            results["peak_rss_by_operation_mb"] = peaks
    results["wall_s"] = round(time.perf_counter() - started, 1)
    results["load_1min_after"] = machine()["load_1min"]
    results["quick"] = quick
    return results


def verdicts(results: dict) -> dict[str, bool]:
    """Whether each figure with a target meets it."""
    analysis = results["analysis"]
    largest = analysis["seconds"][-1] if analysis["seconds"] else float("nan")
    first = analysis["seconds"][0] if analysis["seconds"] else float("nan")
    photo = results["add_photo_ms"]
    checks = {
        "cold_start_ratio": results["cold_start"]["ratio"] <= TARGETS["cold_start_ratio"],
        "open_large_s": results["open_large_s"] < TARGETS["open_large_s"],
        "open_large_cold_s": results["open_large_cold_s"] < TARGETS["open_large_cold_s"],
        "open_large_read_mib": results["open_large_read_mib"] < TARGETS["open_large_read_mib"],
        "item_switch_ms": results["item_switch_ms"] < TARGETS["item_switch_ms"],
        "gui_analysis_s": results["gui_analysis_s"] < TARGETS["gui_analysis_s"],
        "report_large_s": results["report_large_s"] < TARGETS["report_large_s"],
        "report_loaded_ratio": results["report_loaded_ratio"] <= TARGETS["report_loaded_ratio"],
        "add_photo_ratio": photo["last_ms"] <= TARGETS["add_photo_ratio"] * photo["first_ms"],
        "peak_rss_mb": results["peak_rss_mb"] < TARGETS["peak_rss_mb"],
    }
    if not results.get("quick"):
        checks["analysis_s"] = first < TARGETS["analysis_s"]
        checks["analysis_16x_s"] = largest < TARGETS["analysis_16x_s"]
    return checks


def describe_machine(results: dict) -> str:
    """One line on the machine and its load during the run."""
    m = results.get("machine", {})
    return (
        f"{m.get('cores')} cores ({m.get('processor') or 'unknown processor'}), "
        f"{m.get('memory_gib')} GiB, {m.get('system')}, Python {m.get('python')}, "
        f"PySide6 {m.get('pyside6')} (Qt {m.get('qt')}); "
        f"load average {m.get('load_1min')} before, "
        f"{results.get('load_1min_after')} after ({results.get('wall_s')} s run)"
    )


def table(results: dict) -> str:
    """Format the results with their targets."""
    cold = results["cold_start"]
    analysis = results["analysis"]
    largest = analysis["seconds"][-1] if analysis["seconds"] else float("nan")
    growth = ", ".join(f"{s:.3f}" for s in analysis["seconds"])
    photo = results["add_photo_ms"]
    rows = [
        ("cold start, avsec window (setup complete)", f"{cold['avsec_s']:.3f} s", ""),
        ("cold start, bare PySide6 window", f"{cold['bare_qt_s']:.3f} s", ""),
        ("cold start ratio", f"{cold['ratio']:.2f}x", f"<= {TARGETS['cold_start_ratio']}x"),
        (
            "open large assessment (file in OS cache)",
            f"{results['open_large_s']:.3f} s",
            f"< {TARGETS['open_large_s']} s",
        ),
        (
            "open large assessment, cold copy",
            f"{results['open_large_cold_s']:.3f} s",
            f"< {TARGETS['open_large_cold_s']} s",
        ),
        (
            "avsec info on a cold copy, read from disk",
            f"{results['open_large_read_mib']:.1f} MiB",
            f"< {TARGETS['open_large_read_mib']:.0f} MiB",
        ),
        (
            "switch item, thumbnails painted (all / with photos)",
            f"{results['item_switch_ms']:.1f} / {results['item_switch_photos_ms']:.1f} ms",
            f"< {TARGETS['item_switch_ms']:.0f} ms",
        ),
        (
            f"map redraw, {results['map_redraw_ms']['features']} features, median / worst",
            f"{results['map_redraw_ms']['median_ms']:.0f} / "
            f"{results['map_redraw_ms']['max_ms']:.0f} ms",
            "no visible lag",
        ),
        (
            "Analyse in the app, 1x airport (longest stall)",
            f"{results['gui_analysis_s']:.2f} s ({results['gui_analysis_stall_ms']:.0f} ms)",
            f"< {TARGETS['gui_analysis_s']} s",
        ),
        ("adversary paths, 1x airport + 30 targets", f"{results.get('paths_s', 0):.3f} s", "< 2 s"),
        (
            f"analysis, sizes {analysis['sizes']}",
            f"{growth} s",
            f"1x < {TARGETS['analysis_s']} s, 16x < {TARGETS['analysis_16x_s']} s",
        ),
        (
            "analysis, CPU time",
            ", ".join(f"{s:.3f}" for s in analysis.get("cpu_seconds", [])) + " s",
            "",
        ),
        (
            "report, large assessment (idle / one core busy)",
            f"{results['report_large_s']:.2f} / {results['report_large_loaded_s']:.2f} s",
            f"< {TARGETS['report_large_s']} s",
        ),
        (
            "report, loaded / idle",
            f"{results['report_loaded_ratio']:.2f}x",
            f"<= {TARGETS['report_loaded_ratio']}x",
        ),
        *(
            [("report, CPU time (user + system)", f"{results['report_large_cpu_s']:.2f} s", "")]
            if "report_large_cpu_s" in results
            else []
        ),
        (
            f"add photo, 1st / {photo['photos']}{'st' if photo['photos'] % 10 == 1 else 'th'}",
            f"{photo['first_ms']:.0f} / {photo['last_ms']:.0f} ms",
            f"ratio <= {TARGETS['add_photo_ratio']}",
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
    lines = [f"{'measure'.ljust(width)}  {'median':>24}  target", "-" * (width + 50)]
    lines += [
        f"{name.ljust(width)}  {value:>24}  {target}".rstrip() for name, value, target in rows
    ]
    missed = [key for key, met in verdicts(results).items() if not met]
    lines.append("")
    lines.append("machine: " + describe_machine(results))
    lines.append("targets missed: " + (", ".join(missed) if missed else "none"))
    return "\n".join(lines)


def readme_block(results: dict) -> str:
    """The generated part of README's Performance section: how, on what, and the table."""
    return "\n".join(
        [
            README_START,
            f"One run of `python benchmarks/run.py --readme README.md` ({results['wall_s']} s, "
            f"{time.strftime('%Y-%m-%d', time.gmtime())}) on {describe_machine(results)}.",
            "",
            "```",
            table(results),
            "```",
            README_END,
        ]
    )


def write_readme(path: Path, results: dict) -> None:
    """Replace the generated block of ``path`` (README.md) with this run's."""
    text = path.read_text(encoding="utf-8")
    begin, end = text.find(README_START), text.find(README_END)
    if begin < 0 or end < begin:
        raise SystemExit(f"{path}: no {README_START} ... {README_END} block to replace")
    text = text[:begin] + readme_block(results) + text[end + len(README_END) :]
    path.write_text(text, encoding="utf-8")


def _groups(text: str) -> frozenset[str]:
    names = frozenset(name.strip() for name in text.split(",") if name.strip())
    unknown = names - set(GROUPS)
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown group {', '.join(sorted(unknown)) or text!r}; one of {', '.join(GROUPS)}"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller inputs")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--readme",
        type=Path,
        metavar="README",
        help="write the table, machine and load into README's generated block",
    )
    parser.add_argument(
        "--only",
        type=_groups,
        metavar="GROUP,...",
        help=f"run only these groups and print their figures as JSON ({', '.join(GROUPS)})",
    )
    args = parser.parse_args(argv)
    if args.readme and (args.quick or args.only):
        parser.error("--readme takes a full run: no --quick, no --only")
    results = run(args.quick, args.only or frozenset(GROUPS))
    if args.only:
        print(json.dumps(results, indent=2))
    else:
        print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    if args.readme:
        write_readme(args.readme, results)
        print(f"wrote the table into {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
