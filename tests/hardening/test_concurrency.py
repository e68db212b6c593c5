"""Issue 15 item 7: concurrent writers lose nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from avsec.core.actions import Action
from avsec.core.assessment import Response
from avsec.core.commands import Batch, SetAction, SetAssessment, SetFeature, SetResponse
from avsec.core.layout import Feature
from avsec.store import AvsecFile
from avsec.store.stale import StaleEdit

NOW = dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.UTC)


def test_an_edit_built_on_a_stale_response_is_refused(mini_file):
    with (
        AvsecFile.open(mini_file, user="a") as first,
        AvsecFile.open(mini_file, user="b") as second,
    ):
        seen_by_first = first.response("PER-01")
        seen_by_second = second.response("PER-01")
        second.apply(
            SetResponse(
                "PER-01",
                seen_by_second,
                Response(item_id="PER-01", status="not_compliant", notes="by b", updated=NOW),
            )
        )
        stale = SetResponse(
            "PER-01",
            seen_by_first,
            Response(item_id="PER-01", status="compliant", notes="by a", updated=NOW),
        )
        with pytest.raises(StaleEdit, match="PER-01 changed in another program"):
            first.apply(stale)
    with AvsecFile.open(mini_file) as f:
        assert f.response("PER-01").notes == "by b"
        assert [c["who"] for c in f.changes()][-1] == "b"


def test_a_stale_header_edit_is_refused(mini_file):
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        header_a, header_b = first.assessment, second.assessment
        second.apply(SetAssessment(header_b, header_b.model_copy(update={"title": "B"})))
        with pytest.raises(StaleEdit, match="assessment"):
            first.apply(SetAssessment(header_a, header_a.model_copy(update={"title": "A"})))
    with AvsecFile.open(mini_file) as f:
        assert f.assessment.title == "B"


def test_undo_over_another_programs_change_is_refused(mini_file):
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        before = first.response("PER-01")
        mine = SetResponse(
            "PER-01",
            before,
            Response(item_id="PER-01", status="compliant", notes="mine", updated=NOW),
        )
        first.apply(mine)
        current = second.response("PER-01")
        second.apply(
            SetResponse(
                "PER-01",
                current,
                Response(item_id="PER-01", status="not_compliant", notes="theirs", updated=NOW),
            )
        )
        with pytest.raises(StaleEdit):
            first.revert(mine)
    with AvsecFile.open(mini_file) as f:
        assert f.response("PER-01").notes == "theirs"


def test_two_racing_clis_never_build_on_stale_state(mini_file):
    # Two processes change the title at the same time. Every edit that succeeds must start
    # from the state the previous one left: the journal forms one unbroken chain.
    import os
    import subprocess
    import sys

    from tests.hardening.conftest import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    script = (
        "import sys\n"
        "from avsec.cli import main\n"
        "for n in range(6):\n"
        "    main(['edit', sys.argv[1], '--title', sys.argv[2] + str(n)])\n"
    )
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(mini_file), name],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    errors = [racer.communicate(timeout=180)[1] for racer in racers]
    assert all("Traceback" not in e for e in errors)
    with AvsecFile.open(mini_file) as f:
        edits = [c for c in f.changes() if c["what"] == "assessment"]
        final = f.assessment.title
    assert edits, errors
    for previous, current in zip(edits, edits[1:], strict=False):
        assert current["before"]["title"] == previous["after"]["title"]
    assert edits[-1]["after"]["title"] == final
    refused = sum(e.count("changed in another program") for e in errors)
    assert len(edits) + refused == 12


# --- additions (a record the edit expects to be absent) ---------------------------------------


def _answer(item_id: str, notes: str) -> Response:
    return Response(item_id=item_id, status="compliant", notes=notes, updated=NOW)


def test_two_first_answers_to_the_same_item_keep_the_first(mini_file):
    with AvsecFile.open(mini_file, user="a") as first, AvsecFile.open(mini_file, user="b") as two:
        assert first.response("PER-02") is None and two.response("PER-02") is None
        two.apply(SetResponse("PER-02", None, _answer("PER-02", "by b")))
        with pytest.raises(StaleEdit, match="response PER-02 was added in another program"):
            first.apply(SetResponse("PER-02", None, _answer("PER-02", "by a")))
    with AvsecFile.open(mini_file) as f:
        assert f.response("PER-02").notes == "by b"
        assert [c["who"] for c in f.changes() if c["what"] == "response:PER-02"] == ["b"]


def _gate(fid: str, name: str) -> Feature:
    geometry = {"type": "Point", "coordinates": [-87.22, 14.06]}
    return Feature(id=fid, kind="access_point", geometry=geometry, properties={"name": name})


def test_two_additions_of_a_feature_with_the_same_id_keep_the_first(mini_file):
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        second.apply(SetFeature("gate-1", None, _gate("gate-1", "B's gate")))
        with pytest.raises(StaleEdit, match="feature gate-1 was added"):
            first.apply(SetFeature("gate-1", None, _gate("gate-1", "A's gate")))
    with AvsecFile.open(mini_file) as f:
        assert [x.name for x in f.features()] == ["B's gate"]


def test_two_additions_of_an_action_with_the_same_id_keep_the_first(mini_file):
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        second.apply(SetAction("a-1", None, Action(id="a-1", title="B", horizon="short")))
        with pytest.raises(StaleEdit, match="action a-1 was added"):
            first.apply(SetAction("a-1", None, Action(id="a-1", title="A", horizon="short")))
    with AvsecFile.open(mini_file) as f:
        assert [a.title for a in f.actions()] == ["B"]


def test_undoing_a_deletion_over_another_programs_addition_is_refused(mini_file):
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        first.apply(SetFeature("gate-1", None, _gate("gate-1", "old")))
        deletion = SetFeature("gate-1", first.features()[0], None)
        first.apply(deletion)
        second.apply(SetFeature("gate-1", None, _gate("gate-1", "re-added by b")))
        with pytest.raises(StaleEdit, match="feature gate-1 was added"):
            first.revert(deletion)
    with AvsecFile.open(mini_file) as f:
        assert [x.name for x in f.features()] == ["re-added by b"]


def test_a_batch_adding_records_is_refused_whole(mini_file):
    # responses import of two new items, one of which another program answered meanwhile:
    # nothing of the batch is written (all or nothing).
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        second.apply(SetResponse("PER-03", None, _answer("PER-03", "by b")))
        batch = Batch(
            "Import 2 responses",
            [
                SetResponse("PER-02", None, _answer("PER-02", "by a")),
                SetResponse("PER-03", None, _answer("PER-03", "by a")),
            ],
        )
        with pytest.raises(StaleEdit, match="PER-03 was added"):
            first.apply(batch)
    with AvsecFile.open(mini_file) as f:
        assert f.response("PER-02") is None
        assert f.response("PER-03").notes == "by b"


_ADDER = """
import sys, time
from pathlib import Path
from avsec.core.assessment import Response
from avsec.core.commands import SetResponse
from avsec.store import AvsecFile
from avsec.store.stale import StaleEdit

path, name, folder = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
with AvsecFile.open(path, user=name) as f:
    before = f.response("PER-02")  # None: nobody answered PER-02 yet
    (folder / f"{name}.ready").touch()
    while len(list(folder.glob("*.ready"))) < 2:  # both have read before either writes
        time.sleep(0.01)
    if name == "right":
        time.sleep(0.3)
    after = Response(item_id="PER-02", status="compliant", notes="by " + name)
    try:
        f.apply(SetResponse("PER-02", before, after))
        print("written")
    except StaleEdit as exc:
        print("refused:", exc)
"""


def test_two_processes_adding_the_same_answer_lose_nothing(mini_file, tmp_path):
    import os
    import subprocess
    import sys

    from tests.hardening.conftest import ROOT

    folder = tmp_path / "sync"
    folder.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    racers = {
        name: subprocess.Popen(
            [sys.executable, "-c", _ADDER, str(mini_file), name, str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    }
    results = {name: p.communicate(timeout=120) for name, p in racers.items()}
    assert all(err == "" for _, err in results.values()), results
    assert results["left"][0].strip() == "written"
    assert results["right"][0].startswith("refused:") and "was added" in results["right"][0]
    with AvsecFile.open(mini_file) as f:
        assert f.response("PER-02").notes == "by left"
        assert [c["who"] for c in f.changes() if c["what"] == "response:PER-02"] == ["left"]


def test_a_stale_photo_caption_is_refused(mini_file):
    """Two programs captioning the same photo: the second, built on the old caption, loses
    nothing of the first's."""
    from avsec.core.review_commands import SetPhoto

    with AvsecFile.open(mini_file) as f:
        photo = f.add_attachment(b"\xff\xd8not-decoded", filename="gate.jpg")
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        seen_a, seen_b = first.attachment_info(photo), second.attachment_info(photo)
        second.apply(SetPhoto(photo, seen_b, seen_b.model_copy(update={"caption": "by b"})))
        with pytest.raises(StaleEdit, match="photo"):
            first.apply(SetPhoto(photo, seen_a, seen_a.model_copy(update={"caption": "by a"})))
    with AvsecFile.open(mini_file) as f:
        assert f.attachment_info(photo).caption == "by b"


def test_a_track_imported_meanwhile_is_not_overwritten(mini_file):
    from avsec.core.track_edit import add_tracks
    from avsec.core.tracks import Track, TrackPoint

    def walk(name: str) -> Track:
        points = [TrackPoint(lon=-78.0, lat=0.0), TrackPoint(lon=-77.999, lat=0.0)]
        return Track(id=name, name=name, segments=[points])

    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        seen_a, seen_b = first.tracks(), second.tracks()
        second.apply(add_tracks(seen_b, [walk("b")], "b.gpx"))
        with pytest.raises(StaleEdit, match="tracks"):
            first.apply(add_tracks(seen_a, [walk("a")], "a.gpx"))
    with AvsecFile.open(mini_file) as f:
        assert [t.name for t in f.tracks()] == ["b"]
