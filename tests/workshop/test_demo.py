"""The demo assessment (the training airport's answer key) and the exercise packed from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from avsec.core.checklist import RULE_IDS
from avsec.store import AvsecFile
from avsec.workshop.demo import DEMO_FILE, make_demo
from avsec.workshop.pack import pack_exercise
from avsec.workshop.training import load_answer_key


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("demo"))


def test_demo_is_a_complete_answer_key(demo: Path) -> None:
    assert demo.name == DEMO_FILE
    key = load_answer_key()
    with AvsecFile.open(demo) as f:
        doc = f.document()
    assert doc.assessment.mode == "answer_key"
    assert doc.assessment.airport.icao == "ZZEJ"
    assert set(doc.responses) == set(doc.checklist.item_ids()) == set(key)
    assert all(doc.responses[i].status == a.status for i, a in key.items())
    assert all(doc.responses[i].notes == a.rationale["en"] for i, a in key.items())
    assert doc.rationales == {i: a.rationale["en"] for i, a in key.items()}
    assert len(doc.observations) >= 30
    assert {f.rule for f in doc.findings} == set(RULE_IDS)
    assert len(doc.attachments) >= 1 and all(a.lon is not None for a in doc.attachments)
    assert doc.actions and all(a.origin == "generated" for a in doc.actions)
    assert not list(demo.parent.glob(".*partial"))


def test_demo_in_spanish(tmp_path: Path) -> None:
    path = make_demo(tmp_path, lang="es")
    key = load_answer_key()
    with AvsecFile.open(path) as f:
        doc = f.document()
        assert doc.assessment.language == "es"
        assert doc.responses["PER-01"].notes == key["PER-01"].rationale["es"]
        assert f.extra("rationales_i18n")["PER-01"] == key["PER-01"].rationale
    # A second run rebuilds the file in place.
    assert make_demo(tmp_path) == path


def test_exercise_from_the_demo_has_no_answer_anywhere(demo: Path, tmp_path: Path) -> None:
    exercise = pack_exercise(demo, tmp_path / "exercise.avsec")
    data = exercise.read_bytes()
    key = load_answer_key()
    texts = [t for a in key.values() for t in a.rationale.values()]
    with AvsecFile.open(demo) as f:
        texts += [r.notes for r in f.responses().values() if r.notes]
        texts.append(f.assessment.title)
        photo_bytes = [f.attachment_bytes(a.id) for a in f.attachments()]
    for text in texts:
        assert text.encode() not in data, text
        assert json.dumps(text)[1:-1].encode() not in data, text
    for blob in photo_bytes:
        assert blob and blob[200:264] not in data
    with AvsecFile.open(exercise) as f:
        assert f.responses() == {} and f.attachments() == [] and f.findings() == []
        assert len(f.features()) == 57 and len(f.extra("observations")) >= 30
