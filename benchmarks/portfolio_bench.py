"""Time ``avsec portfolio`` over 250 files: 50 airports x 5 visits (issue 17: under 3 s).

Each visit answers the 72 items of the bundled checklist at random (seeded) and carries a
small action plan. The figure is a fresh ``avsec portfolio DIR --json`` process, median of
three runs. ``--quick`` builds 10 files and runs once: it checks that the benchmark works.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from avsec.core.actions import Action  # noqa: E402
from avsec.core.assessment import Airport, Assessment, Response, Status  # noqa: E402
from avsec.core.commands import Batch, SetAction, SetResponse  # noqa: E402
from avsec.io.checklists import get_checklist  # noqa: E402
from avsec.store import AvsecFile  # noqa: E402

STATUSES = [s for s in Status]


def make_portfolio(folder: Path, airports: int, visits: int, seed: int = 17) -> int:
    """Write ``airports`` x ``visits`` assessment files into ``folder``; return the count."""
    rng = random.Random(seed)
    checklist = get_checklist()
    items = checklist.item_ids()
    count = 0
    for a in range(airports):
        airport = Airport(icao=f"ZZ{a:02d}", name=f"Airport {a}", lat=10 + a / 10, lon=-80)
        for v in range(visits):
            started = dt.date(2021 + v, 3, 1)
            header = Assessment(
                airport=airport,
                checklist_id=checklist.id,
                checklist_version=checklist.version,
                started=started,
            )
            path = folder / f"ZZ{a:02d}-{started.year}.avsec"
            with AvsecFile.create(path, header, checklist, user="bench") as f:
                commands: list = [
                    SetResponse(i, None, Response(item_id=i, status=rng.choice(STATUSES)))
                    for i in items
                ]
                commands += [
                    SetAction(
                        f"a-{i}",
                        None,
                        Action(id=f"a-{i}", title=i, due=started + dt.timedelta(days=90)),
                    )
                    for i in rng.sample(items, 8)
                ]
                f.apply(Batch("bench", commands))
            count += 1
    return count


def measure(folder: Path, runs: int) -> float:
    """Median seconds of ``avsec portfolio FOLDER --json`` as a fresh process."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "avsec", "portfolio", str(folder), "--json"],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10 files, one run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        airports, visits = (2, 5) if args.quick else (50, 5)
        count = make_portfolio(folder, airports, visits)
        seconds = measure(folder, 1 if args.quick else 3)
    print(f"portfolio of {count} files: {seconds:.2f} s (target < 3 s for 250 files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
