"""Team files come back on USB sticks: foreign, tampered and newer files are refused by name."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from workshop_helpers import make_key, write_responses

from avsec.core.checklist import Checklist
from avsec.core.errors import ForeignFileError
from avsec.store import AvsecFile
from avsec.workshop.compare import compare_files
from avsec.workshop.pack import pack_exercise
from avsec.workshop.teams import make_team_files

GOOD = {"PER-01": "not_compliant", "PER-02": "compliant"}


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.fixture
def good_teams(make_teams) -> list[Path]:
    return make_teams({"Andes": GOOD, "Caribe": {"PER-01": "compliant"}})


def _reasons(comparison) -> dict[str, str]:
    return {r.path.name: r.reason for r in comparison.refused}


def test_team_from_another_exercise(
    key_file: Path, good_teams: list[Path], tmp_path: Path, mini_checklist: Checklist
) -> None:
    other = pack_exercise(make_key(tmp_path / "key2.avsec", mini_checklist), tmp_path / "ex2.avsec")
    (stray,) = make_team_files(other, ["Stray"], tmp_path / "other-teams")
    comparison = compare_files(key_file, [*good_teams, stray])
    assert [t.name for t in comparison.teams] == ["Andes", "Caribe"]
    assert "another exercise" in _reasons(comparison)["stray.avsec"]


def test_tampered_checklist_snapshot(key_file: Path, good_teams: list[Path]) -> None:
    tampered = good_teams[1]
    conn = sqlite3.connect(tampered)
    (text,) = conn.execute("SELECT json FROM checklist_snapshot").fetchone()
    data = json.loads(text)
    data["areas"][0]["items"][0]["weight"] = 1  # make a critical item look minor
    changed = json.dumps(data)
    # A careful forger also fixes the checksum: the file is then self-consistent but no
    # longer matches the key's checklist.
    conn.execute(
        "UPDATE checklist_snapshot SET json = ?, sha256 = ?",
        (changed, hashlib.sha256(changed.encode()).hexdigest()),
    )
    conn.commit()
    conn.close()
    comparison = compare_files(key_file, good_teams)
    assert [t.name for t in comparison.teams] == ["Andes"]
    assert "checklist differs from the key's" in _reasons(comparison)["caribe.avsec"]


def test_snapshot_edited_without_its_checksum(key_file: Path, good_teams: list[Path]) -> None:
    _sql(good_teams[0], "UPDATE checklist_snapshot SET json = replace(json, 'fence', 'fencE')")
    comparison = compare_files(key_file, good_teams)
    assert "altered" in _reasons(comparison)["andes.avsec"]


def test_truncated_and_garbage_files(
    key_file: Path, good_teams: list[Path], tmp_path: Path
) -> None:
    truncated = tmp_path / "truncated.avsec"
    truncated.write_bytes(good_teams[0].read_bytes()[:5000])
    garbage = tmp_path / "photo.avsec"
    garbage.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    comparison = compare_files(
        key_file, [good_teams[1], truncated, garbage, tmp_path / "missing.avsec"]
    )
    reasons = _reasons(comparison)
    assert "truncated" in reasons["truncated.avsec"]
    assert "not an .avsec file" in reasons["photo.avsec"]
    assert "no such file" in reasons["missing.avsec"]
    assert [t.name for t in comparison.teams] == ["Caribe"]


def test_newer_version(key_file: Path, good_teams: list[Path]) -> None:
    _sql(good_teams[0], "PRAGMA user_version = 99")
    comparison = compare_files(key_file, good_teams)
    assert "newer avsec" in _reasons(comparison)["andes.avsec"]
    assert [t.name for t in comparison.teams] == ["Caribe"]


def test_damaged_answers(key_file: Path, good_teams: list[Path]) -> None:
    _sql(good_teams[0], "UPDATE responses SET status = 'excellent'")
    comparison = compare_files(key_file, good_teams)
    assert "damaged" in _reasons(comparison)["andes.avsec"]


def test_answers_to_unknown_items(key_file: Path, good_teams: list[Path]) -> None:
    _sql(good_teams[0], "INSERT INTO responses (item_id, status) VALUES ('ZZZ-99', 'compliant')")
    comparison = compare_files(key_file, good_teams)
    assert "ZZZ-99" in _reasons(comparison)["andes.avsec"]


def test_exercise_key_and_duplicates_are_not_teams(
    key_file: Path, exercise_file: Path, good_teams: list[Path], tmp_path: Path
) -> None:
    copy = tmp_path / "andes-copy.avsec"
    copy.write_bytes(good_teams[0].read_bytes())
    comparison = compare_files(
        key_file, [*good_teams, exercise_file, key_file, good_teams[0], copy]
    )
    reasons = _reasons(comparison)
    assert "not a team file (mode exercise)" in reasons["exercise.avsec"]
    assert "not a team file (mode answer_key)" in reasons["key.avsec"]
    assert reasons["andes.avsec"] == "given twice"
    assert "already given by andes.avsec" in reasons["andes-copy.avsec"]
    assert len(comparison.teams) == 2


def test_nothing_to_compare(key_file: Path, exercise_file: Path) -> None:
    with pytest.raises(ForeignFileError, match="no team file to compare.*exercise.avsec"):
        compare_files(key_file, [exercise_file])


def test_key_must_be_a_key(exercise_file: Path, good_teams: list[Path]) -> None:
    with pytest.raises(ForeignFileError, match="not an answer key"):
        compare_files(good_teams[0], good_teams[1:])


def test_compare_never_writes_to_the_sticks(key_file: Path, good_teams: list[Path]) -> None:
    write_responses(good_teams[0], {"PER-03": "compliant"})
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in [key_file, *good_teams]}
    compare_files(key_file, good_teams)
    for path, (data, mtime) in before.items():
        assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime
        assert list(path.parent.glob("*backup*")) == []


def test_answers_changed_with_sqlite_are_refused(key_file: Path, good_teams: list[Path]) -> None:
    """A team that raises its score by editing the database behind avsec's back is refused."""
    # Caribe answered PER-01 compliant through avsec; the key says not compliant.
    _sql(good_teams[1], "UPDATE responses SET status = 'not_compliant' WHERE item_id = 'PER-01'")
    comparison = compare_files(key_file, good_teams)
    assert [t.name for t in comparison.teams] == ["Andes"]
    reason = _reasons(comparison)["caribe.avsec"]
    assert "changes journal" in reason
    assert "PER-01 is not_compliant in the file, compliant in the journal" in reason


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "INSERT INTO responses (item_id, status) VALUES ('ACP-01', 'not_compliant')",
            "ACP-01 has no edit in the journal",
        ),
        ("DELETE FROM responses WHERE item_id = 'PER-02'", "PER-02 was removed from the file"),
        ("UPDATE responses SET notes = 'added later'", "PER-01 differs from the journal"),
        ("DELETE FROM changes WHERE what LIKE 'batch:%'", "PER-01 has no edit in the journal"),
    ],
)
def test_other_edits_behind_the_journal(
    key_file: Path, good_teams: list[Path], statement: str, expected: str
) -> None:
    _sql(good_teams[0], statement)
    comparison = compare_files(key_file, good_teams)
    assert [t.name for t in comparison.teams] == ["Caribe"]
    assert expected in _reasons(comparison)["andes.avsec"]


def test_edits_and_undos_through_avsec_are_accepted(key_file: Path, good_teams: list[Path]) -> None:
    from avsec.core.assessment import Response
    from avsec.core.commands import Batch, SetResponse

    andes = good_teams[0]
    with AvsecFile.open(andes, user="team") as f:
        before = f.response("PER-01")
        changed = Response(item_id="PER-01", status="compliant", notes="second look")
        single = SetResponse("PER-01", before, changed)
        f.apply(single)
        f.revert(single)  # undo: back to not compliant
        f.apply(single)  # redo
        twice = Batch(
            "two steps",
            [
                SetResponse("ACP-01", None, Response(item_id="ACP-01", status="compliant")),
                SetResponse(
                    "ACP-01",
                    Response(item_id="ACP-01", status="compliant"),
                    Response(item_id="ACP-01", status="not_compliant"),
                ),
                SetResponse("PER-02", f.response("PER-02"), None),  # cleared
            ],
        )
        f.apply(twice)
        f.revert(twice)  # ACP-01 unanswered again, PER-02 back
        f.apply(Batch("outer", [Batch("inner", [twice.commands[0]])]))
        expected = {i: str(r.status) for i, r in f.responses().items()}
    assert expected == {"PER-01": "compliant", "PER-02": "compliant", "ACP-01": "compliant"}
    comparison = compare_files(key_file, good_teams)
    assert comparison.refused == []
    assert comparison.teams[0].answers["ACP-01"] == "compliant"
