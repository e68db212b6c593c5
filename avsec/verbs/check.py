"""The ``check`` verb: check a whole .avsec file on demand (photo bytes included).

Opening a file checks everything but the photo bytes (and the whole file after an unclean
close, see avsec/store/integrity.py); this verb reads every page. It also stores the report
copies and thumbnails that photos attached by an older avsec lack.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from avsec.core.i18n import ntranslate
from avsec.verbs._common import print_json
from avsec.verbs._text import cli_language, tr


def register(subparsers: Any) -> None:
    """Add ``avsec check FILE [--store-photo-copies] [--json]``."""
    p = subparsers.add_parser(
        "check", help=tr("check the whole file for damage, photo bytes included")
    )
    p.add_argument("file", help=tr("the .avsec file"))
    p.add_argument(
        "--store-photo-copies",
        action="store_true",
        help=tr("make and store the report copy and thumbnail of photos that lack them"),
    )
    p.add_argument("--json", action="store_true", help=tr("print the result as JSON"))
    p.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    """Check the file; a damaged one raises NotAnAvsecFile (one line, non-zero exit)."""
    from avsec.store import AvsecFile, check_file

    path = Path(args.file)
    version = check_file(path, full=True)
    stored = 0
    with AvsecFile.open(path) as f:
        if args.store_photo_copies:
            stored = f.store_derivatives()
        without = len(f.photos_without_derivatives())
        photos = f.counts()["attachments"]
    result = {
        "file": str(path),
        "ok": True,
        "format_version": version,
        "photos": photos,
        "photo_copies_stored": stored,
        "photos_without_copies": without,
    }
    if args.json:
        print_json(result)
        return 0
    lang = cli_language()
    checked = ntranslate(
        "{name}: ok (whole file checked, {count} photo)",
        "{name}: ok (whole file checked, {count} photos)",
        photos,
        lang,
    )
    print(checked.format(name=path.name, count=photos))
    if stored:
        done = ntranslate(
            "stored the report copy and thumbnail of {count} photo",
            "stored the report copy and thumbnail of {count} photos",
            stored,
            lang,
        )
        print(done.format(count=stored))
    if without:
        note = ntranslate(
            "avsec: note: {count} photo has no report copy (attached by an older avsec); "
            "'avsec check {file} --store-photo-copies' stores them",
            "avsec: note: {count} photos have no report copy (attached by an older avsec); "
            "'avsec check {file} --store-photo-copies' stores them",
            without,
            lang,
        )
        print(
            note.format(count=without, file=args.file),
            file=sys.stderr,
        )
    return 0
