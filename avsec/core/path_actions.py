"""Outline actions from the adversary path analysis: fix the weakest route first.

Each target whose weakest route is interrupted less than half the time (P(I) < 0.5) gets one
generated action: the upgrade that raises its P(I) most (avsec.geo.paths ranks them). The
action's ``source_key`` (``path:<target id>``) ties it to the target across regenerations;
its description names the target and the feature to change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from avsec.core.actions import Action, Horizon

#: Targets below this P(I) get an action.
ACTION_BELOW_P = 0.5
#: Days to the due date, by horizon (the outline's own table).
_DAYS = {"immediate": 14, "short": 90}


@dataclass(frozen=True)
class PathUpgrade:
    """The top upgrade of one target's weakest adversary route."""

    target: str
    target_name: str
    p_interruption: float
    feature: str | None
    change: str  # the change, already in the outline's language
    p_after: float
    feature_name: str = ""


def _title(text: str) -> str:
    return text if len(text) <= 140 else text[:137].rstrip() + "…"


def action_for_path(upgrade: PathUpgrade, today: dt.date) -> Action:
    """The action for one target; immediate below P(I) 0.2, else within three months."""
    horizon: Horizon = "immediate" if upgrade.p_interruption < 0.2 else "short"
    where = f" ({upgrade.feature_name or upgrade.feature})" if upgrade.feature else ""
    title = f"{upgrade.target_name or upgrade.target}: {upgrade.change}{where}"
    linked = ", ".join(f for f in (upgrade.target, upgrade.feature) if f)
    return Action(
        id=f"a-path-{upgrade.target}",
        title=_title(title),
        description=(
            f"{title}. P(I) {upgrade.p_interruption:.2f} -> {upgrade.p_after:.2f} "
            f"(features: {linked})"
        ),
        horizon=horizon,
        priority=round(3.0 * (1.0 - upgrade.p_interruption), 3),
        due=today + dt.timedelta(days=_DAYS[horizon]),
        origin="generated",
        source_key=f"path:{upgrade.target}",
    )
