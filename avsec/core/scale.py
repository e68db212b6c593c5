"""Round lengths for scale bars and ticks: the app's map and the report's use the same."""

from __future__ import annotations

import math


def round_length(metres: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above ``metres`` (0 for nothing to measure)."""
    if not metres > 0 or not math.isfinite(metres):
        return 0.0
    power = 10.0 ** math.floor(math.log10(metres))
    for step in (5, 2, 1):
        if step * power <= metres:
            return step * power
    return power
