"""Time the PDF report of a large assessment (issue 13: under 2 s idle, within 1.5x of that
with one core busy).

The figure is what an inspector waits for: ``avsec report large.avsec -o report.pdf`` run as
a fresh process (interpreter start, imports, opening the file, the report itself, its path
analysis in a second process on Linux), median of several runs after one untimed run.
``python benchmarks/bench_report.py`` also prints where the time goes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from large_assessment import PHOTO_SIZE, make_large_assessment  # noqa: E402

#: Smaller photos for --quick, which checks that the benchmark runs, not how fast.
QUICK_PHOTO_SIZE = (1600, 1200)


def _report_once(path: Path, out: Path, lang: str = "en", cpu: list[float] | None = None) -> float:
    """Wall seconds of one ``avsec report``; its CPU seconds (user + system) go to ``cpu``."""
    started, before = time.perf_counter(), os.times()
    subprocess.run(
        [sys.executable, "-m", "avsec", "report", str(path), "-o", str(out), "--lang", lang],
        check=True,
        capture_output=True,
    )
    after = os.times()
    if cpu is not None:
        cpu.append(
            after.children_user
            - before.children_user
            + after.children_system
            - before.children_system
        )
    return time.perf_counter() - started


def measure_report(quick: bool, path: Path | None = None) -> dict[str, float]:
    """Median seconds of ``avsec report`` on a large assessment, idle and with another process
    keeping one core busy (a loaded machine), and their ratio.

    Parameters
    ----------
    quick
        One run of each on an assessment with small photos instead of three with phone-size
        photos (when ``path`` is None).
    path
        The assessment; None builds one in a temp folder.
    """
    from avsec.io.checklists import get_checklist

    with tempfile.TemporaryDirectory() as tmp:
        if path is None:
            size = QUICK_PHOTO_SIZE if quick else PHOTO_SIZE
            path = make_large_assessment(
                Path(tmp) / "large.avsec", get_checklist(), photo_size=size
            )
        runs = 1 if quick else 3
        _report_once(path, Path(tmp) / "warm.pdf")  # the report's modules and the file cached
        cpu: list[float] = []
        idle = [_report_once(path, Path(tmp) / f"report{n}.pdf", cpu=cpu) for n in range(runs)]
        spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        try:
            loaded = [_report_once(path, Path(tmp) / f"loaded{n}.pdf") for n in range(runs)]
        finally:
            spinner.kill()
            spinner.wait()
    idle_s, loaded_s = statistics.median(idle), statistics.median(loaded)
    return {
        "idle_s": round(idle_s, 3),
        "loaded_s": round(loaded_s, 3),
        "ratio": round(loaded_s / idle_s, 2),
        # CPU time does not grow when other processes share the cores: on a busy machine it
        # says more about the report than the wall clock.
        "cpu_s": round(statistics.median(cpu), 3),
    }


def breakdown(path: Path, out: Path) -> dict[str, float]:
    """Seconds spent in each phase of one report, in this process."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    from avsec.io.checklists import load_catalogue
    from avsec.report.pdf import build_report
    from avsec.store import AvsecFile

    timings["imports"] = time.perf_counter() - started
    mark = time.perf_counter()
    with AvsecFile.open(path) as f:
        doc = f.document()
        timings["open and read"] = time.perf_counter() - mark
        mark = time.perf_counter()
        catalogue = load_catalogue()
        timings["catalogue"] = time.perf_counter() - mark
        mark = time.perf_counter()
        build_report(doc, out, lang="en", photo_loader=f.report_photo_bytes, catalogue=catalogue)
        timings["build_report"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return {k: round(v, 3) for k, v in timings.items()}


def main() -> int:
    """Print the median and a breakdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from run import installed_bytecode

    installed_bytecode()
    from pypdf import PdfReader

    from avsec.io.checklists import get_checklist

    with tempfile.TemporaryDirectory() as tmp:
        size = QUICK_PHOTO_SIZE if args.quick else PHOTO_SIZE
        started = time.perf_counter()
        path = make_large_assessment(Path(tmp) / "large.avsec", get_checklist(), photo_size=size)
        print(
            f"generated {path.stat().st_size / 2**20:.0f} MiB in {time.perf_counter() - started:.1f} s"
        )
        times = [_report_once(path, Path(tmp) / "r.pdf") for _ in range(args.runs)]
        pdf = Path(tmp) / "r.pdf"
        pages = len(PdfReader(pdf).pages)
        print(
            f"avsec report: median {statistics.median(times):.2f} s "
            f"(runs {', '.join(f'{t:.2f}' for t in times)}); {pages} pages, "
            f"{pdf.stat().st_size / 2**20:.1f} MiB"
        )
        print("in-process breakdown:", breakdown(path, Path(tmp) / "b.pdf"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
