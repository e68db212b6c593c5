"""``avsec portfolio``: numbers by hand, equal to ``avsec score --json``; bad files skipped."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from visits import airport, make_visit

from avsec.app.portfolio import portfolio_of_files
from avsec.core.actions import Action
from avsec.store import AvsecFile

TODAY = dt.date(2026, 6, 1)
BRAVO = airport("ZZTB", "Bravo Field")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "national"
    (root / "bravo").mkdir(parents=True)
    # Alpha, one visit: PER-01 C (w3), PER-02 PC (w2), PER-03 NC (w1), ACP-01 NA, ACP-02 C (w2)
    make_visit(
        root / "alpha.avsec",
        {
            "PER-01": "compliant",
            "PER-02": "partially_compliant",
            "PER-03": "not_compliant",
            "ACP-01": "not_applicable",
            "ACP-02": "compliant",
        },
        started=dt.date(2025, 4, 1),
        actions=[
            Action(id="a1", title="late", due=dt.date(2025, 5, 1)),
            Action(id="a2", title="later", due=dt.date(2027, 1, 1)),
            Action(id="a3", title="closed", due=dt.date(2025, 5, 1), status="done"),
        ],
    )
    # Bravo, two visits, stored newest first on disk order to check the sorting.
    make_visit(
        root / "bravo" / "a-2025.avsec",
        {"PER-03": "not_compliant", "PER-01": "compliant"},
        where=BRAVO,
        started=dt.date(2025, 2, 1),
    )
    make_visit(
        root / "bravo" / "b-2023.avsec",
        {"PER-01": "not_compliant"},
        where=BRAVO,
        started=dt.date(2023, 2, 1),
        actions=[Action(id="b1", title="x", due=dt.date(2024, 1, 1))],
    )
    return root


def test_portfolio_numbers_by_hand(folder: Path) -> None:
    data = portfolio_of_files([folder], today=TODAY).to_json()
    alpha, bravo = data["airports"]
    assert (alpha["icao"], alpha["name"]) == ("ZZTA", "Test Field")
    [visit] = alpha["visits"]
    # 2 compliant of 4 assessed applicable; weighted (3 + 1 + 0 + 2) / (3 + 2 + 1 + 2)
    assert visit["ei"] == pytest.approx(2 / 4)
    assert visit["weighted"] == pytest.approx(6 / 8)
    assert visit["coverage"] == pytest.approx(1.0)
    assert visit["areas"]["perimeter"] == pytest.approx(
        {"ei": 1 / 3, "weighted": 4 / 6, "coverage": 1.0}
    )
    assert visit["areas"]["access_points"] == pytest.approx(
        {"ei": 1.0, "weighted": 1.0, "coverage": 1.0}
    )
    assert (visit["open_actions"], visit["overdue_actions"]) == (2, 1)
    assert [v["date"] for v in bravo["visits"]] == ["2023-02-01", "2025-02-01"]
    first, second = bravo["visits"]
    # b1 was due before the next visit (2025-02-01) and still open: overdue then.
    assert (first["open_actions"], first["overdue_actions"]) == (1, 1)
    assert first["ei"] == 0.0 and first["coverage"] == pytest.approx(1 / 5)
    assert second["ei"] == pytest.approx(1 / 2)
    # Latest visits: PER-03 not compliant at both airports, PER-02 (partial) at Alpha only.
    assert data["systemic"][0] == {
        "item": "PER-03",
        "airports_not_compliant": 2,
        "airports_assessed": 2,
    }
    assert {"item": "PER-02", "airports_not_compliant": 1, "airports_assessed": 1} in (
        data["systemic"]
    )
    assert all(s["item"] != "PER-01" for s in data["systemic"])


def test_portfolio_equals_score_of_each_file(folder: Path, run) -> None:
    code, out, err = run("portfolio", folder, "--json")
    assert code == 0, err
    data = json.loads(out)
    score_of = {}
    for path in folder.rglob("*.avsec"):
        with AvsecFile.open(path) as f:
            uuid = f.assessment.id
        code, score, _ = run("score", path, "--json")
        score_of[uuid] = json.loads(score)
    visits = [v for a in data["airports"] for v in a["visits"]]
    assert sorted(v["uuid"] for v in visits) == sorted(score_of)
    for visit in visits:
        score = score_of[visit["uuid"]]
        assert {k: visit[k] for k in ("ei", "weighted", "coverage")} == score["overall"]
        assert visit["areas"] == {
            a["id"]: {k: a[k] for k in ("ei", "weighted", "coverage")} for a in score["areas"]
        }


def test_bad_files_are_skipped_with_the_reason(folder: Path, run) -> None:
    (folder / "garbage.avsec").write_bytes(os.urandom(4096))  # like a file encrypted at rest
    good = (folder / "alpha.avsec").read_bytes()
    (folder / "truncated.avsec").write_bytes(good[: len(good) // 2])
    (folder / "alpha.v1-backup.avsec").write_bytes(good)  # a migration backup: not a visit
    code, out, err = run("portfolio", folder, "--json")
    assert code == 0
    assert len([v for a in json.loads(out)["airports"] for v in a["visits"]]) == 3
    lines = err.splitlines()
    assert len(lines) == 2
    # Random bytes look like a file encrypted at rest: the reason names that (or, with a
    # passphrase in the environment, that the passphrase does not open it).
    garbage = [line for line in lines if "garbage.avsec: " in line]
    assert garbage and any(
        word in garbage[0] for word in ("not an .avsec file", "encrypted", "passphrase")
    ), lines
    assert any("truncated.avsec: " in line and "truncated" in line for line in lines)


def test_a_copy_of_a_visit_counts_once(folder: Path, run) -> None:
    (folder / "copy.avsec").write_bytes((folder / "alpha.avsec").read_bytes())
    code, out, err = run("portfolio", folder, "--json")
    assert code == 0
    assert len(json.loads(out)["airports"][0]["visits"]) == 1
    assert "the same assessment as" in err


def test_portfolio_needs_paths_or_db(run, tmp_path: Path) -> None:
    code, _, err = run("portfolio")
    assert code == 2 and "--db" in err
    code, _, err = run("portfolio", tmp_path / "missing")
    assert code == 2 and "no such file or folder" in err


def test_text_table_lists_every_visit(folder: Path, run) -> None:
    code, out, _ = run("portfolio", folder)
    assert code == 0
    assert "ZZTA" in out and out.count("ZZTB") == 2 and "PER-03  2/2" in out


def test_portfolio_pdf_and_xlsx(folder: Path, run, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from avsec.core.assessment import DEFAULT_MARKING

    (folder / "garbage.avsec").write_bytes(b"not a database at all" * 10)
    pdf, xlsx = tmp_path / "p.pdf", tmp_path / "p.xlsx"
    assert run("portfolio", folder, "-o", pdf)[0] == 0
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert all(DEFAULT_MARKING["en"] in text for text in pages)
    text = "\n".join(pages)
    for words in ("Latest visit by airport", "Overdue actions", "Systemic gaps", "garbage.avsec"):
        assert words in text
    assert run("portfolio", folder, "-o", xlsx)[0] == 0
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Visits", "Overdue actions", "Systemic gaps", "Skipped files"]
    rows = list(book["Visits"].iter_rows(values_only=True))
    header, alpha = rows[0], next(r for r in rows if r[0] == "ZZTA")
    assert alpha[header.index("EI")] == pytest.approx(2 / 4)
    assert alpha[header.index("Weighted score")] == pytest.approx(6 / 8)
    assert alpha[header.index("perimeter Weighted score")] == pytest.approx(4 / 6)
    gaps = list(book["Systemic gaps"].iter_rows(values_only=True))
    assert gaps[1] == ("PER-03", 2, 2)
    overdue = list(book["Overdue actions"].iter_rows(values_only=True))[1:]
    # Latest visits: Alpha's a1 (due 2025-05-01, open); Bravo's latest visit has no plan.
    assert [(r[0], r[2]) for r in overdue] == [("ZZTA", "a1")]
    code, _, err = run("portfolio", folder, "-o", tmp_path / "p.docx")
    assert code == 2 and ".pdf or .xlsx" in err
