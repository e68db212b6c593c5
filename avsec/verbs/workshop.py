"""Workshop verbs: pack an exercise, make team files, compare teams with the key."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_, ntranslate
from avsec.verbs._common import add_lang, check_output, percent, print_json, safe_output, table
from avsec.verbs._text import cli_language, say, tr, warn

COMPARE_EPILOG = N_("""\
accuracy = items whose team status equals the key's / items the key assessed (items the key
left not_assessed do not count); agreement = share of pairs of teams giving an item the same
status; fleiss_kappa = Fleiss' kappa across the teams over every item (five status categories),
null with fewer than two teams.

Team files that are not .avsec files, are damaged, come from a newer avsec, are not team
files, belong to another exercise, whose checklist differs from the key's, or whose answers
differ from their own changes journal (edited outside avsec) are refused by name with a
reason on stderr; the others are compared. The exit code is 0 when at least one team file was
compared (refusals are warnings), 2 when none could be.
""")


def register(subparsers: Any) -> None:
    """Add ``avsec workshop ...``."""
    p = subparsers.add_parser("workshop", help=tr("run a training exercise: pack, teams, compare"))
    sub = p.add_subparsers(dest="workshop_verb", metavar="pack|teams|compare", required=True)

    q = sub.add_parser(
        "pack", help=tr("make an exercise from an answer key (no reference answers)")
    )
    q.add_argument("key", help=tr("the answer key .avsec file"))
    q.add_argument("-o", "--output", required=True, help=tr("the exercise .avsec file to write"))
    q.add_argument("--force", action="store_true", help=tr("replace an existing exercise file"))
    q.set_defaults(handler=cmd_pack)

    q = sub.add_parser("teams", help=tr("write one copy of the exercise per team"))
    q.add_argument("exercise", help=tr("the exercise .avsec file"))
    q.add_argument(
        "--team", action="append", required=True, metavar="NAME", help=tr("team name (repeat)")
    )
    q.add_argument(
        "-o", "--output", required=True, metavar="DIR", help=tr("folder for the team files")
    )
    q.add_argument("--force", action="store_true", help=tr("replace existing team files"))
    q.set_defaults(handler=cmd_teams)

    q = sub.add_parser(
        "compare",
        help=tr("score team files against the key and each other"),
        epilog=tr(COMPARE_EPILOG),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("key", help=tr("the answer key .avsec file"))
    q.add_argument("teams", nargs="+", metavar="TEAM", help=tr("team .avsec files"))
    q.add_argument("--json", action="store_true", help=tr("print the comparison as JSON"))
    q.add_argument("-o", "--output", metavar="DEBRIEF.pdf", help=tr("write the debrief PDF"))
    add_lang(q)
    q.set_defaults(handler=cmd_compare)


def cmd_pack(args: argparse.Namespace) -> int:
    """Write an exercise without any reference answer."""
    from avsec.workshop.pack import pack_exercise

    out = pack_exercise(Path(args.key), Path(args.output), overwrite=args.force)
    say(N_("wrote exercise {out} (layout, narrative and checklist; no reference answers)"), out=out)
    return 0


def cmd_teams(args: argparse.Namespace) -> int:
    """Write one team file per --team."""
    from avsec.workshop.teams import make_team_files

    written = make_team_files(
        Path(args.exercise), args.team, Path(args.output), overwrite=args.force
    )
    for path, name in zip(written, args.team, strict=True):
        say(N_("wrote {path} for team {team}"), path=path, team=" ".join(name.split()))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare team files with the key; print a summary or JSON, optionally a debrief PDF."""
    from avsec.core.i18n import pick
    from avsec.workshop.compare import compare_files

    if args.output:
        check_output(args.output, (".pdf",), inputs=[args.key, *args.teams])
    comparison = compare_files(Path(args.key), [Path(t) for t in args.teams])
    for refused in comparison.refused:
        warn(
            N_("avsec: warning: refused {path}: {reason}"),
            path=refused.path,
            reason=refused.reason_in(cli_language()),
        )
    lang = args.lang or comparison.key.language
    if args.output:
        from avsec.workshop.debrief import build_debrief

        with safe_output(args.output, (".pdf",), inputs=[args.key, *args.teams]) as temp:
            build_debrief(comparison, temp, lang=lang)
    if args.json:
        print_json(comparison.to_json())
        if args.output:
            warn(N_("wrote {output}"), output=args.output)
        return 0
    areas = comparison.checklist.areas
    rows = [
        [t.name, percent(t.accuracy)] + [percent(t.areas.get(a.id)) for a in areas]
        for t in comparison.teams
    ]
    print(table(rows, [N_("team"), N_("accuracy"), *[a.id for a in areas]]))
    kappa = comparison.fleiss_kappa
    count = len(comparison.teams)
    across = ntranslate(
        "Fleiss' kappa across {count} team: {kappa}",
        "Fleiss' kappa across {count} teams: {kappa}",
        count,
        cli_language(),
    )
    print()
    print(across.format(count=count, kappa="n/a" if kappa is None else f"{kappa:.3f}"))
    disputed = comparison.disputed(5)
    if disputed:
        print()
        say(N_("most disputed items:"))
        for item in disputed:
            question = pick(comparison.checklist.item(item.id).question, lang)
            agreement = "n/a" if item.agreement is None else f"{item.agreement:.2f}"
            say(
                N_("  {id}  key {key}, agreement {agreement}: {question}"),
                id=item.id,
                key=item.key,
                agreement=agreement,
                question=question[:70],
            )
    if args.output:
        print()
        say(N_("wrote {output}"), output=args.output)
    return 0
