"""The ``portfolio`` verb: every visit of every airport, from files or the shared database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from avsec.verbs._common import add_lang, percent, print_json, safe_output, table


def register(subparsers: Any) -> None:
    """Add the portfolio verb."""
    p = subparsers.add_parser(
        "portfolio",
        help="trend by airport and area, overdue actions and systemic gaps over many visits",
        description="Read .avsec files (folders are searched) or, with --db, the shared "
        "PostgreSQL database, and show each airport's visits oldest first, the overdue "
        "actions and the gaps that recur across airports. Unreadable files are listed as "
        "skipped and never stop the run.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=".avsec files or folders")
    p.add_argument(
        "--db",
        default=None,
        metavar="DSN",
        help="read the published visits from this PostgreSQL database instead of files "
        "(password from PGPASSWORD or ~/.pgpass)",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", default=None, help="write OUT.pdf or OUT.xlsx")
    add_lang(p)
    p.set_defaults(handler=cmd_portfolio)


def cmd_portfolio(args: argparse.Namespace) -> int:
    """Build the portfolio and print or write it."""
    from avsec.core.errors import InputError

    if bool(args.paths) == bool(args.db):
        raise InputError("give .avsec files or folders, or --db DSN (not both)")
    out = Path(args.output) if args.output else None
    suffix_message = "the portfolio is written as .pdf or .xlsx"
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
        print(f"avsec: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
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
            print(f"wrote {out}")
    if args.json:
        print_json(portfolio.to_json())
        return 0
    if out is not None:
        return 0
    rows = [
        [
            airport["icao"] or "-",
            airport["name"][:30],
            visit["date"],
            percent(visit["ei"]),
            percent(visit["weighted"]),
            percent(visit["coverage"]),
            str(visit["open_actions"]),
            str(visit["overdue_actions"]),
        ]
        for airport in portfolio.airports
        for visit in airport["visits"]
    ]
    print(
        table(
            rows,
            ["icao", "airport", "date", "EI", "weighted", "coverage", "open", "overdue"],
        )
    )
    systemic = [s for s in portfolio.systemic if s["airports_not_compliant"] >= 2]
    if systemic:
        print("\nsystemic gaps (not compliant at two or more airports):")
        print(
            table(
                [
                    [s["item"], f"{s['airports_not_compliant']}/{s['airports_assessed']}"]
                    for s in systemic
                ],
                ["item", "airports"],
            )
        )
    return 0
