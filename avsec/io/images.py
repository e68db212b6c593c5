"""The one pixel limit for every image avsec decodes: photo import, thumbnails, the report.

A hostile or broken file can claim a size whose decoding would exhaust memory (a 40 000 x
40 000 PNG of a few kilobytes). Every reader checks the size from the header against
:data:`MAX_PIXELS` before decoding, and says "too large" as such, never "unreadable". Pillow's
own bomb check is set to the same limit here, once, for anything that decodes without asking.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image

#: Largest image accepted, in pixels: a 20-megapixel phone photo is far below, a 120-megapixel
#: one decodes to some 360 MB of RGB.
MAX_PIXELS = 120_000_000

# Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that: with the limit here, no
# image past it is decoded anywhere in the process, whoever opens it.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def too_large(width: int, height: int) -> bool:
    """Whether an image of ``width`` x ``height`` pixels is past the limit."""
    return width * height > MAX_PIXELS


def too_large_message(name: str, width: int, height: int) -> str:
    """One line saying that ``name`` is too large, with its size and the limit."""
    megapixels = width * height / 1e6
    return (
        f"{name}: too large ({width} × {height} pixels, {megapixels:,.0f} megapixels; "
        f"the limit is {MAX_PIXELS // 1_000_000} megapixels)"
    )


def header_size(data: bytes) -> tuple[int, int] | None:
    """The size an image's header claims, without decoding it; None when it is not an image."""
    try:
        with warnings.catch_warnings():
            # Sizing is the check itself: Pillow's bomb warning would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                return image.size
    except Exception:  # noqa: BLE001 - any failure here means "not an image we can size"
        return None
