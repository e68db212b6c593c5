"""The walked track goes with the narrative into an exercise; the training walk's file."""

from __future__ import annotations

from pathlib import Path

from avsec.core.track_edit import add_tracks
from avsec.core.tracks import Track, TrackPoint
from avsec.store import AvsecFile


def test_an_exercise_keeps_the_keys_tracks(key_file: Path, tmp_path: Path) -> None:
    from avsec.workshop.pack import pack_exercise

    walk = [TrackPoint(lon=-80.0, lat=10.0001), TrackPoint(lon=-79.995, lat=10.0001)]
    track = Track(id="t1", name="North fence walk", source="walk.gpx", segments=[walk])
    with AvsecFile.open(key_file) as f:
        f.apply(add_tracks([], [track], "walk.gpx"))
    exercise = pack_exercise(key_file, tmp_path / "ex.avsec")
    with AvsecFile.open(exercise) as ex:
        assert ex.tracks() == [track]


def test_the_training_walk_reads_as_a_gpx_with_times() -> None:
    from avsec.io.gpx import read_gpx
    from avsec.workshop.training import TRACK_FILE, training_path

    with training_path(TRACK_FILE) as path:
        (track,) = read_gpx(path)
    assert track.name == "Perimeter walk"
    # About 3.9 km walked at one fix every 10 m, each fix timed.
    assert 380 <= track.point_count() <= 400
    assert all(p.time is not None for s in track.segments for p in s)
