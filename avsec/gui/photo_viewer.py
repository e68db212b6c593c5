"""A photo at a readable size, with when and where it was taken."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from avsec.gui.i18n import tr
from avsec.gui.photo_link_field import PhotoLinkField
from avsec.gui.session import Session
from avsec.gui.thumbnails import decode_image

_LONGEST_SIDE = 1000


class PhotoViewer(QDialog):
    """Shows one stored photo.

    Parameters
    ----------
    session
        The open assessment holding the photo.
    attachment_id
        The photo's id (sha256).
    """

    def __init__(self, session: Session, attachment_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        info = session.attachment(attachment_id)
        self.setWindowTitle(tr("Photo {name}").format(name=info.filename if info else ""))
        image = decode_image(session.file.attachment_bytes(attachment_id) or b"", _LONGEST_SIDE)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if not image.isNull():
            self.picture.setPixmap(QPixmap.fromImage(image))
        lines = []
        if info is not None:
            if info.taken:
                lines.append(tr("Taken {when}").format(when=info.taken.strftime("%Y-%m-%d %H:%M")))
            if info.lat is not None and info.lon is not None:
                lines.append(
                    tr("GPS {lat}, {lon}").format(lat=f"{info.lat:.6f}", lon=f"{info.lon:.6f}")
                )
            else:
                lines.append(tr("No GPS position"))
        self.details = QLabel(" · ".join(lines), self)
        self.link = PhotoLinkField(session, attachment_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.link)
        layout.addWidget(buttons)
