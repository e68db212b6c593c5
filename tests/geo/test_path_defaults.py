"""Default detection and delay figures and the upgrade ladder."""

from __future__ import annotations

import pytest

from avsec.geo.path_defaults import (
    DEFAULT_TABLE,
    access_point_figures,
    barrier_figures,
    next_upgrade,
)


def test_sensor_fence_with_lit_cctv() -> None:
    # 2.5 m fence (15 s) + barbed wire (5 s) = 20 s; sensors 0.9 and lit CCTV 0.5 miss
    # together 0.1 x 0.5 = 0.05 of the time: p = 0.95; sensors alarm at the start (B).
    props = {
        "barrier": "fence",
        "height_m": 2.5,
        "topping": "barbed_wire",
        "intrusion_detection": True,
        "cctv": True,
        "lighting": True,
    }
    p, delay, at = barrier_figures(props)
    assert p == pytest.approx(0.95) and delay == pytest.approx(20.0) and at == "B"


def test_damaged_low_fence_without_means_of_detection() -> None:
    # 1.8 m fence 10 s, halved when damaged: 5 s; nothing detects it.
    p, delay, at = barrier_figures(
        {"barrier": "fence", "height_m": "1.8 m", "condition": "damaged"}
    )
    assert (p, delay, at) == (0.0, 5.0, "M")


def test_access_points() -> None:
    assert access_point_figures({"control": "uncontrolled", "screening": True}) == (0.0, 0.0, "B")
    # A card reader (0.5, 20 s) with screening: at least 0.95, 20 + 60 s.
    assert access_point_figures({"control": "electronic", "screening": "true"}) == (0.95, 80.0, "B")
    assert access_point_figures({}) == (0.0, 0.0, "B")  # no control recorded: uncontrolled


def test_every_figure_names_its_source() -> None:
    for key, figure in DEFAULT_TABLE.items():
        assert figure.source.startswith(("estimate: ", "an uncontrolled")), key


def test_upgrade_ladders() -> None:
    assert next_upgrade("access_point", {"control": "uncontrolled"}) == (
        "locked",
        {"control": "locked"},
    )
    assert next_upgrade("access_point", {"control": "staffed"})[0] == "screening"
    assert next_upgrade("access_point", {"control": "staffed", "screening": True}) is None
    assert next_upgrade("barrier", {"condition": "damaged"})[0] == "repair"
    assert next_upgrade("barrier", {})[0] == "intrusion_detection"
    assert next_upgrade("barrier", {"intrusion_detection": True})[0] == "cctv"
    full = {"intrusion_detection": True, "cctv": True, "topping": "razor_wire"}
    assert next_upgrade("barrier", full) is None
    assert next_upgrade("gap", {})[0] == "close"
