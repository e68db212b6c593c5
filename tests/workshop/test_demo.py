"""The demo assessment (the training airport's answer key) and the exercise packed from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from avsec.core.checklist import RULE_IDS
from avsec.store import AvsecFile
from avsec.workshop.demo import DEMO_FILE, make_demo, prepare_demo
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
    # A second run, even in another language, keeps the key it finds.
    data = path.read_bytes()
    assert make_demo(tmp_path) == path
    assert path.read_bytes() == data


def test_existing_key_is_reused_with_its_edits(tmp_path: Path) -> None:
    """Rebuilding would lose the trainer's edits and change the exercise id, so every team
    file packed from the old key would be refused: an existing key is kept as it is."""
    from avsec.core.commands import SetAssessment
    from avsec.workshop.compare import exercise_id_for

    path = make_demo(tmp_path)
    with AvsecFile.open(path) as f:
        before = f.assessment
        f.apply(SetAssessment(before, before.model_copy(update={"title": "Edited by the trainer"})))
        exercise = exercise_id_for(f.assessment)
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    result = prepare_demo(tmp_path)
    assert result.reused and result.path == path and result.backup is None
    assert make_demo(tmp_path, lang="es") == path
    assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime
    with AvsecFile.open(path) as f:
        assert f.assessment.title == "Edited by the trainer"
        assert exercise_id_for(f.assessment) == exercise
    assert sorted(p.name for p in tmp_path.iterdir()) == [DEMO_FILE]


def test_fresh_rebuilds_and_keeps_a_backup(tmp_path: Path) -> None:
    from avsec.workshop.compare import exercise_id_for

    path = make_demo(tmp_path)
    old = path.read_bytes()
    with AvsecFile.open(path) as f:
        old_exercise = exercise_id_for(f.assessment)
    result = prepare_demo(tmp_path, "es", fresh=True)
    assert not result.reused and result.path == path
    assert result.backup == tmp_path / f"{DEMO_FILE}.bak"
    assert result.backup.read_bytes() == old
    with AvsecFile.open(path) as f:
        assert f.assessment.language == "es"
        assert exercise_id_for(f.assessment) != old_exercise
    # Backups never overwrite each other, and never end in .avsec (DIR/*.avsec stays one file).
    spanish = path.read_bytes()
    assert make_demo(tmp_path, fresh=True) == path
    assert (tmp_path / f"{DEMO_FILE}.bak2").read_bytes() == spanish
    assert sorted(p.name for p in tmp_path.glob("*.avsec")) == [DEMO_FILE]
    assert len(list(tmp_path.glob(f"{DEMO_FILE}.bak*"))) == 2


def test_a_key_that_does_not_open_is_rebuilt(tmp_path: Path) -> None:
    broken = tmp_path / DEMO_FILE
    broken.write_bytes(b"not a database at all")
    result = prepare_demo(tmp_path)
    assert not result.reused and "not an .avsec file" in result.problem
    assert result.backup is not None and result.backup.read_bytes() == b"not a database at all"
    with AvsecFile.open(result.path) as f:
        assert f.assessment.mode == "answer_key"


def test_a_failed_rebuild_leaves_the_old_key(tmp_path: Path, monkeypatch) -> None:
    from avsec.store import analysis

    path = make_demo(tmp_path)
    old = path.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("analysis failed")

    monkeypatch.setattr(analysis, "analyze", broken)
    with pytest.raises(RuntimeError):
        make_demo(tmp_path, fresh=True)
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == [DEMO_FILE]


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
        assert len(f.features()) == 60 and len(f.extra("observations")) >= 30


def test_the_demo_photos_link_to_what_they_show(demo: Path) -> None:
    """Each training photo is linked as the app links an inspector's photo: the open gate to
    its access point, the low fence to the west fence, the propped door to the terminal wall
    it opens in; nothing is farther than the 30 m of the rule."""
    with AvsecFile.open(demo) as f:
        doc = f.document()
    kinds = {x.id: x.kind for x in doc.features}
    links = {a.filename: a.link for a in doc.attachments}
    assert all(link is not None and link.kind == "feature" for link in links.values())
    assert kinds[links["zzej-gate-n1-open.jpg"].id] == "access_point"
    assert links["zzej-west-fence-height.jpg"].id == "zz-fence-west"
    assert kinds[links["zzej-crew-door-propped.jpg"].id] == "barrier"
    assert all(link.distance_m is not None and link.distance_m <= 30 for link in links.values())
