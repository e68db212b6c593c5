"""EXIF reading of photos and background-image placement (avsec.app.photos, avsec.app.georef)."""

from __future__ import annotations

import datetime as dt

import pytest

from avsec.app.georef import (
    affine_from_points,
    apply,
    check_control_points,
    control_points_from_world_file,
    parse_world_file,
    similarity_from_two_points,
    world_file_for,
)
from avsec.app.photos import capture_time, gps_position, read_photo
from avsec.core.errors import InputError
from tests.app.conftest import make_photo


def test_exif_time_and_gps(tmp_path):
    photo = read_photo(make_photo(tmp_path / "a.jpg", lon=-78.3575, lat=-0.12917))
    assert photo.mime == "image/jpeg" and photo.filename == "a.jpg"
    assert photo.taken == dt.datetime(2025, 3, 12, 10, 14, 59)
    assert photo.lat == pytest.approx(-0.12917, abs=1e-5) and photo.lon == pytest.approx(
        -78.3575, abs=1e-5
    )


def test_a_photo_without_exif(tmp_path):
    photo = read_photo(make_photo(tmp_path / "plain.jpg", when=None))
    assert photo.taken is None and photo.lon is None and photo.lat is None


def test_png_photos_are_accepted(tmp_path):
    from PIL import Image

    path = tmp_path / "screen.png"
    Image.new("RGB", (20, 10), "blue").save(path)
    assert read_photo(path).mime == "image/png"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "not a photo"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00 truncated", "photo"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", ""),
    ],
)
def test_hostile_files_are_refused_with_their_name(tmp_path, content, message):
    path = tmp_path / "evil.jpg"
    path.write_bytes(content)
    with pytest.raises(InputError, match="evil.jpg"):
        read_photo(path)


def test_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="gone.jpg"):
        read_photo(tmp_path / "gone.jpg")


def test_gps_values_that_cannot_be_trusted():
    assert gps_position({}) is None
    assert gps_position({1: "N", 2: (0, 0, 0), 3: "E", 4: (0, 0, 0)}) is None  # no fix
    assert gps_position({1: "N", 2: (95, 0, 0), 3: "E", 4: (10, 0, 0)}) is None
    assert gps_position({1: "N", 2: ("x", 0, 0), 3: "E", 4: (10, 0, 0)}) is None
    assert gps_position(
        {1: b"S", 2: ((1, 2), (30, 1), (0, 1)), 3: b"W", 4: (78, 30, 0)}
    ) == pytest.approx((-78.5, -1.0))
    assert capture_time("2024:13:45 99:00:00") is None and capture_time(None) is None


WORLD = "0.00001\n0\n0\n-0.00001\n-78.36\n-0.12\n"


def test_world_file_parsing_and_corners(tmp_path):
    image = tmp_path / "Ortho.PNG"
    image.write_bytes(b"")
    (tmp_path / "ortho.pgw").write_text(WORLD)
    assert world_file_for(image).name == "ortho.pgw"
    numbers = parse_world_file(WORLD)
    control = control_points_from_world_file(numbers, 100, 50)
    assert control[1] == pytest.approx((100, 0, -78.359, -0.12))
    assert control[2] == pytest.approx((0, 50, -78.36, -0.1205))


@pytest.mark.parametrize(
    "text, message",
    [
        ("1\n2\n3", "six lines"),
        ("a\n0\n0\n-1\n0\n0", "not a number"),
        ("0\n0\n0\n0\n0\n0", "pixel size is zero"),
        ("0.5\n0\n0\n-0.5\n780000\n9985000", "two reference points"),
        ("nan\n0\n0\n-1\n0\n0", "finite"),
    ],
)
def test_bad_world_files(text, message):
    with pytest.raises(InputError, match=message):
        parse_world_file(text, "x.pgw")


def test_affine_and_similarity():
    transform = affine_from_points([(0, 0), (10, 0), (0, 10)], [(5, 5), (25, 5), (5, 25)])
    assert apply(transform, 10, 10) == pytest.approx((25, 25))
    with pytest.raises(InputError, match="one line"):
        affine_from_points([(0, 0), (1, 1), (2, 2)], [(0, 0), (1, 1), (2, 2)])
    rotation = similarity_from_two_points([(0, 0), (10, 0)], [(0, 0), (0, 20)])
    assert apply(rotation, 10, 0) == pytest.approx((0, 20))
    assert apply(rotation, 0, 10) == pytest.approx((-20, 0))
    with pytest.raises(InputError):
        similarity_from_two_points([(1, 1), (1, 1)], [(0, 0), (1, 1)])


def test_stored_control_points_are_checked():
    assert check_control_points([[0, 0, 1, 2], [1, 0, 1, 2], [0, 1, 1, 2]])[0] == (0, 0, 1, 2)
    for bad in (None, [], [[0, 0, 1]] * 3, [[0, 0, 1, float("inf")]] * 3, "abc"):
        with pytest.raises((InputError, TypeError, ValueError)):
            check_control_points(bad)


def test_world_file_placement_reads_the_file_next_to_the_image(tmp_path):
    from avsec.app.georef import world_file_placement

    image = tmp_path / "plan.jpg"
    image.write_bytes(b"")
    assert world_file_placement(image, 100, 50) is None
    (tmp_path / "plan.jgw").write_text(WORLD)
    # Hand computation: lon = 0.00001 * col - 78.36, lat = -0.00001 * row - 0.12.
    assert world_file_placement(image, 100, 50) == [
        pytest.approx((0, 0, -78.36, -0.12)),
        pytest.approx((100, 0, -78.359, -0.12)),
        pytest.approx((0, 50, -78.36, -0.1205)),
    ]
    (tmp_path / "plan.jgw").write_text("1\n2\n3")
    with pytest.raises(InputError, match="plan.jgw"):
        world_file_placement(image, 100, 50)


def test_two_reference_points_give_a_third_square_to_them():
    from pyproj import Geod

    from avsec.app.georef import control_from_two_points
    from avsec.app.map_geometry import MapProjection

    # Two points 100 px apart along the image's top edge, placed on the map 0.001° of
    # longitude apart at the equator: the third point, 100 px down the image, must lie
    # south of the first by the same ground distance (the image is not sheared or flipped).
    points = [(0.0, 0.0, 30.0, 0.0), (100.0, 0.0, 30.001, 0.0)]
    control = control_from_two_points(points, MapProjection(30.0, 0.0))
    assert control[:2] == points
    col, row, lon, lat = control[2]
    assert (col, row) == (0.0, 100.0)
    geod = Geod(ellps="WGS84")
    _, _, across = geod.inv(30.0, 0.0, 30.001, 0.0)
    azimuth, _, down = geod.inv(30.0, 0.0, lon, lat)
    assert down == pytest.approx(across, rel=1e-3)
    assert abs(abs(azimuth) - 180) < 0.1  # due south
    with pytest.raises(InputError, match="different places"):
        control_from_two_points([points[0], points[0]], MapProjection(30.0, 0.0))
