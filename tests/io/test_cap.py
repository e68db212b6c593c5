"""The corrective action plan (CAP) export: CSV and XLSX."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from avsec.cli import main
from avsec.core.actions import Action
from avsec.core.assessment import Airport, Assessment, Response, Status
from avsec.core.checklist import Checklist
from avsec.core.commands import Batch, SetResponse
from avsec.core.document import AssessmentDocument
from avsec.core.errors import InputError
from avsec.core.findings import Finding
from avsec.io.cap import cap_rows, write_cap
from avsec.store import AvsecFile

HEADERS_EN = [
    "Ref.",
    "Finding",
    "Checklist item",
    "Provisions",
    "Priority",
    "Horizon",
    "Corrective action",
    "Owner",
    "Due date",
    "Status",
    "Responsible entity",
]
HEADERS_ES = [
    "Ref.",
    "Hallazgo",
    "Ítem de la lista",
    "Disposiciones",
    "Prioridad",
    "Plazo",
    "Medida correctiva",
    "Responsable",
    "Fecha límite",
    "Estado",
    "Entidad responsable",
]


def finding(item: str, severity: str = "critical") -> Finding:
    return Finding(
        rule="perimeter_gap",
        severity=severity,
        value=42.0,
        unit="m",
        location=(-80.0, 10.0),
        geometry={"type": "Point", "coordinates": [-80.0, 10.0]},
        items=[item],
        message={"en": "Opening of 42 m", "es": "Abertura de 42 m"},
    )


@pytest.fixture
def doc(mini_checklist: Checklist, airport: Airport) -> AssessmentDocument:
    assessment = Assessment(
        airport=airport,
        checklist_id=mini_checklist.id,
        checklist_version=mini_checklist.version,
        handling_marking={"en": "RESTRICTED & SENSITIVE", "es": "RESTRINGIDO"},
    )
    responses = {
        "PER-01": Response(item_id="PER-01", status=Status.NOT_COMPLIANT, notes="Gap near gate 1"),
        "PER-02": Response(item_id="PER-02", status=Status.PARTIALLY_COMPLIANT),
        "ACP-01": Response(item_id="ACP-01", status=Status.COMPLIANT),
    }
    return AssessmentDocument(
        assessment=assessment,
        checklist=mini_checklist,
        responses=responses,
        findings=[finding("PER-01"), finding("PER-01", "minor")],
    )


def test_generated_plan_rows(doc):
    rows, generated = cap_rows(doc, "en", today=dt.date(2025, 1, 1))
    assert generated
    assert [r.ref for r in rows] == ["CAP-01", "CAP-02"]
    first = rows[0]
    assert first.items == ("PER-01",) and first.provisions == ("A17:4.2.1",)
    assert first.finding.startswith("PER-01 (Not compliant): Gap near gate 1")
    # The same gap found twice has one id and one number: it is quoted once, with its number.
    assert first.finding.endswith("geometry: [F1] Opening of 42 m")
    assert first.finding_refs == (1,)
    assert first.horizon == "immediate" and first.due == dt.date(2025, 1, 15)
    # An immediate action carries its interim measure.
    assert first.action.startswith("Close every gap in the fence. Interim measure")
    assert first.owner == "Airport operator" and first.responsible == ("operator",)


def test_csv(doc, tmp_path):
    out = tmp_path / "plan.csv"
    assert write_cap(doc, out, "en") == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheet programs then read UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == HEADERS_EN
    assert rows[1][0] == "CAP-01" and rows[1][2] == "PER-01" and rows[1][5].startswith("Immediate")
    assert rows[1][9] == "Open" and rows[1][10] == "Airport operator"
    dt.date.fromisoformat(rows[1][8])


def test_csv_in_spanish(doc, tmp_path):
    out = tmp_path / "plan.csv"
    write_cap(doc, out, "es")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == HEADERS_ES
    assert (
        rows[1][1].startswith("PER-01 (No conforme)")
        and "geometría: [F1] Abertura de 42 m" in rows[1][1]
    )
    assert rows[1][5] == "Inmediato (hasta 14 días)" and rows[1][9] == "Abierta"
    assert rows[1][7] == rows[1][10] == "Explotador del aeropuerto"


def test_user_text_never_becomes_a_formula(doc, tmp_path):
    doc.actions = [
        Action(
            title='=HYPERLINK("http://x")', description="", owner="@SUM(A1:A9)", items=["PER-01"]
        ),
        Action(title="-2+3", description="+cmd|' /C calc'!A0", owner="ok", horizon="long"),
    ]
    out = tmp_path / "plan.csv"
    write_cap(doc, out, "en")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][6] == '\'=HYPERLINK("http://x")' and rows[1][7] == "'@SUM(A1:A9)"
    assert rows[2][6] == "'+cmd|' /C calc'!A0"
    xlsx = tmp_path / "plan.xlsx"
    write_cap(doc, xlsx, "en")
    sheet = load_workbook(xlsx).worksheets[0]
    assert sheet["G2"].value == '=HYPERLINK("http://x")' and sheet["G2"].data_type == "s"
    assert sheet["H2"].data_type == "s"


def test_xlsx_is_a_readable_plan(doc, tmp_path):
    out = tmp_path / "plan.xlsx"
    doc.responses["PER-01"].notes = "bell\x07 and null\x00 removed"
    assert write_cap(doc, out, "es") == 2
    book = load_workbook(out)
    sheet = book.worksheets[0]
    assert sheet.title == "Plan de medidas correctivas"
    assert [c.value for c in sheet[1]] == HEADERS_ES
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K3"
    assert sheet.column_dimensions["B"].width >= 40 and sheet.column_dimensions["G"].width >= 40
    assert isinstance(sheet["I2"].value, dt.datetime) and sheet["I2"].number_format == "yyyy-mm-dd"
    assert isinstance(sheet["E2"].value, float)
    assert "bell and null removed" in sheet["B2"].value
    assert sheet.oddHeader.center.text == "RESTRINGIDO"
    info = book.worksheets[1]
    assert info["A1"].value == "Leyenda de clasificación" and info["B1"].value == "RESTRINGIDO"


def test_marking_with_ampersand_in_print_header(doc, tmp_path):
    out = tmp_path / "plan.xlsx"
    write_cap(doc, out, "en")
    sheet = load_workbook(out).worksheets[0]
    assert sheet.oddHeader.center.text == "RESTRICTED && SENSITIVE"


def test_saved_outline_is_exported_as_saved(doc, tmp_path):
    doc.actions = [
        Action(title="Lock gate 2", horizon="long", owner="Security", status="in_progress"),
        Action(
            title="Patrol the fence", horizon="immediate", items=["PER-01"], due=dt.date(2025, 2, 1)
        ),
    ]
    rows, generated = cap_rows(doc, "en")
    assert not generated
    assert [r.action for r in rows] == ["Patrol the fence", "Lock gate 2"]
    assert rows[1].finding == "Lock gate 2" and rows[1].status == "in_progress"


def test_no_gaps_gives_a_header_only(doc, tmp_path):
    doc.responses = {}
    doc.findings = []
    out = tmp_path / "plan.csv"
    assert write_cap(doc, out, "en") == 0
    # Every field quoted (a ';' locale cannot split a cell).
    quoted = ",".join(f'"{header}"' for header in HEADERS_EN)
    assert out.read_text(encoding="utf-8-sig").splitlines() == [quoted]


def test_bad_output(doc, tmp_path):
    with pytest.raises(InputError, match="csv or .xlsx"):
        write_cap(doc, tmp_path / "plan.txt", "en")
    with pytest.raises(InputError, match="cannot be written"):
        write_cap(doc, tmp_path / "missing" / "plan.csv", "en")


def test_export_verb_writes_the_plan(
    tmp_path: Path, mini_checklist: Checklist, airport: Airport, capsys
):
    path = tmp_path / "a.avsec"
    assessment = Assessment(airport=airport, checklist_id=mini_checklist.id, checklist_version=1)
    with AvsecFile.create(path, assessment, mini_checklist, user="t") as f:
        response = Response(item_id="PER-01", status=Status.NOT_COMPLIANT, notes="open gate")
        f.apply(Batch("answer", [SetResponse("PER-01", None, response)]))
    for name in ("plan.csv", "plan.xlsx"):
        assert main(["export", str(path), "-o", str(tmp_path / name), "--lang", "es"]) == 0
        assert "se escribió 1 acción en" in capsys.readouterr().out
    rows = list(csv.reader((tmp_path / "plan.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == HEADERS_ES and rows[1][2] == "PER-01"
    assert load_workbook(tmp_path / "plan.xlsx").worksheets[0]["C2"].value == "PER-01"


def test_saved_english_outline_exports_in_spanish(doc, tmp_path):
    """A generated action saved in English is written in Spanish; the user's words are not."""
    from avsec.core.outline import edit_action, generate_outline

    saved = generate_outline(
        doc.checklist, doc.responses, doc.findings, lang="en", today=dt.date(2025, 1, 1)
    )
    by_item = {a.source_key: a for a in saved}
    by_item["PER-02"] = edit_action(by_item["PER-02"], description="Our own words, kept")
    saved = [by_item[a.source_key] for a in saved]
    saved.append(Action(title="Hire a guard", description="Night shifts", origin="user"))
    doc.actions = saved
    rows, generated = cap_rows(doc, "es")
    assert not generated
    actions = {r.items[0] if r.items else "": r for r in rows}
    assert actions["PER-01"].action.startswith("Cierre toda abertura de la cerca. Medida")
    assert actions["PER-01"].title == "Cierre toda abertura de la cerca"
    assert actions["PER-02"].action == "Our own words, kept"
    assert actions["PER-02"].title == "Eleve la cerca"
    assert actions[""].action == "Night shifts" and actions[""].title == "Hire a guard"
    for name in ("plan.csv", "plan.xlsx"):
        write_cap(doc, tmp_path / name, "es")
    text = (tmp_path / "plan.csv").read_text(encoding="utf-8-sig")
    assert "Cierre toda abertura de la cerca." in text and "Close every gap" not in text
    sheet = load_workbook(tmp_path / "plan.xlsx").worksheets[0]
    column = [c.value for c in sheet["G"]]
    assert column[1].startswith("Cierre toda abertura de la cerca.") and "Night shifts" in column


def test_findings_are_quoted_with_their_map_numbers(doc):
    """Numbers are the app's: the stored order of the findings, whatever the action lists."""
    other = Finding(
        rule="barrier_below_height",
        severity="major",
        value=300.0,
        unit="m",
        location=(-80.001, 10.0),
        geometry={"type": "Point", "coordinates": [-80.001, 10.0]},
        items=["PER-01"],
        message={"en": "Fence below 2.44 m"},
    )
    doc.findings = [finding("ACP-01"), other, finding("PER-01", "minor")]
    doc.findings[2] = doc.findings[2].model_copy(update={"location": (-80.002, 10.0)})
    doc.actions = [
        Action(
            title="Fix the fence",
            items=["PER-01"],
            findings=[doc.findings[2].id, doc.findings[1].id],
            origin="user",
        )
    ]
    (row,), _ = cap_rows(doc, "en")
    assert row.finding_refs == (2, 3)
    assert "geometry: [F2] Fence below 2.44 m; [F3] Opening of 42 m" in row.finding
