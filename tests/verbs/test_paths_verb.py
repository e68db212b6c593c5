"""``avsec paths PATH [--json] [--param k=v]``: JSON shape, parameters and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from avsec.core.layout import feature_collection
from tests.geo.builders import feature, fence_around, point, square

ROUTE_KEYS = {"kind", "via", "feature", "location", "p_detect", "delay_s", "detect_at"}
TARGET_KEYS = {"target", "kind", "name", "p_interruption", "critical_detection_point", "route"}


def _layout(tmp_path: Path, **gate) -> Path:
    feats = [
        feature("airside", square(0, 0, 1000, 1000), "airside"),
        fence_around(0, 0, 1000, 1000, "perimeter", intrusion_detection=True),
        feature("access_point", point(500, 0), "gate", **{"control": "staffed", **gate}),
        feature("sra", square(400, 400, 600, 600), "sra"),
        feature("critical_part", square(450, 450, 550, 550), "cp", name="Vault"),
    ]
    path = tmp_path / "layout.geojson"
    path.write_text(json.dumps(feature_collection(feats)), encoding="utf-8")
    return path


def test_paths_json_shape(tmp_path: Path, run) -> None:
    code, out, err = run("paths", _layout(tmp_path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data["params"]) == {
        "response_time_s",
        "response_sd_s",
        "delay_sd_fraction",
        "run_speed_mps",
        "task_delay_s",
    }
    assert data["params"]["response_time_s"] == 300
    assert data["weakest"] == "cp"
    (target,) = data["targets"]
    assert TARGET_KEYS <= set(target)
    assert 0.0 <= target["p_interruption"] <= 1.0
    assert all(set(e) == ROUTE_KEYS for e in target["route"])
    assert target["route"][-1]["kind"] == "task" and target["route"][-1]["delay_s"] == 60
    assert {e["kind"] for e in target["route"]} == {"crossing", "travel", "task"}
    for upgrade in data["upgrades"]:
        assert set(upgrade) == {"feature", "change", "p_interruption_after"}
    assert "required_response_time_s" in data


def test_param_changes_the_result(tmp_path: Path, run) -> None:
    layout = _layout(tmp_path)
    slow = json.loads(run("paths", layout, "--json", "--param", "response_time_s=900")[1])
    fast = json.loads(run("paths", layout, "--json", "--param", "response_time_s=10")[1])
    assert slow["params"]["response_time_s"] == 900
    # A slower response can only lower the chance of interruption.
    assert slow["targets"][0]["p_interruption"] < fast["targets"][0]["p_interruption"]


def test_bad_param_is_one_line(tmp_path: Path, run) -> None:
    code, out, err = run("paths", _layout(tmp_path), "--param", "speed=3")
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "--param speed=3" in err


def test_bad_feature_figure_is_one_line_naming_it(tmp_path: Path, run) -> None:
    code, _, err = run("paths", _layout(tmp_path, name="Main gate", p_detect=2), "--json")
    assert code != 0
    assert err.count("\n") == 1 and "Main gate" in err and "p_detect 2 is outside 0..1" in err


def test_readable_table(tmp_path: Path, run) -> None:
    code, out, _ = run("paths", _layout(tmp_path))
    assert code == 0
    assert "Weakest route: Vault" in out and "P(I)" in out


def _import_airside_and_sra(mini_file: Path, tmp_path: Path, run) -> None:
    """Give the file an airside around its airport and an SRA inside it."""
    from avsec.geo.projection import LocalProjection
    from avsec.store import AvsecFile

    with AvsecFile.open(mini_file) as f:
        airport = f.assessment.airport
    projection = LocalProjection(airport.lon, airport.lat)
    feats = [
        feature("airside", square(-500, -500, 500, 500), "airside", projection=projection),
        feature("sra", square(-100, -100, 100, 100), "sra", projection=projection),
    ]
    layout = tmp_path / "layout.geojson"
    layout.write_text(json.dumps(feature_collection(feats)), encoding="utf-8")
    assert run("layout", "import", mini_file, layout)[0] == 0


def test_avsec_file_uses_its_assessment_parameters(mini_file: Path, tmp_path: Path, run) -> None:
    _import_airside_and_sra(mini_file, tmp_path, run)
    assert run("edit", mini_file, "--param", "response_time_s=120")[0] == 0
    code, out, err = run("paths", mini_file, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["params"]["response_time_s"] == 120 and data["weakest"] == "sra"


def test_the_marking_is_in_the_tables_language(mini_file: Path, tmp_path: Path, run) -> None:
    """The handling marking above the table follows --lang, as the table does."""
    _import_airside_and_sra(mini_file, tmp_path, run)
    code, out, err = run("--lang", "es", "paths", mini_file)
    assert code == 0, err
    assert out.splitlines()[0] == "RESTRINGIDO — INFORMACIÓN SENSIBLE DE SEGURIDAD DE LA AVIACIÓN"
    code, out, err = run("--lang", "fr", "paths", mini_file)
    assert code == 0, err
    assert out.splitlines()[0].startswith("DIFFUSION RESTREINTE")
