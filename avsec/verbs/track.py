"""``avsec track import FILE TRACK.gpx [--name N]``: add a walked GPS track to an assessment.

The track (GPX 1.0 or 1.1, every ``<trk>`` and segment, with the fix times) is stored in the
file by one undoable, journaled edit; ``analyze`` then reports how much of the airside
boundary it inspected (``perimeter_inspected_m``, ``perimeter_inspected_share``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.verbs._common import open_file


def register(subparsers: Any) -> None:
    """Add ``avsec track import``."""
    p = subparsers.add_parser("track", help="GPS tracks walked during the visit")
    sub = p.add_subparsers(dest="track_verb", metavar="import", required=True)
    q = sub.add_parser("import", help="add the tracks of a GPX file (one undoable edit)")
    q.add_argument("file", help="the .avsec file")
    q.add_argument("gpx", help="the GPX file (1.0 or 1.1)")
    q.add_argument("--name", default="", help="name of the track (default: the GPX's own)")
    q.set_defaults(handler=cmd_track_import)


def cmd_track_import(args: argparse.Namespace) -> int:
    """Import the tracks of one GPX file."""
    from avsec.io.gpx import track_import

    path = Path(args.gpx)
    with open_file(args.file) as f:
        command = track_import(f.assessment, f.tracks(), path, args.name.strip())
        f.apply(command)
    added = command.after[len(command.before) :]
    for track in added:
        segments = len(track.segments)
        print(
            f"{path.name}: imported track {track.name!r} "
            f"({track.point_count()} points in {segments} segment{'s' if segments != 1 else ''})"
        )
    return 0
