"""Verbs of follow-up visits: ``followup`` starts one, ``verify`` records what it found."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_, ntranslate
from avsec.verbs._common import iso_date, percent, print_json, table
from avsec.verbs._text import cli_language, message, say, tr


def register(subparsers: Any) -> None:
    """Add the follow-up verbs."""
    p = subparsers.add_parser(
        "followup",
        help=tr("start a follow-up visit: a new assessment verifying the last visit's action plan"),
        description=tr(
            "Create a new assessment of the same airport and checklist (the newer "
            "bundled version when there is one), with the layout carried over, every item to "
            "assess again (the last visit's answer shown beside it) and the previous improvement "
            "outline as the action plan to verify."
        ),
    )
    p.add_argument("previous", help=tr("the .avsec file of the previous visit"))
    p.add_argument("-o", "--output", required=True, help=tr("the new .avsec file"))
    p.add_argument("--date", type=iso_date, default=None, help=tr("date of the visit, YYYY-MM-DD"))
    p.add_argument(
        "--team", action="append", default=None, help=tr("team member (repeatable; default: same)")
    )
    p.add_argument("--force", action="store_true", help=tr("overwrite an existing output file"))
    p.set_defaults(handler=cmd_followup)

    p = subparsers.add_parser(
        "verify",
        help=tr("record what a follow-up visit found of a carried action"),
        description=tr(
            "Set an action's follow-up state (open, in_progress, done, verified, "
            "not_done) and its evidence notes, as one undoable, journaled edit."
        ),
    )
    p.add_argument("file")
    p.add_argument("action", help=tr("the action id (see 'avsec outline FILE --json')"))
    p.add_argument(
        "state",
        choices=["open", "in_progress", "done", "verified", "not_done"],
        help=tr("the state"),
    )
    p.add_argument("--evidence", default=None, help=tr("what was seen or shown as evidence"))
    p.set_defaults(handler=cmd_verify)

    p = subparsers.add_parser(
        "since", help=tr("what changed since the last visit (a follow-up file)")
    )
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_since)


def cmd_followup(args: argparse.Namespace) -> int:
    """Create the follow-up file."""
    from avsec.app.followup import start_followup
    from avsec.store import AvsecFile

    out = start_followup(
        Path(args.previous), Path(args.output), date=args.date, team=args.team, overwrite=args.force
    )
    with AvsecFile.open(out) as f:
        header, actions = f.assessment, f.actions()
    created = ntranslate(
        "created {out}: follow-up of {name} ({date}), checklist {checklist} v{version}, "
        "{count} action to verify",
        "created {out}: follow-up of {name} ({date}), checklist {checklist} v{version}, "
        "{count} actions to verify",
        len(actions),
        cli_language(),
    )
    print(
        created.format(
            out=out,
            name=Path(args.previous).name,
            date=header.previous.date.isoformat() if header.previous else "",
            checklist=header.checklist_id,
            version=header.checklist_version,
            count=len(actions),
        )
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Set one carried action's follow-up state."""
    from avsec.app.followup import find_action, followup_edit
    from avsec.store import AvsecFile

    with AvsecFile.open(Path(args.file)) as f:
        action = find_action(f.actions(), args.action)
        f.apply(followup_edit(action, args.state, args.evidence))
    say(N_("{action}: {state}"), action=args.action, state=args.state)
    return 0


def since_json(since: Any) -> dict[str, Any]:
    """The ``since --json`` shape of a :class:`SinceLastVisit`."""

    def trend(a: Any) -> dict[str, Any]:
        return {
            "id": a.id,
            "then": {"ei": a.then_ei, "weighted": a.then_weighted},
            "now": {"ei": a.now_ei, "weighted": a.now_weighted},
        }

    return {
        "previous": {"uuid": since.previous_id, "date": since.previous_date.isoformat()},
        "overall": trend(since.overall),
        "areas": [trend(a) for a in since.areas],
        "items": {
            "improved": [c.item_id for c in since.improved],
            "regressed": [c.item_id for c in since.regressed],
            "unchanged": [c.item_id for c in since.unchanged],
        },
        "actions": {
            "verified": [a.id for a in since.verified],
            "overdue": [a.id for a in since.overdue],
            "not_done": [a.id for a in since.not_done],
        },
    }


def cmd_since(args: argparse.Namespace) -> int:
    """Print the comparison with the last visit."""
    from avsec.app.followup import load_since_last_visit
    from avsec.core.errors import InputError
    from avsec.store import AvsecFile

    with AvsecFile.open(Path(args.file)) as f:
        since = load_since_last_visit(f)
        checklist = f.checklist
    if since is None:
        raise InputError(
            N_("{name}: not a follow-up visit (no previous visit)"), name=Path(args.file).name
        )
    if args.json:
        print_json(since_json(since))
        return 0
    say(
        N_("since the visit of {previous_date} ({previous_id})"),
        previous_date=since.previous_date.isoformat(),
        previous_id=since.previous_id[:8],
    )
    from avsec.core.i18n import pick

    # Areas by their titles in the run's language (--json keeps the ids).
    titles = {area.id: pick(area.title, cli_language()) for area in checklist.areas}
    titles[since.overall.id] = message(N_("Overall"))
    rows = [
        [
            titles.get(a.id, a.id),
            percent(a.then_ei),
            percent(a.now_ei),
            percent(a.then_weighted),
            percent(a.now_weighted),
        ]
        for a in [*since.areas, since.overall]
    ]
    print(
        table(
            rows, [N_("area"), N_("EI then"), N_("EI now"), N_("weighted then"), N_("weighted now")]
        )
    )
    counts = since.counts()
    say(N_("items: {improved} improved, {regressed} regressed, {unchanged} unchanged"), **counts)
    say(N_("actions: {verified} verified, {overdue} overdue, {not_done} not done"), **counts)
    return 0


def print_last_visit(info: dict[str, Any]) -> None:
    """The follow-up lines of ``avsec info``: the previous visit and each item's last answer."""
    previous = info["previous"]
    say(
        N_("  follow-up  of the visit of {date} ({id})"),
        date=previous["date"],
        id=previous["id"][:8],
    )
    rows = [
        [item_id, answer["status"], answer["notes"].replace("\n", " ")[:60], len(answer["photos"])]
        for item_id, answer in sorted((info["last_visit"] or {}).items())
    ]
    if rows:
        say(N_("  last visit:"))
        print(table(rows, [N_("item"), N_("status"), N_("notes"), N_("photos")]))
