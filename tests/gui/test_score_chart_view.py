"""The dashboard's score chart on screen: the report's drawing as SVG, legible, on white."""

from __future__ import annotations

from PySide6.QtGui import QColor


def dark(colour: QColor) -> bool:
    return colour.lightness() < 110


def test_the_chart_shows_its_labels_on_white_at_its_own_proportions(qtbot, opened):
    from PySide6.QtSvgWidgets import QSvgWidget

    session = opened.session
    session.set_status("PER-01", "compliant")
    opened.show_view("dashboard")
    chart = opened.workspace.dashboard().findChild(QSvgWidget, "score-chart")
    assert chart is not None and chart.isVisible()
    size = chart.renderer().defaultSize()  # the drawing in points: 6.69 in wide
    assert size.width() in (481, 482)
    assert abs(chart.height() / chart.width() - size.height() / size.width()) < 0.02
    assert chart.width() >= 560  # its 6.5-point labels at least 7.5 pixels high
    image = chart.grab().toImage()
    width, height = image.width(), image.height()
    # White around the drawing (no black box where the SVG has no background).
    for x, y in ((1, 1), (width - 2, 1), (1, height - 2), (width - 2, height - 2)):
        assert image.pixelColor(x, y) == QColor("white"), (x, y)
    # The area names, right-aligned left of the bars: dark text pixels in the left tenth
    # between the legend and the axis labels (Qt found a font for the SVG's text).
    names = sum(
        dark(image.pixelColor(x, y))
        for x in range(2, width // 10)
        for y in range(height // 6, height * 5 // 6)
    )
    assert names > 60


def test_the_chart_follows_the_language_and_new_answers(qtbot, opened):
    from avsec.gui.i18n import set_language

    opened.show_view("dashboard")
    dashboard = opened.workspace.dashboard()
    before = dashboard.canvas
    set_language("es")
    opened.session.set_status("ACP-01", "compliant")  # shown: redrawn now, in Spanish
    assert dashboard.canvas is not before
    assert b">Total<" in dashboard.canvas.svg and b">Overall<" not in dashboard.canvas.svg
