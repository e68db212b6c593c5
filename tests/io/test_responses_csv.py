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
    assert rows == [("PER-01", "not_compliant", "gap, 3 m"), ("ACP-01", "compliant", "")]


def test_notes_column_is_optional(tmp_path: Path, mini_checklist: Checklist) -> None:
    rows = read_responses_csv(
        _csv(tmp_path, "\ufeffitem_id,status\nPER-01,compliant\n"), mini_checklist
    )
    assert rows == [("PER-01", "compliant", None)]


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
