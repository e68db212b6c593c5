"""One pixel limit for the app and the report, and "too large" said as such."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from avsec.core.assessment import Response
from avsec.core.commands import SetResponse
from avsec.core.errors import InputError
from avsec.store import AvsecFile
from tests.security.conftest import MINI

#: 11 000 x 11 000 = 121 megapixels: just past a 120-megapixel limit (Pillow's default would
#: only warn up to 179 megapixels).
JUST_PAST = (11_000, 11_000)


def png_claiming(width: int, height: int) -> bytes:
    """A 1x1 PNG whose header claims another size (a decompression bomb's header)."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def test_pillow_refuses_past_the_limit_anywhere_in_the_process() -> None:
    import avsec.io.images  # noqa: F401 - sets the policy

    # Pillow refuses outright above twice its limit: 241 megapixels and more.
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(png_claiming(16_000, 16_000)))


def test_the_app_refuses_a_photo_past_the_limit_as_too_large(tmp_path: Path) -> None:
    from avsec.app.photos import read_photo

    path = tmp_path / "bomb.png"
    path.write_bytes(png_claiming(*JUST_PAST))
    with pytest.raises(InputError, match=r"bomb.png: too large \(11000 × 11000 pixels, 121 mega"):
        read_photo(path)
    path.write_bytes(png_claiming(40_000, 40_000))
    with pytest.raises(InputError, match="bomb.png: too large"):
        read_photo(path)


def test_the_apps_thumbnails_do_not_decode_past_the_limit(qtbot) -> None:
    from avsec.gui.thumbnails import decode_image

    assert decode_image(png_claiming(*JUST_PAST), 96).isNull()
    small = io.BytesIO()
    Image.new("RGB", (300, 200), "red").save(small, "PNG")
    assert decode_image(small.getvalue(), 96).width() == 96


def test_the_report_says_too_large_not_unreadable(run, tmp_path: Path) -> None:
    path = tmp_path / "a.avsec"
    assert run("new", path, "--airport", "MHTG", "--checklist", MINI)[0] == 0
    with AvsecFile.open(path) as f:
        big = f.add_attachment(png_claiming(*JUST_PAST), filename="bomb.png", mime="image/png")
        broken = f.add_attachment(b"\x89PNG broken", filename="broken.png", mime="image/png")
        f.apply(
            SetResponse(
                "PER-01",
                None,
                Response(item_id="PER-01", status="not_compliant", photos=[big, broken]),
            )
        )
    out = tmp_path / "r.pdf"
    code, _, stderr = run("report", path, "-o", out)
    assert code == 0, stderr
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages)
    assert f"Photo {big[:12]} is too large to print (over 120 megapixels)" in text
    assert f"Photo {broken[:12]} could not be read as an image" in text
