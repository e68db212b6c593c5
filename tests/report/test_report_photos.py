"""Evidence photos scaled down with Pillow, decoded in worker threads."""

from __future__ import annotations

import io
import struct
import threading
import zlib

from PIL import Image
from reportdata import jpeg_bytes

from avsec.report.photos import (
    MAX_SIDE_PX,
    MISSING,
    UNREADABLE,
    Photo,
    PhotoPipeline,
    scale_photo,
    scale_photos,
)


def test_twenty_megapixel_photo_is_scaled_down():
    photo = scale_photo(jpeg_bytes(5472, 3648))
    assert isinstance(photo, Photo)
    assert (photo.width, photo.height) == (MAX_SIDE_PX, 427)
    assert Image.open(io.BytesIO(photo.jpeg)).format == "JPEG"
    assert len(photo.jpeg) < 200_000


def test_exif_orientation_is_applied():
    image = Image.new("RGB", (1200, 800), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90 degrees: the photo is really portrait
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    photo = scale_photo(out.getvalue())
    assert photo is not None and photo.width < photo.height


def test_png_with_transparency_becomes_rgb_on_white():
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    photo = scale_photo(out.getvalue())
    assert photo is not None and (photo.width, photo.height) == (300, 200)
    decoded = Image.open(io.BytesIO(photo.jpeg))
    assert decoded.mode == "RGB" and decoded.getpixel((10, 10))[0] > 240


def _png_claiming(width: int, height: int) -> bytes:
    """A 1x1 PNG whose header claims another size (a decompression bomb's header)."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def test_hostile_images_are_refused_not_fatal():
    assert scale_photo(b"") is None
    assert scale_photo(b"not an image at all") is None
    assert scale_photo(jpeg_bytes(400, 300)[:200]) is None  # truncated
    assert scale_photo(_png_claiming(40_000, 40_000)) is None  # 1.6 gigapixels


def test_pipeline_results_and_duplicates():
    calls: list[str] = []
    store = {"a": jpeg_bytes(800, 600), "b": b"garbage"}

    def loader(photo_id: str) -> bytes | None:
        calls.append(photo_id)
        if photo_id == "boom":
            raise OSError("disk error")
        return store.get(photo_id)

    results = scale_photos(["a", "b", "a", "gone", "boom"], loader)
    assert isinstance(results["a"], Photo)
    assert results["b"] == UNREADABLE
    assert results["gone"] == MISSING and results["boom"] == MISSING
    assert sorted(calls) == ["a", "b", "boom", "gone"]


def test_pipeline_loads_on_the_calling_thread_and_bounds_the_queue():
    ids = [f"p{n}" for n in range(12)]
    store = {i: jpeg_bytes(640, 480, n) for n, i in enumerate(ids)}
    threads: set[int] = set()

    def loader(photo_id: str) -> bytes | None:
        threads.add(threading.get_ident())
        return store[photo_id]

    with PhotoPipeline(ids, loader, workers=2, ahead=3) as pipeline:
        pipeline.pump()
        assert len(pipeline._pending) <= 3
        got = [pipeline.get(i) for i in ids]
        # Asked for out of the planned order, or twice: still answered.
        assert pipeline.get("p0") is got[0]
        assert pipeline.get("unplanned") == MISSING
    assert all(isinstance(p, Photo) for p in got)
    assert threads == {threading.get_ident()}


def test_stored_report_copy_is_embedded_without_decoding():
    from avsec.report.photos import embeddable_jpeg
    from avsec.store.attachments import ReportCopy
    from avsec.store.photo_derivatives import make_derivatives

    made = make_derivatives(jpeg_bytes(4032, 3024))
    assert made is not None
    stored = ReportCopy(made.report)  # as AvsecFile.report_photo_bytes returns it
    photo = embeddable_jpeg(stored)
    assert photo is not None and photo.jpeg is stored  # the same bytes, not re-encoded
    assert (photo.width, photo.height) == (1600, 1200)
    assert embeddable_jpeg(jpeg_bytes(4032, 3024)) is None  # an original: scale it first
    assert embeddable_jpeg(jpeg_bytes(600, 400)) is None  # small, but not a copy avsec made
    pipeline_result = scale_photos(["a"], {"a": stored}.get)
    assert pipeline_result["a"] == photo
