"""Finding numbers survive re-analysis while the layout is unchanged (issue 14, item 6)."""

from __future__ import annotations

from avsec.core.commands import add_feature
from avsec.core.findings import Finding, finding_label, finding_numbers, observation_label
from avsec.core.layout import Feature
from avsec.store import AvsecFile


def _finding(rule: str, x: float, feature: str = "b1") -> Finding:
    return Finding(
        rule=rule,
        severity="major",
        value=1.0,
        unit="m",
        location=(x, 0.5),
        geometry={"type": "Point", "coordinates": [x, 0.5]},
        features=[feature],
    )


A, B, C, D = (_finding("perimeter_gap", 0.1 * n) for n in range(1, 5))


def _numbers(file: AvsecFile) -> dict[str, int]:
    return {f.id: f.number for f in file.findings()}


def test_numbers_kept_new_ones_next_free_vanished_ones_reserved(new_file: AvsecFile) -> None:
    stored = new_file.set_findings([A, B, C])
    assert [f.number for f in stored] == [1, 2, 3]
    # Same layout, the rules found C again, lost A and B, and found D: C keeps 3, D takes 4.
    new_file.set_findings([D, C])
    assert _numbers(new_file) == {C.id: 3, D.id: 4}
    # A comes back: its old number, not a new one; B's 2 stays free of any other gap.
    new_file.set_findings([A, D])
    assert _numbers(new_file) == {A.id: 1, D.id: 4}
    # The stored order (most severe first) does not renumber anything.
    new_file.set_findings([D, B, A, C])
    assert _numbers(new_file) == {A.id: 1, B.id: 2, C.id: 3, D.id: 4}


def test_a_changed_layout_starts_again_at_one(new_file: AvsecFile) -> None:
    new_file.set_findings([A, B, C])
    fence = Feature(
        id="f1",
        kind="barrier",
        geometry={"type": "LineString", "coordinates": [[0, 0], [0.001, 0]]},
    )
    new_file.apply(add_feature(fence))
    new_file.set_findings([C, D])
    assert _numbers(new_file) == {C.id: 1, D.id: 2}


def test_numbers_survive_reopening(new_file: AvsecFile) -> None:
    new_file.set_findings([A, B])
    path = new_file.path
    new_file.close()
    with AvsecFile.open(path) as again:
        again.set_findings([B, C])
        assert _numbers(again) == {B.id: 2, C.id: 3}
        # Every consumer reads the stored numbers.
        assert finding_numbers(again.findings()) == {B.id: 2, C.id: 3}


def test_unnumbered_findings_count_on_in_stored_order() -> None:
    # A GeoJSON layout analysed on the command line was never stored: 1, 2, 3 by order.
    assert finding_numbers([C, A, B]) == {C.id: 1, A.id: 2, B.id: 3}
    numbered = B.model_copy(update={"number": 7})
    assert finding_numbers([A, numbered]) == {B.id: 7, A.id: 8}


def test_findings_and_observations_have_their_own_labels() -> None:
    assert finding_label(3) == "F3" and observation_label(3) == "O3"


def test_analyze_json_shape_has_no_number_field() -> None:
    numbered = A.model_copy(update={"number": 5})
    assert "number" not in numbered.to_json()
