"""The training airport supports a route-analysis exercise: one route is clearly weak."""

from __future__ import annotations

from avsec.geo.paths import analyse_paths
from avsec.workshop.training import load_layout, load_scenario


def test_one_route_is_clearly_weak() -> None:
    airport = load_scenario().airport
    result = analyse_paths(load_layout(), centre=(airport.lon, airport.lat))
    by_target = {t.target: t for t in result.targets}
    assert set(by_target) == {"zz-cp-lounge", "zz-cp-bus", "zz-sra-cargo"}
    weakest = result.weakest
    assert weakest is not None and weakest.target == "zz-sra-cargo"
    # In through the cut east fence, nobody sees it: no detection anywhere on the route.
    assert weakest.p_interruption is not None and weakest.p_interruption < 0.01
    assert weakest.route[0].feature == "zz-fence-east-north"
    # The two critical parts are far better protected (alarmed doors, screening).
    for target in ("zz-cp-lounge", "zz-cp-bus"):
        assert (by_target[target].p_interruption or 0) > 0.2
