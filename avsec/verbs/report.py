"""The ``report`` verb: the gap report of an assessment as PDF."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from avsec.verbs._common import add_lang, check_output, open_file, safe_output


def register(subparsers: Any) -> None:
    """Add ``avsec report FILE -o OUT.pdf [--lang en|es|pt|fr] [--password PW] [--redact]``."""
    p = subparsers.add_parser("report", help="write the gap report and improvement outline as PDF")
    p.add_argument("file", help="the .avsec file")
    p.add_argument("-o", "--output", required=True, help="the PDF to write")
    add_lang(p)
    p.add_argument(
        "--password",
        default=None,
        help="encrypt the PDF with AES-256; readers need this password to open it "
        '("-" asks for it, keeping it out of shell history)',
    )
    p.add_argument(
        "--redact",
        action="store_true",
        help="the redacted edition for wider circulation: no coordinates, map, photos, "
        "access-point names or notes; scores, findings and outline kept",
    )
    p.add_argument(
        "--marking",
        default=None,
        metavar="TEXT",
        help="with --redact: the handling marking printed on every page (e.g. a lower one)",
    )
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    """Write the PDF report."""
    from avsec.core.errors import ChecklistError, InputError
    from avsec.io.checklists import load_catalogue
    from avsec.report.pdf import build_report

    pdf_only = "the report is written as .pdf"
    out = check_output(args.output, (".pdf",), inputs=[args.file], suffix_message=pdf_only)
    if args.password == "-":
        # A password typed on the command line stays in shell history and process lists; "-"
        # asks for it instead.
        import getpass

        first = getpass.getpass("Report password: ")
        if first != getpass.getpass("Repeat the password: "):
            raise InputError("the two passwords differ; nothing written")
        args.password = first
    if args.password is not None and not args.password:
        raise InputError("--password must not be empty")
    redaction = None
    if args.marking is not None and not args.redact:
        # The full report keeps the file's marking: lowering it is only for the redacted one.
        raise InputError("--marking applies to the redacted edition only; add --redact")
    if args.redact:
        from avsec.report.redaction import Redaction

        redaction = Redaction(marking=args.marking)
    try:
        catalogue = load_catalogue()
    except (ChecklistError, InputError) as exc:
        # The report still builds: the annex then lists provisions by id.
        print(f"avsec: warning: provision catalogue not loaded ({exc})", file=sys.stderr)
        catalogue = None
    with open_file(args.file) as f:
        doc = f.document()
        lang = args.lang or doc.assessment.language
        if f.findings_stale():
            print(
                "avsec: warning: the layout or rule parameters changed after the last analysis; "
                "run 'avsec analyze' first for current geometry findings",
                file=sys.stderr,
            )
        with safe_output(out, (".pdf",), inputs=[args.file]) as temp:
            build_report(
                doc,
                temp,
                lang=lang,
                photo_loader=f.report_photo_bytes,
                catalogue=catalogue,
                password=args.password,
                redaction=redaction,
            )
        without_copies = len(f.photos_without_derivatives())
    if without_copies:
        print(
            f"avsec: note: {without_copies} photo{'' if without_copies == 1 else 's'} (attached by an "
            f"older avsec) scaled for "
            f"this report; 'avsec check {args.file} --store-photo-copies' stores their report "
            "copies once and makes the next report faster",
            file=sys.stderr,
        )
    protected = " (AES-256, password protected)" if args.password else ""
    edition = " (redacted edition)" if redaction else ""
    print(f"wrote {out}{edition}{protected}")
    return 0
