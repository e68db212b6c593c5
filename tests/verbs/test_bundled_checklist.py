"""The bundled Annex 17 checklist, provision catalogue and crosswalks (issue 3)."""

from __future__ import annotations

import json

import pytest

from avsec.core.checklist import AREA_IDS, RESPONSIBLE_IDS, RULE_IDS
from avsec.io.checklists import get_checklist, load_catalogue


@pytest.fixture(scope="module")
def checklist():
    return get_checklist()


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_five_areas_of_twelve_items_or_more(checklist) -> None:
    assert [a.id for a in checklist.areas] == list(AREA_IDS)
    assert all(len(a.items) >= 12 for a in checklist.areas)
    assert sum(len(a.items) for a in checklist.areas) >= 60


def test_every_item_is_complete_in_both_languages(checklist) -> None:
    for item in checklist.items():
        for field in ("question", "guidance", "evidence", "recommendation"):
            text = getattr(item, field)
            assert text["en"].strip() and text["es"].strip(), (item.id, field)
            assert text["en"] != text["es"], (item.id, field)
        assert item.references and item.weight in (1, 2, 3)
        assert item.question["es"].count("¿") >= 1, item.id


def test_every_rule_is_linked(checklist) -> None:
    linked = {rule for item in checklist.items() for rule in item.rules}
    assert linked == set(RULE_IDS)


def test_annex17_access_control_provisions_all_cited(checklist) -> None:
    cited = {ref for item in checklist.items() for ref in item.references}
    assert {f"A17:4.2.{n}" for n in range(1, 9)} <= cited


def test_catalogue_resolves_every_citation(checklist, catalogue) -> None:
    cited = {ref for item in checklist.items() for ref in item.references}
    for walk in catalogue.crosswalks:
        cited |= {m.source for m in walk.mappings} | {m.target for m in walk.mappings}
    missing = sorted(ref for ref in cited if catalogue.get(ref) is None)
    assert missing == []
    for provision in catalogue.provisions:
        assert provision.summary.get("en") and provision.summary.get("es"), provision.id
        assert provision.framework in catalogue.editions, provision.id


def test_unconfirmed_facts_stay_unconfirmed(checklist, catalogue) -> None:
    for ref in ("A17:4.2.3", "A17:4.2.5", "A17:4.2.6", "A17:4.2.7"):
        assert catalogue.get(ref).confidence == "unconfirmed", ref
    for item in checklist.items():
        if any(
            catalogue.get(r).confidence == "unconfirmed" and r.startswith("A17:")
            for r in item.references
        ):
            assert item.confidence == "unconfirmed", item.id


def test_two_crosswalks_with_relationships(catalogue) -> None:
    targets = {walk.target_framework for walk in catalogue.crosswalks}
    assert {"EU2015/1998", "CFR49"} <= targets
    for walk in catalogue.crosswalks:
        assert len(walk.mappings) >= 8
        assert all(m.rationale.get("en") and m.rationale.get("es") for m in walk.mappings)


def test_export_json_includes_crosswalks(run) -> None:
    code, out, _ = run("checklist", "export", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "icao-a17-access-control" and isinstance(data["version"], int)
    item = data["areas"][0]["items"][0]
    assert set(item) >= {
        "id",
        "question",
        "guidance",
        "evidence",
        "recommendation",
        "references",
        "weight",
        "rules",
        "responsible",
    }
    assert set(item["question"]) == {"en", "es", "pt", "fr"}
    every = [i for a in data["areas"] for i in a["items"]]
    assert {i["responsible"] for i in every} <= set(RESPONSIBLE_IDS)
    walked = [i for a in data["areas"] for i in a["items"] if i["crosswalk"]]
    assert walked, "no item carries crosswalk references"
    assert any(
        ref.startswith("EU2015/1998:")
        for i in walked
        for refs in i["crosswalk"].values()
        for ref in refs
    )


def test_validate_command(run) -> None:
    """The bundled file loads with the languages it carries (every language once translated:
    tests/verbs/test_checklist_languages.py checks ``checklist validate`` on it)."""
    from avsec.io.checklists import _bundled_files, load_checklist_file

    checklist = load_checklist_file(_bundled_files()[0])
    assert checklist.id == "icao-a17-access-control" and checklist.version == 2
    assert sum(1 for _ in checklist.items()) == 90


def test_validate_reports_broken_files(run, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nversion: 1\ntitle: {en: X, es: Y}\nareas: []\n", encoding="utf-8")
    code, _, err = run("checklist", "validate", bad)
    assert code == 1 and "bad.yaml" in err
