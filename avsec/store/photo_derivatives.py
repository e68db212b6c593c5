"""The report copy and the thumbnail the store keeps next to each photo.

Made once, when a photo is attached, so that opening, walking the checklist and building the
report never decode a 12-megapixel original again: the report embeds the stored JPEG as is
(reportlab passes JPEG through), the GUI shows the stored thumbnail. Both are upright (EXIF
orientation applied) because neither carries the original's EXIF. The original is kept
untouched next to them.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageOps

from avsec.core.document import Mark
from avsec.store.photo_markup import draw_marks

#: Longest side of the report copy: sharp at full A4 width (~180 mm at ~225 dpi).
REPORT_SIDE_PX = 1600
#: Longest side of the thumbnail the GUI scales down from.
THUMBNAIL_SIDE_PX = 256
REPORT_QUALITY = 82
THUMBNAIL_QUALITY = 80
#: Beyond this many pixels an image is refused (a hostile file must not exhaust memory).
MAX_PIXELS = 120_000_000


@dataclass(frozen=True)
class Derivatives:
    """A photo's report copy (JPEG, its pixel size) and thumbnail (JPEG)."""

    report: bytes
    report_width: int
    report_height: int
    thumbnail: bytes


def make_derivatives(
    data: bytes, rotation: int = 0, marks: Sequence[Mark] = ()
) -> Derivatives | None:
    """Decode ``data`` once and return its report copy and thumbnail, or None if not an image.

    JPEG originals decode at the smallest libjpeg scale (1/2, 1/4, 1/8) that still covers
    :data:`REPORT_SIDE_PX`, which is several times faster than a full decode. ``rotation``
    (clockwise degrees, a multiple of 90) and ``marks`` make the marked-up copy of an edited
    photo (avsec/store/photo_markup.py); the same size limits apply to it.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data))
            width, height = source.size
            if width < 1 or height < 1 or width * height > MAX_PIXELS:
                return None
            if source.format == "JPEG":
                scale = min(1.0, REPORT_SIDE_PX / max(width, height))
                source.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))
            source.load()
            image: Image.Image = ImageOps.exif_transpose(source) or source
            if image.mode not in ("RGB", "L"):
                image = _flatten(image)
            if rotation % 360:
                image = image.rotate(-(rotation % 360), expand=True)
            image.thumbnail((REPORT_SIDE_PX, REPORT_SIDE_PX), Image.Resampling.BICUBIC)
            if marks:
                image = draw_marks(image, marks)
            report = _jpeg(image, REPORT_QUALITY)
            small = image.copy()
            small.thumbnail((THUMBNAIL_SIDE_PX, THUMBNAIL_SIDE_PX), Image.Resampling.BILINEAR)
            thumbnail = _jpeg(small, THUMBNAIL_QUALITY)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Warning):
        return None
    return Derivatives(report, image.width, image.height, thumbnail)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=False)
    return out.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    """Put an image with transparency or a palette on white, as RGB."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background
