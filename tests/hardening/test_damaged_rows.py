"""Issue 15 item 6: one-line errors, never a traceback, for damaged rows and inputs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from avsec.store import AvsecFile
from tests.conftest import raw_sql
from tests.hardening.conftest import MINI, digest, one_line

DAMAGE = {
    "bad status": "UPDATE responses SET status = 'maybe' WHERE item_id = 'PER-01'",
    "bad photos JSON": "UPDATE responses SET photos = '[not json' WHERE item_id = 'PER-01'",
    "bad date": "UPDATE responses SET updated = 'last tuesday' WHERE item_id = 'PER-01'",
    "bad action row": "INSERT INTO actions VALUES ('a-1', 0, '{\"title\": 5')",
    "bad feature row": "INSERT INTO features VALUES ('f-1', 0, 'barrier', '{oops', '{}')",
}


def _damage(path: Path, sql: str) -> None:
    with AvsecFile.open(path) as f:
        raw_sql(f, sql)


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_a_damaged_row_is_one_line_naming_the_file(cli, mini_file, case):
    _damage(mini_file, DAMAGE[case])
    verbs = [("info",), ("score",), ("outline",), ("report",)]
    for verb in verbs:
        args = [*verb, mini_file] + (["-o", "r.pdf"] if verb == ("report",) else [])
        done = cli(*args)
        if done.returncode == 0:
            continue  # this verb does not read the damaged table
        line = one_line(done.stderr)
        assert "a.avsec" in line and "damaged" in line, (verb, line)


def test_the_damaged_response_is_named(run, mini_file):
    _damage(mini_file, DAMAGE["bad status"])
    code, _, err = run("score", mini_file)
    assert code == 2 and "the response to PER-01 is damaged" in one_line(err)


@pytest.mark.parametrize("case", ["bad status", "bad feature row"])
def test_analyze_on_a_damaged_file_writes_nothing(run, mini_file, case):
    _damage(mini_file, DAMAGE[case])
    before = digest(mini_file)
    code, _, err = run("analyze", mini_file)
    assert code == 2 and "damaged" in one_line(err)
    assert digest(mini_file) == before


def test_a_csv_field_over_the_csv_limit_is_one_line(run, mini_file, tmp_path):
    source = tmp_path / "huge.csv"
    source.write_text(f'item_id,status,notes\nPER-02,compliant,"{"q" * 200_000}"\n')
    before = digest(mini_file)
    code, _, err = run("responses", "import", mini_file, source)
    assert code == 2 and "huge.csv: line" in one_line(err)
    assert digest(mini_file) == before


def test_broken_xml_inside_a_workbook_is_one_line(run, tmp_path):
    from avsec.io.checklist_xlsx import to_xlsx
    from avsec.io.checklists import load_checklist_file

    good = tmp_path / "good.xlsx"
    to_xlsx(load_checklist_file(Path(MINI), check_references=False), good)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet2"):
                data = data[: len(data) // 2]  # cut mid-element
            target.writestr(info, data)
    code, _, err = run("checklist", "from-xlsx", broken, "-o", tmp_path / "out.yaml")
    assert code == 2 and "broken.xlsx" in one_line(err)
    assert not (tmp_path / "out.yaml").exists()


def test_deep_json_layout_is_one_line(run, mini_file, tmp_path):
    deep = tmp_path / "deep.geojson"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = run("layout", "import", mini_file, deep)
    assert code == 2 and one_line(err)


@pytest.mark.parametrize(
    "value",
    ['[{"id": 5}]', '{"not": "a list"}', "[1, 2]", '"text"'],
    ids=["bad-field", "dict", "ints", "str"],
)
def test_damaged_observations_are_one_line(run, mini_file, value):
    _damage(mini_file, f"INSERT OR REPLACE INTO extras VALUES ('observations', '{value}')")
    code, _, err = run("report", mini_file, "-o", mini_file.with_suffix(".pdf"))
    assert code == 2 and "observation" in one_line(err) and "damaged" in err
