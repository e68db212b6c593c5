"""File > Import track in the app: one undoable edit, drawn on the map, counted on PER-01."""

from __future__ import annotations

from pyproj import Geod

from avsec.core.commands import add_feature
from avsec.core.layout import Feature

GEOD = Geod(ellps="WGS84")
LON, LAT = -78.3575, -0.12917  # the fixture airport


def _at(lon: float, lat: float, azimuth: float, metres: float) -> tuple[float, float]:
    x, y, _ = GEOD.fwd(lon, lat, azimuth, metres)
    return (x, y)


def _square_airside(window) -> None:
    """A 500 m square airside with its south-west corner on the airport reference point."""
    sw = (LON, LAT)
    se = _at(LON, LAT, 90, 500)
    nw = _at(LON, LAT, 0, 500)
    ne = _at(*nw, 90, 500)
    ring = [sw, se, ne, nw, sw]
    feature = Feature(
        id="airside", kind="airside", geometry={"type": "Polygon", "coordinates": [ring]}
    )
    assert window.session.push(add_feature(feature))


def _south_walk(path) -> None:
    """A walk 5 m inside the south side, from the west side to the east side."""
    start = _at(LON, LAT, 0, 5)
    points = [_at(*start, 90, 10 * n) for n in range(51)]
    pts = "".join(f'<trkpt lat="{lat:.8f}" lon="{lon:.8f}"/>' for lon, lat in points)
    path.write_text(
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>South fence</name><trkseg>{pts}</trkseg></trk></gpx>"
    )


def test_import_track_is_undoable_and_drawn(opened, tmp_path):
    window = opened
    _square_airside(window)
    gpx = tmp_path / "walk.gpx"
    _south_walk(gpx)
    assert window.files.import_track(gpx)
    session = window.session
    assert [t.name for t in session.doc.tracks] == ["South fence"]
    assert session.undo_stack.undoText() == "Import track walk.gpx"
    window.show_view("map")
    scene = window.workspace.map_editor().scene
    # The track, and the three sides it did not inspect (one dashed line).
    assert len(scene.track_items) == 2
    assert "South fence" in scene.track_items[0].toolTip()
    # 2000 m of boundary less 560 m inspected (hand: 500 m side, 30 m up each other side).
    assert scene.track_items[1].toolTip() == "Not inspected: 1.4 km of the fence"
    session.undo_stack.undo()
    assert session.doc.tracks == []
    assert session.file.tracks() == []
    assert scene.track_items == []
    session.undo_stack.redo()
    assert len(session.file.tracks()) == 1
    assert len(scene.track_items) == 2


def test_perimeter_item_page_shows_the_inspected_share(opened, tmp_path):
    window = opened
    _square_airside(window)
    gpx = tmp_path / "walk.gpx"
    _south_walk(gpx)
    walker = window.workspace.walker
    walker.select_item("PER-01")
    assert walker.page.inspected.isHidden()  # no track yet
    assert window.files.import_track(gpx)
    label = walker.page.inspected
    assert not label.isHidden()
    assert label.text() == "GPS tracks: 0.6 km of 2.0 km inspected (28%)"
    walker.select_item("PER-02")
    assert walker.page.inspected.isHidden()  # not a perimeter-gap item


def test_a_bad_gpx_is_one_dialog_and_stores_nothing(opened, tmp_path, monkeypatch):
    import avsec.gui.dialogs as dialogs

    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, error: shown.append(str(error))
    )
    bad = tmp_path / "broken.gpx"
    bad.write_text("<gpx><trk>")
    assert not opened.files.import_track(bad)
    assert len(shown) == 1 and "broken.gpx" in shown[0]
    assert opened.session.doc.tracks == []
    assert opened.session.undo_stack.count() == 0


def test_the_action_is_in_the_file_menu():
    from avsec.gui.actions import FILE_ACTIONS

    spec = next(a for a in FILE_ACTIONS if a.key == "file.import_track")
    assert spec.menu == "&File" and spec.call.method == "import_track"


def test_the_share_reads_in_spanish_with_its_number_format(opened, tmp_path):
    from avsec.gui.i18n import set_language

    window = opened
    _square_airside(window)
    gpx = tmp_path / "walk.gpx"
    _south_walk(gpx)
    assert window.files.import_track(gpx)
    walker = window.workspace.walker
    walker.select_item("PER-01")
    set_language("es")
    walker.page.refresh_inspected()
    text = walker.page.inspected.text()
    assert text.startswith("Recorridos GPS: 0,6 km de 2,0 km inspeccionados (28")
    assert text.endswith("%)")


def test_the_tracks_layer_hides_them_and_counts_them(opened, tmp_path):
    window = opened
    _square_airside(window)
    window.show_view("map")
    editor = window.workspace.map_editor()
    layers = editor.layers
    assert layers._rows["tracks"].isHidden()  # no walk yet: no row
    gpx = tmp_path / "walk.gpx"
    _south_walk(gpx)
    assert window.files.import_track(gpx)
    assert not layers._rows["tracks"].isHidden()
    assert layers._rows["tracks"].text() == "GPS tracks (1)"
    layers.set_visible("tracks", False)
    assert all(not item.isVisible() for item in editor.scene.track_items)
    window.session.undo_stack.undo()
    window.session.undo_stack.redo()  # redrawn still hidden
    assert editor.scene.track_items and all(
        not item.isVisible() for item in editor.scene.track_items
    )
