"""EASI arithmetic against a hand computation with a standard normal table."""

from __future__ import annotations

import math

import pytest

from avsec.geo.easi import (
    EasiParameters,
    Element,
    critical_detection_point,
    interruption,
    phi,
    required_response_time,
)

PARAMS = EasiParameters(response_time_s=300, response_sd_s=90, delay_sd_fraction=0.3)

# A fence with sensors (P 0.9, 30 s, detection at the beginning), a 200 s run, a door with a
# card reader (P 0.5, 60 s, detection in the middle) and a 60 s task.
ROUTE = [
    Element(0.9, 30, "B"),
    Element(0.0, 200, "B"),
    Element(0.5, 60, "M"),
    Element(0.0, 60, "B"),
]


def test_interruption_matches_a_hand_computation() -> None:
    # Standard deviations (0.3 x delay): 9, 60, 18, 18 s.
    # Element 1 (f = 1): T_rem = 30 + 200 + 60 + 60 = 350 s
    #   V_rem = 9^2 + 60^2 + 18^2 + 18^2 = 81 + 3600 + 324 + 324 = 4329
    #   z = (350 - 300) / sqrt(4329 + 90^2) = 50 / sqrt(12429) = 50 / 111.486 = 0.4485
    #   table: Phi(0.44) = 0.67003, Phi(0.45) = 0.67364 -> Phi(0.4485) = 0.67310
    # Element 3 (f = 0.5): T_rem = 30 + 60 = 90 s; V_rem = 9^2 + 18^2 = 405
    #   z = (90 - 300) / sqrt(405 + 8100) = -210 / 92.222 = -2.2771
    #   table: Phi(2.27) = 0.98840, Phi(2.28) = 0.98870 -> Phi(-2.2771) = 1 - 0.98861 = 0.01139
    # P(I) = 0.9 x 0.67310 + (1 - 0.9) x 0.5 x 0.01139 = 0.60579 + 0.00057 = 0.60636
    assert interruption(ROUTE, PARAMS) == pytest.approx(0.60636, abs=2e-4)


def test_no_detection_means_no_interruption() -> None:
    assert interruption([Element(0.0, 100), Element(0.0, 60)], PARAMS) == 0.0


def test_phi_at_table_points() -> None:
    # Standard normal table: Phi(0) = 0.5, Phi(1) = 0.84134, Phi(-1.96) = 0.02500.
    assert phi(0.0) == 0.5
    assert phi(1.0) == pytest.approx(0.84134, abs=1e-5)
    assert phi(-1.96) == pytest.approx(0.02500, abs=1e-5)


def test_detection_at_the_end_leaves_only_later_delay() -> None:
    # One element, P 1, 600 s, detected at its end: only the 60 s task remains.
    # z = (60 - 300) / sqrt(18^2 + 90^2) = -240 / 91.782 = -2.6149; Phi = 0.00446 (table).
    route = [Element(1.0, 600, "E"), Element(0.0, 60)]
    assert interruption(route, PARAMS) == pytest.approx(0.00446, abs=1e-4)


def test_critical_detection_point_is_the_last_timely_sensor() -> None:
    # Remaining mean delay at the fence 350 s >= 300 s; at the door 90 s < 300 s.
    assert critical_detection_point(ROUTE, PARAMS) == 0
    late = [Element(0.9, 10), Element(0.0, 60)]
    assert critical_detection_point(late, PARAMS) is None


def test_required_response_time_for_p_08() -> None:
    # One sensor (P 1, 100 s, B) and a 60 s task: P(I) = Phi((160 - RT) / sqrt(30^2 + 18^2
    # + 90^2)) = Phi((160 - RT) / 96.56); P(I) = 0.8 at z = 0.84162 (table), so
    # RT = 160 - 0.84162 x 96.561 = 78.73 s.
    route = [Element(1.0, 100), Element(0.0, 60)]
    assert required_response_time(route, PARAMS) == pytest.approx(78.73, abs=0.05)
    assert math.isclose(
        interruption(route, EasiParameters(response_time_s=78.73)), 0.8, abs_tol=1e-3
    )


def test_required_response_time_none_when_detection_is_too_weak() -> None:
    # P(I) can never exceed the detection probability 0.5.
    assert required_response_time([Element(0.5, 100), Element(0.0, 60)], PARAMS) is None
