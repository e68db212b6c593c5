"""Evidence photos for the report with Pillow.

A photo stored by avsec 3 or later comes with a report copy (an upright JPEG of at most 1600 px,
made once at attach time by avsec/store/photo_derivatives.py): it is embedded as is, without
decoding (:func:`embeddable_jpeg` reads only its header). An original without a copy (a file
from an older avsec): a phone photo of 12-20 megapixels is decoded at a reduced scale (JPEG draft mode: libjpeg
scales while decoding, several times faster than a full decode), turned upright from its EXIF
orientation and re-encoded as a small JPEG that reportlab embeds as is (no second encoding).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from PIL import Image, ImageOps

from avsec.io import images
from avsec.store.attachments import ReportCopy
from avsec.store.photo_derivatives import REPORT_SIDE_PX

#: Longest side of a photo in the report: 2 photos across an A4 page (~80 mm each) at ~200 dpi.
MAX_SIDE_PX = 640
#: JPEG decoding may stop at a scale whose long side is this small (~150 dpi at 80 mm), when
#: that saves a decoding step: a 12 MP photo decodes at 1/8 scale (504 px) rather than 1/4.
MIN_SIDE_PX = 480
JPEG_QUALITY = 80
#: Refuse images beyond this many pixels: the limit shared with the app (avsec.io.images).
MAX_PIXELS = images.MAX_PIXELS
#: What :func:`scale_photos` returns for a photo the loader did not find, could not decode,
#: or that is past the pixel limit.
MISSING = "missing"
UNREADABLE = "unreadable"
TOO_LARGE = "too_large"


@dataclass(frozen=True)
class Photo:
    """A photo ready to embed: JPEG bytes and size in pixels."""

    jpeg: bytes
    width: int
    height: int


def scale_photo(data: bytes, max_side: int = MAX_SIDE_PX) -> Photo | None:
    """Decode ``data`` and return it as a small upright JPEG, or None when it is not an image.

    Parameters
    ----------
    data
        The image file's bytes (JPEG, PNG, anything Pillow reads).
    max_side
        Longest side of the result in pixels.

    Returns
    -------
    Photo or None
        None when the bytes are not a readable image or are absurdly large.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data))
            width, height = source.size
            if width * height > MAX_PIXELS or width < 1 or height < 1:
                return None
            if source.format == "JPEG":
                # Ask libjpeg for the smallest 1/2, 1/4 or 1/8 scale whose long side is still
                # >= the minimum (draft wants both sides at least the requested box).
                scale = min(max_side, MIN_SIDE_PX) / max(width, height)
                source.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))
            # Decode in one call: Pillow releases the GIL per call, and the default 64 KiB
            # chunks would make the decoding threads queue for the GIL after every chunk.
            source.decodermaxblock = max(len(data), 65536)
            source.load()
            image: Image.Image = ImageOps.exif_transpose(source) or source
            if image.mode not in ("RGB", "L"):
                image = _flatten(image)
            image.thumbnail((max_side, max_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
            out = io.BytesIO()
            image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Warning):
        # Truncated, corrupt or not an image at all: the report notes it instead of failing.
        return None
    return Photo(out.getvalue(), image.width, image.height)


def embeddable_jpeg(data: bytes) -> Photo | None:
    """``data`` as it is, when it is a report copy the store made (:class:`ReportCopy`: a
    JPEG decoded and re-encoded once at attach time, so known to be whole) of at most
    :data:`REPORT_SIDE_PX` on its longest side, RGB or grey, and upright.

    Only the header is read. None for anything else, originals included: those are decoded
    and scaled by :func:`scale_photo`, which also catches a truncated or corrupt one.
    """
    if not isinstance(data, ReportCopy):
        return None
    try:
        source = Image.open(io.BytesIO(data))
        if source.format != "JPEG" or source.mode not in ("RGB", "L"):
            return None
        width, height = source.size
        if not 0 < max(width, height) <= REPORT_SIDE_PX:
            return None
        if source.getexif().get(0x0112, 1) != 1:  # orientation: a rotation still to apply
            return None
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    return Photo(data, width, height)


def _flatten(image: Image.Image) -> Image.Image:
    """Put an image with transparency or a palette on white, as RGB."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


class PhotoPipeline:
    """Scale photos in worker threads while the report is laid out.

    The caller calls :meth:`pump` often (the report does after every flowable) and
    :meth:`get` when it needs a photo. The loader (which may read from an SQLite connection
    owned by the calling thread) is only ever called from that thread; decoding runs in
    ``workers`` threads (Pillow releases the GIL while it decodes). At most ``ahead`` photos
    are held as bytes waiting for a decoder, so a hundred phone photos never sit in memory at
    once; decoded photos are small.

    Parameters
    ----------
    photo_ids
        Every photo the report will ask for, in the order it will ask (duplicates allowed).
    loader
        Returns a photo's bytes or None.
    workers
        Decoding threads.
    ahead
        Photos loaded and waiting for (or in) a decoder.
    """

    def __init__(
        self,
        photo_ids: Iterable[str],
        loader: Callable[[str], bytes | None],
        workers: int = 2,
        ahead: int = 8,
    ):
        self._order = list(dict.fromkeys(photo_ids))
        self._loader = loader
        self._ahead = max(1, ahead)
        self._next = 0
        self._pending: dict[str, Future[Photo | None]] = {}
        self._done: dict[str, Photo | str] = {}
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="photo")

    def pump(self) -> None:
        """Collect decoded photos and queue more until ``ahead`` are loading (cheap to call)."""
        for photo_id in [i for i, f in self._pending.items() if f.done()]:
            self._collect(photo_id)
        while len(self._pending) < self._ahead and self._next < len(self._order):
            photo_id = self._order[self._next]
            self._next += 1
            if photo_id not in self._done and photo_id not in self._pending:
                self._start(photo_id)

    def _start(self, photo_id: str) -> None:
        """Load a photo: a stored report copy is ready at once, an original goes to a decoder."""
        data = self._load(photo_id)
        if data is None:
            return
        ready = embeddable_jpeg(data)
        if ready is not None:
            self._done[photo_id] = ready
        else:
            self._pending[photo_id] = self._pool.submit(scale_photo, data)

    def _load(self, photo_id: str) -> bytes | None:
        """The photo's bytes; None (and the photo noted missing) when there are none."""
        try:
            data = self._loader(photo_id)
        except Exception:  # noqa: BLE001 - a failing loader means a missing photo, not a failed report
            data = None
        if not data:
            self._done[photo_id] = MISSING
            return None
        size = images.header_size(data)
        if size is not None and images.too_large(*size):
            self._done[photo_id] = TOO_LARGE  # said as such in the report, not "unreadable"
            return None
        return data

    def _collect(self, photo_id: str) -> None:
        photo = self._pending.pop(photo_id).result()
        self._done[photo_id] = photo if photo is not None else UNREADABLE

    def get(self, photo_id: str) -> Photo | str:
        """Return the scaled photo, or :data:`MISSING`, :data:`UNREADABLE` or :data:`TOO_LARGE`."""
        if photo_id not in self._done:
            if photo_id not in self._pending:
                self._start(photo_id)
            if photo_id in self._pending:
                self._collect(photo_id)
        self.pump()
        return self._done[photo_id]

    def close(self) -> None:
        """Stop the worker threads (photos not yet decoded are dropped)."""
        for future in self._pending.values():
            future.cancel()
        self._pending.clear()
        self._pool.shutdown(wait=True)

    def __enter__(self) -> PhotoPipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def scale_photos(
    photo_ids: Iterable[str], loader: Callable[[str], bytes | None], workers: int = 2
) -> dict[str, Photo | str]:
    """Scale every photo at once; id -> :class:`Photo`, :data:`MISSING` or :data:`UNREADABLE`."""
    ids = list(dict.fromkeys(photo_ids))
    with PhotoPipeline(ids, loader, workers) as pipeline:
        pipeline.pump()
        return {photo_id: pipeline.get(photo_id) for photo_id in ids}
