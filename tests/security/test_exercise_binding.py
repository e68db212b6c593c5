"""Team files are bound to their exercise by a tag only the answer key can make."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from avsec.core.commands import SetAssessment
from avsec.core.errors import ForeignFileError
from avsec.store import AvsecFile
from avsec.workshop.compare import compare_files
from avsec.workshop.pack import pack_exercise
from avsec.workshop.teams import make_team_files

sys.path.insert(0, str(Path(__file__).parents[1] / "workshop"))
from workshop_helpers import make_key, write_responses  # noqa: E402


@pytest.fixture
def two_exercises(tmp_path: Path, mini_checklist) -> dict[str, Path]:
    """Exercises A and B from two keys on the same checklist, one answered team file each."""
    paths: dict[str, Path] = {}
    for name in ("a", "b"):
        key = make_key(tmp_path / f"key-{name}.avsec", mini_checklist)
        exercise = pack_exercise(key, tmp_path / f"exercise-{name}.avsec")
        (team,) = make_team_files(exercise, [f"Team {name}"], tmp_path / f"teams-{name}")
        write_responses(team, {"PER-01": "compliant"})
        paths |= {f"key-{name}": key, f"exercise-{name}": exercise, f"team-{name}": team}
    return paths


def _exercise_id(path: Path) -> str:
    with AvsecFile.open(path) as f:
        return f.assessment.exercise_id


def _reasons(comparison) -> dict[str, str]:
    return {r.path.name: r.reason for r in comparison.refused}


def test_a_forged_exercise_id_is_refused_by_name(two_exercises) -> None:
    forged = two_exercises["team-b"]
    # The forger edits with avsec itself, so the journal agrees with the file.
    with AvsecFile.open(forged) as f:
        before = f.assessment
        after = before.model_copy(update={"exercise_id": _exercise_id(two_exercises["exercise-a"])})
        f.apply(SetAssessment(before, after))
    comparison = compare_files(two_exercises["key-a"], [two_exercises["team-a"], forged])
    assert [t.name for t in comparison.teams] == ["Team a"]
    assert "exercise id was forged" in _reasons(comparison)["team-b.avsec"]


def test_a_removed_tag_is_refused(two_exercises) -> None:
    team = two_exercises["team-a"]
    conn = sqlite3.connect(team)
    conn.execute("DELETE FROM extras WHERE key = 'exercise_tag'")
    conn.commit()
    conn.close()
    with pytest.raises(ForeignFileError, match="carries no exercise tag"):
        compare_files(two_exercises["key-a"], [team])


def test_a_tag_made_without_the_key_is_refused(two_exercises) -> None:
    team = two_exercises["team-a"]
    conn = sqlite3.connect(team)
    conn.execute("UPDATE extras SET json = ? WHERE key = 'exercise_tag'", ('"' + "0" * 64 + '"',))
    conn.commit()
    conn.close()
    with pytest.raises(ForeignFileError, match="exercise tag does not match"):
        compare_files(two_exercises["key-a"], [team])


def test_the_tag_differs_per_key_and_carries_no_key_id(two_exercises) -> None:
    tags = []
    for name in ("a", "b"):
        with AvsecFile.open(two_exercises[f"exercise-{name}"]) as f:
            tags.append(f.extra("exercise_tag"))
        with AvsecFile.open(two_exercises[f"key-{name}"]) as key:
            key_id = key.assessment.id
        assert key_id not in two_exercises[f"exercise-{name}"].read_bytes().decode("latin-1")
    assert len(set(tags)) == 2 and all(len(t) == 64 for t in tags)


def test_an_untagged_exercise_makes_no_team_files(two_exercises, tmp_path) -> None:
    exercise = two_exercises["exercise-a"]
    conn = sqlite3.connect(exercise)
    conn.execute("DELETE FROM extras WHERE key = 'exercise_tag'")
    conn.commit()
    conn.close()
    with pytest.raises(ForeignFileError, match="no exercise tag"):
        make_team_files(exercise, ["Late team"], tmp_path / "late")
    assert not (tmp_path / "late").exists()


def test_limit_a_copied_id_and_tag_are_not_detected(two_exercises) -> None:
    """What the README says the tag cannot detect: both public values copied together."""
    forged = two_exercises["team-b"]
    with AvsecFile.open(two_exercises["exercise-a"]) as f:
        tag_a = f.extra("exercise_tag")
    with AvsecFile.open(forged) as f:
        before = f.assessment
        f.apply(
            SetAssessment(
                before,
                before.model_copy(
                    update={"exercise_id": _exercise_id(two_exercises["exercise-a"])}
                ),
            )
        )
        f.set_extra("exercise_tag", tag_a)
    comparison = compare_files(two_exercises["key-a"], [two_exercises["team-a"], forged])
    assert sorted(t.name for t in comparison.teams) == ["Team a", "Team b"]


def test_an_encrypted_exercise_gives_encrypted_team_files_that_compare(
    tmp_path, mini_checklist, monkeypatch
) -> None:
    from avsec.store import crypto

    key = make_key(tmp_path / "key.avsec", mini_checklist)
    exercise = pack_exercise(key, tmp_path / "exercise.avsec")
    crypto.encrypt_file(exercise, "room 12 passphrase")
    (team,) = make_team_files(exercise, ["Andes"], tmp_path / "teams")
    assert crypto.looks_encrypted(team)
    crypto.forget()
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, "room 12 passphrase")
    write_responses(team, {"PER-01": "not_compliant"})
    comparison = compare_files(key, [team])
    assert [t.name for t in comparison.teams] == ["Andes"]
    assert comparison.teams[0].accuracy == 0.25  # PER-01 right of the key's 4 assessed items
