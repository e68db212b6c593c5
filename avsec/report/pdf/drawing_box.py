"""A reportlab Drawing placed on the page at the largest size that fits a box.

Figures drawn as reportlab graphics stay vector in the PDF: no rendering to pixels, no image
stream to compress, and type as sharp as the body text at any zoom.
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable


class DrawingBox(Flowable):
    """``drawing`` scaled (never distorted) to fit ``max_width`` x ``max_height`` points."""

    def __init__(self, drawing: Drawing, max_width: float, max_height: float):
        super().__init__()
        self.drawing = drawing
        self.ratio = min(max_width / drawing.width, max_height / drawing.height)
        self.width = drawing.width * self.ratio
        self.height = drawing.height * self.ratio

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        from avsec.report import styles as st

        # reportlab starts a drawing in Helvetica, which the PDF would then name without
        # embedding it: every font of the report is DejaVu, embedded.
        self.drawing.initialFontName = st.FONT
        self.canv.saveState()
        self.canv.scale(self.ratio, self.ratio)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()
