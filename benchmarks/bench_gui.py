"""Desktop-app timings (issue 5, point 10): cold start, opening, item switching, map redraw.

Every figure is measured in child processes so that each run starts cold and the benchmark
process never needs Qt. Without a display the children use Qt's offscreen platform (the same
for avsec and for the bare PySide6 window they are compared with).

Each child gets a private settings folder: ``AVSEC_SETTINGS`` (the INI file the app reads its
settings from, see avsec.gui.settings) points into a temporary folder, and so do
``XDG_CONFIG_HOME`` and ``XDG_DATA_HOME``, so a benchmark never adds to the user's recent files
or changes their preferences.

The map redraw is measured on the 2,000-feature assessment (the synthetic airport at the
reference size: 40 km perimeter of 20,000 vertices, 500 access points).

    python benchmarks/bench_gui.py [LARGE.avsec]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent

#: The environment variable naming the settings file of the app (benchmarks/run.py uses it too).
SETTINGS_VARIABLE = "AVSEC_SETTINGS"
#: Features of the layout the map redraw is measured on.
MAP_FEATURES = 2000

#: A bare PySide6 window: the floor a Qt app cannot beat.
_BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

#: `avsec` with no file, exactly as a user starts it, stopped once its window is shown AND its
#: setup is complete (actions, menus, tool bar, status bar: avsec.gui.app.run completes the
#: setup one event-loop pass after showing the window).
_AVSEC = """
import sys
import avsec.gui.app as gui_app
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def until_ready(window):
    if window.isVisible() and window._setup_done and window.statusBar().isVisible():
        print("shown", flush=True)
        QApplication.instance().quit()
    else:
        QTimer.singleShot(0, lambda: until_ready(window))

gui_app.after_show.append(until_ready)
from avsec.cli import main
sys.exit(main(["gui"]))
"""

_OPEN = """
import sys, time
from avsec.gui.app import application, make_window
app = application()
window = make_window()
window.resize(1280, 800)
window.show()
app.processEvents()
started = time.perf_counter()
assert window.open_file(sys.argv[1])
app.processEvents()
print(json.dumps(time.perf_counter() - started), flush=True)
window.close()
"""

_SWITCH = """
import sys, time
from avsec.gui.app import application, make_window
app = application()
window = make_window(sys.argv[1], raise_errors=True)
window.resize(1280, 800)
window.show()
app.processEvents()
from PySide6.QtCore import QEventLoop
walker = window.workspace.walker
strip = walker.page.photos
cache = window.session.thumbnails()
items = window.session.checklist.item_ids()
times, with_photos = [], []
for round in range(2):
    if round == 1:
        cache._pixmaps.clear()  # the second pass decodes the thumbnails again, as on first sight
    for item_id in items:
        started = time.perf_counter()
        walker.select_item(item_id)
        app.processEvents()
        # Done when every thumbnail of the item is there (not a placeholder) and painted.
        while any(cache.get(p) is None for p in strip.photo_ids()):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        window.repaint()
        elapsed = (time.perf_counter() - started) * 1000
        times.append(elapsed)
        if strip.photo_ids():
            with_photos.append(elapsed)
print(json.dumps({"times": times, "with_photos": with_photos}), flush=True)
window.close()
"""

_MAP = """
import sys, time
from avsec.gui.app import application, make_window
app = application()
window = make_window(sys.argv[1], raise_errors=True)
window.resize(1280, 800)
window.show()
window.show_view("map")
app.processEvents()
editor = window.workspace.map_editor()
editor.fit()
view = editor.view
times = []
steps = [("zoom", 1.6), ("pan", 120), ("pan", -240), ("zoom", 1.6), ("pan", 200), ("zoom", 0.4), ("zoom", 0.6)]
for _ in range(3):
    for what, amount in steps:
        started = time.perf_counter()
        if what == "zoom":
            editor.zoom(amount)
        else:
            bar = view.horizontalScrollBar()
            bar.setValue(bar.value() + int(amount))
        view.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
print(json.dumps({"features": len(window.session.doc.features), "times": times}), flush=True)
window.close()
"""

#: Analyse clicked in the app (the menu action, as a user does) until the findings are drawn on
#: the map; a 5 ms timer meanwhile records the longest gap between its ticks (how long the
#: window stopped answering).
_ANALYSE = """
import sys, time
from PySide6.QtCore import QEventLoop, QTimer
from avsec.gui.app import application, make_window
app = application()
window = make_window(sys.argv[1], raise_errors=True)
window.resize(1280, 800)
window.show()
window.show_view("map")
app.processEvents()
editor = window.workspace.map_editor()
editor.fit()
app.processEvents()
window.session.doc.findings = []
editor.scene.rebuild_findings()
ticks = []
timer = QTimer()
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start(5)
started = time.perf_counter()
window.registry.action("map.analyse").trigger()
runner = getattr(editor, "analysis", None)  # None: an avsec that analyses on the GUI thread
while (runner is not None and runner.is_running()) or not editor.scene.finding_items:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
editor.view.viewport().repaint()
elapsed = time.perf_counter() - started
timer.stop()
gaps = [b - a for a, b in zip(ticks, ticks[1:])] or [elapsed]
print(json.dumps({"seconds": elapsed, "findings": len(editor.scene.finding_items),
                  "longest_stall_ms": max(gaps) * 1000}), flush=True)
window.close()
"""

#: The GUI as a user sees it after opening the large assessment: the map shown and drawn, then
#: the items with photos walked until their thumbnails are loaded (peak memory is read by the
#: parent from the process's ru_maxrss).
_GUI_PEAK = """
import sys
from PySide6.QtCore import QEventLoop
from avsec.gui.app import application, make_window
app = application()
window = make_window(sys.argv[1], raise_errors=True)
window.resize(1280, 800)
window.show()
window.show_view("map")
app.processEvents()
window.workspace.map_editor().fit()
window.workspace.map_editor().view.viewport().repaint()
window.show_view("walker")
walker = window.workspace.walker
cache = window.session.thumbnails()
for item_id, response in window.session.doc.responses.items():
    if response.photos:
        walker.select_item(item_id)
        app.processEvents()
        while any(cache.get(p) is None for p in walker.page.photos.photo_ids()):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        window.repaint()
window.show_view("map")
window.workspace.map_editor().view.viewport().repaint()
print(json.dumps(len(cache._pixmaps)), flush=True)
window.close()
"""


def private_settings(folder: Path) -> dict[str, str]:
    """Environment variables that keep a child's settings in ``folder`` (never the user's).

    Parameters
    ----------
    folder
        A private (temporary) folder.
    """
    return {
        SETTINGS_VARIABLE: str(folder / "avsec-bench.ini"),
        # Anything that would fall back to the user's config or data folders lands here too.
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
    }


def _environment(settings_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    linux = sys.platform.startswith("linux")
    if linux and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(private_settings(settings_dir))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env.pop("PYTHONDEVMODE", None)
    # An installed avsec runs from compiled bytecode (pip compiles at install). Keep the
    # children's .pyc in a private folder rather than compiling every module at every start
    # (PYTHONDONTWRITEBYTECODE) or writing __pycache__ into the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(settings_dir / "pycache")
    return env


def _time_until_shown(code: str, env: dict[str, str]) -> float:
    """Seconds from launching ``python -c code`` until it prints "shown"."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        for line in process.stdout:  # type: ignore[union-attr]
            if line.strip() == "shown":
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError(f"the child never showed its window (exit {process.wait()})")
    finally:
        process.kill()
        process.wait()
    return elapsed


def _run_json(code: str, args: list[str], env: dict[str, str]) -> object:
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + textwrap.dedent(code), *args],
        capture_output=True,
        env=env,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_cold_start(repeats: int = 7) -> dict[str, float]:
    """Cold start to a shown main window: ``avsec`` against a bare PySide6 window.

    Runs alternate (bare, avsec, bare, ...) after one warm-up of each so that disk caches and
    machine load hit both alike.

    Returns
    -------
    dict
        ``avsec_s`` and ``bare_qt_s`` (medians, seconds) and ``ratio`` = avsec / bare.
    """
    with tempfile.TemporaryDirectory() as tmp:
        env = _environment(Path(tmp))
        _time_until_shown(_BARE, env)
        _time_until_shown(_AVSEC, env)
        bare, avsec = [], []
        for _ in range(repeats):
            bare.append(_time_until_shown(_BARE, env))
            avsec.append(_time_until_shown(_AVSEC, env))
    bare_s, avsec_s = statistics.median(bare), statistics.median(avsec)
    return {
        "avsec_s": round(avsec_s, 4),
        "bare_qt_s": round(bare_s, 4),
        "ratio": round(avsec_s / bare_s, 3),
    }


def measure_open_s(path: str | Path, repeats: int = 3) -> float:
    """Seconds to open an assessment in a running app (first open of the process: models and
    store load then), median of ``repeats`` fresh processes."""
    with tempfile.TemporaryDirectory() as tmp:
        env = _environment(Path(tmp))
        times = [float(_run_json(_OPEN, [str(path)], env)) for _ in range(repeats)]  # type: ignore[arg-type]
    return round(statistics.median(times), 4)


def measure_item_switch_ms(path: str | Path) -> dict[str, float]:
    """Milliseconds to show another checklist item: page filled, its photos' thumbnails
    decoded, window painted. Median over every item and over the items that have photos."""
    with tempfile.TemporaryDirectory() as tmp:
        result = _run_json(_SWITCH, [str(path)], _environment(Path(tmp)))
    times, with_photos = result["times"], result["with_photos"]  # type: ignore[index]
    return {
        "median_ms": round(statistics.median(times), 2),
        "with_photos_median_ms": round(statistics.median(with_photos or [0.0]), 2),
        "worst_ms": round(max(times), 2),
    }


def make_map_assessment(path: Path) -> Path:
    """Write the large assessment with a 2,000-feature layout (scale 1 synthetic airport).

    benchmarks/large_assessment.py builds half the reference airport by default; the map is
    timed on the full one. Its photos are small: they carry no position, so the map never
    draws them, and phone-size ones would only slow the build.
    """
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from large_assessment import make_large_assessment

    from avsec.io.checklists import get_checklist

    return make_large_assessment(
        path, get_checklist(), photo_size=(640, 480), layout_scale=MAP_FEATURES / 2000
    )


def measure_map_redraw_ms(path: str | Path | None = None) -> dict[str, float]:
    """Milliseconds per map redraw after a zoom or pan step (median and worst).

    Parameters
    ----------
    path
        The assessment to draw; None builds the 2,000-feature one (:func:`make_map_assessment`).
    """
    with tempfile.TemporaryDirectory() as tmp:
        if path is None:
            path = make_map_assessment(Path(tmp) / "map-2000.avsec")
        result = _run_json(_MAP, [str(path)], _environment(Path(tmp)))
    times = result["times"]  # type: ignore[index]
    return {
        "features": result["features"],  # type: ignore[index]
        "median_ms": round(statistics.median(times), 2),
        "max_ms": round(max(times), 2),
    }


def measure_gui_analysis(path: str | Path | None = None) -> dict[str, float]:
    """Seconds from clicking Analyse to the findings drawn, on the 1x synthetic airport
    (2,000 features), and the longest time the window did not answer meanwhile."""
    with tempfile.TemporaryDirectory() as tmp:
        if path is None:
            path = make_map_assessment(Path(tmp) / "map-2000.avsec")
        env = _environment(Path(tmp))
        runs = [_run_json(_ANALYSE, [str(path)], env) for _ in range(3)]
    seconds = statistics.median(r["seconds"] for r in runs)  # type: ignore[index]
    return {
        "seconds": round(seconds, 3),
        "findings": runs[0]["findings"],  # type: ignore[index]
        "longest_stall_ms": round(max(r["longest_stall_ms"] for r in runs), 1),  # type: ignore[index]
    }


def gui_peak_command(path: str | Path) -> list[str]:
    """The command whose peak memory is "the GUI with the map shown and thumbnails loaded"."""
    return [sys.executable, "-c", "import json\n" + textwrap.dedent(_GUI_PEAK), str(path)]


def main(argv: list[str] | None = None) -> int:
    """Print every GUI figure for one assessment file (the large ones by default).

    Without a file: opening and item switching on benchmarks/large_assessment.py's assessment,
    the map redraw on the 2,000-feature one.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory() as tmp:
        map_path: Path | None
        if args:
            path = map_path = Path(args[0])
        else:
            sys.path.insert(0, str(HERE))
            sys.path.insert(0, str(ROOT))
            from large_assessment import make_large_assessment

            from avsec.io.checklists import get_checklist

            path = make_large_assessment(Path(tmp) / "large.avsec", get_checklist())
            map_path = None  # measure_map_redraw_ms builds the 2,000-feature assessment
        print(
            json.dumps(
                {
                    "cold_start": measure_cold_start(),
                    "open_s": measure_open_s(path),
                    "item_switch_ms": measure_item_switch_ms(path),
                    "map_redraw": measure_map_redraw_ms(map_path),
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
