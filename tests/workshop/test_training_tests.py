"""The training airport's six access-control tests: loaded by the demo, in agreement with the
answer key, in every language, and never in an exercise."""

from __future__ import annotations

import json

from avsec.app.access_tests import item_tests
from avsec.core.access_tests import stop_rates
from avsec.store import AvsecFile
from avsec.workshop.demo import make_demo
from avsec.workshop.pack import pack_exercise
from avsec.workshop.training import load_answer_key, load_layout, load_tests


def test_six_tests_at_real_gates_with_mixed_methods_and_results():
    tests = load_tests()
    gates = {f.id for f in load_layout() if f.kind == "access_point"}
    assert len(tests) == 6 and {t.at for t in tests} <= gates
    assert len({t.method for t in tests}) >= 4
    assert {t.result for t in tests} == {"stopped", "partly", "not_stopped"}
    assert all(set(t.notes) == {"en", "es", "pt", "fr"} for t in tests)


def test_the_demo_holds_them_and_they_agree_with_the_key(tmp_path):
    demo = make_demo(tmp_path / "demo", "es")
    with AvsecFile.open(demo) as f:
        tests = f.access_tests()
        checklist = f.checklist
        journal = [c["what"] for c in f.changes()]
    assert [t.id for t in tests] == [f"demo-test-{n}" for n in range(1, 7)]
    # Notes in the demo's language (the Spanish notes say "tarjeta", the English "card").
    assert "tarjeta" in tests[1].notes and "card" not in tests[1].notes
    assert "batch:Access-control tests of the visit" in journal
    # 2 of 6 fully stopped (tests.yaml: demo-test-2 and demo-test-5).
    by_gate = {r.key: (r.tests, r.stopped) for r in stop_rates(tests, "at")}
    assert by_gate == {
        "zz-ap-02": (3, 1),
        "zz-ap-03": (1, 0),
        "zz-ap-04": (1, 1),
        "zz-ap-05": (1, 0),
    }
    key = load_answer_key()
    for item_id in ("ACP-05", "ACP-07", "ACP-10", "ACP-16", "VEH-04"):
        _, suggested = item_tests(checklist, tests, item_id)
        worst = {"partially_compliant": 1, "not_compliant": 2}
        # A test never suggests more than the key finds wrong.
        assert worst[suggested] <= worst.get(str(key[item_id].status), 0), item_id
    assert item_tests(checklist, tests, "ACP-07")[1] == "not_compliant"
    assert key["ACP-06"].status == "compliant" and item_tests(checklist, tests, "ACP-06")[1] is None


def test_an_exercise_packed_from_the_demo_has_no_test(tmp_path):
    demo = make_demo(tmp_path / "demo", "en")
    exercise = pack_exercise(demo, tmp_path / "exercise.avsec")
    with AvsecFile.open(exercise) as f:
        assert f.access_tests() == []
        tables = {r[0] for r in f._conn.execute("SELECT name FROM sqlite_master")}
        journal = json.dumps(f.changes())
    assert "access_tests" not in tables
    assert "demo-test" not in journal and "tailgat" not in journal.lower()
    raw = exercise.read_bytes()
    assert b"Followed a cleaner" not in raw and b"demo-test" not in raw


def test_a_bad_tests_file_is_one_line_naming_the_test(monkeypatch):
    import pytest

    from avsec.core.errors import InputError
    from avsec.workshop import training

    good = {"at": "zz-ap-02", "time": "07:40", "method": "tailgating", "result": "stopped",
            "who": "", "notes": {"en": "x", "es": "x", "pt": "x", "fr": "x"}}  # fmt: skip
    real_yaml = training._yaml
    cases = [
        ({"at": "zz-road-1"}, "tests.yaml: test 1: field at must be an access point"),
        ({"time": "7h40"}, "tests.yaml: test 1: field time must be HH:MM"),
        ({"method": "bribery"}, "tests.yaml: test 1: field method: Input should be"),
    ]
    for change, message in cases:
        data = {"tests": [{**good, **change}]}
        monkeypatch.setattr(
            training, "_yaml", lambda name, d=data: d if name == "tests.yaml" else real_yaml(name)
        )
        with pytest.raises(InputError, match=message):
            load_tests()
