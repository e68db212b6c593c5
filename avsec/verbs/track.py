"""``avsec track import FILE TRACK.gpx [--name N]``: add a walked GPS track to an assessment.

The track (GPX 1.0 or 1.1, every ``<trk>`` and segment, with the fix times) is stored in the
file by one undoable, journaled edit; ``analyze`` then reports how much of the airside
boundary it inspected (``perimeter_inspected_m``, ``perimeter_inspected_share``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_, ntranslate
from avsec.verbs._common import open_file
from avsec.verbs._text import cli_language, say, tr


def register(subparsers: Any) -> None:
    """Add ``avsec track import``."""
    p = subparsers.add_parser("track", help=tr("GPS tracks walked during the visit"))
    sub = p.add_subparsers(dest="track_verb", metavar="import", required=True)
    q = sub.add_parser("import", help=tr("add the tracks of a GPX file (one undoable edit)"))
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("gpx", help=tr("the GPX file (1.0 or 1.1)"))
    q.add_argument("--name", default="", help=tr("name of the track (default: the GPX's own)"))
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
        where = ntranslate(
            "{points} points in {segments} segment",
            "{points} points in {segments} segments",
            segments,
            cli_language(),
        ).format(points=track.point_count(), segments=segments)
        say(
            N_("{name}: imported track {track!r} ({where})"),
            name=path.name,
            track=track.name,
            where=where,
        )
    return 0
