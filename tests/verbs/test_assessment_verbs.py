"""CLI verbs on one assessment: new, info, responses, score, outline, export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from avsec import __version__
from avsec.store import AvsecFile


def test_version(run, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("--version")
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_new_fills_the_airport(mini_file: Path, run) -> None:
    code, out, _ = run("info", mini_file, "--json")
    assert code == 0
    info = json.loads(out)
    airport = info["airport"]
    assert (airport["icao"], airport["iata"], airport["name"]) == (
        "MHTG",
        "TGU",
        "Toncontin International Airport",
    )
    assert (airport["city"], airport["country"], airport["tz"]) == (
        "Tegucigalpa",
        "HN",
        "America/Tegucigalpa",
    )
    assert info["checklist"] == {"id": "mini-test", "version": 1, "items": 5}
    assert info["handling_marking"].startswith("RESTRICTED")
    assert info["counts"]["answered"] == 0


def test_new_unknown_airport_suggests(tmp_path: Path, run) -> None:
    code, _, err = run("new", tmp_path / "x.avsec", "--airport", "MHTX")
    assert code == 2
    assert err.startswith("avsec: error: unknown airport code 'MHTX'; did you mean")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.avsec").exists()


def test_new_custom_airport(tmp_path: Path, run) -> None:
    from tests.verbs.conftest import MINI

    path = tmp_path / "c.avsec"
    code, _, err = run(
        "new", path, "--name", "Finca Norte", "--lat", "14.5", "--lon", "-87.1", "--checklist", MINI
    )
    assert code == 0, err
    with AvsecFile.open(path) as f:
        assert f.assessment.airport.custom and f.assessment.airport.name == "Finca Norte"


def test_new_needs_an_airport(tmp_path: Path, run) -> None:
    code, _, err = run("new", tmp_path / "n.avsec")
    assert code == 2 and "--airport" in err


def test_responses_round_trip_and_score(mini_file: Path, tmp_path: Path, run) -> None:
    csv_in = tmp_path / "in.csv"
    csv_in.write_text(
        "item_id,status,notes\nPER-01,compliant,ok\nPER-02,partially_compliant,low stretch\n"
        "PER-03,not_compliant,\nACP-01,not_applicable,\n",
        encoding="utf-8",
    )
    code, out, err = run("responses", "import", mini_file, csv_in)
    assert code == 0, err
    code, out, _ = run("score", mini_file, "--json")
    scores = json.loads(out)
    perimeter = scores["areas"][0]
    # weights 3, 2, 1 with s = 1, 0.5, 0: (3 + 1 + 0) / 6
    assert perimeter == {
        "id": "perimeter",
        "ei": 1 / 3,
        "weighted": 4 / 6,
        "coverage": 1.0,
        "assessed": 3,
        "applicable": 3,
    }
    access = scores["areas"][1]
    assert access["applicable"] == 1 and access["coverage"] == 0.0 and access["ei"] is None
    assert scores["overall"]["coverage"] == pytest.approx(3 / 4)
    code, out, _ = run("score", mini_file)
    assert "Perimeter" in out and "Overall" in out

    csv_out = tmp_path / "out.csv"
    assert run("responses", "export", mini_file, "-o", csv_out)[0] == 0
    lines = csv_out.read_text(encoding="utf-8").splitlines()
    # Every field quoted (issue 15: a ';' locale cannot split a note).
    assert lines[0] == '"item_id","status","notes"'
    assert '"PER-02","partially_compliant","low stretch"' in lines
    assert '"ACP-02","not_assessed",""' in lines


def test_bad_csv_applies_nothing(mini_file: Path, tmp_path: Path, run) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("item_id,status\nPER-01,compliant\nPER-02,great\n", encoding="utf-8")
    before = AvsecFile.open(mini_file)
    changes = len(before.changes())
    before.close()
    code, _, err = run("responses", "import", mini_file, bad)
    assert code == 2
    assert "bad.csv: line 3: unknown status 'great'" in err
    with AvsecFile.open(mini_file) as f:
        assert f.responses() == {}
        assert len(f.changes()) == changes


def test_outline_and_save(mini_file: Path, tmp_path: Path, run) -> None:
    csv_in = tmp_path / "in.csv"
    csv_in.write_text(
        "item_id,status\nPER-01,not_compliant\nACP-02,partially_compliant\n", encoding="utf-8"
    )
    run("responses", "import", mini_file, csv_in)
    code, out, _ = run("outline", mini_file, "--json")
    actions = json.loads(out)["actions"]
    assert [a["items"] for a in actions] == [["PER-01"], ["ACP-02"]]
    assert actions[0]["horizon"] == "immediate"
    # Who acts: the item's responsible, and the owner the action starts with.
    assert [a["responsible"] for a in actions] == ["operator", "operator"]
    assert actions[0]["owner"] == "Airport operator"
    assert "Interim measure" in actions[0]["description"]
    code, out, _ = run("outline", mini_file, "--save", "--lang", "es")
    assert code == 0 and "Cierre" in out
    # The table speaks as the report and the action plan do: the same label, the same numbers.
    assert "Inmediato (hasta 14 días)" in out
    code, out, _ = run("outline", mini_file, "--lang", "es", "--number-format", "es_MX")
    priorities = re.findall(r"\b\d+[.,]\d\d\b", out)
    assert priorities and all("." in p for p in priorities)
    with AvsecFile.open(mini_file) as f:
        assert len(f.actions()) == 2
        journal = len(f.changes())
    # The same outline again: as in the app, nothing is written (no journal line, no undo).
    code, out, _ = run("outline", mini_file, "--save", "--lang", "es")
    assert code == 0 and "está al día (2 acciones); no se escribió nada" in out
    with AvsecFile.open(mini_file) as f:
        assert len(f.changes()) == journal


def test_export_json(mini_file: Path, tmp_path: Path, run) -> None:
    out = tmp_path / "whole.json"
    code, _, err = run("export", mini_file, "-o", out)
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "avsec-assessment" and data["assessment"]["airport"]["icao"] == "MHTG"


def test_export_unknown_type(mini_file: Path, tmp_path: Path, run) -> None:
    code, _, err = run("export", mini_file, "-o", tmp_path / "x.doc")
    assert code == 2 and "unknown export type" in err


def test_info_on_a_non_avsec_file(tmp_path: Path, run) -> None:
    path = tmp_path / "fake.avsec"
    path.write_text("hello")
    code, _, err = run("info", path)
    assert code == 2 and "fake.avsec: not an .avsec file" in err


def test_edit_changes_the_header_as_one_undoable_edit(mini_file: Path, run) -> None:
    code, out, err = run(
        "edit",
        mini_file,
        "--marking-es",
        "RESERVADO",
        "--param",
        "min_barrier_height_m=2.5",
        "--team",
        "A. Inspector",
        "--team",
        "B. Inspector",
        "--ended",
        "2030-01-02",
    )
    assert code == 0, err
    with AvsecFile.open(mini_file) as f:
        a = f.assessment
        assert a.handling_marking["es"] == "RESERVADO" and a.marking("en").startswith("RESTRICTED")
        assert a.parameters.min_barrier_height_m == 2.5 and a.parameters.clear_zone_m == 3.0
        assert a.team == ["A. Inspector", "B. Inspector"] and a.ended.isoformat() == "2030-01-02"
        assert f.changes()[-1]["what"] == "assessment"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--param", "nope=1"], "use NAME=VALUE"),
        (["--param", "clear_zone_m=wide"], "is not a number"),
        (["--param", "clear_zone_m=-3"], "greater than or equal to 0"),
        (["--marking-en", " "], "must not be empty"),
        ([], "nothing to change"),
    ],
)
def test_edit_refuses_bad_values(mini_file: Path, run, args, message) -> None:
    before = mini_file.read_bytes()
    code, _, err = run("edit", mini_file, *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert mini_file.read_bytes() == before


def test_new_custom_airport_with_code_and_city(tmp_path: Path, run) -> None:
    from tests.verbs.conftest import MINI

    path = tmp_path / "c.avsec"
    code, out, _ = run(
        "new",
        path,
        "--name",
        "Finca Norte",
        "--lat",
        "14.5",
        "--lon",
        "-87.1",
        "--icao",
        "zzfn",
        "--city",
        "Comayagua",
        "--country",
        "HN",
        "--checklist",
        MINI,
    )
    assert code == 0 and "ZZFN Finca Norte," in out and "Finca Norte Finca Norte" not in out
    code, out, _ = run("info", path)
    assert "ZZFN Finca Norte, Comayagua HN" in out


def test_damaged_table_is_one_line(mini_file: Path, run) -> None:
    import sqlite3

    conn = sqlite3.connect(mini_file)
    conn.execute("DROP TABLE responses")
    conn.commit()
    conn.close()
    code, _, err = run("info", mini_file)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "missing table responses" in err


def test_responses_export_to_stdout(mini_file: Path, run) -> None:
    code, out, _ = run("responses", "export", mini_file, "-o", "-")
    expected = ['"item_id","status","notes"', '"PER-01","not_assessed",""']
    assert code == 0 and out.splitlines()[:2] == expected
