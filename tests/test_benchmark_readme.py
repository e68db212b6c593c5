"""benchmarks/run.py --readme: README's performance table is written from one run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import run as bench_run  # noqa: E402


def _results() -> dict:
    """A complete result set, as run() returns it (figures made up, all distinct)."""
    return {
        "machine": {
            "cores": 2,
            "processor": "Test CPU 9000",
            "memory_gib": 7.5,
            "system": "Linux 6.1",
            "python": "3.11.7",
            "pyside6": "6.11.3",
            "qt": "6.11.3",
            "load_1min": 0.25,
        },
        "cold_start": {"avsec_s": 0.163, "bare_qt_s": 0.12, "ratio": 1.36},
        "open_large_s": 0.796,
        "open_large_cold_s": 0.573,
        "open_large_read_mib": 16.2,
        "item_switch_ms": 12.3,
        "item_switch_photos_ms": 13.9,
        "map_redraw_ms": {"features": 2000, "median_ms": 25.0, "max_ms": 121.0},
        "gui_analysis_s": 0.6,
        "gui_analysis_stall_ms": 47.0,
        "paths_s": 1.104,
        "analysis": {"sizes": [1.0, 4.0, 16.0], "seconds": [0.2, 0.8, 2.5], "cpu_seconds": [0.1]},
        "report_large_s": 3.81,
        "report_large_loaded_s": 4.82,
        "report_loaded_ratio": 1.27,
        "report_large_cpu_s": 3.91,
        "add_photo_ms": {"photos": 101, "first_ms": 130.0, "last_ms": 124.0},
        "peak_rss_mb": 250.0,
        "peak_rss_by_operation_mb": {"report_large": 250.0},
        "wall_s": 301.5,
        "load_1min_after": 0.75,
        "quick": False,
    }


def test_the_block_between_the_markers_is_replaced_and_nothing_else(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    before, after = "# Title\n\nProse before.\n\n", "\n\nProse after.\n"
    old = f"{bench_run.README_START}\nold table 9.99 s\n{bench_run.README_END}"
    readme.write_text(before + old + after, encoding="utf-8")
    bench_run.write_readme(readme, _results())
    text = readme.read_text(encoding="utf-8")
    assert text.startswith(before) and text.endswith(after)
    assert "9.99" not in text
    block = text[len(before) : len(text) - len(after)]
    assert block.startswith(bench_run.README_START) and block.endswith(bench_run.README_END)
    # The machine and its load are written with the figures.
    for shown in ("Test CPU 9000", "2 cores", "7.5 GiB", "Python 3.11.7", "Qt 6.11.3"):
        assert shown in block
    assert "load average 0.25 before, 0.75 after" in block and "301.5 s" in block
    assert "3.81 / 4.82 s" in block and "16.2 MiB" in block
    assert "targets missed: report_large_s, analysis_16x_s" in block


def test_a_readme_without_the_markers_is_refused(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        bench_run.write_readme(readme, _results())
    assert readme.read_text(encoding="utf-8") == "# Title\n"


def test_the_project_readme_has_one_generated_block() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count(bench_run.README_START) == 1 and text.count(bench_run.README_END) == 1
    assert text.index(bench_run.README_START) < text.index(bench_run.README_END)


def test_readme_takes_a_full_run() -> None:
    with pytest.raises(SystemExit):
        bench_run.main(["--readme", "README.md", "--quick"])
    with pytest.raises(SystemExit):
        bench_run.main(["--only", "no_such_group"])
