"""The report's zone map draws the walked tracks and the fence they did not inspect."""

from __future__ import annotations

from shapely.geometry import LineString

from avsec.core.layout import Feature
from avsec.core.palette import NOT_INSPECTED_COLOUR, TRACK_COLOUR
from avsec.report.figures.airport_map import layout_map
from avsec.report.figures.track_layer import TrackLayer

SQUARE = [(-78.0, 0.0), (-77.99, 0.0), (-77.99, 0.01), (-78.0, 0.01), (-78.0, 0.0)]
AIRSIDE = Feature(id="a", kind="airside", geometry={"type": "Polygon", "coordinates": [SQUARE]})


def _legend(canvas) -> dict[str, str]:
    """Legend label -> its line colour."""
    return {key.label: key.stroke for key in canvas.keys if key.shape == "line"}


def test_tracks_and_the_uninspected_fence_are_drawn_and_keyed():
    walk = [(-77.9999, 0.0001), (-77.9901, 0.0001)]
    unseen = LineString([(-77.99, 0.0), (-77.99, 0.01), (-78.0, 0.01)])
    figure = layout_map([AIRSIDE], [], "en", tracks=TrackLayer([walk], unseen))
    legend = _legend(figure)
    assert legend["GPS track"] == TRACK_COLOUR
    assert legend["Fence not inspected"] == NOT_INSPECTED_COLOUR
    figure_es = layout_map([AIRSIDE], [], "es", tracks=TrackLayer([walk], unseen))
    assert {"Recorrido GPS", "Cerca sin inspeccionar"} <= set(_legend(figure_es))


def test_no_track_no_track_key():
    legend = _legend(layout_map([AIRSIDE], [], "en"))
    assert "GPS track" not in legend and "Fence not inspected" not in legend


def test_the_redacted_edition_leaves_the_tracks_out(make_doc):
    from avsec.core.tracks import Track, TrackPoint
    from avsec.report.redaction import Redaction
    from avsec.report.tracks import inspected_text

    walk = [TrackPoint(lon=-77.9999, lat=0.0001), TrackPoint(lon=-77.9901, lat=0.0001)]
    doc = make_doc(features=[AIRSIDE], tracks=[Track(id="t", name="walk", segments=[walk])])
    assert " km inspected (" in inspected_text(doc, "en")
    redacted = Redaction().apply(doc)
    assert redacted.tracks == []
    assert inspected_text(redacted, "en") == ""
