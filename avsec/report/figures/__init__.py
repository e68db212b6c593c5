"""Figures of the report and the GUI dashboard, one module each.

:mod:`.charts` draws coverage, EI and weighted score per area; :mod:`.airport_map` draws the
airport layout with a scale bar, a north arrow, a legend and the numbered findings;
:mod:`.render` turns matplotlib figures into pixels. Import the module you need: this package
loads nothing, so that a report needing no matplotlib figure never imports matplotlib.
"""
