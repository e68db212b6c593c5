"""The visit narrative in the app: on the item page and as a map layer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from avsec.core import palette
from avsec.store import AvsecFile

LON, LAT = -78.3575, -0.12917  # the fixture airport

OBSERVATIONS = [
    {
        "id": "OBS-01",
        "place": "North fence",
        "text": {
            "en": "The fence fabric is cut behind the cargo shed.",
            "es": "La malla de la cerca está cortada detrás de la terminal de carga.",
        },
        "location": [LON, LAT],
        "features": [],
        "items": ["PER-01", "PER-02"],
    },
    {
        "id": "OBS-02",
        "place": "North fence",
        "text": {"en": "The gate guard checks no pass.", "es": "El guardia no revisa pases."},
        "location": [LON, LAT],
        "features": [],
        "items": ["ACP-01"],
    },
    {
        "id": "OBS-03",
        "place": "Security office",
        "text": {"en": "The patrol log has gaps.", "es": "El registro de patrullas tiene huecos."},
        "location": None,
        "features": [],
        "items": ["PER-01"],
    },
]


@pytest.fixture
def visit_path(assessment_path):
    """The fixture assessment with a visit narrative, as the training airport carries it."""
    with AvsecFile.open(assessment_path) as f:
        f.set_extra("observations", OBSERVATIONS)
    return assessment_path


@pytest.fixture
def visit(window, visit_path):
    assert window.open_file(visit_path)
    return window


def _map(window):
    window.show_view("map")
    editor = window.workspace.map_editor()
    editor.view.resize(800, 600)
    editor.view.fitInView(-300, -300, 600, 600)
    return editor


def test_the_item_page_lists_the_observations_of_the_item(qtbot, visit):
    page = visit.workspace.walker.page
    visit.workspace.walker.select_item("PER-01")
    assert page.shown_observations() == ["OBS-01", "OBS-03"]
    text = page.observations.text()
    assert "North fence" in text and "cut behind the cargo shed" in text
    assert "Security office" in text and "patrol log" in text
    assert "guard" not in text  # OBS-02 is about ACP-01
    assert text.count("Show on map") == 1  # OBS-03 has no place on the map
    assert page.observations.isVisibleTo(page) and page.observations_heading.isVisibleTo(page)
    assert page.observations_heading.text() == "OBSERVATIONS FROM THE VISIT"

    visit.workspace.walker.select_item("ACP-02")
    assert page.shown_observations() == []
    assert not page.observations.isVisibleTo(page)
    assert not page.observations_heading.isVisibleTo(page)


def test_the_item_page_shows_the_text_in_the_current_language(qtbot, visit):
    visit.apply_language("es")
    page = visit.workspace.walker.page
    visit.workspace.walker.select_item("PER-02")
    assert "malla de la cerca" in page.observations.text()
    assert "Ubicar en el mapa" in page.observations.text()
    assert page.observations_heading.text() == "OBSERVACIONES DE LA VISITA"


def test_show_on_map_selects_the_observation(qtbot, visit):
    visit.workspace.walker.select_item("PER-01")
    visit.workspace.walker.page.observations.linkActivated.emit("OBS-01")
    assert visit.workspace.current_view() == "map"
    editor = visit.workspace.map_editor()
    assert editor.scene.selected_observation == "OBS-01"
    assert editor.observations.current_observation() == "OBS-01"
    assert editor.side_tabs.currentWidget() is editor.observations
    assert editor.scene.observation_items["OBS-01"].highlighted


def test_the_map_has_an_observations_layer(qtbot, visit):
    editor = _map(visit)
    scene = editor.scene
    assert sorted(scene.observation_items) == ["OBS-01", "OBS-02"]  # OBS-03 has no location
    marker = scene.observation_items["OBS-01"]
    assert marker.colour.name() == palette.OBSERVATION_COLOUR
    assert marker.marker_shape == "square" and marker.text == "O1"
    assert "cut behind the cargo shed" in marker.toolTip()
    assert "PER-01" in marker.toolTip()
    assert scene.count_by_layer()["observations"] == 2
    rows = [editor.layers.item(i) for i in range(editor.layers.count())]
    row = next(r for r in rows if r.text().startswith("Observations"))
    assert row.text() == "Observations (2)" and not row.isHidden()
    # Two observations at one spot fan out: both can be seen and clicked.
    other = scene.observation_items["OBS-02"]
    assert marker.pos() == other.pos() and marker.offset != other.offset
    editor.layers.set_visible("observations", False)
    assert not marker.isVisible() and not other.isVisible()
    editor.layers.set_visible("observations", True)
    assert marker.isVisible()


def test_clicking_an_observation_shows_its_text_and_links_to_its_items(qtbot, visit):
    editor = _map(visit)
    editor.set_tool("select")
    marker = editor.scene.observation_items["OBS-02"]
    drawn_at = editor.view.mapFromScene(marker.pos()) + QPoint(
        round(marker.offset.x()), round(marker.offset.y())
    )
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=drawn_at)
    assert editor.scene.selected_observation == "OBS-02"
    assert editor.side_tabs.currentWidget() is editor.observations
    details = editor.observations.details.text()
    assert "gate guard checks no pass" in details
    assert 'href="ACP-01"' in details
    editor.observations.details.linkActivated.emit("ACP-01")
    assert visit.workspace.current_view() == "walker"
    assert visit.workspace.walker.current_item_id() == "ACP-01"


def test_the_observations_list_selects_on_the_map(qtbot, visit):
    editor = _map(visit)
    panel = editor.observations
    assert panel.list.count() == 3
    assert panel.list.item(2).text() == "O3. Security office"
    panel.list.setCurrentRow(0)
    assert editor.scene.selected_observation == "OBS-01"
    assert "cut behind the cargo shed" in panel.details.text()
    panel.list.setCurrentRow(2)  # no location: read, but nothing to highlight
    assert editor.scene.selected_observation == ""
    assert "patrol log" in panel.details.text()


def test_an_assessment_without_a_narrative_shows_no_observations(qtbot, opened):
    editor = _map(opened)
    assert editor.scene.observation_items == {}
    rows = [editor.layers.item(i) for i in range(editor.layers.count())]
    assert next(r for r in rows if r.text().startswith("Observations")).isHidden()
    assert not editor.side_tabs.isTabVisible(1)
    page = opened.workspace.walker.page
    assert not page.observations.isVisibleTo(page)


def test_findings_are_picked_before_observations_at_the_same_spot(qtbot, visit):
    from avsec.core.findings import Finding

    editor = _map(visit)
    finding = Finding(
        rule="perimeter_gap",
        severity="critical",
        value=12.0,
        unit="m",
        location=(LON, LAT),
        geometry={"type": "Point", "coordinates": [LON, LAT]},
        items=["PER-01"],
    )
    visit.session.set_findings([finding])
    layer, key = editor.view.pick(
        editor.view.mapFromScene(editor.scene.finding_items[finding.id].pos())
    )
    assert (layer, key) == ("finding", finding.id)
