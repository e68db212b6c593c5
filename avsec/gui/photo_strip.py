"""Thumbnails of an item's photos; add from a file chooser or by dropping files on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from avsec.gui.i18n import tr
from avsec.gui.session import Session
from avsec.gui.session_widget import SessionWidget

THUMB = 96
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
_ID = Qt.ItemDataRole.UserRole


class PhotoStrip(SessionWidget):
    """The photos of one item.

    Parameters
    ----------
    session
        The open assessment (photos are stored in its file).
    """

    #: Add these files to the current item.
    files_dropped = Signal(list)
    #: The user asked for the file chooser.
    add_requested = Signal()
    #: Open a photo in the viewer (attachment id).
    open_requested = Signal(str)
    #: Unlink a photo from the item (attachment id).
    remove_requested = Signal(str)
    #: Caption, rotate or mark up a photo (attachment id).
    edit_requested = Signal(str)
    #: Place a photo on the map by hand (attachment id).
    place_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent, name="photo-strip")
        self.setAcceptDrops(True)
        self.thumbnails = session.thumbnails()
        self.thumbnails.ready.connect(self._on_thumbnail_ready)
        self._placeholder = QPixmap(THUMB, THUMB)
        self._placeholder.fill(Qt.GlobalColor.lightGray)
        self.list = QListWidget(self)
        self.list.setObjectName("photo-list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 16, THUMB + 12))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMinimumWidth(THUMB + 24)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setFixedHeight(THUMB + 14)
        self.list.setAcceptDrops(False)
        self.list.viewport().setAcceptDrops(False)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.list.itemActivated.connect(self._on_item_activated)
        self.hint = QLabel(tr("Drop photos here or use Add photo…"), self)
        self.hint.setStyleSheet("color: #5f6b73;")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(tr("Add photo…"), self)
        self.add_button.setObjectName("add-photo")
        self.add_button.clicked.connect(self.add_requested)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def show_photos(self, attachment_ids: list[str]) -> None:
        """Show thumbnails of these photos."""
        self.list.clear()
        for attachment_id in attachment_ids:
            info = self.session.attachment(attachment_id)
            item = QListWidgetItem(QIcon(self.thumbnail(attachment_id)), "", self.list)
            item.setData(_ID, attachment_id)
            if info is not None:
                tip = [info.filename]
                if info.taken:
                    tip.append(
                        tr("Taken {when}").format(when=info.taken.strftime("%Y-%m-%d %H:%M"))
                    )
                if info.lat is not None and info.lon is not None:
                    tip.append(
                        tr("GPS {lat}, {lon}").format(lat=f"{info.lat:.5f}", lon=f"{info.lon:.5f}")
                    )
                else:
                    tip.append(tr("No GPS position"))
                if info.caption:
                    tip.insert(0, info.caption)
                item.setToolTip("\n".join(tip))
        self.list.setVisible(bool(attachment_ids))

    def thumbnail(self, attachment_id: str) -> QPixmap:
        """The cached thumbnail, or a grey placeholder while a worker decodes it."""
        pixmap = self.thumbnails.get(attachment_id)
        return pixmap if pixmap is not None else self._placeholder

    def _on_thumbnail_ready(self, attachment_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_ID) == attachment_id:
                item.setIcon(QIcon(self.thumbnail(attachment_id)))

    def photo_ids(self) -> list[str]:
        """Attachment ids shown, in order."""
        return [self.list.item(i).data(_ID) for i in range(self.list.count())]

    # --- drag and drop ---------------------------------------------------------------------

    @staticmethod
    def _photo_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            url.toLocalFile()
            for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in PHOTO_SUFFIXES
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Accept drags that carry photo files."""
        if self._photo_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        """Keep accepting over the whole strip."""
        if self._photo_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Add the dropped photo files."""
        paths = self._photo_paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    # --- handlers -------------------------------------------------------------------------

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(_ID))

    def _on_context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        attachment_id = item.data(_ID)
        menu = QMenu(self)
        menu.addAction(tr("Open photo"), lambda: self.open_requested.emit(attachment_id))
        menu.addAction(tr("Caption and mark up…"), lambda: self.edit_requested.emit(attachment_id))
        info = self.session.attachment(attachment_id)
        placed = info is not None and info.lon is not None
        menu.addAction(
            tr("Move on the map…") if placed else tr("Place on the map…"),
            lambda: self.place_requested.emit(attachment_id),
        )
        menu.addAction(tr("Remove photo"), lambda: self.remove_requested.emit(attachment_id))
        menu.exec(self.list.viewport().mapToGlobal(pos))
