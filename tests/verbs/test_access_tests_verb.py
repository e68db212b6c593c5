"""``avsec tests add | list | import``: records, the fixed JSON shape, and every refusal."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from avsec.core.commands import SetFeature
from avsec.core.layout import Feature
from avsec.core.textlimits import MAX_FIELD_CHARS
from avsec.io.access_tests import MAX_REPORTED_ROWS, MAX_TESTS_CSV_BYTES
from avsec.store import AvsecFile

GATES = {"g-staff": "Staff door", "g-cargo": "Cargo gate"}


@pytest.fixture
def gated_file(tmp_path: Path, run) -> Path:
    """A new assessment on the bundled checklist whose layout has two gates and a road."""
    path = tmp_path / "gates.avsec"
    code, _, err = run("new", path, "--airport", "MHTG")
    assert code == 0, err
    with AvsecFile.open(path) as f:
        lon, lat = f.assessment.airport.lon, f.assessment.airport.lat
        for n, (gate, name) in enumerate(GATES.items()):
            point = {"type": "Point", "coordinates": [lon + n * 0.001, lat]}
            feature = Feature(
                id=gate, kind="access_point", geometry=point, properties={"name": name}
            )
            f.apply(SetFeature(gate, None, feature))
        road = {"type": "LineString", "coordinates": [[lon, lat], [lon + 0.01, lat]]}
        f.apply(SetFeature("r-1", None, Feature(id="r-1", kind="road", geometry=road)))
    return path


def _tests(path: Path):
    with AvsecFile.open(path) as f:
        return f.access_tests()


def test_add_then_list_json_in_the_fixed_shape(run, gated_file):
    code, out, err = run(
        "tests", "add", gated_file, "--at", "g-staff", "--method", "tailgating",
        "--result", "not_stopped", "--when", "2026-03-10T09:15", "--notes", "Followed a cleaner",
        "--who", "A. Ruiz",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run("tests", "add", gated_file, "--at", "g-cargo", "--method",
                         "vehicle_no_pass", "--result", "stopped", "--when", "2026-03-10T08:00")  # fmt: skip
    assert code == 0, err
    code, out, err = run("tests", "list", gated_file, "--json")
    assert code == 0, err
    listed = json.loads(out)
    assert set(listed) == {"tests"}
    # Written by hand from the two commands above, in the order of the visit.
    expected = [
        {"at": "g-cargo", "method": "vehicle_no_pass", "result": "stopped",
         "when": "2026-03-10T08:00:00", "notes": ""},
        {"at": "g-staff", "method": "tailgating", "result": "not_stopped",
         "when": "2026-03-10T09:15:00", "notes": "Followed a cleaner"},
    ]  # fmt: skip
    assert [{k: v for k, v in t.items() if k != "id"} for t in listed["tests"]] == expected
    assert all(
        list(t) == ["id", "at", "method", "result", "when", "notes"] for t in listed["tests"]
    )
    assert len({t["id"] for t in listed["tests"]}) == 2
    assert _tests(gated_file)[1].who == "A. Ruiz"
    code, out, _ = run("tests", "list", gated_file)
    assert "g-staff" in out and "tailgating" in out and "not_stopped" in out


def test_add_without_when_takes_the_time_now(run, gated_file):
    before = dt.datetime.now().replace(second=0, microsecond=0)
    code, _, err = run("tests", "add", gated_file, "--at", "g-staff", "--method", "no_badge",
                       "--result", "stopped")  # fmt: skip
    after = dt.datetime.now()
    assert code == 0, err
    (test,) = _tests(gated_file)
    assert before <= test.when <= after


def test_add_is_journaled(run, gated_file):
    run("tests", "add", gated_file, "--at", "g-staff", "--method", "no_badge", "--result", "partly")
    with AvsecFile.open(gated_file) as f:
        last = f.changes()[-1]
    assert last["what"].startswith("access_test:t-")
    assert last["before"] is None and last["after"]["result"] == "partly"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--at", "r-1"], "'r-1' is not an access point"),
        (["--at", "nowhere"], "'nowhere' is not an access point"),
        (["--at", "g-staff", "--when", "tuesday"], "'tuesday' is not an ISO date and time"),
        (
            ["--at", "g-staff", "--who", "x" * (MAX_FIELD_CHARS + 1)],
            "who: longer than 1,000 characters (1,001)",
        ),
    ],
)
def test_add_refusals_are_one_line_and_change_nothing(run, gated_file, options, message):
    code, out, err = run("tests", "add", gated_file, "--method", "no_badge", "--result",
                         "stopped", *options)  # fmt: skip
    assert code != 0
    assert message in err and err.count("\n") == 1 and "gates.avsec" in err
    assert _tests(gated_file) == []


def test_unknown_method_is_refused_by_the_parser(run, gated_file):
    with pytest.raises(SystemExit):
        run(
            "tests",
            "add",
            gated_file,
            "--at",
            "g-staff",
            "--method",
            "bribery",
            "--result",
            "stopped",
        )
    assert _tests(gated_file) == []


def test_import_adds_every_row_as_one_edit(run, gated_file, tmp_path):
    csv = tmp_path / "tests.csv"
    csv.write_text(
        "result,at,method,when,who,notes\n"
        "stopped,g-staff,expired_badge,2026-03-10T10:00,B. Soto,Card refused\n"
        "\n"
        'partly,g-cargo,prohibited_item,2026-03-10 11:30,,"Knife found, bag not searched"\n',
        encoding="utf-8",
    )
    code, out, err = run("tests", "import", gated_file, csv)
    assert code == 0, err
    assert "imported 2 tests" in out
    tests = _tests(gated_file)
    assert [(t.at, t.method, t.result) for t in tests] == [
        ("g-staff", "expired_badge", "stopped"),
        ("g-cargo", "prohibited_item", "partly"),
    ]
    assert tests[1].notes == "Knife found, bag not searched"
    with AvsecFile.open(gated_file) as f:
        journal = [c["what"] for c in f.changes()]
    assert journal[-1] == "batch:Import 2 access tests from tests.csv"


def test_import_reports_each_bad_row_and_imports_nothing(run, gated_file, tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "at,method,result,when\n"
        "g-staff,no_badge,stopped,2026-03-10T10:00\n"
        "g-nowhere,no_badge,stopped,\n"
        "g-staff,flying,stopped,\n"
        "g-staff,no_badge,waved,\n"
        "g-staff,no_badge\n",
        encoding="utf-8",
    )
    code, _, err = run("tests", "import", gated_file, csv)
    assert code != 0
    lines = err.strip().splitlines()
    assert [line.split(": ")[2:4] for line in lines] == [
        ["bad.csv", "line 3"],
        ["bad.csv", "line 4"],
        ["bad.csv", "line 5"],
        ["bad.csv", "line 6"],
    ]
    assert "unknown method 'flying'" in lines[1] and "unknown result 'waved'" in lines[2]
    assert "expected 4 columns, found 2" in lines[3]
    assert _tests(gated_file) == []


def test_import_lists_at_most_twenty_bad_rows(run, gated_file, tmp_path):
    csv = tmp_path / "many.csv"
    csv.write_text("at,method,result\n" + "nowhere,no_badge,stopped\n" * 30, encoding="utf-8")
    code, _, err = run("tests", "import", gated_file, csv)
    lines = err.strip().splitlines()
    assert code != 0 and len(lines) == MAX_REPORTED_ROWS + 1
    assert lines[-1].endswith("many.csv: 10 more bad rows not listed")


def test_import_caps_texts_and_refuses_a_huge_file(run, gated_file, tmp_path):
    csv = tmp_path / "long.csv"
    csv.write_text(f"at,method,result,who\ng-staff,no_badge,stopped,{'w' * 1001}\n")
    code, _, err = run("tests", "import", gated_file, csv)
    assert code != 0 and "long.csv: line 2: who" in err and "1,000" in err
    huge = tmp_path / "huge.csv"
    huge.write_bytes(
        b"at,method,result\n" + b"g-staff,no_badge,stopped\n" * (MAX_TESTS_CSV_BYTES // 20)
    )
    code, _, err = run("tests", "import", gated_file, huge)
    assert code != 0 and "refused before reading" in err and err.count("\n") == 1
    assert _tests(gated_file) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"item_id,status\nPER-01,compliant\n", "line 1: columns must be at,method,result"),
        (b"at,method,result\n", "no tests in the file"),
        (b"at,method,result\ng-staff,no_badge,stopped\xff\n", "line 2: not UTF-8"),
    ],
)
def test_import_refuses_unusable_files_in_one_line(run, gated_file, tmp_path, content, message):
    csv = tmp_path / "x.csv"
    csv.write_bytes(content)
    code, _, err = run("tests", "import", gated_file, csv)
    assert code != 0 and message in err and err.count("\n") == 1


def test_list_of_a_file_without_tests(run, gated_file):
    code, out, _ = run("tests", "list", gated_file, "--json")
    assert code == 0 and json.loads(out) == {"tests": []}
    code, out, _ = run("tests", "list", gated_file)
    assert "no access-control tests" in out


def test_add_with_photos_stores_them_with_the_test(run, gated_file, tmp_path):
    from PIL import Image

    first, second = tmp_path / "door.jpg", tmp_path / "badge.png"
    Image.new("RGB", (40, 30), "blue").save(first)
    Image.new("RGB", (30, 40), "green").save(second)
    code, _, err = run("tests", "add", gated_file, "--at", "g-staff", "--method", "other_badge",
                       "--result", "stopped", "--photo", first, "--photo", second)  # fmt: skip
    assert code == 0, err
    with AvsecFile.open(gated_file) as f:
        (test,) = f.access_tests()
        names = {a.id: a.filename for a in f.attachments()}
    assert [names[p] for p in test.photos] == ["door.jpg", "badge.png"]


def test_an_unreadable_photo_stores_nothing(run, gated_file, tmp_path):
    bad = tmp_path / "not-a-photo.jpg"
    bad.write_text("hello")
    code, _, err = run("tests", "add", gated_file, "--at", "g-staff", "--method", "no_badge",
                       "--result", "stopped", "--photo", bad)  # fmt: skip
    assert code != 0 and "not-a-photo.jpg" in err
    with AvsecFile.open(gated_file) as f:
        assert f.access_tests() == [] and f.attachments() == []


def test_bad_rows_and_results_in_the_language_of_the_command_line(run, gated_file, tmp_path):
    csv = tmp_path / "malo.csv"
    csv.write_text("at,method,result\nnowhere,no_badge,stopped\ng-staff,no_badge,waved\n")
    code, _, err = run("--lang", "es", "tests", "import", gated_file, csv)
    assert code != 0
    assert err.splitlines() == [
        "avsec: error: malo.csv: línea 2: 'nowhere' no es un punto de acceso del plano",
        "avsec: error: malo.csv: línea 3: resultado desconocido 'waved' (use uno de "
        "stopped, not_stopped, partly)",
    ]
    good = tmp_path / "bueno.csv"
    good.write_text("at,method,result\ng-staff,no_badge,stopped\n")
    code, out, _ = run("--lang", "fr", "tests", "import", gated_file, good)
    assert code == 0 and out.strip() == "bueno.csv : 1 test importé"


def test_a_note_over_its_cap_is_refused_in_spanish(run, gated_file):
    code, _, err = run("--lang", "es", "tests", "add", gated_file, "--at", "g-staff",
                       "--method", "no_badge", "--result", "stopped", "--notes", "n" * 65_537)  # fmt: skip
    assert code != 0 and "gates.avsec: notes:" in err and "65" in err
    assert "longer than" not in err  # the cap's reason is Spanish too
