"""check_geometry: what a layout geometry must be, and the repair of self-intersections."""

from __future__ import annotations

import math
import re

import pytest

from avsec.geo.validate import DegenerateGeometry, GeometryProblem, check_geometry

SQUARE = [[[-80, 10], [-79.99, 10], [-79.99, 10.01], [-80, 10.01], [-80, 10]]]
BOWTIE = [[[-80, 10], [-79.99, 10.01], [-79.99, 10], [-80, 10.01], [-80, 10]]]


def test_valid_geometry_is_returned_unchanged() -> None:
    geometry = {"type": "Polygon", "coordinates": SQUARE}
    checked = check_geometry(geometry, "airside")
    assert checked.geometry is geometry and checked.warnings == []


@pytest.mark.parametrize(
    ("geometry", "kind", "message"),
    [
        (None, "airside", "no geometry"),
        ({"type": "Polygon", "coordinates": []}, "airside", "empty Polygon"),
        ({"type": "Polygon"}, "airside", "empty Polygon"),
        (
            {"type": "Point", "coordinates": [-80, 10]},
            "barrier",
            "kind barrier needs LineString or MultiLineString, not Point",
        ),
        (
            {"type": "LineString", "coordinates": [[-80, 10], [-79, 10]]},
            "access_point",
            "needs Point",
        ),
        ({"type": "GeometryCollection", "geometries": []}, None, "GeometryCollection"),
        ({"type": "Circle", "coordinates": [0, 0]}, None, "unknown geometry type"),
        ({"type": "Point", "coordinates": [-200, 10]}, None, "outside WGS84"),
        ({"type": "Point", "coordinates": [-80, 95]}, None, "swapped"),
        ({"type": "Point", "coordinates": [10, 120]}, None, "swapped"),
        ({"type": "Point", "coordinates": [512345.6, 6543210.9]}, None, "projected metres"),
        ({"type": "Point", "coordinates": ["-80", 10]}, None, "non-number"),
        ({"type": "Point", "coordinates": [-80, math.inf]}, None, "non-finite"),
        ({"type": "Point", "coordinates": [-80]}, None, "[lon, lat]"),
        ({"type": "LineString", "coordinates": [[-80, 10]]}, None, "malformed LineString"),
        ({"type": "Polygon", "coordinates": [[[-80, 10], [-79, 10], [-80, 10]]]}, None, "no area"),
        (
            {"type": "Polygon", "coordinates": [[[-80, 10], [-79, 10], [-78, 10], [-80, 10]]]},
            None,
            "no area",
        ),
        ({"type": "Polygon", "coordinates": "abc"}, None, "must be a list"),
    ],
)
def test_unusable_geometries_are_refused(geometry, kind, message) -> None:
    with pytest.raises(GeometryProblem, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_geometry(geometry, kind)


def test_self_intersecting_polygon_is_repaired_into_parts() -> None:
    checked = check_geometry({"type": "Polygon", "coordinates": BOWTIE}, "airside")
    assert checked.geometry["type"] == "MultiPolygon"
    assert len(checked.geometry["coordinates"]) == 2
    assert "Self-intersection" in checked.warnings[0] and "make_valid" in checked.warnings[0]


def test_repair_keeps_the_largest_part_where_only_a_polygon_fits() -> None:
    uneven = [[[-80, 10], [-79.98, 10.01], [-79.98, 10], [-80, 10.002], [-80, 10]]]
    checked = check_geometry({"type": "Polygon", "coordinates": uneven}, "obstacle")
    assert checked.geometry["type"] == "Polygon"
    assert "kept the largest part" in checked.warnings[0]


def test_unknown_kind_takes_any_geometry() -> None:
    assert (
        check_geometry({"type": "MultiPoint", "coordinates": [[-80, 10]]}, "runway").warnings == []
    )


def test_third_coordinate_is_allowed() -> None:
    assert (
        check_geometry({"type": "Point", "coordinates": [-80, 10, 12.5]}, "access_point").warnings
        == []
    )


# --- degenerate geometries: zero length and zero area, within 1 cm -------------------------

#: About 0.5 cm and 2 cm east at latitude 10.
HALF_CM = 0.005 / (111_195.08 * math.cos(math.radians(10)))
TWO_CM = 4 * HALF_CM


@pytest.mark.parametrize(
    ("geometry", "kind", "message"),
    [
        (
            {"type": "LineString", "coordinates": [[-80, 10], [-80, 10]]},
            "barrier",
            "the LineString has zero length: all its points lie within 1 cm of its first point",
        ),
        (
            {
                "type": "LineString",
                "coordinates": [[-80, 10], [-80 + HALF_CM, 10], [-80, 10 + HALF_CM / 2]],
            },
            "road",
            "zero length",
        ),
        (
            {
                "type": "MultiLineString",
                "coordinates": [[[-80, 10], [-79.99, 10]], [[-79, 10], [-79, 10]]],
            },
            "barrier",
            "part 1 of the MultiLineString has zero length",
        ),
        ({"type": "LineString", "coordinates": [[-80, 10], [-80, 10]]}, None, "zero length"),
        (
            {
                "type": "Polygon",
                "coordinates": [[[-80, 10], [-79.99, 10], [-79.99, 10 + HALF_CM / 4], [-80, 10]]],
            },
            "airside",
            "the Polygon has no area (it is thinner than 1 cm)",
        ),
        (
            {
                "type": "MultiPolygon",
                "coordinates": [
                    SQUARE,
                    [[[-79, 10], [-79 + HALF_CM, 10], [-79 + HALF_CM, 10 + HALF_CM], [-79, 10]]],
                ],
            },
            "sra",
            "part 1 of the MultiPolygon has no area",
        ),
        (
            {"type": "Polygon", "coordinates": [[[-80, 10], [-80, 10], [-80, 10], [-80, 10]]]},
            "building",
            "no area",
        ),
    ],
)
def test_degenerate_geometries_are_refused(geometry, kind, message) -> None:
    with pytest.raises(DegenerateGeometry, match=re.escape(message)):
        check_geometry(geometry, kind)


def test_degenerate_is_a_geometry_problem() -> None:
    assert issubclass(DegenerateGeometry, GeometryProblem)


def test_short_but_real_geometries_are_accepted() -> None:
    post = {"type": "LineString", "coordinates": [[-80, 10], [-80 + TWO_CM, 10]]}
    assert check_geometry(post, "barrier").warnings == []
    pole = [
        [[-80, 10], [-80 + TWO_CM, 10], [-80 + TWO_CM, 10 + TWO_CM], [-80, 10 + TWO_CM], [-80, 10]]
    ]
    assert check_geometry({"type": "Polygon", "coordinates": pole}, "obstacle").warnings == []


def test_repair_drops_slivers_and_refuses_what_is_left_of_nothing() -> None:
    # A bow tie whose second lobe is a sliver: the repair keeps the real lobe only.
    lobed = [[[-80, 10], [-79.99, 10.01], [-79.99, 10], [-80, 10 + HALF_CM / 10], [-80, 10]]]
    checked = check_geometry({"type": "Polygon", "coordinates": lobed}, "airside")
    assert checked.geometry["type"] == "Polygon"
    assert "make_valid" in checked.warnings[0] and "parts" not in checked.warnings[0]
    flat = [[[-80, 10], [-79, 10], [-78, 10], [-80, 10]]]
    with pytest.raises(DegenerateGeometry, match="no area left after repair"):
        check_geometry({"type": "Polygon", "coordinates": flat}, "airside")


def test_bounds_of_the_positions_read() -> None:
    checked = check_geometry({"type": "Polygon", "coordinates": SQUARE}, "airside")
    assert checked.bounds == (-80, 10, -79.99, 10.01)


def test_line_extent_and_polygon_width_in_metres() -> None:
    from shapely.geometry import LineString, Polygon

    from avsec.geo.validate import line_extent_m, polygon_width_m

    metre = 1 / 111_195.08
    assert line_extent_m(LineString([(0, 0), (0, 3 * metre), (0, metre)])) == pytest.approx(3)
    strip = Polygon([(0, 0), (0, 100 * metre), (2 * metre, 100 * metre), (2 * metre, 0)])
    assert polygon_width_m(strip) == pytest.approx(2 * 200 / 204, rel=1e-6)
