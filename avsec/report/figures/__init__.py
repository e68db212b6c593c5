"""Figures of the report and the GUI dashboard (matplotlib object API, never pyplot).

:func:`score_chart` (:mod:`.charts`) draws coverage, EI and weighted score per area;
:func:`layout_map` (:mod:`.airport_map`) draws the airport layout in metres with a scale bar, a
north arrow, a legend and the numbered findings. Both return a
:class:`matplotlib.figure.Figure` that the caller renders (the PDF through :func:`figure_image`,
the GUI through its Qt canvas); :mod:`.render` turns figures into pixels.
"""

from avsec.report.figures.airport_map import layout_map
from avsec.report.figures.charts import score_chart
from avsec.report.figures.render import PAGE_WIDTH_IN, figure_image, figure_png

__all__ = ["PAGE_WIDTH_IN", "figure_image", "figure_png", "layout_map", "score_chart"]
