"""Issue 15 item 5: exported spreadsheets are inert."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from avsec.io.responses_csv import guard, unguard

DANGEROUS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tlead tab", "\rlead cr"]


def _set_notes(run, mini_file: Path, tmp_path: Path, notes: list[str]) -> None:
    rows = ["item_id,status,notes"]
    ids = ["PER-01", "PER-02", "PER-03", "ACP-01", "ACP-02"]
    for item, note in zip(ids, notes, strict=False):
        escaped = note.replace('"', '""')
        rows.append(f'{item},compliant,"{escaped}"')
    source = tmp_path / "in.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8", newline="")
    code, _, err = run("responses", "import", mini_file, source)
    assert code == 0, err


def test_formula_prefixes_are_neutralised_and_every_field_quoted(run, mini_file, tmp_path):
    _set_notes(run, mini_file, tmp_path, DANGEROUS[:5])
    out = tmp_path / "out.csv"
    assert run("responses", "export", mini_file, "-o", out)[0] == 0
    raw = out.read_text(encoding="utf-8")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    notes = [row[2] for row in rows[1:6]]
    assert notes == ["'" + n for n in DANGEROUS[:5]]
    # Every field quoted: a ';' locale cannot split the note into a formula cell.
    for line in raw.splitlines()[:3]:
        assert line.startswith('"') and line.endswith('"') and '","' in line


def test_import_strips_the_guard_so_a_round_trip_keeps_the_text(run, mini_file, tmp_path):
    _set_notes(run, mini_file, tmp_path, DANGEROUS[:5])
    out = tmp_path / "out.csv"
    assert run("responses", "export", mini_file, "-o", out)[0] == 0
    assert run("responses", "import", mini_file, out)[0] == 0
    again = tmp_path / "again.csv"
    assert run("responses", "export", mini_file, "-o", again)[0] == 0
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize("text", DANGEROUS)
def test_guard_and_unguard(text):
    assert guard(text) == "'" + text and unguard("'" + text) == text


@pytest.mark.parametrize("text", ["plain", "'quoted by the user", "", "a=b"])
def test_harmless_text_is_untouched(text):
    assert guard(text) == text and unguard(text) == text


def test_the_action_plan_csv_is_quoted_too(run, mini_file, tmp_path):
    out = tmp_path / "plan.csv"
    assert run("export", mini_file, "-o", out)[0] == 0
    first = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert first.startswith('"Ref."') and first.endswith('"Responsible entity"')
