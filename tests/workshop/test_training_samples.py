"""Samples on the training airport: five items of the key carry a count that agrees with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.core.assessment import Response
from avsec.core.samples import sample_suggestion
from avsec.io.checklists import BUNDLED_CHECKLIST, get_checklist
from avsec.store import AvsecFile
from avsec.workshop.demo import make_demo
from avsec.workshop.pack import pack_exercise
from avsec.workshop.training import load_answer_key

#: The counts the narrative gives (OBS-08/10/13, OBS-17, OBS-41, OBS-19), written out again.
EXPECTED = {
    "SRA-08": (3, 2),
    "IDS-01": (20, 0),
    "IDS-02": (30, 3),
    "IDS-03": (15, 0),
    "VEH-01": (10, 2),
}


def test_five_key_answers_carry_a_sample_that_suggests_the_keys_status() -> None:
    key = load_answer_key()
    checklist = get_checklist(BUNDLED_CHECKLIST)
    sampled = {item_id: answer.sample for item_id, answer in key.items() if answer.sample}
    assert sampled == EXPECTED
    for item_id, (size, failures) in sampled.items():
        item = checklist.item(item_id)
        assert item.sample is not None, f"{item_id} does not ask to sample"
        response = Response(item_id=item_id, sample_size=size, failures=failures)
        assert sample_suggestion(item, response) == key[item_id].status, item_id


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("demo"))


def test_the_demo_records_the_samples_and_the_exercise_leaves_them_out(
    demo: Path, tmp_path: Path
) -> None:
    with AvsecFile.open(demo) as f:
        recorded = {
            i: (r.sample_size, r.failures) for i, r in f.responses().items() if r.has_sample()
        }
    assert recorded == EXPECTED
    exercise = pack_exercise(demo, tmp_path / "exercise.avsec")
    with AvsecFile.open(exercise) as f:
        assert not any(r.has_sample() for r in f.responses().values())
        keys = [k for (k,) in f._conn.execute("SELECT key FROM extras")]
    assert not [k for k in keys if k.startswith("sample:")]


def test_the_bundled_checklist_marks_the_items_that_ask_to_sample() -> None:
    checklist = get_checklist(BUNDLED_CHECKLIST)
    marked = {item.id: item.sample for item in checklist.items() if item.sample}
    # Each of these questions asks the inspector to check a number of cards, vehicles, doors
    # or people; nothing else is marked.
    assert marked == {
        "SRA-08": "doors",
        "SRA-10": "doors",
        "ACP-02": "doors",
        "ACP-05": "staff",
        "ACP-10": "staff",
        "ACP-16": "staff",
        "ACP-17": "staff",
        "IDS-01": "badges",
        "IDS-02": "badges",
        "IDS-03": "badges",
        "IDS-05": "badges",
        "VEH-01": "vehicles",
        "VEH-04": "vehicles",
        "VEH-05": "vehicles",
    }
    for item_id in marked:
        question = checklist.item(item_id).question["en"]
        assert any(ch.isdigit() for ch in question) or "every" in question, item_id
