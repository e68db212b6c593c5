"""The map's import shows its warnings, and asks about a far layer, in the app's language."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

LON, LAT = -78.3575, -0.12917  # the fixture airport


def _boxes(editor) -> list[QMessageBox]:
    return [w for w in editor.findChildren(QMessageBox) if w.objectName() == "error-box"]


def test_osm_import_warnings_are_shown_in_spanish(qtbot, opened, tmp_path) -> None:
    from avsec.gui.i18n import set_language

    set_language("es")
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    ring = [
        [LON, LAT],
        [LON + 0.002, LAT],
        [LON + 0.002, LAT + 0.002],
        [LON, LAT + 0.002],
        [LON, LAT],
    ]
    features = [
        {
            "type": "Feature",
            "id": "way/1",
            "geometry": {"type": "Polygon", "coordinates": [ring]},
            "properties": {"aeroway": "aerodrome"},
        },
        {
            "type": "Feature",
            "id": "node/2",
            "geometry": {"type": "Point", "coordinates": [LON + 0.001, LAT + 0.001]},
            "properties": {"aeroway": "parking_position"},
        },
    ]
    path = tmp_path / "osm.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    assert editor.import_layout(path, source="osm", mode="add") == 1
    boxes = _boxes(editor)
    assert boxes, "no warning box"
    assert boxes[-1].text() == (
        "osm.geojson: se omitió 1 elemento, aeroway=parking_position: un puesto de "
        "estacionamiento de aeronaves, no forma parte del control de acceso "
        "(elemento 1 (id node/2))"
    )


def test_a_far_layer_is_asked_about_in_french(qtbot, opened, tmp_path, monkeypatch) -> None:
    from avsec.gui import dialogs
    from avsec.gui.i18n import set_language

    set_language("fr")
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    asked: list[str] = []

    def confirm(parent, title, text, *args, **kwargs) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(dialogs, "confirm", confirm)
    x, y = LON + 3.0, LAT  # about 330 km east
    ring = [[x, y], [x + 0.002, y], [x + 0.002, y + 0.002], [x, y + 0.002], [x, y]]
    feature = {
        "type": "Feature",
        "id": "b",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {"kind": "building"},
    }
    path = tmp_path / "loin.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), "utf-8")
    assert editor.import_layout(path, mode="add") == 0
    assert len(asked) == 1
    assert (
        "loin.geojson : le centre de la couche est à 334 km de l'aéroport SEQM ; vérifiez le fichier"
        in asked[0]
    )
