"""Scoring exactly as docs/architecture.md states it, against hand-computed cases."""

from __future__ import annotations

import pytest

from avsec.core.assessment import Response, Status
from avsec.core.checklist import Area, Checklist, ChecklistItem
from avsec.core.findings import Finding
from avsec.core.scoring import gap_priority, gaps, score_checklist, score_items


def _item(item_id: str, weight: int) -> ChecklistItem:
    return ChecklistItem(
        id=item_id, question={"en": "q", "es": "p"}, weight=weight, references=["A17:4.2.1"]
    )


def _responses(**statuses: str) -> dict[str, Response]:
    return {
        k.replace("_", "-"): Response(item_id=k.replace("_", "-"), status=v)
        for k, v in statuses.items()
    }


@pytest.fixture
def checklist() -> Checklist:
    return Checklist(
        id="t",
        version=1,
        title={"en": "t"},
        areas=[
            Area(
                id="a",
                title={"en": "A"},
                items=[
                    _item("A-1", 1),
                    _item("A-2", 2),
                    _item("A-3", 3),
                    _item("A-4", 3),
                    _item("A-5", 2),
                ],
            ),
            Area(id="b", title={"en": "B"}, items=[_item("B-1", 2), _item("B-2", 1)]),
        ],
    )


def test_area_scores_by_hand(checklist: Checklist) -> None:
    # A-1 w1 compliant (s=1), A-2 w2 partial (0.5), A-3 w3 not compliant (0),
    # A-4 w3 not applicable (left out), A-5 w2 not assessed (lowers coverage only).
    responses = _responses(
        A_1="compliant", A_2="partially_compliant", A_3="not_compliant", A_4="not_applicable"
    )
    area = score_checklist(checklist, responses).areas[0]
    assert area.applicable == 4  # 5 items minus 1 not applicable
    assert area.assessed == 3
    assert area.coverage == pytest.approx(3 / 4)
    assert area.ei == pytest.approx(1 / 3)
    # (1*1 + 2*0.5 + 3*0) / (1 + 2 + 3) = 2 / 6
    assert area.weighted == pytest.approx(2 / 6)


def test_area_with_nothing_applicable_has_no_figures(checklist: Checklist) -> None:
    responses = _responses(B_1="not_applicable", B_2="not_applicable")
    area = score_checklist(checklist, responses).areas[1]
    assert (area.applicable, area.assessed) == (0, 0)
    assert area.ei is None and area.weighted is None and area.coverage is None


def test_nothing_assessed_gives_zero_coverage_and_no_ei(checklist: Checklist) -> None:
    area = score_checklist(checklist, {}).areas[1]
    assert area.coverage == 0.0
    assert area.ei is None and area.weighted is None


def test_overall_pools_every_item(checklist: Checklist) -> None:
    responses = _responses(
        A_1="compliant",
        A_2="partially_compliant",
        A_3="not_compliant",
        A_4="not_applicable",
        B_1="compliant",
        B_2="not_compliant",
    )
    scores = score_checklist(checklist, responses)
    overall = scores.overall
    assert overall.applicable == 6 and overall.assessed == 5
    assert overall.ei == pytest.approx(2 / 5)
    # (1 + 1 + 0 + 2 + 0) / (1 + 2 + 3 + 2 + 1) = 4 / 9
    assert overall.weighted == pytest.approx(4 / 9)
    data = scores.to_json()
    assert set(data["overall"]) == {"ei", "weighted", "coverage"}
    assert set(data["areas"][0]) == {"id", "ei", "weighted", "coverage", "assessed", "applicable"}


def _finding(severity: str, zone: str) -> Finding:
    return Finding(
        rule="perimeter_gap",
        severity=severity,
        value=1,
        unit="m",
        location=(0, 0),
        geometry={},
        zone=zone,
    )


@pytest.mark.parametrize(
    ("weight", "status", "zone", "expected"),
    [
        (3, Status.NOT_COMPLIANT, "", 3.0),
        (2, Status.PARTIALLY_COMPLIANT, "", 1.0),
        (3, Status.NOT_COMPLIANT, "critical_part", 4.5 + 0.5),
        (2, Status.NOT_COMPLIANT, "sra", 2.5 + 0.5),
        (1, Status.NOT_COMPLIANT, "landside", 0.75 + 0.5),
        (3, Status.COMPLIANT, "", 0.0),
    ],
)
def test_gap_priority(weight: int, status: Status, zone: str, expected: float) -> None:
    findings = [_finding("critical", zone)] if zone else []
    assert gap_priority(_item("X-1", weight), status, findings) == pytest.approx(expected)


def test_not_applicable_never_a_gap() -> None:
    assert gap_priority(_item("X-1", 3), Status.NOT_APPLICABLE, [_finding("critical", "sra")]) == 0


def test_gaps_sorted_and_answer_wins(checklist: Checklist) -> None:
    responses = _responses(A_1="compliant", A_2="partially_compliant", A_3="not_compliant")
    finding = _finding("major", "airside").model_copy(update={"items": ["A-1", "B-1"]})
    result = gaps(checklist, responses, [finding])
    ids = [g.item.id for g in result]
    # A-1 is compliant: the inspector's answer wins over the finding.
    assert "A-1" not in ids
    assert ids[0] == "A-3"  # 3 * 1 = 3
    assert "B-1" in ids  # not assessed, but the geometry found something
    assert [g.priority for g in result] == sorted((g.priority for g in result), reverse=True)


def test_score_items_counts_items() -> None:
    assert score_items("x", [], {}).items == 0


def test_finding_numbers_follow_stored_order() -> None:
    from avsec.core.findings import finding_numbers

    a = _finding("critical", "sra").model_copy(update={"location": (1.0, 1.0)})
    b = _finding("minor", "sra").model_copy(update={"location": (2.0, 2.0)})
    assert finding_numbers([a, b]) == {a.id: 1, b.id: 2}
