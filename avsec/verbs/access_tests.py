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
from avsec.verbs._common import open_file, print_json, table


def register(subparsers: Any) -> None:
    """Add ``avsec tests``."""
    p = subparsers.add_parser("tests", help="access-control tests made during the visit")
    sub = p.add_subparsers(dest="tests_verb", metavar="add|list|import", required=True)
    q = sub.add_parser("add", help="record one test (one undoable edit)")
    q.add_argument("file", help="the .avsec file")
    q.add_argument("--at", required=True, help="the access point tested (its feature id)")
    q.add_argument("--method", required=True, choices=METHODS, help="how it was tested")
    q.add_argument("--result", required=True, choices=RESULTS, help="what happened")
    q.add_argument("--when", default="", help="ISO date and time (default: now)")
    q.add_argument("--notes", default="", help="what happened, in words")
    q.add_argument("--who", default="", help="who made the test")
    q.add_argument(
        "--photo", action="append", default=[], metavar="PHOTO", help="a photo of the test (repeat)"
    )
    q.set_defaults(handler=cmd_tests_add)
    q = sub.add_parser("list", help="list the tests")
    q.add_argument("file", help="the .avsec file")
    q.add_argument("--json", action="store_true", help='{"tests": [{"id", "at", ...}]}')
    q.set_defaults(handler=cmd_tests_list)
    q = sub.add_parser("import", help="add the tests of a CSV file (one undoable edit)")
    q.add_argument("file", help="the .avsec file")
    q.add_argument("csv", help="columns at,method,result[,when][,who][,notes], any order")
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
    paths = [Path(p) for p in args.photo]
    with open_file(args.file) as f:
        for path in paths:
            read_photo(path)  # every photo readable before anything is stored
        record_test(f.features(), fields, where=Path(args.file).name)  # the fields first, too
        editor = Editor(f)
        photos = [editor.store_photo(path)[0] for path in paths]
        command = record_test(f.features(), fields, where=Path(args.file).name, photos=photos)
        f.apply(command)
    test = command.after
    assert test is not None
    print(f"{Path(args.file).name}: recorded test {test.id} ({test.method}, {test.result})")
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
        print(f"{Path(args.file).name}: no access-control tests")
        return 0
    rows = [
        [t.id, t.at, t.when.isoformat(timespec="minutes"), t.method, t.result, t.who] for t in tests
    ]
    print(table(rows, ["id", "at", "when", "method", "result", "who"]))
    return 0


def cmd_tests_import(args: argparse.Namespace) -> int:
    """Import a CSV of tests: all of them, or none and one line per bad row."""
    from avsec.app.access_tests import import_tests
    from avsec.io.access_tests import TestRowsError

    with open_file(args.file) as f:
        try:
            command = import_tests(f.features(), Path(args.csv))
        except TestRowsError as exc:
            for line in exc.problems:
                print(f"avsec: error: {' '.join(line.split())}", file=sys.stderr)
            return exc.exit_code
        f.apply(command)
    print(f"{Path(args.csv).name}: imported {len(command.commands)} tests")
    return 0
