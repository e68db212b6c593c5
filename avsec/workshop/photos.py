"""Small generated "photos" of the training airport, drawn with Pillow.

They stand in for evidence photos so the demo report shows what a photo looks like in it. They
are sketches, drawn the same way every time (no randomness), and each says in its corner that
it is a generated training image, never a picture of a real place.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 480, 320
SKY = (170, 200, 225)
GRASS = (120, 150, 90)
CONCRETE = (175, 175, 170)
FENCE = (90, 95, 100)
LABEL = "Training image (generated) - Isla Ejemplo ZZEJ"


@dataclass(frozen=True)
class TrainingPhoto:
    """One generated photo: what it shows, where, and the items it is evidence for."""

    filename: str
    items: tuple[str, ...]
    at: tuple[float, float]  # metres from the airport reference point
    draw: Callable[[ImageDraw.ImageDraw], None]


def _ground(d: ImageDraw.ImageDraw, horizon: int = 170) -> None:
    d.rectangle([0, 0, WIDTH, horizon], fill=SKY)
    d.rectangle([0, horizon, WIDTH, HEIGHT], fill=GRASS)


def _fence(
    d: ImageDraw.ImageDraw, x0: int, x1: int, top: int, bottom: int, wire: bool = True
) -> None:
    for x in range(x0, x1 + 1, 40):
        d.line([x, top - (8 if wire else 0), x, bottom], fill=FENCE, width=4)
    for x in range(x0, x1, 10):
        d.line([x, top, x + 10, bottom], fill=FENCE, width=1)
        d.line([x + 10, top, x, bottom], fill=FENCE, width=1)
    d.line([x0, top, x1, top], fill=FENCE, width=2)
    if wire:
        for x in range(x0, x1, 8):
            d.arc([x, top - 14, x + 8, top - 6], 0, 360, fill=(60, 60, 60))


def _drainage_gap(d: ImageDraw.ImageDraw) -> None:
    _ground(d)
    _fence(d, 0, 160, 120, 200)
    _fence(d, 320, WIDTH, 120, 200)
    d.rectangle([170, 185, 310, 235], fill=(130, 100, 70))  # trench
    d.ellipse([215, 190, 265, 230], fill=(60, 60, 60))  # culvert mouth
    for x in (175, 240, 300):
        d.polygon([(x, 200), (x + 10, 170), (x + 20, 200)], fill=(240, 120, 30))  # cones
    d.line([160, 150, 320, 150], fill=(230, 40, 40), width=2)  # tape


def _open_gate(d: ImageDraw.ImageDraw) -> None:
    _ground(d)
    _fence(d, 0, 170, 110, 200)
    _fence(d, 330, WIDTH, 110, 200)
    d.polygon(
        [(170, 110), (240, 130), (240, 215), (170, 200)], outline=FENCE, width=4
    )  # swung leaf
    d.polygon([(200, HEIGHT), (280, HEIGHT), (262, 200), (238, 200)], fill=(150, 130, 100))  # track
    d.text((340, 212), "no padlock", fill=(20, 20, 20))


def _propped_door(d: ImageDraw.ImageDraw) -> None:
    d.rectangle([0, 0, WIDTH, HEIGHT], fill=(215, 215, 210))
    d.rectangle([0, 250, WIDTH, HEIGHT], fill=(160, 150, 140))
    d.rectangle([150, 40, 300, 250], fill=(120, 130, 140))  # door frame
    d.polygon(
        [(300, 40), (380, 60), (380, 240), (300, 250)], fill=(170, 180, 190), outline=(60, 60, 60)
    )
    d.rectangle([318, 200, 340, 250], fill=(200, 30, 30))  # extinguisher
    d.rectangle([320, 192, 338, 200], fill=(40, 40, 40))
    d.rectangle([120, 120, 138, 150], fill=(30, 30, 30))  # card reader
    d.rectangle([124, 124, 134, 134], fill=(40, 200, 40))


def _low_fence(d: ImageDraw.ImageDraw) -> None:
    _ground(d, 150)
    _fence(d, 0, WIDTH, 165, 215, wire=False)
    d.line([60, 165, 60, 215], fill=(250, 250, 250), width=3)  # measuring staff
    for y in range(165, 216, 10):
        d.line([55, y, 65, y], fill=(200, 30, 30), width=2)
    d.text((70, 160), "1.80 m", fill=(20, 20, 20))
    d.ellipse([330, 90, 470, 215], fill=(60, 100, 50))  # vegetation behind


PHOTOS: tuple[TrainingPhoto, ...] = (
    TrainingPhoto(
        "zzej-drainage-opening.jpg", ("PER-01", "PER-04", "PER-14"), (620, 300), _drainage_gap
    ),
    TrainingPhoto("zzej-gate-n1-open.jpg", ("ACP-02", "VEH-14"), (-300, 300), _open_gate),
    TrainingPhoto("zzej-crew-door-propped.jpg", ("SRA-08", "ACP-04"), (-100, -200), _propped_door),
    TrainingPhoto("zzej-west-fence-height.jpg", ("PER-02",), (-1000, 150), _low_fence),
)


def render(photo: TrainingPhoto) -> bytes:
    """Draw ``photo`` and return it as JPEG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), SKY)
    draw = ImageDraw.Draw(image)
    photo.draw(draw)
    draw.rectangle([0, HEIGHT - 18, WIDTH, HEIGHT], fill=(0, 0, 0))
    draw.text((6, HEIGHT - 15), LABEL, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80, optimize=True)
    return out.getvalue()
