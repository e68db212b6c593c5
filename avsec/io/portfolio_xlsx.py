"""The national portfolio as an XLSX workbook: the same tables as the PDF, one sheet each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from avsec.core.i18n import keyed_text
from avsec.core.portfolio import Portfolio
from avsec.io.outputs import output_in_existing_folder, partial_file
from avsec.io.translations import keyed

#: message key -> English text (the gettext msgid; the key is its context).
MESSAGES: dict[str, str] = dict(
    [
        keyed("pfx_visits", "Visits"),
        keyed("pfx_overdue", "Overdue actions"),
        keyed("pfx_systemic", "Systemic gaps"),
        keyed("pfx_skipped", "Skipped files"),
        keyed("pfx_icao", "ICAO"),
        keyed("pfx_airport", "Airport"),
        keyed("pfx_uuid", "Assessment"),
        keyed("pfx_date", "Date"),
        keyed("pfx_ei", "EI"),
        keyed("pfx_weighted", "Weighted score"),
        keyed("pfx_coverage", "Coverage"),
        keyed("pfx_open", "Open actions"),
        keyed("pfx_overdue_count", "Overdue actions"),
        keyed("pfx_action", "Action"),
        keyed("pfx_action_id", "Action id"),
        keyed("pfx_owner", "Owner"),
        keyed("pfx_due", "Due"),
        keyed("pfx_item", "Item"),
        keyed("pfx_not_compliant", "Airports not compliant"),
        keyed("pfx_assessed", "Airports assessed"),
        keyed("pfx_file", "File"),
        keyed("pfx_reason", "Reason"),
    ]
)


def t(key: str, lang: str) -> str:
    """Message ``key`` in ``lang`` (English when not translated)."""
    return keyed_text(MESSAGES, key, lang)


def write_portfolio_xlsx(portfolio: Portfolio, out: Path, *, lang: str = "en") -> Path:
    """Write the visits (with EI, weighted and coverage per area), overdue actions, systemic
    gaps and skipped files; shares are numbers formatted as percentages.

    Raises
    ------
    InputError
        The output folder does not exist.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out = output_in_existing_folder(out)
    areas = sorted({a for ap in portfolio.airports for v in ap["visits"] for a in v["areas"]})
    book = Workbook()
    visits = book.active
    visits.title = t("pfx_visits", lang)[:31]
    head = [
        t(k, lang)
        for k in (
            "pfx_icao",
            "pfx_airport",
            "pfx_uuid",
            "pfx_date",
            "pfx_ei",
            "pfx_weighted",
            "pfx_coverage",
        )
    ]
    head += [
        f"{area} {t(k, lang)}" for area in areas for k in ("pfx_ei", "pfx_weighted", "pfx_coverage")
    ]
    head += [t("pfx_open", lang), t("pfx_overdue_count", lang)]
    visits.append(head)
    for airport in portfolio.airports:
        for v in airport["visits"]:
            row: list[Any] = [
                airport["icao"],
                airport["name"],
                v["uuid"],
                v["date"],
                v["ei"],
                v["weighted"],
                v["coverage"],
            ]
            for area in areas:
                values = v["areas"].get(area, {})
                row += [values.get("ei"), values.get("weighted"), values.get("coverage")]
            row += [v["open_actions"], v["overdue_actions"]]
            visits.append(row)
    for column in visits.iter_cols(min_row=2, min_col=5, max_col=4 + 3 + 3 * len(areas)):
        for cell in column:
            cell.number_format = "0%"
    overdue = book.create_sheet(t("pfx_overdue", lang)[:31])
    overdue.append(
        [
            t(k, lang)
            for k in (
                "pfx_icao",
                "pfx_airport",
                "pfx_action_id",
                "pfx_action",
                "pfx_owner",
                "pfx_due",
            )
        ]
    )
    for key, name, action in portfolio.overdue:
        overdue.append([key, name, action.id, action.title, action.owner, action.due])
    systemic = book.create_sheet(t("pfx_systemic", lang)[:31])
    systemic.append([t(k, lang) for k in ("pfx_item", "pfx_not_compliant", "pfx_assessed")])
    for gap in portfolio.systemic:
        systemic.append([gap["item"], gap["airports_not_compliant"], gap["airports_assessed"]])
    skipped = book.create_sheet(t("pfx_skipped", lang)[:31])
    skipped.append([t("pfx_file", lang), t("pfx_reason", lang)])
    for item in portfolio.skipped:
        skipped.append([item.path, item.reason])
    for sheet in book.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    with partial_file(out) as partial:
        book.save(partial)
    return out
