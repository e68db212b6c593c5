"""Import warnings, skip reasons and geometry problems in the language of ``--lang``: no
English left in them (the expected Spanish, French and Portuguese are written by hand)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

DATA = Path(__file__).parents[1] / "data"
LON, LAT = -87.2, 14.06  # near MHTG, the airport of mini_file
#: Words of the English warnings; none may be left in a translated one.
ENGLISH = re.compile(
    r"\b(skipped|features?|kept|unknown|the|of|not|drawn|dropped|repaired|layer|airport|check"
    r"|needs|warning)\b"
)


def _english_in(text: str) -> list[str]:
    # File names, ids, OSM tags and GeoJSON types are written as the file writes them.
    bare = re.sub(r"\S+\.geojson|\(id [^)]*\)|\b[\w:]+=[\w:-]+|'[^']*'", " ", text)
    return ENGLISH.findall(bare)


def _layout(path: Path, features: list[dict]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


def _feature(fid: str, kind: str, geometry: dict, **props: object) -> dict:
    return {
        "type": "Feature",
        "id": fid,
        "geometry": geometry,
        "properties": {"kind": kind, **props},
    }


def _ring(dx: float = 0.0) -> list[list[float]]:
    x, y = LON + dx, LAT
    return [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]


def test_osm_skip_reasons_in_spanish(mini_file: Path, tmp_path: Path, run) -> None:
    extract = shutil.copy(DATA / "EGGW_luton_area_polygons.geojson", tmp_path)
    code, out, err = run(
        "--lang", "es", "layout", "import", mini_file, extract, "--from", "osm", "--far-ok"
    )
    assert code == 0, err
    lines = err.splitlines()
    assert lines and all(line.startswith("advertencia: ") for line in lines)
    assert (
        "advertencia: EGGW_luton_area_polygons.geojson: se omitieron 3 elementos, "
        "boundary=administrative: un límite administrativo, no forma parte del plano del "
        "aeropuerto (elemento 0 (id relation/158392); elemento 1 (id relation/161643); "
        "elemento 2 (id relation/4042287))"
    ) in lines
    assert any(
        "se omitió 1 elemento, highway=service: trazado como MultiPolygon, no como línea de vía"
        in line
        for line in lines
    )
    assert not _english_in(err), _english_in(err)
    # The summary names the kinds by their Spanish labels.
    assert "(parte aeronáutica: 1, edificio: 19, estacionamiento: 8)" in out


def test_osm_skip_reasons_in_french_and_portuguese(mini_file: Path, tmp_path: Path, run) -> None:
    extract = shutil.copy(DATA / "EGGW_luton_airside_gates_aprons_stands.geojson", tmp_path)
    code, _, err = run(
        "--lang", "fr", "layout", "import", mini_file, extract, "--from", "osm", "--far-ok"
    )
    assert code == 0, err
    assert (
        "176 objets ignorés, aeroway=parking_position : un poste de stationnement d'aéronef, "
        "qui ne relève pas du contrôle d'accès (objet 36 (id node/8695322297);"
    ) in err
    assert not _english_in(err), _english_in(err)
    code, _, err = run(
        "--lang", "pt", "layout", "import", mini_file, extract, "--from", "osm", "--far-ok"
    )
    assert code == 0, err
    assert "20 elementos ignorados, aeroway=gate: um portão de embarque de aeronaves" in err
    assert not _english_in(err), _english_in(err)


def test_geojson_warnings_in_spanish(mini_file: Path, tmp_path: Path, run) -> None:
    bow = [[LON, LAT], [LON + 0.01, LAT + 0.01], [LON + 0.01, LAT], [LON, LAT + 0.01], [LON, LAT]]
    point = {"type": "Point", "coordinates": [LON + 0.005, LAT + 0.005]}
    layout = _layout(
        tmp_path / "obs.geojson",
        [
            _feature(
                "a", "airside", {"type": "Polygon", "coordinates": [[[*p, 3.0] for p in _ring()]]}
            ),
            _feature("w1", "windsock", point),
            _feature("w2", "windsock", point),
            _feature(
                "b",
                "barrier",
                {"type": "LineString", "coordinates": _ring()[:3]},
                height_m="tall",
                topping="glass",
            ),
            _feature("s", "sra", {"type": "Polygon", "coordinates": [bow]}),
        ],
    )
    code, _, err = run("--lang", "es", "layout", "import", mini_file, layout)
    assert code == 0, err
    expected = [
        "obs.geojson: elemento 0 (id a): posiciones en 3D: se descartó la altura (Z) (vista en planta)",
        "obs.geojson: elemento 1 (id w1): tipo desconocido 'windsock'; se conserva, pero las "
        "reglas no lo consideran",
        "obs.geojson: elemento 3 (id b): height_m 'tall' no es una altura en metros; la regla "
        "de altura no lo considera",
        "obs.geojson: elemento 3 (id b): topping 'glass' no es uno de los valores none, "
        "barbed_wire, razor_wire",
        "obs.geojson: se conservaron en total 2 elementos de tipo desconocido 'windsock'",
    ]
    for line in expected:
        assert f"advertencia: {line}" in err.splitlines(), line
    assert re.search(
        r"obs\.geojson: elemento 4 \(id s\): polígono no válido \(Self-intersection\[.*\]\) "
        r"reparado con make_valid en 2 partes",
        err,
    )
    assert not _english_in(err), _english_in(err)


def test_a_far_layer_is_reported_in_french(mini_file: Path, tmp_path: Path, run) -> None:
    # About 1,500 km east of Tegucigalpa: far, and not a lon,lat swap.
    layout = _layout(
        tmp_path / "loin.geojson",
        [_feature("f", "building", {"type": "Polygon", "coordinates": [_ring(14.0)]})],
    )
    code, _, err = run("--lang", "fr", "layout", "import", mini_file, layout)
    assert code == 0, err
    match = re.fullmatch(
        r"avertissement : loin\.geojson : le centre de la couche est à (1\u202f\d{3}) km de "
        r"l'aéroport MHTG ; vérifiez le fichier\n",
        err,
    )
    assert match, err


def test_geometry_problems_are_errors_in_the_language(mini_file: Path, tmp_path: Path, run) -> None:
    point = {"type": "Point", "coordinates": [LON, LAT]}
    layout = _layout(tmp_path / "p.geojson", [_feature("x", "barrier", point)])
    code, _, err = run("--lang", "es", "layout", "import", mini_file, layout)
    assert code == 2
    assert err.endswith(
        "p.geojson: elemento 0 (id x): el tipo barrier requiere LineString o MultiLineString, "
        "no Point\n"
    )
    nothing = _layout(
        tmp_path / "pasto.geojson",
        [{"type": "Feature", "geometry": point, "properties": {"landuse": "grass"}}],
    )
    code, _, err = run("--lang", "pt", "layout", "import", mini_file, nothing, "--from", "osm")
    assert code == 2
    assert err.endswith(
        "pasto.geojson: nenhum elemento do OpenStreetMap corresponde a um tipo do layout "
        "(1 × landuse=grass: nenhum tipo da planta corresponde a esta etiqueta)\n"
    ), err


def test_analyze_of_a_layout_warns_in_the_verbs_language(tmp_path: Path, run) -> None:
    point = {"type": "Point", "coordinates": [LON, LAT]}
    layout = _layout(
        tmp_path / "l.geojson",
        [
            _feature("a", "airside", {"type": "Polygon", "coordinates": [_ring()]}),
            _feature("k", "kiosk", point),
        ],
    )
    code, _, err = run("analyze", layout, "--lang", "es")
    assert code == 0, err
    assert "advertencia: l.geojson: elemento 1 (id k): tipo desconocido 'kiosk'" in err
    code, _, err = run("analyze", layout)
    assert (
        "warning: l.geojson: feature 1 (id k): unknown kind 'kiosk'; kept, but the rules ignore it"
        in err
    )
