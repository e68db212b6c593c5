"""The ``report`` verb: the gap report of an assessment as PDF."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from avsec.core.i18n import N_, ntranslate
from avsec.verbs._common import add_lang, check_output, open_file, safe_output
from avsec.verbs._text import cli_language, say, tr, warn


def register(subparsers: Any) -> None:
    """Add ``avsec report FILE -o OUT.pdf [--lang en|es|pt|fr] [--password PW] [--redact]``."""
    p = subparsers.add_parser(
        "report", help=tr("write the gap report and improvement outline as PDF")
    )
    p.add_argument("file", help=tr("the .avsec file"))
    p.add_argument("-o", "--output", required=True, help=tr("the PDF to write"))
    add_lang(p)
    p.add_argument(
        "--password",
        default=None,
        help=tr(
            "encrypt the PDF with AES-256; readers need this password to open it "
            '("-" asks for it, keeping it out of shell history)'
        ),
    )
    p.add_argument(
        "--redact",
        action="store_true",
        help=tr(
            "the redacted edition for wider circulation: no coordinates, map, photos, "
            "access-point names or notes; scores, findings and outline kept"
        ),
    )
    p.add_argument(
        "--marking",
        default=None,
        metavar="TEXT",
        help=tr("with --redact: the handling marking printed on every page (e.g. a lower one)"),
    )
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    """Write the PDF report."""
    from avsec.core.errors import ChecklistError, InputError
    from avsec.io.checklists import load_catalogue
    from avsec.report.path_analysis import PathAnalysis
    from avsec.report.pdf import build_report

    pdf_only = N_("the report is written as .pdf")
    out = check_output(args.output, (".pdf",), inputs=[args.file], suffix_message=pdf_only)
    if args.password == "-":
        # A password typed on the command line stays in shell history and process lists; "-"
        # asks for it instead.
        import getpass

        first = getpass.getpass("Report password: ")
        if first != getpass.getpass("Repeat the password: "):
            raise InputError(N_("the two passwords differ; nothing written"))
        args.password = first
    if args.password is not None and not args.password:
        raise InputError(N_("--password must not be empty"))
    redaction = None
    if args.marking is not None and not args.redact:
        # The full report keeps the file's marking: lowering it is only for the redacted one.
        raise InputError(N_("--marking applies to the redacted edition only; add --redact"))
    if args.redact:
        from avsec.report.redaction import Redaction

        redaction = Redaction(marking=args.marking)
    try:
        catalogue = load_catalogue()
    except (ChecklistError, InputError) as exc:
        # The report still builds: the annex then lists provisions by id.
        warn(N_("avsec: warning: provision catalogue not loaded ({exc})"), exc=exc)
        catalogue = None
    with open_file(args.file) as f:
        doc = f.document()
        lang = args.lang or doc.assessment.language
        if f.findings_stale():
            warn(
                N_(
                    "avsec: warning: the layout or rule parameters changed after the last analysis; run 'avsec analyze' first for current geometry findings"
                )
            )
        # The path analysis runs beside the layout of the first sections (the redacted
        # edition has no such section).
        paths = None if redaction else PathAnalysis.in_background(doc)
        try:
            with safe_output(out, (".pdf",), inputs=[args.file]) as temp:
                build_report(
                    doc,
                    temp,
                    lang=lang,
                    photo_loader=f.report_photo_bytes,
                    catalogue=catalogue,
                    password=args.password,
                    redaction=redaction,
                    path_analysis=paths,
                )
        finally:
            if paths is not None:
                paths.close()  # whatever failed before the report asked for it
        without_copies = len(f.photos_without_derivatives())
    if without_copies:
        note = ntranslate(
            "avsec: note: {count} photo (attached by an older avsec) scaled for this report; "
            "'avsec check {file} --store-photo-copies' stores its report copy once and makes "
            "the next report faster",
            "avsec: note: {count} photos (attached by an older avsec) scaled for this report; "
            "'avsec check {file} --store-photo-copies' stores their report copies once and "
            "makes the next report faster",
            without_copies,
            cli_language(),
        )
        print(note.format(count=without_copies, file=args.file), file=sys.stderr)
    if redaction and args.password:
        say(N_("wrote {out} (redacted edition) (AES-256, password protected)"), out=out)
    elif redaction:
        say(N_("wrote {out} (redacted edition)"), out=out)
    elif args.password:
        say(N_("wrote {out} (AES-256, password protected)"), out=out)
    else:
        say(N_("wrote {out}"), out=out)
    return 0
