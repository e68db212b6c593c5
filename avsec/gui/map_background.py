"""The map's background image (an aerial photo or a scanned plan) placed by three control
points, as a graphics item under everything else.

:class:`avsec.gui.map_scene.MapScene` reads the placement from the file and shows the item;
this module only turns an image and its control points into the placed item.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem

from avsec.app.georef import affine_from_points
from avsec.app.map_geometry import MapProjection
from avsec.gui.style import Z_BACKGROUND

#: Larger background images are scaled down on load (memory; the placement is unchanged).
MAX_BACKGROUND_SIDE = 8192


def background_item(
    image: QImage,
    control: list[tuple[float, float, float, float]],
    projection: MapProjection,
) -> QGraphicsPixmapItem:
    """``image`` placed in scene units by three control points (col, row, lon, lat) of the full
    image; a very large image is scaled down, the transform keeping its placement."""
    factor = 1.0
    if max(image.width(), image.height()) > MAX_BACKGROUND_SIDE:
        scaled = image.scaled(
            MAX_BACKGROUND_SIDE,
            MAX_BACKGROUND_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        factor = image.width() / scaled.width()
        image = scaled
    scene_points = [projection.point_to_scene(lon, lat) for _, _, lon, lat in control]
    m11, m12, m21, m22, dx, dy = affine_from_points(
        [(c, r) for c, r, _, _ in control], scene_points
    )
    transform = QTransform.fromScale(factor, factor) * QTransform(m11, m12, m21, m22, dx, dy)
    item = QGraphicsPixmapItem(QPixmap.fromImage(image))
    item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
    item.setTransform(transform)
    item.setZValue(Z_BACKGROUND)
    item.setOpacity(0.85)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return item
