"""Accuracy, agreement and Fleiss' kappa, checked against values computed by hand."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from workshop_helpers import MINI_KEY, MINI_RATIONALES, write_responses

from avsec.core.actions import Action
from avsec.core.checklist import Checklist
from avsec.workshop.compare import (
    CATEGORIES,
    accuracy,
    compare_answers,
    compare_files,
    consolidate_outlines,
    fleiss_kappa,
    item_agreement,
    kappa_band,
)

C, P, N, NA, NS = CATEGORIES  # compliant, partially, not compliant, not applicable, not assessed

TEAM_A = {"PER-01": N, "PER-02": C, "PER-03": C, "ACP-01": N, "ACP-02": C}
TEAM_B = {"PER-01": N, "PER-02": P, "ACP-01": C, "ACP-02": N}  # PER-03 left blank


def test_fleiss_kappa_small_example_by_hand() -> None:
    # Items: [C,C,C] P=1; [C,N,N] P=1/3; [P,P,N] P=1/3; [N,N,N] P=1 -> P_bar = 2/3.
    # Category shares: C 4/12, N 6/12, P 2/12 -> Pe = 1/9 + 1/4 + 1/36 = 7/18.
    # kappa = (2/3 - 7/18) / (1 - 7/18) = 5/11.
    ratings = [[C, C, C], [C, N, N], [P, P, N], [N, N, N]]
    assert fleiss_kappa(ratings) == pytest.approx(float(Fraction(5, 11)))


def test_fleiss_kappa_wikipedia_example() -> None:
    # The worked example of Fleiss (1971) as printed in most textbooks: 10 subjects,
    # 14 raters, 5 categories; kappa = 0.210.
    table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    ratings = [[c for c, n in zip(CATEGORIES, row, strict=True) for _ in range(n)] for row in table]
    assert fleiss_kappa(ratings) == pytest.approx(0.20993, abs=5e-5)


def test_fleiss_kappa_edge_cases() -> None:
    assert fleiss_kappa([]) is None
    assert fleiss_kappa([[C], [N]]) is None  # one rater
    assert fleiss_kappa([[C, C], [C, C]]) is None  # a single category: chance agreement is total
    assert fleiss_kappa([[C, C], [N, N]]) == pytest.approx(1.0)
    assert fleiss_kappa([[C, N], [N, C]]) == pytest.approx(-1.0)
    with pytest.raises(ValueError):
        fleiss_kappa([[C, C], [C]])


def test_item_agreement_is_the_share_of_agreeing_pairs() -> None:
    assert item_agreement([C]) is None
    assert item_agreement([C, C, C]) == 1.0
    assert item_agreement([C, N, N]) == pytest.approx(1 / 3)  # 1 agreeing pair of 3
    assert item_agreement([C, N, P, NA]) == 0.0


def test_accuracy_counts_only_items_the_key_assessed() -> None:
    # The key assessed PER-01..03 and ACP-01 (ACP-02 is not_assessed): 4 items.
    assert accuracy(MINI_KEY, TEAM_A) == 0.75  # PER-02 wrong
    assert accuracy(MINI_KEY, TEAM_B) == 0.5  # PER-03 blank, ACP-01 wrong
    assert accuracy(MINI_KEY, TEAM_B, ["PER-01", "PER-02", "PER-03"]) == pytest.approx(2 / 3)
    assert accuracy(MINI_KEY, TEAM_A, ["ACP-02"]) is None


def test_compare_answers_by_hand(mini_checklist: Checklist) -> None:
    scores, items, kappa = compare_answers(mini_checklist, MINI_KEY, {"A": TEAM_A, "B": TEAM_B})
    assert scores == [
        {
            "name": "A",
            "accuracy": 0.75,
            "areas": {"perimeter": pytest.approx(2 / 3), "access_points": 1.0},
        },
        {
            "name": "B",
            "accuracy": 0.5,
            "areas": {"perimeter": pytest.approx(2 / 3), "access_points": 0.0},
        },
    ]
    assert [(i.id, i.key, i.agreement) for i in items] == [
        ("PER-01", N, 1.0),
        ("PER-02", P, 0.0),
        ("PER-03", C, 0.0),
        ("ACP-01", N, 0.0),
        ("ACP-02", NS, 0.0),
    ]
    assert items[2].answers == {"A": C, "B": NS}
    assert [i.correct for i in items] == [1.0, 0.5, 0.5, 0.5, None]
    # P_bar = 1/5; shares of the 10 ratings: N 4, C 4, P 1, not_assessed 1 -> Pe = 0.34;
    # kappa = (0.2 - 0.34) / 0.66 = -7/33.
    assert kappa == pytest.approx(-7 / 33)


def test_one_team_has_no_kappa_nor_agreement(mini_checklist: Checklist) -> None:
    scores, items, kappa = compare_answers(mini_checklist, MINI_KEY, {"A": TEAM_A})
    assert scores[0]["accuracy"] == 0.75
    assert kappa is None
    assert all(i.agreement is None for i in items)


def test_kappa_bands() -> None:
    assert [kappa_band(k) for k in (None, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9)] == [
        "",
        "poor",
        "slight",
        "fair",
        "moderate",
        "substantial",
        "almost_perfect",
    ]


def test_compare_files_json_shape(key_file: Path, make_teams, mini_checklist: Checklist) -> None:
    paths = make_teams({"Team A": TEAM_A, "Team B": TEAM_B})
    comparison = compare_files(key_file, paths)
    data = comparison.to_json()
    assert set(data) == {"teams", "items", "fleiss_kappa"}
    assert data["teams"][0] == {
        "name": "Team A",
        "accuracy": 0.75,
        "areas": {"perimeter": pytest.approx(2 / 3), "access_points": 1.0},
    }
    assert all(set(t) == {"name", "accuracy", "areas"} for t in data["teams"])
    assert all(set(i) == {"id", "key", "answers", "agreement"} for i in data["items"])
    assert data["items"][0] == {
        "id": "PER-01",
        "key": N,
        "answers": {"Team A": N, "Team B": N},
        "agreement": 1.0,
    }
    assert data["fleiss_kappa"] == pytest.approx(-7 / 33)
    assert comparison.refused == []
    # The key's rationale travels to the debrief, in each language.
    assert comparison.rationale("PER-01", "es") == MINI_RATIONALES["PER-01"]


def test_disputed_items_lowest_agreement_first(key_file: Path, make_teams) -> None:
    paths = make_teams({"A": TEAM_A, "B": TEAM_B, "C": TEAM_A})
    comparison = compare_files(key_file, paths)
    disputed = comparison.disputed(None)
    # PER-01: all three N like the key -> not disputed.
    assert "PER-01" not in [i.id for i in disputed]
    # Every other item has agreement 1/3 (two of three teams alike); ties go to the items
    # fewest teams got right (PER-02: 1 of 3), then the heavier weight (ACP-01 weighs 3,
    # PER-03 1); ACP-02, which the key did not assess, comes last.
    assert all(i.agreement == pytest.approx(1 / 3) for i in disputed)
    assert [i.id for i in disputed] == ["PER-02", "ACP-01", "PER-03", "ACP-02"]


def test_consolidated_outline_puts_shared_actions_first(mini_checklist: Checklist) -> None:
    def act(item: str, priority: float, horizon: str = "short") -> Action:
        return Action(
            title=f"fix {item}", items=[item], source_key=item, priority=priority, horizon=horizon
        )

    outlines = {
        "A": [act("PER-01", 3.0, "immediate"), act("PER-02", 1.0)],
        "B": [act("PER-01", 2.5, "immediate"), act("ACP-01", 3.0)],
        "C": [
            act("PER-01", 2.0, "short"),
            act("ACP-01", 2.0),
            Action(title="Hire a trainer", origin="user"),
        ],
    }
    merged = consolidate_outlines(mini_checklist, outlines)
    assert [(m.items, len(m.teams)) for m in merged] == [
        (["PER-01"], 3),
        (["ACP-01"], 2),
        (["PER-02"], 1),
        ([], 1),
    ]
    first = merged[0]
    # The checklist's recommendation (a generated action's title is its first sentence).
    assert first.title == "Close every gap in the fence"
    assert first.description.startswith("Close every gap in the fence. Interim measure")
    assert first.horizon == "immediate" and first.priority == pytest.approx(2.5)
    assert merged[-1].title == "Hire a trainer"


def test_consolidated_outline_speaks_the_debrief_language(mini_checklist: Checklist) -> None:
    from avsec.core.outline import edit_action

    generated = Action(
        title="Close every gap in the fence",
        description="Close every gap in the fence.",
        items=["PER-01"],
        source_key="PER-01",
    )
    renamed = edit_action(
        Action(title="Raise the fence", items=["PER-02"], source_key="PER-02"),
        title="Our own words for PER-02",
    )
    outlines = {
        "A": [generated, renamed],
        "B": [generated.model_copy(update={"id": "a-b"})],
        "C": [Action(title="Hire a trainer", origin="user")],
    }
    merged = {
        m.items[0] if m.items else "": m
        for m in consolidate_outlines(mini_checklist, outlines, "es")
    }
    assert merged["PER-01"].title == "Cierre toda abertura de la cerca"
    assert merged["PER-01"].description == "Cierre toda abertura de la cerca."
    # What a team wrote stays as written; only its generated description is translated.
    assert merged["PER-02"].title == "Our own words for PER-02"
    assert merged["PER-02"].description == "Eleve la cerca."
    assert merged[""].title == "Hire a trainer"


def test_teams_without_saved_outline_propose_their_gaps(key_file: Path, make_teams) -> None:
    paths = make_teams({"A": TEAM_A, "B": TEAM_B})
    comparison = compare_files(key_file, paths)
    merged = comparison.consolidated_outline()
    # PER-01 is not compliant for both teams: the one action both propose comes first.
    assert merged[0].items == ["PER-01"] and merged[0].teams == ["A", "B"]


def test_blank_team_scores_zero(key_file: Path, make_teams) -> None:
    paths = make_teams({"Blank": {}, "A": TEAM_A})
    comparison = compare_files(key_file, paths)
    assert [t.accuracy for t in comparison.teams] == [0.0, 0.75]


def test_answers_written_later_are_read(key_file: Path, make_teams) -> None:
    paths = make_teams({"A": {}})
    write_responses(paths[0], {"PER-01": N})
    assert compare_files(key_file, paths).teams[0].accuracy == 0.25
