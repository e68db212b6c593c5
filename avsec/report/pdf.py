"""The gap report as PDF (reportlab platypus).

Cover, executive summary, zone map, findings by area, improvement outline, annex of every
response and annex of the provisions cited. The handling marking is printed in the header and
footer of every page; pages are numbered "page x of y"; each section has a PDF bookmark; the
DejaVu fonts are embedded. Every text that comes from a user or a data file is escaped before it
reaches reportlab's paragraph markup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from avsec import __version__
from avsec.core.assessment import Status
from avsec.core.checklist import ChecklistItem, Provision, ProvisionCatalogue
from avsec.core.document import AssessmentDocument, AttachmentInfo
from avsec.core.errors import AvsecError, InputError
from avsec.core.findings import SEVERITY_RANK, Finding, finding_numbers
from avsec.core.i18n import pick
from avsec.core.scoring import AreaScore, Gap, gaps, score_checklist
from avsec.io.cap import CapRow, cap_rows
from avsec.report import styles as st
from avsec.report.figures import figure_image, layout_map, score_chart
from avsec.report.photos import MISSING, UNREADABLE, Photo, PhotoPipeline
from avsec.report.text import (
    action_status_label,
    horizon_label,
    long_date,
    measure,
    number,
    percent,
    rule_label,
    severity_label,
    status_label,
    tr,
    tr_count,
    zone_label,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
FIGURE_DPI = 200
#: Every evidence photo gets a box of this size (4:3), two across the page.
PHOTO_WIDTH = 81 * mm
PHOTO_HEIGHT = 61 * mm

# Characters XML cannot hold (reportlab's parser rejects them) and lone surrogates (not UTF-8).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def esc(text: object) -> str:
    """Make any text safe for reportlab paragraph markup: it prints literally.

    ``<b>x</b> & <font size=40>y</font>`` comes out as those very characters. Control
    characters are dropped and line breaks kept.
    """
    clean = _ILLEGAL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return escape(clean).replace("\t", "    ").replace("\n", "<br/>")


def _paragraphs(text: str, style: Any) -> list[Flowable]:
    """Split user text on blank lines into paragraphs (so a very long note flows across pages)."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text.strip())]
    return [Paragraph(esc(block), style) for block in blocks if block.strip()]


# --- page furniture ------------------------------------------------------------------------------


class _Heading(Paragraph):
    """A paragraph that adds a PDF bookmark (outline entry) where it is drawn."""

    def __init__(self, text: str, style: Any, key: str, level: int, title: str):
        super().__init__(text, style)
        self.outline_entry = (title, key, level)


class _Fit(Flowable):
    """Table-cell text: one line drawn directly when it fits, else a wrapping Paragraph.

    Most cells (rule names, severities, statuses, item ids) fit on one line; drawing those
    without reportlab's markup parser and line breaker makes large reports several times
    cheaper to lay out, and the wrapped fallback keeps long values correct.
    """

    def __init__(self, text: str, style: Any, *, font: str | None = None, colour: Any = None):
        super().__init__()
        self.text = _ILLEGAL.sub("", text)
        self.style = style
        self.font = font or style.fontName
        self.colour = colour if colour is not None else style.textColor
        self._paragraph: Paragraph | None = None

    def _fits(self, width: float) -> bool:
        return (
            "\n" not in self.text
            and stringWidth(self.text, self.font, self.style.fontSize) <= width
        )

    def _as_paragraph(self) -> Paragraph:
        if self._paragraph is None:
            markup = esc(self.text)
            if self.font != self.style.fontName and "Bold" in self.font:
                markup = f"<b>{markup}</b>"
            if self.colour != self.style.textColor:
                markup = f'<font color="#{self.colour.hexval()[2:]}">{markup}</font>'
            self._paragraph = Paragraph(markup, self.style)
        return self._paragraph

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._fits(available_width):
            self._paragraph = None
            self.width, self.height = available_width, self.style.leading
            return self.width, self.height
        self.width, self.height = self._as_paragraph().wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self._fits(available_width):
            return []
        return self._as_paragraph().split(available_width, available_height)

    def draw(self) -> None:
        if self._paragraph is not None:
            self._paragraph.drawOn(self.canv, 0, 0)
            return
        size = self.style.fontSize
        # The same baseline as a one-line Paragraph of this style (font size below the top).
        baseline = self.height - size
        self.canv.setFont(self.font, size)
        self.canv.setFillColor(self.colour)
        self.canv.drawString(0, baseline, self.text)


class _JpegReader(ImageReader):
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


class _Picture(Flowable):
    """An image drawn at a given size from an ImageReader."""

    def __init__(self, reader: ImageReader, width: float, height: float):
        super().__init__()
        self.reader = reader
        self.width, self.height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height)


class _PhotoBox(Flowable):
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
        assert isinstance(canvas, _ReportCanvas)
        canvas.doForm(canvas.defer_photo(self.photo_id, self.width, self.height, self.notes))


class _ReportCanvas(Canvas):
    """Canvas that writes what is only known at the end: page counts and decoded photos.

    Each page draws a form XObject named after its number, and each photo a form of its own;
    :meth:`save` defines those forms when the last page is done. Deferring whole pages
    instead (the usual "page x of y" recipe) would break the bookmarks, which point at pages
    as they are emitted.
    """

    page_label = "Page {page} of {pages}"
    photos: PhotoPipeline | None = None

    def defer_photo(self, photo_id: str, width: float, height: float, notes: dict[str, str]) -> str:
        """Name the form that will hold ``photo_id`` fitted into ``width`` x ``height``."""
        if not hasattr(self, "_deferred"):
            self._deferred: list[tuple[str, str, float, float, dict[str, str]]] = []
        name = f"photo{len(self._deferred) + 1}"
        self._deferred.append((name, photo_id, width, height, notes))
        return name

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        for name, photo_id, width, height, notes in getattr(self, "_deferred", []):
            photo = self.photos.get(photo_id) if self.photos is not None else MISSING
            self.beginForm(name, lowerx=0, lowery=0, upperx=width, uppery=height)
            if isinstance(photo, Photo):
                scale = min(width / photo.width, height / photo.height)
                shown_width, shown_height = photo.width * scale, photo.height * scale
                self.drawImage(
                    _JpegReader(photo),
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
        total = self.getPageNumber() - 1
        for page in range(1, total + 1):
            self.beginForm(f"pageno{page}", lowerx=-60 * mm, lowery=-2, upperx=0, uppery=10)
            self.setFont(st.FONT, 7.5)
            self.setFillColor(st.MID_GREY)
            self.drawRightString(0, 0, self.page_label.format(page=page, pages=total))
            self.endForm()
        super().save()


def _canvas_maker(page_label: str, photos: PhotoPipeline | None) -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        canvas = _ReportCanvas(*args, **kwargs)
        canvas.page_label = page_label
        canvas.photos = photos
        return canvas

    return make


def _fitting_size(text: str, font: str, size: float, width: float, smallest: float = 5.0) -> float:
    """The font size, down to ``smallest``, at which ``text`` fits in ``width`` points."""
    natural = stringWidth(text, font, size)
    return size if natural <= width else max(smallest, size * width / natural)


def _clip(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits in ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[: max(0, len(text) - max(1, len(text) // 20))]
    return text.rstrip() + "…"


class _ReportTemplate(BaseDocTemplate):
    """A4 portrait with the marking in the header and footer of every page."""

    def __init__(self, filename: str, *, marking: str, running: str, footer_left: str, **kw: Any):
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kw,
        )
        self.marking = marking
        self.running = running
        self.footer_left = footer_left
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._furniture)])

    def _furniture(self, canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - 11 * mm
        bottom = 15 * mm
        for y in (top, bottom):
            size = _fitting_size(self.marking, st.FONT_BOLD, 8, FRAME_WIDTH)
            canvas.setFont(st.FONT_BOLD, size)
            canvas.setFillColor(st.MARKING_RED)
            canvas.drawCentredString(
                PAGE_WIDTH / 2, y, _clip(self.marking, st.FONT_BOLD, size, FRAME_WIDTH)
            )
        canvas.setFont(st.FONT, 7.5)
        canvas.setFillColor(st.MID_GREY)
        canvas.drawString(MARGIN_X, top - 5.5 * mm, _clip(self.running, st.FONT, 7.5, FRAME_WIDTH))
        canvas.drawString(
            MARGIN_X, bottom - 5 * mm, _clip(self.footer_left, st.FONT, 7.5, FRAME_WIDTH - 35 * mm)
        )
        canvas.setStrokeColor(st.NAVY)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, top - 7.5 * mm, PAGE_WIDTH - MARGIN_X, top - 7.5 * mm)
        canvas.line(MARGIN_X, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
        canvas.translate(PAGE_WIDTH - MARGIN_X, bottom - 5 * mm)
        canvas.doForm(f"pageno{canvas.getPageNumber()}")
        canvas.restoreState()

    #: Called after each flowable: keeps the photo decoders busy while pages are laid out.
    after_each: Callable[[], None] | None = None

    def afterFlowable(self, flowable: Flowable) -> None:
        if self.after_each is not None:
            self.after_each()
        entry = getattr(flowable, "outline_entry", None)
        if entry is not None:
            title, key, level = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


# --- encryption ----------------------------------------------------------------------------------


def _cbc_cipher() -> Callable[[bytes, bytes, bytes], bytes] | None:
    """AES-CBC without padding, from ``cryptography`` (fast) or ``pyaes`` (pure Python)."""
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError:
        try:
            import pyaes  # type: ignore[import-not-found]
        except ImportError:
            return None

        def slow(key: bytes, iv: bytes, data: bytes) -> bytes:
            mode = pyaes.AESModeOfOperationCBC(key, iv=iv)
            encrypter = pyaes.Encrypter(mode, padding=pyaes.PADDING_NONE)
            return bytes(encrypter.feed(data) + encrypter.feed())

        return slow

    def fast(key: bytes, iv: bytes, data: bytes) -> bytes:
        encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        return encryptor.update(data) + encryptor.finalize()

    return fast


def aes256_available() -> bool:
    """Whether AES-256 encryption can run here (it needs ``cryptography`` or ``pyaes``)."""
    return _cbc_cipher() is not None


@contextmanager
def _correct_aes256() -> Iterator[None]:
    """Make reportlab's AES-256 (security handler revision 5) write files readers accept.

    reportlab 5.1 encrypts through ``pyaes`` with its default PKCS#7 padding on top of its
    own: the keys it stores (UE, OE) come out 48 bytes long instead of 32, so pypdf and other
    strict readers cannot open the file at all, and every encrypted string (the title, for
    one) keeps stray padding bytes after decryption. While the report is written, reportlab's
    cipher is replaced by AES-CBC without padding for the key material (which is whole blocks)
    and its string and stream encoder by one that pads exactly once. The key derivation and
    the encryption dictionary stay reportlab's.
    """
    from reportlab.lib import pdfencrypt

    cipher = _cbc_cipher()
    if cipher is None:
        raise AvsecError(
            "AES-256 PDF encryption needs the 'cryptography' or 'pyaes' package; "
            "install one of them (pip install cryptography)"
        )

    class _Mode:
        def __init__(self, key: bytes, iv: bytes):
            self.key, self.iv = key, iv

    class _Encrypter:
        """reportlab's use: feed(data) then feed() for the result; data are whole blocks."""

        def __init__(self, mode: _Mode):
            self.mode = mode
            self.data = b""

        def feed(self, data: bytes | None = None) -> bytes:
            if data is not None:
                self.data += bytes(data)
                return b""
            assert cipher is not None
            return cipher(self.mode.key, self.mode.iv, self.data)

    class _Shim:
        AESModeOfOperationCBC = _Mode
        Encrypter = _Encrypter

    original_encode = pdfencrypt.encodePDF

    def encode_pdf(
        key: bytes, object_number: int, generation: int, string: Any, revision: Any = None
    ) -> bytes:
        if revision != 5:
            return bytes(original_encode(key, object_number, generation, string, revision))
        data = string.encode("utf-8") if isinstance(string, str) else bytes(string)
        pad = 16 - len(data) % 16
        iv = os.urandom(16)
        assert cipher is not None
        return iv + cipher(key, iv, data + bytes([pad]) * pad)

    saved_pyaes = getattr(pdfencrypt, "pyaes", None)
    pdfencrypt.pyaes = _Shim  # type: ignore[attr-defined]
    # reportlab imports sha256 only when pyaes imports; with cryptography alone it is missing.
    pdfencrypt.sha256 = hashlib.sha256  # type: ignore[attr-defined]
    pdfencrypt.encodePDF = encode_pdf
    try:
        yield
    finally:
        pdfencrypt.pyaes = saved_pyaes  # type: ignore[attr-defined]
        pdfencrypt.encodePDF = original_encode


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write image streams as binary rather than ASCII85 text (smaller and faster)."""
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _encryption(password: str) -> Any:
    from reportlab.lib.pdfencrypt import StandardEncryption

    # A random owner password: readers may print and copy but nobody can lift the
    # restriction on changing the report.
    return StandardEncryption(
        password,
        ownerPassword=secrets.token_urlsafe(24),
        canPrint=1,
        canModify=0,
        canCopy=1,
        canAnnotate=1,
        strength=256,
    )


# --- the report ----------------------------------------------------------------------------------


def action_markup(title: str, description: str) -> str:
    """The action in a table cell: its description, led by the title when that adds to it."""
    title, description = title.strip(), description.strip()
    stem = title.rstrip("…").rstrip(".").strip()
    if not description:
        return esc(title)
    if not stem or description.startswith(stem):
        # A generated title is the description's first sentence (or its start): no need for
        # both.
        return esc(description)
    return f"<b>{esc(title)}</b><br/>{esc(description)}"


def _keywords(words: str, *more: str) -> list[str]:
    """The PDF keywords: a translated comma-separated list, then ``more`` (the marking)."""
    found = [w.strip() for w in words.split(",")] + [_ILLEGAL.sub("", m).strip() for m in more]
    return list(dict.fromkeys(w for w in found if w))


def _item_refs(row: CapRow) -> str:
    """The items an action answers and, on a line of their own, its findings' map numbers."""
    items = ", ".join(row.items)
    findings = " ".join(f"[{n}]" for n in row.finding_refs)
    return "\n".join(part for part in (items, findings) if part) or "–"


_INVERSE = {"subset": "superset", "superset": "subset"}


def _table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose default font is ours (reportlab's default would pull in Helvetica)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), st.FONT, 8, 10), *commands])


def _natural_key(text: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


class _Report:
    """Builds the story (list of flowables) of one report."""

    def __init__(
        self,
        doc: AssessmentDocument,
        lang: str,
        photo_loader: Callable[[str], bytes | None],
        catalogue: ProvisionCatalogue | None,
        today: dt.date,
    ):
        self.doc = doc
        self.lang = lang
        self.photo_loader = photo_loader
        self.catalogue = catalogue
        self.today = today
        self.s = st.Styles()
        self.checklist = doc.checklist
        self.scores = score_checklist(doc.checklist, doc.responses)
        self.gaps = gaps(doc.checklist, doc.responses, doc.findings)
        self.gap_items = {g.item.id: g for g in self.gaps}
        self.cap, self.cap_generated = cap_rows(doc, lang, today)
        self.findings_by_item: dict[str, list[Finding]] = {}
        for finding in doc.findings:
            for item_id in finding.items:
                self.findings_by_item.setdefault(item_id, []).append(finding)
        # Findings keep their stored order (the analysis's, most severe first) and the numbers
        # the app shows: "finding 3" is the same gap on screen, on the map and in the outline.
        self.numbered: list[Finding] = list(doc.findings)
        self.numbers = finding_numbers(doc.findings)
        self.attachments: dict[str, AttachmentInfo] = {a.id: a for a in doc.attachments}
        self.area_titles = {a.id: pick(a.title, lang) for a in doc.checklist.areas}
        self.photos: PhotoPipeline | None = None

    def t(self, key: str, **fields: object) -> str:
        return tr(key, self.lang, **fields)

    def number_of(self, finding: Finding) -> int:
        """The finding's number on the map and in every list."""
        return self.numbers[finding.id]

    # --- building blocks --------------------------------------------------------------------

    def heading(self, text: str, key: str, level: int = 0) -> _Heading:
        style = self.s.h1 if level == 0 else self.s.h2
        return _Heading(esc(text), style, key=key, level=level, title=_ILLEGAL.sub("", text))

    def cell(self, text: object, style: Any = None) -> Flowable:
        return _Fit(str(text), style or self.s.cell)

    def plain(self, text: object) -> str:
        """A short table value drawn as it is (no markup parsing, so nothing to escape)."""
        return _ILLEGAL.sub("", str(text)).replace("\n", " ")

    def status_cell(self, status: str) -> Flowable:
        colour = st.STATUS_COLOURS.get(status, st.MID_GREY)
        return _Fit(status_label(status, self.lang), self.s.cell, font=st.FONT_BOLD, colour=colour)

    def severity_cell(self, severity: str) -> Flowable:
        colour = st.SEVERITY_COLOURS.get(severity, st.MID_GREY)
        return _Fit(
            severity_label(severity, self.lang), self.s.cell, font=st.FONT_BOLD, colour=colour
        )

    def table(
        self,
        titles: Sequence[str],
        rows: list[list[Any]],
        widths: Sequence[float],
        *,
        split_in_row: bool = False,
        bold_last: bool = False,
        header: bool = True,
        bold_columns: Sequence[int] = (),
    ) -> Table:
        """A table with a header row (repeated on each page) and light row shading.

        Cells are Paragraphs, or plain strings (from :meth:`plain`) for short values that
        need no wrapping: those are far cheaper to lay out, in bold in ``bold_columns``.
        ``header=False`` gives the continuation of a list whose header is already printed.
        """
        head = [[self.cell(h, self.s.cell_head) for h in titles]] if header else []
        # Translated headers are longer than the English ones: the columns make room for
        # their words rather than cutting one in two. A continuation without its header keeps
        # the widths of the table it continues, which has the same titles.
        column_widths = st.fit_columns(
            titles, [w * mm for w in widths], st.FONT_BOLD, self.s.cell_head.fontSize, 6
        )
        table = Table(
            [*head, *rows],
            colWidths=column_widths,
            repeatRows=1 if header else 0,
            splitByRow=1,
            splitInRow=1 if split_in_row else 0,
            hAlign="LEFT",
        )
        first = 1 if header else 0
        commands: list[tuple[Any, ...]] = [
            ("LINEBELOW", (0, first), (-1, -1), 0.3, st.RULE_GREY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, colors.HexColor("#F7F8FA")]),
            ("FONT", (0, 0), (-1, -1), st.FONT, 8, 10),
        ]
        commands += [("FONT", (c, first), (c, -1), st.FONT_BOLD, 8, 10) for c in bold_columns]
        if header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), st.HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, st.NAVY),
            ]
        if bold_last:
            commands += [
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, st.NAVY),
                ("BACKGROUND", (0, -1), (-1, -1), st.LIGHT_GREY),
                ("FONT", (0, -1), (-1, -1), st.FONT_BOLD, 8, 10),
            ]
        table.setStyle(_table_style(commands))
        return table

    def figure(self, figure: Any, max_width: float, max_height: float) -> Flowable:
        """A matplotlib figure as a picture scaled to fit the box."""
        image = figure_image(figure, FIGURE_DPI)
        ratio = min(max_width / image.width, max_height / image.height)
        return _Picture(ImageReader(image), image.width * ratio, image.height * ratio)

    # --- the story --------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        """Every flowable of the report. Photos decode in the background meanwhile."""
        self.photos = PhotoPipeline(self._photo_ids(), self.photo_loader)
        self.photos.pump()
        story: list[Flowable] = []
        story += self.cover()
        story.append(PageBreak())
        story += self.summary()
        story.append(PageBreak())
        if self.doc.last_visit is not None:
            from avsec.report.followup_section import followup_section

            story += [*followup_section(self), PageBreak()]
        story += self.zone_map()
        story.append(PageBreak())
        story += self.findings()
        story.append(PageBreak())
        story += self.outline()
        story.append(PageBreak())
        story += self.responses_annex()
        story.append(PageBreak())
        story += self.provisions_annex()
        return story

    def close(self) -> None:
        """Stop the photo threads."""
        if self.photos is not None:
            self.photos.close()

    def _photo_ids(self) -> list[str]:
        ids: list[str] = []
        for item in self.checklist.items():
            response = self.doc.responses.get(item.id)
            if item.id in self.gap_items and response:
                ids.extend(response.photos)
        return ids

    # --- cover --------------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        a = self.doc.assessment
        airport = a.airport
        s = self.s
        out: list[Flowable] = [Spacer(1, 16 * mm)]
        title = self.t("report_title")
        out.append(_Heading(esc(title), s.cover_title, key="cover", level=0, title=self.t("cover")))
        out.append(Paragraph(esc(self.t("report_subtitle")), s.cover_subtitle))
        out.append(Spacer(1, 12 * mm))
        out.append(Paragraph(esc(airport.name), s.cover_airport))
        codes = " / ".join(c for c in (airport.icao, airport.iata) if c)
        place = ", ".join(p for p in (airport.city, airport.country) if p)
        line = " — ".join(p for p in (codes, place) if p)
        if line:
            out.append(Paragraph(esc(line), s.cover_subtitle))
        out.append(Spacer(1, 10 * mm))

        ended = long_date(a.ended, self.lang) if a.ended else self.t("ongoing")
        dates = f"{long_date(a.started, self.lang)} – {ended}"
        edition = self.checklist.edition or (
            self.catalogue.editions.get("A17", "") if self.catalogue else ""
        )
        checklist_text = self.t(
            "checklist_version",
            title=pick(self.checklist.title, self.lang),
            id=self.checklist.id,
            version=self.checklist.version,
        )
        facts: list[tuple[str, str]] = [
            (self.t("airport"), airport.name),
            (self.t("codes"), codes or self.t("none_given")),
        ]
        if place:
            facts.append((self.t("location"), place))
        if a.title:
            facts.append((self.t("assessment"), a.title))
        facts.append((self.t("dates"), dates))
        if a.team_name:
            facts.append((self.t("exercise_team"), a.team_name))
        facts.append((self.t("team"), "\n".join(a.team) or self.t("none_given")))
        if a.organisation:
            facts.append((self.t("organisation"), a.organisation))
        facts.append((self.t("checklist"), checklist_text))
        facts.append((self.t("edition"), edition or self.t("edition_unknown")))
        facts.append((self.t("generated_on"), long_date(self.today, self.lang)))
        rows = [[Paragraph(esc(k), s.label), Paragraph(esc(v), s.body)] for k, v in facts]
        table = Table(rows, colWidths=[42 * mm, FRAME_WIDTH - 42 * mm], hAlign="LEFT", splitInRow=1)
        table.setStyle(
            _table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, st.RULE_GREY),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, st.NAVY),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.8, st.NAVY),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        out.append(table)
        out.append(Spacer(1, 9 * mm))

        box = Table(
            [
                [Paragraph(esc(a.marking(self.lang)), s.marking_box)],
                [Paragraph(esc(self.t("handling_note")), s.small)],
            ],
            colWidths=[FRAME_WIDTH],
        )
        box.setStyle(
            _table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, st.MARKING_RED),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        out.append(box)
        out.append(Spacer(1, 9 * mm))

        out.append(Paragraph(esc(self.t("signatures")), s.h3))
        roles = ("prepared_by", "reviewed_by", "approved_by")
        signature = Table(
            [
                [Paragraph(esc(self.t(r)), s.label) for r in roles],
                [Spacer(1, 14 * mm) for _ in roles],
                [Paragraph(esc(self.t("name_signature_date")), s.small) for _ in roles],
            ],
            colWidths=[FRAME_WIDTH / 3] * 3,
        )
        signature.setStyle(
            _table_style(
                [
                    ("LINEBELOW", (0, 1), (-1, 1), 0.6, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        out.append(signature)
        return out

    # --- executive summary ------------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        s, lang = self.s, self.lang
        overall = self.scores.overall
        responses = self.doc.responses
        known = set(self.checklist.item_ids())
        statuses = [r.status for i, r in responses.items() if i in known]
        out: list[Flowable] = [self.heading(self.t("sec_summary"), "sec-summary")]
        out.append(
            Paragraph(
                esc(
                    self.t(
                        "summary_text",
                        assessed=overall.assessed,
                        applicable=overall.applicable,
                        coverage=percent(overall.coverage, lang),
                        ei=percent(overall.ei, lang),
                        weighted=percent(overall.weighted, lang),
                        not_compliant=statuses.count(Status.NOT_COMPLIANT),
                        partial=statuses.count(Status.PARTIALLY_COMPLIANT),
                    )
                ),
                s.body,
            )
        )
        findings = self.doc.findings
        if findings:
            counts = {k: sum(1 for f in findings if f.severity == k) for k in SEVERITY_RANK}
            text = tr_count("summary_geometry", len(findings), self.lang, **counts)
        else:
            text = self.t("summary_no_geometry")
        out.append(Paragraph(esc(text), s.body))
        immediate = sum(1 for r in self.cap if r.horizon == "immediate")
        out.append(
            Paragraph(
                esc(tr_count("summary_outline", len(self.cap), lang, immediate=immediate)), s.body
            )
        )

        out.append(Paragraph(esc(self.t("sub_scores")), s.h2))
        header = [
            self.t("area"),
            self.t("items"),
            self.t("applicable"),
            self.t("assessed"),
            self.t("coverage"),
            self.t("ei"),
            self.t("weighted"),
        ]

        def score_row(name: str, score: AreaScore, bold: bool = False) -> list[Any]:
            style = s.cell_bold if bold else s.cell
            values = [
                name,
                str(score.items),
                str(score.applicable),
                str(score.assessed),
                percent(score.coverage, lang),
                percent(score.ei, lang),
                percent(score.weighted, lang),
            ]
            return [self.cell(values[0], style), *(self.plain(v) for v in values[1:])]

        rows = [score_row(self.area_titles.get(a.id, a.id), a) for a in self.scores.areas]
        rows.append(score_row(self.t("overall"), overall, bold=True))
        out.append(self.table(header, rows, [50, 14, 20, 19, 19, 14, 34], bold_last=True))
        out.append(Spacer(1, 2 * mm))
        out.append(Paragraph(esc(self.t("score_definitions")), s.note))

        chart = score_chart(self.scores, self.checklist, lang)
        out.append(Spacer(1, 3 * mm))
        out.append(
            KeepTogether(
                [
                    self.figure(chart, FRAME_WIDTH, 80 * mm),
                    Paragraph(esc(self.t("chart_caption")), s.caption),
                ]
            )
        )

        top = self.gaps[:5]
        out.append(CondPageBreak(40 * mm))
        block: list[Flowable] = [Paragraph(esc(self.t("sub_top_gaps")), s.h2)]
        if top:
            rows = [
                [
                    self.plain(rank),
                    self.plain(gap.item.id),
                    self.cell(self.area_titles.get(self.checklist.area_of(gap.item.id).id, "")),
                    self.status_cell(str(gap.status)),
                    self.plain(number(gap.priority, lang, 2)),
                    self.cell(pick(gap.item.recommendation, lang) or pick(gap.item.question, lang)),
                ]
                for rank, gap in enumerate(top, start=1)
            ]
            header = [
                self.t("no"),
                self.t("item"),
                self.t("area"),
                self.t("status"),
                self.t("priority"),
                self.t("recommendation"),
            ]
            block.append(self.table(header, rows, [10, 17, 32, 27, 19, 65], bold_columns=(1,)))
        else:
            block.append(Paragraph(esc(self.t("no_gaps")), s.body))
        out += block
        return out

    # --- zone map -----------------------------------------------------------------------------

    def zone_map(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [self.heading(self.t("sec_map"), "sec-map")]
        if self.doc.features or self.numbered:
            figure = layout_map(self.doc.features, self.numbered, self.lang, numbers=self.numbers)
            out.append(self.figure(figure, FRAME_WIDTH, FRAME_HEIGHT - 30 * mm))
            out.append(Paragraph(esc(self.t("map_caption")), s.caption))
        else:
            out.append(Paragraph(esc(self.t("map_empty")), s.body))
        if not self.numbered:
            out.append(Paragraph(esc(self.t("map_no_findings")), s.body))
            return out
        out.append(CondPageBreak(40 * mm))
        out.append(Paragraph(esc(self.t("sub_map_key")), s.h2))
        rows = []
        for finding in self.numbered:
            rows.append(
                [
                    self.plain(self.number_of(finding)),
                    self.cell(rule_label(finding.rule, self.lang)),
                    self.severity_cell(finding.severity),
                    self.plain(measure(finding.value, finding.unit, self.lang)),
                    self.cell(zone_label(finding.zone, self.lang)),
                    self.cell(", ".join(finding.items)),
                ]
            )
        header = [
            self.t("no"),
            self.t("rule"),
            self.t("severity"),
            self.t("measure"),
            self.t("zone"),
            self.t("items"),
        ]
        out.append(self.table(header, rows, [11, 46, 19, 21, 30, 43], bold_columns=(0,)))
        return out

    # --- findings by area --------------------------------------------------------------------

    def findings(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [self.heading(self.t("sec_findings"), "sec-findings")]
        out.append(Paragraph(esc(self.t("findings_intro")), s.body))
        for index, area in enumerate(self.checklist.areas, start=1):
            title = f"3.{index} {self.area_titles[area.id]}"
            out.append(CondPageBreak(30 * mm))
            out.append(self.heading(title, f"findings-{index}", level=1))
            area_gaps = [self.gap_items[i.id] for i in area.items if i.id in self.gap_items]
            if not area_gaps:
                out.append(Paragraph(esc(self.t("area_no_gaps")), s.body))
                continue
            for gap in area_gaps:
                out += self.gap_block(gap)
        # Findings shown under no gap: linked to no item, or only to items the inspector
        # marked compliant or not applicable. They are listed here so that every finding on
        # the map has its description in this section.
        unlinked = [f for f in self.numbered if not any(i in self.gap_items for i in f.items)]
        if unlinked:
            index = len(self.checklist.areas) + 1
            out.append(CondPageBreak(30 * mm))
            out.append(self.heading(f"3.{index} {self.t('sub_unlinked')}", "findings-other", 1))
            out.append(self.finding_table(unlinked))
        return out

    def gap_block(self, gap: Gap) -> list[Flowable]:
        s, lang = self.s, self.lang
        item: ChecklistItem = gap.item
        response = self.doc.responses.get(item.id)
        head = Paragraph(f"{esc(item.id)} — {esc(pick(item.question, lang))}", s.h3)
        facts = Table(
            [
                [
                    self.cell(self.t("status"), s.small_bold),
                    self.cell(self.t("priority"), s.small_bold),
                    self.cell(self.t("weight"), s.small_bold),
                    self.cell(self.t("provisions"), s.small_bold),
                ],
                [
                    self.status_cell(str(gap.status)),
                    self.cell(number(gap.priority, lang, 2)),
                    self.cell(self.t(f"weight_{item.weight}")),
                    self.cell(", ".join(item.references) or "–"),
                ],
            ],
            colWidths=[46 * mm, 22 * mm, 26 * mm, FRAME_WIDTH - 94 * mm],
            hAlign="LEFT",
        )
        facts.setStyle(
            _table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), st.LIGHT_GREY),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.STATUS_COLOURS[str(gap.status)]),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        out: list[Flowable] = [KeepTogether([head, facts, Spacer(1, 2 * mm)])]
        notes = response.notes if response else ""
        if notes.strip():
            blocks = _paragraphs(notes, s.body)
            # The label never ends a page alone: it keeps with the first paragraph.
            out.append(KeepTogether([Paragraph(esc(self.t("notes")), s.label), blocks[0]]))
            out += blocks[1:]
        linked = {id(f) for f in self.findings_by_item.get(item.id, [])}
        item_findings = [f for f in self.numbered if id(f) in linked]
        if item_findings:
            out.append(
                KeepTogether(
                    [
                        Spacer(1, 1.5 * mm),
                        Paragraph(esc(self.t("geometry_findings")), s.label),
                        Spacer(1, 1 * mm),
                        self.finding_table(item_findings[:3]),
                    ]
                )
            )
            if len(item_findings) > 3:
                out.append(self.finding_table(item_findings[3:], header=False))
        if response and response.photos:
            out += self.photo_grid(response.photos)
        recommendation = pick(item.recommendation, lang)
        if recommendation:
            out.append(Spacer(1, 1.5 * mm))
            out.append(
                Paragraph(f"<b>{esc(self.t('recommendation'))}:</b> {esc(recommendation)}", s.body)
            )
        out.append(Spacer(1, 3 * mm))
        return out

    def finding_table(self, findings: list[Finding], header: bool = True) -> Table:
        rows = [
            [
                self.plain(f"[{self.number_of(f)}]"),
                self.cell(rule_label(f.rule, self.lang)),
                self.severity_cell(f.severity),
                self.plain(measure(f.value, f.unit, self.lang)),
                self.cell(pick(f.message, self.lang) or zone_label(f.zone, self.lang)),
            ]
            for f in findings
        ]
        titles = [
            self.t("no"),
            self.t("rule"),
            self.t("severity"),
            self.t("measure"),
            self.t("message"),
        ]
        return self.table(
            titles, rows, [12, 44, 18, 20, 76], split_in_row=True, header=header, bold_columns=(0,)
        )

    def photo_grid(self, photo_ids: list[str]) -> list[Flowable]:
        """Evidence photos two across, each with its caption; decoded when laid out."""
        assert self.photos is not None
        cells: list[list[Flowable]] = []
        for number_, photo_id in enumerate(photo_ids, start=1):
            info = self.attachments.get(photo_id)
            short = photo_id[:12]
            caption = f"{number_}. {info.filename if info and info.filename else short}"
            if info and info.taken:
                caption += f" — {info.taken:%Y-%m-%d %H:%M}"
            box = _PhotoBox(
                photo_id,
                missing_note=self.t("photo_missing", id=short),
                unreadable_note=self.t("photo_unreadable", id=short),
            )
            cells.append([box, Spacer(1, 1), Paragraph(esc(caption), self.s.small)])
        rows: list[list[Any]] = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        if len(rows[-1]) == 1:
            rows[-1].append(Spacer(1, 1))
        label = Paragraph(esc(self.t("evidence_photos")), self.s.label)
        # The label keeps with the first row of photos; later rows flow on.
        out: list[Flowable] = [
            Spacer(1, 1.5 * mm),
            KeepTogether([label, self._photo_rows(rows[:1])]),
        ]
        if len(rows) > 1:
            out.append(self._photo_rows(rows[1:]))
        return out

    def _photo_rows(self, rows: list[list[Any]]) -> Table:
        grid = Table(rows, colWidths=[FRAME_WIDTH / 2] * 2, hAlign="LEFT")
        grid.setStyle(
            _table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return grid

    # --- improvement outline -----------------------------------------------------------------

    def outline(self) -> list[Flowable]:
        s, lang = self.s, self.lang
        out: list[Flowable] = [self.heading(self.t("sec_outline"), "sec-outline")]
        out.append(Paragraph(esc(self.t("outline_intro")), s.body))
        if self.cap_generated and self.cap:
            out.append(Paragraph(esc(self.t("outline_generated")), s.note))
        if not self.cap:
            out.append(Paragraph(esc(self.t("outline_empty")), s.body))
        header = [
            self.t("ref"),
            self.t("action"),
            self.t("items"),
            self.t("priority"),
            self.t("owner"),
            self.t("due"),
            self.t("status"),
        ]
        for index, horizon in enumerate(("immediate", "short", "medium", "long"), start=1):
            rows: list[CapRow] = [r for r in self.cap if r.horizon == horizon]
            out.append(CondPageBreak(30 * mm))
            out.append(self.heading(f"4.{index} {horizon_label(horizon, lang)}", f"h-{horizon}", 1))
            if not rows:
                out.append(Paragraph(esc(self.t("horizon_empty")), s.body))
                continue
            cells = []
            for row in rows:
                action = action_markup(row.title, row.action)
                cells.append(
                    [
                        self.plain(row.ref),
                        Paragraph(action, s.cell),
                        self.cell(_item_refs(row)),
                        self.plain(number(row.priority, lang, 2)),
                        self.cell(row.owner or "–"),
                        self.plain(row.due.isoformat() if row.due else "–"),
                        self.plain(action_status_label(row.status, lang)),
                    ]
                )
            out.append(
                self.table(
                    header,
                    cells,
                    [16, 56, 16, 17, 23, 21, 21],
                    split_in_row=True,
                    bold_columns=(0,),
                )
            )
        return out

    # --- annexes ------------------------------------------------------------------------------

    def responses_annex(self) -> list[Flowable]:
        s, lang = self.s, self.lang
        out: list[Flowable] = [self.heading(self.t("sec_responses"), "sec-responses")]
        out.append(Paragraph(esc(self.t("responses_intro")), s.body))
        header = [self.t("item"), self.t("question"), self.t("status"), self.t("notes")]
        for index, area in enumerate(self.checklist.areas, start=1):
            out.append(CondPageBreak(30 * mm))
            out.append(self.heading(f"A.{index} {self.area_titles[area.id]}", f"resp-{index}", 1))
            rows = []
            for item in area.items:
                response = self.doc.responses.get(item.id)
                status = str(response.status) if response else "not_assessed"
                notes = response.notes.strip() if response else ""
                note_text = esc(notes) if notes else ""
                if response and response.photos:
                    count = esc(tr_count("photo_count", len(response.photos), lang))
                    note_text += ("<br/>" if note_text else "") + f"<i>{count}</i>"
                rows.append(
                    [
                        self.plain(item.id),
                        self.cell(pick(item.question, lang)),
                        self.status_cell(status),
                        Paragraph(note_text, s.cell),
                    ]
                )
            out.append(
                self.table(header, rows, [17, 60, 26, 67], split_in_row=True, bold_columns=(0,))
            )
        return out

    def provisions_annex(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [self.heading(self.t("sec_provisions"), "sec-provisions")]
        out.append(Paragraph(esc(self.t("provisions_intro")), s.body))
        if self.catalogue is None:
            out.append(Paragraph(esc(self.t("no_catalogue")), s.note))
        cited: dict[str, list[str]] = {}
        for item in self.checklist.items():
            for ref in item.references:
                cited.setdefault(ref, []).append(item.id)
        if not cited:
            out.append(Paragraph(esc(self.t("no_provisions")), s.body))
            return out
        for ref in sorted(cited, key=_natural_key):
            provision = self.catalogue.get(ref) if self.catalogue else None
            out.append(self.provision_block(ref, provision, cited[ref]))
        return out

    def provision_block(self, ref: str, provision: Provision | None, items: list[str]) -> Flowable:
        s, lang = self.s, self.lang
        parts: list[Flowable] = []
        if provision is None:
            parts.append(Paragraph(f"<b>{esc(ref)}</b>", s.h3))
            if self.catalogue is not None:
                parts.append(Paragraph(esc(self.t("not_in_catalogue")), s.note))
        else:
            title = pick(provision.title, lang)
            parts.append(Paragraph(f"<b>{esc(ref)}</b> — {esc(title)}", s.h3))
            kind = tr(f"kind_{provision.kind}", lang)
            line = f"{esc(kind)} · {esc(provision.framework)}"
            if provision.confidence == "unconfirmed":
                line += f" · <i>{esc(self.t('unconfirmed'))}</i>"
            parts.append(Paragraph(line, s.small))
            summary = pick(provision.summary, lang)
            if summary:
                parts.append(Spacer(1, 1 * mm))
                parts.append(Paragraph(esc(summary), s.body))
            assert self.catalogue is not None
            mappings = self.catalogue.crosswalk_for(ref)
            if mappings:
                lines = []
                for _walk, mapping in mappings:
                    other = mapping.target if mapping.source == ref else mapping.source
                    other_provision = self.catalogue.get(other)
                    other_title = pick(other_provision.title, lang) if other_provision else ""
                    relationship: str = mapping.relationship
                    if mapping.target == ref:
                        # Said from the source's side: turn it round to speak of ``ref``.
                        relationship = _INVERSE.get(relationship, relationship)
                    relation = tr(f"relation_{relationship}", lang)
                    text = f"<b>{esc(other)}</b>"
                    if other_title:
                        text += f" — {esc(other_title)}"
                    text += f" ({esc(relation)})"
                    rationale = pick(mapping.rationale, lang)
                    if rationale:
                        text += f": <i>{esc(rationale)}</i>"
                    lines.append(text)
                parts.append(
                    Paragraph(
                        f"<b>{esc(self.t('crosswalk'))}:</b><br/>" + "<br/>".join(lines), s.small
                    )
                )
        parts.append(
            Paragraph(f"<b>{esc(self.t('cited_by'))}:</b> {esc(', '.join(items))}", s.small)
        )
        parts.append(Spacer(1, 2 * mm))
        return KeepTogether(parts)


def build_report(
    doc: AssessmentDocument,
    out: Path,
    *,
    lang: str,
    photo_loader: Callable[[str], bytes | None],
    catalogue: ProvisionCatalogue | None = None,
    password: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the gap report of ``doc`` as a PDF.

    Parameters
    ----------
    doc
        The whole assessment (``AvsecFile.document()``).
    out
        The PDF to write. It is written next to its final name first and moved into place
        only once complete, so a failed build never leaves half a report.
    lang
        Report language (``en`` or ``es``; data texts fall back to English).
    photo_loader
        Returns a photo's bytes by attachment id, or None (``AvsecFile.attachment_bytes``).
        Missing and unreadable photos are noted in the report.
    catalogue
        Provision catalogue for the annex of provisions; without it provisions show by id.
    password
        When given, the PDF is encrypted with AES-256 and needs this password to open.
    today
        The report date (today by default); due dates of a generated outline count from it.

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    InputError
        The output cannot be written, or the password is empty.
    AvsecError
        AES-256 is asked for but neither pyaes nor cryptography is installed.
    """
    out = Path(out)
    today = today or dt.date.today()
    if not out.parent.is_dir():
        raise InputError(f"{out}: the folder {out.parent} does not exist")
    if password is not None:
        if not password:
            raise InputError("the PDF password must not be empty")
        if not aes256_available():
            raise AvsecError(
                "AES-256 PDF encryption needs the 'cryptography' or 'pyaes' package; "
                "install one of them (pip install cryptography)"
            )

    airport = doc.assessment.airport
    code = airport.icao or airport.iata
    title = tr("report_title", lang) + f" — {airport.name}" + (f" ({code})" if code else "")
    running = tr("report_title", lang) + (f" — {code}" if code else f" — {airport.name}")
    author = doc.assessment.organisation or ", ".join(doc.assessment.team)
    marking = _ILLEGAL.sub("", doc.assessment.marking(lang))
    partial = out.with_name(f".{out.name}.{os.getpid()}.part")
    report = _Report(doc, lang, photo_loader, catalogue, today)
    try:
        story = report.story()
        with _correct_aes256() if password else nullcontext(), _binary_streams():
            template = _ReportTemplate(
                str(partial),
                marking=marking,
                running=_ILLEGAL.sub("", running),
                footer_left=f"{tr('generated_on', lang)}: {today.isoformat()} · avsec {__version__}",
                title=_ILLEGAL.sub("", title),
                subject=f"{tr('report_subject', lang)} — {marking}",
                author=_ILLEGAL.sub("", author),
                creator=f"avsec {__version__}",
                keywords=_keywords(tr("report_keywords", lang), marking),
                lang=lang,
                encrypt=_encryption(password) if password else None,
                initialFontName=st.FONT,
            )
            template.after_each = report.photos.pump if report.photos else None
            template.build(story, canvasmaker=_canvas_maker(tr("page_of", lang), report.photos))
        os.replace(partial, out)
    except OSError as exc:
        raise InputError(f"{out}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        report.close()
        if partial.exists():
            partial.unlink()
    return out
