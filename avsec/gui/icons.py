"""Icons drawn with QPainter (no image files to ship or find at run time).

Status icons differ by shape as well as colour (tick, half disc, cross, dash, ring) so they
read in greyscale and for colour-blind users.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from avsec.gui.style import STATUS_FILLS, kind_style

_SIZE = 32


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


@cache
def status_icon(status: str) -> QIcon:
    """The icon of a response status."""
    pixmap, painter = _canvas()
    colour = QColor(STATUS_FILLS.get(status, "#ffffff"))
    disc = QRectF(3, 3, _SIZE - 6, _SIZE - 6)
    pen = QPen(QColor("white"), 3.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if status == "not_assessed":
        painter.setPen(QPen(colour, 2.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(disc)
    elif status == "partially_compliant":
        painter.setPen(QPen(colour.darker(130), 2.0))
        painter.setBrush(QBrush(QColor("white")))
        painter.drawEllipse(disc)
        painter.setBrush(QBrush(colour))
        painter.drawPie(disc, 90 * 16, 180 * 16)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(disc)
        painter.setPen(pen)
        if status == "compliant":
            painter.drawPolyline(
                QPolygonF([QPointF(9.5, 16.5), QPointF(14, 21), QPointF(22.5, 11)])
            )
        elif status == "not_compliant":
            painter.drawLine(QPointF(11, 11), QPointF(21, 21))
            painter.drawLine(QPointF(21, 11), QPointF(11, 21))
        else:
            painter.drawLine(QPointF(10, 16), QPointF(22, 16))
    painter.end()
    return QIcon(pixmap)


@cache
def kind_icon(kind: str) -> QIcon:
    """A swatch of a feature kind: filled square for zones, a line, or the point marker."""
    pixmap, painter = _canvas()
    style = kind_style(kind)
    stroke = QColor(style.stroke)
    pen = QPen(stroke, 2.6 if kind in ("barrier", "road") else 2.0)
    if style.dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    if kind in ("barrier", "road"):
        path = QPainterPath(QPointF(4, 24))
        path.cubicTo(QPointF(12, 4), QPointF(20, 28), QPointF(28, 8))
        painter.drawPath(path)
    elif kind in ("access_point",):
        painter.setBrush(QBrush(QColor(style.fill or "white")))
        painter.drawRect(QRectF(9, 9, 14, 14))
    elif kind == "obstacle":
        fill = QColor(style.fill or "white")
        painter.setBrush(QBrush(fill))
        painter.drawPolygon(QPolygonF([QPointF(16, 5), QPointF(27, 26), QPointF(5, 26)]))
    else:
        fill = QColor(style.fill or "white")
        fill.setAlpha(max(style.fill_alpha, 140))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(QRectF(5, 7, 22, 18), 3, 3)
    painter.end()
    return QIcon(pixmap)


@cache
def marker_icon(colour: str, text: str = "", square: bool = False) -> QIcon:
    """A map marker as an icon with optional short text: round (findings, photos) or a
    rounded square (observations of the visit), as the map draws them."""
    pixmap, painter = _canvas()
    painter.setPen(QPen(QColor("white"), 2))
    painter.setBrush(QBrush(QColor(colour)))
    if square:
        painter.drawRoundedRect(QRectF(3, 3, _SIZE - 6, _SIZE - 6), 8, 8)
    else:
        painter.drawEllipse(QRectF(3, 3, _SIZE - 6, _SIZE - 6))
    if text:
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(14)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, _SIZE, _SIZE), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


@cache
def background_icon() -> QIcon:
    """A small landscape picture (the background-image layer)."""
    pixmap, painter = _canvas()
    painter.setPen(QPen(QColor("#546e7a"), 2))
    painter.setBrush(QBrush(QColor("#e3f2fd")))
    painter.drawRect(QRectF(4, 6, 24, 20))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor("#81c784")))
    painter.drawPolygon(
        QPolygonF(
            [QPointF(5, 25), QPointF(13, 14), QPointF(19, 21), QPointF(22, 17), QPointF(27, 25)]
        )
    )
    painter.setBrush(QBrush(QColor("#ffb300")))
    painter.drawEllipse(QPointF(22, 11), 2.5, 2.5)
    painter.end()
    return QIcon(pixmap)
