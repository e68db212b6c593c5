"""Access-control tests as evidence: suggestions, stop rates, the method -> items mapping."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from avsec.app.access_tests import access_tests_json, item_tests, methods_for_item
from avsec.core.access_test_edit import SetAccessTest
from avsec.core.access_tests import (
    METHODS,
    AccessTest,
    stop_rates,
    suggested_from_tests,
    worst_status,
)
from avsec.io.access_tests import method_items, parse_mapping
from avsec.io.checklists import get_checklist
from avsec.io.resources import data_path


def _t(n: int, method: str, result: str, at: str = "g-1") -> AccessTest:
    when = dt.datetime(2026, 3, 10, 8 + n)
    return AccessTest(id=f"t-{n}", at=at, when=when, method=method, result=result)


def test_not_stopped_suggests_not_compliant_partly_partially_stopped_nothing():
    assert suggested_from_tests([_t(1, "no_badge", "stopped")]) is None
    assert suggested_from_tests([]) is None
    partly = [_t(1, "no_badge", "stopped"), _t(2, "no_badge", "partly")]
    assert suggested_from_tests(partly) == "partially_compliant"
    worst = [*partly, _t(3, "no_badge", "not_stopped")]
    assert suggested_from_tests(worst) == "not_compliant"
    assert worst_status(None, "partially_compliant", "not_compliant") == "not_compliant"
    assert worst_status(None, None) is None


def test_stop_rates_per_method_and_per_access_point():
    tests = [
        _t(1, "tailgating", "not_stopped", "g-2"),
        _t(2, "no_badge", "stopped", "g-1"),
        _t(3, "no_badge", "partly", "g-2"),
        _t(4, "no_badge", "stopped", "g-2"),
        _t(5, "tailgating", "stopped", "g-1"),
    ]
    by_method = {
        r.key: (r.tests, r.stopped, r.partly, r.not_stopped) for r in stop_rates(tests, "method")
    }
    assert list(by_method) == ["no_badge", "tailgating"]  # the methods' own order
    assert by_method == {"no_badge": (3, 2, 1, 0), "tailgating": (2, 1, 0, 1)}
    rates = {r.key: r.rate for r in stop_rates(tests, "at")}
    assert rates == {"g-1": 1.0, "g-2": pytest.approx(1 / 3)}


def test_the_mapping_cites_items_of_the_bundled_checklist_for_every_method():
    checklist = get_checklist()
    source = data_path("checklists", "access-tests", f"{checklist.id}.yaml")
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert raw["checklist"] == checklist.id
    assert set(raw["methods"]) == set(METHODS)
    cited = {i for items in raw["methods"].values() for i in items}
    assert cited and cited <= set(checklist.item_ids())
    # Loaded, nothing is dropped: every cited id exists.
    assert method_items(checklist) == raw["methods"]
    assert methods_for_item(checklist, "ACP-07") == ["other_badge", "tailgating"]


def test_a_mapping_with_an_unknown_method_is_refused_and_unknown_items_dropped():
    with pytest.raises(Exception, match="unknown method 'bribery'"):
        parse_mapping({"methods": {"bribery": ["ACP-01"]}})
    assert parse_mapping({"methods": {"no_badge": ["ACP-05", "XX-99"]}}, {"ACP-05"}) == {
        "no_badge": ["ACP-05"]
    }


def test_item_tests_link_by_method():
    checklist = get_checklist()
    tests = [_t(1, "tailgating", "not_stopped"), _t(2, "vehicle_no_pass", "stopped")]
    linked, suggested = item_tests(checklist, tests, "ACP-07")
    assert [t.id for t in linked] == ["t-1"] and suggested == "not_compliant"
    linked, suggested = item_tests(checklist, tests, "VEH-04")
    assert [t.id for t in linked] == ["t-2"] and suggested is None
    assert item_tests(checklist, tests, "PER-01") == ([], None)


def test_json_shape_and_descriptions():
    out = access_tests_json([_t(2, "no_badge", "stopped"), _t(1, "other", "partly")])
    assert [t["id"] for t in out["tests"]] == ["t-1", "t-2"]
    assert out["tests"][0] == {
        "id": "t-1", "at": "g-1", "method": "other", "result": "partly",
        "when": "2026-03-10T09:00:00", "notes": "",
    }  # fmt: skip
    add = SetAccessTest("t-1", None, _t(1, "tailgating", "stopped"))
    assert add.describe() == "Record access test at g-1 (Tailgating)"
    assert SetAccessTest("t-1", _t(1, "tailgating", "stopped"), None).describe() == (
        "Delete access test at g-1 (Tailgating)"
    )
    from avsec.io.translations import catalogue

    spanish = catalogue("es").gettext
    assert add.describe(spanish) != add.describe()
    assert "g-1" in add.describe(spanish)
