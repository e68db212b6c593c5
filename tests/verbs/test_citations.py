"""Issue 11: citations that hold, figures as parameters, weights and who acts."""

from __future__ import annotations

import pytest

from avsec.core.checklist import RESPONSIBLE_IDS
from avsec.io.checklists import get_checklist, load_catalogue


@pytest.fixture(scope="module")
def checklist():
    return get_checklist()


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def refs(checklist, item_id: str) -> list[str]:
    return checklist.item(item_id).references


def test_about_ninety_items_in_five_areas(checklist) -> None:
    assert 85 <= len(checklist.item_ids()) <= 95
    assert len(set(checklist.item_ids())) == len(checklist.item_ids())


def test_every_provision_records_what_it_was_checked_against(catalogue) -> None:
    for provision in catalogue.provisions:
        assert provision.checked_against in catalogue.checks, provision.id
        text = catalogue.checks[provision.checked_against]
        assert text.get("en") and text.get("es"), provision.checked_against


def test_annex14_old_numbering_is_no_longer_cited(checklist, catalogue) -> None:
    cited = {ref for item in checklist.items() for ref in item.references}
    assert not {"A14:8.4", "A14:8.5"} & cited
    # Annex 14 only where it speaks to the item: not keys, seals, patrol frequency, forecourts.
    for item_id in ("ACP-09", "VEH-12"):
        assert not [r for r in refs(checklist, item_id) if r.startswith("A14:")], item_id
    assert catalogue.get("A14:9.11").kind == "recommended_practice"
    assert catalogue.get("A14:9.10.5").kind == "recommended_practice"
    assert catalogue.get("A14:9.10").kind == "standard"


def test_moved_annex17_citations(checklist) -> None:
    for item_id in ("PER-09", "ACP-14", "VEH-15"):
        assert "A17:4.1" in refs(checklist, item_id), item_id
    assert "A17:4.2.1" not in refs(checklist, "ACP-14")
    for item_id in ("SRA-05", "SRA-07"):
        assert "A17:4.4" in refs(checklist, item_id) and "A17:4.2.6" not in refs(checklist, item_id)
    assert "A17:4.3" in refs(checklist, "SRA-12")
    assert "A17:3.4" in refs(checklist, "IDS-05") and "A17:4.2.4" not in refs(checklist, "IDS-05")
    assert refs(checklist, "IDS-06")[0] == "A17:3.4" and "A17:4.2.1" not in refs(
        checklist, "IDS-06"
    )


def test_crosswalk_fixes(catalogue) -> None:
    pairs = {(m.source, m.target): m for w in catalogue.crosswalks for m in w.mappings}
    assert pairs[("A17:4.2.6", "EU2015/1998:1.3")].relationship == "intersect"
    assert ("A17:4.2.2", "EU2015/1998:1.1.2") in pairs
    assert ("A17:4.2.3", "EU2015/1998:1.2.5") in pairs
    assert "international" in catalogue.get("A17:4.2.6").summary["en"]
    assert "not verified" in catalogue.get("A17:4.2.6").summary["en"]


def test_weights_that_match_the_risk(checklist) -> None:
    for item_id in ("SRA-07", "IDS-10", "VEH-06"):
        assert checklist.item(item_id).weight == 3, item_id
    for item_id in ("ACP-14", "VEH-15", "PER-09"):
        assert checklist.item(item_id).weight == 2, item_id


def test_guidance_figures_are_parameters_not_requirements(checklist) -> None:
    for item in checklist.items():
        for field in ("question", "guidance", "recommendation"):
            en, es = getattr(item, field)["en"], getattr(item, field)["es"]
            assert "minimum height" not in en and "altura mínima" not in es, item.id
            assert "incumple el Anexo 17" not in es, item.id
    height = checklist.item("PER-02")
    assert "set for this assessment" in height.question["en"]
    assert "fijada para esta evaluación" in height.question["es"]
    assert "fist" not in checklist.item("PER-03").guidance["en"]
    assert "24 hours is a commonly cited" not in checklist.item("IDS-10").question["en"]
    assert "5 %" not in checklist.item("IDS-12").question["en"]


def test_who_acts(checklist) -> None:
    seen = {item.responsible for item in checklist.items()}
    assert seen <= set(RESPONSIBLE_IDS) and {"state", "operator"} <= seen
    assert checklist.item("SRA-01").responsible == "state"


def test_spanish_wording_of_the_issue(checklist) -> None:
    for item in checklist.items():
        for field in ("question", "guidance", "evidence", "recommendation"):
            es = getattr(item, field)["es"]
            assert "a la zaga" not in es and "queda trabada" not in es, item.id
            assert "registro de seguridad del área" not in es, item.id
