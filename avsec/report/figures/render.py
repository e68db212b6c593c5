"""Figures to pixels, off screen (Agg): PNG bytes or a Pillow image."""

from __future__ import annotations

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image as PILImage

from avsec.report import styles as st

#: Width of the matplotlib figures (the follow-up, portfolio and debrief charts), in inches.
PAGE_WIDTH_IN = st.FIGURE_WIDTH_IN


def figure_png(figure: Figure, dpi: int = 180) -> bytes:
    """Render ``figure`` to PNG bytes (Agg, no GUI)."""
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def figure_image(figure: Figure, dpi: int = 200) -> PILImage.Image:
    """Render ``figure`` to an RGB Pillow image on white (Agg, no GUI).

    The PDF embeds these pixels directly: no PNG encoding and decoding on the way, and no
    alpha channel (which would add a soft mask to the PDF).
    """
    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    return PILImage.fromarray(rgba[..., :3].copy(), "RGB")
