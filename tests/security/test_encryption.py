"""Encrypted assessments: SQLCipher 4 at rest, the passphrase never an argument."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from avsec.core.assessment import Assessment, Response
from avsec.core.commands import SetResponse, add_feature
from avsec.core.errors import NotAnAvsecFile
from avsec.core.layout import Feature
from avsec.store import AvsecFile, check_file, crypto
from avsec.store.crypto import PassphraseError
from tests.security.conftest import MINI

FIXTURES = Path(__file__).parents[1] / "fixtures"
NEEDLE = "NEEDLE-gate-7-fence-cut-4711"
PHOTO = b"\xff\xd8\xff\xe0PHOTO-NEEDLE-0815" * 50
PASSPHRASE = "correct horse 'battery' staple"


def _folder_contains(folder: Path, needle: bytes) -> list[str]:
    """Every file under ``folder`` whose bytes contain ``needle`` (a brute-force scan)."""
    return [
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and needle in p.read_bytes()
    ]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def encrypted(tmp_path: Path, mini_checklist, airport) -> Path:
    folder = tmp_path / "vault"
    path = folder / "secret.avsec"
    assessment = Assessment(
        airport=airport, checklist_id=mini_checklist.id, checklist_version=mini_checklist.version
    )
    with AvsecFile.create(path, assessment, mini_checklist, passphrase=PASSPHRASE) as f:
        assert f.encrypted
    crypto.forget()
    return path


def test_a_session_of_edits_leaves_no_plaintext_on_disk(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = encrypted.parent
    monkeypatch.setenv("TMPDIR", str(folder))  # any SQLite scratch file would land here
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, PASSPHRASE)
    with AvsecFile.open(encrypted) as f:
        note = SetResponse(
            "PER-01", None, Response(item_id="PER-01", status="not_compliant", notes=NEEDLE)
        )
        f.apply(note)
        f.add_attachment(PHOTO, filename=f"{NEEDLE}.jpg")
        f.apply(
            add_feature(
                Feature(
                    id="g1",
                    kind="gate",
                    geometry={"type": "Point", "coordinates": [-80.0, 10.0]},
                    properties={"name": NEEDLE},
                )
            )
        )
        f.revert(note)
        f.apply(note)
        f.set_extra("observations", [{"id": "o1", "text": {"en": NEEDLE}}])
        f.vacuum()
        assert f.responses()["PER-01"].notes == NEEDLE
    with AvsecFile.open(encrypted) as f:  # reads back after closing
        assert f.responses()["PER-01"].notes == NEEDLE
        assert f.attachment_bytes(f.attachments()[0].id) == PHOTO
    assert sorted(p.name for p in folder.iterdir()) == ["secret.avsec"]
    assert _folder_contains(folder, NEEDLE.encode()) == []
    assert _folder_contains(folder, b"PHOTO-NEEDLE") == []
    assert _folder_contains(folder, b"SQLite format 3") == []
    # The encrypted file is not readable as SQLite without the key.
    conn = sqlite3.connect(encrypted)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM responses").fetchall()
    conn.close()


def test_a_wrong_passphrase_is_one_line_and_changes_nothing(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(encrypted.parent)
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, "not the passphrase")
    with pytest.raises(PassphraseError, match="wrong passphrase") as caught:
        AvsecFile.open(encrypted)
    assert "\n" not in str(caught.value) and "secret.avsec" in str(caught.value)
    assert _snapshot(encrypted.parent) == before


def test_without_a_terminal_or_variable_the_file_is_refused_by_name(encrypted: Path) -> None:
    with pytest.raises(PassphraseError, match="secret.avsec: encrypted .*AVSEC_PASSPHRASE"):
        check_file(encrypted)


def test_the_provider_is_asked_once_per_file(encrypted: Path) -> None:
    asked: list[tuple[str, bool]] = []

    def provider(path: Path, confirm: bool) -> str:
        asked.append((path.name, confirm))
        return PASSPHRASE

    previous = crypto.set_provider(provider)
    try:
        with AvsecFile.open(encrypted) as f:
            assert f.encrypted
        crypto.connect_read_only(encrypted).close()  # the thumbnails' second connection
    finally:
        crypto.set_provider(previous)
    assert asked == [("secret.avsec", False)]


def test_garbage_of_odd_length_is_not_taken_for_an_encrypted_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.avsec"
    path.write_bytes(b"junk" * 333)
    with pytest.raises(NotAnAvsecFile, match="not an .avsec file"):
        check_file(path)


def test_backup_before_migration_stays_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.avsec"
    shutil.copy(FIXTURES / "schema-v1.avsec", path)
    crypto.encrypt_file(path, PASSPHRASE)
    crypto.forget()
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, PASSPHRASE)
    assert check_file(path) == 1
    with AvsecFile.open(path) as f:
        assert f.migrated_from == 1 and f.backup is not None
        assert f.responses()["PER-01"].notes == "gap at km 2"
        backup = f.backup
    assert crypto.looks_encrypted(backup) and crypto.looks_encrypted(path)
    assert _folder_contains(tmp_path, b"gap at km 2") == []
    assert check_file(backup) == 1  # the backup opens with the same passphrase


def test_encrypt_and_decrypt_round_trip(run, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.avsec"
    assert run("new", path, "--airport", "MHTG", "--checklist", MINI)[0] == 0
    with AvsecFile.open(path) as f:
        f.apply(
            SetResponse(
                "PER-01", None, Response(item_id="PER-01", status="compliant", notes=NEEDLE)
            )
        )
        plain_document = f.document().model_dump(exclude={"app_version"})
    assert _folder_contains(tmp_path, NEEDLE.encode()) == ["a.avsec"]

    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, PASSPHRASE)
    code, out, err = run("encrypt", path)
    assert code == 0, err
    assert "encrypted" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.avsec"]
    assert _folder_contains(tmp_path, NEEDLE.encode()) == []
    crypto.forget()
    code, out, err = run("info", path)
    assert code == 0, err and "MHTG" in out

    assert run("encrypt", path)[0] == 2  # already encrypted

    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, "wrong")
    crypto.forget()
    before = path.read_bytes()
    code, out, err = run("decrypt", path)
    assert code == 2 and err.count("\n") == 1 and "wrong passphrase" in err
    assert path.read_bytes() == before

    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, PASSPHRASE)
    code, out, err = run("decrypt", path)
    assert code == 0, err
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE)
    with AvsecFile.open(path) as f:
        assert not f.encrypted
        assert f.document().model_dump(exclude={"app_version"}) == plain_document
    assert run("decrypt", path)[0] == 2  # not encrypted


def test_new_encrypt_asks_twice_and_refuses_a_mismatch(run, tmp_path, monkeypatch) -> None:
    answers = iter(["first", "second"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr(crypto.getpass, "getpass", lambda prompt="": next(answers))
    path = tmp_path / "b.avsec"
    code, _, err = run("new", path, "--airport", "MHTG", "--encrypt")
    assert code == 2 and "differ" in err and not path.exists()


def test_new_encrypt_with_the_variable(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, PASSPHRASE)
    path = tmp_path / "c.avsec"
    code, out, err = run("new", path, "--airport", "MHTG", "--encrypt")
    assert code == 0 and "(encrypted)" in out, err
    assert crypto.looks_encrypted(path)
    crypto.forget()
    code, out, err = run("report", path, "-o", tmp_path / "c.pdf")
    assert code == 0, err
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, "nope")
    crypto.forget()
    code, out, err = run("score", path)
    assert code == 2 and err.count("\n") == 1 and "wrong passphrase" in err


def test_an_encrypted_file_with_uri_characters_in_its_name(
    tmp_path: Path, mini_checklist, airport, monkeypatch
) -> None:
    path = tmp_path / "visit ?#% 50.avsec"
    assessment = Assessment(
        airport=airport, checklist_id=mini_checklist.id, checklist_version=mini_checklist.version
    )
    AvsecFile.create(path, assessment, mini_checklist, passphrase=PASSPHRASE).close()
    crypto.forget()
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, PASSPHRASE)
    with AvsecFile.open(path) as f:
        assert f.encrypted and f.assessment.airport.icao == "ZZTA"
    crypto.connect_read_only(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visit ?#% 50.avsec"]
