"""Page furniture shared by every avsec PDF: the marking, header, footer, "page x of y", bookmarks.

The gap report (portrait) and the workshop debrief (landscape, :mod:`avsec.workshop.debrief`)
both lay out their pages with :class:`MarkedTemplate` and draw them on a
:class:`NumberedCanvas`, so that every page of either carries the handling marking at its top
and bottom, a running header, a footer line and its number out of the total.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, TableStyle

from avsec.report import scripts
from avsec.report import styles as st


class Heading(Paragraph):
    """A paragraph that adds a PDF bookmark (outline entry) where it is drawn."""

    def __init__(self, text: str, style: Any, key: str, level: int, title: str):
        super().__init__(text, style)
        self.outline_entry = (title, key, level)


class NumberedCanvas(Canvas):
    """Canvas that writes "page x of y" once the page count is known.

    Each page draws a form XObject named after its number; :meth:`save` defines those forms
    when the last page is done. Deferring whole pages instead (the usual "page x of y" recipe)
    would break the bookmarks, which point at pages as they are emitted. Subclasses write what
    else waits for the end in :meth:`before_save`.
    """

    page_label = "Page {page} of {pages}"

    def before_save(self) -> None:
        """Define forms that pages drew before their content was known."""

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        self.before_save()
        total = self.getPageNumber() - 1
        for page in range(1, total + 1):
            self.beginForm(f"pageno{page}", lowerx=-60 * mm, lowery=-2, upperx=0, uppery=10)
            self.setFont(st.FONT, 7.5)
            self.setFillColor(st.MID_GREY)
            self.drawRightString(0, 0, self.page_label.format(page=page, pages=total))
            self.endForm()
        super().save()


def canvas_maker(
    cls: type[NumberedCanvas], page_label: str, **attributes: Any
) -> Callable[..., Canvas]:
    """A canvas factory for ``BaseDocTemplate.build``: ``cls`` with its label and attributes set."""

    def make(*args: Any, **kwargs: Any) -> Canvas:
        canvas = cls(*args, **kwargs)
        canvas.page_label = page_label
        for name, value in attributes.items():
            setattr(canvas, name, value)
        return canvas

    return make


def fitting_size(text: str, font: str, size: float, width: float, smallest: float = 5.0) -> float:
    """The font size, down to ``smallest``, at which ``text`` fits in ``width`` points."""
    natural = stringWidth(text, font, size)
    return size if natural <= width else max(smallest, size * width / natural)


def clip(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits in ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[: max(0, len(text) - max(1, len(text) // 20))]
    return text.rstrip() + "…"


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose default font is ours (reportlab's default would pull in Helvetica)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), st.FONT, 8, 10), *commands])


def banded_table(*extra: tuple[Any, ...]) -> TableStyle:
    """The house table: a filled header row over a navy rule, grey rules and banded rows."""
    return table_style(
        [
            ("BACKGROUND", (0, 0), (-1, 0), st.HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, st.NAVY),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, st.RULE_GREY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, st.BAND_FILL]),
            *extra,
        ]
    )


class MarkedTemplate(BaseDocTemplate):
    """One frame per page with the marking in the header and footer of every page.

    ``marking_top`` is the marking's distance below the top edge and ``marking_bottom`` its
    height above the bottom edge; the running header and the footer line sit just inside them.
    Flowables with an ``outline_entry`` (:class:`Heading`) become bookmarks.
    """

    def __init__(
        self,
        filename: str,
        *,
        pagesize: tuple[float, float],
        margins: tuple[float, float, float],
        marking: str,
        running: str,
        footer_left: str,
        marking_top: float = 11 * mm,
        marking_bottom: float = 15 * mm,
        **kw: Any,
    ):
        margin_x, margin_top, margin_bottom = margins
        super().__init__(
            filename,
            pagesize=pagesize,
            leftMargin=margin_x,
            rightMargin=margin_x,
            topMargin=margin_top,
            bottomMargin=margin_bottom,
            **kw,
        )
        self.marking = marking
        self.running = running
        self.footer_left = footer_left
        self.marking_top = marking_top
        self.marking_bottom = marking_bottom
        page_width, page_height = pagesize
        frame = Frame(
            margin_x,
            margin_bottom,
            page_width - 2 * margin_x,
            page_height - margin_top - margin_bottom,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._furniture)])

    def _furniture(self, canvas: Canvas, _doc: Any) -> None:
        page_width, page_height = self.pagesize
        left = self.leftMargin
        width = page_width - 2 * left
        canvas.saveState()
        top = page_height - self.marking_top
        bottom = self.marking_bottom
        for y in (top, bottom):
            size = fitting_size(self.marking, st.FONT_BOLD, 8, width)
            canvas.setFillColor(st.MARKING_RED)
            marking = clip(self.marking, st.FONT_BOLD, size, width)
            scripts.draw(canvas, page_width / 2, y, marking, st.FONT_BOLD, size, centre=True)
        canvas.setFont(st.FONT, 7.5)
        canvas.setFillColor(st.MID_GREY)
        running = clip(self.running, st.FONT, 7.5, width)
        scripts.draw(canvas, left, top - 5.5 * mm, running, st.FONT, 7.5, centre=False)
        canvas.setFont(st.FONT, 7.5)
        canvas.drawString(
            left, bottom - 5 * mm, clip(self.footer_left, st.FONT, 7.5, width - 35 * mm)
        )
        canvas.setStrokeColor(st.NAVY)
        canvas.setLineWidth(0.6)
        canvas.line(left, top - 7.5 * mm, page_width - left, top - 7.5 * mm)
        canvas.line(left, bottom + 4 * mm, page_width - left, bottom + 4 * mm)
        canvas.translate(page_width - left, bottom - 5 * mm)
        canvas.doForm(f"pageno{canvas.getPageNumber()}")
        canvas.restoreState()

    #: Called after each flowable: keeps the photo decoders busy while pages are laid out.
    after_each: Callable[[], None] | None = None

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if self.after_each is not None:
            self.after_each()
        entry = getattr(flowable, "outline_entry", None)
        if entry is not None:
            title, key, level = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
