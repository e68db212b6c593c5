"""Format 3: photo bytes apart from their metadata, report copy and thumbnail, cheap opens."""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from avsec.core.checklist import Checklist
from avsec.core.errors import NotAnAvsecFile
from avsec.store import AvsecFile, check_file, integrity
from avsec.store.photo_derivatives import make_derivatives
from tests.conftest import raw_sql


def _photo(width: int, height: int, orientation: int = 1) -> bytes:
    """A JPEG whose left half is red and right half blue, with an EXIF orientation tag."""
    image = Image.new("RGB", (width, height), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, width // 2, height))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def test_original_kept_bit_for_bit_with_upright_copies(new_file: AvsecFile) -> None:
    original = _photo(3000, 1500, orientation=6)  # stored sideways: 90 degrees clockwise
    expected_id = hashlib.sha256(original).hexdigest()
    attachment_id = new_file.add_attachment(original, filename="gate.jpg")
    assert attachment_id == expected_id
    stored = new_file.attachment_bytes(attachment_id)
    assert stored is not None and hashlib.sha256(stored).hexdigest() == expected_id
    report = Image.open(io.BytesIO(new_file.report_photo_bytes(attachment_id) or b""))
    # Turned upright: 3000 x 1500 sideways is 1500 x 3000, scaled to a 1600 px long side.
    assert report.format == "JPEG" and report.size == (800, 1600)
    # After the clockwise turn the red (left) half is on top.
    assert report.convert("RGB").getpixel((400, 200))[0] > 200
    assert report.convert("RGB").getpixel((400, 1400))[2] > 200
    thumbnail = Image.open(io.BytesIO(new_file.thumbnail_bytes(attachment_id) or b""))
    assert thumbnail.size == (128, 256)
    assert new_file.photos_without_derivatives() == []


def test_small_photo_keeps_its_size_and_non_images_get_no_copy(new_file: AvsecFile) -> None:
    small = new_file.add_attachment(_photo(400, 300))
    assert Image.open(io.BytesIO(new_file.report_photo_bytes(small) or b"")).size == (400, 300)
    other = new_file.add_attachment(b"%PDF-1.4 not a photo", mime="application/pdf")
    assert new_file.thumbnail_bytes(other) is None
    assert new_file.report_photo_bytes(other) == b"%PDF-1.4 not a photo"  # the original
    assert make_derivatives(b"\xff\xd8 truncated") is None


def test_metadata_table_holds_no_photo_bytes(new_file: AvsecFile) -> None:
    new_file.add_attachment(_photo(200, 100), filename="a.jpg")
    columns = [row[1] for row in raw_sql(new_file, "PRAGMA table_info(attachments)")]
    assert columns == ["id", "filename", "mime", "size", "taken", "lon", "lat"]


def _make_v2_with_photo(path: Path, checklist: Checklist, airport, photo: bytes) -> str:
    from avsec.core.assessment import Assessment

    assessment = Assessment(
        title="old", airport=airport, checklist_id=checklist.id, checklist_version=1
    )
    with AvsecFile.create(path, assessment, checklist, user="t", version=2) as f:
        digest = hashlib.sha256(photo).hexdigest()
        raw_sql(
            f,
            "INSERT INTO attachments (id, filename, mime, size, data, taken, lon, lat) "
            "VALUES (?, 'old.jpg', 'image/jpeg', ?, ?, NULL, -87.2, 14.1)",
            (digest, len(photo), photo),
        )
    return digest


def test_migrates_version_2_and_stores_copies_on_demand(
    tmp_path: Path, mini_checklist: Checklist, airport
) -> None:
    photo = _photo(2400, 1200)
    path = tmp_path / "v2.avsec"
    digest = _make_v2_with_photo(path, mini_checklist, airport, photo)
    before = path.read_bytes()
    assert check_file(path) == 2
    with AvsecFile.open(path) as f:
        assert f.migrated_from == 2 and f.backup is not None
        assert f.backup.read_bytes() == before
        assert f.attachment_bytes(digest) == photo
        info = f.attachments()[0]
        assert (info.filename, info.size, info.lon) == ("old.jpg", len(photo), -87.2)
        # No copy yet: the report gets the original and scales it itself.
        assert f.photos_without_derivatives() == [digest]
        assert f.report_photo_bytes(digest) == photo
        assert f.store_derivatives() == 1
        assert f.photos_without_derivatives() == []
        width = Image.open(io.BytesIO(f.report_photo_bytes(digest) or b"")).size[0]
        assert width == 1600


def _full_checks(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    calls: list[str | None] = []
    real = integrity._quick_check

    def spy(conn: sqlite3.Connection, name: str, table: str | None) -> None:
        calls.append(table)
        real(conn, name, table)

    monkeypatch.setattr(integrity, "_quick_check", spy)
    return calls


def test_whole_file_checked_only_after_an_unclean_close(
    new_file: AvsecFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_file.add_attachment(_photo(300, 200))
    # Copied while the writer still has it open: what a killed writer leaves behind.
    killed = tmp_path / "killed.avsec"
    shutil.copy(new_file.path, killed)
    new_file.close()
    calls = _full_checks(monkeypatch)
    check_file(new_file.path)
    assert None not in calls and "attachment_data" not in calls and "responses" in calls
    calls.clear()
    check_file(killed)
    assert calls == [None]  # the whole file
    calls.clear()
    check_file(new_file.path, full=True)
    assert calls == [None]


def test_reading_does_not_mark_the_file(new_file: AvsecFile) -> None:
    new_file.close()
    with AvsecFile.open(new_file.path) as f:
        f.attachments()
    assert sqlite3.connect(new_file.path).execute(
        "SELECT value FROM meta WHERE key = 'clean_close'"
    ).fetchone() == ("true",)


def test_check_verb_reads_every_page(new_file: AvsecFile, tmp_path: Path, capsys) -> None:
    from avsec.cli import main

    for i in range(40):
        new_file.add_attachment(bytes([i]) * 6000, filename=f"{i}.bin")
    new_file.close()
    assert main(["check", str(new_file.path)]) == 0
    assert "ok" in capsys.readouterr().out
    # Garble the last page: photo bytes, which only the whole-file check reads.
    data = bytearray(new_file.path.read_bytes())
    data[-4096 : -4096 + 64] = b"\xee" * 64
    damaged = tmp_path / "damaged.avsec"
    damaged.write_bytes(bytes(data))
    assert main(["check", str(damaged)]) != 0
    err = capsys.readouterr().err
    assert "damaged.avsec" in err and "\n" not in err.strip()


def test_check_refuses_what_is_not_an_avsec_file(tmp_path: Path) -> None:
    path = tmp_path / "text.avsec"
    path.write_text("hello\n" * 50)
    with pytest.raises(NotAnAvsecFile):
        check_file(path, full=True)


def test_report_of_a_migrated_file_says_how_to_store_copies(
    tmp_path: Path, mini_checklist: Checklist, airport, capsys
) -> None:
    from pypdf import PdfReader

    from avsec.cli import main

    path = tmp_path / "v2.avsec"
    _make_v2_with_photo(path, mini_checklist, airport, _photo(2400, 1200))
    out = tmp_path / "r.pdf"
    assert main(["report", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 photo (attached by an older avsec)" in err and "--store-photo-copies" in err
    assert len(PdfReader(out).pages) >= 1
    assert main(["check", str(path), "--store-photo-copies"]) == 0
    assert "stored the report copy and thumbnail of 1 photo\n" in capsys.readouterr().out
    assert main(["report", str(path), "-o", str(out)]) == 0
    assert "--store-photo-copies" not in capsys.readouterr().err
