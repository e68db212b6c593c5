"""What the map view paints over the map in screen pixels, whatever the zoom: the scale bar
(bottom left), the north arrow (top right) and the measure tool's read-out (top left)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from avsec.core.scale import round_length
from avsec.gui.i18n import number, tr

#: The colour of the scale bar, the arrow and the read-out's text.
INK = "#263238"


def length_label(metres: float) -> str:
    """ "200 m" or "1.5 km"."""
    if metres >= 1000:
        km = metres / 1000
        return tr("{n} km").format(n=number(km, 0 if km == int(km) else 1))
    return tr("{n} m").format(n=number(metres, 0 if metres >= 1 else 1))


def paint_scale_bar(painter: QPainter, metres_per_pixel: float, height: float) -> None:
    """A bar of about 140 pixels, a round length long, at the bottom left of a view
    ``height`` pixels high: half dark, half white, from 0 to its length."""
    length = round_length(140 * metres_per_pixel)
    if length <= 0:
        return
    pixels = length / metres_per_pixel
    x0, y0 = 16.0, height - 26.0
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 215))
    painter.drawRoundedRect(QRectF(x0 - 8, y0 - 22, pixels + 16, 36), 4, 4)
    half = pixels / 2
    painter.setBrush(QColor(INK))
    painter.drawRect(QRectF(x0, y0, half, 6))
    painter.setBrush(QColor("white"))
    painter.setPen(QPen(QColor(INK), 1))
    painter.drawRect(QRectF(x0 + half, y0, half, 6))
    painter.setPen(QColor(INK))
    painter.drawText(QRectF(x0, y0 - 20, pixels, 16), Qt.AlignmentFlag.AlignLeft, "0")
    painter.drawText(
        QRectF(x0, y0 - 20, pixels, 16), Qt.AlignmentFlag.AlignRight, length_label(length)
    )


def paint_north_arrow(painter: QPainter, width: float) -> None:
    """An arrow pointing up with an N under it, at the top right of a view ``width`` pixels
    wide (the scene's y axis runs south: north is always up)."""
    cx, cy = width - 28.0, 30.0
    painter.setPen(QPen(QColor(INK), 1.2))
    painter.setBrush(QColor(INK))
    arrow = QPainterPath(QPointF(cx, cy - 14))
    arrow.lineTo(cx + 7, cy + 6)
    arrow.lineTo(cx, cy + 2)
    arrow.lineTo(cx - 7, cy + 6)
    arrow.closeSubpath()
    painter.drawPath(arrow)
    painter.drawText(QRectF(cx - 10, cy + 6, 20, 16), Qt.AlignmentFlag.AlignCenter, "N")


def paint_readout(painter: QPainter, text: str) -> None:
    """``text`` (the measurement) on a white box at the top left."""
    box = painter.fontMetrics().boundingRect(
        QRect(0, 0, 400, 100), int(Qt.AlignmentFlag.AlignLeft), text
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 230))
    painter.drawRoundedRect(QRectF(8, 8, box.width() + 16, box.height() + 12), 4, 4)
    painter.setPen(QColor(INK))
    painter.drawText(
        QRectF(16, 14, box.width() + 2, box.height() + 2),
        int(Qt.AlignmentFlag.AlignLeft),
        text,
    )
