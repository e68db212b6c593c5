"""Route search against brute force, candidate crossings on hand-built layouts, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from avsec.core.errors import PathAnalysisError
from avsec.geo.easi import EasiParameters, Element, interruption
from avsec.geo.path_search import Layer, best_route
from avsec.geo.paths import analyse_paths, paths_json
from tests.geo.builders import CENTRE, feature, fence_around, point, square
from tests.geo.builders import line as shapely_line

# --- brute force -------------------------------------------------------------------------


def _routes(layers: list[Layer], start: int = 0):
    """Every sequence of (layer, index) crossings from layer ``start`` to the last."""
    if start == len(layers):
        yield []
        return
    for i in range(len(layers[start])):
        for rest in _routes(layers, int(layers[start].last[i]) + 1):
            yield [(start, i), *rest]


def _brute_p(route, layers, figures, params: EasiParameters) -> float:
    """P(I) of one route by the plain EASI sum (independent of the search's recursion)."""
    elements = []
    previous = None
    for layer, i in route:
        xy = layers[layer].xy[i]
        if previous is not None:
            distance = math.dist(previous, xy)
            elements.append(Element(0.0, distance / params.run_speed_mps, "B"))
        p, d, at = figures[layers[layer].keys[i]]
        elements.append(Element(p, d, at))
        previous = xy
    elements.append(Element(0.0, params.task_delay_s, "B"))
    return interruption(elements, params)


figure = st.tuples(st.floats(0, 1), st.floats(0, 400), st.sampled_from(["B", "M", "E"]))


@st.composite
def problems(draw):
    m = draw(st.integers(2, 3))
    pool = draw(st.lists(figure, min_size=1, max_size=4))
    figures = {f"k{n}": f for n, f in enumerate(pool)}
    layers = []
    for k in range(m):
        n = draw(st.integers(1, 6))
        xy = np.array(
            draw(
                st.lists(st.tuples(st.floats(0, 3000), st.floats(0, 3000)), min_size=n, max_size=n)
            )
        )
        keys = [f"k{draw(st.integers(0, len(pool) - 1))}" for _ in range(n)]
        last = np.array([draw(st.integers(k, m - 1)) if k < m - 1 else k for _ in range(n)])
        layers.append(Layer(xy=xy, keys=keys, last=last))
    params = EasiParameters(
        response_time_s=draw(st.floats(0, 900)),
        response_sd_s=draw(st.floats(0, 200)),
        delay_sd_fraction=draw(st.floats(0, 1)),
        run_speed_mps=draw(st.floats(0.5, 10)),
        task_delay_s=draw(st.floats(0, 300)),
    )
    return layers, figures, params


@settings(max_examples=300, deadline=None)
@given(problems())
def test_search_never_worse_than_brute_force(problem) -> None:
    layers, figures, params = problem
    brute = min(_brute_p(r, layers, figures, params) for r in _routes(layers))
    found = best_route(layers, figures, params)
    assert found is not None
    p_found, steps = found
    assert p_found <= brute + 1e-9
    # The route returned is a real route whose P(I) is the one reported.
    route = [(s.layer, s.index) for s in steps]
    assert route in list(_routes(layers))
    assert _brute_p(route, layers, figures, params) == pytest.approx(p_found, abs=1e-9)


def test_grouped_outer_layer_picks_the_far_crossing_when_the_near_one_is_worse() -> None:
    # Two crossings with equal figures on the outer boundary; long delays (T0 > RT) make the
    # response certain near the inner one, so the farther crossing, whose long uncertain run
    # spreads the arrival time, gives the lower P(I). Brute force decides which.
    params = EasiParameters(response_time_s=0, response_sd_s=0, delay_sd_fraction=1.0)
    figures = {"a": (0.5, 100.0, "B"), "b": (0.0, 0.0, "B")}
    outer = Layer(np.array([[1.0, 0.0], [9000.0, 0.0]]), ["a", "a"], np.array([0, 0]))
    inner = Layer(np.array([[0.0, 0.0]]), ["b"], np.array([1]))
    brute = min(_brute_p(r, [outer, inner], figures, params) for r in _routes([outer, inner]))
    found = best_route([outer, inner], figures, params)
    assert found is not None and found[0] == pytest.approx(brute, abs=1e-12)


# --- hand-built layouts ------------------------------------------------------------------


def _airport(**gate_props):
    """A 1000 m square airside fenced all round with one gate, an SRA and a critical part."""
    return [
        feature("airside", square(0, 0, 1000, 1000), "airside"),
        fence_around(0, 0, 1000, 1000, "perimeter", intrusion_detection=True),
        feature("access_point", point(500, 0), "gate", **{"control": "uncontrolled", **gate_props}),
        feature("sra", square(400, 400, 600, 600), "sra"),
        feature("critical_part", square(450, 450, 550, 550), "cp", name="Vault"),
    ]


def test_the_open_gate_is_the_weakest_way_in() -> None:
    result = analyse_paths(_airport(), centre=CENTRE)
    assert [t.target for t in result.targets] == ["cp"]
    route = result.targets[0].route
    assert route[0].via == "access_point" and route[0].feature == "gate"
    assert [e.kind for e in route] == [
        "crossing",
        "travel",
        "crossing",
        "travel",
        "crossing",
        "task",
    ]
    # Unfenced SRA and critical part: nothing on the route detects, so P(I) is 0.
    assert result.targets[0].p_interruption == 0.0
    # Travel from the gate (500, 0) to the nearest SRA opening point on y = 400 is 400 m.
    assert route[1].delay_s == pytest.approx(400 / 3.0, abs=1e-6)


def test_staffing_the_gate_is_the_top_upgrade_and_moves_the_route() -> None:
    # With the gate staffed (P 0.8), the sensor fence (P 0.9) becomes the better way...
    result = analyse_paths(_airport(p_detect=0.0, delay_s=0.0), centre=CENTRE)
    target = result.targets[0]
    assert target.upgrades and target.upgrades[0].feature == "gate"
    assert target.upgrades[0].change == "locked"
    # ...the gate's own zero figures stay zero unless the defaults are better: locked is
    # P 0.1 (path_defaults), which raises P(I) above 0.
    assert target.upgrades[0].p_interruption_after > 0.0


def test_p_detect_override_and_json_shape() -> None:
    feats = _airport(p_detect=1.0, delay_s=0.0, detect_at="B")
    # Every perimeter crossing is now detected: the fence (0.9 sensors) or the gate (1.0).
    data = paths_json(analyse_paths(feats, centre=CENTRE))
    assert set(data) >= {"params", "targets", "weakest"}
    target = data["targets"][0]
    assert set(target) >= {
        "target",
        "kind",
        "name",
        "p_interruption",
        "critical_detection_point",
        "route",
    }
    for element in target["route"]:
        assert set(element) == {
            "kind",
            "via",
            "feature",
            "location",
            "p_detect",
            "delay_s",
            "detect_at",
        }
    assert data["weakest"] == "cp"
    assert target["route"][0]["p_detect"] == pytest.approx(0.9) or target["route"][0][
        "p_detect"
    ] == pytest.approx(1.0)
    lon, lat = target["route"][0]["location"]
    assert abs(lon - CENTRE[0]) < 0.02 and abs(lat - CENTRE[1]) < 0.02


def test_an_sra_without_critical_part_is_a_target() -> None:
    feats = [f for f in _airport() if f.kind != "critical_part"]
    result = analyse_paths(feats, centre=CENTRE)
    assert [t.target for t in result.targets] == ["sra"]


def test_a_gate_on_coincident_boundaries_crosses_both_at_once() -> None:
    # The SRA shares the airside's southern edge; the gate on it crosses both boundaries.
    feats = [
        feature("airside", square(0, 0, 1000, 1000), "airside"),
        fence_around(0, 0, 1000, 1000, "perimeter", p_detect=1.0, delay_s=600),
        feature("access_point", point(500, 0), "gate", control="uncontrolled"),
        feature("sra", square(400, 0, 600, 200), "sra"),
        fence_around(400, 0, 600, 200, "sra-fence", p_detect=1.0, delay_s=600),
    ]
    result = analyse_paths(feats, centre=CENTRE)
    route = result.targets[0].route
    assert [e.kind for e in route] == ["crossing", "task"]
    assert route[0].feature == "gate" and result.targets[0].p_interruption == 0.0


# --- bad input: one clear message naming the feature ------------------------------------


def _message(feats) -> str:
    with pytest.raises(PathAnalysisError) as caught:
        analyse_paths(feats, centre=CENTRE)
    return str(caught.value)


def test_no_airside() -> None:
    assert "no airside" in _message([f for f in _airport() if f.kind != "airside"])


def test_target_outside_every_sra() -> None:
    feats = [f for f in _airport() if f.kind != "sra"]
    message = _message(feats)
    assert "Vault" in message and "cp" in message and "outside every SRA" in message


def test_sra_outside_airside() -> None:
    feats = [f for f in _airport() if f.kind != "critical_part"]
    feats.append(feature("sra", square(3000, 3000, 3100, 3100), "far-sra", name="Far SRA"))
    message = _message(feats)
    assert "Far SRA" in message and "outside the airside" in message


def test_overlapping_targets() -> None:
    feats = _airport()
    feats.append(feature("critical_part", square(500, 500, 580, 580), "cp2", name="Annex"))
    message = _message(feats)
    assert "Vault" in message and "Annex" in message and "overlap" in message


@pytest.mark.parametrize(
    ("props", "words"),
    [
        ({"p_detect": 1.5}, "p_detect 1.5 is outside 0..1"),
        ({"p_detect": -0.1}, "p_detect -0.1 is outside 0..1"),
        ({"delay_s": -5}, "delay_s -5 is negative"),
        ({"detect_at": "X"}, "detect_at 'X' must be B, M or E"),
        ({"p_detect": "high"}, "p_detect 'high' is not a number"),
    ],
)
def test_bad_figures_name_the_feature(props, words) -> None:
    feats = _airport(name="North gate", **props)
    message = _message(feats)
    assert "North gate" in message and "gate" in message and words in message


def test_brute_force_on_a_small_layout_agrees() -> None:
    # Several gates and fences of different figures; the layout-level search agrees with a
    # brute force over the same candidate crossings.
    from avsec.core.assessment import RuleParameters
    from avsec.geo.path_crossings import Crossings, route_layers
    from avsec.geo.paths import element_figures
    from avsec.geo.prepared import prepare_layout

    feats = _airport(control="electronic")
    feats += [
        feature("access_point", point(0, 300), "west", control="staffed"),
        feature("access_point", point(400, 500), "sra-door", control="locked"),
        fence_around(400, 400, 600, 600, "sra-fence", cctv=True, lighting=True),
    ]
    layout = prepare_layout(feats, CENTRE)
    crossings = Crossings(layout, RuleParameters())
    geom = {f.id: g for f, g in zip(layout.features, layout.geoms, strict=True)}
    layers, _ = route_layers(crossings, [(k, geom[k]) for k in ("airside", "sra", "cp")])
    assert all(len(layer) for layer in layers)
    figures = {
        f.id: element_figures(f) for f in layout.features if f.kind in ("barrier", "access_point")
    }
    figures.update({k: (0.0, 0.0, "B") for k in crossings.gaps})
    params = EasiParameters()
    brute = min(_brute_p(r, layers, figures, params) for r in _routes(layers))
    result = analyse_paths(feats, centre=CENTRE)
    assert result.targets[0].p_interruption == pytest.approx(brute, abs=1e-9)


def test_gates_that_close_an_opening_leave_no_way_round_them() -> None:
    # A 6 m opening in the perimeter fence holding a 6 m vehicle gate: the gate is the only
    # way through the opening (as the perimeter_gap rule sees it), so the staffed gate (P 0.8)
    # or the sensor fence (P 0.9) must be crossed: P(I) > 0 (small: the run to the target is
    # short against a 300 s response). A 40 m opening is not closed.
    def layout(opening: float):
        half = opening / 2
        return [
            feature("airside", square(0, 0, 1000, 1000), "airside"),
            feature(
                "barrier",
                shapely_line(
                    *[(500 - half, 0), (0, 0), (0, 1000), (1000, 1000), (1000, 0), (500 + half, 0)]
                ),
                "perimeter",
                intrusion_detection=True,
            ),
            feature("access_point", point(500, 0), "gate", control="staffed", mode="vehicle"),
            feature("sra", square(400, 400, 600, 600), "sra"),
            feature("critical_part", square(450, 450, 550, 550), "cp"),
        ]

    closed = analyse_paths(layout(6.0), centre=CENTRE).targets[0]
    assert closed.p_interruption > 0.05
    assert closed.route[0].feature in ("gate", "perimeter")
    wide = analyse_paths(layout(40.0), centre=CENTRE).targets[0]
    assert wide.route[0].via == "gap" and wide.p_interruption == 0.0


def test_upgrades_of_the_weakest_only_are_those_of_the_full_ranking() -> None:
    # Two targets: an unfenced SRA's critical part, and a fenced SRA's.
    feats = [
        *_airport(p_detect=0.0, delay_s=0.0),
        feature("sra", square(100, 600, 300, 800), "sra-2"),
        fence_around(100, 600, 300, 800, "sra-2-fence", intrusion_detection=True),
        feature("critical_part", square(150, 650, 250, 750), "cp-2", name="Tower"),
    ]
    full = analyse_paths(feats, centre=CENTRE)
    weakest_only = analyse_paths(feats, centre=CENTRE, upgrades="weakest")
    assert len(full.targets) == 2
    assert full.weakest is not None and weakest_only.weakest is not None
    assert weakest_only.weakest.target == full.weakest.target
    assert weakest_only.weakest.upgrades == full.weakest.upgrades != []
    for a, b in zip(full.targets, weakest_only.targets, strict=True):
        assert (a.target, a.p_interruption, a.route) == (b.target, b.p_interruption, b.route)
        assert a.required_response_time_s == b.required_response_time_s
        if b is not weakest_only.weakest:
            assert a.upgrades and not b.upgrades
    assert not any(t.upgrades for t in analyse_paths(feats, centre=CENTRE, upgrades=False).targets)
