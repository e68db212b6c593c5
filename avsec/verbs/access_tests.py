"""``avsec tests add | list | import``: access-control tests made during the visit.

A test records who tried to get through which access point, when, how (the method) and
whether they were stopped; a test not stopped suggests "not compliant" for the checklist items
its method informs. Each add or import is one undoable, journaled edit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from avsec.core.access_tests import METHODS, RESULTS
from avsec.core.i18n import N_, ntranslate
from avsec.verbs._common import open_file, print_json, table
from avsec.verbs._text import cli_language, message, say, tr


def register(subparsers: Any) -> None:
    """Add ``avsec tests``."""
    p = subparsers.add_parser("tests", help=tr("access-control tests made during the visit"))
    sub = p.add_subparsers(dest="tests_verb", metavar="add|list|import", required=True)
    q = sub.add_parser("add", help=tr("record one test (one undoable edit)"))
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("--at", required=True, help=tr("the access point tested (its feature id)"))
    q.add_argument("--method", required=True, choices=METHODS, help=tr("how it was tested"))
    q.add_argument("--result", required=True, choices=RESULTS, help=tr("what happened"))
    q.add_argument("--when", default="", help=tr("ISO date and time (default: now)"))
    q.add_argument("--notes", default="", help=tr("what happened, in words"))
    q.add_argument("--who", default="", help=tr("who made the test"))
    q.add_argument(
        "--photo",
        action="append",
        default=[],
        metavar="PHOTO",
        help=tr("a photo of the test (repeat for several)"),
    )
    q.set_defaults(handler=cmd_tests_add)
    q = sub.add_parser("list", help=tr("list the tests"))
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("--json", action="store_true", help=tr("print the tests as JSON"))
    q.set_defaults(handler=cmd_tests_list)
    q = sub.add_parser("import", help=tr("add the tests of a CSV file (one undoable edit)"))
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("csv", help=tr("columns at,method,result[,when][,who][,notes], any order"))
    q.set_defaults(handler=cmd_tests_import)


def cmd_tests_add(args: argparse.Namespace) -> int:
    """Record one test."""
    from avsec.app.access_tests import record_test
    from avsec.app.editor import Editor
    from avsec.app.photos import read_photo

    fields = {
        "at": args.at,
        "method": args.method,
        "result": args.result,
        "when": args.when,
        "notes": args.notes,
        "who": args.who,
    }
    name = Path(args.file).name
    paths = [Path(p) for p in args.photo]
    with open_file(args.file) as f:
        for path in paths:
            read_photo(path)  # every photo readable before anything is stored
        record_test(f.features(), fields, where=name)  # the fields checked first, too
        editor = Editor(f)
        photos = [editor.store_photo(path)[0] for path in paths]
        command = record_test(f.features(), fields, where=name, photos=photos)
        f.apply(command)
    test = command.after
    assert test is not None
    say(
        N_("{name}: recorded test {id} ({method}, {result})"),
        name=name,
        id=test.id,
        method=test.method,
        result=test.result,
    )
    return 0


def cmd_tests_list(args: argparse.Namespace) -> int:
    """List the tests, as a table or the fixed JSON shape."""
    from avsec.app.access_tests import access_tests_json

    with open_file(args.file) as f:
        tests = f.access_tests()
    if args.json:
        print_json(access_tests_json(tests))
        return 0
    if not tests:
        say(N_("{name}: no access-control tests"), name=Path(args.file).name)
        return 0
    rows = [
        [t.id, t.at, t.when.isoformat(timespec="minutes"), t.method, t.result, t.who] for t in tests
    ]
    titles = [N_("When"), N_("Method"), N_("Result"), N_("Who")]
    when, method, result, who = (message(t) for t in titles)
    print(table(rows, ["id", message(N_("Access point")), when, method, result, who]))
    return 0


def cmd_tests_import(args: argparse.Namespace) -> int:
    """Import a CSV of tests: all of them, or none and one line per bad row."""
    from avsec.app.access_tests import import_tests
    from avsec.io.access_tests import TestRowsError

    with open_file(args.file) as f:
        try:
            command = import_tests(f.features(), Path(args.csv))
        except TestRowsError as exc:
            for problem in exc.problems:
                text = problem.in_language(cli_language())
                print(f"avsec: error: {' '.join(text.split())}", file=sys.stderr)
            return exc.exit_code
        f.apply(command)
    count = len(command.commands)
    imported = ntranslate(
        "{name}: imported {count} test", "{name}: imported {count} tests", count, cli_language()
    )
    print(imported.format(name=Path(args.csv).name, count=count))
    return 0
