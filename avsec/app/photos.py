"""Read a photo file and its EXIF capture time and GPS position (Pillow, no Qt).

Photos come from phones and cameras carried round the airport; every file may be damaged or
hostile, so anything Pillow cannot parse becomes an :class:`InputError` naming the file, and
odd EXIF values are ignored rather than trusted.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from avsec.core.errors import InputError
from avsec.core.i18n import N_

#: Larger files are not phone photos; the store refuses them too.
MAX_PHOTO_BYTES = 64 * 1024 * 1024
MIME_BY_FORMAT = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}

_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATETIME_ORIGINAL = 0x9003
_DATETIME = 0x0132


@dataclass(frozen=True)
class Photo:
    """A photo's bytes and what its EXIF says about when and where it was taken."""

    data: bytes
    filename: str
    mime: str
    taken: dt.datetime | None
    lon: float | None
    lat: float | None
    width: int
    height: int


def _number(value: Any) -> float:
    if isinstance(value, tuple) and len(value) == 2:  # old-style (numerator, denominator)
        return float(value[0]) / float(value[1])
    return float(value)


def _degrees(dms: Any, ref: Any) -> float | None:
    try:
        d, m, s = (_number(v) for v in dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    value = d + m / 60 + s / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "ignore")
    if str(ref).strip().upper() in ("S", "W"):
        value = -value
    return value if math.isfinite(value) else None


def gps_position(gps: dict[int, Any]) -> tuple[float, float] | None:
    """Return (lon, lat) from an EXIF GPS IFD, or None when absent or out of range."""
    if not gps or 2 not in gps or 4 not in gps:
        return None
    lat = _degrees(gps.get(2), gps.get(1, "N"))
    lon = _degrees(gps.get(4), gps.get(3, "E"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    if lat == 0 and lon == 0:  # cameras write zeros when they had no fix
        return None
    return lon, lat


def capture_time(text: Any) -> dt.datetime | None:
    """Parse an EXIF date ("2024:05:01 14:03:22"), or None when unusable."""
    if isinstance(text, bytes):
        text = text.decode("ascii", "ignore")
    if not isinstance(text, str):
        return None
    try:
        return dt.datetime.strptime(text.strip().rstrip("\x00"), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def read_photo(path: Path) -> Photo:
    """Read a photo file.

    Parameters
    ----------
    path
        A JPEG, PNG or WebP file.

    Returns
    -------
    Photo
        Bytes, MIME type, EXIF capture time and GPS position when present.

    Raises
    ------
    InputError
        Unreadable, too large, or not an image.
    """
    from PIL import Image, UnidentifiedImageError

    from avsec.io.resources import read_limited

    path = Path(path)
    try:
        too_big = N_("{name}: larger than {MAX_PHOTO_BYTES} MiB; not a photo")
        mib = MAX_PHOTO_BYTES // 2**20
        data = read_limited(path, MAX_PHOTO_BYTES, too_big, name=path.name, MAX_PHOTO_BYTES=mib)
    except OSError as exc:
        raise InputError(
            N_("{name}: cannot be read ({strerror})"), name=path.name, strerror=exc.strerror or exc
        ) from exc
    from avsec.io.images import header_size, too_large, too_large_message

    claimed = header_size(data)
    if claimed is not None and too_large(*claimed):  # the limit the report uses too
        raise InputError(too_large_message(path.name, *claimed))
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format or ""
            width, height = image.size
            exif = image.getexif()
            taken = capture_time(exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL)) or capture_time(
                exif.get(_DATETIME)
            )
            position = gps_position(dict(exif.get_ifd(_GPS_IFD)))
    except Image.DecompressionBombError as exc:
        raise InputError(N_("{name}: too large ({exc})"), name=path.name, exc=exc) from exc
    except UnidentifiedImageError as exc:
        raise InputError(
            N_("{name}: not a photo avsec can read ({exc})"), name=path.name, exc=exc
        ) from exc
    except (OSError, SyntaxError, ValueError, TypeError, KeyError) as exc:
        raise InputError(
            N_("{name}: the image is damaged ({exc})"), name=path.name, exc=exc
        ) from exc
    mime = MIME_BY_FORMAT.get(fmt)
    if mime is None:
        raise InputError(
            N_("{name}: {fmt} images are not supported; use JPEG or PNG"),
            name=path.name,
            fmt=fmt or "unknown",
        )
    lon, lat = position if position else (None, None)
    return Photo(data, path.name, mime, taken, lon, lat, width, height)
