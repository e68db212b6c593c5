"""The improvement outline as a corrective action plan (CAP), exported to CSV or XLSX.

The columns follow the shape of an ICAO corrective action plan: reference, finding, checklist
item, provisions, priority, horizon, action, owner, due date and status. When the assessment
has no saved outline, the plan is generated from its gaps (as ``avsec outline`` shows it). The
PDF report uses the same rows, so its references match the exported plan.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from avsec.core.actions import HORIZONS, Action
from avsec.core.checklist import RESPONSIBLE_LABELS
from avsec.core.document import AssessmentDocument
from avsec.core.errors import InputError
from avsec.core.findings import finding_label, finding_numbers
from avsec.core.i18n import N_, format_number, ntranslate, pick, translate
from avsec.core.labels import action_status_label, horizon_label, status_label
from avsec.core.outline import generate_outline, localise_action

#: Column keys in order, with their headers (translated when written).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("ref", N_("Ref.")),
    ("finding", N_("Finding")),
    ("item", N_("Checklist item")),
    ("provisions", N_("Provisions")),
    ("priority", N_("Priority")),
    ("horizon", N_("Horizon")),
    ("action", N_("Corrective action")),
    ("owner", N_("Owner")),
    ("due", N_("Due date")),
    ("status", N_("Status")),
    # Who must act, from the checklist items (state, operator, tenant, air operator): a
    # USAP-style plan separates what the State must do from what the operator must do.
    ("responsible", N_("Responsible entity")),
)
#: Column widths in the XLSX, in characters.
WIDTHS = {
    "ref": 9,
    "finding": 48,
    "item": 14,
    "provisions": 24,
    "priority": 10,
    "horizon": 24,
    "action": 52,
    "owner": 20,
    "due": 13,
    "status": 14,
    "responsible": 26,
}

_WORDS = {
    "sheet": N_("Corrective action plan"),
    "info": N_("About"),
    "geometry": N_("geometry"),
    "airport": N_("Airport"),
    "assessment": N_("Assessment"),
    "checklist": N_("Checklist"),
    "dates": N_("Dates"),
    "exported": N_("Exported"),
    "marking": N_("Handling marking"),
    "generated": N_("Generated from the gaps (no outline was saved with the assessment)"),
    "source": N_("Source of the plan"),
    "saved": N_("The outline saved with the assessment"),
}
#: Longest notes excerpt quoted in the finding column.
NOTES_EXCERPT = 300
#: Geometry findings quoted per row before "and N more".
FINDINGS_QUOTED = 3


def _word(key: str, lang: str) -> str:
    return translate(_WORDS[key], lang)


@dataclass(frozen=True)
class CapRow:
    """One row of the corrective action plan, language-neutral except the finding text."""

    ref: str
    finding: str
    items: tuple[str, ...]
    provisions: tuple[str, ...]
    priority: float
    horizon: str
    action: str
    owner: str
    due: dt.date | None
    status: str
    action_id: str
    title: str
    #: Numbers of the geometry findings the action answers (as on the map and in the app).
    finding_refs: tuple[int, ...] = ()
    #: ``responsible`` of the action's checklist items (state, operator, tenant, air_operator).
    responsible: tuple[str, ...] = ()


def plan_actions(
    doc: AssessmentDocument, lang: str, today: dt.date | None = None
) -> tuple[list[Action], bool]:
    """Return the actions of the plan and whether they were generated.

    The saved outline when there is one; otherwise the outline generated from the gaps.
    Actions are grouped by horizon, keeping their saved order within a horizon. Generated
    titles and descriptions are given in ``lang`` (an outline saved in English prints in
    Spanish in a Spanish plan); what the user wrote stays as written.
    """
    actions = list(doc.actions)
    generated = not actions
    if generated:
        actions = generate_outline(
            doc.checklist, doc.responses, doc.open_findings(), lang=lang, today=today
        )
    actions = [localise_action(a, doc.checklist, lang) for a in actions]
    order = {h: i for i, h in enumerate(HORIZONS)}
    actions.sort(key=lambda a: order.get(a.horizon, len(order)))
    return actions, generated


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cap_rows(
    doc: AssessmentDocument, lang: str, today: dt.date | None = None
) -> tuple[list[CapRow], bool]:
    """Build the corrective action plan of ``doc``.

    Parameters
    ----------
    doc
        The assessment.
    lang
        Language of the finding text (status labels, item questions, finding messages).
    today
        Date generated due dates count from, when the outline is generated.

    Returns
    -------
    rows, generated
        One row per action, references ``CAP-01``...; ``generated`` tells that the outline was
        generated because none was saved.
    """
    actions, generated = plan_actions(doc, lang, today)
    known_items = set(doc.checklist.item_ids())
    findings_by_id = {f.id: f for f in doc.findings}
    numbers = finding_numbers(doc.findings)
    width = max(2, len(str(len(actions))))
    rows = []
    for index, action in enumerate(actions, start=1):
        parts: list[str] = []
        provisions: list[str] = []
        items = [i for i in action.items if i in known_items]
        responsible = tuple(dict.fromkeys(doc.checklist.item(i).responsible for i in items))
        for item_id in action.items:
            if item_id not in known_items:
                parts.append(item_id)
                continue
            item = doc.checklist.item(item_id)
            status = str(doc.status_of(item_id))
            text = f"{item_id} ({status_label(status, lang)})"
            response = doc.responses.get(item_id)
            if response and response.notes.strip():
                text += ": " + _excerpt(response.notes, NOTES_EXCERPT)
            parts.append(text)
            for ref in item.references:
                if ref not in provisions:
                    provisions.append(ref)
        known = [f for f in dict.fromkeys(action.findings) if f in findings_by_id]
        # In the order of their numbers, each led by its label: "[F3]" is finding F3 on the
        # report's map and in the app.
        known.sort(key=numbers.__getitem__)
        quoted = [findings_by_id[f] for f in known]
        if quoted:
            shown = []
            for finding in quoted[:FINDINGS_QUOTED]:
                message = pick(finding.message, lang)
                text = (
                    _excerpt(message, 160)
                    if message
                    else f"{finding.rule} {finding.value:g} {finding.unit}"
                )
                shown.append(f"[{finding_label(numbers[finding.id])}] {text}")
            more = len(quoted) - FINDINGS_QUOTED
            if more > 0:
                shown.append(
                    ntranslate("and {count} more", "and {count} more", more, lang).format(
                        count=more
                    )
                )
            parts.append(f"{_word('geometry', lang)}: " + "; ".join(shown))
        if not parts:
            parts.append(_excerpt(action.description or action.title, NOTES_EXCERPT))
        rows.append(
            CapRow(
                ref=f"CAP-{index:0{width}d}",
                finding="; ".join(parts),
                items=tuple(items or action.items),
                provisions=tuple(provisions),
                priority=round(action.priority, 2),
                horizon=action.horizon,
                action=action.description.strip() or action.title,
                owner=action.owner,
                due=action.due,
                status=action.status,
                action_id=action.id,
                title=action.title,
                finding_refs=tuple(numbers[f] for f in known),
                responsible=responsible,
            )
        )
    return rows, generated


# Spreadsheet programs run a cell that starts with one of these as a formula ("CSV
# injection"): user text must never become one.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 (and so XLSX) cannot hold.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _safe_text(value: str) -> str:
    value = _ILLEGAL_XML.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _values(row: CapRow, lang: str) -> dict[str, object]:
    return {
        "ref": row.ref,
        "finding": row.finding,
        "item": ", ".join(row.items),
        "provisions": ", ".join(row.provisions),
        "priority": row.priority,
        "horizon": horizon_label(row.horizon, lang),
        "action": row.action,
        "owner": row.owner,
        "due": row.due,
        "status": action_status_label(row.status, lang),
        "responsible": ", ".join(
            translate(RESPONSIBLE_LABELS[r], lang) if r in RESPONSIBLE_LABELS else r
            for r in row.responsible
        ),
    }


def write_cap(doc: AssessmentDocument, path: Path, lang: str) -> int:
    """Write the corrective action plan as CSV or XLSX (chosen by the suffix).

    Parameters
    ----------
    doc
        The assessment.
    path
        ``.csv`` (UTF-8 with a byte-order mark, so spreadsheet programs read the accents) or
        ``.xlsx`` (headers, filters, column widths, frozen header row, handling marking in the
        print header and footer).
    lang
        Language of the headers and labels.

    Returns
    -------
    int
        The number of actions written.

    Raises
    ------
    InputError
        Unknown suffix, or the file cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(N_("{name}: the action plan is written as .csv or .xlsx"), name=path.name)
    rows, generated = cap_rows(doc, lang)
    try:
        if suffix == ".csv":
            _write_csv(path, rows, lang)
        else:
            _write_xlsx(path, doc, rows, generated, lang)
    except OSError as exc:
        raise InputError(
            N_("{path}: cannot be written ({strerror})"), path=path, strerror=exc.strerror or exc
        ) from exc
    return len(rows)


def _write_csv(path: Path, rows: list[CapRow], lang: str) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow([translate(header, lang) for _, header in COLUMNS])
        for row in rows:
            values = _values(row, lang)
            out = []
            for key, _ in COLUMNS:
                value = values[key]
                if isinstance(value, dt.date):
                    out.append(value.isoformat())
                elif isinstance(value, str):
                    out.append(_safe_text(value))
                elif isinstance(value, float):
                    # As the report writes it (0.85 or 0,85), so a spreadsheet set to the same
                    # number format reads it as a number.
                    out.append(format_number(value, lang, 2))
                else:
                    out.append("" if value is None else str(value))
            writer.writerow(out)


def _write_xlsx(
    path: Path, doc: AssessmentDocument, rows: list[CapRow], generated: bool, lang: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    marking = doc.assessment.marking(lang)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _word("sheet", lang)[:31]
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3A5F")
    thin = Side(style="thin", color="B8C2CE")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    for column, (key, header) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=column, value=translate(header, lang))
        cell.font = header_font
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[key]
    sheet.row_dimensions[1].height = 30
    for row_index, row in enumerate(rows, start=2):
        values = _values(row, lang)
        for column, (key, _) in enumerate(COLUMNS, start=1):
            value = values[key]
            cell = sheet.cell(row=row_index, column=column)
            if isinstance(value, str):
                cell.value = _ILLEGAL_XML.sub("", value)
                # A string stays a string even when it starts with "=": never a formula.
                cell.data_type = "s"
            else:
                cell.value = value  # type: ignore[assignment]
            cell.alignment = wrap_top
            cell.border = border
            if key == "due" and value is not None:
                cell.number_format = "yyyy-mm-dd"
            elif key == "priority":
                cell.number_format = "0.00"
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    # The handling marking must print on every page, like the PDF's.
    header_text = marking.replace("&", "&&")
    sheet.oddHeader.center.text = header_text
    sheet.oddFooter.center.text = header_text
    sheet.oddFooter.right.text = "&P / &N"

    info = workbook.create_sheet(_word("info", lang)[:31])
    airport = doc.assessment.airport
    codes = " / ".join(c for c in (airport.icao, airport.iata) if c)
    ended = doc.assessment.ended.isoformat() if doc.assessment.ended else "…"
    facts = [
        (_word("marking", lang), marking),
        (_word("airport", lang), f"{airport.name} ({codes})" if codes else airport.name),
        (_word("assessment", lang), doc.assessment.title),
        (_word("dates", lang), f"{doc.assessment.started.isoformat()} – {ended}"),
        (_word("checklist", lang), f"{doc.checklist.id} v{doc.checklist.version}"),
        (
            _word("source", lang),
            _word("generated" if generated else "saved", lang),
        ),
        (_word("exported", lang), dt.date.today().isoformat()),
    ]
    for row_index, (name, value) in enumerate(facts, start=1):
        info.cell(row=row_index, column=1, value=name).font = Font(bold=True)
        cell = info.cell(row=row_index, column=2)
        cell.value = _ILLEGAL_XML.sub("", value)
        cell.data_type = "s"
    info["B1"].font = Font(bold=True, color="9B1C1C")
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 80
    workbook.properties.title = _word("sheet", lang)
    workbook.properties.subject = _ILLEGAL_XML.sub("", marking)
    workbook.properties.creator = "avsec"
    workbook.save(path)
