"""Responses CSV: every bad line named, nothing applied on error."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.core.checklist import Checklist
from avsec.core.errors import InputError
from avsec.io.responses_csv import read_responses_csv


def _csv(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "r.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_reads_rows(tmp_path: Path, mini_checklist: Checklist) -> None:
    rows = read_responses_csv(
        _csv(
            tmp_path, 'item_id,status,notes\nPER-01,not_compliant,"gap, 3 m"\nACP-01,Compliant,\n'
        ),
        mini_checklist,
    )
    assert rows == [
        ("PER-01", "not_compliant", "gap, 3 m", None),
        ("ACP-01", "compliant", "", None),
    ]


def test_notes_column_is_optional(tmp_path: Path, mini_checklist: Checklist) -> None:
    rows = read_responses_csv(
        _csv(tmp_path, "\ufeffitem_id,status\nPER-01,compliant\n"), mini_checklist
    )
    assert rows == [("PER-01", "compliant", None, None)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("item_id,status\nPER-01,compliant\nXXX-9,compliant\n", "line 3: unknown item id 'XXX-9'"),
        ("item_id,status\nPER-01,fine\n", "line 2: unknown status 'fine'"),
        ("id,state\nPER-01,compliant\n", "line 1: columns must be item_id,status"),
        (
            "item_id,status\nPER-01,compliant\nPER-01,not_compliant\n",
            "line 3: item PER-01 already given on line 2",
        ),
        ("item_id,status\nPER-01,compliant,extra\n", "line 2: expected 2 columns"),
        ("", "empty"),
    ],
)
def test_bad_rows_name_the_line(
    tmp_path: Path, mini_checklist: Checklist, text: str, message: str
) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(")) as err:
        read_responses_csv(_csv(tmp_path, text), mini_checklist)
    assert "r.csv" in str(err.value)


def test_not_utf8_names_the_line(tmp_path: Path, mini_checklist: Checklist) -> None:
    data = "item_id,status,notes\nPER-01,compliant,ok\nPER-02,compliant,Señal\n".encode("latin-1")
    with pytest.raises(InputError, match="line 3: not UTF-8"):
        read_responses_csv(_csv(tmp_path, data), mini_checklist)


# --- the optional sample columns ---------------------------------------------------------


@pytest.fixture
def sampling(tmp_path: Path) -> Checklist:
    from tests.sampling import sampling_checklist

    return sampling_checklist(tmp_path)


def test_sample_columns_are_read(tmp_path: Path, sampling: Checklist) -> None:
    text = (
        "item_id,status,notes,sample_size,failures\n"
        "ACP-01,not_compliant,two expired,10,2\n"
        "ACP-02,compliant,,,\n"
        "PER-01,compliant,fine,,\n"
    )
    rows = read_responses_csv(_csv(tmp_path, text), sampling)
    assert [row.sample for row in rows] == [(10, 2), (None, None), (None, None)]
    assert rows[0].notes == "two expired"


def test_sample_columns_may_come_without_notes(tmp_path: Path, sampling: Checklist) -> None:
    rows = read_responses_csv(
        _csv(tmp_path, "item_id,status,sample_size,failures\nACP-02,partially_compliant,20,1\n"),
        sampling,
    )
    assert rows == [("ACP-02", "partially_compliant", None, (20, 1))]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("ACP-01,compliant,,ten,1", "line 2: sample_size and failures must be whole numbers"),
        ("ACP-01,compliant,,10,", "line 2: sample_size and failures must be whole numbers"),
        ("ACP-01,compliant,,10,11", "line 2: a sample of 10 with 11 failures is out of range"),
        ("ACP-01,compliant,,10,-1", "line 2: a sample of 10 with -1 failures is out of range"),
        ("ACP-01,compliant,,0,0", "line 2: a sample of 0 with 0 failures is out of range"),
        ("ACP-01,compliant,,10001,0", "line 2: a sample of 10001 with 0 failures"),
        ("ACP-01,compliant,,2.5,1", "line 2: sample_size and failures must be whole numbers"),
        ("PER-01,compliant,,10,1", "line 2: item PER-01 asks for no sample"),
    ],
)
def test_a_bad_sample_is_one_line_naming_file_and_line(
    tmp_path: Path, sampling: Checklist, row: str, message: str
) -> None:
    text = "item_id,status,notes,sample_size,failures\n" + row + "\n"
    with pytest.raises(InputError, match=message) as err:
        read_responses_csv(_csv(tmp_path, text), sampling)
    assert str(err.value).startswith("r.csv: line 2: ") and "\n" not in str(err.value)


@pytest.mark.parametrize(
    "header",
    ["item_id,status,sample_size", "item_id,status,failures,notes", "item_id,status,notes,notes"],
)
def test_sample_columns_come_together(tmp_path: Path, sampling: Checklist, header: str) -> None:
    with pytest.raises(InputError, match="line 1: columns must be"):
        read_responses_csv(_csv(tmp_path, header + "\n"), sampling)


def test_export_writes_the_sample_columns_and_reads_back(
    tmp_path: Path, sampling: Checklist
) -> None:
    import csv

    from avsec.core.assessment import Response
    from avsec.io.responses_csv import write_responses_csv

    responses = {
        "ACP-01": Response(item_id="ACP-01", status="not_compliant", sample_size=10, failures=3),
        "PER-01": Response(item_id="PER-01", status="compliant", notes="=ok"),
    }
    path = tmp_path / "out.csv"
    write_responses_csv(path, sampling, responses)
    table = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert table[0] == ["item_id", "status", "notes", "sample_size", "failures"]
    by_id = {row[0]: row for row in table[1:]}
    assert by_id["ACP-01"] == ["ACP-01", "not_compliant", "", "10", "3"]
    assert by_id["PER-01"] == ["PER-01", "compliant", "'=ok", "", ""]
    rows = {row.item_id: row for row in read_responses_csv(path, sampling)}
    assert rows["ACP-01"].sample == (10, 3) and rows["PER-01"].notes == "=ok"
