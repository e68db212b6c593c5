"""Helpers of the application-layer tests (no Qt)."""

from __future__ import annotations


def make_photo(path, lon=None, lat=None, when="2025:03:12 10:14:59", size=(64, 48), colour="red"):
    """Write a JPEG with EXIF capture time and (optionally) GPS position."""
    from PIL import Image
    from PIL.TiffImagePlugin import IFDRational

    def dms(value):
        value = abs(value)
        degrees = int(value)
        minutes = int((value - degrees) * 60)
        seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
        return (IFDRational(degrees), IFDRational(minutes), IFDRational(seconds))

    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    if when:
        exif.get_ifd(0x8769)[0x9003] = when
    if lon is not None and lat is not None:
        exif[0x8825] = {
            1: "S" if lat < 0 else "N",
            2: dms(lat),
            3: "W" if lon < 0 else "E",
            4: dms(lon),
        }
    image.save(path, exif=exif)
    return path
