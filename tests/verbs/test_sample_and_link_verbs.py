"""The command line of samples (responses CSV) and photo links (photo add / photo link)."""

from __future__ import annotations

import json
from pathlib import Path

from avsec.core.commands import add_feature
from avsec.core.layout import Feature
from avsec.store import AvsecFile
from tests.app.conftest import make_photo
from tests.sampling import sampling_file


def _sampled(tmp_path: Path) -> Path:
    f = sampling_file(tmp_path)
    path = f.path
    f.close()
    return path


def test_responses_import_records_samples_and_an_old_csv_keeps_them(tmp_path: Path, run) -> None:
    path = _sampled(tmp_path)
    new = tmp_path / "new.csv"
    new.write_text(
        "item_id,status,notes,sample_size,failures\nACP-01,not_compliant,badges,10,3\n",
        encoding="utf-8",
    )
    code, _, err = run("responses", "import", path, new)
    assert code == 0, err
    old = tmp_path / "old.csv"
    old.write_text("item_id,status\nACP-01,partially_compliant\n", encoding="utf-8")
    code, _, err = run("responses", "import", path, old)
    assert code == 0, err
    with AvsecFile.open(path) as f:
        response = f.responses()["ACP-01"]
        assert (response.status, response.sample_size, response.failures) == (
            "partially_compliant",
            10,
            3,
        )
    out = tmp_path / "out.csv"
    assert run("responses", "export", path, "-o", out)[0] == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '"item_id","status","notes","sample_size","failures"'
    assert '"ACP-01","partially_compliant","badges","10","3"' in lines


def test_a_bad_sample_in_the_csv_is_one_line_and_nothing_applied(tmp_path: Path, run) -> None:
    path = _sampled(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "item_id,status,sample_size,failures\nACP-02,compliant,5,0\nACP-01,compliant,4,9\n",
        encoding="utf-8",
    )
    code, out, err = run("responses", "import", path, bad)
    assert code == 2 and out == ""
    assert (
        err.strip().splitlines() == [err.strip()]
        and "bad.csv: line 3: a sample of 4 with 9 failures" in err
    )
    with AvsecFile.open(path) as f:
        assert f.responses() == {}


def test_photo_add_links_and_photo_link_changes_it(tmp_path: Path, run) -> None:
    path = _sampled(tmp_path)
    with AvsecFile.open(path) as f:
        f.apply(
            add_feature(
                Feature(
                    id="gate-2",
                    kind="access_point",
                    geometry={"type": "Point", "coordinates": [-80.0, 10.0001]},
                )
            )
        )
        f.apply(
            add_feature(
                Feature(
                    id="fence-1",
                    kind="barrier",
                    geometry={
                        "type": "LineString",
                        "coordinates": [[-80.01, 10.0], [-80.01, 10.1]],
                    },
                )
            )
        )
    photo = make_photo(tmp_path / "gate.jpg", lon=-80.0, lat=10.0)
    code, out, err = run("photo", "add", path, "ACP-01", photo, "--json")
    assert code == 0, err
    (row,) = json.loads(out)["photos"]
    assert row["link"]["kind"] == "feature" and row["link"]["id"] == "gate-2"
    assert 10.5 < row["link"]["distance_m"] < 11.5  # 0.0001 degree of latitude: 11.06 m

    code, out, err = run("photo", "link", path, "gate.jpg", "--feature", "fence-1")
    assert code == 0, err
    assert out.strip() == "gate.jpg: shows feature fence-1"
    code, out, _ = run("photo", "link", path, row["id"][:10], "--none")
    assert code == 0 and out.strip() == "gate.jpg: linked to nothing"
    with AvsecFile.open(path) as f:
        assert f.attachment_info(row["id"]).link is None
        whats = [c["what"] for c in f.changes()[-2:]]
        assert whats == [f"photo:{row['id']}"] * 2

    code, _, err = run("photo", "link", path, "gate.jpg", "--feature", "nowhere")
    assert code == 2 and "nowhere: no such feature" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("photo", "link", path, "other.jpg", "--none")
    assert code == 2 and "no photo named 'other.jpg'" in err


def test_checklist_validate_accepts_a_sample_and_names_a_bad_one(tmp_path: Path, run) -> None:
    from tests.sampling import sampling_checklist

    sampling_checklist(tmp_path)  # writes sampling-checklist.yaml with two samples
    good = tmp_path / "sampling-checklist.yaml"
    code, out, err = run("checklist", "validate", good)
    assert code == 0, err
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        good.read_text(encoding="utf-8").replace("sample: vehicles", "sample: cats"),
        encoding="utf-8",
    )
    code, _, err = run("checklist", "validate", bad)
    assert code == 1 and "bad.yaml" in err and "ACP-02" in err and "sample" in err
    code, out, _ = run("checklist", "export", "--json")
    items = {i["id"]: i for a in json.loads(out)["areas"] for i in a["items"]}
    assert items["IDS-01"]["sample"] == "badges" and items["PER-01"]["sample"] is None


def test_sample_and_link_messages_in_the_users_language(tmp_path: Path, run) -> None:
    path = _sampled(tmp_path)
    bad = tmp_path / "malo.csv"
    bad.write_text("item_id,status,sample_size,failures\nACP-01,compliant,4,9\n", encoding="utf-8")
    code, _, err = run("--lang", "es", "responses", "import", path, bad)
    assert code == 2
    assert err.strip().endswith(
        "malo.csv: línea 2: una muestra de 4 con 9 fallas está fuera de rango "
        "(de 1 a 10,000 muestreados, de 0 a esa cantidad de fallas)"
    )
    photo = make_photo(tmp_path / "p.jpg")
    assert run("photo", "add", path, "ACP-01", photo)[0] == 0
    code, out, _ = run("--lang", "fr", "photo", "link", path, "p.jpg", "--none")
    assert code == 0 and out.strip() == "p.jpg : non liée"
    code, _, err = run("--lang", "pt", "photo", "link", path, "p.jpg", "--feature", "x9")
    assert code == 2 and "x9: não existe esse elemento no arquivo" in err
