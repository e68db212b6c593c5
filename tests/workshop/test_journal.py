"""Replaying the changes journal gives back the responses table (avsec.workshop.journal)."""

from __future__ import annotations

from pathlib import Path

from avsec.core.actions import Action
from avsec.core.assessment import Assessment, Response
from avsec.core.checklist import Checklist
from avsec.core.commands import Batch, SetAction, SetFeature, SetResponse
from avsec.core.layout import Feature
from avsec.store import AvsecFile
from avsec.workshop.journal import journal_mismatch, replay_responses


def _answer(item: str, status: str, notes: str = "") -> Response:
    return Response(item_id=item, status=status, notes=notes)


def _file(tmp_path: Path, checklist: Checklist, airport) -> AvsecFile:
    assessment = Assessment(airport=airport, checklist_id=checklist.id, checklist_version=1)
    return AvsecFile.create(tmp_path / "a.avsec", assessment, checklist, user="t")


def test_replay_matches_the_table_after_mixed_edits(
    tmp_path: Path, mini_checklist: Checklist, airport
) -> None:
    fence = Feature(
        id="f1", kind="barrier", geometry={"type": "LineString", "coordinates": [[0, 0], [1, 1]]}
    )
    with _file(tmp_path, mini_checklist, airport) as f:
        mixed = Batch(
            "mixed",
            [
                SetFeature("f1", None, fence),
                SetResponse("PER-01", None, _answer("PER-01", "not_compliant")),
                SetAction("a1", None, Action(id="a1", title="Fix")),
                SetResponse("PER-02", None, _answer("PER-02", "compliant")),
            ],
        )
        f.apply(mixed)
        f.revert(mixed)
        f.apply(mixed)
        # The same item twice in one batch: redo keeps the last, undo goes back to the first.
        steps = Batch(
            "steps",
            [
                SetResponse("PER-03", None, _answer("PER-03", "compliant")),
                SetResponse(
                    "PER-03", _answer("PER-03", "compliant"), _answer("PER-03", "not_compliant")
                ),
            ],
        )
        f.apply(steps)
        f.apply(SetResponse("PER-01", f.response("PER-01"), None))
        assert journal_mismatch(f.responses(), f.changes()) is None
        replayed = replay_responses(f.changes())
        assert {i: r["status"] for i, r in replayed.items()} == {
            "PER-02": "compliant",
            "PER-03": "not_compliant",
        }
        f.revert(steps)
        assert "PER-03" not in f.responses()
        assert journal_mismatch(f.responses(), f.changes()) is None


def test_a_damaged_journal_line_is_a_reason() -> None:
    changes = [{"what": "response:PER-01", "before": None, "after": {"status": "compliant"}}]
    reason = journal_mismatch({}, changes)
    assert reason is not None and "journal is damaged" in reason and "PER-01" in reason
    bad_batch = [{"what": "batch:x", "before": [None], "after": [None, None]}]
    assert "journal is damaged" in str(journal_mismatch({}, bad_batch))


def test_many_differences_are_summed_up() -> None:
    responses = {i: _answer(i, "compliant") for i in ("A-1", "A-2", "A-3", "A-4", "A-5")}
    reason = journal_mismatch(responses, [])
    assert reason is not None
    assert reason.count("has no edit in the journal") == 3 and reason.endswith("and 2 more")


def _dump(item: str, status: str) -> dict:
    return _answer(item, status).model_dump(mode="json")


def test_old_batch_lines_with_bare_values_still_replay() -> None:
    # As files written before batch entries named their command hold them: bare values, a
    # feature among the responses, a nested batch as a nested list.
    fence = {"id": "f1", "kind": "barrier", "geometry": None, "properties": {}}
    old = [
        {
            "what": "batch:Import 2 responses",
            "before": [None, None, [None]],
            "after": [_dump("PER-01", "compliant"), fence, [_dump("PER-02", "not_compliant")]],
        },
        {
            "what": "undo batch:Import 2 responses",
            "before": [_dump("PER-01", "compliant"), fence, [_dump("PER-02", "not_compliant")]],
            "after": [None, None, [None]],
        },
        {"what": "response:PER-03", "before": None, "after": _dump("PER-03", "compliant")},
    ]
    assert set(replay_responses(old)) == {"PER-03"}
    assert set(replay_responses(old[:1])) == {"PER-01", "PER-02"}


def test_new_batch_lines_replay_by_their_entries_what() -> None:
    # A response-shaped value under a feature's what is not a response: the what decides.
    lines = [
        {
            "what": "batch:x",
            "before": [
                {"what": "feature:f1", "value": None},
                {"what": "batch:y", "value": [{"what": "response:PER-02", "value": None}]},
            ],
            "after": [
                {"what": "feature:f1", "value": _dump("PER-01", "compliant")},
                {
                    "what": "batch:y",
                    "value": [{"what": "response:PER-02", "value": _dump("PER-02", "compliant")}],
                },
            ],
        }
    ]
    assert set(replay_responses(lines)) == {"PER-02"}
    lines[0]["after"][1]["value"][0]["what"] = "response:PER-09"
    assert "journal is damaged" in str(journal_mismatch({}, lines))
