"""``avsec track import``: GPX 1.0/1.1, several tracks and segments, and every refusal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pyproj import Geod

from avsec.core.tracks import MAX_TRACK_POINTS
from avsec.io import gpx as gpx_module
from avsec.store import AvsecFile

GEOD = Geod(ellps="WGS84")


def _airport(path: Path) -> tuple[float, float]:
    with AvsecFile.open(path) as f:
        return f.assessment.airport.lon, f.assessment.airport.lat


def _walk(lon: float, lat: float, east_m: float, count: int) -> list[tuple[float, float]]:
    """``count`` fixes walking east from (lon, lat), ``east_m`` metres apart."""
    out = []
    for n in range(count):
        x, y, _ = GEOD.fwd(lon, lat, 90, n * east_m)
        out.append((x, y))
    return out


def gpx11(tracks: dict[str, list[list[tuple[float, float]]]], start: dt.datetime) -> str:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">',
    ]
    second = 0
    for name, segments in tracks.items():
        parts.append(f"<trk><name>{name}</name>")
        for segment in segments:
            parts.append("<trkseg>")
            for lon, lat in segment:
                when = (start + dt.timedelta(seconds=second)).strftime("%Y-%m-%dT%H:%M:%SZ")
                parts.append(f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><time>{when}</time></trkpt>')
                second += 10
            parts.append("</trkseg>")
        parts.append("</trk>")
    parts.append("</gpx>")
    return "\n".join(parts)


def gpx10(points: list[tuple[float, float]]) -> str:
    pts = "".join(
        f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>1000</ele></trkpt>' for lon, lat in points
    )
    return (
        '<?xml version="1.0"?><gpx version="1.0" creator="old handheld" '
        'xmlns="http://www.topografix.com/GPX/1/0"><time>2026-01-01T00:00:00Z</time>'
        f"<trk><trkseg>{pts}</trkseg></trk></gpx>"
    )


START = dt.datetime(2026, 3, 2, 14, 0, tzinfo=dt.UTC)


def test_import_keeps_tracks_segments_and_times(run, mini_file, tmp_path):
    lon, lat = _airport(mini_file)
    a = _walk(lon, lat, 10, 5)
    b = _walk(lon + 0.001, lat, 10, 3)
    c = _walk(lon, lat + 0.001, 10, 4)
    path = tmp_path / "walk.gpx"
    path.write_text(gpx11({"North fence": [a, b], "South fence": [c]}, START))
    code, out, err = run("track", "import", mini_file, path)
    assert code == 0, err
    assert "North fence" in out and "South fence" in out
    with AvsecFile.open(mini_file) as f:
        tracks = f.tracks()
        journal = [c["what"] for c in f.changes()]
    assert [t.name for t in tracks] == ["North fence", "South fence"]
    assert [len(s) for s in tracks[0].segments] == [5, 3]
    assert tracks[0].source == "walk.gpx"
    assert tracks[0].segments[0][0].lon == pytest.approx(a[0][0], abs=1e-7)
    # Times in order, ten seconds apart, as written (UTC).
    assert tracks[0].segments[0][0].time == START
    assert tracks[1].segments[0][1].time == START + dt.timedelta(seconds=90)
    assert "tracks" in journal


def test_gpx_10_without_times_and_the_name_option(run, mini_file, tmp_path):
    lon, lat = _airport(mini_file)
    path = tmp_path / "old.gpx"
    path.write_text(gpx10(_walk(lon, lat, 20, 6)))
    code, _, err = run("track", "import", mini_file, path, "--name", "Morning round")
    assert code == 0, err
    with AvsecFile.open(mini_file) as f:
        (track,) = f.tracks()
    assert track.name == "Morning round"
    assert track.point_count() == 6
    assert track.started() is None


def test_import_is_undoable(run, mini_file, tmp_path):
    from avsec.io.gpx import track_import

    lon, lat = _airport(mini_file)
    path = tmp_path / "w.gpx"
    path.write_text(gpx10(_walk(lon, lat, 20, 3)))
    with AvsecFile.open(mini_file) as f:
        command = track_import(f.assessment, f.tracks(), path)
        assert command.describe() == "Import track w.gpx"
        f.apply(command)
        assert len(f.tracks()) == 1
        f.revert(command)
        assert f.tracks() == []
        f.apply(command)
        assert len(f.tracks()) == 1


def _refused(run, mini_file, path: Path, words: str) -> None:
    with AvsecFile.open(mini_file) as f:
        before = len(f.changes())
    code, out, err = run("track", "import", mini_file, path)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert path.name in lines[0] and words in lines[0], lines[0]
    with AvsecFile.open(mini_file) as f:
        assert f.tracks() == []
        assert len(f.changes()) == before


def test_a_track_far_from_the_airport_is_refused(run, mini_file, tmp_path):
    lon, lat = _airport(mini_file)
    x, y, _ = GEOD.fwd(lon, lat, 0, 51_000)  # 51 km north
    path = tmp_path / "far.gpx"
    path.write_text(gpx10([(lon, lat), (x, y)]))
    _refused(run, mini_file, path, "51 km")


def test_a_track_just_inside_50_km_is_taken(run, mini_file, tmp_path):
    lon, lat = _airport(mini_file)
    x, y, _ = GEOD.fwd(lon, lat, 0, 49_000)
    path = tmp_path / "near.gpx"
    path.write_text(gpx10([(lon, lat), (x, y)]))
    code, _, err = run("track", "import", mini_file, path)
    assert code == 0, err


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("<gpx><trk><trkseg><trkpt lat='1' lon='2'></trkseg></gpx>", "malformed"),
        ("<kml/>", "not a GPX"),
        ('<gpx version="1.1"></gpx>', "no track"),
        (
            '<gpx version="1.1"><trk><trkseg><trkpt lat="14" lon="-87"/></trkseg></trk></gpx>',
            "no track",
        ),
        ('<gpx version="1.1"><trk><trkseg><trkpt lat="x" lon="-87"/></trkseg></trk></gpx>', "GPX"),
    ],
)
def test_empty_or_malformed_gpx_is_one_line(run, mini_file, tmp_path, text, words):
    path = tmp_path / "bad.gpx"
    path.write_text(text)
    _refused(run, mini_file, path, words)


def test_entities_are_refused_before_parsing(run, mini_file, tmp_path):
    path = tmp_path / "bomb.gpx"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<gpx version="1.1"><trk><name>&b;</name><trkseg>'
        '<trkpt lat="14" lon="-87"/><trkpt lat="14.001" lon="-87"/></trkseg></trk></gpx>'
    )
    _refused(run, mini_file, path, "unsafe XML")


def test_a_huge_file_is_refused_by_its_size_before_reading(run, mini_file, tmp_path, monkeypatch):
    monkeypatch.setattr(gpx_module, "MAX_GPX_BYTES", 1000)
    path = tmp_path / "huge.gpx"
    path.write_text("<gpx>" + " " * 2000 + "</gpx>")

    def no_read(self: Path) -> bytes:
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    _refused(run, mini_file, path, "too large")


def test_too_many_points_are_refused(run, mini_file, tmp_path, monkeypatch):
    lon, lat = _airport(mini_file)
    monkeypatch.setattr(gpx_module, "MAX_TRACK_POINTS", 10)
    path = tmp_path / "long.gpx"
    path.write_text(gpx10(_walk(lon, lat, 5, 11)))
    _refused(run, mini_file, path, "too many track points")


def test_the_file_limit_counts_the_tracks_already_stored(run, mini_file, tmp_path, monkeypatch):
    lon, lat = _airport(mini_file)
    path = tmp_path / "one.gpx"
    path.write_text(gpx10(_walk(lon, lat, 5, 8)))
    assert run("track", "import", mini_file, path)[0] == 0
    monkeypatch.setattr(gpx_module, "MAX_TRACK_POINTS", 12)
    second = tmp_path / "two.gpx"
    second.write_text(gpx10(_walk(lon, lat, 5, 8)))
    code, _, err = run("track", "import", mini_file, second)
    assert code != 0 and "16 track points" in err
    with AvsecFile.open(mini_file) as f:
        assert len(f.tracks()) == 1
    assert MAX_TRACK_POINTS >= 100_000


def test_analyze_json_reports_the_inspected_perimeter_only_with_tracks(run, mini_file, tmp_path):
    import json

    lon, lat = _airport(mini_file)
    sw = (lon, lat)
    se = GEOD.fwd(lon, lat, 90, 500)[:2]
    nw = GEOD.fwd(lon, lat, 0, 500)[:2]
    ne = GEOD.fwd(nw[0], nw[1], 90, 500)[:2]
    layout = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"kind": "airside"},
                "geometry": {"type": "Polygon", "coordinates": [[sw, se, ne, nw, sw]]},
            }
        ],
    }
    geojson = tmp_path / "layout.geojson"
    geojson.write_text(json.dumps(layout))
    assert run("layout", "import", mini_file, geojson)[0] == 0
    code, out, err = run("analyze", mini_file, "--json")
    assert code == 0, err
    assert "perimeter_inspected_m" not in json.loads(out)["metrics"]
    # A walk along the south side, 5 m inside, from the west side to the east side: the
    # whole south side (500 m) and, up each of the others, from the corner to 5 + 25 m.
    start = GEOD.fwd(lon, lat, 0, 5)[:2]
    path = tmp_path / "south.gpx"
    path.write_text(gpx10(_walk(start[0], start[1], 10, 51)))
    assert run("track", "import", mini_file, path)[0] == 0
    code, out, err = run("analyze", mini_file, "--json")
    assert code == 0, err
    metrics = json.loads(out)["metrics"]
    assert metrics["perimeter_inspected_m"] == pytest.approx(500 + 30 + 30, abs=1)
    assert metrics["perimeter_inspected_share"] == pytest.approx(560 / 2000, abs=1e-3)
    assert "GPS tracks: 560 m of the perimeter inspected (28 %)" in run("analyze", mini_file)[1]
    code, _, err = run("edit", mini_file, "--param", "track_buffer_m=2")
    assert code == 0, err
    metrics = json.loads(run("analyze", mini_file, "--json")[1])["metrics"]
    # 2 m: the south side is out of reach; up the west and east sides, 3 m to 7 m.
    assert metrics["perimeter_inspected_m"] == pytest.approx(4 + 4, abs=0.5)


def test_the_demo_walk_covers_most_but_not_all_of_the_fence(run, tmp_path):
    import json

    out = tmp_path / "demo"
    code, _, err = run("demo", "--out", out, "--no-gui")
    assert code == 0, err
    (key,) = out.glob("*.avsec")
    metrics = json.loads(run("analyze", key, "--json")[1])["metrics"]
    # assets/training/README.md: a 2000 m by 500 m airside; the walk leaves 700 m of north
    # fence and 300 m of west fence, less the buffer's reach from its ends 8 m inside
    # (sqrt(25² - 8²) = 23.7 m at each end).
    reach = (25**2 - 8**2) ** 0.5
    assert metrics["perimeter_inspected_m"] == pytest.approx(5000 - 1000 + 2 * reach, abs=1)
    assert 0.75 < metrics["perimeter_inspected_share"] < 0.85
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(out / "report.pdf").pages)
    assert "4.0 km of 5.0 km inspected (81%)" in " ".join(text.split())


def test_name_numbers_the_tracks_of_a_file_holding_several(run, mini_file, tmp_path):
    lon, lat = _airport(mini_file)
    path = tmp_path / "two.gpx"
    path.write_text(gpx11({"a": [_walk(lon, lat, 10, 3)], "b": [_walk(lon, lat, 10, 4)]}, START))
    code, _, err = run("track", "import", mini_file, path, "--name", "Day 2")
    assert code == 0, err
    with AvsecFile.open(mini_file) as f:
        assert [t.name for t in f.tracks()] == ["Day 2 1", "Day 2 2"]
