"""Draw a photo's markup (arrows, circles, texts) on its copy, with Pillow.

Only the copies (report copy and thumbnail) carry the markup; the original bytes are never
touched. Coordinates are fractions of the image (avsec.core.document.Mark), line widths and
text sizes follow the image size, so the copy reads the same at any resolution.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from avsec.core.document import Mark

#: Markup colour: a saturated red that reads on sky, tarmac and grass alike.
MARK_COLOUR = (230, 25, 40)
#: White edge under every stroke so the red stays visible on a red or dark background.
EDGE_COLOUR = (255, 255, 255)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """The report's bold DejaVu (a wheel's avsec/_data/assets, or the checkout's assets/)."""
    name = "DejaVuSans-Bold.ttf"
    packaged = resources.files("avsec").joinpath("_data", "assets", "fonts", name)
    candidates = [packaged, Path(__file__).resolve().parents[2] / "assets" / "fonts" / name]
    for candidate in candidates:
        try:
            with resources.as_file(candidate) as real:
                return ImageFont.truetype(str(real), size)
        except (OSError, TypeError, ValueError):
            continue
    return ImageFont.load_default(size)


def draw_marks(image: Image.Image, marks: Sequence[Mark]) -> Image.Image:
    """Return a copy of ``image`` (RGB) with ``marks`` drawn on it."""
    out = image.convert("RGB") if image.mode != "RGB" else image.copy()
    if not marks:
        return out
    draw = ImageDraw.Draw(out)
    w, h = out.size
    side = max(w, h)
    width = max(2, round(side / 200))
    for mark in marks:
        x0, y0, x1, y1 = mark.x0 * w, mark.y0 * h, mark.x1 * w, mark.y1 * h
        for colour, extra in ((EDGE_COLOUR, 2 * max(1, width // 2)), (MARK_COLOUR, 0)):
            stroke = width + extra
            if mark.kind == "circle":
                box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
                if box[2] - box[0] >= 1 and box[3] - box[1] >= 1:
                    draw.ellipse(box, outline=colour, width=stroke)
            elif mark.kind == "arrow":
                draw.line((x0, y0, x1, y1), fill=colour, width=stroke)
                head = max(4 * width, side / 40)
                angle = math.atan2(y1 - y0, x1 - x0)
                for turn in (math.pi * 5 / 6, -math.pi * 5 / 6):
                    hx = x1 + head * math.cos(angle + turn)
                    hy = y1 + head * math.sin(angle + turn)
                    draw.line((x1, y1, hx, hy), fill=colour, width=stroke)
        if mark.kind == "text" and mark.text:
            font = _font(max(12, round(side / 28)))
            draw.text(
                (x0, y0),
                mark.text,
                fill=MARK_COLOUR,
                font=font,
                stroke_width=max(1, width // 2),
                stroke_fill=EDGE_COLOUR,
            )
    return out
