"""The ``publish`` verb: copy assessments into the authority's PostgreSQL + PostGIS database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._text import message, say, tr


def register(subparsers: Any) -> None:
    """Add the publish verb."""
    p = subparsers.add_parser(
        "publish",
        help=tr("publish assessments to a shared PostgreSQL + PostGIS database"),
        description=tr(
            "Write each file's assessment, responses, findings, layout, actions and "
            "provisions into schema avsec (created or migrated as needed), one transaction per "
            "file. Publishing again replaces the visit's rows. The password comes from PGPASSWORD "
            "or ~/.pgpass, never from the command line."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=tr(".avsec files"))
    p.add_argument(
        "--db",
        required=True,
        metavar="DSN",
        help=tr("connection string, e.g. 'host=db.example dbname=avsec user=inspector'"),
    )
    p.add_argument(
        "--force", action="store_true", help=tr("replace a newer published state of a visit")
    )
    p.add_argument("--with-photos", action="store_true", help=tr("publish the photos too"))
    p.set_defaults(handler=cmd_publish)


def cmd_publish(args: argparse.Namespace) -> int:
    """Publish the files."""
    from avsec.app.publish import publish

    done = publish(
        args.db, [Path(f) for f in args.files], force=args.force, with_photos=args.with_photos
    )
    for item in done:
        counts = ", ".join(f"{n} {what}" for what, n in item.counts.items() if n)
        say(
            N_("replaced {name} ({uuid}): {counts}")
            if item.replaced
            else N_("published {name} ({uuid}): {counts}"),
            name=item.path.name,
            uuid=item.uuid[:8],
            counts=counts or message(N_("header only")),
        )
    return 0
