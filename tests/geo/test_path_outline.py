"""Outline actions for targets whose weakest route is interrupted less than half the time."""

from __future__ import annotations

import datetime as dt

from avsec.core.checklist import Checklist
from avsec.core.outline import edit_action, generate_outline
from avsec.core.path_actions import PathUpgrade
from avsec.geo.paths import analyse_paths, outline_upgrades, path_upgrades
from tests.geo.builders import CENTRE, feature, fence_around, point, square


def _airport(control: str) -> list:
    return [
        feature("airside", square(0, 0, 1000, 1000), "airside"),
        fence_around(0, 0, 1000, 1000, "perimeter", intrusion_detection=True),
        feature("access_point", point(500, 0), "gate", control=control, name="South gate"),
        feature("sra", square(400, 400, 600, 600), "sra"),
        feature("critical_part", square(450, 450, 550, 550), "cp", name="Vault"),
    ]


def test_weak_target_gets_its_top_upgrade() -> None:
    result = analyse_paths(_airport("uncontrolled"), centre=CENTRE)
    (upgrade,) = outline_upgrades(result)
    assert upgrade.target == "cp" and upgrade.feature == "gate"
    assert upgrade.change == "lock the access point"
    assert upgrade.p_interruption < 0.5


def test_actions_name_the_feature() -> None:
    (upgrade,) = path_upgrades(_airport("uncontrolled"), centre=CENTRE)
    assert upgrade.feature == "gate" and upgrade.feature_name == "South gate"


def test_refused_layout_gives_no_actions_rather_than_an_error() -> None:
    no_airside = [f for f in _airport("uncontrolled") if f.kind != "airside"]
    assert path_upgrades(no_airside, centre=CENTRE) == []


def test_outline_action_keeps_user_edits_across_regeneration(mini_checklist: Checklist) -> None:
    checklist, responses = mini_checklist, {}
    upgrade = PathUpgrade("cp", "Vault", 0.1, "gate", "lock the access point", 0.3)
    today = dt.date(2026, 1, 1)
    first = generate_outline(checklist, responses, paths=[upgrade], today=today)
    (action,) = [a for a in first if a.source_key == "path:cp"]
    assert action.horizon == "immediate" and "Vault" in action.title and "gate" in action.title
    assert action.due == dt.date(2026, 1, 15)
    edited = [edit_action(a, owner="Ops") if a is action else a for a in first]
    again = generate_outline(checklist, responses, existing=edited, paths=[upgrade], today=today)
    assert [a.owner for a in again if a.source_key == "path:cp"] == ["Ops"]
