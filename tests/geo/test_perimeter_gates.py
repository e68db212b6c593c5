"""perimeter_gap with gates in the opening: each access point closes its width of it."""

from __future__ import annotations

import pytest

from avsec.geo.rules import gate_width
from tests.geo.builders import feature, line, of_rule, point, run, square

AIRSIDE = feature("airside", square(0, 0, 1000, 1000), "air")
# One fence round the square, open between x = 100 and x = 112 on the south side: 12 m.
WEST = feature("barrier", line((100, 0), (0, 0), (0, 1000), (1000, 1000)), "west")
EAST = feature("barrier", line((1000, 1000), (1000, 0), (112, 0)), "east")


def gaps(*gates, **params):
    return of_rule(run([AIRSIDE, WEST, EAST, *gates], **params), "perimeter_gap")


def gate(fid: str, x: float, y: float = 0.0, **props):
    return feature("access_point", point(x, y), fid, name=f"Gate {fid}", control="staffed", **props)


@pytest.mark.parametrize(
    ("gates", "expected"),
    [
        # 12 - 6 (vehicle default) = 6 m still open.
        ([gate("v", 106, mode="vehicle")], 6.0),
        # 12 - 6 (mixed default) = 6 m.
        ([gate("m", 106, mode="mixed")], 6.0),
        # 12 - 1.2 (pedestrian default) = 10.8 m.
        ([gate("p", 106, mode="pedestrian")], 10.8),
        # Unknown mode counts as the narrow pedestrian door: 12 - 1.2 = 10.8 m.
        ([gate("u", 106)], 10.8),
        # An explicit width wins over the default: 12 - 11 = 1 m.
        ([gate("w", 106, mode="vehicle", width_m=11)], 1.0),
        # A gate 5 m off the line, beyond the 2 m offset tolerance, closes nothing: 12 m.
        ([gate("far", 106, -5, mode="vehicle")], 12.0),
        # Two gates: 12 - 6 - 1.2 = 4.8 m.
        ([gate("v", 103, mode="vehicle"), gate("p", 110, mode="pedestrian")], 4.8),
    ],
)
def test_gates_close_their_width_of_the_opening(gates, expected: float) -> None:
    found = gaps(*gates)
    assert len(found) == 1
    assert found[0].value == pytest.approx(expected, abs=1e-6)


def test_opening_closed_by_gates_is_no_finding() -> None:
    # 12 - 6 - 6 = 0.
    assert gaps(gate("a", 103, mode="vehicle"), gate("b", 109, mode="vehicle")) == []
    # 12 - 11.6 = 0.4 m, narrower than the 0.5 m join tolerance: closed.
    assert gaps(gate("w", 106, width_m=11.6)) == []
    # With a join tolerance of 0.3 m the same 0.4 m stays open.
    found = gaps(gate("w", 106, width_m=11.6), perimeter_join_tolerance_m=0.3)
    assert [round(f.value, 6) for f in found] == [0.4]


def test_message_names_the_gate_and_the_widths() -> None:
    found = gaps(gate("v", 106, mode="vehicle"))[0]
    assert found.features == ["air", "west", "east", "v"]
    en, es = found.message["en"], found.message["es"]
    assert en.startswith("Opening of 6.0 m")
    assert "12.0 m wide, less 6.0 m closed by gate “Gate v” (6.0 m)" in en
    assert es.startswith("Abertura de 6,0 m")
    assert "12,0 m de ancho, menos 6,0 m que cierra la puerta “Gate v” (6,0 m)" in es


def test_a_gate_counts_in_one_opening_only() -> None:
    # Two 12 m openings 2 m apart (x 100..112 and 114..126); a vehicle gate at x = 113 lies
    # 1 m from both but closes its 6 m in one of them only: 6 + 12 remain.
    west = feature("barrier", line((100, 0), (0, 0), (0, 1000), (1000, 1000)), "west")
    middle = feature("barrier", line((112, 0), (114, 0)), "middle")
    east = feature("barrier", line((1000, 1000), (1000, 0), (126, 0)), "east")
    gate_feature = gate("g", 113, mode="vehicle")
    found = of_rule(run([AIRSIDE, west, middle, east, gate_feature]), "perimeter_gap")
    assert sorted(round(f.value, 6) for f in found) == [6.0, 12.0]


@pytest.mark.parametrize(
    ("props", "width"),
    [
        ({"mode": "vehicle"}, 6.0),
        ({"mode": "mixed"}, 6.0),
        ({"mode": "pedestrian"}, 1.2),
        ({}, 1.2),
        ({"mode": "vehicle", "width_m": "3,5 m"}, 3.5),
        ({"mode": "vehicle", "width_m": 0}, 6.0),
        ({"mode": "vehicle", "width_m": "wide"}, 6.0),
    ],
)
def test_gate_width(props: dict, width: float) -> None:
    assert gate_width(props) == width


def test_height_message_names_the_value_set_for_the_assessment() -> None:
    fence = feature("barrier", line((0, 0), (250, 0)), "low", barrier="fence", height_m=2.0)
    found = of_rule(run([fence], min_barrier_height_m=2.5), "barrier_below_height")[0]
    assert found.message["en"].endswith("below the 2.50 m set for this assessment")
    assert found.message["es"].endswith("por debajo de los 2,50 m fijados para esta evaluación")
    assert "minimum" not in found.message["en"] and "mínimo" not in found.message["es"]
