"""What opening and growing an .avsec file costs (issue 13).

* ``open_large_cold_s``: the app opens the large assessment from a fresh copy evicted from the
  OS page cache (``os.posix_fadvise(..., POSIX_FADV_DONTNEED)`` after ``fsync``), as after a
  reboot or on a file just copied from a USB stick; median of fresh processes.
* ``open_large_read_mib``: MiB ``avsec info`` reads from disk on such a cold copy
  (``read_bytes`` of /proc/self/io, i.e. real storage reads, not cache hits).
* ``add_photo_ms``: attaching a 12 MP photo through the app's session (store the original,
  make its report copy and thumbnail, link it to an item), the 1st and the 101st of a visit.

    python benchmarks/bench_file.py [LARGE.avsec]
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_gui import _environment, _run_json  # noqa: E402

_INFO_READ = """
import contextlib, io, sys
from avsec.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["info", sys.argv[1]])
assert code == 0
counters = dict(line.split(": ") for line in open("/proc/self/io").read().splitlines())
print(json.dumps(int(counters["read_bytes"]) / 2**20))
"""

_OPEN_COLD = """
import sys, time
from avsec.gui.app import application, make_window
app = application()
window = make_window()
window.resize(1280, 800)
window.show()
app.processEvents()
before = dict(line.split(": ") for line in open("/proc/self/io").read().splitlines())
started = time.perf_counter()
assert window.open_file(sys.argv[1])
app.processEvents()
elapsed = time.perf_counter() - started
after = dict(line.split(": ") for line in open("/proc/self/io").read().splitlines())
read = (int(after["read_bytes"]) - int(before["read_bytes"])) / 2**20
print(json.dumps([elapsed, read]), flush=True)
window.close()
"""

_ADD_PHOTOS = """
import sys, time
from pathlib import Path
from avsec.gui.app import application, make_window
app = application()
window = make_window(sys.argv[1], raise_errors=True)
session = window.session
items = session.checklist.item_ids()
times = []
for number, photo in enumerate(sorted(Path(sys.argv[2]).iterdir())):
    started = time.perf_counter()
    session.add_photo(items[number % len(items)], photo)
    app.processEvents()
    times.append((time.perf_counter() - started) * 1000)
print(json.dumps(times), flush=True)
window.close()
"""


def cold_copy(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` and evict the copy from the OS page cache."""
    shutil.copyfile(source, target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())  # only clean pages can be dropped
        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    return target


def measure_open_cold(large: Path, repeats: int = 3) -> dict[str, float]:
    """Open in the app and ``avsec info`` on cold copies: seconds and MiB read from disk."""
    with tempfile.TemporaryDirectory(dir=large.parent) as tmp:
        folder = Path(tmp)
        env = _environment(folder)
        _run_json(_INFO_READ, [str(large)], env)  # warm the interpreter's own files
        opens, open_reads, info_reads = [], [], []
        for n in range(repeats):
            copy = cold_copy(large, folder / f"cold-{n}.avsec")
            seconds, read = _run_json(_OPEN_COLD, [str(copy)], env)  # type: ignore[misc]
            opens.append(seconds)
            open_reads.append(read)
            copy.unlink()
            copy = cold_copy(large, folder / f"info-{n}.avsec")
            info_reads.append(float(_run_json(_INFO_READ, [str(copy)], env)))  # type: ignore[arg-type]
            copy.unlink()
    return {
        "open_large_cold_s": round(statistics.median(opens), 4),
        "open_large_cold_read_mib": round(statistics.median(open_reads), 2),
        "open_large_read_mib": round(statistics.median(info_reads), 2),
    }


def measure_add_photo(quick: bool) -> dict[str, float]:
    """Milliseconds to attach the 1st and the 101st 12 MP photo of a visit (median of the
    first three and of the last three, to smooth single hiccups)."""
    from large_assessment import PHOTO_SIZE, _base_photos, _unique

    from avsec.core.assessment import Airport, Assessment
    from avsec.io.checklists import get_checklist
    from avsec.store import AvsecFile

    count = 21 if quick else 101
    size = (1600, 1200) if quick else PHOTO_SIZE
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = folder / "photos"
        photos.mkdir()
        bases = _base_photos(size)
        for number in range(count):
            (photos / f"IMG_{number:04d}.jpg").write_bytes(
                _unique(bases[number % len(bases)], number)
            )
        checklist = get_checklist()
        assessment = Assessment(
            title="Photo visit",
            airport=Airport(icao="ZZPH", name="Photo", lat=14.0, lon=-87.0, custom=True),
            checklist_id=checklist.id,
            checklist_version=checklist.version,
        )
        path = folder / "visit.avsec"
        AvsecFile.create(path, assessment, checklist, user="benchmark").close()
        times = _run_json(_ADD_PHOTOS, [str(path), str(photos)], _environment(folder))
    first = statistics.median(times[:3])  # type: ignore[index]
    last = statistics.median(times[-3:])  # type: ignore[index]
    return {
        "first_ms": round(first, 1),
        "last_ms": round(last, 1),
        "photos": count,
        "ratio": round(last / first, 2),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the figures for a large assessment (built when none is given)."""
    args = list(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args:
            large = Path(args[0])
        else:
            from large_assessment import make_large_assessment

            from avsec.io.checklists import get_checklist

            large = make_large_assessment(Path(tmp) / "large.avsec", get_checklist())
        print(json.dumps({**measure_open_cold(large), "add_photo_ms": measure_add_photo(False)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
