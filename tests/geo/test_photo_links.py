"""Photo links (avsec.geo.photo_links): the rule, distances checked by hand, the edits."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from avsec.app.editor import Editor
from avsec.app.undo_history import commands_from_journal
from avsec.core.commands import Batch, SetResponse, add_feature
from avsec.core.errors import InputError
from avsec.core.layout import Feature
from avsec.core.review_commands import SetPhoto
from avsec.geo.photo_links import (
    LINK_DISTANCE_M,
    Candidate,
    choose_link,
    feature_candidates,
    geodesic_m,
    link_photo,
)
from avsec.store import AvsecFile
from tests.app.conftest import make_photo
from tests.conftest import raw_sql

# WGS84, written out: the reference the hand computations use (not pyproj's).
A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)


def east_at_equator(metres: float) -> float:
    """Degrees of longitude spanning ``metres`` along the equator: an arc of radius a."""
    return math.degrees(metres / A)


def north_at(lat: float, metres: float) -> float:
    """Degrees of latitude spanning ``metres`` northwards at ``lat``: the meridian's radius
    of curvature M = a(1 - e2) / (1 - e2 sin2 lat)^1.5 (exact enough over tens of metres)."""
    phi = math.radians(lat)
    m = A * (1 - E2) / (1 - E2 * math.sin(phi) ** 2) ** 1.5
    return math.degrees(metres / m)


def test_geodesic_distances_match_the_hand_computation() -> None:
    assert geodesic_m(0.0, 0.0, east_at_equator(25.0), 0.0) == pytest.approx(25.0, abs=1e-6)
    assert geodesic_m(-80.0, 10.0, -80.0, 10.0 + north_at(10.0, 29.0)) == pytest.approx(
        29.0, abs=1e-4
    )
    # At 60 degrees a degree of latitude is longer than at the equator: a flat-earth
    # conversion (111,320 m per degree everywhere) would be off by metres here.
    assert geodesic_m(5.0, 60.0, 5.0, 60.0 + north_at(60.0, 30.0)) == pytest.approx(30.0, abs=1e-4)


NOON = dt.datetime(2025, 3, 12, 12, 0)


def _at(metres_east: float, **kwargs: object) -> Candidate:
    return Candidate(lon=east_at_equator(metres_east), lat=0.0, **kwargs)  # type: ignore[arg-type]


def test_a_feature_links_within_30_m_only() -> None:
    inside = _at(29.5, kind="feature", id="near")
    outside = _at(30.5, kind="feature", id="far")
    assert choose_link(0.0, 0.0, NOON, [outside]) is None
    link = choose_link(0.0, 0.0, NOON, [outside, inside])
    assert link is not None and (link.kind, link.id) == ("feature", "near")
    assert link.distance_m == pytest.approx(29.5, abs=0.05)
    assert LINK_DISTANCE_M == 30.0


def test_the_nearest_feature_wins() -> None:
    link = choose_link(
        0.0, 0.0, None, [_at(20, kind="feature", id="b"), _at(5, kind="feature", id="a")]
    )
    assert link is not None and link.id == "a"


def test_a_test_within_30_m_and_10_minutes_wins_over_a_nearer_feature() -> None:
    test = _at(12, kind="test", id="T1", time=NOON + dt.timedelta(minutes=9))
    feature = _at(2, kind="feature", id="gate")
    link = choose_link(0.0, 0.0, NOON, [feature, test])
    assert link is not None and (link.kind, link.id) == ("test", "T1")


@pytest.mark.parametrize(
    ("minutes", "metres", "taken"),
    [(11, 5, NOON), (-11, 5, NOON), (2, 31, NOON), (0, 5, None)],
)
def test_a_test_too_far_in_time_or_space_leaves_the_feature(
    minutes: int, metres: float, taken: dt.datetime | None
) -> None:
    test = _at(metres, kind="test", id="T1", time=NOON + dt.timedelta(minutes=minutes))
    link = choose_link(0.0, 0.0, taken, [test, _at(8, kind="feature", id="gate")])
    assert link is not None and link.id == "gate"


def test_a_zoned_test_time_is_compared_as_the_wall_clock() -> None:
    aware = NOON.replace(tzinfo=dt.timezone(dt.timedelta(hours=-5))) + dt.timedelta(minutes=4)
    link = choose_link(0.0, 0.0, NOON, [_at(3, kind="test", id="T2", time=aware)])
    assert link is not None and link.id == "T2"


def test_among_equally_near_features_the_most_specific_wins() -> None:
    zone = _at(10.0, kind="feature", id="airside", rank=8)
    fence = _at(10.4, kind="feature", id="fence", rank=1)
    link = choose_link(0.0, 0.0, None, [zone, fence])
    assert link is not None and link.id == "fence"


def _square(half_metres: float, kind: str, fid: str) -> Feature:
    x, y = east_at_equator(half_metres), north_at(0.0, half_metres)
    ring = [[-x, -y], [x, -y], [x, y], [-x, y], [-x, -y]]
    return Feature(id=fid, kind=kind, geometry={"type": "Polygon", "coordinates": [ring]})


def test_features_are_measured_to_their_point_line_or_polygon_edge() -> None:
    # A photo at the centre of a 50 m square zone is 25 m from its edge, not 0 m from it.
    zone = _square(25.0, "sra", "zone")
    line = Feature(
        id="fence",
        kind="barrier",
        geometry={
            "type": "LineString",
            "coordinates": [
                [east_at_equator(-50), north_at(0, 12)],
                [east_at_equator(50), north_at(0, 12)],
            ],
        },
    )
    point = Feature(
        id="gate",
        kind="access_point",
        geometry={"type": "Point", "coordinates": [east_at_equator(40), 0.0]},
    )
    candidates = {c.id: c for c in feature_candidates([zone, line, point], 0.0, 0.0)}
    measured = {k: geodesic_m(0.0, 0.0, c.lon, c.lat) for k, c in candidates.items()}
    assert measured["zone"] == pytest.approx(25.0, abs=0.01)
    assert measured["fence"] == pytest.approx(12.0, abs=0.01)
    assert measured["gate"] == pytest.approx(40.0, abs=0.01)
    link = link_photo(0.0, 0.0, NOON, [zone, line, point])
    assert link is not None and (link.id, link.distance_m) == ("fence", 12.0)


def test_a_far_feature_or_a_photo_without_gps_links_to_nothing() -> None:
    far = Feature(
        id="far", kind="access_point", geometry={"type": "Point", "coordinates": [1.0, 1.0]}
    )
    assert feature_candidates([far], 0.0, 0.0) == []
    assert link_photo(None, None, NOON, [far]) is None


@dataclass
class _Test:
    id: str
    at: str
    when: dt.datetime | None


def test_a_test_stands_at_its_access_point() -> None:
    gate = Feature(
        id="gate",
        kind="access_point",
        geometry={"type": "Point", "coordinates": [east_at_equator(6), 0.0]},
    )
    tests = [_Test("T1", "gate", NOON), _Test("T2", "gate", NOON + dt.timedelta(hours=2))]
    link = link_photo(0.0, 0.0, NOON + dt.timedelta(minutes=3), [gate], tests)
    assert link is not None and (link.kind, link.id) == ("test", "T1")
    later = link_photo(0.0, 0.0, NOON + dt.timedelta(minutes=50), [gate], tests)
    assert later is not None and (later.kind, later.id) == ("feature", "gate")


# --- in the file -------------------------------------------------------------------------


@pytest.fixture
def editor(new_file: AvsecFile) -> Editor:
    editor = Editor(new_file)
    lon, lat = -80.0, 10.0
    gate = Feature(
        id="gate-1",
        kind="access_point",
        geometry={"type": "Point", "coordinates": [lon, lat + north_at(lat, 15.0)]},
        properties={"name": "Gate 1"},
    )
    editor.apply(add_feature(gate))
    return editor


def test_adding_a_photo_with_gps_links_it_in_the_same_undo_step(
    editor: Editor, tmp_path: Path
) -> None:
    photo = make_photo(tmp_path / "gate.jpg", lon=-80.0, lat=10.0)
    attachment_id, command = editor.attach_photo("ACP-01", photo)
    assert isinstance(command, Batch) and command.describe() == "Add photo to ACP-01"
    editor.apply(command)
    link = editor.file.attachment_info(attachment_id).link
    assert link is not None and (link.kind, link.id) == ("feature", "gate-1")
    assert link.distance_m == pytest.approx(15.0, abs=0.2)  # EXIF keeps 4 decimals of seconds
    assert not link.by_hand
    editor.revert(command)
    assert editor.file.attachment_info(attachment_id).link is None
    assert editor.doc.responses.get("ACP-01") is None


def test_a_photo_far_from_everything_or_without_gps_is_not_linked(
    editor: Editor, tmp_path: Path
) -> None:
    far = make_photo(tmp_path / "far.jpg", lon=-80.0, lat=10.01)
    _, command = editor.attach_photo("ACP-01", far)
    assert isinstance(command, SetResponse)
    none = make_photo(tmp_path / "none.jpg", colour="blue")
    _, command = editor.attach_photo("ACP-01", none)
    assert isinstance(command, SetResponse)


def test_the_inspector_changes_the_link_by_hand_undoably(editor: Editor, tmp_path: Path) -> None:
    other = Feature(
        id="fence-9",
        kind="barrier",
        geometry={"type": "LineString", "coordinates": [[-80.1, 10.1], [-80.1, 10.2]]},
    )
    editor.apply(add_feature(other))
    attachment_id, command = editor.attach_photo(
        "ACP-01", make_photo(tmp_path / "g.jpg", lon=-80.0, lat=10.0)
    )
    editor.apply(command)
    relink = editor.link_edit(attachment_id, "feature", "fence-9")
    assert isinstance(relink, SetPhoto)
    assert relink.describe() == "Link photo g.jpg to fence-9"
    editor.apply(relink)
    link = editor.file.attachment_info(attachment_id).link
    assert link is not None and (link.id, link.by_hand, link.distance_m) == ("fence-9", True, None)
    assert editor.file.changes()[-1]["what"] == f"photo:{attachment_id}"
    unlink = editor.link_edit(attachment_id, None)
    assert unlink is not None and unlink.describe() == "Unlink photo g.jpg"
    editor.apply(unlink)
    assert editor.file.attachment_info(attachment_id).link is None
    assert editor.link_edit(attachment_id, None) is None
    # The last edits come back as undoable commands after reopening.
    restored = commands_from_journal(editor.file.changes(), editor.file.document())
    assert [type(c) for c in restored[-2:]] == [SetPhoto, SetPhoto]
    editor.revert(unlink)
    editor.revert(relink)
    assert editor.file.attachment_info(attachment_id).link.id == "gate-1"


def test_linking_to_what_the_file_does_not_hold_is_refused(editor: Editor, tmp_path: Path) -> None:
    attachment_id, command = editor.attach_photo(
        "ACP-01", make_photo(tmp_path / "g.jpg", lon=-80.0, lat=10.0)
    )
    editor.apply(command)
    with pytest.raises(InputError, match="nope"):
        editor.link_edit(attachment_id, "feature", "nope")
    with pytest.raises(InputError, match="T9"):
        editor.link_edit(attachment_id, "test", "T9")


def test_the_link_is_an_entry_an_older_avsec_never_reads(editor: Editor, tmp_path: Path) -> None:
    """An older avsec builds a photo from its row and its ``photo:`` entry only (it refuses
    unknown fields there): the link lives in an entry of its own."""
    attachment_id, command = editor.attach_photo(
        "ACP-01", make_photo(tmp_path / "g.jpg", lon=-80.0, lat=10.0)
    )
    editor.apply(command)
    keys = [k for (k,) in raw_sql(editor.file, "SELECT key FROM extras ORDER BY key")]
    assert f"photo-link:{attachment_id}" in keys
    assert f"photo:{attachment_id}" not in keys  # no caption or markup: no edit entry
    editor.apply(editor.photo_edit(attachment_id, caption="Gate 1 from the road"))
    (edit,) = raw_sql(
        editor.file, "SELECT json FROM extras WHERE key = ?", (f"photo:{attachment_id}",)
    )
    assert "link" not in edit[0]


def test_a_photo_taken_during_a_recorded_access_test_links_to_the_test(
    editor: Editor, tmp_path: Path
) -> None:
    from avsec.core.access_test_edit import SetAccessTest
    from avsec.core.access_tests import AccessTest

    when = dt.datetime(2025, 3, 12, 10, 10)  # the photo's EXIF time is 10:14:59
    test = AccessTest(id="t-1", at="gate-1", when=when, method="tailgating", result="not_stopped")
    editor.apply(SetAccessTest("t-1", None, test))
    late = AccessTest(
        id="t-2",
        at="gate-1",
        when=when - dt.timedelta(hours=1),
        method="no_badge",
        result="stopped",
    )
    editor.apply(SetAccessTest("t-2", None, late))
    attachment_id, command = editor.attach_photo(
        "ACP-01", make_photo(tmp_path / "t.jpg", lon=-80.0, lat=10.0)
    )
    editor.apply(command)
    link = editor.file.attachment_info(attachment_id).link
    assert link is not None and (link.kind, link.id) == ("test", "t-1")
