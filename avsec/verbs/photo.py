"""``avsec photo add FILE ITEM PHOTO... [--json]``: attach photos to a checklist item;
``avsec photo link FILE PHOTO --feature ID | --test ID | --none``: change what a photo shows.

The photos are read as the desktop app reads them (:mod:`avsec.app.photos`: JPEG, PNG or
WebP, with the EXIF capture time and GPS position), stored once in the file, and each is
linked to the item by one undoable, journaled edit, as one drop on the item page would be.
Every photo is checked before any is stored: one unreadable file stores nothing. A photo
with GPS is linked to the feature or test it shows (avsec/geo/photo_links.py); ``photo link``
changes that link by hand, one undoable edit.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._common import open_file, print_json
from avsec.verbs._text import say, tr


def register(subparsers: Any) -> None:
    """Add ``avsec photo add`` and ``avsec photo link``."""
    p = subparsers.add_parser("photo", help=tr("attach photos (with their EXIF time and place)"))
    sub = p.add_subparsers(dest="photo_verb", metavar="add|link", required=True)
    q = sub.add_parser(
        "add", help=tr("attach photos to a checklist item (one undoable edit per photo)")
    )
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("item", help=tr("the checklist item id, e.g. PER-01"))
    q.add_argument("photos", nargs="+", metavar="PHOTO", help=tr("JPEG, PNG or WebP files"))
    q.add_argument("--json", action="store_true", help=tr("print what was attached as JSON"))
    q.set_defaults(handler=cmd_photo_add)
    q = sub.add_parser("link", help=tr("link a photo by hand to a feature or test, or unlink it"))
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("photo", help=tr("the photo: its file name or the start of its id"))
    target = q.add_mutually_exclusive_group(required=True)
    target.add_argument("--feature", metavar="ID", help=tr("the layout feature the photo shows"))
    target.add_argument("--test", metavar="ID", help=tr("the access-control test it shows"))
    target.add_argument("--none", action="store_true", help=tr("take the link off"))
    q.set_defaults(handler=cmd_photo_link)


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
                    "link": _link_json(editor, attachment_id),
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
        link = row["link"]
        if link and link["distance_m"] is not None:
            say(
                N_("{name}: shows feature {id} ({distance:.1f} m away)")
                if link["kind"] == "feature"
                else N_("{name}: shows test {id} ({distance:.1f} m away)"),
                name=name,
                id=link["id"],
                distance=link["distance_m"],
            )
    return 0


def _link_json(editor: Any, attachment_id: str) -> dict[str, Any] | None:
    info = editor.attachment(attachment_id)
    return None if info is None or info.link is None else info.link.model_dump(mode="json")


def cmd_photo_link(args: argparse.Namespace) -> int:
    """Link one photo by hand (or unlink it): one undoable, journaled edit."""
    from avsec.app.editor import Editor
    from avsec.core.errors import InputError

    with open_file(args.file) as f:
        editor = Editor(f)
        wanted = args.photo.strip()
        matches = [
            a
            for a in editor.doc.attachments
            if a.filename == wanted or (len(wanted) >= 6 and a.id.startswith(wanted.lower()))
        ]
        if not matches:
            raise InputError(
                N_("{file}: no photo named {photo!r}; give its file name or the start of its id"),
                file=args.file,
                photo=wanted,
            )
        if len(matches) > 1:
            raise InputError(
                N_("{file}: {count} photos named {photo!r}; give the start of its id"),
                file=args.file,
                count=len(matches),
                photo=wanted,
            )
        photo = matches[0]
        if args.none:
            command = editor.link_edit(photo.id, None)
        elif args.feature is not None:
            command = editor.link_edit(photo.id, "feature", args.feature)
        else:
            command = editor.link_edit(photo.id, "test", args.test)
        if command is not None:
            editor.apply(command)
        name = photo.filename or photo.id[:12]
        info = editor.attachment(photo.id)
        link = info.link if info is not None else None
    if link is None:
        say(N_("{name}: linked to nothing"), name=name)
    elif link.kind == "feature":
        say(N_("{name}: shows feature {id}"), name=name, id=link.id)
    else:
        say(N_("{name}: shows test {id}"), name=name, id=link.id)
    return 0
