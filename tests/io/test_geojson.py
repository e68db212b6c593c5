"""GeoJSON layouts: round trip, and every kind of bad input named by file and feature."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from avsec.core.errors import InputError
from avsec.core.layout import Feature, feature_collection
from avsec.io.geojson import MAX_LAYOUT_BYTES, Reference, read_layout, write_geojson
from tests.geo.builders import training_field

SQUARE = [[[-80, 10], [-79.99, 10], [-79.99, 10.01], [-80, 10.01], [-80, 10]]]


def write(tmp_path: Path, data, name: str = "layout.geojson") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def collection(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def item(kind: str | None, geometry: dict | None, fid: str | int | None = None, **props) -> dict:
    properties = dict(props)
    if kind is not None:
        properties["kind"] = kind
    out = {"type": "Feature", "geometry": geometry, "properties": properties}
    if fid is not None:
        out["id"] = fid
    return out


AIRSIDE = {"type": "Polygon", "coordinates": SQUARE}
POINT = {"type": "Point", "coordinates": [-79.995, 10.005]}
LINE = {"type": "LineString", "coordinates": [[-80, 10], [-79.99, 10]]}


# --- round trip ---------------------------------------------------------------------------


def test_round_trip_keeps_every_feature_id_and_property(tmp_path: Path) -> None:
    features = training_field()
    features[0].properties.update(
        {
            "surveyed_by": "Equipo Norte",
            "notes": {"en": "north", "es": "norte"},
            "tags": [1, 2],
            "empty": None,
        }
    )
    path = tmp_path / "out.geojson"
    assert write_geojson(features, path, marking="RESTRICTED") == len(features)
    loaded = read_layout(path)
    assert loaded.warnings == []
    assert [f.model_dump() for f in loaded.features] == [f.model_dump() for f in features]
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["type"] == "FeatureCollection" and raw["handling_marking"] == "RESTRICTED"
    assert raw["features"][0]["properties"]["kind"] == "airside"
    assert raw["features"][0]["id"] == "air"
    # A second round trip writes the same bytes.
    again = tmp_path / "again.geojson"
    write_geojson(loaded.features, again, marking="RESTRICTED")
    assert again.read_bytes() == path.read_bytes()


def test_round_trip_keeps_unicode(tmp_path: Path) -> None:
    feature = Feature(
        id="ñ-1", kind="building", geometry=AIRSIDE, properties={"name": "Terminal «Kodaň» 空港"}
    )
    path = tmp_path / "u.geojson"
    write_geojson([feature], path)
    assert read_layout(path).features[0] == feature
    assert "空港" in path.read_text(encoding="utf-8")


def test_ids_numbers_become_strings_and_missing_ids_are_made(tmp_path: Path) -> None:
    path = write(tmp_path, collection(item("airside", AIRSIDE, 7), item("access_point", POINT)))
    features = read_layout(path).features
    assert features[0].id == "7"
    assert features[1].id.startswith("f-")


def test_single_feature_document(tmp_path: Path) -> None:
    path = write(tmp_path, item("airside", AIRSIDE, "a"))
    assert [f.id for f in read_layout(path).features] == ["a"]


def test_write_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "out.geojson"
    write_geojson(training_field(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.geojson"]


def test_wgs84_crs_member_is_accepted(tmp_path: Path) -> None:
    data = collection(item("airside", AIRSIDE, "a"))
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    assert len(read_layout(write(tmp_path, data)).features) == 1


# --- repairs and warnings (kept) ----------------------------------------------------------


def test_self_intersecting_polygon_is_repaired_with_a_warning(tmp_path: Path) -> None:
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[-80, 10], [-79.99, 10.01], [-79.99, 10], [-80, 10.01], [-80, 10]]],
    }
    result = read_layout(
        write(tmp_path, collection(item("airside", AIRSIDE, "ok"), item("sra", bowtie, "bow")))
    )
    assert result.features[1].geometry["type"] == "MultiPolygon"
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("layout.geojson: feature 1 (id bow): invalid polygon")
    assert "make_valid" in result.warnings[0]


def test_unknown_kinds_are_kept_with_a_warning(tmp_path: Path) -> None:
    data = collection(
        item("runway", LINE, "r1"), item("runway", LINE, "r2"), item("airside", AIRSIDE, "a")
    )
    result = read_layout(write(tmp_path, data))
    assert [f.kind for f in result.features] == ["runway", "runway", "airside"]
    assert (
        result.warnings[0]
        == "layout.geojson: feature 0 (id r1): unknown kind 'runway'; kept, but the rules ignore it"
    )
    assert "2 features of unknown kind 'runway'" in result.warnings[-1]


def test_odd_property_values_are_kept_with_a_warning(tmp_path: Path) -> None:
    data = collection(
        item("barrier", LINE, "b", height_m="tall", topping="glass"),
        item("access_point", POINT, "g", control="sometimes"),
    )
    result = read_layout(write(tmp_path, data))
    assert result.features[0].properties == {"height_m": "tall", "topping": "glass"}
    text = "\n".join(result.warnings)
    assert "feature 0 (id b): height_m 'tall' is not a height in metres" in text
    assert "topping 'glass' is not one of none, barbed_wire, razor_wire" in text
    assert "feature 1 (id g): control 'sometimes'" in text


# --- bad input: InputError naming the file and the feature --------------------------------


@pytest.mark.parametrize(
    ("feature", "expected"),
    [
        (
            item("access_point", {"type": "Point", "coordinates": [-80, 95]}, "g1"),
            "feature 1 (id g1): coordinate (-80, 95)",
        ),
        (
            item("access_point", {"type": "Point", "coordinates": [-200, 10]}, "g1"),
            "outside WGS84 ranges",
        ),
        (
            item("access_point", {"type": "Point", "coordinates": [512345.5, 181234.0]}, "g1"),
            "feature 1 (id g1): coordinate (512346, 181234) looks like projected metres",
        ),
        (
            item("airside", {"type": "Polygon", "coordinates": []}, "z"),
            "feature 1 (id z): empty Polygon",
        ),
        (item("airside", None, "z"), "feature 1 (id z): has no geometry"),
        (
            item("barrier", POINT, "b"),
            "feature 1 (id b): kind barrier needs LineString or MultiLineString, not Point",
        ),
        (item("airside", LINE, "z"), "kind airside needs Polygon or MultiPolygon, not LineString"),
        (item(None, POINT, "x", barrier="gate"), "feature 1 (id x): no properties.kind"),
        (item("", POINT, "x"), "no properties.kind"),
        (item("airside", AIRSIDE, "a"), "feature 1 (id a): the id is already used by feature 0"),
        (
            {"type": "Feature", "geometry": POINT, "properties": ["kind"]},
            "feature 1: properties must be an object",
        ),
        ({"type": "Thing"}, "feature 1: not a GeoJSON Feature"),
    ],
)
def test_bad_features_are_refused(tmp_path: Path, feature: dict, expected: str) -> None:
    path = write(tmp_path, collection(item("airside", AIRSIDE, "a"), feature))
    with pytest.raises(InputError) as error:
        read_layout(path)
    message = str(error.value)
    assert message.startswith("layout.geojson: ")
    assert expected in message


def test_osm_data_without_kind_gets_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, collection(item(None, POINT, "node/1", barrier="gate")))
    with pytest.raises(InputError, match="--from osm"):
        read_layout(path)


def test_projected_crs_declared_is_refused(tmp_path: Path) -> None:
    data = collection(item("airside", AIRSIDE, "a"))
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    with pytest.raises(
        InputError,
        match=r"layout.geojson: declares the coordinate system urn:ogc:def:crs:EPSG::27700",
    ):
        read_layout(write(tmp_path, data))


def test_non_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.geojson"
    text = json.dumps(
        collection(item("building", AIRSIDE, "b", name="Aérogare")), ensure_ascii=False
    )
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.geojson: not UTF-8 text \(byte \d+, line 1\)"):
        read_layout(path)


def test_truncated_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.geojson"
    text = json.dumps(collection(item("airside", AIRSIDE, "a"), item("access_point", POINT, "g")))
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(
        InputError, match=r"cut.geojson: not valid JSON at line 1, column \d+: .*truncated"
    ):
        read_layout(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"[1, 2]", "not a GeoJSON object"),
        (b'{"type": "Polygon", "coordinates": []}', "GeoJSON type 'Polygon' found"),
        (b'{"type": "FeatureCollection", "features": []}', "holds no features"),
        (b'{"type": "FeatureCollection"}', "has no features list"),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": "access_point"}, '
            b'"geometry": {"type": "Point", "coordinates": [NaN, 10]}}]}',
            "NaN is not a number JSON allows",
        ),
        (b"[" * 100_000, "nested too deeply"),
    ],
)
def test_bad_documents_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.geojson"
    path.write_bytes(content)
    with pytest.raises(InputError, match="bad.geojson: ") as error:
        read_layout(path)
    assert expected in str(error.value)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, collection(item("airside", AIRSIDE, "a")))
    with pytest.raises(InputError, match=r"layout.geojson: .* larger than the .* limit"):
        read_layout(path, max_bytes=100)
    assert MAX_LAYOUT_BYTES >= 32 * 2**20


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_layout(tmp_path / "nope.geojson")


def test_unknown_source(tmp_path: Path) -> None:
    path = write(tmp_path, collection(item("airside", AIRSIDE, "a")))
    with pytest.raises(InputError, match="unknown layout source"):
        read_layout(path, "shapefile")  # type: ignore[arg-type]


def test_feature_collection_helper_matches_writer(tmp_path: Path) -> None:
    features = training_field()
    path = tmp_path / "x.geojson"
    write_geojson(features, path)
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(
        json.dumps(feature_collection(features))
    )


def test_unwritable_values_are_refused_before_writing(tmp_path: Path) -> None:
    feature = Feature(id="b", kind="barrier", geometry=LINE, properties={"height_m": float("nan")})
    with pytest.raises(InputError, match="out.geojson: the layout holds a value JSON cannot store"):
        write_geojson([feature], tmp_path / "out.geojson")
    assert list(tmp_path.iterdir()) == []


# --- degenerate geometries: refused like empty ones, naming the file and the feature --------


@pytest.mark.parametrize(
    ("feature", "expected"),
    [
        (
            item("barrier", {"type": "LineString", "coordinates": [[-80, 10], [-80, 10]]}, "b"),
            "feature 1 (id b): the LineString has zero length",
        ),
        (
            item(
                "road",
                {"type": "LineString", "coordinates": [[-80, 10], [-80.00000002, 10.00000003]]},
            ),
            "feature 1: the LineString has zero length",
        ),
        (
            item(
                "building",
                {
                    "type": "Polygon",
                    "coordinates": [[[-80, 10], [-79.99, 10], [-79.99, 10.00000001], [-80, 10]]],
                },
                7,
            ),
            "feature 1 (id 7): the Polygon has no area",
        ),
    ],
)
def test_degenerate_features_are_refused(tmp_path: Path, feature: dict, expected: str) -> None:
    path = write(tmp_path, collection(item("airside", AIRSIDE, "a"), feature))
    with pytest.raises(InputError) as error:
        read_layout(path)
    assert str(error.value).startswith(f"layout.geojson: {expected}")


# --- where the layer lies: swapped lon/lat refused, far layers warned about ------------------

#: Toncontín (MHTG), and a layer around it.
MHTG = Reference(-87.2169, 14.0608, "MHTG")


def _square_at(lon: float, lat: float) -> dict:
    d = 0.005
    ring = [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def _swapped(geometry: dict) -> dict:
    return {
        "type": geometry["type"],
        "coordinates": [[[lat, lon] for lon, lat in ring] for ring in geometry["coordinates"]],
    }


def test_layer_at_the_airport_reads_quietly(tmp_path: Path) -> None:
    path = write(tmp_path, collection(item("airside", _square_at(-87.22, 14.06), "a")))
    layout = read_layout(path, reference=MHTG)
    assert layout.warnings == [] and len(layout.features) == 1
    assert layout.bounds == pytest.approx((-87.22, 14.06, -87.215, 14.065))


def test_lat_lon_layer_is_refused_in_one_line(tmp_path: Path) -> None:
    swapped = _swapped(_square_at(-87.22, 14.06))
    path = write(tmp_path, collection(item("airside", swapped, "a")), "swapped.geojson")
    with pytest.raises(InputError) as error:
        read_layout(path, reference=MHTG)
    message = str(error.value)
    assert message.startswith(
        "swapped.geojson: coordinates look like lat,lon; GeoJSON is lon,lat (RFC 7946)"
    )
    assert "MHTG" in message and "\n" not in message
    # Without a reference point there is nothing to compare with.
    assert len(read_layout(path).features) == 1


def test_far_layer_is_read_with_a_warning(tmp_path: Path) -> None:
    # San Pedro Sula, 172 km away: an off-site facility, or the wrong file.
    path = write(tmp_path, collection(item("airside", _square_at(-87.92, 15.45), "a")))
    layout = read_layout(path, reference=MHTG)
    assert len(layout.features) == 1
    assert layout.warnings == [
        "layout.geojson: layer centre is 172 km from the airport MHTG; check the file"
    ]


def test_far_ok_skips_the_position_check(tmp_path: Path) -> None:
    swapped = write(tmp_path, collection(item("airside", _swapped(_square_at(-87.22, 14.06)))))
    assert read_layout(swapped, reference=MHTG, far_ok=True).warnings == []
    far = write(tmp_path, collection(item("airside", _square_at(-87.92, 15.45))), "far.geojson")
    assert read_layout(far, reference=MHTG, far_ok=True).warnings == []


def test_longitudes_beyond_90_cannot_be_swapped(tmp_path: Path) -> None:
    # A layer at Manila (lon 121): lon 121 cannot be a latitude. Taken as one anyway it would
    # be 59° N on the far meridian, right at this reference point in the Bering Sea.
    bering = Reference(-165.4975, 59.0025, "PABE")
    path = write(tmp_path, collection(item("airside", _square_at(121.0, 14.5))))
    assert "km from the airport PABE" in read_layout(path, reference=bering).warnings[0]


def test_position_of_a_layout_without_bounds_comes_from_its_features() -> None:
    from avsec.io.geojson import LayoutImport, check_position

    feature = Feature(kind="airside", geometry=_swapped(_square_at(-87.22, 14.06)))
    with pytest.raises(InputError, match="look like lat,lon"):
        check_position(LayoutImport([feature]), "hand.geojson", MHTG)
    assert check_position(LayoutImport([]), "empty.geojson", MHTG) == []


def test_reference_for_an_airport() -> None:
    from avsec.core.assessment import Airport

    airport = Airport(icao="", iata="TGU", name="Toncontín", lat=14.06, lon=-87.22)
    assert Reference.for_airport(airport) == Reference(-87.22, 14.06, "TGU")
