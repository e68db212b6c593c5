"""Place a background image by two reference points (when it has no world file).

Click a place on the image you can name on the ground (a runway threshold, a gate, a building
corner), type its latitude and longitude, do the same for a second place far from the first.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGraphicsEllipseItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from avsec.gui.i18n import tr


class _ImageView(QGraphicsView):
    """The image; a click reports the pixel position."""

    def __init__(self, scene: QGraphicsScene, dialog: ReferencePointsDialog):
        super().__init__(scene, dialog)
        self.dialog = dialog
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self._press: QPointF | None = None

    def wheelEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        steps = event.angleDelta().y() / 120.0  # type: ignore[attr-defined]
        self.scale(1.2**steps, 1.2**steps)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if self._press is not None and (event.position() - self._press).manhattanLength() < 4:
            point = self.mapToScene(event.position().toPoint())
            self.dialog.place(point.x(), point.y())
        self._press = None


class ReferencePointsDialog(QDialog):
    """Returns two (col, row, lon, lat) reference points with :meth:`points`.

    Parameters
    ----------
    image
        The background image.
    centre
        (lon, lat) to start the coordinate fields from (the airport).
    """

    def __init__(self, image: QImage, centre: tuple[float, float], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Place the background image"))
        self.resize(900, 680)
        self.image = image
        self.pixels: list[tuple[float, float] | None] = [None, None]
        intro = QLabel(
            tr(
                "No world file found next to the image: click two points on the image whose position you "
                "know and type their latitude and longitude."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.scene = QGraphicsScene(self)
        self.scene.addPixmap(QPixmap.fromImage(image))
        self.view = _ImageView(self.scene, self)
        self.markers: list[QGraphicsEllipseItem | None] = [None, None]
        self.labels: list[QGraphicsSimpleTextItem | None] = [None, None]
        grid = QGridLayout()
        self.choice = QButtonGroup(self)
        self.status: list[QLabel] = []
        self.lat: list[QDoubleSpinBox] = []
        self.lon: list[QDoubleSpinBox] = []
        for index in range(2):
            radio = QRadioButton(tr("Point {n}").format(n=index + 1), self)
            radio.setChecked(index == 0)
            self.choice.addButton(radio, index)
            status = QLabel(tr("click on the image"), self)
            lat = QDoubleSpinBox(self)
            lat.setRange(-90, 90)
            lat.setDecimals(6)
            lat.setValue(centre[1])
            lon = QDoubleSpinBox(self)
            lon.setRange(-180, 180)
            lon.setDecimals(6)
            lon.setValue(centre[0])
            grid.addWidget(radio, index, 0)
            grid.addWidget(status, index, 1)
            grid.addWidget(QLabel(tr("Latitude"), self), index, 2)
            grid.addWidget(lat, index, 3)
            grid.addWidget(QLabel(tr("Longitude"), self), index, 4)
            grid.addWidget(lon, index, 5)
            self.status.append(status)
            self.lat.append(lat)
            self.lon.append(lon)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b71c1c")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.view.fitInView(
            QRectF(0, 0, image.width(), image.height()), Qt.AspectRatioMode.KeepAspectRatio
        )

    def place(self, x: float, y: float) -> None:
        """Put the chosen reference point at image pixel (x, y); the next click sets the other."""
        index = max(self.choice.checkedId(), 0)
        self.pixels[index] = (x, y)
        radius = max(self.image.width(), self.image.height()) / 150
        if self.markers[index] is None:
            marker = self.scene.addEllipse(QRectF(-radius, -radius, 2 * radius, 2 * radius))
            marker.setPen(QPen(QColor("white"), radius / 3))
            marker.setBrush(QBrush(QColor("#c62828")))
            label = self.scene.addSimpleText(str(index + 1))
            label.setBrush(QBrush(QColor("#c62828")))
            font = label.font()
            font.setPixelSize(int(radius * 3))
            font.setBold(True)
            label.setFont(font)
            self.markers[index], self.labels[index] = marker, label
        self.markers[index].setPos(QPointF(x, y))
        self.labels[index].setPos(QPointF(x + radius * 1.5, y - radius * 3))
        self.status[index].setText(tr("pixel {x}, {y}").format(x=round(x), y=round(y)))
        self.choice.button(1 - index).setChecked(True)

    def points(self) -> list[tuple[float, float, float, float]]:
        """The two reference points as (col, row, lon, lat)."""
        out = []
        for index in range(2):
            pixel = self.pixels[index]
            if pixel is not None:
                out.append((pixel[0], pixel[1], self.lon[index].value(), self.lat[index].value()))
        return out

    def _on_accept(self) -> None:
        points = self.points()
        if len(points) < 2 or points[0][:2] == points[1][:2] or points[0][2:] == points[1][2:]:
            self.message.setText(
                tr("Place two distinct points and give both their latitude and longitude.")
            )
            return
        self.accept()
