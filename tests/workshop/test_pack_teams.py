"""workshop pack (no reference answer anywhere in the exercise) and workshop teams."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from workshop_helpers import MINI_RATIONALES, make_key

from avsec.core.checklist import Checklist
from avsec.core.errors import ForeignFileError, InputError, StoreError
from avsec.store import AvsecFile
from avsec.workshop.compare import exercise_id_for
from avsec.workshop.pack import pack_exercise
from avsec.workshop.teams import check_team_names, make_team_files, team_slug
from tests.conftest import raw_sql

#: Text that exists only in the key (besides the rationales).
KEY_ONLY = [
    "KEYONLY-TITLE",
    "KEYONLY-TRAINER",
    "KEYONLY-ORG",
    "KEYONLY-PHOTO-BYTES",
    "keyonly-photo",
    "KEYONLY-EXTRA",
]


def _needles(text: str) -> list[bytes]:
    """The forms a text can take inside the file: UTF-8, and JSON-escaped ASCII."""
    return [text.encode("utf-8"), json.dumps(text)[1:-1].encode("ascii")]


def assert_no_key_content(path: Path, texts: list[str]) -> None:
    data = path.read_bytes()
    for text in texts:
        for needle in _needles(text):
            assert needle not in data, f"{text!r} leaked into {path.name}"
    assert not Path(str(path) + "-journal").exists()


def test_exercise_has_no_reference_answer(key_file: Path, exercise_file: Path) -> None:
    assert_no_key_content(exercise_file, list(MINI_RATIONALES.values()) + KEY_ONLY)
    with AvsecFile.open(exercise_file) as f:
        assert f.responses() == {}
        assert f.actions() == [] and f.findings() == [] and f.attachments() == []
        extras = sorted(k for (k,) in raw_sql(f, "SELECT key FROM extras"))
        assert extras == ["exercise_tag", "observations"]  # the tag binds the team files
        assert raw_sql(f, "PRAGMA freelist_count")[0][0] == 0
        journal = " ".join(c["what"] for c in f.changes())
        assert "response" not in journal and "rationale" not in journal


def test_exercise_keeps_layout_narrative_and_checklist(key_file: Path, exercise_file: Path) -> None:
    with AvsecFile.open(key_file) as key, AvsecFile.open(exercise_file) as ex:
        assert ex.assessment.mode == "exercise"
        assert ex.assessment.exercise_id == exercise_id_for(key.assessment)
        assert key.assessment.id not in exercise_file.read_bytes().decode("utf-8", "replace")
        assert ex.assessment.airport == key.assessment.airport
        assert ex.assessment.parameters == key.assessment.parameters
        assert [f.model_dump() for f in ex.features()] == [f.model_dump() for f in key.features()]
        assert ex.extra("observations") == key.extra("observations")
        sha = "SELECT sha256, json FROM checklist_snapshot"
        (key_sha, key_json), (ex_sha, ex_json) = raw_sql(key, sha)[0], raw_sql(ex, sha)[0]
        assert ex_sha == key_sha and ex_json == key_json
        assert hashlib.sha256(ex_json.encode()).hexdigest() == ex_sha


def test_pack_leaves_the_key_untouched(key_file: Path, tmp_path: Path) -> None:
    before = key_file.read_bytes()
    pack_exercise(key_file, tmp_path / "again.avsec")
    assert key_file.read_bytes() == before


def test_pack_refuses_an_exercise_and_existing_output(exercise_file: Path, key_file: Path) -> None:
    with pytest.raises(ForeignFileError, match="not an answer key"):
        pack_exercise(exercise_file, exercise_file.with_name("x.avsec"))
    with pytest.raises(StoreError, match="already exists"):
        pack_exercise(key_file, exercise_file)
    with pytest.raises(StoreError, match="its own answer key"):
        pack_exercise(key_file, key_file, overwrite=True)
    pack_exercise(key_file, exercise_file, overwrite=True)
    assert not list(exercise_file.parent.glob(".*.partial"))


def test_two_packs_of_one_key_are_one_exercise(
    key_file: Path, tmp_path: Path, mini_checklist: Checklist
) -> None:
    first = pack_exercise(key_file, tmp_path / "one.avsec")
    second = pack_exercise(key_file, tmp_path / "two.avsec")
    other = pack_exercise(
        make_key(tmp_path / "other-key.avsec", mini_checklist), tmp_path / "three.avsec"
    )
    ids = []
    for path in (first, second, other):
        with AvsecFile.open(path) as f:
            ids.append(f.assessment.exercise_id)
    assert ids[0] == ids[1] != ids[2]


def test_team_files_record_the_team(exercise_file: Path, tmp_path: Path) -> None:
    paths = make_team_files(exercise_file, ["Equipo Montaña", " Team  Andes "], tmp_path / "teams")
    assert [p.name for p in paths] == ["equipo-montana.avsec", "team-andes.avsec"]
    ids = set()
    for path, name in zip(paths, ["Equipo Montaña", "Team Andes"], strict=True):
        with AvsecFile.open(path) as f:
            a = f.assessment
            assert (a.mode, a.team_name) == ("team", name)
            assert name in a.title
            ids.add(a.id)
            with AvsecFile.open(exercise_file) as ex:
                assert a.exercise_id == ex.assessment.exercise_id
                assert [x.id for x in f.features()] == [x.id for x in ex.features()]
    assert len(ids) == 2


def test_team_names_are_checked(exercise_file: Path, tmp_path: Path, key_file: Path) -> None:
    with pytest.raises(InputError, match="given twice"):
        check_team_names(["Andes", "andes"])
    with pytest.raises(InputError, match="empty"):
        check_team_names(["  "])
    with pytest.raises(InputError, match="longer than"):
        check_team_names(["x" * 61])
    with pytest.raises(ForeignFileError, match="not an exercise"):
        make_team_files(key_file, ["A"], tmp_path / "t")
    make_team_files(exercise_file, ["A"], tmp_path / "t")
    with pytest.raises(StoreError, match="already exists"):
        make_team_files(exercise_file, ["A"], tmp_path / "t")
    assert make_team_files(exercise_file, ["A"], tmp_path / "t", overwrite=True)


def test_slugs_stay_unique(exercise_file: Path, tmp_path: Path) -> None:
    assert team_slug("¡¡!!") == "team"
    paths = make_team_files(exercise_file, ["Team 1", "Team-1", "Team_1"], tmp_path / "t")
    assert [p.name for p in paths] == ["team-1.avsec", "team-1-2.avsec", "team-1-3.avsec"]
