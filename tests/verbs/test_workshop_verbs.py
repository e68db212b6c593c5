"""avsec workshop pack | teams | compare, end to end on the mini checklist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from avsec.core.commands import SetAssessment
from avsec.store import AvsecFile
from tests.conftest import raw_sql

KEY = "PER-01,not_compliant\nPER-02,partially_compliant\nPER-03,compliant\nACP-01,not_compliant\n"
ANDES = "PER-01,not_compliant\nPER-02,compliant\nPER-03,compliant\nACP-01,not_compliant\nACP-02,compliant\n"
CARIBE = (
    "PER-01,not_compliant\nPER-02,partially_compliant\nACP-01,compliant\nACP-02,not_compliant\n"
)


def _csv(tmp_path: Path, name: str, rows: str) -> Path:
    path = tmp_path / name
    path.write_text("item_id,status\n" + rows, encoding="utf-8")
    return path


@pytest.fixture
def key(mini_file: Path, run, tmp_path: Path) -> Path:
    """The mini assessment answered and turned into an answer key."""
    code, _, err = run("responses", "import", mini_file, _csv(tmp_path, "key.csv", KEY))
    assert code == 0, err
    with AvsecFile.open(mini_file) as f:
        before = f.assessment
        f.apply(SetAssessment(before, before.model_copy(update={"mode": "answer_key"})))
        f.set_extra("rationales", {"PER-02": "West fence too low: KEY RATIONALE TEXT."})
    return mini_file


@pytest.fixture
def teams(key: Path, run, tmp_path: Path) -> list[Path]:
    code, out, err = run("workshop", "pack", key, "-o", tmp_path / "exercise.avsec")
    assert code == 0, err
    assert "no reference answers" in out
    code, out, err = run(
        "workshop",
        "teams",
        tmp_path / "exercise.avsec",
        "--team",
        "Andes",
        "--team",
        "Equipo Caribe",
        "-o",
        tmp_path / "teams",
    )
    assert code == 0, err
    paths = [tmp_path / "teams" / "andes.avsec", tmp_path / "teams" / "equipo-caribe.avsec"]
    assert all(str(p) in out for p in paths)
    for path, rows in zip(paths, (ANDES, CARIBE), strict=True):
        code, _, err = run("responses", "import", path, _csv(tmp_path, path.stem + ".csv", rows))
        assert code == 0, err
    return paths


def test_exercise_has_no_answers(key: Path, teams: list[Path], tmp_path: Path, run) -> None:
    code, out, _ = run("info", tmp_path / "exercise.avsec", "--json")
    info = json.loads(out)
    assert (info["mode"], info["counts"]["answered"]) == ("exercise", 0)
    assert b"KEY RATIONALE TEXT" not in (tmp_path / "exercise.avsec").read_bytes()


def test_info_shows_the_team(teams: list[Path], run) -> None:
    code, out, _ = run("info", teams[1])
    assert code == 0
    assert "mode       team (team Equipo Caribe)" in out
    code, out, _ = run("info", teams[1], "--json")
    info = json.loads(out)
    assert (info["mode"], info["team_name"]) == ("team", "Equipo Caribe")


def test_compare_json(key: Path, teams: list[Path], run) -> None:
    code, out, err = run("workshop", "compare", key, *teams, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data == {
        "teams": [
            {
                "name": "Andes",
                "accuracy": 0.75,
                "areas": {"perimeter": pytest.approx(2 / 3), "access_points": 1.0},
            },
            {
                "name": "Equipo Caribe",
                "accuracy": 0.5,
                "areas": {"perimeter": pytest.approx(2 / 3), "access_points": 0.0},
            },
        ],
        "items": [
            {
                "id": "PER-01",
                "key": "not_compliant",
                "answers": {"Andes": "not_compliant", "Equipo Caribe": "not_compliant"},
                "agreement": 1.0,
            },
            {
                "id": "PER-02",
                "key": "partially_compliant",
                "answers": {"Andes": "compliant", "Equipo Caribe": "partially_compliant"},
                "agreement": 0.0,
            },
            {
                "id": "PER-03",
                "key": "compliant",
                "answers": {"Andes": "compliant", "Equipo Caribe": "not_assessed"},
                "agreement": 0.0,
            },
            {
                "id": "ACP-01",
                "key": "not_compliant",
                "answers": {"Andes": "not_compliant", "Equipo Caribe": "compliant"},
                "agreement": 0.0,
            },
            {
                "id": "ACP-02",
                "key": "not_assessed",
                "answers": {"Andes": "compliant", "Equipo Caribe": "not_compliant"},
                "agreement": 0.0,
            },
        ],
        "fleiss_kappa": pytest.approx(-7 / 33),
    }


def test_compare_text_and_refusals(key: Path, teams: list[Path], run, tmp_path: Path) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    broken = stick / "team-3.avsec"
    broken.write_bytes(b"PK\x03\x04 a zip file, not an assessment")
    newer = stick / "team-4.avsec"
    newer.write_bytes(teams[0].read_bytes())
    with AvsecFile.open(newer) as f:
        raw_sql(f, "PRAGMA user_version = 7")
    code, out, err = run("workshop", "compare", key, *teams, broken, newer)
    assert code == 0
    assert "Andes" in out and "75 %" in out and "Fleiss' kappa across 2 teams: -0.212" in out
    assert f"avsec: warning: refused {broken}: not an .avsec file" in err
    assert f"avsec: warning: refused {newer}: written by a newer avsec" in err


def test_compare_with_no_valid_team_fails(key: Path, tmp_path: Path, run) -> None:
    code, out, err = run("workshop", "compare", key, tmp_path / "exercise-missing.avsec")
    assert code == 2 and out == ""
    assert (
        err.startswith("avsec: error: no team file to compare") and "exercise-missing.avsec" in err
    )
    assert len(err.strip().splitlines()) == 1


def test_compare_writes_the_debrief(key: Path, teams: list[Path], run, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out_pdf = tmp_path / "debrief.pdf"
    code, out, err = run(
        "workshop", "compare", key, *teams, "--json", "-o", out_pdf, "--lang", "es"
    )
    assert code == 0 and json.loads(out)["teams"]
    assert f"se escribió {out_pdf}" in err
    reader = PdfReader(out_pdf)
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 4
    for number, text in enumerate(pages, start=1):
        assert text.count("RESTRINGIDO — INFORMACIÓN SENSIBLE DE SEGURIDAD DE LA AVIACIÓN") == 2
        assert f"Página {number} de {len(pages)}" in text
    everything = " ".join(pages)
    assert "El coeficiente kappa de Fleiss" in everything and "Ítems más discutidos" in everything
    assert "KEY RATIONALE TEXT" in everything
    assert "Plan de mejora consolidado" in everything


def test_pack_refuses_team_files(teams: list[Path], run, tmp_path: Path) -> None:
    code, _, err = run("workshop", "pack", teams[0], "-o", tmp_path / "x.avsec")
    assert code == 2 and "not an answer key (mode team)" in err


def test_teams_need_names(tmp_path: Path, run, key: Path) -> None:
    code, _, err = run("workshop", "pack", key, "-o", tmp_path / "ex.avsec")
    code, _, err = run(
        "workshop",
        "teams",
        tmp_path / "ex.avsec",
        "--team",
        "A",
        "--team",
        "a",
        "-o",
        tmp_path / "t",
    )
    assert code == 2 and "given twice" in err
    assert not (tmp_path / "t").exists()


def test_compare_one_team_says_team(key: Path, teams: list[Path], run) -> None:
    code, out, err = run("workshop", "compare", key, teams[0])
    assert code == 0, err
    assert "Fleiss' kappa across 1 team: n/a" in out


def test_compare_refuses_answers_edited_with_sqlite(
    key: Path, teams: list[Path], run, tmp_path: Path
) -> None:
    import sqlite3

    conn = sqlite3.connect(teams[1])
    conn.execute("UPDATE responses SET status = 'not_compliant' WHERE item_id = 'ACP-01'")
    conn.commit()
    conn.close()
    code, out, err = run("workshop", "compare", key, *teams, "--json")
    assert code == 0
    assert [t["name"] for t in json.loads(out)["teams"]] == ["Andes"]
    assert f"avsec: warning: refused {teams[1]}: answers changed outside avsec" in err
    assert "ACP-01 is not_compliant in the file, compliant in the journal" in err


def test_a_refusal_names_the_edited_items_in_the_runs_language(
    key: Path, teams: list[Path], run
) -> None:
    import sqlite3

    conn = sqlite3.connect(teams[1])
    conn.execute("UPDATE responses SET status = 'not_compliant' WHERE item_id = 'ACP-01'")
    conn.commit()
    conn.close()
    code, _, err = run("--lang", "es", "workshop", "compare", key, *teams, "--json")
    assert code == 0
    assert (
        "respuestas modificadas fuera de avsec (difieren del registro de cambios del archivo): "
        "ACP-01 es not_compliant en el archivo y compliant en el registro de cambios"
    ) in err
    # With no team left, the error lists the refusals in the same language.
    code, _, err = run("--lang", "fr", "workshop", "compare", key, teams[1])
    assert code != 0
    assert "réponses modifiées en dehors d'avsec" in err and "answers changed" not in err
