"""check_geometry: what a layout geometry must be, and the repair of self-intersections."""

from __future__ import annotations

import math

import pytest

from avsec.geo.validate import GeometryProblem, check_geometry

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
