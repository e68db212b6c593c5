"""Place a photo on the map by hand: the next left click on the map sets its position.

For a photo without GPS (or with a wrong one). It watches the map's viewport for one click
(Escape cancels) and records the position as one undoable edit of the photo's lon/lat; the
photo's marker then shows there like any located photo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from avsec.gui.i18n import tr

if TYPE_CHECKING:
    from avsec.gui.map_editor import MapEditor


class PhotoPlacement(QObject):
    """One pending placement of ``attachment_id`` on ``editor``'s map."""

    def __init__(self, editor: MapEditor, attachment_id: str):
        super().__init__(editor)
        self.editor = editor
        self.attachment_id = attachment_id
        self._hint = editor.hint.text()
        info = editor.session.attachment(attachment_id)
        name = (info.filename if info is not None else "") or attachment_id[:12]
        editor.hint.setText(
            tr("Click on the map where photo {name} was taken; Esc cancels.").format(name=name)
        )
        editor.view.viewport().installEventFilter(self)
        editor.view.installEventFilter(self)
        editor.view.setFocus()

    def finish(self) -> None:
        """Stop waiting for the click."""
        self.editor.view.viewport().removeEventFilter(self)
        self.editor.view.removeEventFilter(self)
        self.editor.hint.setText(self._hint)
        if self.editor.placement is self:
            self.editor.placement = None
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.finish()
                return True
        if (
            kind == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            return True  # the release places the photo; the map must not start a drag
        if (
            kind == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            point = self.editor.view.mapToScene(event.position().toPoint())
            self.place_at(point.x(), point.y())
            return True
        return False

    def place_at(self, x: float, y: float) -> bool:
        """Place the photo at scene point (x, y); True when recorded."""
        lon, lat = self.editor.scene.projection.point_to_lonlat(x, y)
        self.finish()
        from avsec.core.errors import AvsecError
        from avsec.gui.dialogs import show_error

        try:
            command = self.editor.session.editor.place_photo_edit(
                self.attachment_id, float(lon), float(lat)
            )
        except AvsecError as exc:
            show_error(self.editor, tr("Cannot place the photo"), exc)
            return False
        return self.editor.session.push(command)
