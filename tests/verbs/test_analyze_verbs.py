"""``avsec analyze PATH [--json] [--lang]`` on .avsec files and GeoJSON layouts."""

from __future__ import annotations

import json
from pathlib import Path

from avsec.core.assessment import Response, Status
from avsec.core.commands import SetAssessment, SetResponse
from avsec.geo.projection import LocalProjection
from avsec.io.geojson import write_geojson
from avsec.store import AvsecFile
from tests.geo.builders import training_field

DATA = Path(__file__).parents[1] / "data"
FINDING_KEYS = {
    "rule",
    "severity",
    "value",
    "unit",
    "location",
    "geometry",
    "features",
    "items",
    "message",
}


def _with_layout(mini_file: Path, tmp_path: Path, run) -> Path:
    with AvsecFile.open(mini_file) as f:
        airport = f.assessment.airport
    source = tmp_path / "layout.geojson"
    write_geojson(training_field(LocalProjection(airport.lon, airport.lat)), source)
    assert run("layout", "import", mini_file, source)[0] == 0
    return source


def test_analyze_avsec_json_stores_the_findings(mini_file: Path, tmp_path: Path, run) -> None:
    _with_layout(mini_file, tmp_path, run)
    code, out, err = run("analyze", mini_file, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"findings", "metrics"}
    assert len(data["findings"]) == 8
    assert all(set(f) == FINDING_KEYS for f in data["findings"])
    assert {f["rule"]: f["items"] for f in data["findings"]}["perimeter_gap"] == ["PER-01"]
    with AvsecFile.open(mini_file) as f:
        stored = f.findings()
        airport = f.assessment.airport
        assert f.changes()[-1]["what"] == "analysis"
    assert [x.to_json() for x in stored] == data["findings"]
    assert {x.zone for x in stored} >= {"airside", "sra", "critical_part"}
    # The airport reference point is the projection centre.
    assert data["metrics"]["centre"] == [round(airport.lon, 7), round(airport.lat, 7)]
    assert "centre" not in data["metrics"]["notes"]


def test_analyze_uses_the_assessment_parameters(mini_file: Path, tmp_path: Path, run) -> None:
    _with_layout(mini_file, tmp_path, run)
    with AvsecFile.open(mini_file) as f:
        before = f.assessment
        after = before.model_copy(
            update={
                "parameters": before.parameters.model_copy(update={"min_barrier_height_m": 1.5})
            }
        )
        f.apply(SetAssessment(before, after))
    data = json.loads(run("analyze", mini_file, "--json")[1])
    assert "barrier_below_height" not in {f["rule"] for f in data["findings"]}
    assert data["metrics"]["parameters"]["min_barrier_height_m"] == 1.5


def test_analyze_table_shows_marking_findings_and_items(
    mini_file: Path, tmp_path: Path, run
) -> None:
    _with_layout(mini_file, tmp_path, run)
    with AvsecFile.open(mini_file) as f:
        f.apply(SetResponse("PER-01", None, Response(item_id="PER-01", status=Status.COMPLIANT)))
    code, out, _ = run("analyze", mini_file)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("RESTRICTED")
    assert any(line.startswith("#   severity") for line in lines)
    assert any(line.startswith("F1  critical") for line in lines)
    assert "perimeter_gap" in out and "Opening of 12.0 m" in out
    assert "perimeter 4,000 m, covered 99.7 %" in out
    assert "findings 8: 2 critical, 5 major, 1 minor" in out
    per01 = next(line for line in lines if line.startswith("PER-01"))
    # The inspector said compliant; the geometry suggests otherwise; the answer wins.
    # Statuses by their labels (the ids are for --json).
    assert per01.split() == ["PER-01", "1", "Not", "compliant", "Compliant", "Compliant"]


def test_analyze_in_spanish(mini_file: Path, tmp_path: Path, run) -> None:
    _with_layout(mini_file, tmp_path, run)
    code, out, _ = run("analyze", mini_file, "--lang", "es", "--json")
    messages = [f["message"] for f in json.loads(out)["findings"]]
    assert any(
        m.startswith("Abertura de 12,0 m en el perímetro de la parte aeronáutica") for m in messages
    )
    code, out, _ = run("analyze", mini_file, "--lang", "es")
    assert "RESTRINGIDO" in out.splitlines()[0]


def test_analyze_geojson_layout_directly(tmp_path: Path, run) -> None:
    source = tmp_path / "layout.geojson"
    write_geojson(training_field(), source)
    code, out, err = run("analyze", source, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["findings"]) == 8
    assert data["metrics"]["parameters"]["min_barrier_height_m"] == 2.44
    # Nothing is written next to a plain layout.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["layout.geojson"]


def test_analyze_osm_copenhagen(run) -> None:
    code, out, err = run(
        "analyze", DATA / "EKCH_copenhagen_aerodrome_fence.geojson", "--from", "osm", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["findings"] == []
    assert data["metrics"]["perimeter_covered"] == 1.0


def test_analyze_bad_layout_is_one_line(tmp_path: Path, run) -> None:
    bad = tmp_path / "bad.geojson"
    bad.write_bytes(b'{"type": "FeatureCollection", "features": [')
    code, out, err = run("analyze", bad)
    assert code == 2 and out == ""
    assert (
        err.startswith("avsec: error: bad.geojson: not valid JSON")
        and len(err.strip().splitlines()) == 1
    )


def test_analyze_empty_assessment(mini_file: Path, run) -> None:
    code, out, _ = run("analyze", mini_file)
    assert code == 0 and "No findings." in out
    assert "note (perimeter_gap): no airside zone in the layout" in out
