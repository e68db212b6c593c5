"""``avsec photo add FILE ITEM PHOTO... [--json]``: attach photos to a checklist item.

The photos are read as the desktop app reads them (:mod:`avsec.app.photos`: JPEG, PNG or
WebP, with the EXIF capture time and GPS position), stored once in the file, and each is
linked to the item by one undoable, journaled edit, as one drop on the item page would be.
Every photo is checked before any is stored: one unreadable file stores nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._common import open_file, print_json
from avsec.verbs._text import say, tr


def register(subparsers: Any) -> None:
    """Add ``avsec photo add``."""
    p = subparsers.add_parser("photo", help=tr("attach photos (with their EXIF time and place)"))
    sub = p.add_subparsers(dest="photo_verb", metavar="add", required=True)
    q = sub.add_parser(
        "add", help=tr("attach photos to a checklist item (one undoable edit per photo)")
    )
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("item", help=tr("the checklist item id, e.g. PER-01"))
    q.add_argument("photos", nargs="+", metavar="PHOTO", help=tr("JPEG, PNG or WebP files"))
    q.add_argument("--json", action="store_true", help=tr("print what was attached as JSON"))
    q.set_defaults(handler=cmd_photo_add)


def cmd_photo_add(args: argparse.Namespace) -> int:
    """Attach photos to one item."""
    from avsec.app.editor import Editor
    from avsec.app.photos import read_photo
    from avsec.core.errors import InputError

    paths = [Path(p) for p in args.photos]
    with open_file(args.file) as f:
        editor = Editor(f)
        if args.item not in editor.checklist.item_ids():
            raise InputError(
                N_("{item}: not an item of the checklist {id}"),
                item=args.item,
                id=editor.checklist.id,
            )
        photos = [read_photo(path) for path in paths]  # all readable before anything is stored
        attached: list[dict[str, Any]] = []
        for path, photo in zip(paths, photos, strict=True):
            attachment_id, command = editor.attach_photo(args.item, path)
            if command is not None:
                editor.apply(command)
            attached.append(
                {
                    "file": str(path),
                    "id": attachment_id,
                    "attached": command is not None,
                    "taken": photo.taken.isoformat() if photo.taken else None,
                    "lon": photo.lon,
                    "lat": photo.lat,
                }
            )
    if args.json:
        print_json({"item": args.item, "photos": attached})
        return 0
    for row in attached:
        name = Path(row["file"]).name
        if not row["attached"]:
            say(N_("{name}: already attached to {item}"), name=name, item=args.item)
            continue
        when = f", {row['taken']}" if row["taken"] else ""
        if row["lon"] is None:
            say(N_("{name}: attached to {item}{when}"), name=name, item=args.item, when=when)
            continue
        say(
            N_("{name}: attached to {item}{when}, taken at lon {lon:.6f} lat {lat:.6f}"),
            name=name,
            item=args.item,
            when=when,
            lon=row["lon"],
            lat=row["lat"],
        )
    return 0
