"""The state one gap report is built from, and the building blocks its sections share.

Each section (:mod:`.cover`, :mod:`.summary`, :mod:`.zone_map`, :mod:`.findings`,
:mod:`.outline`, :mod:`.annexes`) is a function of a :class:`Report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from avsec.core.checklist import ProvisionCatalogue
from avsec.core.document import AssessmentDocument, AttachmentInfo
from avsec.core.findings import Finding, finding_label, finding_numbers
from avsec.core.i18n import pick
from avsec.core.scoring import gaps, score_checklist
from avsec.io.cap import cap_rows
from avsec.report import scripts
from avsec.report import styles as st
from avsec.report.pdf.drawing_box import DrawingBox
from avsec.report.pdf.furniture import Heading, table_style
from avsec.report.pdf.markup import ILLEGAL, esc
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.pdf.photo_forms import Picture
from avsec.report.photos import PhotoPipeline
from avsec.report.redaction import Redaction
from avsec.report.text import severity_label, status_label, tr

if TYPE_CHECKING:
    from avsec.report.path_analysis import PathAnalysis

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
FIGURE_DPI = 200


class Fit(Flowable):
    """Table-cell text: one line drawn directly when it fits, else a wrapping Paragraph.

    Most cells (rule names, severities, statuses, item ids) fit on one line; drawing those
    without reportlab's markup parser and line breaker makes large reports several times
    cheaper to lay out, and the wrapped fallback keeps long values correct.
    """

    def __init__(self, text: str, style: Any, *, font: str | None = None, colour: Any = None):
        super().__init__()
        self.text = ILLEGAL.sub("", text)
        self._fallback = scripts.note(self.text)  # CJK runs need the paragraph's font markup
        self.style = style
        self.font = font or style.fontName
        self.colour = colour if colour is not None else style.textColor
        self._paragraph: Paragraph | None = None
        self._wrapped_at: float | None = None
        self.width: float = 0.0
        self.height: float = 0.0

    def _fits(self, width: float) -> bool:
        return (
            "\n" not in self.text
            and not self._fallback
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
        # A table wraps each cell when it sizes its rows and again when it draws them: the
        # second time at the same width gives the same lines.
        if available_width == self._wrapped_at and (
            self._paragraph is None or hasattr(self._paragraph, "blPara")
        ):
            return self.width, self.height
        self._wrapped_at = available_width
        if self._fits(available_width):
            self._paragraph = None
            self.width, self.height = available_width, self.style.leading
            return self.width, self.height
        self.width, self.height = self._as_paragraph().wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._wrapped_at = None
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


class Report:
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
        # A finding judged a false positive leaves the gaps, the findings by area, the map
        # and its key; the report lists it apart (with the reason), under its own number.
        standing = doc.open_findings()
        self.false_positives: list[Finding] = doc.false_positives()
        self.gaps = gaps(doc.checklist, doc.responses, standing)
        self.gap_items = {g.item.id: g for g in self.gaps}
        self.cap, self.cap_generated = cap_rows(doc, lang, today)
        self.findings_by_item: dict[str, list[Finding]] = {}
        for finding in standing:
            for item_id in finding.items:
                self.findings_by_item.setdefault(item_id, []).append(finding)
        # Findings keep their stored order (the analysis's, most severe first) and the numbers
        # the app shows: "finding 3" is the same gap on screen, on the map and in the outline.
        self.numbered: list[Finding] = standing
        self.numbers = finding_numbers(doc.findings)
        self.attachments: dict[str, AttachmentInfo] = {a.id: a for a in doc.attachments}
        self.area_titles = {a.id: pick(a.title, lang) for a in doc.checklist.areas}
        self.photos: PhotoPipeline | None = None
        #: Set for the redacted edition (the document is already redacted).
        self.redaction: Redaction | None = None
        #: The path analysis, when the caller started it beside the report.
        self.path_analysis: PathAnalysis | None = None

    def t(self, key: str, **fields: object) -> str:
        return tr(key, self.lang, **fields)

    @cached_property
    def layout_shapes(self) -> list[Any]:
        """The layout's geometries, read once for every map of the report."""
        from avsec.report.figures.airport_map import layout_shapes

        return layout_shapes(self.doc.features)

    def number_of(self, finding: Finding) -> str:
        """The finding's label on the map and in every list ("F3")."""
        return finding_label(self.numbers[finding.id])

    def heading(self, text: str, key: str, level: int = 0) -> Heading:
        style = self.s.h1 if level == 0 else self.s.h2
        return Heading(esc(text), style, key=key, level=level, title=ILLEGAL.sub("", text))

    def cell(self, text: object, style: Any = None) -> Flowable:
        return Fit(str(text), style or self.s.cell)

    def plain(self, text: object) -> str:
        """A short table value drawn as it is (no markup parsing, so nothing to escape)."""
        value = ILLEGAL.sub("", str(text)).replace("\n", " ")
        scripts.note(value)  # drawn in DejaVu: what it lacks is listed in the report's warning
        return value

    def status_cell(self, status: str) -> Flowable:
        colour = st.STATUS_COLOURS.get(status, st.MID_GREY)
        return Fit(status_label(status, self.lang), self.s.cell, font=st.FONT_BOLD, colour=colour)

    def severity_cell(self, severity: str) -> Flowable:
        colour = st.SEVERITY_COLOURS.get(severity, st.MID_GREY)
        return Fit(
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
            ("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, st.BAND_FILL]),
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
        table.setStyle(table_style(commands))
        return table

    def figure(self, figure: Any, max_width: float, max_height: float) -> Flowable:
        """A figure scaled to fit the box: a reportlab Drawing stays vector; a matplotlib
        figure (only sections that need matplotlib load it) becomes pixels."""
        from reportlab.graphics.shapes import Drawing

        if isinstance(figure, Drawing):
            return DrawingBox(figure, max_width, max_height)
        from avsec.report.figures.render import figure_image

        image = figure_image(figure, FIGURE_DPI)
        ratio = min(max_width / image.width, max_height / image.height)
        return Picture(ImageReader(image), image.width * ratio, image.height * ratio)

    # --- the story --------------------------------------------------------------------------
    def close(self) -> None:
        """Stop the photo threads."""
        if self.photos is not None:
            self.photos.close()
        if self.path_analysis is not None:
            self.path_analysis.close()

    def photo_ids(self) -> list[str]:
        ids: list[str] = []
        for item in self.checklist.items():
            response = self.doc.responses.get(item.id)
            if item.id in self.gap_items and response:
                ids.extend(response.photos)
        return ids
