"""``avsec glossary -o TERMS.pdf [--langs en,es,pt,fr]``: the term sheet for the room."""

from __future__ import annotations

import argparse
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._common import check_output
from avsec.verbs._text import message, say, tr


def register(subparsers: Any) -> None:
    """Add ``avsec glossary``."""
    from avsec.io.translations import offered_languages

    languages = ",".join(offered_languages())
    p = subparsers.add_parser(
        "glossary",
        help=tr("write the access-control terms side by side in several languages (A4 PDF)"),
        description=tr(
            "A term sheet for a workshop room: the terms of ICAO Annex 17 for airport "
            "access control as the app, the checklist and the reports use them, one column per "
            "language, the handling marking on every page."
        ),
    )
    p.add_argument("-o", "--output", required=True, help=tr("the PDF to write"))
    p.add_argument(
        "--langs",
        default=languages,
        metavar="L1,L2,…",
        help=message(
            N_(
                "languages, in column order (default {languages}); the first one writes the "
                "sheet's notes and marking"
            ),
            languages=languages,
        ),
    )
    p.set_defaults(handler=cmd_glossary)


def parse_langs(value: str) -> list[str]:
    """The languages of ``--langs`` (comma-separated, each offered by the app, none twice).

    Raises
    ------
    InputError
        An empty list, an unknown language or a language given twice.
    """
    from avsec.core.errors import InputError
    from avsec.io.translations import offered_languages

    offered = offered_languages()
    langs = [part.strip() for part in value.split(",") if part.strip()]
    if not langs:
        raise InputError(N_("--langs needs at least one language, e.g. --langs en,es"))
    unknown = [lang for lang in langs if lang not in offered]
    if unknown:
        raise InputError(
            N_("--langs: unknown language {unknown} (use {offered})"),
            unknown=", ".join(unknown),
            offered=", ".join(offered),
        )
    if len(set(langs)) != len(langs):
        raise InputError(N_("--langs: a language is given twice"))
    return langs


def cmd_glossary(args: argparse.Namespace) -> int:
    """Write the term sheet."""
    from avsec.report.glossary_pdf import build_term_sheet

    langs = parse_langs(args.langs)
    out = check_output(
        args.output, (".pdf",), suffix_message=N_("the term sheet is written as .pdf")
    )
    build_term_sheet(out, langs)
    say(N_("wrote {out} ({langs})"), out=out, langs=", ".join(langs))
    return 0
