"""``avsec layout import|export``: one undoable transaction, all or nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from avsec.core.commands import merge_layout
from avsec.core.document import AssessmentDocument
from avsec.geo.projection import LocalProjection
from avsec.io.geojson import read_layout, write_geojson
from avsec.store import AvsecFile
from tests.geo.builders import training_field

DATA = Path(__file__).parents[1] / "data"


def _layout_at_airport(avsec: Path, tmp_path: Path, name: str = "layout.geojson") -> Path:
    with AvsecFile.open(avsec) as f:
        airport = f.assessment.airport
    features = training_field(LocalProjection(airport.lon, airport.lat))
    path = tmp_path / name
    write_geojson(features, path)
    return path


def _state(path: Path) -> tuple[list[dict], int]:
    with AvsecFile.open(path) as f:
        return [x.model_dump() for x in f.features()], len(f.changes())


def test_import_then_export_round_trip(mini_file: Path, tmp_path: Path, run) -> None:
    source = _layout_at_airport(mini_file, tmp_path)
    code, out, err = run("layout", "import", mini_file, source)
    assert code == 0, err
    assert "merged 13 features from layout.geojson" in out
    assert "now 13" in out and "avsec analyze" in out
    code, out, _ = run("layout", "export", mini_file, "-o", tmp_path / "back.geojson")
    assert code == 0 and "wrote 13 features" in out
    back = read_layout(tmp_path / "back.geojson")
    original = read_layout(source)
    assert [f.model_dump() for f in back.features] == [f.model_dump() for f in original.features]
    raw = json.loads((tmp_path / "back.geojson").read_text(encoding="utf-8"))
    assert raw["handling_marking"].startswith("RESTRICTED")


def test_import_is_one_journal_entry_and_undoable(mini_file: Path, tmp_path: Path) -> None:
    source = _layout_at_airport(mini_file, tmp_path)
    features = read_layout(source).features
    with AvsecFile.open(mini_file) as f:
        journal = len(f.changes())
        doc = AssessmentDocument(
            assessment=f.assessment, checklist=f.checklist, features=f.features()
        )
        command = merge_layout(doc, features, "Import layout")
        f.apply(command)
        assert len(f.features()) == 13
        assert len(f.changes()) == journal + 1
        assert f.changes()[-1]["what"] == "batch:Import layout"
        f.revert(command)
        assert f.features() == []


def test_merge_replaces_same_ids_and_replace_drops_the_rest(
    mini_file: Path, tmp_path: Path, run
) -> None:
    source = _layout_at_airport(mini_file, tmp_path)
    assert run("layout", "import", mini_file, source)[0] == 0
    assert run("layout", "import", mini_file, source)[0] == 0  # same ids: no duplicates
    assert len(_state(mini_file)[0]) == 13
    one = tmp_path / "one.geojson"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["features"] = data["features"][:1]
    one.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run("layout", "import", mini_file, one, "--replace")
    assert code == 0 and "replaced the layout with 1 features" in out
    assert [f["id"] for f in _state(mini_file)[0]] == ["air"]


def test_failed_import_changes_nothing(mini_file: Path, tmp_path: Path, run) -> None:
    source = _layout_at_airport(mini_file, tmp_path)
    assert run("layout", "import", mini_file, source)[0] == 0
    before = _state(mini_file)
    bad = tmp_path / "bad.geojson"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["features"][7]["geometry"] = {"type": "Point", "coordinates": [500000.0, 1500000.0]}
    bad.write_text(json.dumps(data), encoding="utf-8")
    for args in (
        ("layout", "import", mini_file, bad),
        ("layout", "import", mini_file, bad, "--replace"),
    ):
        code, out, err = run(*args)
        assert code == 2 and out == ""
        assert err.startswith("avsec: error: bad.geojson: feature 7 (id gate-main): ")
        assert "projected metres" in err and len(err.strip().splitlines()) == 1
    truncated = tmp_path / "cut.geojson"
    truncated.write_bytes(source.read_bytes()[:300])
    code, _, err = run("layout", "import", mini_file, truncated, "--replace")
    assert code == 2 and "cut.geojson: not valid JSON" in err
    assert _state(mini_file) == before


def test_import_warnings_go_to_stderr(mini_file: Path, tmp_path: Path, run) -> None:
    source = tmp_path / "odd.geojson"
    source.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "id": "r",
                        "geometry": {"type": "Point", "coordinates": [-87.2, 14.06]},
                        "properties": {"kind": "windsock"},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run("layout", "import", mini_file, source)
    assert code == 0 and "(windsock: 1)" in out
    assert "warning: odd.geojson: feature 0 (id r): unknown kind 'windsock'" in err


def test_osm_luton_files_merge_into_one_layout(mini_file: Path, tmp_path: Path, run) -> None:
    areas = tmp_path / "EGGW_luton_area_polygons.geojson"
    gates = tmp_path / "EGGW_luton_airside_gates_aprons_stands.geojson"
    shutil.copy(DATA / areas.name, areas)
    shutil.copy(DATA / gates.name, gates)
    code, out, err = run("layout", "import", mini_file, areas, "--from", "osm")
    assert code == 0, err
    assert "28 features" in out and "boundary=administrative" in err
    code, out, err = run("layout", "import", mini_file, gates, "--from", "osm")
    assert code == 0, err
    assert "merged 2 features" in out and "now 28" in out
    assert "aeroway=gate: an aircraft boarding gate" in err
    kinds = sorted({f["kind"] for f in _state(mini_file)[0]})
    assert kinds == ["airside", "building", "parking"]


def test_osm_without_from_is_refused_with_a_hint(mini_file: Path, run) -> None:
    code, _, err = run(
        "layout", "import", mini_file, DATA / "EKCH_copenhagen_aerodrome_fence.geojson"
    )
    assert code == 2 and "--from osm" in err


def test_export_kml(mini_file: Path, tmp_path: Path, run) -> None:
    run("layout", "import", mini_file, _layout_at_airport(mini_file, tmp_path))
    out_path = tmp_path / "layout.kml"
    code, out, _ = run("layout", "export", mini_file, "-o", out_path)
    assert code == 0 and "wrote 13 features" in out
    text = out_path.read_text(encoding="utf-8")
    assert "<kml" in text and "RESTRICTED" in text and "Toncontin" in text


@pytest.mark.parametrize("name", ["layout.shp", "layout"])
def test_export_unknown_format(mini_file: Path, tmp_path: Path, run, name: str) -> None:
    code, _, err = run("layout", "export", mini_file, "-o", tmp_path / name)
    assert code == 2 and "use .geojson or .kml" in err
    assert not (tmp_path / name).exists()


def test_import_into_a_missing_assessment(tmp_path: Path, run) -> None:
    source = tmp_path / "l.geojson"
    write_geojson(training_field(), source)
    code, _, err = run("layout", "import", tmp_path / "none.avsec", source)
    assert code == 2 and "no such file" in err


# --- where the layer lies against the assessment's airport -----------------------------------


def _swapped_copy(source: Path, target: Path) -> Path:
    """The layout with every position written lat,lon."""

    def swap(coords):
        if isinstance(coords[0], int | float):
            return [coords[1], coords[0], *coords[2:]]
        return [swap(c) for c in coords]

    data = json.loads(source.read_text(encoding="utf-8"))
    for item in data["features"]:
        item["geometry"]["coordinates"] = swap(item["geometry"]["coordinates"])
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def test_lat_lon_layer_is_refused_and_changes_nothing(mini_file: Path, tmp_path: Path, run) -> None:
    assert run("layout", "import", mini_file, _layout_at_airport(mini_file, tmp_path))[0] == 0
    before = _state(mini_file)
    swapped = _swapped_copy(_layout_at_airport(mini_file, tmp_path), tmp_path / "latlon.geojson")
    for extra in ((), ("--replace",), ("--from", "avsec")):
        code, out, err = run("layout", "import", mini_file, swapped, *extra)
        assert code == 2 and out == ""
        assert err.startswith(
            "avsec: error: latlon.geojson: coordinates look like lat,lon; "
            "GeoJSON is lon,lat (RFC 7946)"
        )
        assert "MHTG" in err and len(err.strip().splitlines()) == 1
    assert _state(mini_file) == before


def test_far_layer_is_imported_with_a_warning(mini_file: Path, tmp_path: Path, run) -> None:
    # The same airport drawn 120 km north-east: an off-site facility, or the wrong file.
    with AvsecFile.open(mini_file) as f:
        airport = f.assessment.airport
    far = tmp_path / "far.geojson"
    write_geojson(training_field(LocalProjection(airport.lon + 0.8, airport.lat + 0.8)), far)
    code, out, err = run("layout", "import", mini_file, far)
    assert code == 0 and "merged 13 features" in out
    assert (
        "warning: far.geojson: layer centre is 124 km from the airport MHTG; check the file" in err
    )
    code, out, err = run("layout", "import", mini_file, far, "--far-ok")
    assert code == 0 and "km from the airport" not in err


def test_far_ok_imports_a_layer_that_only_looks_swapped(
    mini_file: Path, tmp_path: Path, run
) -> None:
    swapped = _swapped_copy(_layout_at_airport(mini_file, tmp_path), tmp_path / "latlon.geojson")
    code, out, err = run("layout", "import", mini_file, swapped, "--far-ok")
    assert code == 0 and "merged 13 features" in out and err == ""


def test_zero_length_barrier_is_refused_naming_the_feature(
    mini_file: Path, tmp_path: Path, run
) -> None:
    source = _layout_at_airport(mini_file, tmp_path)
    data = json.loads(source.read_text(encoding="utf-8"))
    index = next(n for n, f in enumerate(data["features"]) if f["id"] == "fence-low")
    start = data["features"][index]["geometry"]["coordinates"][0]
    data["features"][index]["geometry"]["coordinates"] = [start, start, start]
    bad = tmp_path / "stub.geojson"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("layout", "import", mini_file, bad)
    assert code == 2 and out == ""
    assert err.startswith(
        f"avsec: error: stub.geojson: feature {index} (id fence-low): the LineString has zero "
        "length: all its points lie within 1 cm of its first point"
    )
    assert _state(mini_file)[0] == []
