"""Checklists through a spreadsheet: bundled -> xlsx -> yaml gives the same checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from avsec.core.errors import InputError
from avsec.io.checklist_xlsx import from_xlsx, to_xlsx
from avsec.io.checklists import get_checklist, load_checklist_file


def test_round_trip_of_the_bundled_checklist(tmp_path: Path, run) -> None:
    bundled = get_checklist()
    xlsx, out = tmp_path / "template.xlsx", tmp_path / "back.yaml"
    assert run("checklist", "to-xlsx", "-o", xlsx)[0] == 0
    code, _, err = run("checklist", "from-xlsx", xlsx, "-o", out)
    assert code == 0, err
    assert load_checklist_file(out) == bundled


def test_bad_weight_names_row_and_column(tmp_path: Path) -> None:
    xlsx = tmp_path / "t.xlsx"
    to_xlsx(get_checklist(), xlsx)
    book = load_workbook(xlsx)
    sheet = book["items"]
    column = [c.value for c in sheet[1]].index("weight") + 1
    sheet.cell(row=4, column=column, value="heavy")
    book.save(xlsx)
    with pytest.raises(InputError, match="t.xlsx: sheet items, row 4, column weight"):
        from_xlsx(xlsx)


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04 truncated zip")
    with pytest.raises(InputError, match="x.xlsx"):
        from_xlsx(path)


def test_invalid_content_writes_nothing(tmp_path: Path, run) -> None:
    xlsx = tmp_path / "t.xlsx"
    to_xlsx(get_checklist(), xlsx)
    book = load_workbook(xlsx)
    sheet = book["items"]
    column = [c.value for c in sheet[1]].index("question::es") + 1
    sheet.cell(row=2, column=column).value = None
    book.save(xlsx)
    out = tmp_path / "out.yaml"
    code, _, err = run("checklist", "from-xlsx", xlsx, "-o", out)
    assert code == 2 and "field question.es: missing" in err
    assert not out.exists()


def test_every_problem_is_listed_with_its_row(tmp_path: Path, run) -> None:
    xlsx = tmp_path / "t.xlsx"
    to_xlsx(get_checklist(), xlsx)
    book = load_workbook(xlsx)
    sheet = book["items"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=header.index("id") + 1).value = "PER-01"  # duplicate id
    sheet.cell(row=5, column=header.index("references") + 1).value = "A17:9.9.9"
    sheet.cell(row=6, column=header.index("guidance::es") + 1).value = None
    book.save(xlsx)
    out = tmp_path / "out.yaml"
    code, _, err = run("checklist", "from-xlsx", xlsx, "-o", out)
    lines = err.strip().splitlines()
    assert code == 2 and not out.exists()
    assert any("duplicate item id" in line for line in lines)
    assert any("A17:9.9.9" in line and "(sheet items, row 5)" in line for line in lines)
    assert any("guidance.es: missing" in line and "(sheet items, row 6)" in line for line in lines)
    assert lines[-1].startswith("avsec: error: t.xlsx: ") and "nothing written" in lines[-1]
