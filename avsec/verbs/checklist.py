"""Checklist verbs: list, validate, export."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._common import check_output, print_json, safe_output, table
from avsec.verbs._text import cli_language, message, say, tr

#: Where a listed checklist comes from (``--json`` keeps the value itself).
ORIGIN_LABELS = {"bundled": N_("bundled"), "user": N_("user folder"), "path": N_("file")}

#: Ids of installed checklists: they become file names in the user folder.
CHECKLIST_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def register(subparsers: Any) -> None:
    """Add ``avsec checklist ...``."""
    p = subparsers.add_parser("checklist", help=tr("list, validate and export checklists"))
    sub = p.add_subparsers(
        dest="checklist_verb", metavar="list|validate|export|to-xlsx|from-xlsx|add", required=True
    )
    q = sub.add_parser("list", help=tr("bundled checklists and those in the user folder"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_list)
    q = sub.add_parser(
        "validate",
        help=tr(
            "check checklist YAML files (the bundled ones by default, which must carry every "
            "language; a user's checklist may carry fewer: the missing ones are listed)"
        ),
    )
    q.add_argument("yaml", nargs="*")
    q.add_argument(
        "--all-languages",
        action="store_true",
        help=tr("require every language of the app, as for a bundled checklist"),
    )
    q.set_defaults(handler=cmd_validate)
    q = sub.add_parser("export", help=tr("print a checklist as JSON"))
    q.add_argument("id", nargs="?", default=None)
    q.add_argument("--json", action="store_true", help=tr("JSON output (the only format)"))
    q.set_defaults(handler=cmd_export)
    q = sub.add_parser("to-xlsx", help=tr("write a checklist as a spreadsheet template"))
    q.add_argument("id", nargs="?", default=None)
    q.add_argument("-o", "--output", required=True)
    q.set_defaults(handler=cmd_to_xlsx)
    q = sub.add_parser("from-xlsx", help=tr("turn a checklist spreadsheet into validated YAML"))
    q.add_argument("xlsx")
    q.add_argument("-o", "--output", required=True)
    q.set_defaults(handler=cmd_from_xlsx)
    q = sub.add_parser("add", help=tr("validate a checklist YAML and copy it to the user folder"))
    q.add_argument("yaml")
    q.set_defaults(handler=cmd_add)


def cmd_list(args: argparse.Namespace) -> int:
    """List the available checklists."""
    from avsec.io.checklists import list_checklists, user_checklist_dir

    sources, problems = list_checklists()
    if args.json:
        print_json(
            {
                "checklists": [
                    {
                        "id": s.id,
                        "version": s.version,
                        "title": s.title,
                        "origin": s.origin,
                        "items": s.items,
                        "location": s.location,
                    }
                    for s in sources
                ],
                "problems": problems,
                "user_folder": str(user_checklist_dir()),
            }
        )
        return 0
    from avsec.core.i18n import pick

    lang = cli_language()
    rows = [
        [
            s.id,
            str(s.version),
            str(s.items),
            message(ORIGIN_LABELS[s.origin]) if s.origin in ORIGIN_LABELS else s.origin,
            pick(s.title, lang),
        ]
        for s in sources
    ]
    print(table(rows, [N_("id"), N_("version"), N_("items"), N_("origin"), N_("title")]))
    print()
    say(N_("Own checklists go in {folder}"), folder=user_checklist_dir())
    for problem in problems:
        say(N_("skipped: {problem}"), problem=problem)
    return 0


def _folder_of(path: Any) -> str:
    """The resolved folder of a file (a bundled file given by its path is still bundled)."""
    try:
        return str(Path(str(path)).resolve().parent)
    except OSError:
        return ""


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate checklist files; print every problem; exit 1 when any.

    The bundled checklists (no YAML given), and any file with ``--all-languages``, must carry
    every language the app offers. A user's checklist may carry fewer: the languages it lacks
    are reported (its texts show in English there) and are no error.
    """
    import sys

    from avsec.core.errors import ChecklistError, InputError
    from avsec.core.notices import notice_text
    from avsec.core.validation import missing_languages, provision_problems
    from avsec.io.checklists import _bundled_files, load_catalogue, load_checklist_file
    from avsec.io.translations import offered_languages

    catalogue = load_catalogue()
    paths: list[Any] = [Path(p) for p in args.yaml] or _bundled_files()
    every = offered_languages()
    bundled_folder = {_folder_of(f) for f in _bundled_files()}
    failed = 0
    if not args.yaml:  # the bundled catalogue the checklists cite: every language too
        for line in provision_problems("provisions.yaml", catalogue, every):
            failed += 1
            print(notice_text(line, cli_language()), file=sys.stderr)
    for path in paths:
        strict = args.all_languages or not args.yaml or _folder_of(path) in bundled_folder
        try:
            checklist = load_checklist_file(path, catalogue, languages=every if strict else None)
        except (ChecklistError, InputError) as exc:
            failed += 1
            for line in getattr(exc, "problems", None) or [exc.in_language(cli_language())]:
                print(notice_text(line, cli_language()), file=sys.stderr)
            continue
        count = sum(1 for _ in checklist.items())
        name = getattr(path, "name", path)
        say(
            N_("{path}: ok ({id} v{version}, {count} items)"),
            path=name,
            id=checklist.id,
            version=checklist.version,
            count=count,
        )
        missing = missing_languages(checklist, every)
        if missing:
            say(
                N_(
                    "{name}: no text in {missing} (shown in English there; a bundled checklist "
                    "needs {every})"
                ),
                name=name,
                missing=", ".join(missing),
                every=", ".join(every),
            )
    return 1 if failed else 0


def checklist_json(checklist_id: str | None) -> dict[str, Any]:
    """Return the ``checklist export --json`` shape, with each reference's crosswalk."""
    from avsec.io.checklists import BUNDLED_CHECKLIST, get_checklist, load_catalogue

    checklist = get_checklist(checklist_id or BUNDLED_CHECKLIST)
    catalogue = load_catalogue()
    areas = []
    for area in checklist.areas:
        items = []
        for item in area.items:
            crosswalk = {ref: catalogue.related(ref) for ref in item.references}
            items.append(
                {
                    "id": item.id,
                    "question": item.question,
                    "guidance": item.guidance,
                    "evidence": item.evidence,
                    "recommendation": item.recommendation,
                    "references": item.references,
                    "weight": item.weight,
                    "rules": item.rules,
                    "confidence": item.confidence,
                    "responsible": item.responsible,
                    "sample": item.sample,
                    "crosswalk": {ref: refs for ref, refs in crosswalk.items() if refs},
                }
            )
        areas.append({"id": area.id, "title": area.title, "items": items})
    return {
        "id": checklist.id,
        "version": checklist.version,
        "title": checklist.title,
        "areas": areas,
    }


def cmd_export(args: argparse.Namespace) -> int:
    """Print a checklist as JSON."""
    print_json(checklist_json(args.id))
    return 0


def cmd_to_xlsx(args: argparse.Namespace) -> int:
    """Write a checklist as XLSX."""
    from avsec.io.checklist_xlsx import to_xlsx
    from avsec.io.checklists import BUNDLED_CHECKLIST, get_checklist

    check_output(args.output, (".xlsx",))
    checklist = get_checklist(args.id or BUNDLED_CHECKLIST)
    with safe_output(args.output, (".xlsx",)) as temp:
        to_xlsx(checklist, temp)
    say(
        N_("wrote {output} ({count} items)"),
        output=args.output,
        count=sum(1 for _ in checklist.items()),
    )
    return 0


def cmd_from_xlsx(args: argparse.Namespace) -> int:
    """Read a checklist spreadsheet, validate it and write YAML (nothing written on error)."""
    from avsec.core.errors import ChecklistError
    from avsec.io.checklist_xlsx import from_xlsx, write_yaml
    from avsec.io.checklists import load_catalogue, parse_checklist

    check_output(args.output, (".yaml", ".yml"), inputs=[args.xlsx])
    data = from_xlsx(Path(args.xlsx))
    rows = data.pop("_rows", {})
    try:
        checklist = parse_checklist(data, Path(args.xlsx).name, load_catalogue())
    except ChecklistError as exc:
        # Every problem, each with the spreadsheet row it comes from, then a one-line error.
        for problem in exc.problems:
            item = problem.split(": item ", 1)[1].split(":", 1)[0] if ": item " in problem else ""
            where = f" (sheet items, row {rows[item]})" if item in rows else ""
            print(problem + where, file=sys.stderr)
        raise ChecklistError(
            [f"{Path(args.xlsx).name}: {len(exc.problems)} problems; nothing written"]
        ) from None
    with safe_output(args.output, (".yaml", ".yml"), inputs=[args.xlsx]) as temp:
        write_yaml(data, temp)
    say(
        N_("wrote {output} ({id} v{version}, {count} items)"),
        output=args.output,
        id=checklist.id,
        version=checklist.version,
        count=sum(1 for _ in checklist.items()),
    )
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Validate a checklist and copy it into the user checklist folder."""
    import shutil

    from avsec.core.errors import InputError
    from avsec.io.checklists import load_checklist_file, user_checklist_dir

    source = Path(args.yaml)
    checklist = load_checklist_file(source)
    # The id names the installed file: it must not climb out of the user folder.
    if not CHECKLIST_ID.fullmatch(checklist.id):
        raise InputError(
            N_(
                "{name}: checklist id {id!r} must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; nothing installed"
            ),
            name=source.name,
            id=checklist.id,
        )
    folder = user_checklist_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{checklist.id}.yaml"
    if target.resolve().parent != folder.resolve():
        raise InputError(
            N_("{name}: id {id!r} leaves the checklist folder"), name=source.name, id=checklist.id
        )
    if target.exists() and target.read_bytes() != source.read_bytes():
        raise InputError(
            N_("{target}: a different checklist with id {id} is installed; remove it first"),
            target=target,
            id=checklist.id,
        )
    shutil.copyfile(source, target)
    say(
        N_("added {id} v{version} to {folder}"),
        id=checklist.id,
        version=checklist.version,
        folder=folder,
    )
    return 0
