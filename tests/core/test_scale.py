"""Round lengths of the scale bars (the app's map and the report's)."""

from __future__ import annotations

import math

import pytest

from avsec.core.scale import round_length


@pytest.mark.parametrize(
    ("metres", "expected"),
    [(137, 100), (260, 200), (4900, 2000), (5000, 5000), (0.37, 0.2), (999.9, 500), (1, 1)],
)
def test_the_largest_round_length_not_above(metres: float, expected: float) -> None:
    assert round_length(metres) == pytest.approx(expected)


@pytest.mark.parametrize("metres", [0, -5, math.nan, math.inf])
def test_nothing_to_measure_is_zero(metres: float) -> None:
    assert round_length(metres) == 0.0
