"""Follow-up visits: what is carried over, and the comparison with the last visit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from visits import fence, make_visit

from avsec.app.followup import (
    find_action,
    followup_edit,
    load_since_last_visit,
    start_followup,
)
from avsec.app.outline import regenerate_outline
from avsec.core.actions import Action
from avsec.core.assessment import Response, Status
from avsec.core.commands import SetResponse
from avsec.core.errors import InputError, StoreError
from avsec.store import AvsecFile
from tests.conftest import raw_sql

THEN = dt.date(2025, 3, 1)
NOW = dt.date(2026, 3, 1)


def _plan() -> list[Action]:
    return [
        Action(
            id="a-PER-01",
            title="Fix the fence",
            owner="Operator",
            due=dt.date(2025, 6, 1),
            items=["PER-01"],
            source_key="PER-01",
        ),
        Action(
            id="a-PER-02",
            title="Patrols",
            owner="Police",
            due=dt.date(2026, 9, 1),
            items=["PER-02"],
            source_key="PER-02",
        ),
        Action(id="u-1", title="Train guards", origin="user", due=dt.date(2025, 12, 1)),
        Action(id="u-2", title="Lights", origin="user", due=dt.date(2025, 12, 1)),
    ]


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    path = make_visit(
        tmp_path / "2025.avsec",
        {
            "PER-01": "not_compliant",
            "PER-02": "compliant",
            "PER-03": "partially_compliant",
            "ACP-01": "compliant",
            "ACP-02": "not_applicable",
        },
        started=THEN,
        actions=_plan(),
        features=[fence()],
    )
    with AvsecFile.open(path) as f:
        photo = f.add_attachment(b"\xff\xd8fake-jpeg", filename="gate.jpg")
        r = f.response("PER-01")
        f.apply(SetResponse("PER-01", r, r.model_copy(update={"photos": [photo]})))
    return path


def test_followup_carries_layout_and_plan_but_no_answers(previous: Path, tmp_path: Path) -> None:
    out = start_followup(previous, tmp_path / "2026.avsec", date=NOW, team=["B. Inspector"])
    with AvsecFile.open(previous) as f:
        before = f.assessment
    with AvsecFile.open(out) as f:
        header, doc = f.assessment, f.document()
        photo_bytes = f.attachment_bytes(doc.last_visit.responses["PER-01"].photos[0])
    assert header.id != before.id
    assert header.previous is not None
    assert (header.previous.id, header.previous.date) == (before.id, THEN)
    assert header.started == NOW and header.team == ["B. Inspector"]
    assert doc.responses == {}
    assert [x.id for x in doc.features] == ["f1"]
    assert {a.id: (a.owner, a.due, a.followup) for a in doc.actions} == {
        "a-PER-01": ("Operator", dt.date(2025, 6, 1), "open"),
        "a-PER-02": ("Police", dt.date(2026, 9, 1), "open"),
        "u-1": ("", dt.date(2025, 12, 1), "open"),
        "u-2": ("", dt.date(2025, 12, 1), "open"),
    }
    last = doc.last_visit.responses
    assert last["PER-01"].status == Status.NOT_COMPLIANT and last["PER-01"].notes == "PER-01 then"
    assert photo_bytes == b"\xff\xd8fake-jpeg"
    # PER-02 and ACP-01 compliant of 4 assessed applicable items (ACP-02 not applicable).
    assert doc.last_visit.scores["overall"]["ei"] == pytest.approx(2 / 4)


def test_followup_refuses_to_overwrite(previous: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot replace the previous visit"):
        start_followup(previous, previous)
    (tmp_path / "taken.avsec").write_bytes(b"x")
    with pytest.raises(StoreError, match="already exists"):
        start_followup(previous, tmp_path / "taken.avsec")
    assert not list(tmp_path.glob(".*.partial"))


def test_since_last_visit_by_hand(previous: Path, tmp_path: Path) -> None:
    out = start_followup(previous, tmp_path / "2026.avsec", date=NOW)
    with AvsecFile.open(out) as f:
        for item_id, status in {
            "PER-01": "compliant",
            "PER-02": "not_compliant",
            "PER-03": "partially_compliant",
        }.items():
            f.apply(SetResponse(item_id, None, Response(item_id=item_id, status=status)))
        actions = f.actions()
        f.apply(followup_edit(find_action(actions, "a-PER-01"), "verified", "new fence seen"))
        f.apply(followup_edit(find_action(actions, "u-1"), "not_done"))
        f.apply(followup_edit(find_action(actions, "u-2"), "done"))
        since = load_since_last_visit(f)
    assert since is not None
    assert [c.item_id for c in since.improved] == ["PER-01"]
    assert [c.item_id for c in since.regressed] == ["PER-02"]
    assert [c.item_id for c in since.unchanged] == ["PER-03"]  # ACP-01 not assessed now
    perimeter = next(a for a in since.areas if a.id == "perimeter")
    # then: NC(w3) C(w2) PC(w1): EI 1/3, weighted (0 + 2 + 0.5) / 6
    assert perimeter.then_ei == pytest.approx(1 / 3)
    assert perimeter.then_weighted == pytest.approx(2.5 / 6)
    # now: C(w3) NC(w2) PC(w1): EI 1/3, weighted (3 + 0 + 0.5) / 6
    assert perimeter.now_ei == pytest.approx(1 / 3)
    assert perimeter.now_weighted == pytest.approx(3.5 / 6)
    assert [a.id for a in since.verified] == ["a-PER-01"]
    assert [a.id for a in since.not_done] == ["u-1"]
    # due 2025-12-01 < 2026-03-01 and not closed: u-1 (not done); u-2 is done; a-PER-02 due later
    assert [a.id for a in since.overdue] == ["u-1"]
    with AvsecFile.open(out) as f:
        assert find_action(f.actions(), "a-PER-01").evidence == "new fence seen"


def test_regenerating_the_outline_keeps_the_plan_to_verify(previous: Path, tmp_path: Path) -> None:
    out = start_followup(previous, tmp_path / "2026.avsec", date=NOW)
    with AvsecFile.open(out) as f:
        doc = f.document()
    update = regenerate_outline(doc, today=NOW)
    kept = {a.id: (a.due, a.followup) for a in update.actions}
    assert kept["a-PER-01"] == (dt.date(2025, 6, 1), "open")
    assert kept["a-PER-02"] == (dt.date(2026, 9, 1), "open")


def test_unknown_action_is_one_clear_error(previous: Path) -> None:
    with AvsecFile.open(previous) as f, pytest.raises(InputError, match="no action 'nope'"):
        find_action(f.actions(), "nope")


def test_first_visit_has_no_comparison(previous: Path) -> None:
    with AvsecFile.open(previous) as f:
        assert load_since_last_visit(f) is None


def test_a_second_followup_keeps_verified_actions_closed(previous: Path, tmp_path: Path) -> None:
    second = start_followup(previous, tmp_path / "2026.avsec", date=NOW)
    with AvsecFile.open(second) as f:
        actions = f.actions()
        f.apply(followup_edit(find_action(actions, "a-PER-01"), "verified", "seen"))
        f.apply(followup_edit(find_action(actions, "u-1"), "done", "invoice"))
    third = start_followup(second, tmp_path / "2027.avsec", date=dt.date(2027, 3, 1))
    with AvsecFile.open(third) as f:
        states = {a.id: (a.followup, a.evidence) for a in f.actions()}
        previous_id = f.assessment.previous.id
    with AvsecFile.open(second) as f:
        assert previous_id == f.assessment.id
    assert states["a-PER-01"] == ("verified", "seen")
    assert states["u-1"] == ("open", "")  # done but not verified: to verify now


def test_a_damaged_last_visit_record_is_one_clear_error(previous: Path, tmp_path: Path) -> None:
    out = start_followup(previous, tmp_path / "2026.avsec", date=NOW)
    with AvsecFile.open(out) as f:
        damaged = {"id": "x", "responses": "nonsense"}
        with pytest.raises(StoreError, match="the last_visit entry was not saved"):
            f.set_extra("last_visit", damaged)  # avsec itself never writes it
        raw_sql(f, "UPDATE extras SET json = ? WHERE key = 'last_visit'", (json.dumps(damaged),))
        with pytest.raises(StoreError, match=r"2026.avsec: the last visit record is damaged"):
            f.document()


def _jpeg(colour: str) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def test_photos_keep_captions_markup_and_feature_links(previous: Path, tmp_path: Path) -> None:
    """What the inspector wrote on a photo travels with it; a link to one of the last visit's
    access-control tests (not carried) does not."""
    from avsec.core.document import Mark, PhotoLink

    circle = Mark(kind="circle", x0=0.2, y0=0.2, x1=0.6, y1=0.6)
    with AvsecFile.open(previous) as f:
        gate = f.add_attachment(_jpeg("red"), filename="gate.jpg")
        tested = f.add_attachment(_jpeg("blue"), filename="test.jpg")
        r = f.response("PER-02")
        f.apply(SetResponse("PER-02", r, r.model_copy(update={"photos": [gate, tested]})))
        edits = {
            gate: {
                "caption": "Gap under the fence",
                "rotation": 90,
                "marks": [circle],
                "link": PhotoLink(kind="feature", id="f1", distance_m=4.0),
            },
            tested: {"caption": "Tailgating", "link": PhotoLink(kind="test", id="t-1")},
        }
        for photo_id, update in edits.items():
            info = f.attachment_info(photo_id)
            with f.transaction():
                f.write_photo(photo_id, info.model_copy(update=update))
        thumbnail_before = f.thumbnail_bytes(gate)
    out = start_followup(previous, tmp_path / "2026.avsec", date=NOW)
    with AvsecFile.open(out) as f:
        carried = {a.filename: a for a in f.attachments()}
        assert f.thumbnail_bytes(gate) == thumbnail_before  # drawn again with the same markup
    assert carried["gate.jpg"].caption == "Gap under the fence"
    assert carried["gate.jpg"].rotation == 90 and carried["gate.jpg"].marks == [circle]
    assert carried["gate.jpg"].link == PhotoLink(kind="feature", id="f1", distance_m=4.0)
    assert carried["test.jpg"].caption == "Tailgating" and carried["test.jpg"].link is None
    assert carried["gate.jpg"].id == gate  # the same bytes, the same id
