"""Reading a layout's geometries in one conversion gives what shapely's ``shape`` reads."""

from __future__ import annotations

import shapely
from shapely.geometry import shape

from avsec.core.layout import Feature
from avsec.geo.prepared import parse_geometries

SQUARE = [[0.0, 0.0], [0.001, 0.0], [0.001, 0.001], [0.0, 0.001], [0.0, 0.0]]
HOLE = [[0.0002, 0.0002], [0.0004, 0.0002], [0.0004, 0.0004], [0.0002, 0.0002]]

#: Clean geometries (read in the one conversion) and others (read one by one), mixed.
GEOMETRIES = [
    {"type": "Point", "coordinates": [1.5, 2.5]},
    {"type": "LineString", "coordinates": [[0, 0], [1, 1], [2, 0]]},
    {"type": "Polygon", "coordinates": [SQUARE]},
    {"type": "Polygon", "coordinates": [SQUARE, HOLE]},
    {"type": "Point", "coordinates": [3.0, 4.0, 100.0]},  # a z
    {"type": "LineString", "coordinates": [[0, 0, 5], [1, 1, 6]]},
    {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},  # not closed
    {"type": "MultiPoint", "coordinates": [[0, 0], [1, 1]]},
    {"type": "LineString", "coordinates": [(5, 6), (7, 8)]},
    {"type": "Point", "coordinates": [7, 8]},
]


def _features(geometries: list[dict]) -> list[Feature]:
    return [Feature(id=f"f{n}", kind="barrier", geometry=g) for n, g in enumerate(geometries)]


def _reference(geometry: dict) -> object:
    try:
        return shapely.force_2d(shape(geometry))
    except Exception:  # noqa: BLE001 - the reference only says that it fails
        return None


def test_each_geometry_as_shape_reads_it() -> None:
    parsed = parse_geometries(_features(GEOMETRIES))
    assert len(parsed) == len(GEOMETRIES)
    for geometry, got in zip(GEOMETRIES, parsed, strict=True):
        expected = _reference(geometry)
        if expected is None or (geometry["type"] == "Polygon" and not expected.is_valid):
            # shapely refuses an unclosed ring: the reason is kept, not a geometry
            assert isinstance(got, str) or not got.equals(expected), geometry
            continue
        assert shapely.force_2d(got).wkb == expected.wkb, geometry


def test_a_coordinate_that_is_no_number_is_named_alone() -> None:
    bad = {"type": "LineString", "coordinates": [[0, 0], ["east", 1]]}
    nan = {"type": "Point", "coordinates": [float("nan"), 1.0]}
    parsed = parse_geometries(_features([GEOMETRIES[0], bad, GEOMETRIES[2], nan]))
    assert shapely.force_2d(parsed[0]).wkb == _reference(GEOMETRIES[0]).wkb
    assert isinstance(parsed[1], str)
    assert shapely.force_2d(parsed[2]).wkb == _reference(GEOMETRIES[2]).wkb
    # A NaN point is read as shape reads it (the analysis leaves it out as empty or invalid).
    assert isinstance(parsed[3], str) or parsed[3].wkb == shape(nan).wkb


def test_clean_geometries_are_read_in_the_one_conversion() -> None:
    from avsec.geo.coordinates import clean_arrays

    clean = clean_arrays(GEOMETRIES)
    assert clean is not None
    assert clean.points == [0, 9] and clean.lines == [1, 8] and clean.polygons == [2, 3]
    assert clean.others == [4, 5, 6, 7]
    assert clean.point_xy.tolist() == [[1.5, 2.5], [7.0, 8.0]]
    assert clean.line_counts.tolist() == [3, 2] and clean.ring_counts.tolist() == [5, 5, 4]
    assert clean.polygon_rings.tolist() == [1, 2]
