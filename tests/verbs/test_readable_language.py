"""The readable (non-JSON) output of the verbs in the language of ``--lang``: labels for the
values the JSON writes as ids, numbers as the language writes them, reasons translated. The
expected words are the catalogues' Spanish and French, written out by hand."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from avsec.core.assessment import Response, Status
from avsec.core.commands import SetResponse
from avsec.store import AvsecFile

LON, LAT = -87.2, 14.06
# A 200 m square airside zone with a fence on three sides: one perimeter gap.
RING = [[LON, LAT], [LON + 0.002, LAT], [LON + 0.002, LAT + 0.002], [LON, LAT + 0.002], [LON, LAT]]


@pytest.fixture
def with_layout(mini_file: Path, tmp_path: Path, run) -> Path:
    features = [
        {
            "type": "Feature",
            "id": "air",
            "geometry": {"type": "Polygon", "coordinates": [RING]},
            "properties": {"kind": "airside"},
        },
        {
            "type": "Feature",
            "id": "fence",
            "geometry": {"type": "LineString", "coordinates": RING[:4]},
            "properties": {"kind": "barrier", "height_m": 2.5},
        },
    ]
    layout = tmp_path / "l.geojson"
    layout.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    code, _, err = run("layout", "import", mini_file, layout)
    assert code == 0, err
    with AvsecFile.open(mini_file) as f:
        f.apply(SetResponse("PER-01", None, Response(item_id="PER-01", status=Status.COMPLIANT)))
    return mini_file


def test_analyze_names_severities_zones_and_statuses_in_spanish(with_layout: Path, run) -> None:
    code, out, err = run("--lang", "es", "analyze", with_layout)
    assert code == 0, err
    gap = next(line for line in out.splitlines() if line.startswith("F1 "))
    # Severity and zone by their labels; the rule by its documented id.
    assert gap.split()[1:3] == ["crítico", "perimeter_gap"] and " parte aeronáutica " in gap
    per01 = next(line for line in out.splitlines() if line.startswith("PER-01"))
    assert per01.split()[2:] == ["No", "conforme", "Conforme", "Conforme"]
    # The perimeter with the decimal comma of Spanish: 2 × (222.4 + 215.7) ≈ 876 m, three
    # sides of four fenced, ≈ 74.6 % covered.
    assert re.search(r"perímetro 87[4-8] m, cubierto 74,[4-8] %, brechas 22\d,\d m;", out), out


def test_paths_table_in_french(tmp_path: Path, run) -> None:
    d = 0.0005
    sra = [[x + (d if x == LON else -d), y + (d if y == LAT else -d)] for x, y in RING]
    features = [
        {
            "type": "Feature",
            "id": "air",
            "geometry": {"type": "Polygon", "coordinates": [RING]},
            "properties": {"kind": "airside"},
        },
        {
            "type": "Feature",
            "id": "zone",
            "geometry": {"type": "Polygon", "coordinates": [sra]},
            "properties": {"kind": "sra", "name": "Zona", "name:fr": "Zone"},
        },
    ]
    layout = tmp_path / "p.geojson"
    layout.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    code, out, err = run("--lang", "fr", "paths", layout)
    assert code == 0, err
    rows = [line.split() for line in out.splitlines()]
    # The target by its French name (name:fr), its kind by its label, P(I) with the comma.
    assert ["Zone", "ZSAR", "0,00", "–", "–"] in rows
    assert "Itinéraire le plus faible : Zone" in out
    # The route's steps (an unfenced boundary is crossed through an opening) and the upgrade.
    assert ["0", "franchissement", "ouverture", "–", "0,00", "0", "B"] in rows
    assert ["3", "action", "–", "–", "0,00", "60", "B"] in rows
    assert "fermer l'ouverture par une clôture" in out
    for english in ("crossing", "opening", "task", "close the opening", "sra"):
        assert english not in out


def test_since_names_the_areas_in_spanish(mini_file: Path, tmp_path: Path, run) -> None:
    follow = tmp_path / "f.avsec"
    code, _, err = run("followup", mini_file, "-o", follow)
    assert code == 0, err
    code, out, err = run("--lang", "es", "since", follow)
    assert code == 0, err
    first = [line.split("  ")[0] for line in out.splitlines()[3:]]
    assert {"Perímetro", "Puntos de acceso", "Total"} <= set(first) and "overall" not in first


def test_info_and_checklist_list_in_spanish(mini_file: Path, run) -> None:
    code, out, _ = run("--lang", "es", "info", mini_file)
    assert code == 0 and "  modo       evaluación" in out
    code, out, _ = run("--lang", "es", "checklist", "list")
    bundled = next(line for line in out.splitlines() if line.startswith("icao-a17-access-control"))
    assert " incluida " in bundled and "Anexo 17 de la OACI" in bundled


def test_portfolio_skips_in_the_runs_language(mini_file: Path, tmp_path: Path, run) -> None:
    copy = shutil.copy(mini_file, tmp_path / "copia.avsec")
    code, out, err = run("--lang", "es", "portfolio", mini_file, copy, "--json")
    assert code == 0, err
    assert err == f"avsec: se omitió {copy}: la misma evaluación que a.avsec\n"
    code, _, err = run("portfolio", mini_file, copy, "--json")
    assert err == f"avsec: skipped {copy}: the same assessment as a.avsec\n"


def test_argparse_speaks_the_runs_language(capsys) -> None:
    from avsec.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "es", "info"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err == (
        "uso: avsec info [-h] [--json] file\n"
        "avsec info: error: se requieren los siguientes argumentos: file\n"
    )
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "layout", "import", "a.avsec", "b.geojson", "--from", "kml"])
    assert "argument --from : choix non valide : 'kml' (choisir parmi 'avsec', 'osm')" in (
        capsys.readouterr().err
    )
    with pytest.raises(SystemExit):
        main(["--lang", "pt", "edit", "--help"])
    help_text = capsys.readouterr().out
    assert "opções:" in help_text and "mostrar esta mensagem de ajuda e sair" in help_text
    assert "(padrão 2,44, de 0 a 20)" in help_text and "default" not in help_text
    # Without --lang, argparse is English again (the same process ran the runs above).
    with pytest.raises(SystemExit):
        main(["info"])
    assert "the following arguments are required: file" in capsys.readouterr().err


def test_checklist_problems_in_the_runs_language(tmp_path: Path, run) -> None:
    fixtures = Path(__file__).parents[1] / "fixtures"
    no_french = fixtures / "no-french-checklist.yaml"
    code, _, err = run("--lang", "es", "checklist", "validate", "--all-languages", no_french)
    assert code == 1
    assert err == (
        "no-french-checklist.yaml: lista de verificación no-french: idioma fr: falta (no hay "
        "textos en fr; una lista de verificación incluida lleva todos los idiomas: en, es, pt, "
        "fr)\n"
    )
    text = (fixtures / "mini-checklist.yaml").read_text("utf-8")
    twice = tmp_path / "twice.yaml"
    twice.write_text(text.replace("PER-02", "PER-01"), "utf-8")
    code, _, err = run("--lang", "fr", "checklist", "validate", twice)
    assert code == 1
    assert err == "twice.yaml : élément PER-01 : champ id : id d'élément en double\n"
    code, _, err = run("checklist", "validate", twice)
    assert err == "twice.yaml: item PER-01: field id: duplicate item id\n"
