"""Photo thumbnails decoded off the GUI thread.

A 12-megapixel phone JPEG takes some 35 ms to decode even at 1/8 scale, and an item may carry
several: decoding them on the GUI thread would make walking the checklist stutter. Each
thumbnail is read (own read-only SQLite connection) and decoded by a worker; the view shows a
placeholder until :attr:`ThumbnailCache.ready` says the thumbnail is there. QImageReader
releases the GIL while it decodes, so the GUI keeps running.
"""

from __future__ import annotations

import atexit
import sqlite3
import weakref
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QImage, QImageReader, QPixmap

from avsec.core.errors import AvsecError
from avsec.store.attachments import read_thumbnail


def decode_image(data: bytes, longest_side: int = 0) -> QImage:
    """Decode image bytes, scaled at decode time when ``longest_side`` is set (fast for JPEG).

    Safe in worker threads (QImage, not QPixmap). A null image when the bytes are unreadable.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # honour the EXIF orientation of phone photos
    from avsec.io.images import too_large

    claimed = reader.size()
    if claimed.isValid() and too_large(claimed.width(), claimed.height()):
        return QImage()  # past the pixel limit shared with the report: never decoded
    if longest_side:
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > longest_side:
            size.scale(longest_side, longest_side, Qt.AspectRatioMode.KeepAspectRatio)
            reader.setScaledSize(size)
    return reader.read()


#: Every live cache: their workers must stop before the interpreter tears Qt down (a worker
#: still decoding at exit crashes the process).
_LIVE: weakref.WeakSet[ThumbnailCache] = weakref.WeakSet()


@atexit.register
def _stop_workers() -> None:
    for cache in list(_LIVE):
        cache.shutdown()


class _Relay(QObject):
    """Lives on the GUI thread; workers emit through it (queued across threads)."""

    decoded = Signal(str, QImage)


class _DecodeTask(QRunnable):
    def __init__(self, database: Path, attachment_id: str, size: int, relay: _Relay):
        super().__init__()
        self.database = database
        self.attachment_id = attachment_id
        self.size = size
        self.relay = relay

    def run(self) -> None:
        image = QImage()
        try:
            from avsec.store.crypto import connect_read_only  # plain, or a known passphrase

            connection = connect_read_only(self.database)
            try:
                # The stored 256 px thumbnail; a file from avsec < 3 may lack it (the original).
                data = read_thumbnail(connection, self.attachment_id)
                if data is None:
                    row = connection.execute(
                        "SELECT original FROM attachment_data WHERE id = ?", (self.attachment_id,)
                    ).fetchone()
                    data = None if row is None else bytes(row[0])
            finally:
                connection.close()
            if data is not None:
                image = decode_image(data, self.size)
        except (sqlite3.Error, OSError, AvsecError):  # AvsecError: passphrase not known
            pass  # a placeholder stays: the thumbnail is not worth an error box
        self.relay.decoded.emit(self.attachment_id, image)


class ThumbnailCache(QObject):
    """Thumbnails of the photos stored in one .avsec file.

    Parameters
    ----------
    database
        The .avsec file (read with separate read-only connections).
    size
        Longest side of a thumbnail, pixels.
    """

    #: The thumbnail of this attachment id is now available from :meth:`get`.
    ready = Signal(str)

    def __init__(self, database: Path, size: int = 96, parent: QObject | None = None):
        super().__init__(parent)
        self.database = Path(database)
        self.size = size
        self._pixmaps: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._relay = _Relay(self)
        self._relay.decoded.connect(self._on_decoded)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._stopped = False
        _LIVE.add(self)

    def get(self, attachment_id: str) -> QPixmap | None:
        """The thumbnail, or None while it is being decoded (then :attr:`ready` follows)."""
        pixmap = self._pixmaps.get(attachment_id)
        if pixmap is None and attachment_id not in self._pending and not self._stopped:
            self._pending.add(attachment_id)
            self._pool.start(_DecodeTask(self.database, attachment_id, self.size, self._relay))
        return pixmap

    def forget(self, attachment_ids: object) -> None:
        """Drop these thumbnails (their marked-up copy changed): the next :meth:`get` reads
        the new one."""
        for attachment_id in list(attachment_ids):  # type: ignore[call-overload]
            self._pixmaps.pop(attachment_id, None)

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until every queued thumbnail is decoded (tests, screenshots)."""
        done = self._pool.waitForDone(msecs)
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.processEvents()
        return done

    def shutdown(self) -> None:
        """Drop queued work and wait for running tasks (before the session goes away)."""
        if self._stopped:
            return
        self._stopped = True
        _LIVE.discard(self)
        self._pool.clear()
        self._pool.waitForDone()

    def _on_decoded(self, attachment_id: str, image: QImage) -> None:
        self._pending.discard(attachment_id)
        if self._stopped:
            return
        if image.isNull():
            pixmap = QPixmap(self.size, self.size)
            pixmap.fill(Qt.GlobalColor.lightGray)
        else:
            pixmap = QPixmap.fromImage(image)
        self._pixmaps[attachment_id] = pixmap
        self.ready.emit(attachment_id)
