"""The ``portfolio`` verb: every visit of every airport, from files or the shared database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._common import add_lang, percent, print_json, safe_output, table
from avsec.verbs._text import say, tr, warn


def register(subparsers: Any) -> None:
    """Add the portfolio verb."""
    p = subparsers.add_parser(
        "portfolio",
        help=tr("trend by airport and area, overdue actions and systemic gaps over many visits"),
        description=tr(
            "Read .avsec files (folders are searched) or, with --db, the shared "
            "PostgreSQL database, and show each airport's visits oldest first, the overdue "
            "actions and the gaps that recur across airports. Unreadable files are listed as "
            "skipped and never stop the run."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=tr(".avsec files or folders"))
    p.add_argument(
        "--db",
        default=None,
        metavar="DSN",
        help=tr(
            "read the published visits from this PostgreSQL database instead of files "
            "(password from PGPASSWORD or ~/.pgpass)"
        ),
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", default=None, help=tr("write OUT.pdf or OUT.xlsx"))
    add_lang(p)
    p.set_defaults(handler=cmd_portfolio)


def cmd_portfolio(args: argparse.Namespace) -> int:
    """Build the portfolio and print or write it."""
    from avsec.core.errors import InputError

    if bool(args.paths) == bool(args.db):
        raise InputError(N_("give .avsec files or folders, or --db DSN (not both)"))
    out = Path(args.output) if args.output else None
    suffix_message = N_("the portfolio is written as .pdf or .xlsx")
    if out is not None:
        # Refused before anything is read: an input, an assessment, a folder or a device.
        from avsec.verbs._common import check_output

        check_output(out, (".pdf", ".xlsx"), args.paths, suffix_message)
    if args.db:
        from avsec.app.publish import portfolio_of_database

        portfolio = portfolio_of_database(args.db)
    else:
        from avsec.app.portfolio import portfolio_of_files

        portfolio = portfolio_of_files(args.paths)
    for skipped in portfolio.skipped:
        warn(N_("avsec: skipped {path}: {reason}"), path=skipped.path, reason=skipped.reason)
    lang = args.lang or "en"
    if out is not None:
        with safe_output(out, (".pdf", ".xlsx"), args.paths, suffix_message) as temp:
            if out.suffix.lower() == ".pdf":
                from avsec.report.portfolio_pdf import build_portfolio_report

                build_portfolio_report(portfolio, temp, lang=lang)
            else:
                from avsec.io.portfolio_xlsx import write_portfolio_xlsx

                write_portfolio_xlsx(portfolio, temp, lang=lang)
        if not args.json:
            say(N_("wrote {out}"), out=out)
    if args.json:
        print_json(portfolio.to_json())
        return 0
    if out is not None:
        return 0
    rows = [
        [airport["icao"] or "-", airport["name"][:30], *cells]
        for airport, cells in portfolio.visit_rows(percent)
    ]
    print(
        table(
            rows,
            [
                N_("icao"),
                N_("airport"),
                N_("date"),
                "EI",
                N_("weighted"),
                N_("coverage"),
                N_("open"),
                N_("overdue"),
            ],
        )
    )
    systemic = [s for s in portfolio.systemic if s["airports_not_compliant"] >= 2]
    if systemic:
        print()
        say(N_("systemic gaps (not compliant at two or more airports):"))
        print(
            table(
                [
                    [s["item"], f"{s['airports_not_compliant']}/{s['airports_assessed']}"]
                    for s in systemic
                ],
                [N_("item"), N_("airports")],
            )
        )
    return 0
