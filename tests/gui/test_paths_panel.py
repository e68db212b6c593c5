"""The Paths panel: weakest route, colour band, route on the map, staleness after an edit."""

from __future__ import annotations

import pytest

from avsec.core.commands import change_feature
from avsec.geo.projection import LocalProjection
from avsec.store import AvsecFile
from tests.geo.builders import feature, point, square

LON, LAT = -78.3575, -0.12917  # the fixture airport


def _layout():
    projection = LocalProjection(LON, LAT)
    parts = [
        ("airside", square(-500, -500, 500, 500), "airside", {}),
        ("barrier", square(-500, -500, 500, 500).exterior, "perimeter", {"barrier": "fence"}),
        ("access_point", point(0, -500), "gate", {"control": "uncontrolled", "name": "South"}),
        ("sra", square(-100, -100, 100, 100), "sra", {}),
        ("critical_part", square(-50, -50, 50, 50), "cp", {"name": "Vault"}),
    ]
    return [feature(k, g, fid, projection=projection, **p) for k, g, fid, p in parts]


@pytest.fixture
def editor(window, assessment_path):
    with AvsecFile.open(assessment_path) as f:
        for feat in _layout():
            f.write_feature(feat.id, feat)
    assert window.open_file(assessment_path)
    window.show_view("map")
    return window.workspace.map_editor()


def test_run_shows_the_weakest_route(qtbot, editor) -> None:
    panel = editor.paths
    assert panel.run()
    assert panel.targets.count() == 1 and panel.targets.currentText() == "Vault"
    target = panel.current_target()
    assert target is not None and target["p_interruption"] == 0.0
    # Red band below 0.5; the route drawn on the map as one arrowed line.
    assert "#c62828" in panel.band.styleSheet() and "0.00" in panel.band.text()
    assert panel.route_item is not None and panel.route_item.scene() is editor.scene
    assert panel.elements.count() == len(target["route"])
    assert "South" in panel.elements.item(0).text()
    assert panel.upgrades.count() >= 1 and "lock the access point" in panel.upgrades.item(0).text()


def test_editing_a_gate_marks_the_routes_stale(qtbot, editor) -> None:
    panel = editor.paths
    assert panel.run()
    doc = editor.session.doc
    gate = doc.feature("gate")
    changed = gate.model_copy(update={"properties": {**gate.properties, "p_detect": 0.9}})
    assert editor.session.push(change_feature(doc, changed))
    assert panel.stale and "out of date" in panel.summary.text()
    assert panel.run() and not panel.stale


def test_refused_layout_says_why(qtbot, window, assessment_path) -> None:
    assert window.open_file(assessment_path)
    window.show_view("map")
    panel = window.workspace.map_editor().paths
    assert not panel.run()
    assert "no airside zone" in panel.summary.text()


def test_trainer_sees_the_teams_estimates(qtbot, assessment_path, tmp_path) -> None:
    import shutil
    from types import SimpleNamespace

    from PySide6.QtWidgets import QTabWidget

    from avsec.gui.paths_panel import add_estimates_tab, route_estimates
    from avsec.store import AvsecFile

    with AvsecFile.open(assessment_path) as f:
        for feat in _layout():
            f.write_feature(feat.id, feat)
        key = f.assessment
    team_path = tmp_path / "team.avsec"
    shutil.copy(assessment_path, team_path)
    team = SimpleNamespace(name="Norte", path=team_path)
    comparison = SimpleNamespace(key_path=assessment_path, key=key, teams=[team])
    tabs = QTabWidget()
    add_estimates_tab(tabs, comparison)
    assert tabs.count() == 0  # nobody recorded an estimate: no tab
    with AvsecFile.open(team_path) as f:
        cp = next(x for x in f.features() if x.id == "cp")
        props = {**cp.properties, "p_interruption_estimate": "0,4"}
        f.write_feature("cp", cp.model_copy(update={"properties": props}))
    headers, rows = route_estimates(comparison)
    assert headers[1:] == ["Computed P(I)", "Norte"]
    assert rows == [["Vault", "0.00", "0.40"]]
    add_estimates_tab(tabs, comparison)
    assert tabs.count() == 1 and tabs.tabText(0) == "Route estimates"
