"""Evidence photos in the PDF: fixed boxes laid out at once, filled with the decoded JPEGs on saving."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.platypus import Flowable

from avsec.report import styles as st
from avsec.report.pdf.furniture import NumberedCanvas
from avsec.report.photos import MISSING, UNREADABLE, Photo, PhotoPipeline

#: Every evidence photo gets a box of this size (4:3), two across the page.
PHOTO_WIDTH = 81 * mm
PHOTO_HEIGHT = 61 * mm


class JpegReader(ImageReader):
    """Hands reportlab a JPEG to embed as it is, without decoding it again.

    reportlab's own reader decodes every image once more just to name it (a hash of the
    pixels); the JPEG bytes identify the picture just as well.
    """

    def __init__(self, photo: Photo):
        # Not calling the base __init__ on purpose: it would decode the image.
        self.fileName = "photo"
        self._ident = None
        self._image = None
        self._width, self._height = photo.width, photo.height
        self._transparent = None
        self._data = None
        self._dataA = None
        self._jpeg = photo.jpeg
        self.fp = io.BytesIO(photo.jpeg)

    def jpeg_fh(self) -> io.BytesIO:
        self.fp.seek(0)
        return self.fp

    def getRGBData(self) -> bytes:  # noqa: N802 - reportlab's name
        return self._jpeg

    def getTransparent(self) -> None:  # noqa: N802 - reportlab's name
        return None


class Picture(Flowable):
    """An image drawn at a given size from an ImageReader."""

    def __init__(self, reader: ImageReader, width: float, height: float):
        super().__init__()
        self.reader = reader
        self.width, self.height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height)


class PhotoBox(Flowable):
    """An evidence photo's place on the page: a fixed box that the canvas fills on saving.

    The layout does not wait for any photo: every box has the same size and the decoded
    photo is fitted into it (centred) when the PDF is saved, so that photos decode in the
    background while the whole document is laid out. A missing or unreadable photo leaves a
    grey box saying so.
    """

    def __init__(self, photo_id: str, missing_note: str, unreadable_note: str):
        super().__init__()
        self.photo_id = photo_id
        self.width, self.height = PHOTO_WIDTH, PHOTO_HEIGHT
        self.notes = {MISSING: missing_note, UNREADABLE: unreadable_note}

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        assert isinstance(canvas, PhotoCanvas)
        canvas.doForm(canvas.defer_photo(self.photo_id, self.width, self.height, self.notes))


class PhotoCanvas(NumberedCanvas):
    """A numbered canvas that also writes the evidence photos, decoded meanwhile, on saving.

    Each photo is a form XObject of its own, drawn where its box stands and defined once the
    last page is done.
    """

    photos: PhotoPipeline | None = None

    def defer_photo(self, photo_id: str, width: float, height: float, notes: dict[str, str]) -> str:
        """Name the form that will hold ``photo_id`` fitted into ``width`` x ``height``."""
        if not hasattr(self, "_deferred"):
            self._deferred: list[tuple[str, str, float, float, dict[str, str]]] = []
        name = f"photo{len(self._deferred) + 1}"
        self._deferred.append((name, photo_id, width, height, notes))
        return name

    def before_save(self) -> None:
        for name, photo_id, width, height, notes in getattr(self, "_deferred", []):
            photo = self.photos.get(photo_id) if self.photos is not None else MISSING
            self.beginForm(name, lowerx=0, lowery=0, upperx=width, uppery=height)
            if isinstance(photo, Photo):
                scale = min(width / photo.width, height / photo.height)
                shown_width, shown_height = photo.width * scale, photo.height * scale
                self.drawImage(
                    JpegReader(photo),
                    (width - shown_width) / 2,
                    height - shown_height,
                    shown_width,
                    shown_height,
                )
            else:
                self.setFillColor(st.LIGHT_GREY)
                self.setStrokeColor(st.RULE_GREY)
                self.rect(0, 0, width, height, fill=1, stroke=1)
                self.setFillColor(st.MID_GREY)
                self.setFont(st.FONT_ITALIC, 7.5)
                lines = simpleSplit(notes.get(str(photo), ""), st.FONT_ITALIC, 7.5, width - 10)
                for index, line in enumerate(lines):
                    self.drawCentredString(
                        width / 2, height / 2 + (len(lines) / 2 - index - 1) * 9 + 2, line
                    )
            self.endForm()
